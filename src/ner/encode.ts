/**
 * Turns a document's words into the per-token facts decoding needs (word type, case, sentence position,
 * gazetteer matches, document-level case evidence), the same way for training and inference.
 */
import type {Span} from '../doc.ts'
import {caseClass, capsWordFlags, featureForm, HISTORY_WIDTH, isCapitalised, normaliseWord, warmFeatureBranches, type TokenContext} from './features.ts'
import {createGazetteerCache, markGazetteer, type Gazetteer, type GazetteerCache} from './gazetteer.ts'
import {KeyTable, writeRecord} from './key-table.ts'
import {markMutable, objectArray} from './mutable-fields.ts'
import {warmUpOnce} from '../text/warm-up.ts'
import {LEXICON_CATEGORIES, type LexiconIndex} from './lexicon.ts'

const CASE_LOWER = 0
// a module-local copy: imported bindings can cost a getter call per access in hot code under some loaders
const WIDTH = HISTORY_WIDTH
const TITLE_BIT = 1 << LEXICON_CATEGORIES.indexOf('title')
const LEXICON_BITS = LEXICON_CATEGORIES.length
// context-aggregation bits beyond the neighbours' lexicon categories (see EncodedDocument.aggregate)
const AFTER_THE = 1 << (2 * LEXICON_BITS)
const AFTER_IN = 1 << (2 * LEXICON_BITS + 1)
const AFTER_CAPITAL = 1 << (2 * LEXICON_BITS + 2)
const BEFORE_CAPITAL = 1 << (2 * LEXICON_BITS + 3)
/** How many context-aggregation bits {@link EncodedDocument.aggregate} has. */
export const AGGREGATE_BITS = 2 * LEXICON_BITS + 4
// name-run bits (see EncodedDocument.run): the run's last word's lexicon categories, its first word's, then these
const RUN_CONNECTED = 1 << (2 * LEXICON_BITS)
const RUN_DEFINES_ACRONYM = 1 << (2 * LEXICON_BITS + 1)
const ACRONYM_DEFINED = 1 << (2 * LEXICON_BITS + 2)
// an acronym's defining run ends or starts with an organisation, place or MISC head word
const ACRONYM_HEAD_SHIFT = 2 * LEXICON_BITS + 3
const ORG_HEAD = 1 << LEXICON_CATEGORIES.indexOf('orgword')
const LOC_HEAD = 1 << LEXICON_CATEGORIES.indexOf('locword')
const MISC_HEAD = 1 << LEXICON_CATEGORIES.indexOf('miscword')
/** How many name-run bits {@link EncodedDocument.run} has. */
export const RUN_BITS = 2 * LEXICON_BITS + 6
// lowercase words that may join two capitalised words into one name ("Bank of England", "Bank of the Philippine
// Islands"): closed-class function words, one, or one before "the"; not "and", which more often joins two names
// ("Pan American Health Organization and Gavi")
const CONNECTORS = new Set(['of', 'for', '&', 'on', 'the', 'de'])
const COMMON = 1 << LEXICON_CATEGORIES.indexOf('common')
// lexicon categories that make a common word a likely part of a name ("Bank", "Union", "Mark")
const NAME_LIKE = ORG_HEAD | LOC_HEAD | MISC_HEAD | (1 << LEXICON_CATEGORIES.indexOf('first')) | (1 << LEXICON_CATEGORIES.indexOf('last')) | (1 << LEXICON_CATEGORIES.indexOf('demonym'))

// whether a capitalised sentence-initial word may start a name run: not a function word ("The", "Of") and not a
// common word that no name list knows ("But", "After"), which is capitalised only because it starts the sentence
function sentenceStartInName(flags: number, wordBits: number): boolean {
  if (wordBits & (WORD_CONNECTOR | WORD_AND)) return false
  return (flags & COMMON) === 0 || (flags & NAME_LIKE) !== 0
}
// an acronym: 2 to 8 letters, at least two of them capitals, no lowercase letter before the first capital
const ACRONYM = /^[A-Z][A-Za-z&.]{1,9}$/
// distance to the nearest earlier title word -> bucket (1, 2, 3, 4-6, 7-10); farther counts as none
const TITLE_BUCKETS = [-1, 0, 1, 2, 3, 3, 3, 4, 4, 4, 4]

/**
 * A type's packed facts ({@link TypeRegistry.facts}, {@link EncodedDocument.info}): its lexicon category bits (the low
 * 16 bits), then its case class, whether it is capitalised, the WORD_* bits of its lowercase form, whether it has an
 * acronym key, and 3 bits its registry's subclass may set ({@link FACT_ROLE_SHIFT}).
 */
export const FACT_LEXICON_MASK = 0xffff
/** Where a type's case class (4 bits) sits in its packed facts. */
export const FACT_CASE_SHIFT = 16
const FACT_CAPITALISED = 1 << 20
const FACT_WORD_SHIFT = 21
const FACT_ACRONYM = 1 << 26
/** Where the 3 bits a registry's subclass sets for its own use sit in a type's packed facts. */
export const FACT_ROLE_SHIFT = 27
if (LEXICON_BITS > 16) throw new Error('encode: the packed type facts hold at most 16 lexicon categories')

