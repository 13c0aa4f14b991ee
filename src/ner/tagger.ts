/**
 * Fast inference: BILOU decoding (beam search, or greedy with beam 1) with per-word-type weight caching. For each
 * word type (word + headline flag) the weights of all its word-only features are summed once per relative position,
 * so scoring a token is five cached vector adds plus a handful of history, document and gazetteer features, and
 * only for the tags that may follow a kept hypothesis. Scores are summed in float32 in a fixed order, so every
 * speed-up here leaves the tags bit-for-bit as they were.
 */
import {
  CASE_CLASSES,
  contextFeatures,
  transitionFeatures,
  SENTENCE_END,
  SENTENCE_START,
  SLOTS,
  tokenFeatureTable,
  splitFeatureName,
  emitTypeFeatures,
  WINDOW,
  featureForm,
  type FeatureResources,
  type TokenFeatureTable,
  type TypeFeatureSink,
} from './features.ts'
import {KeyTable} from './key-table.ts'
import {markMutable} from './mutable-fields.ts'
import type {Span} from '../doc.ts'
import {
  encodeDocument,
  encodeSpans,
  EncodeBuffers,
  type EncodedDocument,
  DocumentScratch,
  emptyContext,
  FACT_CASE_SHIFT,
  FACT_ROLE_SHIFT,
  recordHistory,
  tokenContext,
  TypeRegistry,
  warmEncoderBranches,
} from './encode.ts'
import {addOrgSources, buildExternalGazetteer, buildGazetteer, buildIndexedGazetteer, TOKEN_ENTRIES, type Gazetteer} from './gazetteer.ts'
import {indexLexicon, LEXICON_CATEGORIES} from './lexicon.ts'
import {layoutWeights, type NerModel} from './model.ts'
import {NameClassifier} from './names.ts'
import type {SharedTypeTable} from './shared-types.ts'
import {harmoniseDocument, warmConsistency} from './consistency.ts'
import {findStageTwoBits, StageTwoScratch} from './two-stage.ts'
import {applyOrgEvidence} from './org-evidence.ts'
import {shippedOrgEvidence} from './org-evidence-list.ts'
import {trimEdgeMarks} from './edge-trim.ts'
import {joinGivenNames} from './given-name-join.ts'
import {isGivenName} from './given-name-list.ts'
import {applyOrgContext} from './org-context.ts'
import {allowedAfter, TAG_COUNT, tagId, tagPosition, tagType} from './tags.ts'
import {TOKEN_FIELDS, WasmDecoder, wasmDecoderAvailable} from './wasm-decoder.ts'

// module-local copies: imported bindings can cost a getter call per access in hot loops under some loaders
const K = TAG_COUNT
const S = SLOTS
/**
 * New word types a tagger makes itself before it reads the build's vectors (when given a function that reads them):
 * reading them costs about what making this many types does (docs/scale.md, "Type vectors from the build"), so a
 * short run never reads them and a long one loses at most that much.
 */
export const BUILT_TYPES_AFTER = 2000

/** Floats in one word type's summed weights (a {@link SharedTypeTable}'s vector size for this tagger). */
export const TYPE_VECTOR_SIZE = S * K
// one row per previous tag in a follower list: its length, then the allowed next tags
const K1 = K + 1
const W = WINDOW
// tokenScores reads the five slots -2..+2 by hand
if (W !== 2) throw new Error('NerTagger expects a word-type window of -2..+2')
const CASE_COUNT = CASE_CLASSES.length
const CASE_LOWER = CASE_CLASSES.indexOf('lower')
const TAG_O = 0
const PER_B = tagId(0, 0)
const PER_I = tagId(1, 0)
const PER_L = tagId(2, 0)
const PER_U = tagId(3, 0)
const ALL_TAGS = Uint8Array.from({length: K}, (_, k) => k)
// tags that start an entity (B and U): the only ones besides O after O, L, U or the sentence start
const ENTITY_STARTS = ALL_TAGS.filter((k) => tagPosition(k) === 0 || tagPosition(k) === 3)
const ENTITY_START_MASK = ENTITY_STARTS.reduce((mask, k) => mask | (1 << k), 0)
const PARTICLE_BIT = 1 << LEXICON_CATEGORIES.indexOf('particle')

/**
 * Word-type feature weights by base name: a new type needs one table lookup per base feature, then reads the
 * base's rows (one per offset it has) from one place, packed base by base in offset order (see WeightLayout).
 */
class BaseIndex {
  readonly ids: KeyTable
  // per base: its first row in `rows`, and which of the S offsets it has (bit s)
  readonly rowStart: Int32Array
  readonly slotMask: Uint8Array
  // the rows as floats (a model fresh from training), or as the model file's int8 values and the float32 value of
  // each of the 256 levels (a loaded model): a quarter of the memory, so the scattered rows a new type reads miss the
  // cache less, and nothing to dequantise at start-up. The int8 values are read as their bytes (a view of the same
  // memory), so a level is found without adding 128: levels[b] is the float32 the weight of byte b (as int8) always was
  readonly rows: Float32Array | null
  readonly quantised: Uint8Array | null
  readonly levels = new Float32Array(256)
  /** the features that are not word-type features (token features), by name -> their weights */
  readonly tokenFeatures = new Map<string, Float32Array>()

  constructor(model: NerModel) {
    // a loaded model brings its layout (the table is used in place); a model fresh from training is laid out here
    const layout = model.layout ?? layoutWeights(model.features, model.weights, 1)
    this.ids = layout.bases
    this.rowStart = layout.rowStart
    this.slotMask = layout.slotMask
    if (layout.rows instanceof Int8Array) {
      this.rows = null
      this.quantised = new Uint8Array(layout.rows.buffer, layout.rows.byteOffset, layout.rows.length)
      for (let b = 0; b < 256; b++) this.levels[b] = ((b << 24) >> 24) * layout.scale
    } else {
      this.rows = layout.rows
      this.quantised = null
    }
    const tokenRows = dequantise(layout.tokenRows, layout.scale)
    layout.tokenNames.forEach((name, i) => this.tokenFeatures.set(name, tokenRows.subarray(i * K, (i + 1) * K)))
  }
}

// quantised weights as floats: each q * scale rounded to float32 once, as the model's weights always were
function dequantise(values: Float32Array | Int8Array, scale: number): Float32Array {
  if (values instanceof Float32Array) return values
  const out = new Float32Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = values[i] * scale
  return out
}

// summed weights of the previous-tag features by (prev2, prev, case class), K per row: the features' rows added in
// order with float32 rounding after each addition (what accumulating in the Float32Array did), in locals, since every
// tagger builds the table at start-up, before the JIT has compiled anything
function buildTransitions(table: TokenFeatureTable, weights: Float32Array): Float32Array {
  const transitions = new Float32Array((K + 1) * (K + 1) * CASE_COUNT * K)
  const ids = new Int32Array(3)
  for (let prev2 = 0; prev2 <= K; prev2++) {
    for (let prev = 0; prev <= K; prev++) {
      for (let cls = 0; cls < CASE_COUNT; cls++) {
        const at = ((prev2 * (K + 1) + prev) * CASE_COUNT + cls) * K
        const n = transitionFeatures(ids, 0, table, prev, prev2, cls)
        if (n !== 3) throw new Error('NerTagger expects three previous-tag features')
        const r0 = ids[0] * K
        const r1 = ids[1] * K
        const r2 = ids[2] * K
        for (let k = 0; k < K; k++) transitions[at + k] = Math.fround(Math.fround(Math.fround(0 + weights[r0 + k]) + weights[r1 + k]) + weights[r2 + k])
      }
    }
  }
  return transitions
}

