/**
 * Turns a document's words into the per-token facts decoding needs (word type, case, sentence position,
 * gazetteer matches, document-level case evidence), the same way for training and inference.
 */
import {
  caseClass,
  featureForm,
  HISTORY_WIDTH,
  isCapitalised,
  isCapsSentence,
  normaliseWord,
  type TokenContext,
} from './features.ts'
import {markGazetteer, type Gazetteer} from './gazetteer.ts'
import {LEXICON_CATEGORIES, type LexiconIndex} from './lexicon.ts'

const CASE_LOWER = 0
// a module-local copy: imported bindings can cost a getter call per access in hot code under some loaders
const WIDTH = HISTORY_WIDTH
const TITLE_BIT = 1 << LEXICON_CATEGORIES.indexOf('title')
// distance to the nearest earlier title word -> bucket (1, 2, 3, 4-6, 7-10); farther counts as none
const TITLE_BUCKETS = [-1, 0, 1, 2, 3, 3, 3, 4, 4, 4, 4]

/** Word types seen so far: one entry per (word, in-headline) pair, with the facts that depend only on the word. */
export class TypeRegistry {
  constructor(private readonly lexicon: LexiconIndex) {}

  private readonly plain = new Map<string, number>()
  private readonly headline = new Map<string, number>()
  private readonly lowerIds = new Map<string, number>()
  /** normalised word of each type */
  readonly words: string[] = []
  readonly caps: boolean[] = []
  /** lowercased normalised word of each type (for gazetteer and history), and its id */
  readonly lower: string[] = []
  lowerId: Int32Array<ArrayBuffer> = new Int32Array(1024)
  caseClass: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  capitalised: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  /** lexicon category bits of each type (see LEXICON_CATEGORIES) */
  lexiconFlags: Uint16Array<ArrayBuffer> = new Uint16Array(1024)

  /** How many types exist. */
  get size(): number {
    return this.words.length
  }

  /** How many distinct lowercase forms exist. */
  get lowerCount(): number {
    return this.lowerIds.size
  }

  /** The type id of `word` in a normal or all-caps sentence, creating it (and calling `onNew`) if unseen. */
  typeOf(word: string, caps: boolean): number {
    const map = caps ? this.headline : this.plain
    const known = map.get(word)
    if (known !== undefined) return known
    const id = this.words.length
    map.set(word, id)
    const normal = normaliseWord(word)
    const lower = normal.toLowerCase()
    let lowerId = this.lowerIds.get(lower)
    if (lowerId === undefined) {
      lowerId = this.lowerIds.size
      this.lowerIds.set(lower, lowerId)
    }
    if (id >= this.lowerId.length) {
      this.lowerId = grow(this.lowerId, id)
      this.caseClass = grow(this.caseClass, id)
      this.capitalised = grow(this.capitalised, id)
      this.lexiconFlags = grow(this.lexiconFlags, id)
    }
    this.words.push(normal)
    this.caps.push(caps)
    this.lower.push(lower)
    this.lowerId[id] = lowerId
    this.caseClass[id] = caseClass(normal)
    this.capitalised[id] = isCapitalised(normal) ? 1 : 0
    this.lexiconFlags[id] = this.lexicon.flags.get(featureForm(normal)) ?? 0
    this.onNew(id)
    return id
  }

  /** Hook for subclasses that attach features or weights to each new type. */
  protected onNew(_id: number): void {}
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
}

/** Reusable per-document counters keyed by lowercase id, cleared by remembering what was touched. */
export class DocumentScratch {
  history = new Int32Array(1024 * WIDTH)
  lowerSeen = new Int32Array(1024)
  capSeen = new Int32Array(1024)
  private touched: number[] = []

  /** Makes room for `lowerCount` lowercase ids and zeroes what the last document used. */
  reset(lowerCount: number): void {
    if (lowerCount > this.lowerSeen.length) {
      let size = this.lowerSeen.length
      while (size < lowerCount) size *= 2
      this.history = new Int32Array(size * WIDTH)
      this.lowerSeen = new Int32Array(size)
      this.capSeen = new Int32Array(size)
      this.touched = []
      return
    }
    for (const id of this.touched) {
      this.lowerSeen[id] = 0
      this.capSeen[id] = 0
      this.history.fill(0, id * WIDTH, (id + 1) * WIDTH)
    }
    this.touched = []
  }

  /** Records that `lowerId` has counters to clear at the next reset. */
  touch(lowerId: number): void {
    this.touched.push(lowerId)
  }
}

