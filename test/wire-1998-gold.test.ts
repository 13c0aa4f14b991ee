// The 1998 wire set (test/fixtures/wire-1998): hand-written AP/NYT-style stories in SGML wire files and one pasted
// .txt, with hand-written gold (its records are a regression fixture: test/regression.test.ts). Every gold file
// validates and every gold string is found in the text the news pipeline keeps, so clean never removes a name, and no
// typesetting code or slug is left in a story (the byline and the copyright line stay: they name the writer and the
// service, clean's bylineInText, docs/clean.md).
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../pipelines/index.ts'
import {listCorpus, readCorpus} from '../src/io/corpus.ts'
import {locateGold, validateGold} from '../src/eval/gold.ts'
import {processDoc} from '../src/stage.ts'
import type {Doc} from '../src/doc.ts'

const root = new URL('./fixtures/wire-1998/', import.meta.url).pathname
const pipeline = PIPELINES.news!.build()

describe('the 1998 wire set', () => {
  it('keeps every gold string and no typesetting code or slug in the cleaned text', async () => {
    const docs: Doc[] = []
    for await (const item of readCorpus(`${root}corpus`, await listCorpus(`${root}corpus`))) if (item.kind === 'doc') docs.push(processDoc(pipeline, item.doc))
    const bySource = new Map(docs.map((d) => [d.source, d]))
    const files = readdirSync(`${root}gold`).filter((f) => f.endsWith('.json')).sort()
    expect(files.length).toBeGreaterThanOrEqual(10)
    for (const file of files) {
      const result = validateGold(JSON.parse(readFileSync(`${root}gold/${file}`, 'utf8')), file)
      if (!result.ok) throw new Error(result.problems.join('\n'))
      const doc = bySource.get(result.gold.source)
      expect(doc, result.gold.source).toBeDefined()
      expect(locateGold(result.gold, doc!.text).problems.map((p) => p.message), file).toEqual([])
    }
    for (const doc of docs) expect(doc.text, doc.source).not.toMatch(/&(?:Q[LCR]|[UL]R|MD|HT|Cx[0-9a-f]{2}|AMP);|^BC-/m)
  })
})
