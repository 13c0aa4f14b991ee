/**
 * The trained model as data, and its file format: one gzip stream holding a JSON header (lexicon, case
 * priors, gazetteer, training notes), then the weights quantised to 8 bits per value, laid out as the tagger
 * reads them (see {@link WeightLayout}): the word-type features' hash table and rows are used in place, so
 * loading builds no table of feature names.
 */
import {endianness} from 'node:os'
import {gunzipSync, gzipSync} from 'node:zlib'
import {splitFeatureName, SLOTS, WINDOW} from './features.ts'
import {indexEntries, indexExternal, orgTokenLists, TOKEN_ENTRIES, tokenLists, type ExternalIndex} from './gazetteer.ts'
import {KeyTable} from './key-table.ts'
import {ORG_SOURCE_CATEGORIES, type Lexicon} from './lexicon.ts'
import {ngramTable, type NameCounts} from './names.ts'
import {MODEL_FORMAT, MODEL_FORMAT_WITHOUT_EMBED, MODEL_MAGIC} from './model-file.ts'
import {NER_TYPES, TAG_COUNT, type NerType} from './tags.ts'

/** Everything the recogniser needs at inference; the training script writes it, `loadModel` reads it. */
export interface NerModel {
  /** feature names; feature `i` owns weights `[i * TAG_COUNT, (i + 1) * TAG_COUNT)` (rebuilt on first use from {@link layout} in a loaded model) */
  features: string[]
  weights: Float32Array
  /** in a loaded model: the quantised weights as the tagger reads them, which it uses instead of `features` and `weights` */
  layout?: WeightLayout
  /** in a loaded model: the external gazetteer's index as stored (see ExternalIndex; derived from `lexicon`) */
  externalIndex?: ExternalIndex
  /** in a loaded model: `casePrior`, `clusters` and `embedClusters` as stored tables, which the tagger reads instead of the maps */
  lookups?: {casePrior: StoredLookup; clusters: StoredLookup | null; embedClusters: StoredLookup | null}
  /** in a loaded model: the harvested names as entry lists by type (see tokenLists) and their index as stored */
  harvested?: {lists: string[][]; index: ExternalIndex}
  lexicon: Lexicon
  /** lowercase word -> usual case in running training text (see FeatureResources.casePrior) */
  casePrior: Map<string, string>
  /** names harvested from the training file: lowercase tokens and type */
  gazetteer: {tokens: string[]; type: NerType}[]
  /** counts behind the spelling-based name classifier, or null for a model trained without it */
  names: NameCounts | null
  /** word clusters learned from unlabeled news (cluster key -> bit path); absent in models trained without them */
  clusters?: Map<string, string> | null
  /** word clusters from pretrained embeddings (lowercased word -> bit path); absent in models trained without them */
  embedClusters?: Map<string, string> | null
  /** how the model was made (seed, epochs, data, dev score), for the record */
  meta: Record<string, unknown>
}

/**
 * Weights by feature, laid out for inference. A word-type feature's name is an offset and a base
 * (`-1w=minister`: offset -1, base `w=minister`, see splitFeatureName); a new word type finds each of its bases
 * once in `bases` and reads that base's rows, one per offset it has, from one place.
 */
export interface WeightLayout<Values extends Float32Array | Int8Array = Float32Array | Int8Array> {
  /** base name -> base id, numbered in order of first appearance among the features */
  bases: KeyTable
  /** per base: its first row in `rows` (one entry more than bases: the end) */
  rowStart: Int32Array
  /** per base: bit s set when it has a feature at offset s - WINDOW */
  slotMask: Uint8Array
  /** the word-type features' weights, TAG_COUNT a row, base by base, offsets ascending */
  rows: Values
  /** the other features (token features), in model order, and their weights, TAG_COUNT a feature */
  tokenNames: string[]
  tokenRows: Values
  /** what one quantisation step is worth (1 for unquantised weights) */
  scale: number
}