/** Encodes one document's words: registers their types and computes position, document-case and gazetteer facts. */
export function encodeDocument(
  words: readonly string[],
  sentenceEnds: readonly number[],
  registry: TypeRegistry,
  gazetteer: Gazetteer | null,
  external: Gazetteer | null,
  scratch: DocumentScratch,
): EncodedDocument {
  const length = words.length
  const types = new Int32Array(length)
  const position = new Uint8Array(length)
  const docCase = new Int8Array(length)
  const gazetteerMasks = new Uint32Array(length)
  const externalMasks = new Uint32Array(length)
  const lower: string[] = new Array(length)
  const capitalised = new Uint8Array(length)
  const titleContext = new Int8Array(length).fill(-1)
  let start = 0
  for (const end of sentenceEnds) {
    const caps = isCapsSentence(words, start, end)
    for (let i = start; i < end; i++) {
      const type = registry.typeOf(words[i], caps)
      types[i] = type
      position[i] = caps ? 2 : i === start ? 0 : 1
      lower[i] = registry.lower[type]
      capitalised[i] = registry.capitalised[type]
    }
    let lastTitle = -1
    for (let i = start; i < end; i++) {
      if (lastTitle >= 0) {
        const bucket = TITLE_BUCKETS[i - lastTitle] ?? -1
        if (bucket >= 0) titleContext[i] = bucket * 2 + (lower[i - 1] === ',' ? 1 : 0)
      }
      if (registry.lexiconFlags[types[i]] & TITLE_BIT) lastTitle = i
    }
    if (gazetteer) markGazetteer(gazetteer, lower, capitalised, start, end, gazetteerMasks)
    if (external) markGazetteer(external, lower, capitalised, start, end, externalMasks)
    start = end
  }
  // document-level case evidence: is this capitalised word written in lowercase, or capitalised mid-sentence, elsewhere?
  scratch.reset(registry.lowerCount)
  for (let i = 0; i < length; i++) {
    const type = types[i]
    const id = registry.lowerId[type]
    if (registry.caseClass[type] === CASE_LOWER) {
      if (scratch.lowerSeen[id]++ === 0 && scratch.capSeen[id] === 0) scratch.touch(id)
    } else if (registry.capitalised[type] && position[i] === 1) {
      if (scratch.capSeen[id]++ === 0 && scratch.lowerSeen[id] === 0) scratch.touch(id)
    }
  }
  for (let i = 0; i < length; i++) {
    const type = types[i]
    if (!registry.capitalised[type]) {
      docCase[i] = -1
      continue
    }
    const id = registry.lowerId[type]
    const capElsewhere = scratch.capSeen[id] - (position[i] === 1 ? 1 : 0)
    docCase[i] = (scratch.lowerSeen[id] > 0 ? 1 : 0) | (capElsewhere > 0 ? 2 : 0)
  }
  return {length, sentenceEnds, types, position, docCase, gazetteer: gazetteerMasks, external: externalMasks, titleContext}
}

/** Fills `context` for token `i` of an encoded document given the two previous predicted tags. */
export function tokenContext(
  context: TokenContext,
  doc: EncodedDocument,
  registry: TypeRegistry,
  i: number,
  sentenceEnd: number,
  prev: number,
  prev2: number,
): void {
  const type = doc.types[i]
  context.prev = prev
  context.prev2 = prev2
  context.caseClass = registry.caseClass[type]
  context.position = doc.position[i]
  context.historyAt = registry.capitalised[type] ? registry.lowerId[type] * WIDTH : -1
  const next = i + 1 < sentenceEnd ? doc.types[i + 1] : -1
  context.historyNextAt = next >= 0 && registry.capitalised[next] ? registry.lowerId[next] * WIDTH : -1
  context.docCase = doc.docCase[i]
  context.gazetteer = doc.gazetteer[i]
  context.external = doc.external[i]
  context.titleContext = doc.titleContext[i]
}

/** Counts the label just given to token `i` in the document's history (capitalised words only). */
export function recordHistory(scratch: DocumentScratch, doc: EncodedDocument, registry: TypeRegistry, i: number, tagType: number): void {
  const type = doc.types[i]
  if (!registry.capitalised[type]) return
  const id = registry.lowerId[type]
  const at = id * WIDTH
  const history = scratch.history
  let seen = 0
  for (let k = 0; k < WIDTH; k++) seen += history[at + k]
  if (seen === 0) scratch.touch(id)
  history[at + tagType + 1]++
}

/** A blank {@link TokenContext}. */
export function emptyContext(): TokenContext {
  return {prev: 0, prev2: 0, caseClass: 0, position: 0, historyAt: -1, historyNextAt: -1, docCase: -1, gazetteer: 0, external: 0, titleContext: -1}
}