/**
 * Word types seen so far: one entry per (word, in-headline) pair, with the facts that depend only on the word.
 * Distinct words sit in a hash table keyed by their UTF-16 code units, so a word can be found in a text without
 * slicing it out ({@link TypeRegistry.wordAt}); a word becomes a type only once it is used in a sentence.
 */
export class TypeRegistry {
  constructor(private readonly lexicon: LexiconIndex) {
    // the arrays replaced as the registry grows (see markMutable)
    markMutable(this, ['slots', 'wordHashes', 'wordRecords', 'pool', 'wordTypes', 'wordCapsFlags', 'lowerId', 'caseClass', 'capitalised', 'lexiconFlags', 'wordBits', 'facts'])
  }

  // open addressing, linear probing, at most half full: pairs of (word hash, word record), -1 for empty slots; the
  // hash beside the record settles most probes without touching the pool
  private slots = new Int32Array(2 * 2048).fill(-1)
  private readonly wordList: string[] = objectArray()
  private wordHashes = new Int32Array(1024)
  // each word's record in `pool`, by id
  private wordRecords = new Int32Array(1024)
  // the words' records back to back: length, id (two 16-bit halves), then the UTF-16 code units, so that a lookup
  // compares against one contiguous record instead of chasing the word list and then the word string
  private pool = new Uint16Array(8192)
  private poolSize = 0
  // per word: its type in a normal sentence and in a headline, -1 until used
  private wordTypes = new Int32Array(2048).fill(-1)
  /** {@link capsWordFlags} of each word id */
  wordCapsFlags: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  // lowercase forms by id, in order of first use (a pooled table: see KeyTable)
  private readonly lowerIds = new KeyTable(1024)
  // per gazetteer, its first-word trie node by lowercase id (null: no entry starts with the word), filled on use
  private readonly gazetteerNodes = new WeakMap<Gazetteer, GazetteerCache>()
  /** normalised word of each type */
  readonly words: string[] = objectArray()
  readonly caps: boolean[] = objectArray()
  /** lowercased normalised word of each type (for gazetteer and history), and its id */
  readonly lower: string[] = objectArray()
  lowerId: Int32Array<ArrayBuffer> = new Int32Array(1024)
  caseClass: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  capitalised: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  /** lexicon category bits of each type (see LEXICON_CATEGORIES) */
  lexiconFlags: Uint16Array<ArrayBuffer> = new Uint16Array(1024)
  /**
   * which of the few words encoding compares against each type's lowercase form is (see WORD_COMMA...), so a token
   * is tested with one load instead of string comparisons and a Set lookup
   */
  wordBits: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  /** each type's {@link acronymKey} when it has the shape of an acronym, else null */
  readonly acronymKeys: (string | null)[] = objectArray()
  /**
   * The facts encoding reads for every token, packed per type: its lowercase id at `2 * type`, the other facts at
   * `2 * type + 1` (see {@link FACT_LEXICON_MASK}), so a token of a rare type costs one cache miss instead of one per
   * array above (which stay for readers by type)
   */
  facts: Int32Array<ArrayBuffer> = new Int32Array(2 * 1024)

  /** How many types exist. */
  get size(): number {
    return this.words.length
  }

  /** The {@link hashKey} of each lowercase form, by lowercase id. */
  get lowerHashes(): Int32Array {
    return this.lowerIds.keyHashes
  }

  /** How many distinct lowercase forms exist. */
  get lowerCount(): number {
    return this.lowerIds.size
  }

  /** The id of the word `text[start, end)`, registering the word if unseen (no type is made). */
  wordAt(text: string, start: number, end: number): number {
    // FNV-1a over the code units
    let hash = 0x811c9dc5 | 0
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    const length = end - start
    let slot = hash & mask
    for (let record = slots[2 * slot + 1]; record >= 0; record = slots[2 * slot + 1]) {
      if (slots[2 * slot] === hash && sameWord(this.pool, record, text, start, length)) return this.pool[record + 1] | (this.pool[record + 2] << 16)
      slot = (slot + 1) & mask
    }
    const id = this.wordList.length
    const word = text.slice(start, end)
    this.wordList.push(word)
    if (id >= this.wordHashes.length) {
      this.wordHashes = grow(this.wordHashes, id)
      this.wordRecords = grow(this.wordRecords, id)
      this.wordCapsFlags = grow(this.wordCapsFlags, id)
      const types = new Int32Array(this.wordHashes.length * 2).fill(-1)
      types.set(this.wordTypes)
      this.wordTypes = types
    }
    const record = this.poolSize
    this.pool = writeRecord(this.pool, record, id, text, start, length)
    this.poolSize = record + 3 + length
    this.wordHashes[id] = hash
    this.wordRecords[id] = record
    this.wordCapsFlags[id] = capsWordFlags(word)
    slots[2 * slot] = hash
    slots[2 * slot + 1] = record
    if (this.wordList.length * 4 > slots.length) this.rehash()
    return id
  }