/** Lays out `values` (TAG_COUNT per feature of `features`) for inference; the result depends only on the two, in order. */
export function layoutWeights<Values extends Float32Array | Int8Array>(features: readonly string[], values: Values, scale: number): WeightLayout<Values> {
  const K = TAG_COUNT
  // most base names come with several offsets: the feature count bounds the table
  const bases = new KeyTable(features.length)
  const slotOf: number[] = []
  const featureOf: number[] = []
  const tokenNames: string[] = []
  const tokenFeatures: number[] = []
  features.forEach((name, f) => {
    const split = splitFeatureName(name)
    if (!split) {
      tokenNames.push(name)
      tokenFeatures.push(f)
      return
    }
    slotOf.push(bases.add(split[1]) * SLOTS + split[0] + WINDOW)
    featureOf.push(f)
  })
  // the feature count was an upper bound: a table sized to the bases is half the memory a probe roams over
  bases.compact()
  const count = bases.size
  // the feature of each (base, offset), -1 for none
  const slotFeature = new Int32Array(count * SLOTS).fill(-1)
  slotOf.forEach((at, i) => (slotFeature[at] = featureOf[i]))
  const make = (n: number) => (values instanceof Int8Array ? new Int8Array(n) : new Float32Array(n)) as Values
  const slotMask = new Uint8Array(count)
  const rowStart = new Int32Array(count + 1)
  const rows = make(slotOf.length * K)
  let row = 0
  for (let base = 0; base < count; base++) {
    rowStart[base] = row
    for (let s = 0; s < SLOTS; s++) {
      const f = slotFeature[base * SLOTS + s]
      if (f < 0) continue
      slotMask[base] |= 1 << s
      rows.set(values.subarray(f * K, (f + 1) * K), row * K)
      row++
    }
  }
  rowStart[count] = row
  const tokenRows = make(tokenFeatures.length * K)
  tokenFeatures.forEach((f, i) => tokenRows.set(values.subarray(f * K, (f + 1) * K), i * K))
  return {bases, rowStart, slotMask, rows, tokenNames, tokenRows, scale}
}

/** The feature names and weights of a layout, token features first, then the bases in id order with their offsets ascending. */
function unlayout(layout: WeightLayout): {features: string[]; weights: Float32Array} {
  const K = TAG_COUNT
  const features = [...layout.tokenNames]
  keysOf(layout.bases.freeze().pool, layout.bases.size).forEach((name, base) => {
    for (let s = 0; s < SLOTS; s++) if (layout.slotMask[base] & (1 << s)) features.push(`${s - WINDOW}${name}`)
  })
  const weights = new Float32Array(features.length * K)
  const token = layout.tokenRows.length
  for (let i = 0; i < token; i++) weights[i] = layout.tokenRows[i] * layout.scale
  for (let i = 0; i < layout.rows.length; i++) weights[token + i] = layout.rows[i] * layout.scale
  return {features, weights}
}

/** A stored word -> string table read in place: keys in a thawed KeyTable, a value id per key, the distinct values. */
export class StoredLookup {
  constructor(
    private readonly keys: KeyTable,
    private readonly valueIds: Uint32Array,
    private readonly values: readonly string[],
  ) {}

  /** The value of `word`, or undefined. */
  get(word: string): string | undefined {
    const id = this.keys.get(word)
    return id < 0 ? undefined : this.values[this.valueIds[id]]
  }

  /** Whether `word` has a value. */
  has(word: string): boolean {
    return this.keys.get(word) >= 0
  }

  /** The table as a Map, in the order it was stored. */
  toMap(): Map<string, string> {
    const keys = keysOf(this.keys.freeze().pool, this.keys.size)
    return new Map(keys.map((key, id) => [key, this.values[this.valueIds[id]]]))
  }
}

