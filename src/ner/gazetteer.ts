import {NER_TYPES, type NerType} from './tags.ts'
import {SOURCE_CATEGORIES, type Lexicon} from './lexicon.ts'
import {normaliseWord} from './features.ts'

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
  later: Set<string>
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
  return {firstNodes: [], continues: new Uint8Array(1024)}
}

// no apostrophe (a possessive splits off) and no character normaliseWord maps: split on spaces and lowercase
const PLAIN = /^[^'’`\u2018-\u201E\u2032\u00AB\u00BB\u2010-\u2014\u2212\u2026]+$/
const SPACE = /\s/
const SPACES = /\s+/

/** Splits a gazetteer entry the way the tokenizer would (spaces, and a possessive `'s`), lowercased and normalised. */
export function entryTokens(entry: string): string[] {
  // the plain entries, nearly all of the tens of thousands read at start-up, take a short path
  if (PLAIN.test(entry)) {
    const lower = entry.toLowerCase()
    return SPACE.test(lower) ? lower.split(SPACES).filter(Boolean) : [lower]
  }
  return entry
    .split(/\s+/)
    .flatMap((part) => (/^.+['’]s$/i.test(part) ? [part.slice(0, -2), part.slice(-2)] : [part]))
    .filter(Boolean)
    .map((part) => normaliseWord(part).toLowerCase())
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
  const gazetteer: Gazetteer = {root: {next: null, types: 0}, maxLength: 0, later: new Set()}
  for (const {tokens, category} of entries) addEntry(gazetteer, tokens, category)
  return gazetteer
}

// a plain entry of one word (see PLAIN): its token is the entry lowercased
const PLAIN_WORD = /^[^'’`\u2018-\u201E\u2032\u00AB\u00BB\u2010-\u2014\u2212\u2026\s]+$/

/**
 * The external gazetteer of a lexicon: the same as `buildCategoryGazetteer(externalEntries(lexicon))`, built
 * straight from the entry strings (every worker thread builds it at start-up from tens of thousands of entries,
 * nearly all single plain words, which need no token list).
 */
export function buildExternalGazetteer(lexicon: Lexicon): Gazetteer {
  const gazetteer: Gazetteer = {root: {next: null, types: 0}, maxLength: 0, later: new Set()}
  externalLists(lexicon).forEach((list, category) => {
    checkCategory(category)
    for (const entry of list) {
      if (!PLAIN_WORD.test(entry)) {
        addEntry(gazetteer, entryTokens(entry), category)
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
  })
  return gazetteer
}

function checkCategory(category: number): void {
  if (!(category >= 0 && category < MAX_CATEGORIES)) throw new Error(`gazetteer category ${category} out of range`)
}

function addEntry(gazetteer: Gazetteer, tokens: readonly string[], category: number): void {
  if (tokens.length === 0) return
  checkCategory(category)
  for (let t = 1; t < tokens.length; t++) gazetteer.later.add(tokens[t])
  let node = gazetteer.root
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
  gazetteer.maxLength = Math.max(gazetteer.maxLength, tokens.length)
}

/**
 * Marks every gazetteer match in `lower[from, to)` (lowercased words) that contains a capitalised word:
 * `masks[i]` gets bit `category * 4 + position` (0 B, 1 I, 2 L, 3 U) for each match covering token i.
 * With `ids` (a number per distinct lowercase word) and `cache`, each distinct word is looked up in the gazetteer
 * once (see {@link GazetteerCache}), and a match is only followed into words that can continue one.
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
): void {
  const first = gazetteer.root.next
  if (!first) return
  for (let i = from; i < to; i++) {
    let node: TrieNode | null | undefined
    if (ids && cache) {
      const id = ids[i]
      node = cache.firstNodes[id]
      if (node === undefined) cache.firstNodes[id] = node = first.get(lower[i]) ?? null
      if (node === null) continue
    } else {
      node = first.get(lower[i])
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
      if (ids && cache && !continuesEntry(gazetteer, cache, ids[j], lower[j])) break
      node = node.next.get(lower[j])
      hasCap = hasCap || capitalised[j]
    }
  }
}

function continuesEntry(gazetteer: Gazetteer, cache: GazetteerCache, id: number, word: string): boolean {
  if (id >= cache.continues.length) {
    let size = cache.continues.length
    while (size <= id) size *= 2
    const next = new Uint8Array(size)
    next.set(cache.continues)
    cache.continues = next
  }
  let known = cache.continues[id]
  if (known === 0) cache.continues[id] = known = gazetteer.later.has(word) ? 2 : 1
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