  /** The id of `word` (see {@link wordAt}). */
  wordOf(word: string): number {
    return this.wordAt(word, 0, word.length)
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1)
    const mask = (slots.length >> 1) - 1
    for (let id = 0; id < this.wordList.length; id++) {
      let slot = this.wordHashes[id] & mask
      while (slots[2 * slot + 1] >= 0) slot = (slot + 1) & mask
      slots[2 * slot] = this.wordHashes[id]
      slots[2 * slot + 1] = this.wordRecords[id]
    }
    this.slots = slots
  }

  /** The type id of `word` in a normal or all-caps sentence, creating it (and calling `onNew`) if unseen. */
  typeOf(word: string, caps: boolean): number {
    return this.typeOfWord(this.wordOf(word), caps)
  }

  /** The type id of word id `wordId` in a normal or all-caps sentence, creating it (and calling `onNew`) if unseen. */
  typeOfWord(wordId: number, caps: boolean): number {
    const at = wordId * 2 + (caps ? 1 : 0)
    const known = this.wordTypes[at]
    if (known >= 0) return known
    const word = this.wordList[wordId]
    const id = this.words.length
    this.wordTypes[at] = id
    const normal = normaliseWord(word)
    const lower = normal.toLowerCase()
    const lowerId = this.lowerIds.add(lower)
    if (id >= this.lowerId.length) {
      this.lowerId = grow(this.lowerId, id)
      this.caseClass = grow(this.caseClass, id)
      this.capitalised = grow(this.capitalised, id)
      this.lexiconFlags = grow(this.lexiconFlags, id)
      this.wordBits = grow(this.wordBits, id)
      this.facts = grow(this.facts, 2 * id + 1)
    }
    this.words.push(normal)
    this.caps.push(caps)
    this.lower.push(lower)
    this.lowerId[id] = lowerId
    this.caseClass[id] = caseClass(normal)
    this.capitalised[id] = isCapitalised(normal) ? 1 : 0
    const flags = this.lexicon.flags.get(featureForm(normal)) ?? 0
    this.lexiconFlags[id] = flags
    const bits = wordBitsOf(lower)
    this.wordBits[id] = bits
    // the regex only for words that start with an ASCII capital and have its length (nearly every word fails that)
    const first = normal.charCodeAt(0)
    const acronym = first >= 65 && first <= 90 && normal.length >= 2 && normal.length <= 10 && ACRONYM.test(normal) ? acronymKey(normal) : null
    this.acronymKeys.push(acronym)
    this.facts[2 * id] = lowerId
    this.facts[2 * id + 1] =
      flags | (this.caseClass[id] << FACT_CASE_SHIFT) | (this.capitalised[id] ? FACT_CAPITALISED : 0) | (bits << FACT_WORD_SHIFT) | (acronym !== null ? FACT_ACRONYM : 0)
    this.onNew(id)
    return id
  }

  /** What {@link markGazetteer} knows of `gazetteer` by lowercase id, as it fills it for this registry. */
  firstNodes(gazetteer: Gazetteer): GazetteerCache {
    let cache = this.gazetteerNodes.get(gazetteer)
    if (!cache) this.gazetteerNodes.set(gazetteer, (cache = createGazetteerCache()))
    return cache
  }

  /** Hook for subclasses that attach features or weights to each new type. */
  protected onNew(_id: number): void {}
}

// bits of TypeRegistry.wordBits: the lowercase form is ",", "the", "in" or "at", a connector, "and"
const WORD_COMMA = 1
const WORD_THE = 2
const WORD_IN_AT = 4
const WORD_CONNECTOR = 8
const WORD_AND = 16

function wordBitsOf(lower: string): number {
  let bits = CONNECTORS.has(lower) ? WORD_CONNECTOR : 0
  if (lower === ',') bits |= WORD_COMMA
  else if (lower === 'the') bits |= WORD_THE
  else if (lower === 'in' || lower === 'at') bits |= WORD_IN_AT
  else if (lower === 'and') bits |= WORD_AND
  return bits
}

// the lowercase forms wordBitsOf tells apart, for warmEncoderBranches
const WARM_FORMS = [',', 'the', 'in', 'at', 'and', 'of', 'word']
/**
 * Runs the branches of the per-type helpers that a thread's first documents take once or never before the helpers are
 * compiled (wordBitsOf's "," and "the" are each one new type per thread; see warmFeatureBranches), once per thread,
 * so their first use does not throw the compiled typeOfWord and emitTypeFeatures away. No state is kept.
 */
export const warmEncoderBranches: () => void = warmUpOnce(20, () => {
  warmFeatureBranches()
  for (const form of WARM_FORMS) wordBitsOf(form)
})

// whether the pool record at `record` holds the word `text[start, start + length)`
function sameWord(pool: Uint16Array, record: number, text: string, start: number, length: number): boolean {
  if (pool[record] !== length) return false
  const chars = record + 3
  for (let i = 0; i < length; i++) if (pool[chars + i] !== text.charCodeAt(start + i)) return false
  return true
}

function grow<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(array: T, needed: number): T {
  let size = array.length
  while (size <= needed) size *= 2
  const next = new (array.constructor as new (n: number) => T)(size)
  next.set(array)
  return next
}