// a map's keys as a frozen table (ids in map order), a value id per key and the distinct values in order of first use
function storeLookup(map: ReadonlyMap<string, string>): {arrays: ArrayBufferView[]; sizes: number[]; values: string[]} {
  const keys = new KeyTable(map.size)
  const valueIds = new Uint32Array(map.size)
  const values: string[] = []
  const valueId = new Map<string, number>()
  for (const [key, value] of map) {
    let id = valueId.get(value)
    if (id === undefined) valueId.set(value, (id = values.push(value) - 1))
    valueIds[keys.add(key)] = id
  }
  keys.compact()
  const frozen = keys.freeze()
  return {arrays: [frozen.slots, frozen.pool, valueIds], sizes: [frozen.size, frozen.slots.length, frozen.pool.length], values}
}

// the keys of a frozen table in id order: its records were written one after another as the keys were added
function keysOf(pool: Uint16Array, count: number): string[] {
  const keys: string[] = []
  for (let at = 0; keys.length < count; ) {
    const length = pool[at]
    keys.push(String.fromCharCode(...pool.subarray(at + 3, at + 3 + length)))
    at += 3 + length
  }
  return keys
}

// the format's marks live with the cheap file check (model-file.ts), so the two cannot drift
const MAGIC = MODEL_MAGIC
const FORMAT_VERSION = MODEL_FORMAT
const FORMAT_WITHOUT_EMBED = MODEL_FORMAT_WITHOUT_EMBED

/** Element counts of the binary sections after the header, in file order (each starts at a multiple of 4 bytes). */
interface Sections {
  baseCount: number
  /** Int32 slot pairs of the base table */
  slots: number
  /** Int32 row starts (baseCount + 1) */
  rowStart: number
  /** Uint16 key records of the base table */
  pool: number
  /** Uint8 offset masks (baseCount) */
  slotMask: number
  /** Int8 weights of the word-type features */
  rows: number
  /** Int8 weights of the token features */
  tokenRows: number
  /** the name classifier's n-gram table: how many n-grams, its Int32 slot pairs and Uint16 key records (0 without a classifier) */
  ngrams: number
  ngramSlots: number
  ngramPool: number
  /** Uint32 counts of the name classifier (C per n-gram) */
  nameCounts: number
  /** the case priors and the word clusters as stored lookups (key count, Int32 slot pairs, Uint16 records, then Uint32 value ids); clusters null without */
  casePrior: number[]
  clusters: number[] | null
  /** format 6: the embedding-cluster table as a stored lookup, after `harvested` (absent in format 5) */
  embedClusters?: number[]
  /**
   * the external gazetteer's index (ExternalIndex): its three tables (one-word entries, first tokens of the others,
   * later tokens) as key count, Int32 slot pairs and Uint16 records each, the Uint32 category bits (one per one-word
   * entry), Uint32 ref starts (first tokens + 1) and Uint32 refs
   */
  external: IndexSizes
  /** the same for the names harvested from training text */
  harvested: IndexSizes
}

interface IndexSizes {
  words: number[]
  heads: number[]
  later: number[]
  refs: number
  maxLength: number
}

// an ExternalIndex's sections in file order, and their sizes for the header
function indexSections(index: ExternalIndex): {arrays: ArrayBufferView[]; sizes: IndexSizes} {
  const tables = [index.words, index.heads, index.later].map((table) => table.freeze())
  const sizes = (t: {size: number; slots: Int32Array; pool: Uint16Array}) => [t.size, t.slots.length, t.pool.length]
  return {
    arrays: [...tables.flatMap((t) => [t.slots, t.pool]), index.types, index.refStart, index.refs],
    sizes: {words: sizes(tables[0]), heads: sizes(tables[1]), later: sizes(tables[2]), refs: index.refs.length, maxLength: index.maxLength},
  }
}

