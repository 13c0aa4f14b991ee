/**
 * The clean stage's warm-up (src/text/warm-up.ts): the rarer paths of `cleanWith` run once per thread before the
 * first document, so V8 does not compile it again when a document first takes one.
 */
import {CleanOptions, cleanWith} from './clean-text.ts'
import {warmUpOnce} from '../text/warm-up.ts'

// Lines with letters beyond the Basic Multilingual Plane and emoji, plain lines and blank ones: see warmClean.
const WARM_TEXT = [
  'HEADLINE IN CAPITALS',
  '',
  'A line of prose with \u{1D400}\u{1D401} letters and \u{1F600} emoji, \u00e9t\u00e9 and \u201cquotes\u201d.',
  '\u{20000}\u{20001} \u{1F1FA}\u{1F1F8} 5%',
  'plain ascii prose goes on here',
  '   ',
  'Last line.',
].join('\n')

/**
 * Cleans a short text with astral letters once per thread (a few rounds: V8 records what a function does only
 * once it has run a while): the line measure met its first letter beyond U+FFFF after it was optimised and was
 * compiled again in each worker thread. cleanWith keeps no state, so no document's result changes.
 */
export const warmClean: () => void = warmUpOnce(12, () => cleanWith(WARM_TEXT, CleanOptions.parse({})))