/** Per-token facts of one document. */
export interface EncodedDocument {
  length: number
  sentenceEnds: readonly number[]
  types: Int32Array
  /** 0 first in sentence, 1 later, 2 in an all-caps headline */
  position: Uint8Array
  /** docCase flags for capitalised tokens (bit 0: lowercase elsewhere, bit 1: capitalised mid-sentence elsewhere), -1 otherwise */
  docCase: Int8Array
  gazetteer: Uint32Array
  external: Uint32Array
  /** how far back the nearest title word in the sentence is (bucketed, doubled, +1 after a comma), -1 for none */
  titleContext: Int8Array
  /**
   * Context aggregation (Chieu & Ng 2002; Ratinov & Roth 2009), for capitalised tokens: what the neighbours of the
   * same word's other occurrences in the document are (bits 0..10 the previous word's lexicon categories, 11..21 the
   * next word's, then after "the", after "in"/"at", after a capitalised word, before a capitalised word); 0 otherwise
   */
  aggregate: Uint32Array
  /**
   * Name runs (issue 14): a run is two or more capitalised words in a sentence that is not an all-caps headline,
   * possibly joined by connectors ("Ministry of Defence", "Securities and Exchange Commission"). A token of a run
   * gets the lexicon categories of the run's last word (bits 0..10, when it is not that word) and of its first word
   * (11..21, when it is not that word), so "Federal" in "Federal Energy Regulatory Commission" sees the head word
   * three places on; bit 22 the run has a connector; bit 23 the run (or its tail) spells out an acronym the
   * document uses; an acronym token ("SEC", "AfD") whose letters are the initials of such a run anywhere in the
   * document gets bit 24, and bits 25..27 when that run ends or starts with an organisation, place or MISC head word
   */
  run: Uint32Array
  /** each token's lowercase id and whether it is capitalised (the registry's, by token) */
  lowerIds: Int32Array
  capitalised: Uint8Array
  /** each token's type's packed facts (see {@link FACT_LEXICON_MASK}), read in token order instead of by type */
  info: Int32Array
}

/** Reusable per-document counters keyed by lowercase id, cleared by remembering what was touched. */
export class DocumentScratch {
  history = new Int32Array(1024 * WIDTH)
  lowerSeen = new Int32Array(1024)
  capSeen = new Int32Array(1024)
  /** context-aggregation bits seen at one occurrence or more, and at two or more, by lowercase id (cleared by their user) */
  aggregateOnce = new Uint32Array(1024)
  aggregateTwice = new Uint32Array(1024)
  private touched: number[] = []

  constructor() {
    // replaced when a document has more lowercase forms than they hold (see markMutable)
    markMutable(this, ['history', 'lowerSeen', 'capSeen', 'aggregateOnce', 'aggregateTwice', 'touched'])
  }

  /** Makes room for `lowerCount` lowercase ids and zeroes what the last document used. */
  reset(lowerCount: number): void {
    if (lowerCount > this.lowerSeen.length) {
      let size = this.lowerSeen.length
      while (size < lowerCount) size *= 2
      this.history = new Int32Array(size * WIDTH)
      this.lowerSeen = new Int32Array(size)
      this.capSeen = new Int32Array(size)
      this.aggregateOnce = new Uint32Array(size)
      this.aggregateTwice = new Uint32Array(size)
      this.touched = []
      return
    }
    const history = this.history
    const touched = this.touched
    for (let t = 0; t < touched.length; t++) {
      const id = touched[t]
      this.lowerSeen[id] = 0
      this.capSeen[id] = 0
      // a handful of slots: a plain loop costs less than a call to fill
      for (let k = id * WIDTH, end = k + WIDTH; k < end; k++) history[k] = 0
    }
    touched.length = 0
  }

  /** Zeroes the label history alone (the two-stage pass decodes the document again from its start). */
  clearHistory(): void {
    const history = this.history
    const touched = this.touched
    for (let t = 0; t < touched.length; t++) {
      for (let k = touched[t] * WIDTH, end = k + WIDTH; k < end; k++) history[k] = 0
    }
  }

  /** Records that `lowerId` has counters to clear at the next reset. */
  touch(lowerId: number): void {
    this.touched.push(lowerId)
  }
}

/**
 * The per-token arrays of the last document encoded with them, reused by the next one (a tagger decodes one document
 * at a time): a dozen typed arrays per document otherwise, each with its own backing store for the GC to track.
 * Training keeps every encoded document, and passes none.
 */
export class EncodeBuffers {
  private capacity = 0
  private wordIds = new Int32Array(0)
  private types = new Int32Array(0)
  private position = new Uint8Array(0)
  private docCase = new Int8Array(0)
  private gazetteer = new Uint32Array(0)
  private external = new Uint32Array(0)
  private lowerIds = new Int32Array(0)
  private capitalised = new Uint8Array(0)
  private info = new Int32Array(0)
  private titleContext = new Int8Array(0)
  private aggregate = new Uint32Array(0)
  private run = new Uint32Array(0)

  constructor() {
    // replaced when a document is longer than any before (see markMutable)
    markMutable(this, ['capacity', 'wordIds', 'types', 'position', 'docCase', 'gazetteer', 'external', 'lowerIds', 'capitalised', 'info', 'titleContext', 'aggregate', 'run'])
  }

  /** Word-id room for `length` tokens (its contents are overwritten by the caller). */
  words(length: number): Int32Array {
    this.reserve(length)
    return this.wordIds.subarray(0, length)
  }