/** Word types with their summed weights, `S * K` floats per type. */
class CachedTypes extends TypeRegistry implements TypeFeatureSink {
  vectors: Float32Array
  /**
   * per type: 1 a name-shaped word no training text or word list knows (see {@link isUnknownName}), 2 an opening
   * mark, else 0; plus LONG_LOWER when it is a lowercase word of 4+ characters
   */
  wordRole = new Uint8Array(1024)
  // the known base features of the type being made, by group (see GROUP_ALL), in the order they were emitted
  private readonly groupBases = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]
  private readonly groupCounts = new Int32Array(3)
  // the weight rows (offsets into the index's rows) the type being made adds at each offset, `rowCapacity` per offset
  private slotRows = new Int32Array(S * 64)
  private rowCapacity = 64
  private readonly slotCounts = new Int32Array(S)
  // base ids (or -1; UNKNOWN_BASE not yet looked up) of the one- and two-letter affixes, by shortAffixAt
  private readonly shortAffixes = new Int32Array(4 * SHORT_AFFIX_KEYS).fill(UNKNOWN_BASE)
  // base ids (or -1) already found, by prefix and value, for the features whose values recur across many types
  private readonly memos = new Map<string, Map<string, number>>(MEMO_PREFIXES.map((prefix) => [prefix, new Map()]))
  // types made before the build's vectors were read (see loadBuilt)
  private made = 0

  constructor(
    private readonly index: BaseIndex,
    private readonly resources: FeatureResources,
    // vectors other threads of this process made for the same model (see shared-types.ts), or null
    private readonly shared: SharedTypeTable | null = null,
    // vectors the build made for the same model's common words (see type-vectors.ts), read only, or null
    private built: SharedTypeTable | null = null,
    // or what reads them, called once this tagger has made BUILT_TYPES_AFTER types itself
    private loadBuilt: (() => SharedTypeTable | null) | null = null,
    // where the vectors live when not in a JavaScript array: the WebAssembly decoder's memory (one copy, read there by
    // the module), given the floats needed and returning a view of at least that many, its earlier contents kept
    private readonly room: ((floats: number) => Float32Array) | null = null,
  ) {
    super(resources.lexicon)
    this.vectors = room === null ? new Float32Array(1024 * S * K) : room(1024 * S * K)
    // replaced as types are added (see markMutable)
    markMutable(this, ['vectors', 'wordRole', 'slotRows', 'rowCapacity'])
  }

  // copies type `id`'s vector and role from `table` when it holds them; false when it does not
  private copyType(table: SharedTypeTable, word: string, id: number): boolean {
    const role = table.read(word, this.caps[id], this.vectors, id * S * K)
    if (role < 0) return false
    this.wordRole[id] = role
    this.facts[2 * id + 1] |= role << FACT_ROLE_SHIFT
    return true
  }

  protected override onNew(id: number): void {
    const needed = (id + 1) * S * K
    if (needed > this.vectors.length) {
      if (this.room !== null) {
        this.vectors = this.room(needed)
      } else {
        const next = new Float32Array(Math.max(needed, this.vectors.length * 2))
        next.set(this.vectors)
        this.vectors = next
      }
    }
    if (id >= this.wordRole.length) {
      const next = new Uint8Array(this.wordRole.length * 2)
      next.set(this.wordRole)
      this.wordRole = next
    }
    const word = this.words[id]
    const built = this.built
    if (built === null && this.loadBuilt !== null && ++this.made >= BUILT_TYPES_AFTER) {
      // a run long enough to repay reading them: from the next new type on
      const load = this.loadBuilt
      this.loadBuilt = null
      this.built = load()
    }
    // a type the build made, or another thread: its vector and role, the same values this thread would compute
    if (built !== null && this.copyType(built, word, id)) return
    const shared = this.shared
    if (shared !== null && this.copyType(shared, word, id)) return
    // the lexicon flags and the case prior are looked up once, for the role and the features both
    const flags = this.lexiconFlags[id]
    const prior = this.resources.casePrior.get(featureForm(word))
    // an opening mark has one or two characters: longer words skip the regex
    const role = this.caps[id] ? 0 : isUnknownName(word, this.resources, flags, prior !== undefined) ? 1 : word.length <= 2 && OPENING.test(word) ? 2 : 0
    this.wordRole[id] = role | (this.caseClass[id] === CASE_LOWER && word.length >= 4 ? LONG_LOWER : 0)
    // and in the packed facts, which decoding reads by token (see EncodedDocument.info)
    this.facts[2 * id + 1] |= this.wordRole[id] << FACT_ROLE_SHIFT
    this.groupCounts.fill(0)
    emitTypeFeatures(word, this.caps[id], this.resources, this, false, flags, prior)
    this.sum(id)
    if (shared !== null) shared.write(word, this.caps[id], this.vectors, id * S * K, this.wordRole[id])
  }

  /** {@link TypeFeatureSink}: keeps the base id of a feature the model knows. */
  feature(group: number, prefix: string, value: string, start: number, end: number): void {
    let base: number
    const short = end - start <= 2 ? shortAffixAt(prefix, value, start, end) : -1
    if (short >= 0) {
      base = this.shortAffixes[short]
      if (base === UNKNOWN_BASE) this.shortAffixes[short] = base = this.index.ids.find(prefix, value, start, end)
      if (base >= 0) this.keep(group, base)
      return
    }
    const memo = start === 0 ? this.memos.get(prefix) : undefined
    if (memo === undefined) {
      base = this.index.ids.find(prefix, value, start, end)
    } else {
      const known = memo.get(value)
      if (known === undefined) memo.set(value, (base = this.index.ids.find(prefix, value, start, end)))
      else base = known
    }
    if (base >= 0) this.keep(group, base)
  }

  private keep(group: number, base: number): void {
    let bases = this.groupBases[group]
    const n = this.groupCounts[group]++
    if (n >= bases.length) {
      const next = new Int32Array(bases.length * 2)
      next.set(bases)
      this.groupBases[group] = bases = next
    }
    bases[n] = base
  }

  // the type's vector at each offset: the sum, in float32, of its bases' rows for that offset, added in a fixed
  // order (all, then near, then here; within a group as emitted), which is part of the model's behaviour; each
  // element is summed in a local with Math.fround after every addition (the rounding a Float32Array store does)
  // and stored once, four elements at a time so that four independent chains of additions overlap
  private sum(id: number): void {
    const {rowStart, slotMask} = this.index
    const counts = this.slotCounts
    counts.fill(0)
    let total = 0
    for (let group = 0; group < 3; group++) total += this.groupCounts[group]
    if (total > this.rowCapacity) {
      this.rowCapacity = total * 2
      this.slotRows = new Int32Array(S * this.rowCapacity)
    }
    const slotRows = this.slotRows
    const capacity = this.rowCapacity
    for (let group = 0; group < 3; group++) {
      const bases = this.groupBases[group]
      for (let b = 0, n = this.groupCounts[group]; b < n; b++) {
        const base = bases[b]
        let row = rowStart[base] * K
        for (let m = slotMask[base], s = 0; m !== 0; m >>= 1, s++) {
          if ((m & 1) === 0) continue
          slotRows[s * capacity + counts[s]++] = row
          row += K
        }
      }
    }
    if (this.index.quantised) this.addQuantised(id, this.index.quantised, this.index.levels)
    else this.addFloats(id, this.index.rows!)
  }

  // sum()'s additions over float rows
  private addFloats(id: number, rows: Float32Array): void {
    const counts = this.slotCounts
    const slotRows = this.slotRows
    const capacity = this.rowCapacity
    const vectors = this.vectors
    for (let s = 0; s < S; s++) {
      const n = counts[s]
      const at = (id * S + s) * K
      // no row at this offset: zeros, written, since the array may hold an earlier cache's vector here
      if (n === 0) {
        vectors.fill(0, at, at + K)
        continue
      }
      const list = s * capacity
      let k = 0
      for (; k + 4 <= K; k += 4) {
        let a0 = 0
        let a1 = 0
        let a2 = 0
        let a3 = 0
        for (let r = list, end = list + n; r < end; r++) {
          const row = slotRows[r] + k
          a0 = Math.fround(a0 + rows[row])
          a1 = Math.fround(a1 + rows[row + 1])
          a2 = Math.fround(a2 + rows[row + 2])
          a3 = Math.fround(a3 + rows[row + 3])
        }
        vectors[at + k] = a0
        vectors[at + k + 1] = a1
        vectors[at + k + 2] = a2
        vectors[at + k + 3] = a3
      }
      for (; k < K; k++) {
        let a = 0
        for (let r = list, end = list + n; r < end; r++) a = Math.fround(a + rows[slotRows[r] + k])
        vectors[at + k] = a
      }
    }
  }

  // the same additions over int8 rows (read as bytes), each value read through its level (the same float32 as
  // addFloats reads); with K = 17 the last five tags are summed together, so no pass over the rows is left for one tag
  private addQuantised(id: number, rows: Uint8Array, levels: Float32Array): void {
    const counts = this.slotCounts
    const slotRows = this.slotRows
    const capacity = this.rowCapacity
    const vectors = this.vectors
    for (let s = 0; s < S; s++) {
      const n = counts[s]
      const at = (id * S + s) * K
      // no row at this offset: zeros, written, since the array may hold an earlier cache's vector here
      if (n === 0) {
        vectors.fill(0, at, at + K)
        continue
      }
      const list = s * capacity
      let k = 0
      for (; k + 4 <= QUADS_END; k += 4) {
        let a0 = 0
        let a1 = 0
        let a2 = 0
        let a3 = 0
        for (let r = list, end = list + n; r < end; r++) {
          const row = slotRows[r] + k
          a0 = Math.fround(a0 + levels[rows[row]])
          a1 = Math.fround(a1 + levels[rows[row + 1]])
          a2 = Math.fround(a2 + levels[rows[row + 2]])
          a3 = Math.fround(a3 + levels[rows[row + 3]])
        }
        vectors[at + k] = a0
        vectors[at + k + 1] = a1
        vectors[at + k + 2] = a2
        vectors[at + k + 3] = a3
      }
      if (FIVE_LAST) {
        let a0 = 0
        let a1 = 0
        let a2 = 0
        let a3 = 0
        let a4 = 0
        for (let r = list, end = list + n; r < end; r++) {
          const row = slotRows[r] + k
          a0 = Math.fround(a0 + levels[rows[row]])
          a1 = Math.fround(a1 + levels[rows[row + 1]])
          a2 = Math.fround(a2 + levels[rows[row + 2]])
          a3 = Math.fround(a3 + levels[rows[row + 3]])
          a4 = Math.fround(a4 + levels[rows[row + 4]])
        }
        vectors[at + k] = a0
        vectors[at + k + 1] = a1
        vectors[at + k + 2] = a2
        vectors[at + k + 3] = a3
        vectors[at + k + 4] = a4
        k += 5
      }
      for (; k < K; k++) {
        let a = 0
        for (let r = list, end = list + n; r < end; r++) a = Math.fround(a + levels[rows[slotRows[r] + k]])
        vectors[at + k] = a
      }
    }
  }
}

