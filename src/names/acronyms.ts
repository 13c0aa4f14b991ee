/**
 * Acronyms defined in parentheses right after their expansion ("Organization of the
 * Petroleum Exporting Countries (OPEC)"): the acronym and its later bare uses resolve to the expansion.
 */
import {isNameLabel, type EntitySpan} from '../doc.ts'
import {countBefore} from '../text/search.ts'

/** An acronym defined in the text, with the span of its expansion. */
export interface AcronymDefinition {
  acronym: string
  /** the parenthesised acronym's offsets */
  start: number
  end: number
  /** the expansion's span as recognised */
  expansion: EntitySpan
}

/** Whether `acronym`'s capitals are, in order, initials of `expansion`'s words (skipping words is allowed; the first must match). */
export function acronymMatches(acronym: string, expansion: string): boolean {
  const letters = acronymLetters(acronym)
  return letters.length >= 2 && initialsSpell(letters, wordInitials(expansion))
}

/** An acronym's capitals, lowercased: what `initialsSpell` compares. */
export function acronymLetters(acronym: string): string {
  return acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase()
}

/** The lowercased first letters of an expansion's words; the linker keeps them per name instead of splitting it again for every acronym. */
export function wordInitials(expansion: string): string[] {
  return expansion
    .split(/[\s\-–/]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w.normalize('NFKD').charAt(0).toLowerCase())
}

/** Whether lowercased acronym letters (two or more) are, in order, some of the initials (skipping is allowed; the first must match). */
export function initialsSpell(letters: string, initials: readonly string[]): boolean {
  if (letters.length < 2 || initials.length < 2 || initials[0] !== letters[0]) return false
  // subsequence match with backtracking; the expansions are a handful of words
  const match = (li: number, wi: number): boolean => {
    if (li === letters.length) return true
    for (let w = wi; w < initials.length; w++) if (initials[w] === letters[li] && match(li + 1, w + 1)) return true
    return false
  }
  return match(1, 1)
}

const PARENTHESISED = /\(\s?(\p{Lu}[\p{Lu}\p{Ll}&.]{1,11})\s?\)/gu
// words that may join the capitalised words of a name ("Bank of England", "Office for Democratic Institutions")
const NAME_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'der', '&'])
const MAX_EXPANSION = 120

/** Whether a stretch of text reads as one name: capitalised words joined by connectors, nothing else. */
function isNameStretch(stretch: string): boolean {
  // a line break in the text the entities stage reads is a paragraph break (wraps read as spaces): no name crosses it
  if (hasLineBreak(stretch)) return false
  const words = stretch.split(/\s+/).filter((w) => w.length > 0)
  return words.length > 0 && words.every((w) => /^[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.\-]*$/u.test(w) || NAME_CONNECTORS.has(w.toLowerCase()))
}

function hasLineBreak(value: string): boolean {
  return value.includes('\n') || value.includes('\u2028') || value.includes('\u2029')
}

/**
 * Finds acronyms defined in parentheses after their expansion; the expansion starts at a recognised
 * non-person name and runs to the parenthesis, so "Bank of England (BoE)" keeps its "of England"
 * even when the recogniser split it.
 */
