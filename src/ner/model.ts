/**
 * The trained model as data, and its file format: one gzip stream holding a JSON header (lexicon, case
 * priors, gazetteer, training notes), the feature names, and the weights quantised to 8 bits per value.
 */
import {gunzipSync, gzipSync} from 'node:zlib'
import type {Lexicon} from './lexicon.ts'
import type {NameCounts} from './names.ts'
import {TAG_COUNT, type NerType} from './tags.ts'

/** Everything the recogniser needs at inference; the training script writes it, `loadModel` reads it. */
export interface NerModel {
  /** feature names; feature `i` owns weights `[i * TAG_COUNT, (i + 1) * TAG_COUNT)` */
  features: string[]
  weights: Float32Array
  lexicon: Lexicon
  /** lowercase word -> usual case in running training text (see FeatureResources.casePrior) */
  casePrior: Map<string, string>
  /** names harvested from the training file: lowercase tokens and type */
  gazetteer: {tokens: string[]; type: NerType}[]
  /** counts behind the spelling-based name classifier, or null for a model trained without it */
  names: NameCounts | null
  /** word clusters learned from unlabeled news (cluster key -> bit path); absent in models trained without them */
  clusters?: Map<string, string> | null
  /** how the model was made (seed, epochs, data, dev score), for the record */
  meta: Record<string, unknown>
}

const MAGIC = 'LEDENER1'
const FORMAT_VERSION = 1

interface Header {
  version: number
  tagCount: number
  featureCount: number
  scale: number
  lexicon: Lexicon
  casePrior: string
  gazetteer: string
  names: {ngrams: string; counts: string; words: number[]; totals: number[]} | null
  /** `key\tpath` lines; absent in files written before clusters existed */
  clusters?: string
  meta: Record<string, unknown>
}

/**
 * Serialises a model, dropping features whose quantised weights are all zero; the bytes depend only on the
 * model, so the same training run gives byte-identical files.
 */
export function serializeModel(model: NerModel): Buffer {
  let maxAbs = 0
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w))
  const scale = maxAbs > 0 ? maxAbs / 127 : 1
  const kept: number[] = []
  const quantised: number[] = []
  for (let f = 0; f < model.features.length; f++) {
    const row: number[] = []
    let any = false
    for (let k = 0; k < TAG_COUNT; k++) {
      const q = Math.max(-127, Math.min(127, Math.round(model.weights[f * TAG_COUNT + k] / scale)))
      row.push(q)
      if (q !== 0) any = true
    }
    if (!any) continue
    kept.push(f)
    quantised.push(...row)
  }
  const header: Header = {
    version: FORMAT_VERSION,
    tagCount: TAG_COUNT,
    featureCount: kept.length,
    scale,
    lexicon: model.lexicon,
    casePrior: [...model.casePrior].map(([word, prior]) => `${word}\t${prior}`).join('\n'),
    gazetteer: model.gazetteer.map((entry) => `${entry.type}\t${entry.tokens.join(' ')}`).join('\n'),
    names: model.names && {
      ngrams: model.names.ngrams.join('\n'),
      counts: model.names.counts.map((n) => n.toString(36)).join(','),
      words: model.names.words,
      totals: model.names.totals,
    },
    ...(model.clusters ? {clusters: [...model.clusters].map(([key, path]) => `${key}\t${path}`).join('\n')} : {}),
    meta: model.meta,
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  const featureBytes = Buffer.from(kept.map((f) => model.features[f]).join('\n'), 'utf8')
  const sizes = Buffer.alloc(8)
  sizes.writeUInt32LE(headerBytes.length, 0)
  sizes.writeUInt32LE(featureBytes.length, 4)
  const weightBytes = Buffer.from(Int8Array.from(quantised).buffer)
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), sizes, headerBytes, featureBytes, weightBytes]), {level: 9})
}

/** Reads a model written by {@link serializeModel}; throws on a file of another format or version. */
export function parseModel(bytes: Uint8Array): NerModel {
  const raw = gunzipSync(bytes)
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a lede NER model file')
  const headerLength = raw.readUInt32LE(MAGIC.length)
  const featureLength = raw.readUInt32LE(MAGIC.length + 4)
  let at = MAGIC.length + 8
  const header = JSON.parse(raw.subarray(at, at + headerLength).toString('utf8')) as Header
  at += headerLength
  if (header.version !== FORMAT_VERSION || header.tagCount !== TAG_COUNT) {
    throw new Error(`NER model format ${header.version} with ${header.tagCount} tags; this code reads format ${FORMAT_VERSION} with ${TAG_COUNT}`)
  }
  const featureText = raw.subarray(at, at + featureLength).toString('utf8')
  at += featureLength
  const features = header.featureCount === 0 ? [] : featureText.split('\n')
  const count = header.featureCount * TAG_COUNT
  const quantised = new Int8Array(raw.buffer, raw.byteOffset + at, count)
  const weights = new Float32Array(count)
  for (let i = 0; i < count; i++) weights[i] = quantised[i] * header.scale
  const casePrior = new Map<string, string>()
  for (const line of header.casePrior ? header.casePrior.split('\n') : []) {
    const tab = line.indexOf('\t')
    casePrior.set(line.slice(0, tab), line.slice(tab + 1))
  }
  const gazetteer = (header.gazetteer ? header.gazetteer.split('\n') : []).map((line) => {
    const tab = line.indexOf('\t')
    return {type: line.slice(0, tab) as NerType, tokens: line.slice(tab + 1).split(' ')}
  })
  const names: NameCounts | null = header.names && {
    ngrams: header.names.ngrams ? header.names.ngrams.split('\n') : [],
    counts: header.names.counts ? parseBase36List(header.names.counts) : [],
    words: header.names.words,
    totals: header.names.totals,
  }
  let clusters: Map<string, string> | null = null
  if (header.clusters) {
    clusters = new Map()
    for (const line of header.clusters.split('\n')) {
      const tab = line.indexOf('\t')
      clusters.set(line.slice(0, tab), line.slice(tab + 1))
    }
  }
  return {features, weights, lexicon: header.lexicon, casePrior, gazetteer, names, clusters, meta: header.meta}
}

/**
 * `text.split(',').map((n) => parseInt(n, 36))` for lists of non-negative base-36 integers, read in one pass
 * (the name classifier's counts are a hundred thousand of them, read by every worker thread at start-up);
 * falls back to parseInt for anything else.
 */
export function parseBase36List(text: string): number[] {
  const out: number[] = []
  let value = 0
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44
    if (code === 44) {
      out.push(i > start ? value : NaN)
      value = 0
      start = i + 1
      continue
    }
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : -1
    // exact while below 2^53; anything else (a sign, a capital, a huge value) goes through parseInt
    if (digit < 0 || value > 2 ** 40) return text.split(',').map((n) => parseInt(n, 36))
    value = value * 36 + digit
  }
  return out
}

