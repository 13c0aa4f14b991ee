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
 * first word that `priorOf` (lowercased word -> case prior) knows mostly in lower case written in lower case
 * (same length, so token spans hold); null when the headline is not in Title Case or nothing would change.
 * Title Case: most of the headline's words are capitalised, and so are at least two of, and most of, its words
 * (after the first) that are normally lower case; a capitals headline (no lowercase letter) is not.
 */
export function findTitleCaseView(
  text: string,
  tokens: readonly Span[],
  headline: Span | null,
  priorOf: (lowerWord: string) => string | undefined,
): string | null {
  if (headline === null) return null
  let words = 0
  let capitalised = 0
  let hasLower = false
  let normallyLower = 0
  const lowered: Span[] = []
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
    if (priorOf(lower) !== LOWER_PRIOR) continue
    normallyLower++
    // only plain capitalised words (not acronyms or mixed case) are lowered, and only when lowering keeps the length
    if (cls === CASE_CAP && lower.length === word.length) lowered.push(token)
  }
  if (!hasLower || capitalised * 2 <= words) return null
  if (lowered.length < 2 || lowered.length * 2 <= normallyLower) return null
  let view = ''
  let from = 0
  for (const span of lowered) {
    view += text.slice(from, span.start) + text.slice(span.start, span.end).toLowerCase()
    from = span.end
  }
  return view + text.slice(from)
}
