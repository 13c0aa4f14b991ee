/**
 * The words and white space DATE patterns are written with (regex source strings), shared by the calendar reader
 * (src/dates/find-calendar-date.ts) and the other DATE rules (src/dates/find-dates.ts).
 */

/**
 * White space inside a date, possibly none: at most one line break, so no date runs across a blank line into the
 * next paragraph ("Nov" closing one paragraph, "4" opening the next); U+2028 and U+2029 break lines as \n does.
 */
export const WS0 = '[^\\S\\n\\u2028\\u2029]*(?:[\\n\\u2028\\u2029][^\\S\\n\\u2028\\u2029]*)?'
/** White space inside a date, at least one character (the lookahead keeps a second way to match the same run out). */
export const WS = `(?=\\s)${WS0}`
/** The month names, capitalised as a date writes them. */
export const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December'
/** Month abbreviations: they only count with a day or year after them ("Dec. 5"), never alone. */
export const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec'
/** The weekday names, capitalised. */
export const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
/** A day of the month, 1-31 with a leading zero allowed, and its ordinal suffix ("8th"). */
export const DAY = '(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?'
/** A year a date is written with, 1800-2100. */
export const YEAR = '(?:1[89][0-9]{2}|20[0-9]{2}|2100)'
/** The edge of a period before it: "early", "late", "mid-", "the end of", "the first half of". */
export const EDGE = `(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|${WS})|(?:[Tt]he${WS})?(?:end|beginning|start|middle|first half|second half)${WS}of${WS}`