export function findAcronymDefinitions(text: string, spans: readonly EntitySpan[]): AcronymDefinition[] {
  const found: AcronymDefinition[] = []
  // a definition needs "(" before anything else
  if (!text.includes('(')) return found
  const sorted = isSorted(spans) ? spans : [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  // labels by extent, built once a definition is found (most documents have none)
  let byExtent: Map<string, string> | undefined
  for (const match of text.matchAll(PARENTHESISED)) {
    const paren = match.index ?? 0
    const acronym = match[1].replace(/\.$/, '')
    const start = paren + match[0].indexOf(match[1])
    // the nearest names first: walk back over spans that start before the parenthesis (found by binary search)
    for (let k = countBefore(sorted, (span) => span.start < paren) - 1; k >= 0; k--) {
      const span = sorted[k]
      if (span.end > paren) continue
      if (paren - span.start > MAX_EXPANSION) break
      const stretch = text.slice(span.start, paren).trimEnd()
      if (!isNameStretch(stretch)) break
      // a person inside the stretch means it is not one organisation's name
      if (span.label === 'PERSON') break
      if (!isNameLabel(span.label)) continue
      // the recogniser may have cut the name's head off ("Office of the" + "World Health ..."): try earlier capitalised starts too
      const expansionStart = [span.start, ...earlierNameStarts(text, span.start)].find((from) => acronymMatches(acronym, text.slice(from, paren).trimEnd()))
      if (expansionStart === undefined) continue
      const end = paren - (text.slice(span.start, paren).length - stretch.length)
      // no expansion runs over a money figure: merged into the name, the figure lost the MONEY entity money.jsonl keeps
      // ("Hong' GBP7 Sg I(HSI)", fuzz seed 5015184), as a name holding a digit gives way to a figure it overlaps
      if (sorted.some((s) => s.label === 'MONEY' && s.start < end && expansionStart < s.end)) break
      // the name's label is its head's: the leftmost recognised span inside it ("Bank" ORG, not "England" LOC),
      // unless the recogniser's labels on the acronym itself outvote it (below)
      const head = firstNameInside(sorted, expansionStart, end) ?? span
      byExtent ??= new Map(sorted.map((s) => [`${s.start}:${s.end}`, s.label]))
      const label = votedLabel(text, acronym, head.label, byExtent)
      found.push({acronym, start, end: start + acronym.length, expansion: {start: expansionStart, end, label}})
      break
    }
  }
  return found
}

/** Starts of capitalised words right before `from` that continue a name (nearest first, at most six words back). */
function earlierNameStarts(text: string, from: number): number[] {
  const starts: number[] = []
  let before = text.slice(Math.max(0, from - 80), from)
  // the name's own line only
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\u2028'), before.lastIndexOf('\u2029'))
  if (lineStart >= 0) before = before.slice(lineStart + 1)
  const offset = from - before.length
  const words = [...before.matchAll(/[^\s]+/g)]
  for (let k = words.length - 1; k >= 0 && starts.length < 6; k--) {
    const word = words[k][0]
    const isConnector = NAME_CONNECTORS.has(word.toLowerCase())
    if (!isConnector && !/^\p{Lu}[\p{L}\p{M}'’.\-]*$/u.test(word)) break
    if (!isConnector) starts.push(offset + (words[k].index ?? 0))
  }
  return starts
}

/** Replaces the spans inside each acronym's expansion by the one expansion span, so "Bank" + "England" becomes "Bank of England". */
export function mergeExpansions(spans: readonly EntitySpan[], definitions: readonly AcronymDefinition[]): EntitySpan[] {
  // no definitions (most documents): the spans as they are, sorted (already, when they come from resolveOverlaps)
  if (definitions.length === 0) return isSorted(spans) ? [...spans] : [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  // a later expansion replaces an earlier one it overlaps; expansions end at their parenthesis, so in text order
  // their ends only grow and the ones a new expansion overlaps are the last kept
  const kept: EntitySpan[] = []
  for (const {expansion} of definitions) {
    while (kept.length > 0 && kept[kept.length - 1]!.end > expansion.start && kept[kept.length - 1]!.start < expansion.end) kept.pop()
    kept.push(expansion)
  }
  // a recognised span goes when any expansion (kept or replaced) overlaps it: ends sorted, starts as suffix minima
  const all = definitions.map((d) => d.expansion).sort((a, b) => a.end - b.end)
  const minStart: number[] = new Array(all.length)
  for (let i = all.length - 1; i >= 0; i--) minStart[i] = Math.min(all[i]!.start, i + 1 < all.length ? minStart[i + 1]! : Infinity)
  const covered = (s: EntitySpan) => {
    const lo = countBefore(all, (expansion) => expansion.end <= s.start)
    return lo < all.length && minStart[lo]! < s.end
  }
  return [...spans.filter((s) => !covered(s)), ...kept].sort((a, b) => a.start - b.start || a.end - b.end)
}

function isSorted(spans: readonly EntitySpan[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i - 1]!.start > spans[i]!.start || (spans[i - 1]!.start === spans[i]!.start && spans[i - 1]!.end > spans[i]!.end)) return false
  return true
}

/** The first name span (in start order) lying inside [from, to), found by binary search. */
/**
 * The label of an acronym and its expansion: one vote for the head's label and one for each occurrence of the
 * acronym the recogniser labelled (persons aside: an acronym is never one); the head keeps a tie. So "National League (MISC) for Democracy (NLD)" with NLD tagged ORG six times is an ORG, where the
 * head alone made all seven MISC.
 */
function votedLabel(
  text: string,
  acronym: string,
  headLabel: EntitySpan['label'],
  byExtent: ReadonlyMap<string, string>,
): EntitySpan['label'] {
  const votes = new Map<string, number>()
  const vote = (label: string) => {
    if (isNameLabel(label as EntitySpan['label']) && label !== 'PERSON') votes.set(label, (votes.get(label) ?? 0) + 1)
  }
  vote(headLabel)
  for (const use of findAcronymUses(text, acronym, 0)) {
    const label = byExtent.get(`${use.start}:${use.end}`)
    if (label !== undefined) vote(label)
  }
  let best = headLabel
  let bestVotes = votes.get(headLabel) ?? 0
  for (const [label, count] of votes) {
    if (count > bestVotes) {
      best = label as EntitySpan['label']
      bestVotes = count
    }
  }
  return best
}

function firstNameInside(sorted: readonly EntitySpan[], from: number, to: number): EntitySpan | undefined {
  const lo = countBefore(sorted, (span) => span.start < from)
  for (let k = lo; k < sorted.length && sorted[k]!.start < to; k++) if (sorted[k]!.end <= to && isNameLabel(sorted[k]!.label)) return sorted[k]
  return undefined
}

/** Offsets of whole-word occurrences of `acronym` in `text` from `from` on. */
export function findAcronymUses(text: string, acronym: string, from: number): Array<{start: number; end: number}> {
  const uses: Array<{start: number; end: number}> = []
  const pattern = acronymPattern(acronym)
  pattern.lastIndex = from
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) uses.push({start: m.index, end: m.index + acronym.length})
  return uses
}

// compiled whole-word patterns by acronym: a definition's uses are looked for twice (its label's vote and its
// mentions), and a corpus repeats its acronyms; bounded, since a long run sees an open set of them
const MAX_PATTERNS = 5_000
const patterns = new Map<string, RegExp>()

// the pattern of `acronym`'s whole-word uses; global, so its lastIndex is set by each use (exec leaves it at 0 once
// it finds nothing more, and nothing else runs between)
function acronymPattern(acronym: string): RegExp {
  let pattern = patterns.get(acronym)
  if (pattern === undefined) {
    const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // (a combining mark is the letter's before it: "KSE" + U+0300 is another word, and the use cut it, fuzz8)
    pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'gu')
    if (patterns.size >= MAX_PATTERNS) patterns.clear()
    patterns.set(acronym, pattern)
  }
  return pattern
}
