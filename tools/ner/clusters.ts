/**
 * Word clusters from unlabeled news text, for the recogniser's cluster-prefix features (Ratinov & Roth 2009 use
 * Brown clusters' bit paths cut at lengths 4, 6, 10 and 20). This builds a hierarchy of the same shape by a faster
 * route than Brown's agglomerative merge, which is too slow to rerun casually in JavaScript:
 * 1. each frequent word is described by its neighbours at offsets -2, -1, +1, +2 (positive PMI over the 3,000 most
 *    frequent words, contexts smoothed by ^0.75);
 * 2. those sparse vectors are projected onto their top singular directions (randomised range finder with power
 *    iterations), which pools the evidence of rare words;
 * 3. the word vectors are split in two again and again (spherical 2-means started from the principal direction),
 *    and a word's path is the string of 0/1 choices down to its leaf, as in a Brown hierarchy.
 * Deterministic: fixed seed, sorted vocabulary. Research code: only the resulting table ships, inside the model.
 */
import {clusterKey} from '../../src/ner/features.ts'
import {createRandom} from './train.ts'

/** Settings of one clustering run; the defaults are the shipped table's. */
export interface ClusterOptions {
  /** words seen fewer times than this get no cluster */
  minCount: number
  /** how many of the most frequent words serve as context words (each on the left and on the right) */
  contexts: number
  /** dimensions kept from the projection */
  dims: number
  /** a node with fewer words than this is a leaf */
  minLeaf: number
  /** longest path */
  maxDepth: number
  /** neighbours on each side that describe a word (1: the bigram contexts Brown clustering sees; 2 adds the next ones) */
  window: number
  seed: number
}

/** The defaults used for the shipped table. */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {minCount: 3, contexts: 3000, dims: 100, minLeaf: 20, maxDepth: 20, window: 2, seed: 7}

/** One word's cluster path and how often the word was seen. */
export interface ClusterEntry {
  word: string
  path: string
  count: number
}

const BOUNDARY = '<b>'

/**
 * Clusters the words of `documents` (each a token sequence; a document boundary breaks every context). Only words
 * with a letter get a path; the result is sorted by word.
 */
export function clusterWords(documents: readonly string[][], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): ClusterEntry[] {
  // counts of every key, in a fixed order
  const counts = new Map<string, number>()
  const streams: string[][] = documents.map((doc) => doc.map(clusterKey))
  for (const doc of streams) for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1)
  const byFrequency = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0))
  const contextIds = new Map<string, number>()
  contextIds.set(BOUNDARY, 0)
  for (const w of byFrequency) {
    if (contextIds.size >= options.contexts) break
    contextIds.set(w, contextIds.size)
  }
  const C = contextIds.size
  const vocab = [...counts.keys()].filter((w) => counts.get(w)! >= options.minCount && /\p{L}/u.test(w)).sort()
  const wordIds = new Map(vocab.map((w, i) => [w, i]))
  const V = vocab.length

  // co-occurrence counts: block b of C columns is the neighbour at offset -window..-1, 1..window
  const offsets: number[] = []
  for (let o = -options.window; o <= options.window; o++) if (o !== 0) offsets.push(o)
  const cooc: Map<number, number>[] = Array.from({length: V}, () => new Map())
  for (const doc of streams) {
    for (let i = 0; i < doc.length; i++) {
      const w = wordIds.get(doc[i])
      if (w === undefined) continue
      const row = cooc[w]
      offsets.forEach((o, b) => {
        const j = i + o
        const c = j >= 0 && j < doc.length ? contextIds.get(doc[j]) : 0
        if (c !== undefined) row.set(b * C + c, (row.get(b * C + c) ?? 0) + 1)
      })
    }
  }
  const D2 = offsets.length * C
  const rowTotal = new Float64Array(V)
  const colTotal = new Float64Array(D2)
  let total = 0
  for (let w = 0; w < V; w++) {
    for (const [c, n] of cooc[w]) {
      rowTotal[w] += n
      colTotal[c] += n
      total += n
    }
  }
  const colSmoothed = colTotal.map((n) => Math.pow(n, 0.75))
  const smoothedTotal = colSmoothed.reduce((a, b) => a + b, 0)
  // sparse PPMI rows (CSR)
  const rowStart = new Int32Array(V + 1)
  const cols: number[] = []
  const vals: number[] = []
  for (let w = 0; w < V; w++) {
    const entries = [...cooc[w]].sort((a, b) => a[0] - b[0])
    for (const [c, n] of entries) {
      const pmi = Math.log((n / rowTotal[w]) / (colSmoothed[c] / smoothedTotal))
      if (pmi > 0) {
        cols.push(c)
        vals.push(pmi)
      }
    }
    rowStart[w + 1] = cols.length
  }
  const colIdx = Int32Array.from(cols)
  const value = Float64Array.from(vals)

  // randomised range finder for the row space: P (D2 x d) orthonormal, two power iterations
  const d = options.dims
  const random = createRandom(options.seed)
  let P: Float64Array = new Float64Array(D2 * d)
  for (let i = 0; i < P.length; i++) P[i] = random() * 2 - 1
  const multiply = (basis: Float64Array): Float64Array => {
    // Y = A basis (V x d)
    const Y = new Float64Array(V * d)
    for (let w = 0; w < V; w++) {
      for (let k = rowStart[w]; k < rowStart[w + 1]; k++) {
        const c = colIdx[k]
        const v = value[k]
        for (let j = 0; j < d; j++) Y[w * d + j] += v * basis[c * d + j]
      }
    }
    return Y
  }
  const multiplyT = (Y: Float64Array): Float64Array => {
    // Z = A^T Y (D2 x d)
    const Z = new Float64Array(D2 * d)
    for (let w = 0; w < V; w++) {
      for (let k = rowStart[w]; k < rowStart[w + 1]; k++) {
        const c = colIdx[k]
        const v = value[k]
        for (let j = 0; j < d; j++) Z[c * d + j] += v * Y[w * d + j]
      }
    }
    return Z
  }
  for (let iteration = 0; iteration < 3; iteration++) P = orthonormalise(multiplyT(multiply(P)), D2, d)
  const E = multiply(P)
  for (let w = 0; w < V; w++) {
    let norm = 0
    for (let j = 0; j < d; j++) norm += E[w * d + j] ** 2
    norm = Math.sqrt(norm) || 1
    for (let j = 0; j < d; j++) E[w * d + j] /= norm
  }

  const paths = bisectVectors(E, d, V, options)
  return vocab.map((word, i) => ({word, path: paths[i] || '0', count: counts.get(word)!}))
}

