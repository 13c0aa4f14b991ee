/**
 * US party-and-state tags after a politician's name ("Sen. Jane Roe, D-Mass., said", "(R-Texas)") are one MISC each
 * (docs/ner-annotation.md, "More decisions"): a hyphenated affiliation word, as CoNLL-2003 tags "U.S.-led". The model
 * mostly gets them but not always ("(D-Mass.)" LOC, "(R-S.C.)" ORG, "D-New York" PERSON), so the entities stage marks
 * them by their shape: a party letter, a hyphen and a US state, from the `provinces` package's US list
 * (../text/us-states.ts) and the AP state abbreviations (../text/abbreviations.ts). No hand list of tags.
 */
import type {EntitySpan, Span} from '../doc.ts'
import {STATE_ABBREVIATIONS} from '../text/abbreviations.ts'
import {US_STATES} from '../text/us-states.ts'
import {hasSpanEdgeAt} from '../text/search.ts'

// the ways news copy writes a state in a party tag, longest first so "New York" wins over a shorter alternative
function stateForms(): string[] {
  const forms = new Set<string>()
  const abbreviations = [...STATE_ABBREVIATIONS]
  for (const {name, postal} of US_STATES) {
    forms.add(name)
    forms.add(postal)
    const words = name.split(' ').filter((w) => /^\p{Lu}/u.test(w))
    if (words.length < 2) continue
    // dotted initials: "N.Y.", "S.C.", "D.C."
    forms.add(words.map((w) => `${w[0]}.`).join(''))
    // an initial before the AP abbreviation of the last word: "W.Va." (the abbreviation's letters in order in the word)
    const last = words[words.length - 1]!
    const initials = words.slice(0, -1).map((w) => `${w[0]}.`).join('')
    for (const abbreviation of abbreviations) if (isAbbreviationOf(abbreviation, last)) forms.add(`${initials}${abbreviation}.`)
  }
  // an AP abbreviation with or without its full stop ("R-Tex)", "D-Mass.,")
  for (const abbreviation of abbreviations) forms.add(`${abbreviation}.`).add(abbreviation)
  return [...forms].sort((a, b) => b.length - a.length)
}

// "Va" of "Virginia": same first letter, the rest of its letters in order in the word
function isAbbreviationOf(abbreviation: string, word: string): boolean {
  if (abbreviation[0] !== word[0]) return false
  let at = 1
  for (const ch of abbreviation.slice(1)) {
    at = word.indexOf(ch, at) + 1
    if (at === 0) return false
  }
  return true
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

let tagPattern: RegExp | null = null

// built on first use: 200-odd alternatives, compiled once per thread
function partyTagPattern(): RegExp {
  tagPattern ??= new RegExp(`(?<![\\p{L}\\p{N}.-])[DRI]-(?:${stateForms().map(escape).join('|')})(?![\\p{L}\\p{N}-])`, 'gu')
  return tagPattern
}

/** Finds the party-and-state tags in `text` ("D-Mass.", "R-Texas", "R-TX", "D-W.Va.", "D-New York"), in text order. */
export function findPartyTags(text: string): Span[] {
  // most documents hold no "D-", "R-" or "I-": skip the long pattern for them
  if (!/[DRI]-/.test(text)) return []
  const pattern = partyTagPattern()
  pattern.lastIndex = 0
  const tags: Span[] = []
  for (const m of text.matchAll(pattern)) tags.push({start: m.index, end: m.index + m[0].length})
  return tags
}

/**
 * Marks every party-and-state tag of `text` as one MISC mention aligned to `tokens` (in text order, as segment
 * writes them; the tag's full stop left out when the tokenizer split it off as a sentence's end); a recognised name
 * inside a tag is dropped, one crossing it keeps its part outside.
 */
export function relabelPartyTags(text: string, tokens: readonly Span[], mentions: readonly EntitySpan[]): EntitySpan[] {
  const found = findPartyTags(text)
  if (found.length === 0) return [...mentions]
  // a tag or two against a document's thousands of tokens: binary searches, not sets of every token's edges (those
  // were most of this function's time in a worker, in the many political articles that hold a tag)
  const tags: Span[] = []
  for (const tag of found) {
    if (!hasSpanEdgeAt(tokens, tag.start, 'start')) continue
    if (hasSpanEdgeAt(tokens, tag.end, 'end')) tags.push(tag)
    else if (text[tag.end - 1] === '.' && hasSpanEdgeAt(tokens, tag.end - 1, 'end')) tags.push({start: tag.start, end: tag.end - 1})
  }
  if (tags.length === 0) return [...mentions]
  let out: EntitySpan[] = [...mentions]
  for (const tag of tags) {
    const next: EntitySpan[] = []
    for (const m of out) {
      if (m.end <= tag.start || m.start >= tag.end) {
        next.push(m)
        continue
      }
      // the parts of a name outside the tag, without the spaces, brackets and commas between them
      const left = trimEnd(text, m.start, Math.max(m.start, tag.start))
      if (left > m.start) next.push({...m, end: left})
      const right = trimStart(text, Math.min(m.end, tag.end), m.end)
      if (right < m.end) next.push({...m, start: right})
    }
    next.push({start: tag.start, end: tag.end, label: 'MISC'})
    out = next
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}

const EDGE = /[\s(),;:-]/

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && EDGE.test(text[end - 1]!)) end--
  return end
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && EDGE.test(text[start]!)) start++
  return start
}
