/**
 * The calendar date read from a start: a numeric date ("2025-11-13", "13/11/2025") or a written one ("November 13,
 * 2025", "Nov. 8", "February 2025", "13 November", with a weekday or edge before it: "Monday, early November"). One
 * reader for the DATE finder's two calendar rules (src/dates/find-dates.ts) and for the money scanner, which must
 * never read as an amount the day or year of a date the DATE finder reads (src/money/complete-figure.ts): the
 * calendar rules (day and year ranges, a date's white space, where a day or year may end) live here only.
 */
import {GROUP_APOSTROPHES, GROUP_SPACES} from '../text/digit-groups.ts'
import {DAY, EDGE, MONTH, MONTH_ABBR, WEEKDAY, WS, WS0, YEAR} from './patterns.ts'

// a day or year after a month is never the integer part of a decimal ("in November 8.5%", "October 3.2 million": the
// month and a number, as the year rule refuses "2019.5"; fuzz finding "November 8,9€"), but a year typed flush after
// the day's comma ("November 8,2019") still ends the day; nor is it a percentage ("in Jan 8% of it", "in November 8
// percent of workers": the DATE took the number and no PERCENT was left; fuzz seed 9000071)
const PERCENT_AFTER = `[^\\S\\n]*(?:%|per${WS0}cent(?![A-Za-z])|pct(?![A-Za-z]))`
// nor the first group of a figure grouped by apostrophes ("March 2'485": the day cut the figure, docs/fuzz.md, numfix)
// or by a no-break or narrow space and three digits, as money and numbers read "1\u00a0820" (numfix2: "August 1\u00a0820%"
// was DATE "August 1" over the PERCENT "1\u00a0820%", fuzz seed 4000386)
const DAY_END = `(?![0-9]|\\.[0-9]|,(?!${YEAR}(?![0-9]))[0-9]|[${GROUP_APOSTROPHES.join('')}][0-9]|[${GROUP_SPACES.join('')}][0-9]{3}(?![0-9])|${PERCENT_AFTER})`
// the same for a year, in either order of day and month ("Dec 2079%", "5 November 2019,5€": the DATE took the number
// from the PERCENT or the amount; fuzz seed 6003137)
const YEAR_END = `(?![.,][0-9]|${PERCENT_AFTER})`

// written dates: optional weekday and edge, month with day and/or year, or day before month
const WRITTEN =
  `(?:(?:${WEEKDAY}),?${WS})?(?:${EDGE})?` +
  `(?:(?:${MONTH})(?:${WS}${DAY}${DAY_END})?(?:,?${WS}${YEAR}${YEAR_END})?|(?:${MONTH_ABBR})\\.?${WS}(?:${DAY}${DAY_END}(?:,?${WS}${YEAR}${YEAR_END})?|${YEAR}${YEAR_END})` +
  `|${DAY}${WS}(?:of${WS})?(?:${MONTH})(?:,?${WS}${YEAR}${YEAR_END})?)`

/** The sticky patterns of the two forms, with the word boundaries they need on either side (exported for tests). */
export const CALENDAR_PATTERNS = {
  // numeric dates: 2025-11-13, 13/11/2025, 11/13/25
  numeric: /(?<![\w.\/-])(?:[0-9]{4}-[01][0-9]-[0-3][0-9]|[0-3]?[0-9]\/[01]?[0-9]\/(?:[0-9]{4}|[0-9]{2}))(?![\w\/-])/y,
  written: new RegExp(`(?<![\\w-])${WRITTEN}(?![\\w])`, 'y'),
} as const

/** Which form a read tries: numeric, written, or either (numeric first; no text starts both). */
export type CalendarForm = keyof typeof CALENDAR_PATTERNS | 'any'

/**
 * Finds the calendar date that starts at `start`, as the DATE finder's calendar rules read it, and returns where it
 * ends, or -1 when none starts there.
 */
export function findCalendarDateEnd(text: string, start: number, form: CalendarForm = 'any'): number {
  if (start < 0 || start >= text.length) return -1
  if (form !== 'written') {
    const pattern = CALENDAR_PATTERNS.numeric
    // a sticky test() matches at start or not at all, leaves lastIndex at the match's end, and makes no match object
    pattern.lastIndex = start
    if (pattern.test(text)) return pattern.lastIndex
  }
  if (form !== 'numeric') {
    const pattern = CALENDAR_PATTERNS.written
    pattern.lastIndex = start
    if (pattern.test(text)) return pattern.lastIndex
  }
  return -1
}
