/**
 * Rule-based DATE mentions, with an OntoNotes-like extent: calendar dates ("November 13, 2025", "13 November"),
 * months and years ("February 2025", "2022", "mid-December", "the 1990s"), weekdays ("Wednesday"), and relative
 * or vague periods ("this year", "last summer", "the end of the year", "two years ago", "three-year").
 * A span keeps its modifiers (last, this, early, mid-, the end of) but not a preposition before it ("on",
 * "in", "since") nor a possessive after it ("this year's" -> "this year"). Times of day are not dates.
 */
import type {EntitySpan} from '../doc.ts'

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December'
// abbreviations only count with a day or year after them ("Dec. 5"), never alone
const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec'
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const DAY = '(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?'
const YEAR = '(?:1[89][0-9]{2}|20[0-9]{2}|2100)'
const NUMBER = 'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|many|[0-9]+'
const QUALIFIER = '(?:more than|less than|fewer than|over|nearly|almost|about|around|at least|up to)\\s+'
const ORDINAL = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]+(?:st|nd|rd|th)'
const UNIT = 'day|week|month|year|decade|century'
const PERIOD = 'year|month|week|weekend|summer|winter|spring|autumn|fall|decade|century|quarter|season'
const SEASON = 'summer|winter|spring|autumn'
const EDGE = '(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\\s+)|(?:[Tt]he\\s+)?(?:end|beginning|start|middle|first half|second half)\\s+of\\s+'
const RELATIVE = '(?:[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious|[Ee]arlier\\s+this|[Ll]ater\\s+this|[Ee]arly\\s+this|[Ee]arly\\s+next|[Ll]ate\\s+last|[Tt]he\\s+(?:past|coming|next|last|previous|same))'

// calendar dates: optional weekday and edge, month with day and/or year, or day before month
const CALENDAR =
  `(?:(?:${WEEKDAY}),?\\s+)?(?:${EDGE})?` +
  `(?:(?:${MONTH})(?:\\s+${DAY}(?![0-9]))?(?:,?\\s+${YEAR})?|(?:${MONTH_ABBR})\\.?\\s+(?:${DAY}(?![0-9])(?:,?\\s+${YEAR})?|${YEAR})` +
  `|${DAY}\\s+(?:of\\s+)?(?:${MONTH})(?:,?\\s+${YEAR})?)`

const PATTERNS: RegExp[] = [
  // numeric dates: 2025-11-13, 13/11/2025, 11/13/25
  /(?<![\w.\/-])(?:[0-9]{4}-[01][0-9]-[0-3][0-9]|[0-3]?[0-9]\/[01]?[0-9]\/(?:[0-9]{4}|[0-9]{2}))(?![\w\/-])/g,
  new RegExp(`(?<![\\w-])${CALENDAR}(?![\\w])`, 'g'),
  // years and decades, with an edge or a range: 2022, mid-2025, 2014-2022, the 1990s
  new RegExp(`(?<![\\w$€£¥.,/-])(?:${EDGE})?(?:[Tt]he\\s+(?=[0-9]{3}0s))?${YEAR}s?(?:\\s*[-–]\\s*(?:${YEAR}|[0-9]{2}))?(?![\\w%/]|[.,][0-9])`, 'g'),
  // weekdays, with a relative word: Wednesday, last Friday
  new RegExp(`(?<![\\w-])(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]very)\\s+)?(?:${WEEKDAY})s?(?![\\w])`, 'g'),
  // relative periods: this year, last summer, the past two years, earlier this month
  new RegExp(`(?<![\\w-])${RELATIVE}\\s+(?:(?:${NUMBER})\\s+)?(?:${PERIOD})s?(?![\\w])`, 'g'),
  // edges of periods: the end of the year, the beginning of this month
  new RegExp(`(?<![\\w-])(?:[Tt]he\\s+)?(?:end|beginning|start|middle)\\s+of\\s+(?:the|this|last|next)\\s+(?:${PERIOD})(?![\\w])`, 'g'),
  // seasons with the or a year: the summer, summer 2025
  new RegExp(`(?<![\\w-])(?:[Tt]he\\s+(?:${SEASON})(?:\\s+of\\s+${YEAR})?|(?:${SEASON})\\s+${YEAR})(?![\\w])`, 'gi'),
  // spans of time, with a qualifier: two years, three-year, more than three years, 10 days ago
  new RegExp(`(?<![\\w-])(?:${QUALIFIER})?(?:${NUMBER})(?:-|\\s+)(?:${UNIT})s?(?:\\s+ago)?(?![\\w-])`, 'gi'),
  // a coordinated list of months sharing a year: May, June, and July 2025
  new RegExp(`(?<![\\w-])(?:${MONTH})(?:(?:,\\s+|,?\\s+(?:and|or)\\s+)(?:${MONTH}))+(?:,?\\s+${YEAR})(?![\\w])`, 'g'),
  // an ordinal period of something: its third year, the first week
  new RegExp(`(?<![\\w-])(?:[Ii]ts|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\\s+(?:${ORDINAL})\\s+(?:${UNIT})(?![\\w])`, 'g'),
  /(?<![\w-])(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![\w])/g,
]

// "May" alone at a sentence start is more likely the verb than the month
function ambiguousMonth(text: string, start: number, end: number): boolean {
  if (text.slice(start, end) !== 'May') return false
  const before = text.slice(Math.max(0, start - 3), start)
  return start === 0 || /[.!?\n]\s*$/.test(before) || /^["'‘“(]$/.test(before.slice(-1))
}

/** Finds DATE mentions in `text` as half-open UTF-16 spans, sorted and never overlapping (the longest wins). */
export function findDates(text: string): EntitySpan[] {
  const candidates: {start: number; end: number}[] = []
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (ambiguousMonth(text, start, end)) continue
      candidates.push({start, end})
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  const dates: EntitySpan[] = []
  for (const c of candidates) {
    const last = dates[dates.length - 1]
    if (last && c.start < last.end) {
      // overlapping candidates join into one span ("last summer" + "summer 2025")
      if (c.end > last.end) last.end = c.end
      continue
    }
    dates.push({start: c.start, end: c.end, label: 'DATE'})
  }
  return dates
}
