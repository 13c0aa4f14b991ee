/**
 * Feature extraction for the entity recogniser, shared by training and inference so both see exactly the same
 * features. Two kinds:
 * - word-type features ({@link typeFeatures}): depend only on one word (and whether its sentence is an all-caps
 *   headline) and are emitted for each relative position -2..+2; inference sums their weights once per word type;
 * - token features ({@link collectTokenFeatures}): decoding history, sentence position, document-level case and
 *   label history, gazetteer matches; a fixed, small id space looked up through {@link TokenFeatureTable}.
 */
import {EXTERNAL_CATEGORIES, LEXICON_CATEGORIES, ORG_SOURCE_CATEGORIES, type LexiconIndex} from './lexicon.ts'
import {NAME_CLASSES, type NameClassifier} from './names.ts'
import {NER_TYPES, TAG_COUNT} from './tags.ts'
import {STAGE_TWO_BITS} from './two-stage.ts'

/** Relative positions a word-type feature is emitted at. */
export const WINDOW = 2
/** Number of relative positions, -WINDOW..+WINDOW. */
export const SLOTS = 2 * WINDOW + 1
/** The pseudo-word for positions before the sentence. */
export const SENTENCE_START = '<s>'
/** The pseudo-word for positions after the sentence. */
export const SENTENCE_END = '</s>'

/** Coarse case classes of a word, used in conjunction with history and sentence position. */
export const CASE_CLASSES = ['lower', 'cap', 'allcaps', 'letter', 'abbrev', 'digits', 'alnum', 'punct', 'other'] as const
const CASE_LOWER = 0
const CASE_CAP = 1
const CASE_ALLCAPS = 2
const CASE_LETTER = 3
const CASE_ABBREV = 4
const CASE_DIGITS = 5
const CASE_ALNUM = 6
const CASE_PUNCT = 7
const CASE_OTHER = 8