  /** Fresh-looking arrays of `length` tokens: zeroed, `titleContext` -1. */
  arrays(length: number): DocumentArrays {
    this.reserve(length)
    const take = <T extends Int32Array | Uint8Array | Int8Array | Uint32Array>(array: T, fill: number): T => {
      array.fill(fill, 0, length)
      return array.subarray(0, length) as T
    }
    return {
      types: take(this.types, 0),
      position: take(this.position, 0),
      docCase: take(this.docCase, 0),
      gazetteer: take(this.gazetteer, 0),
      external: take(this.external, 0),
      lowerIds: take(this.lowerIds, 0),
      capitalised: take(this.capitalised, 0),
      info: take(this.info, 0),
      titleContext: take(this.titleContext, -1),
      aggregate: take(this.aggregate, 0),
      run: take(this.run, 0),
    }
  }

  /** Tokens the arrays have room for now. */
  get size(): number {
    return this.capacity
  }

  /**
   * Lets go of arrays grown past `keep` tokens by one long document (36 bytes a token: 75 MB after a 2-million-token
   * document), so that a worker which met one long document does not hold that memory for the rest of the run.
   */
  release(keep: number): void {
    if (this.capacity <= keep) return
    this.capacity = 0
    this.wordIds = new Int32Array(0)
    this.types = new Int32Array(0)
    this.position = new Uint8Array(0)
    this.docCase = new Int8Array(0)
    this.gazetteer = new Uint32Array(0)
    this.external = new Uint32Array(0)
    this.lowerIds = new Int32Array(0)
    this.capitalised = new Uint8Array(0)
    this.info = new Int32Array(0)
    this.titleContext = new Int8Array(0)
    this.aggregate = new Uint32Array(0)
    this.run = new Uint32Array(0)
  }

  private reserve(length: number): void {
    if (length <= this.capacity) return
    let size = Math.max(1024, this.capacity)
    while (size < length) size *= 2
    const words = new Int32Array(size)
    // words() may have been filled before arrays() asks for the same length
    words.set(this.wordIds)
    this.wordIds = words
    this.types = new Int32Array(size)
    this.position = new Uint8Array(size)
    this.docCase = new Int8Array(size)
    this.gazetteer = new Uint32Array(size)
    this.external = new Uint32Array(size)
    this.lowerIds = new Int32Array(size)
    this.capitalised = new Uint8Array(size)
    this.info = new Int32Array(size)
    this.titleContext = new Int8Array(size)
    this.aggregate = new Uint32Array(size)
    this.run = new Uint32Array(size)
    this.capacity = size
  }
}

interface DocumentArrays {
  types: Int32Array
  position: Uint8Array
  docCase: Int8Array
  gazetteer: Uint32Array
  external: Uint32Array
  lowerIds: Int32Array
  capitalised: Uint8Array
  info: Int32Array
  titleContext: Int8Array
  aggregate: Uint32Array
  run: Uint32Array
}

function freshArrays(length: number): DocumentArrays {
  return {
    types: new Int32Array(length),
    position: new Uint8Array(length),
    docCase: new Int8Array(length),
    gazetteer: new Uint32Array(length),
    external: new Uint32Array(length),
    lowerIds: new Int32Array(length),
    capitalised: new Uint8Array(length),
    info: new Int32Array(length),
    titleContext: new Int8Array(length).fill(-1),
    aggregate: new Uint32Array(length),
    run: new Uint32Array(length),
  }
}

/**
 * Encodes one document's words: registers their types and computes position, document-case and gazetteer facts.
 * With `buffers`, the result lives in them and is valid until their next use.
 */
export function encodeDocument(
  words: readonly string[],
  sentenceEnds: readonly number[],
  registry: TypeRegistry,
  gazetteer: Gazetteer | null,
  external: Gazetteer | null,
  scratch: DocumentScratch,
  buffers?: EncodeBuffers,
): EncodedDocument {
  const wordIds = buffers ? buffers.words(words.length) : new Int32Array(words.length)
  for (let i = 0; i < words.length; i++) wordIds[i] = registry.wordOf(words[i])
  return encodeWordIds(wordIds, sentenceEnds, registry, gazetteer, external, scratch, buffers)
}

/** {@link encodeDocument} for words given as spans of `text` (token offsets), found without slicing them out. */
export function encodeSpans(
  text: string,
  spans: readonly Span[],
  sentenceEnds: readonly number[],
  registry: TypeRegistry,
  gazetteer: Gazetteer | null,
  external: Gazetteer | null,
  scratch: DocumentScratch,
  buffers?: EncodeBuffers,
): EncodedDocument {
  const wordIds = buffers ? buffers.words(spans.length) : new Int32Array(spans.length)
  for (let i = 0; i < spans.length; i++) wordIds[i] = registry.wordAt(text, spans[i].start, spans[i].end)
  return encodeWordIds(wordIds, sentenceEnds, registry, gazetteer, external, scratch, buffers)
}

