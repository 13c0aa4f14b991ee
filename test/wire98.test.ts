// The 1998 wire set (test/wire98): hand-written AP/NYT-style stories in SGML wire files and one pasted .txt, with
// hand-written gold. (1) Regression: every record the news pipeline writes for the corpus, errors included, is
// test/wire98/expected.jsonl, regenerated only with UPDATE=1 after reading the diff. (2) Every gold file validates and
// every gold string is found in the text the run keeps, so clean never removes a name and never leaves a code behind.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../pipelines/index.ts'
import {listCorpus, readCorpus} from '../src/io/corpus.ts'
import {buildRecords} from '../src/io/records.ts'
import {locateGold, validateGold} from '../src/eval/gold.ts'
import {processDoc} from '../src/stage.ts'
import type {Doc} from '../src/doc.ts'

const root = new URL('./wire98/', import.meta.url).pathname
const pipeline = PIPELINES.news!.build()

async function run(): Promise<{lines: string; docs: Doc[]}> {
  const out: string[] = []
  const docs: Doc[] = []
  for await (const item of readCorpus(`${root}corpus`, await listCorpus(`${root}corpus`))) {
    if (item.kind === 'error') {
      out.push(`${JSON.stringify(item.error)}\n`)
      continue
    }
    const doc = processDoc(pipeline, item.doc)
    docs.push(doc)
    const l = buildRecords(doc).lines
    out.push(`${l.articles}${l.entities}${l.quotes}${l.money}${l.errors}`)
  }
  return {lines: out.join(''), docs}
}

describe('the 1998 wire set', () => {
  it('gives the expected records (UPDATE=1 regenerates them)', async () => {
    const {lines} = await run()
    const expectedPath = `${root}expected.jsonl`
    if (process.env.UPDATE === '1') {
      writeFileSync(expectedPath, lines)
      return
    }
    if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run UPDATE=1 npx vitest run test/wire98.test.ts and review the diff`)
    expect(lines).toBe(readFileSync(expectedPath, 'utf8'))
  })

  it('keeps every gold string and no typesetting code in the cleaned text', async () => {
    const {docs} = await run()
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
    for (const doc of docs) expect(doc.text, doc.source).not.toMatch(/&(?:Q[LCR]|[UL]R|MD|HT|Cx[0-9a-f]{2}|AMP);|^BC-|N\.Y\. Times News Service/m)
  })
})