/**
 * Feature prefixes whose values recur across many word types (shapes, case priors, lexicon categories, cluster
 * paths, name guesses) and whose slice is fixed by the value (always `value.slice(0, end)` with `end` a function of
 * the value), so a type finds their base ids in a small map that stays in cache instead of probing the model's
 * table; identities, affixes and hyphen parts are nearly unique per type and keep the probe.
 */
const MEMO_PREFIXES = ['s=', 'S=', 'p=', 'l=', 'nb=', 'c4=', 'c6=', 'c10=', 'c20=', 'e4=', 'e8=', 'e12=']

// addQuantised's groups of tags: fours, and the last five together when K leaves one over (K = 17: 4 + 4 + 4 + 5)
const FIVE_LAST = K % 4 === 1 && K >= 5
const QUADS_END = FIVE_LAST ? K - 5 : K

const UNKNOWN_BASE = -2
// ASCII keys of one or two code units: c, or 128 + c0 * 128 + c1
const SHORT_AFFIX_KEYS = 128 + 128 * 128

/**
 * Where the base id of `prefix + value.slice(start, end)` (at most two code units) is kept among a tagger's short
 * affixes, or -1: the one- and two-letter prefixes and suffixes (a1= a2= z1= z2=) take a few thousand ASCII values
 * between them and recur in nearly every new type, so they are found in a small array instead of probing the
 * model's table (whose answer for a name never changes).
 */
function shortAffixAt(prefix: string, value: string, start: number, end: number): number {
  if (prefix.length !== 3) return -1
  const p0 = prefix.charCodeAt(0)
  const p1 = prefix.charCodeAt(1)
  if ((p0 !== 97 && p0 !== 122) || (p1 !== 49 && p1 !== 50) || prefix.charCodeAt(2) !== 61 || end - start !== p1 - 48) return -1
  const c0 = value.charCodeAt(start)
  if (c0 >= 128) return -1
  let key = c0
  if (p1 === 50) {
    const c1 = value.charCodeAt(start + 1)
    if (c1 >= 128) return -1
    key = 128 + c0 * 128 + c1
  }
  return ((p0 === 97 ? 0 : 2) + (p1 - 49)) * SHORT_AFFIX_KEYS + key
}