interface Header {
  version: number
  tagCount: number
  scale: number
  sections: Sections
  /** the token features' names, one a line, in model order */
  tokenNames: string
  lexicon: Lexicon
  /** the distinct values of the stored case priors and cluster paths, by value id */
  casePrior: string[]
  gazetteer: string
  /** the n-grams themselves are in the n-gram table's section */
  names: {words: number[]; totals: number[]} | null
  clusters: string[] | null
  /** format 6: the distinct embedding-cluster paths, by value id (absent in format 5) */
  embedClusters?: string[]
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
  const layout = layoutWeights(kept.map((f) => model.features[f]), Int8Array.from(quantised), scale)
  const frozen = layout.bases.freeze()
  const nameCounts = Uint32Array.from(model.names?.counts ?? [])
  const casePrior = storeLookup(model.casePrior)
  const clusters = model.clusters ? storeLookup(model.clusters) : null
  const embed = model.embedClusters ? storeLookup(model.embedClusters) : null
  const grams = model.names ? ngramTable(model.names.ngrams).freeze() : {size: 0, slots: new Int32Array(0), pool: new Uint16Array(0)}
  const external = indexSections(indexExternal(model.lexicon))
  // the harvested names by type, then the organisation lists (see addOrgSources): one index, read lazily by the tagger
  const harvested = indexSections(indexEntries([...tokenLists(model.gazetteer), ...orgTokenLists(model.lexicon)], TOKEN_ENTRIES))
  const sections: Sections = {
    baseCount: frozen.size,
    slots: frozen.slots.length,
    rowStart: layout.rowStart.length,
    pool: frozen.pool.length,
    slotMask: layout.slotMask.length,
    rows: layout.rows.length,
    tokenRows: layout.tokenRows.length,
    ngrams: grams.size,
    ngramSlots: grams.slots.length,
    ngramPool: grams.pool.length,
    nameCounts: nameCounts.length,
    casePrior: casePrior.sizes,
    clusters: clusters ? clusters.sizes : null,
    external: external.sizes,
    harvested: harvested.sizes,
    // undefined keys are left out of the JSON: a model without the table is a format-5 file as before
    embedClusters: embed ? embed.sizes : undefined,
  }
  const header: Header = {
    version: embed ? FORMAT_VERSION : FORMAT_WITHOUT_EMBED,
    tagCount: TAG_COUNT,
    scale,
    sections,
    tokenNames: layout.tokenNames.join('\n'),
    lexicon: model.lexicon,
    casePrior: casePrior.values,
    gazetteer: model.gazetteer.map((entry) => `${entry.type}\t${entry.tokens.join(' ')}`).join('\n'),
    names: model.names && {
      words: model.names.words,
      totals: model.names.totals,
    },
    clusters: clusters ? clusters.values : null,
    embedClusters: embed ? embed.values : undefined,
    meta: model.meta,
  }
  checkEndianness()
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  const size = Buffer.alloc(4)
  size.writeUInt32LE(headerBytes.length, 0)
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), size, headerBytes]
  let length = MAGIC.length + 4 + headerBytes.length
  for (const array of [frozen.slots, layout.rowStart, frozen.pool, layout.slotMask, layout.rows, layout.tokenRows, grams.slots, grams.pool, nameCounts, ...casePrior.arrays, ...(clusters ? clusters.arrays : []), ...external.arrays, ...harvested.arrays, ...(embed ? embed.arrays : [])]) {
    const pad = (4 - (length % 4)) % 4
    parts.push(Buffer.alloc(pad), Buffer.from(array.buffer, array.byteOffset, array.byteLength))
    length += pad + array.byteLength
  }
  return gzipSync(Buffer.concat(parts), {level: 9})
}

// the sections are typed arrays written and read in the machine's byte order: a big-endian machine would misread them
function checkEndianness(): void {
  if (endianness() !== 'LE') throw new Error('NER model files are little-endian; this machine is big-endian')
}

/** Reads a model written by {@link serializeModel}; throws on a file of another format or version. */
export function parseModel(bytes: Uint8Array): NerModel {
  // one output chunk sized from the gzip trailer's length field (a hint only: a wrong one costs more chunks, never
  // other bytes) instead of 16 KB chunks concatenated at the end: ~10 MB per loaded model, in every worker thread
  const sizeHint = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true) : 0
  return parseModelContents(gunzipSync(bytes, {chunkSize: Math.min(Math.max(64 * 1024, sizeHint + 1024), 256 * 1024 * 1024)}))
}

