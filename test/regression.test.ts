// Regression fixtures: test/fixtures/<case>/input.txt (one article) or test/fixtures/<case>/corpus/ (a corpus folder as
// `lede run` reads it: SGML wire files, several documents per file, ingest errors) and the records the news pipeline wrote.
// Expected files are regenerated only with UPDATE=1 (then reviewed in the diff); gold files are never.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../pipelines/index.ts'
import {createDoc} from '../src/doc.ts'
import {contentId, listCorpus, normaliseNewlines, readCorpus} from '../src/io/corpus.ts'
import {buildRecords} from '../src/io/records.ts'
import {processDoc} from '../src/stage.ts'

const root = new URL('./fixtures/', import.meta.url).pathname
const cases = readdirSync(root, {withFileTypes: true})
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'input.txt')))
  .map((d) => d.name)
  .sort()
const corpusCases = readdirSync(root, {withFileTypes: true})
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'corpus')))
  .map((d) => d.name)
  .sort()
const pipeline = PIPELINES.news!.build()

// every record of a corpus folder in input order, ingest errors included, as the run writes them
async function corpusLines(dir: string): Promise<string> {
  const out: string[] = []
  for await (const item of readCorpus(dir, await listCorpus(dir))) {
    if (item.kind === 'error') {
      out.push(`${JSON.stringify(item.error)}\n`)
      continue
    }
    const l = buildRecords(processDoc(pipeline, item.doc)).lines
    out.push(`${l.articles}${l.entities}${l.quotes}${l.money}${l.errors}`)
  }
  return out.join('')
}

describe('regression fixtures', () => {
  it.each(cases)('%s', (name) => {
    const text = normaliseNewlines(readFileSync(join(root, name, 'input.txt'), 'utf8'))
    const doc = processDoc(pipeline, createDoc({id: contentId(text), source: `${name}/input.txt`, text}))
    // the JSONL as written (what the workers hand the writer)
    const written = buildRecords(doc).lines
    const lines = `${written.articles}${written.entities}${written.quotes}${written.money}${written.errors}`.slice(0, -1)
    const expectedPath = join(root, name, 'expected.jsonl')
    if (process.env.UPDATE === '1') {
      writeFileSync(expectedPath, `${lines}\n`)
      return
    }
    if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run UPDATE=1 npx vitest run test/regression.test.ts and review the diff`)
    expect(`${lines}\n`).toBe(readFileSync(expectedPath, 'utf8'))
  })

  it.each(corpusCases)('%s (corpus folder)', async (name) => {
    const lines = await corpusLines(join(root, name, 'corpus'))
    const expectedPath = join(root, name, 'expected.jsonl')
    if (process.env.UPDATE === '1') {
      writeFileSync(expectedPath, lines)
      return
    }
    if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run UPDATE=1 npx vitest run test/regression.test.ts and review the diff`)
    expect(lines).toBe(readFileSync(expectedPath, 'utf8'))
  })
})