/**
 * The bit path of each of `count` unit vectors (`E`, `d` values each, row-major) in a hierarchy made by splitting
 * them in two again and again (see twoMeans) until a node has fewer than `minLeaf` vectors, reaches `maxDepth`
 * or cannot be split; the root's vectors get ''. Deterministic: the same vectors in the same order give the same paths.
 */
export function bisectVectors(E: Float64Array, d: number, count: number, options: {minLeaf: number; maxDepth: number}): string[] {
  const paths: string[] = new Array(count).fill('')
  const split = (members: number[], path: string) => {
    if (members.length < options.minLeaf || path.length >= options.maxDepth) {
      for (const w of members) paths[w] = path
      return
    }
    const sides = twoMeans(E, d, members)
    if (!sides) {
      for (const w of members) paths[w] = path
      return
    }
    split(sides[0], `${path}0`)
    split(sides[1], `${path}1`)
  }
  split(Array.from({length: count}, (_, i) => i), '')
  return paths
}

// modified Gram-Schmidt on the columns of a rows x cols matrix (row-major)
function orthonormalise(M: Float64Array, rows: number, cols: number): Float64Array {
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0
      for (let r = 0; r < rows; r++) dot += M[r * cols + j] * M[r * cols + k]
      for (let r = 0; r < rows; r++) M[r * cols + j] -= dot * M[r * cols + k]
    }
    let norm = 0
    for (let r = 0; r < rows; r++) norm += M[r * cols + j] ** 2
    norm = Math.sqrt(norm) || 1
    for (let r = 0; r < rows; r++) M[r * cols + j] /= norm
  }
  return M
}

// splits unit vectors in two: sign of the projection on the principal direction, then spherical 2-means;
// the side holding the first member (in vocabulary order) is side 0, so the result does not depend on float ties
function twoMeans(E: Float64Array, d: number, members: number[]): [number[], number[]] | null {
  const mean = new Float64Array(d)
  for (const w of members) for (let j = 0; j < d; j++) mean[j] += E[w * d + j]
  for (let j = 0; j < d; j++) mean[j] /= members.length
  let dir = new Float64Array(d)
  for (let j = 0; j < d; j++) dir[j] = 1 / Math.sqrt(d) + (j % 2 ? 0.01 : -0.01)
  const centred = (w: number, j: number) => E[w * d + j] - mean[j]
  for (let iteration = 0; iteration < 15; iteration++) {
    const next = new Float64Array(d)
    for (const w of members) {
      let dot = 0
      for (let j = 0; j < d; j++) dot += centred(w, j) * dir[j]
      for (let j = 0; j < d; j++) next[j] += dot * centred(w, j)
    }
    let norm = 0
    for (let j = 0; j < d; j++) norm += next[j] ** 2
    norm = Math.sqrt(norm)
    if (norm === 0) return null
    for (let j = 0; j < d; j++) next[j] /= norm
    dir = next
  }
  let side = members.map((w) => {
    let dot = 0
    for (let j = 0; j < d; j++) dot += centred(w, j) * dir[j]
    return dot >= 0 ? 1 : 0
  })
  for (let iteration = 0; iteration < 8; iteration++) {
    const centroids = [new Float64Array(d), new Float64Array(d)]
    members.forEach((w, i) => {
      for (let j = 0; j < d; j++) centroids[side[i]][j] += E[w * d + j]
    })
    const n0 = norm(centroids[0]) || 1
    const n1 = norm(centroids[1]) || 1
    let changed = false
    side = members.map((w, i) => {
      let a = 0
      let b = 0
      for (let j = 0; j < d; j++) {
        a += E[w * d + j] * centroids[0][j]
        b += E[w * d + j] * centroids[1][j]
      }
      // cosine to each normalised centroid
      const s = b / n1 > a / n0 ? 1 : 0
      if (s !== side[i]) changed = true
      return s
    })
    if (!changed) break
  }
  const first = side[0]
  const out: [number[], number[]] = [[], []]
  members.forEach((w, i) => out[side[i] === first ? 0 : 1].push(w))
  return out[0].length === 0 || out[1].length === 0 ? null : out
}

function norm(v: Float64Array): number {
  let s = 0
  for (const x of v) s += x * x
  return Math.sqrt(s)
}