/** Reads a model file's contents once gunzipped ({@link parseModel}; the start-up check's inflated copy, src/ner/checked-files.ts). */
export function parseModelContents(contents: Buffer): NerModel {
  let raw = contents
  const magic = raw.subarray(0, MAGIC.length).toString('latin1')
  if (magic === 'LEDENER1') throw new Error(`NER model file of format 1: retrain it with \`npm run train:ner\` (this code reads format ${FORMAT_VERSION})`)
  if (magic !== MAGIC) throw new Error('not a lede NER model file')
  checkEndianness()
  // the sections are read in place as typed arrays, which must start at a multiple of their element size
  if (raw.byteOffset % 4 !== 0) raw = Buffer.from(raw)
  const headerLength = raw.readUInt32LE(MAGIC.length)
  let at = MAGIC.length + 4
  const header = JSON.parse(raw.subarray(at, at + headerLength).toString('utf8')) as Header
  at += headerLength
  if ((header.version !== FORMAT_VERSION && header.version !== FORMAT_WITHOUT_EMBED) || header.tagCount !== TAG_COUNT) {
    throw new Error(`NER model format ${header.version} with ${header.tagCount} tags; this code reads formats ${FORMAT_WITHOUT_EMBED} and ${FORMAT_VERSION} with ${TAG_COUNT} (retrain it with \`npm run train:ner\`)`)
  }
  const section = <T>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, width: number, count: number): T => {
    at += (4 - (at % 4)) % 4
    const array = new make(raw.buffer, raw.byteOffset + at, count)
    at += width * count
    return array
  }
  const {sections} = header
  const slots = section(Int32Array, 4, sections.slots)
  const rowStart = section(Int32Array, 4, sections.rowStart)
  const pool = section(Uint16Array, 2, sections.pool)
  const slotMask = section(Uint8Array, 1, sections.slotMask)
  const rows = section(Int8Array, 1, sections.rows)
  const tokenRows = section(Int8Array, 1, sections.tokenRows)
  const ngramSlots = section(Int32Array, 4, sections.ngramSlots)
  const ngramPool = section(Uint16Array, 2, sections.ngramPool)
  const countTable = section(Uint32Array, 4, sections.nameCounts)
  const readLookup = ([size, slotCount, poolCount]: number[], values: string[]) => {
    const keys = KeyTable.thaw({size, slots: section(Int32Array, 4, slotCount), pool: section(Uint16Array, 2, poolCount)})
    return new StoredLookup(keys, section(Uint32Array, 4, size), values)
  }
  const casePriorLookup = readLookup(sections.casePrior, header.casePrior)
  const clustersLookup = sections.clusters && header.clusters ? readLookup(sections.clusters, header.clusters) : null
  const readIndex = (sizes: IndexSizes): ExternalIndex => {
    const [words, heads, later] = [sizes.words, sizes.heads, sizes.later].map(([size, slotCount, poolCount]) =>
      KeyTable.thaw({size, slots: section(Int32Array, 4, slotCount), pool: section(Uint16Array, 2, poolCount)}),
    )
    const types = section(Uint32Array, 4, sizes.words[0])
    const refStart = section(Uint32Array, 4, sizes.heads[0] + 1)
    const refs = section(Uint32Array, 4, sizes.refs)
    return {words, types, heads, refStart, refs, later, maxLength: sizes.maxLength}
  }
  const externalIndex = readIndex(sections.external)
  const harvestedIndex = readIndex(sections.harvested)
  const embedLookup = header.version >= 6 && sections.embedClusters && header.embedClusters ? readLookup(sections.embedClusters, header.embedClusters) : null
  if (at !== raw.length) throw new Error(`NER model file: ${raw.length - at} bytes left after the last section`)
  const layout: WeightLayout = {
    bases: KeyTable.thaw({size: sections.baseCount, slots, pool}),
    rowStart,
    slotMask,
    rows,
    tokenNames: header.tokenNames ? header.tokenNames.split('\n') : [],
    tokenRows,
    scale: header.scale,
  }

  // the harvested names as the tagger reads them: entry strings by type (see tokenLists), the entries only on demand
  const lines = header.gazetteer ? header.gazetteer.split('\n') : []
  const harvestedLists = tokenLists([])
  for (const line of lines) {
    const tab = line.indexOf('\t')
    harvestedLists[NER_TYPES.indexOf(line.slice(0, tab) as NerType)].push(line.slice(tab + 1))
  }
  // the organisation lists after them (categories NER_TYPES.length + index), as token strings made on first use: the
  // index only reads an entry when a document shows its first word, so loading does not split 25,000 names
  let orgLists: string[][] | null = null
  ORG_SOURCE_CATEGORIES.forEach((_, index) =>
    Object.defineProperty(harvestedLists, NER_TYPES.length + index, {
      enumerable: true,
      get: () => (orgLists ??= orgTokenLists(header.lexicon))[index],
    }),
  )
  let names: NameCounts | null = null
  if (header.names) {
    const table = KeyTable.thaw({size: sections.ngrams, slots: ngramSlots, pool: ngramPool})
    names = {words: header.names.words, totals: header.names.totals} as NameCounts
    let counts: number[] | null = null
    Object.defineProperty(names, 'counts', {enumerable: true, get: () => (counts ??= Array.from(countTable))})
    Object.defineProperty(names, 'countTable', {enumerable: false, value: countTable})
    // the classifier reads the table in place; the n-gram strings are rebuilt only when asked for (training, tests)
    let ngrams: string[] | null = null
    Object.defineProperty(names, 'ngrams', {enumerable: true, get: () => (ngrams ??= keysOf(ngramPool, sections.ngrams))})
    Object.defineProperty(names, 'table', {enumerable: false, value: table})
  }

  const model = {lexicon: header.lexicon, names, meta: header.meta, layout} as NerModel
  // the tagger reads the stored lookups; the maps are made only when asked for (training tools, tests)
  let maps: {casePrior: Map<string, string>; clusters: Map<string, string> | null; embedClusters: Map<string, string> | null} | null = null
  const toMaps = () =>
    (maps ??= {casePrior: casePriorLookup.toMap(), clusters: clustersLookup && clustersLookup.toMap(), embedClusters: embedLookup && embedLookup.toMap()})
  Object.defineProperty(model, 'casePrior', {enumerable: true, get: () => toMaps().casePrior})
  Object.defineProperty(model, 'clusters', {enumerable: true, get: () => toMaps().clusters})
  if (embedLookup) Object.defineProperty(model, 'embedClusters', {enumerable: true, get: () => toMaps().embedClusters})
  Object.defineProperty(model, 'lookups', {enumerable: false, value: {casePrior: casePriorLookup, clusters: clustersLookup, embedClusters: embedLookup}})
  Object.defineProperty(model, 'externalIndex', {enumerable: false, value: externalIndex})
  Object.defineProperty(model, 'harvested', {enumerable: false, value: {lists: harvestedLists, index: harvestedIndex}})
  let gazetteer: NerModel['gazetteer'] | null = null
  Object.defineProperty(model, 'gazetteer', {
    enumerable: true,
    get: () =>
      (gazetteer ??= lines.map((line) => {
        const tab = line.indexOf('\t')
        return {type: line.slice(0, tab) as NerType, tokens: line.slice(tab + 1).split(' ')}
      })),
  })
  // the names and float weights are rebuilt only when asked for (training tools, tests): the tagger reads the layout
  let unpacked: {features: string[]; weights: Float32Array} | null = null
  const unpack = () => (unpacked ??= unlayout(layout))
  Object.defineProperty(model, 'features', {enumerable: true, get: () => unpack().features})
  Object.defineProperty(model, 'weights', {enumerable: true, get: () => unpack().weights})
  return model
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

