import {NER_TYPES, type NerType} from './tags.ts'
import {ORG_SOURCE_CATEGORIES, SOURCE_CATEGORIES, type Lexicon} from './lexicon.ts'
import {normaliseWord} from './features.ts'
import {filterHas} from '../text/hash-filter.ts'
import {KeyTable} from './key-table.ts'
import {markMutable} from './mutable-fields.ts'

/** One node of a gazetteer's token trie. */
export interface TrieNode {
  next: Map<string, TrieNode> | null
  /** bit t set when an entry of category t (for a typed gazetteer, type `NER_TYPES[t]`) ends here */
  types: number
}

/** At most this many categories per gazetteer: 4 BILOU bits each fill a 32-bit mask. */
export const MAX_CATEGORIES = 8

/** A case-insensitive list of multi-word names by type, matched token by token. */
export interface Gazetteer {
  root: TrieNode
  maxLength: number
  /** every word that appears after the first word of some entry: a match can only go on through one of these */
  later: {has(word: string): boolean}
  /**
   * the external gazetteer's stored index (see {@link ExternalIndex}): a word's first-word node is then made on
   * first use, from the index, instead of a trie built at start-up
   */
  index?: ExternalIndex
  /** the entry lists the index points into (see {@link ExternalIndex.refs}), and how to read them */
  lists?: (readonly string[])[]
  reader?: EntryReader
  /**
   * an indexed gazetteer's answers of {@link firstNode} so far, by word, whoever asked (a new tagger's first
   * documents ask again for every word; the answer for a word never changes), bounded by {@link MAX_KNOWN}
   */
  known?: Map<string, TrieNode | null>
  /**
   * an indexed gazetteer's filter of the hashes of every word an entry can start with (see {@link startFilter}),
   * made on first use; undefined until then
   */
  starts?: Int32Array
  /** the same for the words that can continue an entry ({@link ExternalIndex.later}) */
  continuing?: Int32Array
}

// 2^18 bits (32 KB, two bits per word): a few percent of the words no entry starts with pass it
const START_FILTER_WORDS = 1 << 13

/**
 * The filter of the words an indexed gazetteer's entries start with (its one-word entries and the first words of
 * the others: nothing else reaches the root of its trie, see findFirstNode), by their {@link hashKey}; null for a
 * gazetteer without an index. Most words start no entry: the filter says so from 32 KB that stay in cache, where
 * asking costs a lookup in a table of a quarter of a million words.
 */
export function startFilter(gazetteer: Gazetteer): Int32Array | null {
  const index = gazetteer.index
  if (!index) return null
  return (gazetteer.starts ??= buildFilter([index.words, index.heads], START_FILTER_WORDS))
}

// the words after the first of some entry are fewer (a few thousand): 2^16 bits
const CONTINUE_FILTER_WORDS = 1 << 11

/** {@link startFilter} for the words that can continue an entry (its `later` table), or null without an index. */
export function continueFilter(gazetteer: Gazetteer): Int32Array | null {
  const index = gazetteer.index
  if (!index) return null
  return (gazetteer.continuing ??= buildFilter([index.later], CONTINUE_FILTER_WORDS))
}

/** A hash filter of `words` 32-bit words holding every key of `tables`. */
function buildFilter(tables: readonly KeyTable[], words: number): Int32Array {
  const filter = new Int32Array(words)
  for (const table of tables) table.addToFilter(filter)
  return filter
}

// first-word answers an indexed gazetteer keeps before it starts over (a long run meets ever more distinct words)
const MAX_KNOWN = 250_000

/**
 * The external gazetteer's entries indexed by first word, in tables a model file stores and loading uses in place,
 * so a thread builds no trie of tens of thousands of entries at start-up: the one-word entries (nearly three in
 * four) as a word table with category bits, the others by their first token, whose part of the trie is built
 * when a document first shows that word.
 */
export interface ExternalIndex {
  /** plain one-word entries (lowercased) -> id, and their category bits by id */
  words: KeyTable
  types: Uint32Array
  /** first tokens of the other entries -> id; refs[refStart[id], refStart[id + 1]) are that token's entries */
  heads: KeyTable
  refStart: Uint32Array
  /** an entry as its category (high 5 bits) and its index in that category's list */
  refs: Uint32Array
  /** every token after the first of some entry */
  later: KeyTable
  /** the most tokens in an entry */
  maxLength: number
}

