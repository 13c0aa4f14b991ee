// Bylines outside <TEXT> (docs/wire.md, "Bylines outside `<TEXT>`"): SGML wire DOCs whose byline stands in a
// <BYLINE> element or in loose lines between the headline and <TEXT> (test/fixtures/wire-bylines, written for lede in
// wire styles, and the two such NYT DOCs of test/fixtures/wire-1998) get it into the text under the headline, where
// clean keeps it (bylineInText) and the quotes stage never takes its names as speakers; the hand gold's byline names
// (test/fixtures/wire-bylines/gold, gold-1998-bylines) are found as PERSON/ORG; `wireBylineInText: false` leaves it out.
// A <BYLINE> with no `By` goes in too (2026-12-03 pm): its line is known by meta.byline, which findBylines is given;
// so does a loose writer named in capitals (test/fixtures/caps-bylines, 2026-12-03 eve), read by its shape.
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../pipelines/index.ts'
import {listCorpus, readCorpus} from '../src/io/corpus.ts'
import {locateGold, validateGold} from '../src/eval/gold.ts'
import {findBylines} from '../src/clean/clean-text.ts'
import {processDoc} from '../src/stage.ts'
import type {Doc} from '../src/doc.ts'

const fixtures = new URL('./fixtures/', import.meta.url).pathname
const pipeline = PIPELINES.news!.build()

async function run(corpus: string, wireBylineInText?: boolean): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>()
  const options = wireBylineInText === undefined ? {} : {wireBylineInText}
  for await (const item of readCorpus(corpus, await listCorpus(corpus), options)) if (item.kind === 'doc') docs.set(item.doc.source, processDoc(pipeline, item.doc))
  return docs
}

const inside = (spans: Array<{start: number; end: number}>, s: {start: number; end: number}) => spans.some((b) => s.start >= b.start && s.end <= b.end)

describe('SGML bylines in the text', () => {
  it.each([
    ['wire-bylines', 'wire-bylines/gold', 5, 6],
    ['wire-1998', 'wire-bylines/gold-1998-bylines', 2, 2],
    // loose writers named in capitals with no By (docs/all-caps.md, 2026-12-03 eve)
    ['caps-bylines', 'caps-bylines/gold', 3, 3],
  ])('%s: byline names found as the gold has them, never a speaker; left out with wireBylineInText false', async (folder, goldDir, withBlock, writers) => {
    const docs = await run(`${fixtures}${folder}/corpus`)
    const off = await run(`${fixtures}${folder}/corpus`, false)
    let blocks = 0
    let found = 0
    for (const file of readdirSync(`${fixtures}${goldDir}`).filter((f) => f.endsWith('.json')).sort()) {
      const result = validateGold(JSON.parse(readFileSync(`${fixtures}${goldDir}/${file}`, 'utf8')), file)
      if (!result.ok) throw new Error(result.problems.join('\n'))
      const doc = docs.get(result.gold.source)!
      const located = locateGold(result.gold, doc.text)
      // every gold name is in the text, a bare <BYLINE> name too
      expect(located.problems, file).toEqual([])
      const bylines = findBylines(doc.text, doc.meta.byline ?? null)
      if (bylines.length > 0) blocks++
      for (const name of located.entities.filter((e) => inside(bylines, e))) {
        expect(doc.entities!.some((e) => e.start === name.start && e.end === name.end && e.label === name.label), `${file}: ${name.text} ${name.label}`).toBe(true)
        if (name.label === 'PERSON') found++
      }
      for (const quote of doc.quotes ?? []) {
        const {start, end, entityId} = quote.speaker
        if (start !== null && end !== null) expect(inside(bylines, {start, end}), `${file}: speaker ${quote.speaker.mention}`).toBe(false)
        if (entityId !== null) expect(doc.entities!.some((e) => e.entityId === entityId && inside(bylines, e)), `${file}: speaker's entity on the byline`).toBe(false)
      }
      const left = off.get(result.gold.source)!
      expect(findBylines(left.text, left.meta.byline ?? null), file).toEqual([])
    }
    expect(blocks).toBe(withBlock)
    expect(found).toBe(writers)
  })

  it('writes a bare <BYLINE> name (no By) into the text as the byline, and a "he said" does not take the writer as speaker', async () => {
    const doc = (await run(`${fixtures}wire-bylines/corpus`)).get('apw19980416.sgml:55')!
    expect(doc.meta.byline).toBe('Tobias Wren')
    const at = doc.text.indexOf('Tobias Wren')
    expect(findBylines(doc.text, doc.meta.byline!)).toContainEqual({start: at, end: at + 'Tobias Wren'.length})
    expect(doc.quotes!.length).toBeGreaterThan(0)
    expect(doc.quotes!.map((q) => q.speaker.name)).not.toContain('Tobias Wren')
  })
})