function encodeWordIds(
  wordIds: Int32Array,
  sentenceEnds: readonly number[],
  registry: TypeRegistry,
  gazetteer: Gazetteer | null,
  external: Gazetteer | null,
  scratch: DocumentScratch,
  buffers?: EncodeBuffers,
): EncodedDocument {
  const length = wordIds.length
  const {types, position, docCase, gazetteer: gazetteerMasks, external: externalMasks, lowerIds, capitalised, info, titleContext, aggregate, run} =
    buffers ? buffers.arrays(length) : freshArrays(length)
  // initials of the document's runs (and of their tails) -> head-word bits of the run's last word; runs by token
  let initials: Map<string, number> | null = null
  let runSpans: number[] | null = null
  const gazetteerNodes = gazetteer ? registry.firstNodes(gazetteer) : undefined
  const externalNodes = external ? registry.firstNodes(external) : undefined
  let start = 0
  for (const end of sentenceEnds) {
    // an all-caps headline (see isCapsSentence): no lowercase letter and at least two words of 2+ letters
    let longWords = 0
    let lowercase = false
    for (let i = start; i < end && !lowercase; i++) {
      const flags = registry.wordCapsFlags[wordIds[i]]
      lowercase = (flags & 1) !== 0
      if (flags & 2) longWords++
    }
    const caps = !lowercase && longWords >= 2
    // the type's facts are read once, packed (one cache line), and copied to the token: the loops below read them in
    // token order
    for (let i = start; i < end; i++) {
      const type = registry.typeOfWord(wordIds[i], caps)
      // a new type may have grown the registry's arrays
      const facts = registry.facts
      const bits = facts[2 * type + 1]
      types[i] = type
      position[i] = caps ? 2 : i === start ? 0 : 1
      lowerIds[i] = facts[2 * type]
      info[i] = bits
      capitalised[i] = bits & FACT_CAPITALISED ? 1 : 0
    }
    let lastTitle = -1
    for (let i = start; i < end; i++) {
      if (lastTitle >= 0) {
        const bucket = TITLE_BUCKETS[i - lastTitle] ?? -1
        if (bucket >= 0) titleContext[i] = bucket * 2 + ((info[i - 1] >> FACT_WORD_SHIFT) & WORD_COMMA)
      }
      if (info[i] & TITLE_BIT) lastTitle = i
    }
    // this occurrence's own context bits (aggregated over the document below)
    for (let i = start; i < end; i++) {
      if (!capitalised[i]) continue
      let bits = 0
      if (i > start) {
        const before = info[i - 1]
        bits |= before & FACT_LEXICON_MASK
        const word = before >> FACT_WORD_SHIFT
        if (word & WORD_THE) bits |= AFTER_THE
        else if (word & WORD_IN_AT) bits |= AFTER_IN
        if (capitalised[i - 1] && position[i - 1] === 1) bits |= AFTER_CAPITAL
      }
      if (i + 1 < end) {
        bits |= (info[i + 1] & FACT_LEXICON_MASK) << LEXICON_BITS
        if (capitalised[i + 1]) bits |= BEFORE_CAPITAL
      }
      aggregate[i] = bits
    }
    if (!caps) {
      let lastRunFrom = -1
      let lastRunEnd = -1
      for (let i = start; i < end; ) {
        if (!capitalised[i] || (i === start && !sentenceStartInName(info[i] & FACT_LEXICON_MASK, info[i] >> FACT_WORD_SHIFT))) {
          i++
          continue
        }
        // extend the run through capitalised words and connectors followed by a capitalised word
        let last = i
        let j = i + 1
        let connected = false
        while (j < end) {
          if (capitalised[j]) {
            last = j++
            continue
          }
          // one connector, or one and "the" ("of the")
          let k = j
          if ((info[k] >> FACT_WORD_SHIFT) & WORD_CONNECTOR) k++
          if (k > j && k < end && (info[k] >> FACT_WORD_SHIFT) & WORD_THE && !((info[j] >> FACT_WORD_SHIFT) & WORD_THE)) k++
          if (k === j || k >= end || !capitalised[k]) break
          connected = true
          j = k
        }
        if (last > i) {
          const lastFlags = info[last] & FACT_LEXICON_MASK
          const firstFlags = info[i] & FACT_LEXICON_MASK
          for (let t = i; t <= last; t++) {
            let bits = connected ? RUN_CONNECTED : 0
            if (t < last) bits |= lastFlags
            if (t > i) bits |= firstFlags << LEXICON_BITS
            run[t] = bits
          }
          initials ??= new Map()
          runSpans ??= []
          runSpans.push(i, last)
          addInitials(initials, registry.lower, types, capitalised, info, i, last)
        }
        // "and" joins two capitalised stretches only for the initials ("Securities and Exchange Commission", SEC)
        // (a run before it: with none, lastRunEnd -1 equals i - 2 for a sentence opening "And Name" at token 1)
        if (lastRunFrom >= 0 && lastRunEnd === i - 2 && (info[i - 1] >> FACT_WORD_SHIFT) & WORD_AND) {
          initials ??= new Map()
          addInitials(initials, registry.lower, types, capitalised, info, lastRunFrom, last)
        }
        lastRunFrom = i
        lastRunEnd = last
        i = last + 1
      }
    }
    // the words are read from the registry's lowercase forms by type, only when a gazetteer needs one
    // and by the hashes of the lowercase forms, which rule most words out without a lookup (read here: the table
    // grows its array as the sentence's new types are made)
    const hashes = registry.lowerHashes
    if (gazetteer) markGazetteer(gazetteer, registry.lower, capitalised, start, end, gazetteerMasks, lowerIds, gazetteerNodes, types, hashes)
    if (external) markGazetteer(external, registry.lower, capitalised, start, end, externalMasks, lowerIds, externalNodes, types, hashes)
    start = end
  }
  // document-level case evidence: is this capitalised word written in lowercase, or capitalised mid-sentence, elsewhere?
  scratch.reset(registry.lowerCount)
  for (let i = 0; i < length; i++) {
    const id = lowerIds[i]
    if (((info[i] >> FACT_CASE_SHIFT) & 15) === CASE_LOWER) {
      if (scratch.lowerSeen[id]++ === 0 && scratch.capSeen[id] === 0) scratch.touch(id)
    } else if (capitalised[i] && position[i] === 1) {
      if (scratch.capSeen[id]++ === 0 && scratch.lowerSeen[id] === 0) scratch.touch(id)
    }
  }
  for (let i = 0; i < length; i++) {
    if (!capitalised[i]) {
      docCase[i] = -1
      continue
    }
    const id = lowerIds[i]
    const capElsewhere = scratch.capSeen[id] - (position[i] === 1 ? 1 : 0)
    docCase[i] = (scratch.lowerSeen[id] > 0 ? 1 : 0) | (capElsewhere > 0 ? 2 : 0)
  }
  // context aggregation: a capitalised token gets the bits of the same word's other occurrences in the document (a
  // bit one other occurrence has is in `twice`, or in `once` without being the token's own). Leaving out words the
  // document also writes lowercase, or headline occurrences, scored lower on the modern set (docs/ner.md)
  const once = scratch.aggregateOnce
  const twice = scratch.aggregateTwice
  for (let i = 0; i < length; i++) {
    if (!capitalised[i]) continue
    const id = lowerIds[i]
    twice[id] |= once[id] & aggregate[i]
    once[id] |= aggregate[i]
  }
  for (let i = 0; i < length; i++) {
    if (!capitalised[i]) continue
    const id = lowerIds[i]
    aggregate[i] = twice[id] | (once[id] & ~aggregate[i])
  }
  for (let i = 0; i < length; i++) {
    const id = lowerIds[i]
    once[id] = 0
    twice[id] = 0
  }
  if (initials) markAcronyms(initials, runSpans ?? [], registry, types, info, capitalised, position, run)
  return {length, sentenceEnds, types, position, docCase, gazetteer: gazetteerMasks, external: externalMasks, titleContext, aggregate, run, lowerIds, capitalised, info}
}