// typographic variants mapped to the ASCII forms of the Reuters training text
const NORMALISE: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2012': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u2026': '...', '\u00A0': ' ',
  // invisible characters inside a word (soft hyphen, zero-width space, joiners, word joiner, zero-width no-break
  // space): "Ange\u200dla" is the word "Angela" to a reader, and to the vocabulary and the gazetteers
  '\u00AD': '', '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '',
  // and direction marks, embeddings, overrides and isolates
  '\u200E': '', '\u200F': '', '\u202A': '', '\u202B': '', '\u202C': '', '\u202D': '', '\u202E': '', '\u2066': '', '\u2067': '', '\u2068': '', '\u2069': '',
}
const NORMALISE_RE = /[\u2018\u2019\u201A\u2032`\u201C\u201D\u201E\u00AB\u00BB\u2013\u2014\u2012\u2010\u2011\u2212\u2026\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g

/** Maps typographic quotes, dashes and ellipses to ASCII so news text looks like the training text. */
export function normaliseWord(word: string): string {
  // nearly every word is plain ASCII without a backquote: nothing to map, no regular expression to run
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code === 0x60 || code >= 0xa0) {
      const normal = word.replace(NORMALISE_RE, (ch) => NORMALISE[ch]!)
      // a token of invisible characters alone stays itself: a word is never empty
      return normal === '' ? word : normal
    }
  }
  return word
}

const KIND_OTHER = 0
const KIND_UPPER = 1
const KIND_LOWER = 2
const KIND_DIGIT = 3

// character class by UTF-16 code unit: ASCII by range, the rest by whether case mapping changes it
function charKind(code: number): number {
  if (code < 128) {
    if (code >= 65 && code <= 90) return KIND_UPPER
    if (code >= 97 && code <= 122) return KIND_LOWER
    if (code >= 48 && code <= 57) return KIND_DIGIT
    return KIND_OTHER
  }
  const ch = String.fromCharCode(code)
  const lower = ch.toLowerCase()
  const upper = ch.toUpperCase()
  if (lower === upper) return KIND_OTHER
  return ch === upper ? KIND_UPPER : KIND_LOWER
}

// one code unit of each kind charKind tells apart, ASCII and not (an uppercase and a lowercase accented letter, a CJK
// character, a dash), for warmFeatureBranches
const WARM_CODES = [65, 97, 48, 45, 0xc9, 0xe9, 0x4e2d, 0x2014]

/**
 * Runs charKind's branches, non-ASCII letters included, before any word is read (once per thread): charKind is
 * inlined into the shape, case and capitalisation tests of every new word type, and compiled while no non-ASCII
 * letter had been seen, the first one threw that code away and had it compiled again. One round: warmEncoderBranches
 * runs it in its rounds (src/text/warm-up.ts). It keeps no state, so no answer changes.
 */
export function warmFeatureBranches(): void {
  for (const code of WARM_CODES) charKind(code)
}

/** Whether the word's first letter-or-digit character is an uppercase letter. */
export function isCapitalised(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const kind = charKind(word.charCodeAt(i))
    if (kind !== KIND_OTHER) return kind === KIND_UPPER
  }
  return false
}

const PUNCT_RE = /^\p{P}+$/u

/** The index of a word's class in {@link CASE_CLASSES}. */
export function caseClass(word: string): number {
  let upper = 0
  let lower = 0
  let digits = 0
  let other = 0
  let period = false
  let firstUpper = false
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    const kind = charKind(code)
    if (kind === KIND_DIGIT) digits++
    else if (kind === KIND_UPPER) {
      if (upper + lower === 0) firstUpper = true
      upper++
    } else if (kind === KIND_LOWER) lower++
    else {
      if (code === 46) period = true
      other++
    }
  }
  if (upper + lower === 0) {
    if (digits > 0) return other === 0 ? CASE_DIGITS : CASE_ALNUM
    return PUNCT_RE.test(word) ? CASE_PUNCT : CASE_OTHER
  }
  if (digits > 0) return CASE_ALNUM
  if (period && upper > 0) return CASE_ABBREV
  if (upper === 0) return CASE_LOWER
  if (lower === 0) return upper === 1 ? CASE_LETTER : CASE_ALLCAPS
  return firstUpper ? CASE_CAP : CASE_OTHER
}

const SHAPE_CHARS = ['', 'X', 'x', 'd']

/** Word shape: X for uppercase, x lowercase, d digit, other characters kept; runs collapsed when `collapse`, else cut at 4. */
export function wordShape(word: string, collapse: boolean): string {
  let out = ''
  let last = ''
  let run = 0
  for (let i = 0; i < word.length; i++) {
    const kind = charKind(word.charCodeAt(i))
    const c = kind === KIND_OTHER ? word[i] : SHAPE_CHARS[kind]
    if (c === last) {
      run++
      if (collapse || run > 3) continue
    } else {
      run = 0
    }
    out += c
    last = c
  }
  return out
}

/** Facts about one word that {@link isCapsSentence} reads: bit 0 it has a lowercase letter, bit 1 it has 2+ uppercase letters. */
export function capsWordFlags(word: string): number {
  let letters = 0
  for (let j = 0; j < word.length; j++) {
    const kind = charKind(word.charCodeAt(j))
    if (kind === KIND_LOWER) return 1
    if (kind === KIND_UPPER) letters++
  }
  return letters >= 2 ? 2 : 0
}

/** Whether `words[from, to)` is an all-caps headline: no lowercase letter and at least two words of 2+ letters. */
export function isCapsSentence(words: readonly string[], from: number, to: number): boolean {
  let longWords = 0
  for (let i = from; i < to; i++) {
    const flags = capsWordFlags(words[i])
    if (flags & 1) return false
    if (flags & 2) longWords++
  }
  return longWords >= 2
}

/** The key a word is filed under in the word-cluster table: typographic variants normalised, digits mapped to 0, case kept. */
export function clusterKey(word: string): string {
  const normal = normaliseWord(word)
  return HAS_DIGIT.test(normal) ? normal.replace(DIGITS, '0') : normal
}

/** Lengths at which a word's cluster path is cut into features (Ratinov & Roth 2009); a shorter path is used whole. */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const
const CLUSTER_NAMES: Record<number, string> = {4: 'c4=', 6: 'c6=', 10: 'c10=', 20: 'c20='}

/**
 * A word's path in the cluster table: as written, else in title case (headlines, sentence starts of a word seen
 * capitalised), else lowercased; undefined when the table has none of them.
 */
export function clusterPath(word: string, clusters: WordLookup): string | undefined {
  const key = clusterKey(word)
  const exact = clusters.get(key)
  if (exact !== undefined) return exact
  const lower = key.toLowerCase()
  const title = key.charAt(0) + lower.slice(1)
  return (title !== key ? clusters.get(title) : undefined) ?? (lower !== key ? clusters.get(lower) : undefined)
}

/**
 * Lengths at which a word's embedding-cluster path is cut into features (16, 256 and 4,096 clusters of a 12-bit
 * table); fixed with the twelfth round's protocol before any score (docs/ner.md).
 */
export const EMBED_CLUSTER_PREFIXES = [4, 8, 12] as const
const EMBED_CLUSTER_NAMES: Record<number, string> = {4: 'e4=', 8: 'e8=', 12: 'e12='}

// a cluster path cut at each length (a shorter path is used whole, once)
function emitPathPrefixes(sink: TypeFeatureSink, path: string, lengths: readonly number[], names: Record<number, string>): void {
  for (const length of lengths) {
    sink.feature(GROUP_NEAR, names[length]!, path, 0, Math.min(length, path.length))
    if (path.length <= length) break
  }
}

/** A word -> string table as the features read it: a `Map`, or the stored table of a loaded model (see model.ts). */
export interface WordLookup {
  get(word: string): string | undefined
  has(word: string): boolean
}

/** Training-text statistics and lexicons that word-type features read. */
export interface FeatureResources {
  lexicon: LexiconIndex
  /** lowercase word -> its usual case in running text ('l' lower, 'c' capitalised, 'a' all caps, 'm' mixed) */
  casePrior: WordLookup
  /** spelling-based name classifier */
  names: NameClassifier | null
  /** training only: lowercase word -> classes (bits) whose counts include the word itself, left out when classifying it */
  nameExclusions?: Map<string, number>
  /** word-cluster table from unlabeled news ({@link clusterKey} -> bit path), or absent for a model without clusters */
  clusters?: WordLookup | null
  /**
   * word-cluster table from pretrained word embeddings (lowercased word -> bit path; see
   * tools/ner/embed-clusters.ts), or absent for a model without it
   */
  embedClusters?: WordLookup | null
}

const HAS_DIGIT = /[0-9]/
const DIGITS = /[0-9]/g

/** Lowercases and maps digits to 0, so numbers and dates share features. */
export function featureForm(word: string): string {
  // a new word type asks for its form several times in a row (lexicon flags, case prior, features): keep the last
  if (word === lastFormWord) return lastForm
  const lower = word.toLowerCase()
  lastForm = HAS_DIGIT.test(lower) ? lower.replace(DIGITS, '0') : lower
  lastFormWord = word
  return lastForm
}
let lastFormWord = ''
let lastForm = ''

/**
 * The word-type features of `word` (already normalised), as base names grouped by the relative positions they
 * are used at: `all` at -2..+2, `near` at -1..+1, `here` only for the token itself. A feature's full name is
 * its offset followed by the base (`-1w=minister`). Case-dependent features carry a `C` marker inside all-caps
 * headlines, where case says nothing.
 */
export interface TypeFeatureGroups {
  all: string[]
  near: string[]
  here: string[]
}

/** The group number a {@link TypeFeatureSink} receives for `all`, the offsets -2..+2. */
export const GROUP_ALL = 0
/** The group of the offsets -1..+1. */
export const GROUP_NEAR = 1
/** The group of the word itself (offset 0). */
export const GROUP_HERE = 2

/**
 * Receives one word type's features as {@link emitTypeFeatures} finds them, in a fixed order: the base name is
 * `prefix + value.slice(start, end)`, passed in pieces so inference can look names up without building them.
 */
export interface TypeFeatureSink {
  feature(group: number, prefix: string, value: string, start: number, end: number): void
}

// the name guess's feature values, by class and confidence (h >= 0.9, m >= 0.6, l), made once: the same string
// objects each time, so a caller that files them in a map finds them without hashing a fresh string
const NAME_GUESSES = NAME_CLASSES.flatMap((cls) => [`${cls}h`, `${cls}m`, `${cls}l`])

// the case-prior feature values (`${mode}${cls}${prior}`) made once per prior and kept, for the same reason
const CASE_PRIOR_NAMES = new Map<string, string[]>()
function casePriorName(caps: boolean, cls: number, prior: string): string {
  let names = CASE_PRIOR_NAMES.get(prior)
  if (names === undefined) {
    names = []
    for (const mode of ['', 'C']) for (let c = 0; c < CASE_CLASSES.length; c++) names.push(`${mode}${c}${prior}`)
    // priors are a handful of letters; a table that somehow saw more stays bounded
    if (CASE_PRIOR_NAMES.size < 64) CASE_PRIOR_NAMES.set(prior, names)
  }
  return names[(caps ? CASE_CLASSES.length : 0) + cls]
}

/**
 * The one definition of the word-type features (training and inference both read it): sends each feature of
 * `word` to `sink`; `unseen` (training only) gives the features the word would have if neither training nor
 * any word list had shown it: no identity, no case prior, no lexicon category, only its spelling (shape,
 * affixes, the name guess).
 */
export function emitTypeFeatures(
  word: string,
  caps: boolean,
  resources: FeatureResources,
  sink: TypeFeatureSink,
  unseen = false,
  // what the caller already looked up for this word: its lexicon flags (-1: not given) and its case prior (null: not given)
  knownFlags = -1,
  knownPrior: string | undefined | null = null,
): void {
  if (word === SENTENCE_START || word === SENTENCE_END) {
    sink.feature(GROUP_ALL, 'w=', word, 0, word.length)
    return
  }
  const mode = caps ? 'C' : ''
  const form = featureForm(word)
  const cls = caseClass(word)
  const prior = unseen ? 'u' : ((knownPrior === null ? resources.casePrior.get(form) : knownPrior) ?? 'u')
  if (!unseen) sink.feature(GROUP_ALL, 'w=', form, 0, form.length)
  const shape = mode + wordShape(word, true)
  sink.feature(GROUP_ALL, 's=', shape, 0, shape.length)
  // an unseen word is in no list either
  const flags = unseen ? 0 : knownFlags >= 0 ? knownFlags : (resources.lexicon.flags.get(form) ?? 0)
  for (let bit = 0; flags >> bit !== 0; bit++) {
    if (flags & (1 << bit)) sink.feature(GROUP_ALL, 'l=', LEXICON_CATEGORIES[bit], 0, LEXICON_CATEGORIES[bit].length)
  }
  const casePrior = casePriorName(caps, cls, prior)
  sink.feature(GROUP_NEAR, 'p=', casePrior, 0, casePrior.length)
  // distributional evidence from unlabeled news, known for many words the labelled data never shows;
  // at -1..+1: the same prefixes at -2..+2 scored lower on both development sets (docs/ner.md)
  const path = resources.clusters ? clusterPath(word, resources.clusters) : undefined
  if (path !== undefined) emitPathPrefixes(sink, path, CLUSTER_PREFIXES, CLUSTER_NAMES)
  // the same kind of evidence from embeddings trained on far more news (GloVe: Wikipedia + Gigaword), filed by the
  // lowercased form: it knows many names neither the labelled data nor the small cluster corpus shows
  const embedPath = resources.embedClusters ? resources.embedClusters.get(form) : undefined
  if (embedPath !== undefined) emitPathPrefixes(sink, embedPath, EMBED_CLUSTER_PREFIXES, EMBED_CLUSTER_NAMES)
  // only for words without a case prior, i.e. rare or unseen in training text: known words have their identity
  if (resources.names && prior === 'u' && (cls === CASE_CAP || cls === CASE_ALLCAPS) && form.length > 1) {
    const lower = word.toLowerCase()
    const guess = resources.names.classify(lower, resources.nameExclusions?.get(lower) ?? 0)
    if (guess) {
      const name = NAME_GUESSES[guess.cls * 3 + (guess.p >= 0.9 ? 0 : guess.p >= 0.6 ? 1 : 2)]
      sink.feature(GROUP_NEAR, 'nb=', name, 0, name.length)
    }
  }
  const n = form.length
  if (n > 3) sink.feature(GROUP_NEAR, 'x3=', form, n - 3, n)
  const longShape = mode + wordShape(word, false)
  sink.feature(GROUP_HERE, 'S=', longShape, 0, longShape.length)
  if (!caps && !unseen) sink.feature(GROUP_HERE, 'W=', word, 0, word.length)
  for (let k = 1; k <= 4 && k < n; k++) {
    sink.feature(GROUP_HERE, AFFIX_PREFIXES[k], form, 0, k)
    sink.feature(GROUP_HERE, AFFIX_SUFFIXES[k], form, n - k, n)
  }
  const hyphen = form.indexOf('-')
  if (hyphen > 0 && hyphen < n - 1) {
    sink.feature(GROUP_HERE, 'hf=', form, 0, hyphen)
    sink.feature(GROUP_HERE, 'hl=', form, form.lastIndexOf('-') + 1, n)
  }
}

const AFFIX_PREFIXES = ['', 'a1=', 'a2=', 'a3=', 'a4=']
const AFFIX_SUFFIXES = ['', 'z1=', 'z2=', 'z3=', 'z4=']

/** Computes {@link TypeFeatureGroups} for one word type (see {@link emitTypeFeatures}, which defines them). */
export function typeFeatureGroups(word: string, caps: boolean, resources: FeatureResources, unseen = false): TypeFeatureGroups {
  const groups: TypeFeatureGroups = {all: [], near: [], here: []}
  const lists = [groups.all, groups.near, groups.here]
  emitTypeFeatures(word, caps, resources, {feature: (group, prefix, value, start, end) => lists[group].push(prefix + value.slice(start, end))}, unseen)
  return groups
}

/** The offsets each group is used at. */
export const GROUP_OFFSETS = {all: [-2, -1, 0, 1, 2], near: [-1, 0, 1], here: [0]} as const

/** Full feature names by slot (`slots[d + WINDOW]` = names the word gives a token `d` positions away), for training. */
export function typeFeatures(word: string, caps: boolean, resources: FeatureResources, unseen = false): string[][] {
  const groups = typeFeatureGroups(word, caps, resources, unseen)
  const slots: string[][] = Array.from({length: SLOTS}, () => [])
  for (const group of ['all', 'near', 'here'] as const) {
    for (const base of groups[group]) {
      for (const d of GROUP_OFFSETS[group]) slots[d + WINDOW].push(`${d}${base}`)
    }
  }
  return slots
}

/** Splits a word-type feature name into offset and base (`-1w=minister` -> [-1, 'w=minister']), or null for token features. */
export function splitFeatureName(name: string): [number, string] | null {
  const negative = name.charCodeAt(0) === 45
  const digit = name.charCodeAt(negative ? 1 : 0) - 48
  if (digit < 0 || digit > 9 || name.length < (negative ? 3 : 2)) return null
  return [negative ? -digit : digit, name.slice(negative ? 2 : 1)]
}

/** History kinds: label counts of the word earlier in the document, O first then the types. */
const HISTORY_LABELS = ['O', ...NER_TYPES] as const
const POSITION_NAMES = ['f', 'm', 'c'] as const

/** Ids of the token-level features, so decoding can add them without building strings. */
export interface TokenFeatureTable {
  bias: number
  /** by previous tag (TAG_COUNT = sentence start) */
  prev: Int32Array
  /** by previous two tags, `prev2 * (TAG_COUNT + 1) + prev` */
  prev2: Int32Array
  /** by previous tag and this word's case class */
  prevCase: Int32Array
  /** by sentence position (0 first, 1 later, 2 in a headline) and case class */
  positionCase: Int32Array
  /** label seen for this word earlier in the document: any-count (0..4) then majority (5..9); same for the next word */
  history: Int32Array
  historyNext: Int32Array
  /** capitalised word: lowercase elsewhere in the document (bit 0), capitalised mid-sentence elsewhere (bit 1), by position */
  docCase: Int32Array
  /** training-data gazetteer bits (type, or NER_TYPES.length + ORG_SOURCE_CATEGORIES index, * 4 + BILOU position) and external-gazetteer bits (EXTERNAL_CATEGORIES index * 4 + position) */
  gazetteer: Int32Array
  external: Int32Array
  /** a title word some distance back in the sentence, with or without a comma just before this token */
  title: Int32Array
  /** context aggregation: one per bit of EncodedDocument.aggregate (the same word's contexts elsewhere in the document) */
  aggregate: Int32Array
  /** name runs and acronyms: one per bit of EncodedDocument.run */
  run: Int32Array
  /** two-stage prediction aggregation: one per bit of the stage-two features (see two-stage.ts); pruned in models without them */
  stage2: Int32Array
}

const TAGS_WITH_START = TAG_COUNT + 1
// the training-data gazetteer's four types, then the data-package organisation lists (see addOrgSources), 4 BILOU bits each
const GAZETTEER_BITS = 4 * (NER_TYPES.length + ORG_SOURCE_CATEGORIES.length)
// five distance buckets, each with and without a comma before the token
const TITLE_CONTEXTS = 10
const CASE_COUNT = CASE_CLASSES.length
// the neighbours' lexicon categories on each side, then four more (see encode.ts, EncodedDocument.aggregate)
const AGGREGATE_COUNT = 2 * LEXICON_CATEGORIES.length + 4
// the run's last and first words' lexicon categories, then six more (see encode.ts, EncodedDocument.run)
const RUN_COUNT = 2 * LEXICON_CATEGORIES.length + 6

/** Every token-level feature name, in a fixed order. */
export function tokenFeatureNames(): string[] {
  const names = ['bias']
  for (let p = 0; p < TAGS_WITH_START; p++) names.push(`t1=${p}`)
  for (let q = 0; q < TAGS_WITH_START; q++) for (let p = 0; p < TAGS_WITH_START; p++) names.push(`t2=${q},${p}`)
  for (let p = 0; p < TAGS_WITH_START; p++) for (let c = 0; c < CASE_CLASSES.length; c++) names.push(`tc=${p},${c}`)
  for (const pos of POSITION_NAMES) for (let c = 0; c < CASE_CLASSES.length; c++) names.push(`pc=${pos}${c}`)
  for (const kind of ['h', 'hn']) {
    for (const label of HISTORY_LABELS) names.push(`${kind}=${label}`)
    for (const label of HISTORY_LABELS) names.push(`${kind}M=${label}`)
  }
  for (let flags = 0; flags < 4; flags++) for (const pos of POSITION_NAMES) names.push(`dc=${flags}${pos}`)
  for (let bit = 0; bit < GAZETTEER_BITS; bit++) names.push(`g=${bit}`)
  for (let bit = 0; bit < 4 * EXTERNAL_CATEGORIES.length; bit++) names.push(`e=${bit}`)
  for (let i = 0; i < TITLE_CONTEXTS; i++) names.push(`tt=${i}`)
  for (let i = 0; i < AGGREGATE_COUNT; i++) names.push(`ca=${i}`)
  for (let i = 0; i < RUN_COUNT; i++) names.push(`rn=${i}`)
  for (let i = 0; i < STAGE_TWO_BITS; i++) names.push(`s2=${i}`)
  return names
}

/** Resolves {@link tokenFeatureNames} to ids through `idOf`. */
export function tokenFeatureTable(idOf: (name: string) => number): TokenFeatureTable {
  const ids = (names: string[]) => Int32Array.from(names, idOf)
  const range = (n: number, name: (i: number) => string) => ids(Array.from({length: n}, (_, i) => name(i)))
  const history = (kind: string) =>
    ids([...HISTORY_LABELS.map((l) => `${kind}=${l}`), ...HISTORY_LABELS.map((l) => `${kind}M=${l}`)])
  return {
    bias: idOf('bias'),
    prev: range(TAGS_WITH_START, (p) => `t1=${p}`),
    prev2: range(TAGS_WITH_START * TAGS_WITH_START, (i) => `t2=${Math.floor(i / TAGS_WITH_START)},${i % TAGS_WITH_START}`),
    prevCase: range(TAGS_WITH_START * CASE_CLASSES.length, (i) => `tc=${Math.floor(i / CASE_CLASSES.length)},${i % CASE_CLASSES.length}`),
    positionCase: range(3 * CASE_CLASSES.length, (i) => `pc=${POSITION_NAMES[Math.floor(i / CASE_CLASSES.length)]}${i % CASE_CLASSES.length}`),
    history: history('h'),
    historyNext: history('hn'),
    docCase: range(12, (i) => `dc=${Math.floor(i / 3)}${POSITION_NAMES[i % 3]}`),
    gazetteer: range(GAZETTEER_BITS, (i) => `g=${i}`),
    external: range(4 * EXTERNAL_CATEGORIES.length, (i) => `e=${i}`),
    title: range(TITLE_CONTEXTS, (i) => `tt=${i}`),
    aggregate: range(AGGREGATE_COUNT, (i) => `ca=${i}`),
    run: range(RUN_COUNT, (i) => `rn=${i}`),
    stage2: range(STAGE_TWO_BITS, (i) => `s2=${i}`),
  }
}

/** Slots per word in a document's label-history array: O, then one per type. */
export const HISTORY_WIDTH = HISTORY_LABELS.length

/** What {@link collectTokenFeatures} needs to know about one token. */
export interface TokenContext {
  prev: number
  prev2: number
  caseClass: number
  /** 0 first in sentence, 1 later, 2 in an all-caps headline */
  position: number
  /** label counts (HISTORY_WIDTH wide) for this word and the next one, at these offsets of `history`, or -1 */
  historyAt: number
  historyNextAt: number
  /** -1 when not capitalised, else docCase flags (0..3) */
  docCase: number
  gazetteer: number
  external: number
  /** bucketed distance to an earlier title word in the sentence (see EncodedDocument.titleContext), or -1 */
  titleContext: number
  /** context-aggregation bits (see EncodedDocument.aggregate) */
  aggregate: number
  /** name-run and acronym bits (see EncodedDocument.run) */
  run: number
  /** stage-two bits from a first decoding of the document (see two-stage.ts), 0 in the first pass */
  stage2: number
}

function addHistory(out: Int32Array, n: number, ids: Int32Array, counts: Int32Array, at: number): number {
  let best = -1
  let bestCount = 0
  for (let k = 0; k < HISTORY_WIDTH; k++) {
    const count = counts[at + k]
    if (count > 0) {
      out[n++] = ids[k]
      if (count > bestCount) {
        best = k
        bestCount = count
      }
    }
  }
  if (best >= 0) out[n++] = ids[HISTORY_WIDTH + best]
  return n
}

/** Writes the ids of the features that depend on the previous two tags at `out[n..]`; returns the new count. */
export function transitionFeatures(out: Int32Array, n: number, table: TokenFeatureTable, prev: number, prev2: number, caseClass: number): number {
  out[n++] = table.prev[prev]
  out[n++] = table.prev2[prev2 * TAGS_WITH_START + prev]
  out[n++] = table.prevCase[prev * CASE_COUNT + caseClass]
  return n
}

/** Writes the ids of the token features that do not depend on the previous tags at `out[n..]`; returns the new count. */
export function contextFeatures(out: Int32Array, n: number, table: TokenFeatureTable, c: TokenContext, history: Int32Array): number {
  out[n++] = table.bias
  out[n++] = table.positionCase[c.position * CASE_COUNT + c.caseClass]
  if (c.historyAt >= 0) n = addHistory(out, n, table.history, history, c.historyAt)
  if (c.historyNextAt >= 0) n = addHistory(out, n, table.historyNext, history, c.historyNextAt)
  if (c.docCase >= 0) out[n++] = table.docCase[c.docCase * 3 + c.position]
  for (let g = c.gazetteer; g !== 0; g &= g - 1) out[n++] = table.gazetteer[31 - Math.clz32(g & -g)]
  for (let g = c.external; g !== 0; g &= g - 1) out[n++] = table.external[31 - Math.clz32(g & -g)]
  if (c.titleContext >= 0) out[n++] = table.title[c.titleContext]
  for (let g = c.aggregate; g !== 0; g &= g - 1) out[n++] = table.aggregate[31 - Math.clz32(g & -g)]
  for (let g = c.run; g !== 0; g &= g - 1) out[n++] = table.run[31 - Math.clz32(g & -g)]
  for (let g = c.stage2; g !== 0; g &= g - 1) out[n++] = table.stage2[31 - Math.clz32(g & -g)]
  return n
}

/** Writes all token-level feature ids of one token into `out` and returns how many; `out` needs 128 slots. */
export function collectTokenFeatures(out: Int32Array, table: TokenFeatureTable, c: TokenContext, history: Int32Array): number {
  return contextFeatures(out, transitionFeatures(out, 0, table, c.prev, c.prev2, c.caseClass), table, c, history)
}