// wordRole bit: a lowercase word of four or more characters (what tells running prose from tables and headlines)
const LONG_LOWER = 4
const ROLE = 3
const NAME_SHAPE = /^\p{Lu}\p{Ll}{2,}$/u
const OPENING = /^(?:["'(\[:]|-{1,2})$/
const NAME_LIST_BITS = (1 << LEXICON_CATEGORIES.indexOf('first')) | (1 << LEXICON_CATEGORIES.indexOf('last'))

// false when NAME_SHAPE cannot match: fewer than three code units, or a first one that is ASCII but not A-Z (the
// only ASCII \p{Lu}); most words are lowercase, and the Unicode regex is then not run
function mayBeNameShaped(word: string): boolean {
  const first = word.charCodeAt(0)
  return word.length >= 3 && (first >= 128 || (first >= 65 && first <= 90))
}

/**
 * Whether `word` looks like a name no training text or word list knows: capitalised letters only, never seen
 * twice in the training text (no case prior), and in no lexicon except the first- and last-name lists.
 */
export function isUnknownName(word: string, resources: FeatureResources, lexiconFlags: number, hasPrior?: boolean): boolean {
  return mayBeNameShaped(word) && NAME_SHAPE.test(word) && !(hasPrior ?? resources.casePrior.has(featureForm(word))) && (lexiconFlags & ~NAME_LIST_BITS) === 0
}

// the indexed gazetteers of each loaded model (keyed by its harvested-names object), shared by its taggers
const SHARED_GAZETTEERS = new WeakMap<object, {gazetteer: Gazetteer; external: Gazetteer}>()

// word types kept before the cache is rebuilt, so a long-running process stays bounded (~70 MB of vectors)
const MAX_TYPES = 200_000
/** Tokens of per-token arrays a tagger keeps between documents (about 5 MB); a longer document's are released after it. */
const KEEP_BUFFER_TOKENS = 1 << 17

/** A loaded model ready to tag documents; keeps a per-process cache of word-type weight vectors. */
export class NerTagger {
  private readonly bases: BaseIndex
  private readonly weights: Float32Array
  private readonly table: TokenFeatureTable
  private readonly resources: FeatureResources
  private readonly gazetteer: Gazetteer
  private readonly external: Gazetteer
  private readonly scratch = new DocumentScratch()
  // the arrays of the document being decoded, reused by the next
  private readonly buffers = new EncodeBuffers()
  private types!: CachedTypes
  // the word-type vectors this process's other threads made for the same model, when this thread was handed them
  private readonly sharedTypes: SharedTypeTable | null
  private readonly builtTypes: SharedTypeTable | (() => SharedTypeTable | null) | null
  private startType = 0
  private endType = 0
  // allowed[prev * K + next], with an extra row for the sentence start; lastAllowed also forbids B and I
  private readonly allowed = new Uint8Array((K + 1) * K)
  private readonly lastAllowed = new Uint8Array((K + 1) * K)
  // the same as lists, by previous tag (see K1)
  private readonly followers = new Uint8Array((K + 1) * K1)
  private readonly lastFollowers = new Uint8Array((K + 1) * K1)
  private readonly scores = new Float32Array(K)
  private readonly ids = new Int32Array(128)
  private readonly context = emptyContext()
  private readonly beam: number
  private readonly nameUnknown: boolean
  private readonly consistency: boolean
  private readonly givenNameJoin: boolean
  private readonly edgeTrim: boolean
  private readonly orgEvidence: boolean
  private readonly orgContext: boolean
  private readonly orgCoordination: boolean
  // the model's place lists as rule D reads them, made on its first document
  private orgContextPlaces: {isCountryOrRegion: (name: string) => boolean; isCity: (name: string) => boolean} | null = null
  private readonly lexiconSources: NerModel['lexicon']['sources']
  private readonly twoStage: boolean
  // the stage-two bits of the document being decoded again, read by tokenScores while `stageTwoOn`
  private stageTwoBits = new Uint32Array(0)
  private stageTwoRedecode = new Uint8Array(0)
  private stageTwoOn = 0
  private readonly stageTwoScratch = new StageTwoScratch()
  /** sentences decoded a second time by the two-stage pass since this tagger was made (a count for bench:ner and score:ner-set) */
  twoStageSentences = 0
  /** How many mentions rule O (see org-evidence.ts) has made ORG so far; 0 while the rule is off. */
  orgEvidenceChanges = 0
  /** How many mentions rule D (see org-context.ts) has made ORG so far; 0 while the rule is off. */
  orgContextChanges = 0
  /** How many given-name joins (rule J, see given-name-join.ts) this tagger has made so far; 0 while the join is off. */
  givenNameJoins = 0
  /** How many mentions rule P (see edge-trim.ts) has trimmed so far; 0 while the trim is off. */
  edgeTrims = 0
  // per token of the document being decoded: 1 when it may not be left outside an entity
  private mustName = new Uint8Array(0)
  // the second decoding of a sentence with unknown names required inside entities, and whether it is under way
  private forced = new Uint8Array(0)
  private forcing = false
  // summed weights of the three previous-tag features, by (prev2, prev, case class): one load per candidate tag
  private readonly transitions: Float32Array
  // the tags whose scores a token needs, and as bit masks by previous tag
  private readonly tagList = new Uint8Array(K)
  // previous tags after which an entity may start (O, L, U, sentence start): 1, else 0 (inside an entity: B, I)
  private readonly opens = new Uint8Array(K + 1)
  // the largest transition score into an entity-starting tag, by transition row (prev2, open prev, case class)
  private readonly startTransitionMax = new Float64Array((K + 1) * (K + 1) * CASE_COUNT).fill(-Infinity)
  private readonly followerMasks = new Int32Array(K + 1)
  private readonly lastFollowerMasks = new Int32Array(K + 1)
  private backPointers = new Int32Array(0)
  private backTags = new Uint8Array(0)
  private readonly hypScore = new Float64Array(64)
  private readonly hypState = new Int32Array(64)
  private readonly nextScore = new Float64Array(64)
  private readonly nextState = new Int32Array(64)
  // the beam decoder in WebAssembly (wasm-decoder.ts), when asked for and available; else null
  private readonly wasm: WasmDecoder | null

  /**
   * `beam` 1 decodes greedily; more keeps that many partial tag sequences per sentence (at most 64).
   * `nameUnknown` (with a beam of 2 or more) retries an unknown lone name the model leaves out as a person (see
   * {@link isUnknownName} and the entities docs). `consistency` runs the document consistency pass after decoding;
   * `givenNameJoin` then applies rule J (see given-name-join.ts): its given-name list is loaded on the first
   * candidate pair, never while the option is off. `edgeTrim` last applies rule P (see edge-trim.ts): no mention
   * starts or ends with a stray bracket or quotation mark. `orgEvidence` applies rule O (see org-evidence.ts) after
   * the consistency pass and before rule J: ORG from context and form, its evidence read on the first document.
   * `sharedTypes` is a table of word-type vectors shared with other threads (shared-types.ts): the tagger copies the
   * types it finds there and publishes those it makes. Every tagger using one table must have the same model.
   * `builtTypes` is a read-only table of the vectors the build made for the same model (type-vectors.ts), read first,
   * or a function that reads it, called once the tagger has made {@link BUILT_TYPES_AFTER} types itself.
   */
  constructor(
    model: NerModel,
    options: {beam?: number; nameUnknown?: boolean; consistency?: boolean; givenNameJoin?: boolean; edgeTrim?: boolean; orgEvidence?: boolean; orgContext?: boolean; orgCoordination?: boolean; twoStage?: boolean; sharedTypes?: SharedTypeTable | null; builtTypes?: SharedTypeTable | (() => SharedTypeTable | null) | null; wasm?: boolean} = {},
  ) {
    this.sharedTypes = options.sharedTypes ?? null
    if (this.sharedTypes !== null && this.sharedTypes.vectorSize !== S * K) throw new Error(`NerTagger: a shared type table of ${this.sharedTypes.vectorSize} floats per type, not ${S * K}`)
    this.builtTypes = options.builtTypes ?? null
    if (this.builtTypes !== null && typeof this.builtTypes !== 'function' && this.builtTypes.vectorSize !== S * K) {
      throw new Error(`NerTagger: a built type table of ${this.builtTypes.vectorSize} floats per type, not ${S * K}`)
    }
    this.beam = Math.max(1, Math.min(64, options.beam ?? 1))
    this.nameUnknown = options.nameUnknown ?? false
    this.consistency = options.consistency ?? false
    this.givenNameJoin = options.givenNameJoin ?? false
    this.edgeTrim = options.edgeTrim ?? false
    this.orgEvidence = options.orgEvidence ?? false
    this.orgContext = options.orgContext ?? false
    this.orgCoordination = options.orgCoordination ?? true
    this.lexiconSources = model.lexicon.sources
    // replaced when a document or a sentence is longer than any before (see markMutable)
    markMutable(this, ['mustName', 'forced', 'backPointers', 'backTags', 'stageTwoBits', 'stageTwoRedecode', 'stageTwoOn', 'twoStageSentences'])
    warmEncoderBranches()
    warmConsistency()
    this.bases = new BaseIndex(model)
    // the token features' rows alone, numbered in the order the table asks for them (a few kilobytes that stay in
    // cache while decoding), row 0 all zeros standing for token features the model pruned
    const rowOf = new Map<string, number>()
    const tokenRows: Float32Array[] = []
    const rowFor = (name: string): number => {
      const weights = this.bases.tokenFeatures.get(name)
      if (weights === undefined) return 0
      let row = rowOf.get(name)
      if (row === undefined) {
        rowOf.set(name, (row = tokenRows.length + 1))
        tokenRows.push(weights)
      }
      return row
    }
    this.table = tokenFeatureTable(rowFor)
    this.weights = new Float32Array((tokenRows.length + 1) * K)
    tokenRows.forEach((weights, i) => this.weights.set(weights, (i + 1) * K))
    // a model trained without the stage-two features (pruned, or all zero in memory) would decode the same tags again
    this.twoStage = (options.twoStage ?? false) && this.table.stage2.some((row) => this.weights.subarray(row * K, row * K + K).some((w) => w !== 0))
    this.resources = {
      lexicon: indexLexicon(model.lexicon),
      casePrior: model.lookups?.casePrior ?? model.casePrior,
      names: model.names && new NameClassifier(model.names),
      clusters: model.lookups ? model.lookups.clusters : (model.clusters ?? null),
      embedClusters: model.lookups ? model.lookups.embedClusters : (model.embedClusters ?? null),
    }
    // a loaded model's harvested names and organisation lists are read through its stored first-word index (see
    // parseModel); a model made in memory (training) builds its trie
    const harvested = model.harvested
    if (harvested && model.externalIndex) {
      // the indexed gazetteers grow their tries as documents show first words, the same whoever asks first: the
      // taggers of one loaded model share them, so a new tagger finds the parts earlier ones built (each tagger
      // built the whole tries in its constructor before they were built on use)
      let shared = SHARED_GAZETTEERS.get(harvested)
      if (!shared) {
        shared = {
          gazetteer: buildIndexedGazetteer(harvested.lists, harvested.index, TOKEN_ENTRIES),
          external: buildExternalGazetteer(model.lexicon, model.externalIndex),
        }
        SHARED_GAZETTEERS.set(harvested, shared)
      }
      this.gazetteer = shared.gazetteer
      this.external = shared.external
    } else {
      this.gazetteer = addOrgSources(buildGazetteer(model.gazetteer), model.lexicon)
      this.external = buildExternalGazetteer(model.lexicon, model.externalIndex)
    }
    for (let prev = 0; prev <= K; prev++) {
      for (let next = 0; next < K; next++) {
        const ok = allowedAfter(prev, next)
        this.allowed[prev * K + next] = ok ? 1 : 0
        const position = tagPosition(next)
        this.lastAllowed[prev * K + next] = ok && position !== 0 && position !== 1 ? 1 : 0
        if (this.allowed[prev * K + next]) {
          this.followers[prev * K1 + 1 + this.followers[prev * K1]++] = next
          this.followerMasks[prev] |= 1 << next
        }
        if (this.lastAllowed[prev * K + next]) {
          this.lastFollowers[prev * K1 + 1 + this.lastFollowers[prev * K1]++] = next
          this.lastFollowerMasks[prev] |= 1 << next
        }
      }
    }
    this.transitions = buildTransitions(this.table, this.weights)
    for (let prev = 0; prev <= K; prev++) this.opens[prev] = tagPosition(prev) === 0 || tagPosition(prev) === 1 ? 0 : 1
    for (let prev2 = 0; prev2 <= K; prev2++) {
      for (let prev = 0; prev <= K; prev++) {
        if (!this.opens[prev]) continue
        for (let cls = 0; cls < CASE_COUNT; cls++) {
          const at = (prev2 * (K + 1) + prev) * CASE_COUNT + cls
          for (const k of ENTITY_STARTS) this.startTransitionMax[at] = Math.max(this.startTransitionMax[at], this.transitions[at * K + k])
        }
      }
    }
    this.wasm =
      (options.wasm ?? false) && this.beam > 1 && wasmDecoderAvailable()
        ? new WasmDecoder({
            tagCount: K,
            caseCount: CASE_COUNT,
            transitions: this.transitions,
            startTransitionMax: this.startTransitionMax,
            followers: this.followers,
            lastFollowers: this.lastFollowers,
            followerMasks: this.followerMasks,
            lastFollowerMasks: this.lastFollowerMasks,
            opens: this.opens,
            weights: this.weights,
            entityStartMask: ENTITY_START_MASK,
          })
        : null
    this.resetCache()
  }

  private resetCache(): void {
    const built = this.builtTypes
    // a loader's table is checked when it is read (a table of another vector size: none)
    const load = typeof built === 'function' ? () => (table => (table !== null && table.vectorSize === S * K ? table : null))(built()) : null
    // with the WebAssembly decoder the vectors live in its memory (a new cache writes over the old one's there)
    const wasm = this.wasm
    const room = wasm === null ? null : (floats: number) => wasm.typeVectors(floats)
    this.types = new CachedTypes(this.bases, this.resources, this.sharedTypes, typeof built === 'function' ? null : built, load, room)
    this.startType = this.types.typeOf(SENTENCE_START, false)
    this.endType = this.types.typeOf(SENTENCE_END, false)
  }

  /** Tags one document given its words and the exclusive end index of each sentence; returns BILOU tag ids. */
  tagDocument(words: readonly string[], sentenceEnds: readonly number[], out = new Uint8Array(words.length)): Uint8Array {
    if (this.types.size > MAX_TYPES) this.resetCache()
    const doc = encodeDocument(words, sentenceEnds, this.types, this.gazetteer, this.external, this.scratch, this.buffers)
    this.decode(doc, out)
    if (this.orgEvidence) this.applyOrgEvidence(doc, (i) => words[i], out, words.length)
    if (this.orgContext) this.applyOrgContext((i) => words[i], out, words.length, sentenceEnds)
    if (this.givenNameJoin) this.joinGivenNames((i) => words[i], out, words.length, sentenceEnds)
    if (this.edgeTrim) this.trimEdges((i) => words[i], out, words.length)
    return out
  }

  /** The model's case prior for a lowercased word ('l' mostly lower case in training text, 'c', 'a', 'm'), or undefined when it has none. */
  casePriorOf(lowerWord: string): string | undefined {
    return this.resources.casePrior.get(featureForm(lowerWord))
  }

  /** {@link tagDocument} for words given as spans of `text` (tokens), which need not be sliced out. */
  tagSpans(text: string, spans: readonly Span[], sentenceEnds: readonly number[], out = new Uint8Array(spans.length)): Uint8Array {
    if (this.types.size > MAX_TYPES) this.resetCache()
    const doc = encodeSpans(text, spans, sentenceEnds, this.types, this.gazetteer, this.external, this.scratch, this.buffers)
    this.decode(doc, out)
    if (this.orgEvidence) this.applyOrgEvidence(doc, (i) => text.slice(spans[i].start, spans[i].end), out, spans.length)
    if (this.orgContext) this.applyOrgContext((i) => text.slice(spans[i].start, spans[i].end), out, spans.length, sentenceEnds)
    if (this.givenNameJoin) this.joinGivenNames((i) => text.slice(spans[i].start, spans[i].end), out, spans.length, sentenceEnds)
    if (this.edgeTrim) this.trimEdges((i) => text.slice(spans[i].start, spans[i].end), out, spans.length)
    return out
  }

  // rule O, after decoding and the consistency pass, over the document's own tokens (`out` may be longer); words are
  // sliced only around capitalised runs of prose sentences
  private applyOrgEvidence(doc: EncodedDocument, wordAt: (i: number) => string, out: Uint8Array, length: number): void {
    const casePrior = this.resources.casePrior
    const info = doc.info
    const capitalised = doc.capitalised
    this.orgEvidenceChanges += applyOrgEvidence(
      {
        sentenceEnds: doc.sentenceEnds,
        wordAt,
        capitalisedAt: (i) => capitalised[i] === 1,
        longLowerAt: (i) => ((info[i] >> FACT_ROLE_SHIFT) & LONG_LOWER) !== 0,
        seen: (word) => casePrior.has(featureForm(word)),
        mostlyLower: (word) => casePrior.get(featureForm(word)) === 'l',
      },
      out,
      length,
      shippedOrgEvidence(),
    )
  }

  // rule D, after decoding, the consistency pass and rule O, over the document's own tokens (`out` may be longer)
  private applyOrgContext(wordAt: (i: number) => string, out: Uint8Array, length: number, sentenceEnds: readonly number[]): void {
    if (this.orgContextPlaces === null) {
      const sources = this.lexiconSources ?? {}
      const wide = new Set([...(sources.country ?? []), ...(sources.region ?? [])])
      const cities = new Set(sources.city ?? [])
      this.orgContextPlaces = {isCountryOrRegion: (name) => wide.has(name), isCity: (name) => cities.has(name)}
    }
    this.orgContextChanges += applyOrgContext(out.length === length ? out : out.subarray(0, length), {wordAt, sentenceEnds, ...this.orgContextPlaces, isGivenName, coordination: this.orgCoordination})
  }

  // rule J, after decoding and the consistency pass, over the document's own tokens (`out` may be longer)
  private joinGivenNames(wordAt: (i: number) => string, out: Uint8Array, length: number, sentenceEnds: readonly number[]): void {
    this.givenNameJoins += joinGivenNames(wordAt, out.length === length ? out : out.subarray(0, length), sentenceEnds, isGivenName)
  }

  // rule P, after rule J, over the document's own tokens (`out` may be longer)
  private trimEdges(wordAt: (i: number) => string, out: Uint8Array, length: number): void {
    this.edgeTrims += trimEdgeMarks(wordAt, out.length === length ? out : out.subarray(0, length))
  }

  private decode(doc: EncodedDocument, out: Uint8Array): Uint8Array {
    const sentenceEnds = doc.sentenceEnds
    const retry = this.nameUnknown && this.beam > 1
    if (retry) {
      if (this.mustName.length < doc.length) {
        this.mustName = new Uint8Array(doc.length * 2)
        this.forced = new Uint8Array(doc.length * 2)
      }
      this.mustName.fill(0, 0, doc.length)
      this.markUnknownNames(doc)
    }
    let start = 0
    for (const end of sentenceEnds) {
      if (this.beam <= 1) this.greedy(doc, start, end, out)
      else {
        this.beamSearch(doc, start, end, out)
        if (retry) this.namePeople(doc, start, end, out)
        for (let i = start; i < end; i++) recordHistory(this.scratch, doc, this.types, i, out[i] === 0 ? -1 : (out[i] - 1) >> 2)
      }
      this.attachParticles(doc, start, end, out)
      start = end
    }
    if (this.twoStage) this.decodeAgain(doc, out)
    if (this.consistency) this.harmonise(doc, out)
    // the per-token arrays are reused by the next document; only a long document's are given back (news articles fit in far fewer tokens)
    this.buffers.release(KEEP_BUFFER_TOKENS)
    if (this.mustName.length > 2 * KEEP_BUFFER_TOKENS) {
      this.mustName = new Uint8Array(0)
      this.forced = new Uint8Array(0)
    }
    return out
  }

  // two-stage prediction aggregation (see two-stage.ts): the sentences where a name disagrees with its other
  // occurrences in the first pass are decoded again with the first pass's labels of those occurrences as features;
  // the label history is rebuilt in document order from the tags kept or decoded again
  private decodeAgain(doc: EncodedDocument, out: Uint8Array): void {
    if (this.stageTwoBits.length < doc.length) this.stageTwoBits = new Uint32Array(doc.length * 2)
    if (this.stageTwoRedecode.length < doc.sentenceEnds.length) this.stageTwoRedecode = new Uint8Array(doc.sentenceEnds.length * 2)
    const redecode = this.stageTwoRedecode
    if (findStageTwoBits(doc, out, this.stageTwoBits, redecode, this.stageTwoScratch) === 0) return
    this.scratch.clearHistory()
    const retry = this.nameUnknown && this.beam > 1
    let start = 0
    for (let s = 0; s < doc.sentenceEnds.length; s++) {
      const end = doc.sentenceEnds[s]
      if (redecode[s]) {
        this.twoStageSentences++
        this.stageTwoOn = 1
        if (this.beam <= 1) this.greedy(doc, start, end, out)
        else {
          this.beamSearch(doc, start, end, out)
          if (retry) this.namePeople(doc, start, end, out)
        }
        this.stageTwoOn = 0
        this.attachParticles(doc, start, end, out)
      }
      // greedy records each token's label as it goes
      if (!redecode[s] || this.beam > 1) for (let i = start; i < end; i++) recordHistory(this.scratch, doc, this.types, i, out[i] === 0 ? -1 : (out[i] - 1) >> 2)
      start = end
    }
  }

  // one label per name across the document (see harmoniseDocument)
  private harmonise(doc: EncodedDocument, out: Uint8Array): void {
    harmoniseDocument({lowerIds: doc.lowerIds, capitalised: doc.capitalised, position: doc.position, sentenceEnds: doc.sentenceEnds}, out)
  }

  // when the model leaves an unknown name outside every entity, decode the sentence again with that word required to
  // be inside one; if the model then calls it a person, that person is kept, where it overlaps no other entity
  private namePeople(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    let missed = false
    for (let i = start; i < end && !missed; i++) missed = this.mustName[i] === 1 && out[i] === TAG_O
    if (!missed) return
    const forced = this.forced
    this.forcing = true
    this.beamSearch(doc, start, end, forced)
    this.forcing = false
    for (let i = start; i < end; i++) {
      if (this.mustName[i] !== 1 || out[i] !== TAG_O || tagType(forced[i]) !== 0) continue
      let j = i
      while (j > start && tagPosition(forced[j]) !== 0 && tagPosition(forced[j]) !== 3) j--
      let k = i
      while (k < end - 1 && tagPosition(forced[k]) !== 2 && tagPosition(forced[k]) !== 3) k++
      let free = true
      for (let x = j; x <= k && free; x++) free = out[x] === TAG_O
      if (free) for (let x = j; x <= k; x++) out[x] = forced[x]
    }
  }

  // marks the unknown names worth a retry: alone, mid-sentence in prose (not after an opening quote, bracket, colon or
  // dash; not in a table or a title-case headline), and never written in lowercase in the document
  private markUnknownNames(doc: EncodedDocument): void {
    // the types' roles, read by token from the packed facts
    const info = doc.info
    const capitalised = doc.capitalised
    let start = 0
    for (const end of doc.sentenceEnds) {
      let lowerWords = 0
      for (let i = start; i < end; i++) {
        if ((info[i] >> FACT_ROLE_SHIFT) & LONG_LOWER) lowerWords++
      }
      // running prose only: tables, score lines and title-case headlines have few long lowercase words
      if (lowerWords >= 3) {
        for (let i = start + 1; i < end; i++) {
          // a lone word: a neighbouring capitalised word makes a longer name the model is better placed to judge
          if (capitalised[i - 1] || (i + 1 < end && capitalised[i + 1])) continue
          const role = (info[i] >> FACT_ROLE_SHIFT) & ROLE
          if (role === 1 && doc.position[i] === 1 && (doc.docCase[i] & 1) === 0 && ((info[i - 1] >> FACT_ROLE_SHIFT) & ROLE) !== 2) {
            this.mustName[i] = 1
          }
        }
      }
      start = end
    }
  }

  // name particles belong to the surname after them ("van der Merwe", "de Gaulle"): the training data has too few
  // lowercase examples for the model to learn it, so a PER mention absorbs up to three particles before it
  private attachParticles(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    const info = doc.info
    for (let i = start; i < end; i++) {
      if (out[i] !== PER_B && out[i] !== PER_U) continue
      let j = i - 1
      while (j >= start && i - j <= 3 && out[j] === TAG_O) {
        const particle = (info[j] & PARTICLE_BIT) !== 0
        if (!particle || (((info[j] >> FACT_CASE_SHIFT) & 15) !== CASE_LOWER && j !== start)) break
        j--
      }
      if (j === i - 1) continue
      out[i] = out[i] === PER_U ? PER_L : PER_I
      out[j + 1] = PER_B
      for (let k = j + 2; k < i; k++) out[k] = PER_I
    }
  }

  // scores of the tags in `tags[0, count)` for token i of the sentence [start, end), at `scores[tag]`, from everything
  // but the previous tags: five cached word-type vectors plus the context features, added in that order with float32
  // rounding after each addition, exactly as accumulating in a Float32Array would (each tag's sum is independent)
  private tokenScores(doc: EncodedDocument, start: number, end: number, i: number, scores: Float32Array, tags: Uint8Array, count: number): void {
    const vectors = this.types.vectors
    const weights = this.weights
    const docTypes = doc.types
    const ids = this.ids
    const b0 = ((i - 2 < start ? this.startType : docTypes[i - 2]) * S + 0) * K
    const b1 = ((i - 1 < start ? this.startType : docTypes[i - 1]) * S + 1) * K
    const b2 = (docTypes[i] * S + 2) * K
    const b3 = ((i + 1 >= end ? this.endType : docTypes[i + 1]) * S + 3) * K
    const b4 = ((i + 2 >= end ? this.endType : docTypes[i + 2]) * S + 4) * K
    tokenContext(this.context, doc, this.types, i, end, K, K)
    if (this.stageTwoOn === 1) this.context.stage2 = this.stageTwoBits[i]
    const all = contextFeatures(ids, 0, this.table, this.context, this.scratch.history)
    // features the model pruned (row 0, all zeros) are left out: adding +0 changes no sum (no sum is -0: weights and
    // sums start from +0, and x + -x rounds to +0)
    let n = 0
    for (let f = 0; f < all; f++) if (ids[f] !== 0) ids[n++] = ids[f] * K
    // each tag's sum in a local, Math.fround after each addition being the rounding a Float32Array store does, so the
    // sums are the same without a store and reload per feature; four tags at a time, so that four independent
    // chains of dependent additions overlap
    let x = 0
    for (; x + 4 <= count; x += 4) {
      const k0 = tags[x]
      const k1 = tags[x + 1]
      const k2 = tags[x + 2]
      const k3 = tags[x + 3]
      let s0 = Math.fround(Math.fround(Math.fround(Math.fround(vectors[b0 + k0] + vectors[b1 + k0]) + vectors[b2 + k0]) + vectors[b3 + k0]) + vectors[b4 + k0])
      let s1 = Math.fround(Math.fround(Math.fround(Math.fround(vectors[b0 + k1] + vectors[b1 + k1]) + vectors[b2 + k1]) + vectors[b3 + k1]) + vectors[b4 + k1])
      let s2 = Math.fround(Math.fround(Math.fround(Math.fround(vectors[b0 + k2] + vectors[b1 + k2]) + vectors[b2 + k2]) + vectors[b3 + k2]) + vectors[b4 + k2])
      let s3 = Math.fround(Math.fround(Math.fround(Math.fround(vectors[b0 + k3] + vectors[b1 + k3]) + vectors[b2 + k3]) + vectors[b3 + k3]) + vectors[b4 + k3])
      for (let f = 0; f < n; f++) {
        const row = ids[f]
        s0 = Math.fround(s0 + weights[row + k0])
        s1 = Math.fround(s1 + weights[row + k1])
        s2 = Math.fround(s2 + weights[row + k2])
        s3 = Math.fround(s3 + weights[row + k3])
      }
      scores[k0] = s0
      scores[k1] = s1
      scores[k2] = s2
      scores[k3] = s3
    }
    for (; x < count; x++) {
      const k = tags[x]
      let sum = Math.fround(Math.fround(Math.fround(Math.fround(vectors[b0 + k] + vectors[b1 + k]) + vectors[b2 + k]) + vectors[b3 + k]) + vectors[b4 + k])
      for (let f = 0; f < n; f++) sum = Math.fround(sum + weights[ids[f] + k])
      scores[k] = sum
    }
    if (this.forcing && this.mustName[i]) scores[TAG_O] = -1e6
  }

  private greedy(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    const transitions = this.transitions
    const scores = this.scores
    let prev = K // the sentence-start pseudo tag (TAG_START)
    let prev2 = K
    for (let i = start; i < end; i++) {
      // one token at a time: the label history the scores read includes this sentence's earlier tokens
      this.tokenScores(doc, start, end, i, scores, ALL_TAGS, K)
      const row = ((prev2 * (K + 1) + prev) * CASE_COUNT + ((doc.info[i] >> FACT_CASE_SHIFT) & 15)) * K
      const allowed = i === end - 1 ? this.lastAllowed : this.allowed
      const rowAllowed = prev * K
      let best = 0
      let bestScore = -Infinity
      for (let k = 0; k < K; k++) {
        const score = Math.fround(scores[k] + transitions[row + k])
        if (allowed[rowAllowed + k] && score > bestScore) {
          bestScore = score
          best = k
        }
      }
      out[i] = best
      recordHistory(this.scratch, doc, this.types, i, best === 0 ? -1 : (best - 1) >> 2)
      prev2 = prev
      prev = best
    }
  }

  // beam search over the sentence; the caller updates the label history once the sentence is decided
  private beamSearch(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    if (this.wasm !== null && this.wasmBeamSearch(this.wasm, doc, start, end, out)) return
    const length = end - start
    const B = this.beam
    if (this.backPointers.length < length * B) {
      this.backPointers = new Int32Array(length * B * 2)
      this.backTags = new Uint8Array(length * B * 2)
    }
    // a token's scores are only needed for the tags that may follow some kept hypothesis
    const base = this.scores
    const tagList = this.tagList
    const transitions = this.transitions
    const opens = this.opens
    const info = doc.info
    const backPointers = this.backPointers
    const backTags = this.backTags
    // a hypothesis is its score and one packed integer: last tag | tag before << 8 (| its parent << 16 while kept)
    let count = 1
    let hypScore = this.hypScore
    let hypState = this.hypState
    let nextScore = this.nextScore
    let nextState = this.nextState
    // the mask tagList[0, tagCount) was made for
    let listed = -1
    let tagCount = 0
    hypScore[0] = 0
    hypState[0] = K | (K << 8)
    for (let t = 0; t < length; t++) {
      const cls = (info[start + t] >> FACT_CASE_SHIFT) & 15
      // the tags allowed after each previous tag, as lists: most pairs are not allowed in BILOU
      const last = t === length - 1
      const followers = last ? this.lastFollowers : this.followers
      const followerMasks = last ? this.lastFollowerMasks : this.followerMasks
      let needed = 0
      for (let h = 0; h < count; h++) needed |= followerMasks[hypState[h] & 255]
      // consecutive tokens mostly need the same tags (all hypotheses outside an entity): the list is kept
      if (needed !== listed) {
        listed = needed
        tagCount = 0
        for (let m = needed; m !== 0; m &= m - 1) tagList[tagCount++] = 31 - Math.clz32(m & -m)
      }
      this.tokenScores(doc, start, end, start + t, base, tagList, tagCount)
      const back = t * B
      let kept = 0
      // a candidate must beat the worst of B kept ones (ties keep the earlier candidate)
      let threshold = -Infinity
      // and cannot be among the best B when below B other candidates: the first allowed tag after each of the first
      // B hypotheses gives such a floor, so fewer candidates go through the insertion
      let floor = -Infinity
      if (count >= B) {
        floor = Infinity
        for (let h = 0; h < B; h++) {
          const state = hypState[h]
          const prev = state & 255
          const k = followers[prev * K1 + 1]
          const score = hypScore[h] + base[k] + transitions[(((state >> 8) * (K + 1) + prev) * CASE_COUNT + cls) * K + k]
          if (score < floor) floor = score
        }
      }
      // after an open tag the followers are O, then the entity starts; the best start score plus the row's best
      // transition into a start bounds each start candidate (the same sums, and rounding is monotonic), so when that
      // bound stays below the floor or at most the threshold only O is tried
      let startBase = -Infinity
      for (let m = needed & ENTITY_START_MASK; m !== 0; m &= m - 1) {
        const score = base[31 - Math.clz32(m & -m)]
        if (score > startBase) startBase = score
      }
      const startTransitionMax = this.startTransitionMax
      for (let h = 0; h < count; h++) {
        const state = hypState[h]
        const prev = state & 255
        const prev2 = state >> 8
        const rowIndex = (prev2 * (K + 1) + prev) * CASE_COUNT + cls
        const row = rowIndex * K
        const score0 = hypScore[h]
        const tail = (prev << 8) | (h << 16)
        const first = prev * K1 + 1
        let all = opens[prev] === 0
        if (!all) {
          const bound = score0 + startBase + startTransitionMax[rowIndex]
          // the threshold only rises, and a candidate at or below it is skipped
          all = bound >= floor && bound > threshold
        }
        for (let x = first, stop = all ? first + followers[prev * K1] : first + 1; x < stop; x++) {
          const k = followers[x]
          const score = score0 + base[k] + transitions[row + k]
          if (score < floor || score <= threshold) continue
          // insert into the kept list, sorted by score, at most B long
          let slot = kept < B ? kept++ : B - 1
          while (slot > 0 && nextScore[slot - 1] < score) {
            nextScore[slot] = nextScore[slot - 1]
            nextState[slot] = nextState[slot - 1]
            slot--
          }
          nextScore[slot] = score
          nextState[slot] = k | tail
          if (kept === B) threshold = nextScore[B - 1]
        }
      }
      for (let h = 0; h < kept; h++) {
        const state = nextState[h]
        backTags[back + h] = state & 255
        backPointers[back + h] = state >> 16
        nextState[h] = state & 0xffff
      }
      const scoreSwap = hypScore
      hypScore = nextScore
      nextScore = scoreSwap
      const stateSwap = hypState
      hypState = nextState
      nextState = stateSwap
      count = kept
    }
    let h = 0
    for (let t = length - 1; t >= 0; t--) {
      out[start + t] = backTags[t * B + h]
      h = backPointers[t * B + h]
    }
  }

  // beamSearch by the WebAssembly decoder: the sentence's per-token inputs (what tokenScores reads) are written to its
  // memory, then one call sums and searches; false (nothing decoded) for a sentence beyond its capacity
  private wasmBeamSearch(decoder: WasmDecoder, doc: EncodedDocument, start: number, end: number, out: Uint8Array): boolean {
    const length = end - start
    if (length > decoder.tokenCapacity) return false
    const types = this.types
    decoder.prepare()
    const tokens = decoder.tokens
    const feats = decoder.feats
    const featureCapacity = decoder.featureCapacity
    const docTypes = doc.types
    const info = doc.info
    const ids = this.ids
    const forcing = this.forcing
    let fp = 0
    for (let i = start, r = 0; i < end; i++, r += TOKEN_FIELDS) {
      tokens[r] = ((i - 2 < start ? this.startType : docTypes[i - 2]) * S + 0) * K
      tokens[r + 1] = ((i - 1 < start ? this.startType : docTypes[i - 1]) * S + 1) * K
      tokens[r + 2] = (docTypes[i] * S + 2) * K
      tokens[r + 3] = ((i + 1 >= end ? this.endType : docTypes[i + 1]) * S + 3) * K
      tokens[r + 4] = ((i + 2 >= end ? this.endType : docTypes[i + 2]) * S + 4) * K
      tokens[r + 5] = (info[i] >> FACT_CASE_SHIFT) & 15
      tokens[r + 6] = forcing && this.mustName[i] ? 1 : 0
      tokenContext(this.context, doc, types, i, end, K, K)
      if (this.stageTwoOn === 1) this.context.stage2 = this.stageTwoBits[i]
      const all = contextFeatures(ids, 0, this.table, this.context, this.scratch.history)
      if (fp + all > featureCapacity) return false
      // rows the model pruned (row 0) left out, as tokenScores does
      const first = fp
      for (let f = 0; f < all; f++) if (ids[f] !== 0) feats[fp++] = ids[f] * K
      tokens[r + 7] = fp - first
    }
    const tags = decoder.decode(length, this.beam)
    for (let t = 0; t < length; t++) out[start + t] = tags[t]
    return true
  }
}
