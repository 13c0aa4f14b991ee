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
  const root: TrieNode = {next: null, types: 0}
  let maxLength = 0
  for (const {tokens, category} of entries) {
    if (tokens.length === 0) continue
    if (!(category >= 0 && category < MAX_CATEGORIES)) throw new Error(`gazetteer category ${category} out of range`)
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
    maxLength = Math.max(maxLength, tokens.length)
  }
  return {root, maxLength}
}

/**
 * Marks every gazetteer match in `lower[from, to)` (lowercased words) that contains a capitalised word:
 * `masks[i]` gets bit `category * 4 + position` (0 B, 1 I, 2 L, 3 U) for each match covering token i.
 * With `ids` (a number per distinct lowercase word) and `firstNodes`, the first word's trie node is looked up
 * once per distinct word and kept in `firstNodes[id]` (null: no entry starts with it).
 */
export function markGazetteer(
  gazetteer: Gazetteer,
  lower: readonly string[],
  capitalised: ArrayLike<number>,
  from: number,
  to: number,
  masks: Uint32Array,
  ids?: ArrayLike<number>,
  firstNodes?: (TrieNode | null | undefined)[],
): void {
  const first = gazetteer.root.next
  if (!first) return
  for (let i = from; i < to; i++) {
    let node: TrieNode | null | undefined
    if (ids && firstNodes) {
      const id = ids[i]
      node = firstNodes[id]
      if (node === undefined) firstNodes[id] = node = first.get(lower[i]) ?? null
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
      node = node.next.get(lower[j])
      hasCap = hasCap || capitalised[j]
    }
  }
}

/** The external gazetteer's entries as a lexicon holds them: tokens and {@link EXTERNAL_CATEGORIES} index. */
export function externalEntries(lexicon: Lexicon): {tokens: string[]; category: number}[] {
  const lists: (readonly string[])[] = [
    lexicon.names.PER,
    lexicon.names.ORG,
    lexicon.names.LOC,
    ...SOURCE_CATEGORIES.map((category) => lexicon.sources?.[category] ?? []),
  ]
  return lists.flatMap((list, category) => list.map((entry) => ({tokens: entryTokens(entry), category})))
}
