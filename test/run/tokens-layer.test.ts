import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import {EXIT, main} from '../../src/cli.ts'
import {TokenRecord} from '../../src/schema.ts'

const root = new URL('../..', import.meta.url).pathname
const corpus = join(root, 'test/data/analyst-corpus')
const jsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>)

describe('lede run --layers tokens', () => {
  let out: string
  beforeAll(async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    out = join(mkdtempSync(join(tmpdir(), 'lede-tokens-')), 'out')
    // the corpus holds two bad JSONL lines, hence exit 1
    expect(await main(['run', corpus, '--out', out, '--layers', 'tokens', '--workers', '0'])).toBe(EXIT.documentsFailed)
    vi.restoreAllMocks()
  }, 180_000)
  afterEach(() => vi.restoreAllMocks())

  it('writes one tokens.jsonl line per article, every token of its count', () => {
    const articles = jsonl(join(out, 'articles.jsonl'))
    const tokens = jsonl(join(out, 'tokens.jsonl'))
    expect(tokens.map((t) => t.docId)).toEqual(articles.map((a) => a.id))
    for (const [i, t] of tokens.entries()) {
      expect(TokenRecord.safeParse(t).success).toBe(true)
      expect(t.tokens).toHaveLength(articles[i]!.counts.tokens)
    }
  })

  it('gives code-point offsets, sentence indexes in order, and a tag and lemma to every token', () => {
    const articles = new Map(jsonl(join(out, 'articles.jsonl')).map((a) => [a.id, a.text as string]))
    for (const record of jsonl(join(out, 'tokens.jsonl'))) {
      const points = Array.from(articles.get(record.docId)!)
      let sentence = 0
      for (const t of record.tokens) {
        const text = points.slice(t.start, t.end).join('')
        expect(text.trim()).toBe(text)
        expect(text.length).toBeGreaterThan(0)
        expect(t.sentence).toBeGreaterThanOrEqual(sentence)
        sentence = t.sentence
        expect(t.pos).toMatch(/^[A-Z]+$/)
        expect(t.lemma.length).toBeGreaterThan(0)
      }
    }
    const emoji = jsonl(join(out, 'tokens.jsonl')).find((r) => [...articles.get(r.docId)!].includes('😀'))!
    const points = Array.from(articles.get(emoji.docId)!)
    const said = emoji.tokens.find((t: {start: number; end: number}) => points.slice(t.start, t.end).join('') === 'said' && points[t.start - 2] === '"')
    expect(said).toMatchObject({pos: 'VERB', lemma: 'say'})
  })

  it('exports one DuckDB row per token', async () => {
    const {exportRun} = await import('../../src/export/export.ts')
    const {DuckDBInstance} = await import('@duckdb/node-api')
    const db = join(mkdtempSync(join(tmpdir(), 'lede-tokens-db-')), 'lede.duckdb')
    const counts = await exportRun({outDir: out, duckdb: db})
    const total = jsonl(join(out, 'tokens.jsonl')).reduce((n, r) => n + r.tokens.length, 0)
    expect(counts.tokens).toBe(total)
    const instance = await DuckDBInstance.create(db, {access_mode: 'read_only'})
    const connection = await instance.connect()
    // a token's offsets slice its article's text in DuckDB as in Python (code points)
    const rows = (
      await connection.runAndReadAll(
        `SELECT count(*)::INTEGER AS n, count(DISTINCT t.docId)::INTEGER AS docs, count(*) FILTER (WHERE substring(a.text, t.start + 1, t."end" - t.start) = 'said')::INTEGER AS said
         FROM tokens t JOIN articles a ON a.id = t.docId`,
      )
    ).getRowObjectsJson()
    connection.closeSync()
    instance.closeSync()
    const said = jsonl(join(out, 'articles.jsonl')).reduce((n, a) => n + (a.text.match(/\bsaid\b/g)?.length ?? 0), 0)
    expect(rows[0]).toEqual({n: total, docs: jsonl(join(out, 'articles.jsonl')).length, said})
  }, 180_000)

  it('writes no tokens.jsonl without the flag, and refuses an unknown layer', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const plain = join(mkdtempSync(join(tmpdir(), 'lede-notokens-')), 'out')
    await main(['run', corpus, '--out', plain, '--workers', '0'])
    expect(existsSync(join(plain, 'tokens.jsonl'))).toBe(false)
    expect(await main(['run', corpus, '--out', plain, '--layers', 'pos'])).toBe(EXIT.usage)
  }, 180_000)
})
