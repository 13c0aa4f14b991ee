/**
 * Truecasing for the tagger's view of a Title Case headline ("Senators Press Tobacco Makers on Ad Limits"): the
 * recogniser learnt sentence case and capitals headlines from CoNLL, not title case, and takes capitalised common
 * words for names. Words the model's case prior knows mostly in lower case are shown to it in lower case; the text
 * itself and every span stay as they were.
 */
import type {Span} from '../doc.ts'
import {CASE_CLASSES, caseClass} from './features.ts'

const CASE_CAP = CASE_CLASSES.indexOf('cap')
const CASE_LOWER = CASE_CLASSES.indexOf('lower')
const CASE_OTHER = CASE_CLASSES.indexOf('other')
const CASE_DIGITS = CASE_CLASSES.indexOf('digits')
const CASE_PUNCT = CASE_CLASSES.indexOf('punct')

/** The case prior's value for a word seen mostly in lower case in running training text (see FeatureResources.casePrior). */
export const LOWER_PRIOR = 'l'

/**
 * Finds the headline in `text`: the first paragraph whose trimmed text is the document's `title` (clean keeps the
 * headline as the first paragraph of the text by default); null when there is no title or it is not in the text.
 */
export function findHeadlineSpan(text: string, paragraphs: readonly Span[] | undefined, title: string | null): Span | null {
  if (!title || !paragraphs) return null
  for (const paragraph of paragraphs) {
    const slice = text.slice(paragraph.start, paragraph.end)
    const trimmed = slice.trim()
    if (trimmed === title) {
      const start = paragraph.start + slice.indexOf(trimmed)
      return {start, end: start + trimmed.length}
    }
  }
  return null
}

/**
 * Finds the tagger's view of a Title Case headline: `text` with each capitalised word of `headline` after its
 * first word that `isNormallyLower` (lowercased word -> whether it is normally lower case; see readNormallyLower)
 * accepts written in lower case (same length, so token spans hold); null when the headline is not in Title Case or
 * nothing would change. Title Case: most of the headline's words are capitalised, and so are at least two of, and
 * most of, its words (after the first) that are normally lower case; a capitals headline (no lowercase letter) is not.
 */
export function findTitleCaseView(
  text: string,
  tokens: readonly Span[],
  headline: Span | null,
  isNormallyLower: (lowerWord: string) => boolean,
): string | null {
  if (headline === null) return null
  let words = 0
  let capitalised = 0
  let hasLower = false
  // the headline's words after the first, lowercased, each with whether lowering it keeps a plain capitalised word
  const candidates: {token: Span; lower: string; lowerable: boolean}[] = []
  for (const token of tokens) {
    // tokens come in text order: past the headline (the first paragraph, as a rule) nothing more can count
    if (token.start >= headline.end) break
    if (token.start < headline.start || token.end > headline.end) continue
    const word = text.slice(token.start, token.end)
    const cls = caseClass(word)
    if (cls === CASE_DIGITS || cls === CASE_PUNCT || cls === CASE_OTHER && !/\p{L}/u.test(word)) continue
    const first = words === 0
    words++
    if (/\p{Ll}/u.test(word)) hasLower = true
    const isCap = cls !== CASE_LOWER && /^\P{L}*\p{Lu}/u.test(word)
    if (isCap) capitalised++
    if (first) continue
    const lower = word.toLowerCase()
    // only plain capitalised words (not acronyms or mixed case) are lowered, and only when lowering keeps the length
    candidates.push({token, lower, lowerable: cls === CASE_CAP && lower.length === word.length})
  }
  if (!hasLower || capitalised * 2 <= words) return null
  let normallyLower = 0
  const lowered: Span[] = []
  for (const {token, lower, lowerable} of candidates) {
    if (!isNormallyLower(lower)) continue
    normallyLower++
    if (lowerable) lowered.push(token)
  }
  if (lowered.length < 2 || lowered.length * 2 <= normallyLower) return null
  let view = ''
  let from = 0
  for (const span of lowered) {
    view += text.slice(from, span.start) + text.slice(span.start, span.end).toLowerCase()
    from = span.end
  }
  return view + text.slice(from)
}

/** How often the body writes a word in lower case and capitalised, away from a sentence's first word. */
export interface BodyCase {
  lower: number
  capitalised: number
}