// records the initials of run [from, last] and of each of its tails that starts with a capitalised word, two ways:
// capitalised words only ("Federal Bureau of Investigation" FBI) and every word ("Department of Justice" DOJ)
function addInitials(
  initials: Map<string, number>,
  lower: readonly string[],
  types: Int32Array,
  capitalised: Uint8Array,
  info: Int32Array,
  from: number,
  last: number,
): void {
  const lastFlags = info[last] & FACT_LEXICON_MASK
  // each tail's initials are a suffix of the whole run's: the run's letters are read once, and the tails' strings are
  // suffixes of two strings (instead of concatenated again per tail, quadratic in the run's length)
  let capitalsAll = ''
  let everyAll = ''
  for (let t = from; t <= last; t++) {
    const word = lower[types[t]]
    // the first code unit is an ASCII lowercase letter (what /[a-z]/ finds in word.charAt(0))
    const first = word.charCodeAt(0)
    if (!(first >= 97 && first <= 122)) continue
    everyAll += word.charAt(0)
    if (capitalised[t]) capitalsAll += word.charAt(0)
  }
  // letters of the run before tail k's first word, in each string
  let everyBefore = 0
  let capitalsBefore = 0
  for (let k = from; k < last; k++) {
    const first = lower[types[k]].charCodeAt(0)
    const letter = first >= 97 && first <= 122
    // only initials an acronym key can equal (at most MAX_ACRONYM letters) are ever looked up: longer tails are not
    // stored, which kept a run as long as the text (a names list, a title-case line) quadratic in its length
    if (capitalised[k] && capitalsAll.length - capitalsBefore <= MAX_ACRONYM) {
      // the head word ends the name ("Energy Commission") or starts it ("Department of Justice")
      const heads = (lastFlags | (info[k] & FACT_LEXICON_MASK)) & (ORG_HEAD | LOC_HEAD | MISC_HEAD)
      const capitals = capitalsBefore === 0 ? capitalsAll : capitalsAll.slice(capitalsBefore)
      const every = everyBefore === 0 ? everyAll : everyAll.slice(everyBefore)
      if (capitals.length >= 2) initials.set(capitals, (initials.get(capitals) ?? 0) | heads)
      if (every.length >= 2 && every.length <= MAX_ACRONYM && every !== capitals) initials.set(every, (initials.get(every) ?? 0) | heads)
    }
    if (letter) {
      everyBefore++
      if (capitalised[k]) capitalsBefore++
    }
  }
}

