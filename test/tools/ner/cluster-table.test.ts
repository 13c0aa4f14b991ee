import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {afterAll, describe, expect, it} from 'vitest'
import {loadModel} from '../../../src/ner/recognise.ts'
import {parseClusterTable, readClusterTable, SHIPPED_CLUSTERS_URL} from '../../../tools/ner/cluster-table.ts'

describe('parseClusterTable', () => {
  it.each([
    ['word, path and count', 'Paris\t0110\t12\nLondon\t0111\t9\n', [['Paris', '0110'], ['London', '0111']]],
    ['word and path only, no final newline', 'said\t10', [['said', '10']]],
    ['blank lines skipped', '\nsaid\t10\n\n', [['said', '10']]],
  ])('%s', (_name, text, expected) => {
    expect([...parseClusterTable(text)]).toEqual(expected)
  })

  it.each([
    ['a path that is not 0/1', 'Paris\t01a0\t3\n'],
    ['no path', 'Paris\n'],
    ['no word', '\t0110\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseClusterTable(text)).toThrow(/not a cluster table line/)
  })
})

describe('readClusterTable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-cluster-table-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  const text = 'Paris\t0110\t12\nLondon\t0111\t9\n'
  writeFileSync(join(dir, 'b.tsv'), text)
  writeFileSync(join(dir, 'b.tsv.gz'), gzipSync(text))
  const plain = readClusterTable(join(dir, 'b.tsv'))

  it.each(['b.tsv', 'b.tsv.gz'])('reads %s as the plain table: same words, digest and name', (file) => {
    expect(readClusterTable(join(dir, file))).toEqual({table: new Map([['Paris', '0110'], ['London', '0111']]), digest: plain.digest, name: 'b.tsv'})
  })

  it('digests the plain text (the sha256 prefix a model records)', () => {
    expect(plain.digest).toMatch(/^[0-9a-f]{16}$/)
  })
})

// the shipped model stores the whole table it was trained with: the shipped table must be that table, so that
// train:ner's default reproduces models/ner.bin (retrain the model or replace the table, never one alone)
describe('the shipped cluster table (models/ner-clusters.tsv.gz)', () => {
  const shipped = readClusterTable(SHIPPED_CLUSTERS_URL)
  const model = loadModel()
  const meta = model.meta as {clusters?: {file: string; words: number; sha256: string}}

  it.each([
    ['file', 'ner-clusters.tsv'],
    ['words', shipped.table.size],
    ['sha256', shipped.digest],
  ])("is what models/ner.bin's metadata names: %s", (key, value) => {
    expect(meta.clusters?.[key as 'file' | 'words' | 'sha256']).toBe(value)
  })

  it("holds the model's path for every word the model holds, and no other word", () => {
    const stored = model.clusters!
    expect(stored.size).toBe(shipped.table.size)
    const differing = [...stored].filter(([word, path]) => shipped.table.get(word) !== path)
    expect(differing).toEqual([])
  })
})