/**
 * Counts how the text after `headline` writes each of `words` (lowercased) where its case is the writer's choice:
 * not a sentence's first word, not in capitals; all lower case or capitalised (first letter upper, the rest lower).
 */
export function countBodyCase(
  text: string,
  tokens: readonly Span[],
  sentences: readonly Span[],
  headline: Span,
  words: ReadonlySet<string>,
): Map<string, BodyCase> {
  const counts = new Map<string, BodyCase>()
  if (words.size === 0) return counts
  let s = 0
  let sentenceOpened = -1
  for (const token of tokens) {
    if (token.start < headline.end) continue
    while (s < sentences.length && sentences[s].end <= token.start) s++
    const word = text.slice(token.start, token.end)
    if (!/\p{L}/u.test(word)) continue
    // a word outside every sentence has no sentence case to read; a sentence's first word is capitalised by rule,
    // not by the writer's choice
    if (s >= sentences.length || sentences[s].start > token.start) continue
    if (sentenceOpened !== s) {
      sentenceOpened = s
      continue
    }
    const lower = word.toLowerCase()
    if (!words.has(lower)) continue
    const isLower = word === lower
    const isCapitalised = !isLower && word.slice(1) === lower.slice(1) && word[0] !== lower[0]
    if (!isLower && !isCapitalised) continue
    let seen = counts.get(lower)
    if (!seen) counts.set(lower, (seen = {lower: 0, capitalised: 0}))
    if (isLower) seen.lower++
    else seen.capitalised++
  }
  return counts
}

/**
 * Reads whether a headline word (lowercased) is normally lower case: `priorOf` (the model's case prior) gives it as
 * mostly lower case, and the text after `headline` does not raise it (write it capitalised, away from a sentence's
 * first word, at least once and at least as often as in lower case). The body only ever keeps a word capitalised:
 * "Long Island", "Final Four" are written so in mid-sentence; a body that writes "new" in lower case more often than
 * "New" must not lower the prior's "New" of "New York" (docs/ner.md, T5 and T7).
 */
export function readNormallyLower(
  text: string,
  tokens: readonly Span[],
  sentences: readonly Span[],
  headline: Span,
  priorOf: (lowerWord: string) => string | undefined,
): (lowerWord: string) => boolean {
  // counted once, on first need, for the headline's prior-lower words only: most headlines never ask
  let body: Map<string, BodyCase> | null = null
  return (lower) => {
    if (priorOf(lower) !== LOWER_PRIOR) return false
    if (body === null) {
      const words = new Set<string>()
      for (const t of tokens) {
        if (t.start >= headline.end) break
        if (t.start < headline.start) continue
        const w = text.slice(t.start, t.end).toLowerCase()
        if (priorOf(w) === LOWER_PRIOR) words.add(w)
      }
      body = countBodyCase(text, tokens, sentences, headline, words)
    }
    const seen = body.get(lower)
    return !(seen !== undefined && seen.capitalised > 0 && seen.capitalised >= seen.lower)
  }
}

/**
 * Merges the two readings of a document with a Title Case headline: the headline's mentions are the plain reading's
 * (the text tagged as written), except that a plain mention holding a capitalised, normally lower-case word after the
 * headline's first word ("Senators Press Tobacco Makers" ORG: the fault the view is for) gives way to the view's
 * mentions inside it; outside the headline the view's reading stands.
 */
export function mergeHeadlineReadings<M extends Span>(
  text: string,
  tokens: readonly Span[],
  headline: Span,
  isNormallyLower: (lowerWord: string) => boolean,
  plain: readonly M[],
  viewed: readonly M[],
): M[] {
  const inHeadline = (m: Span) => m.start >= headline.start && m.end <= headline.end
  const words = tokens.filter((t) => inHeadline(t) && /\p{L}/u.test(text.slice(t.start, t.end)))
  const first = words[0]
  const faulty = (m: Span) =>
    words.some((t) => {
      if (t === first || t.start < m.start || t.end > m.end) return false
      const word = text.slice(t.start, t.end)
      return caseClass(word) === CASE_CAP && isNormallyLower(word.toLowerCase())
    })
  const out: M[] = viewed.filter((m) => !inHeadline(m))
  for (const m of plain) {
    if (!inHeadline(m)) continue
    if (!faulty(m)) out.push(m)
    else out.push(...viewed.filter((v) => inHeadline(v) && v.start >= m.start && v.end <= m.end))
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}