/**
 * What {@link markGazetteer} learns about each distinct word (by a caller's number for it) so it asks the
 * gazetteer once per word: its first-word trie node (null: no entry starts with it) and whether it can continue
 * an entry (1 no, 2 yes, 0 not yet known).
 */
export interface GazetteerCache {
  firstNodes: (TrieNode | null | undefined)[]
  continues: Uint8Array
}

/** An empty {@link GazetteerCache}. */
export function createGazetteerCache(): GazetteerCache {
  const cache: GazetteerCache = {firstNodes: [], continues: new Uint8Array(1024)}
  // replaced as the registry's words outgrow it (see markMutable)
  markMutable(cache, ['continues'])
  return cache
}

// no apostrophe (a possessive splits off) and no character normaliseWord maps: split on spaces and lowercase
const PLAIN = /^[^'’`\u2018-\u201E\u2032\u00AB\u00BB\u2010-\u2014\u2212\u2026\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]+$/
const SPACE = /\s/
const SPACES = /\s+/

/** Splits a gazetteer entry the way the tokenizer would (spaces, and a possessive `'s`), lowercased and normalised. */
export function entryTokens(entry: string): string[] {
  // the plain entries, nearly all of the tens of thousands read at start-up, take a short path
  if (PLAIN.test(entry)) return splitSpaces(entry.toLowerCase())
  return entry
    .split(/\s+/)
    .flatMap((part) => (/^.+['’]s$/i.test(part) ? [part.slice(0, -2), part.slice(-2)] : [part]))
    .filter(Boolean)
    .map((part) => normaliseWord(part).toLowerCase())
}

// `text.split(/\s+/).filter(Boolean)` in one pass without a regular expression per entry (tens of thousands are
// split at every thread's start-up); a code unit that may be `\s` beyond ASCII asks the regex
function splitSpaces(text: string): string[] {
  const out: string[] = []
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    const space = code === 32 || (code >= 9 && code <= 13) || (code >= 0xa0 && SPACE.test(text[i]))
    if (!space) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push(text.slice(start, i))
      start = -1
    }
  }
  return out
}

/** Builds a gazetteer from entries given as token lists (already lowercased) with their type. */
export function buildGazetteer(entries: Iterable<{tokens: readonly string[]; type: NerType}>): Gazetteer {
  const typed = function* () {
    for (const {tokens, type} of entries) yield {tokens, category: NER_TYPES.indexOf(type)}
  }
  return buildCategoryGazetteer(typed())
}

/** Builds a gazetteer whose entries carry a category number (0 to {@link MAX_CATEGORIES} - 1) instead of a type. */
export function buildCategoryGazetteer(entries: Iterable<{tokens: readonly string[]; category: number}>): Gazetteer {
  const later = new Set<string>()
  const gazetteer: Gazetteer = {root: {next: null, types: 0}, maxLength: 0, later}
  for (const {tokens, category} of entries) addEntry(gazetteer, tokens, category, later)
  return gazetteer
}

// a plain entry of one word (see PLAIN): its token is the entry lowercased
const PLAIN_WORD = /^[^'’`\u2018-\u201E\u2032\u00AB\u00BB\u2010-\u2014\u2212\u2026\s]+$/

/** How an indexed gazetteer reads its entry strings: the word of a one-word entry (null for others), and an entry's tokens. */
export interface EntryReader {
  single(entry: string): string | null
  tokens(entry: string): string[]
}

/** The external gazetteer's entries: names as written in the lexicon (see {@link entryTokens}). */
export const NAME_ENTRIES: EntryReader = {single: (entry) => (PLAIN_WORD.test(entry) ? entry.toLowerCase() : null), tokens: entryTokens}

/** Entries that are token lists already, joined by single spaces (the names harvested from training text, as a model file stores them). */
export const TOKEN_ENTRIES: EntryReader = {single: (entry) => (entry.includes(' ') ? null : entry), tokens: (entry) => entry.split(' ')}

/**
 * The external gazetteer of a lexicon: matches exactly as `buildCategoryGazetteer(externalEntries(lexicon))` does,
 * from an {@link ExternalIndex} (the one a model file stores, read in place; built here when absent).
 */
export function buildExternalGazetteer(lexicon: Lexicon, index?: ExternalIndex): Gazetteer {
  const lists = externalLists(lexicon)
  return buildIndexedGazetteer(lists, index ?? indexEntries(lists, NAME_ENTRIES), NAME_ENTRIES)
}

/** A gazetteer over entry lists by category and their {@link ExternalIndex}: matches exactly as the trie of all the entries does. */
export function buildIndexedGazetteer(lists: (readonly string[])[], index: ExternalIndex, reader: EntryReader): Gazetteer {
  const later = index.later
  return {root: {next: new Map(), types: 0}, maxLength: index.maxLength, later: {has: (word) => later.get(word) >= 0}, index, lists, reader, known: new Map()}
}

/** The names harvested from training text as entry lists by type (NER_TYPES order), tokens joined by spaces (see {@link TOKEN_ENTRIES}). */
export function tokenLists(entries: Iterable<{tokens: readonly string[]; type: NerType}>): string[][] {
  const lists: string[][] = NER_TYPES.map(() => [])
  for (const {tokens, type} of entries) lists[NER_TYPES.indexOf(type)].push(tokens.join(' '))
  return lists
}

/**
 * A lexicon's {@link ORG_SOURCE_CATEGORIES} lists as token strings (see {@link TOKEN_ENTRIES}), in category order:
 * the lists a model file indexes after the harvested names, as categories `NER_TYPES.length + index`.
 */
export function orgTokenLists(lexicon: Lexicon): string[][] {
  return ORG_SOURCE_CATEGORIES.map((category) =>
    (lexicon.sources?.[category] ?? []).map((entry) => entryTokens(entry).join(' ')).filter(Boolean),
  )
}

const CATEGORY_SHIFT = 27

/** Indexes a lexicon's external gazetteer entries by first word (see {@link ExternalIndex}); the tables depend only on the lexicon. */
export function indexExternal(lexicon: Lexicon): ExternalIndex {
  return indexEntries(externalLists(lexicon), NAME_ENTRIES)
}

/** Indexes entry lists (one per category) by first word (see {@link ExternalIndex}); the tables depend only on the lists. */
export function indexEntries(lists: (readonly string[])[], reader: EntryReader): ExternalIndex {
  const words = new KeyTable(1024)
  let types = new Uint32Array(1024)
  const heads = new KeyTable(1024)
  const byHead: number[][] = []
  const later = new KeyTable(1024)
  let maxLength = 0
  lists.forEach((list, category) => {
    checkCategory(category)
    list.forEach((entry, i) => {
      const word = reader.single(entry)
      if (word !== null) {
        const id = words.add(word)
        if (id >= types.length) {
          const grown = new Uint32Array(types.length * 2)
          grown.set(types)
          types = grown
        }
        types[id] |= 1 << category
        maxLength = Math.max(maxLength, 1)
        return
      }
      const tokens = reader.tokens(entry)
      if (tokens.length === 0) return
      if (i >= 1 << CATEGORY_SHIFT) throw new Error('gazetteer list too long to index')
      const head = heads.add(tokens[0])
      ;(byHead[head] ??= []).push((category << CATEGORY_SHIFT) | i)
      for (let t = 1; t < tokens.length; t++) later.add(tokens[t])
      maxLength = Math.max(maxLength, tokens.length)
    })
  })
  const refStart = new Uint32Array(heads.size + 1)
  const refs = new Uint32Array(byHead.reduce((n, list) => n + list.length, 0))
  byHead.forEach((list, head) => {
    refStart[head + 1] = refStart[head] + list.length
    refs.set(list, refStart[head])
  })
  for (const table of [words, heads, later]) table.compact()
  return {words, types: types.slice(0, words.size), heads, refStart, refs, later, maxLength}
}

/** The trie node `word` starts a match at in `gazetteer` (null: none), for a lowercase word. */
export function firstNode(gazetteer: Gazetteer, word: string): TrieNode | null {
  const known = gazetteer.known
  if (known) {
    const answer = known.get(word)
    if (answer !== undefined) return answer
    if (known.size >= MAX_KNOWN) known.clear()
    const found = findFirstNode(gazetteer, word)
    known.set(word, found)
    return found
  }
  return findFirstNode(gazetteer, word)
}

function findFirstNode(gazetteer: Gazetteer, word: string): TrieNode | null {
  const node = gazetteer.root.next?.get(word)
  if (node) return node
  const index = gazetteer.index
  if (!index) return null
  const single = index.words.get(word)
  const head = index.heads.get(word)
  // a one-word entry's node is never changed by its readers, so the kept answer may be shared
  if (head < 0) return single >= 0 ? {next: null, types: index.types[single]} : null
  // this word's part of the trie, from its entries, kept for later documents
  const lists = gazetteer.lists!
  const tokens = gazetteer.reader!.tokens
  const root = gazetteer.root
  for (let r = index.refStart[head]; r < index.refStart[head + 1]; r++) {
    const ref = index.refs[r]
    insertEntry(root, tokens(lists[ref >>> CATEGORY_SHIFT][ref & ((1 << CATEGORY_SHIFT) - 1)]), ref >>> CATEGORY_SHIFT)
  }
  const made = root.next!.get(word)!
  if (single >= 0) made.types |= index.types[single]
  return made
}

/**
 * Adds a lexicon's {@link ORG_SOURCE_CATEGORIES} lists (universities, airlines) to a training-data gazetteer, as
 * categories `NER_TYPES.length + index` (the mask bits the four types leave free), and returns it. A model trained
 * before these lists existed has none, and its gazetteer is left as it was.
 */
export function addOrgSources(gazetteer: Gazetteer, lexicon: Lexicon): Gazetteer {
  const later = gazetteer.later
  if (!(later instanceof Set)) throw new Error('addOrgSources needs a gazetteer built from entries (buildGazetteer)')
  ORG_SOURCE_CATEGORIES.forEach((category, index) =>
    addEntryStrings(gazetteer, later, lexicon.sources?.[category] ?? [], NER_TYPES.length + index),
  )
  return gazetteer
}

// entry strings into the trie; single plain words take a short path that needs no token list
function addEntryStrings(gazetteer: Gazetteer, later: Set<string>, list: readonly string[], category: number): void {
  checkCategory(category)
  for (const entry of list) {
    if (!PLAIN_WORD.test(entry)) {
      addEntry(gazetteer, entryTokens(entry), category, later)
      continue
    }
    const token = entry.toLowerCase()
    const root = gazetteer.root
    root.next ??= new Map()
    let node = root.next.get(token)
    if (!node) root.next.set(token, (node = {next: null, types: 0}))
    node.types |= 1 << category
    if (gazetteer.maxLength < 1) gazetteer.maxLength = 1
  }
}

function checkCategory(category: number): void {
  if (!(category >= 0 && category < MAX_CATEGORIES)) throw new Error(`gazetteer category ${category} out of range`)
}

function addEntry(gazetteer: Gazetteer, tokens: readonly string[], category: number, later: Set<string>): void {
  if (tokens.length === 0) return
  checkCategory(category)
  for (let t = 1; t < tokens.length; t++) later.add(tokens[t])
  insertEntry(gazetteer.root, tokens, category)
  gazetteer.maxLength = Math.max(gazetteer.maxLength, tokens.length)
}

function insertEntry(root: TrieNode, tokens: readonly string[], category: number): void {
  let node = root
  for (const token of tokens) {
    node.next ??= new Map()
    let child = node.next.get(token)
    if (!child) {
      child = {next: null, types: 0}
      node.next.set(token, child)
    }
    node = child
  }
  node.types |= 1 << category
}

/**
 * Marks every gazetteer match in `lower[from, to)` (lowercased words) that contains a capitalised word:
 * `masks[i]` gets bit `category * 4 + position` (0 B, 1 I, 2 L, 3 U) for each match covering token i.
 * With `ids` (a number per distinct lowercase word) and `cache`, each distinct word is looked up in the gazetteer
 * once (see {@link GazetteerCache}), and a match is only followed into words that can continue one.
 * With `wordIndex`, token i's word is `lower[wordIndex[i]]` (a table of distinct words, read only when needed).
 * With `hashes` too (by id, the {@link hashKey} of each word), words the gazetteer's {@link startFilter} rules out
 * are not looked up.
 */
export function markGazetteer(
  gazetteer: Gazetteer,
  lower: readonly string[],
  capitalised: ArrayLike<number>,
  from: number,
  to: number,
  masks: Uint32Array,
  ids?: ArrayLike<number>,
  cache?: GazetteerCache,
  wordIndex?: ArrayLike<number>,
  hashes?: ArrayLike<number>,
): void {
  if (!gazetteer.root.next && !gazetteer.index) return
  // with `hashes` (each id's word's hashKey), a word the start filter rules out is not looked up
  const starts = hashes ? startFilter(gazetteer) : null
  const continuing = hashes ? continueFilter(gazetteer) : null
  // a match marks its tokens only when it holds a capitalised word, and it is at most `reach` tokens long: a token
  // with no capitalised word among the `reach` tokens from it (nearly half of them in news prose) starts no match
  // that marks anything, and is not looked up
  const reach = gazetteer.maxLength
  // the first capitalised token at or after i (`to` when none), moved forward only
  let capital = from - 1
  for (let i = from; i < to; i++) {
    if (capital < i) {
      capital = i
      while (capital < to && !capitalised[capital]) capital++
    }
    if (capital >= to || capital - i >= reach) continue
    let node: TrieNode | null | undefined
    if (ids && cache) {
      const id = ids[i]
      node = cache.firstNodes[id]
      if (node === undefined) {
        cache.firstNodes[id] = node = starts !== null && !filterHas(starts, hashes![id]) ? null : firstNode(gazetteer, lower[wordIndex ? wordIndex[i] : i])
      }
      if (node === null) continue
    } else {
      node = firstNode(gazetteer, lower[wordIndex ? wordIndex[i] : i])
    }
    let hasCap = capitalised[i]
    let j = i
    while (node) {
      if (node.types !== 0 && hasCap) {
        const length = j - i + 1
        for (let t = 0; node.types >>> t !== 0; t++) {
          if ((node.types & (1 << t)) === 0) continue
          if (length === 1) {
            masks[i] |= 1 << (t * 4 + 3)
            continue
          }
          masks[i] |= 1 << (t * 4)
          for (let k = i + 1; k < j; k++) masks[k] |= 1 << (t * 4 + 1)
          masks[j] |= 1 << (t * 4 + 2)
        }
      }
      j++
      if (j >= to || !node.next) break
      // most words continue no entry: one cached answer per word instead of a trie lookup per step
      if (ids && cache && !continuesEntry(gazetteer, cache, ids[j], lower, wordIndex ? wordIndex[j] : j, continuing, hashes)) break
      node = node.next.get(lower[wordIndex ? wordIndex[j] : j])
      hasCap = hasCap || capitalised[j]
    }
  }
}

// whether word `lower[at]` (distinct word `id`) can continue an entry
function continuesEntry(
  gazetteer: Gazetteer,
  cache: GazetteerCache,
  id: number,
  lower: readonly string[],
  at: number,
  filter: Int32Array | null,
  hashes: ArrayLike<number> | undefined,
): boolean {
  if (id >= cache.continues.length) {
    let size = cache.continues.length
    while (size <= id) size *= 2
    const next = new Uint8Array(size)
    next.set(cache.continues)
    cache.continues = next
  }
  let known = cache.continues[id]
  if (known === 0) cache.continues[id] = known = (filter === null || filterHas(filter, hashes![id])) && gazetteer.later.has(lower[at]) ? 2 : 1
  return known === 2
}

/** The external gazetteer's entries as a lexicon holds them: tokens and {@link EXTERNAL_CATEGORIES} index. */
export function externalEntries(lexicon: Lexicon): {tokens: string[]; category: number}[] {
  return externalLists(lexicon).flatMap((list, category) => list.map((entry) => ({tokens: entryTokens(entry), category})))
}

// the external gazetteer's entry lists, by EXTERNAL_CATEGORIES index
function externalLists(lexicon: Lexicon): (readonly string[])[] {
  return [lexicon.names.PER, lexicon.names.ORG, lexicon.names.LOC, ...SOURCE_CATEGORIES.map((category) => lexicon.sources?.[category] ?? [])]
}