// marks acronym tokens that some run of the document spells out, and the runs that spell out an acronym it uses
function markAcronyms(
  initials: Map<string, number>,
  runSpans: readonly number[],
  registry: TypeRegistry,
  types: Int32Array,
  info: Int32Array,
  capitalised: Uint8Array,
  position: Uint8Array,
  run: Uint32Array,
): void {
  const used = new Set<string>()
  for (let i = 0; i < types.length; i++) {
    // the packed facts say which types have a key: the keys themselves are read for those tokens only
    if (position[i] === 2 || (info[i] & FACT_ACRONYM) === 0) continue
    const key = registry.acronymKeys[types[i]]
    if (key === null) continue
    const heads = initials.get(key)
    if (heads === undefined) continue
    used.add(key)
    let bits = ACRONYM_DEFINED
    if (heads & ORG_HEAD) bits |= 1 << ACRONYM_HEAD_SHIFT
    if (heads & LOC_HEAD) bits |= 1 << (ACRONYM_HEAD_SHIFT + 1)
    if (heads & MISC_HEAD) bits |= 1 << (ACRONYM_HEAD_SHIFT + 2)
    run[i] |= bits
  }
  if (used.size === 0) return
  for (let r = 0; r < runSpans.length; r += 2) {
    const from = runSpans[r]
    const last = runSpans[r + 1]
    // each tail's initials are suffixes of the run's (read once, not once per tail: quadratic in the run's length),
    // and only tails of at most MAX_ACRONYM letters can equal an acronym's key
    let capitalsAll = ''
    let everyAll = ''
    for (let t = from; t <= last; t++) {
      const first = registry.lower[types[t]].charCodeAt(0)
      if (!(first >= 97 && first <= 122)) continue
      everyAll += String.fromCharCode(first)
      if (capitalised[t]) capitalsAll += String.fromCharCode(first)
    }
    let defines = false
    let everyBefore = 0
    let capitalsBefore = 0
    for (let k = from; k < last && !defines; k++) {
      if (capitalsAll.length - capitalsBefore <= MAX_ACRONYM && used.has(capitalsAll.slice(capitalsBefore))) defines = true
      else if (everyAll.length - everyBefore <= MAX_ACRONYM && used.has(everyAll.slice(everyBefore))) defines = true
      const first = registry.lower[types[k]].charCodeAt(0)
      if (first >= 97 && first <= 122) {
        everyBefore++
        if (capitalised[k]) capitalsBefore++
      }
    }
    if (defines) for (let t = from; t <= last; t++) run[t] |= RUN_DEFINES_ACRONYM
  }
}

// the most letters of an acronym's key
const MAX_ACRONYM = 8

// "SEC", "AfD", "U.S.", "M&A" -> lowercase letters ("sec", "afd", "us", "ma"); null unless 2 to 8 letters with at
// least two capitals (a capitalised word such as "Reuters" is not an acronym)
function acronymKey(word: string): string | null {
  let key = ''
  let capitals = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 65 && code <= 90) {
      capitals++
      key += String.fromCharCode(code + 32)
    } else if (code >= 97 && code <= 122) key += word[i]
  }
  if (capitals < 2 || key.length < 2 || key.length > MAX_ACRONYM) return null
  // mostly capitals: "AfD", "SEC"; not "McDonald"
  return capitals * 2 >= key.length ? key : null
}

/** Fills `context` for token `i` of an encoded document given the two previous predicted tags. */
export function tokenContext(
  context: TokenContext,
  doc: EncodedDocument,
  _registry: TypeRegistry,
  i: number,
  sentenceEnd: number,
  prev: number,
  prev2: number,
): void {
  // the token's own copies of its type's facts (see EncodedDocument.info), read in token order
  context.prev = prev
  context.prev2 = prev2
  context.caseClass = (doc.info[i] >> FACT_CASE_SHIFT) & 15
  context.position = doc.position[i]
  context.historyAt = doc.capitalised[i] ? doc.lowerIds[i] * WIDTH : -1
  context.historyNextAt = i + 1 < sentenceEnd && doc.capitalised[i + 1] ? doc.lowerIds[i + 1] * WIDTH : -1
  context.docCase = doc.docCase[i]
  context.gazetteer = doc.gazetteer[i]
  context.external = doc.external[i]
  context.titleContext = doc.titleContext[i]
  context.aggregate = doc.aggregate[i]
  context.run = doc.run[i]
  // the caller sets the stage-two bits in a second pass (see two-stage.ts)
  context.stage2 = 0
}

/** Counts the label just given to token `i` in the document's history (capitalised words only). */
export function recordHistory(scratch: DocumentScratch, doc: EncodedDocument, _registry: TypeRegistry, i: number, tagType: number): void {
  if (!doc.capitalised[i]) return
  const id = doc.lowerIds[i]
  const at = id * WIDTH
  const history = scratch.history
  let seen = 0
  for (let k = 0; k < WIDTH; k++) seen += history[at + k]
  if (seen === 0) scratch.touch(id)
  history[at + tagType + 1]++
}

/** A blank {@link TokenContext}. */
export function emptyContext(): TokenContext {
  const context = {prev: 0, prev2: 0, caseClass: 0, position: 0, historyAt: -1, historyNextAt: -1, docCase: -1, gazetteer: 0, external: 0, titleContext: -1, aggregate: 0, run: 0, stage2: 0}
  // the external gazetteer's masks use bit 31 (2^31 is not a small integer to V8): the field holds such a number once
  // here, so the code compiled against it is not thrown away at the first token that has that bit (see markMutable)
  context.external = 2 ** 31
  context.external = 0
  return context
}
