import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Doc} from '../../src/doc.ts'
import {runCorpus} from '../../src/run/batch.ts'
import {createPipeline, type Stage} from '../../src/stage.ts'

// a toy pipeline: every capitalised word is a PERSON; "€N" is money; text containing CRASH throws
const toy: Stage = {
  name: 'toy',
  requires: ['text'],
  assigns: ['entities', 'money', 'quotes'],
  run(doc: Doc) {
    if (doc.text.includes('CRASH')) throw new Error('toy stage cannot handle CRASH')
    doc.entities = [...doc.text.matchAll(/\p{Lu}\p{Ll}+/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      label: 'PERSON' as const,
      canonical: m[0],
      entityId: `person:${m[0].toLowerCase()}`,
    }))
    doc.money = [...doc.text.matchAll(/€(\d+)/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      amount: Number(m[1]),
      value: m[1]!,
      currency: 'EUR',
      currencyAssumed: false,
    }))
    doc.quotes = []
  },
}
const pipeline = createPipeline('toy', [toy])

async function setup(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'lede-run-'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  return dir
}
const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l))

describe('runCorpus', () => {
  const files = {
    'b.txt': 'Olena 😀 paid €5 to Maria.',
    'a.txt': 'Anna paid €7.',
    'c.txt': 'Ivan says CRASH.',
    'd.txt': '\u0000\u0001\u0002\u0003\u0004bin',
  }

  it('writes every record in input order with code-point offsets, and accounts for failures', async () => {
    const corpus = await setup(files)
    const out = join(corpus, 'out')
    const result = await runCorpus({corpusDir: corpus, outDir: out, pipeline})
    expect(result.exitCode).toBe(1)
    const articles = await lines(join(out, 'articles.jsonl'))
    expect(articles.map((a) => a.source)).toEqual(['a.txt', 'b.txt'])
    const entities = await lines(join(out, 'entities.jsonl'))
    expect(entities.map((e) => e.text)).toEqual(['Anna', 'Olena', 'Maria'])
    // code points, as Python slices: the emoji is one character
    const b = articles[1]
    for (const e of entities.filter((x) => x.docId === b.id)) expect([...b.text].slice(e.start, e.end).join('')).toBe(e.text)
    const money = await lines(join(out, 'money.jsonl'))
    expect(money.map((m) => [m.text, m.amount, m.currency])).toEqual([['€7', 7, 'EUR'], ['€5', 5, 'EUR']])
    const errors = await lines(join(out, 'errors.jsonl'))
    expect(errors.map((e) => [e.source, e.stage, e.code])).toEqual([
      ['c.txt', 'toy', 'toy:exception'],
      ['d.txt', 'ingest', 'ingest:not-text'],
    ])
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({
      pipeline: 'toy',
      inputs: {files: 4, documents: 3, rejected: 1},
      outputs: {articles: 2, entities: 3, quotes: 0, money: 2},
      errors: 2,
      failedDocuments: 1,
    })
  })

  it('is deterministic: the same corpus gives byte-identical JSONL', async () => {
    const corpus = await setup(files)
    const read = async (out: string) => Promise.all(['articles', 'entities', 'quotes', 'money', 'errors'].map((f) => readFile(join(out, `${f}.jsonl`), 'utf8')))
    const o1 = await mkdtemp(join(tmpdir(), 'lede-o1-'))
    const o2 = await mkdtemp(join(tmpdir(), 'lede-o2-'))
    await runCorpus({corpusDir: corpus, outDir: o1, pipeline, concurrency: 1})
    await runCorpus({corpusDir: corpus, outDir: o2, pipeline, concurrency: 8})
    expect(await read(o1)).toEqual(await read(o2))
  })

  it('exits 0 when everything succeeds', async () => {
    const corpus = await setup({'a.txt': 'Anna paid €7.'})
    expect((await runCorpus({corpusDir: corpus, outDir: join(corpus, 'out'), pipeline})).exitCode).toBe(0)
  })
})
