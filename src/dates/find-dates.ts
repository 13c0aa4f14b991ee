/**
 * Rule-based DATE mentions, with an OntoNotes-like extent: calendar dates ("November 13, 2025", "13 November"),
 * months and years ("February 2025", "2022", "mid-December", "the 1990s"), weekdays ("Wednesday"), and relative
 * or vague periods ("this year", "last summer", "the end of the year", "two years ago", "three-year").
 * A span keeps its modifiers (last, this, early, mid-, the end of) but not a preposition before it ("on",
 * "in", "since") nor a possessive after it ("this year's" -> "this year"). Times of day are not dates.
 */
import type {EntitySpan} from '../doc.ts'
import {DIGITS} from '../numbers/find-numbers.ts'
import {isRegexSpace} from '../text/chars.ts'
import {scanTriggers, type Triggers} from '../text/triggers.ts'
import {CALENDAR_PATTERNS, findCalendarDateEnd} from './find-calendar-date.ts'
import {EDGE, MONTH, MONTH_ABBR, WEEKDAY, WS, WS0, YEAR} from './patterns.ts'
import {recaseAllCaps} from '../text/all-caps.ts'

const NUMBER_WORD = 'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|many'
// a number in digits as the number finder reads it, grouped and with decimals ("2,000 years", "1.5 years", "6'490 years":
// read from their last digits they were DATEs "000 years", "5 years", "490 years"; docs/fuzz.md, numfix)
const NUMBER = `${NUMBER_WORD}|${DIGITS}`
const QUALIFIER = `(?:more than|less than|fewer than|over|nearly|almost|about|around|at least|up to)${WS}`
const ORDINAL = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]+(?:st|nd|rd|th)'
const UNIT = 'day|week|month|year|decade|century'
const PERIOD = 'year|month|week|weekend|summer|winter|spring|autumn|fall|decade|century|quarter|season'
const SEASON = 'summer|winter|spring|autumn'
const RELATIVE = `(?:[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious|[Ee]arlier${WS}this|[Ll]ater${WS}this|[Ee]arly${WS}this|[Ee]arly${WS}next|[Ll]ate${WS}last|[Tt]he${WS}(?:past|coming|next|last|previous|same))`

const lower = (alternation: string) => alternation.toLowerCase().split('|')
const plural = (words: string[]) => words.map((w) => `${w}s`)
const EDGE_WORDS = ['early', 'late', 'mid', 'the', 'end', 'beginning', 'start', 'middle', 'first', 'second']
const NUMBER_WORDS = lower(NUMBER_WORD).filter((w) => /^[a-z]/.test(w)).map((w) => w.split(' ')[0])
const QUALIFIER_WORDS = ['more', 'less', 'fewer', 'over', 'nearly', 'almost', 'about', 'around', 'at', 'up']

/**
 * One DATE pattern and the first words its matches can start with: every pattern begins with a word character
 * after a non-word one, so it is only tried where a word in `words` (lowercase ASCII letters up to the first
 * non-letter) or, with `digits`, a digit starts. A pattern's plural or case variants must be listed.
 */
export interface DateRule {
  pattern: RegExp
  words: readonly string[]
  digits: boolean
  /** A calendar rule, read by `findCalendarDateEnd` (src/dates/find-calendar-date.ts) in this form through `pattern`. */
  form?: 'numeric' | 'written'
}

const RULES: DateRule[] = [
  // calendar dates, read by the calendar reader (shared with the money scanner): numeric (2025-11-13, 13/11/2025,
  // 11/13/25) and written (November 13, 2025; Nov. 8; 13 November; Monday, early November), each its own rule as before
  {pattern: CALENDAR_PATTERNS.numeric, words: [], digits: true, form: 'numeric'},
  {
    pattern: CALENDAR_PATTERNS.written,
    words: [...lower(WEEKDAY), ...EDGE_WORDS, ...lower(MONTH), ...lower(MONTH_ABBR)],
    digits: true,
    form: 'written',
  },
  // years and decades, with an edge or a range: 2022, mid-2025, 2014-2022, the 1990s
  {
    // (nor one a space after a currency symbol: "€ 1996-08" is an amount, as the number finder reads it; fuzz seed 12011190)
    pattern: new RegExp(`(?<![\\w$€£¥.,/-])(?<![$€£¥₽₴₹][ \\u00a0\\u2007\\u2009\\u202f])(?:${EDGE})?(?:[Tt]he${WS}(?=[0-9]{3}0s))?${YEAR}s?(?:${WS0}[-–]${WS0}(?:${YEAR}|[0-9]{2}))?(?![\\w%/]|[.,][0-9])`, 'y'),
    words: EDGE_WORDS,
    digits: true,
  },
  // weekdays, with a relative word: Wednesday, last Friday
  {
    pattern: new RegExp(`(?<![\\w-])(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]very)${WS})?(?:${WEEKDAY})s?(?![\\w])`, 'y'),
    words: ['last', 'next', 'this', 'every', ...lower(WEEKDAY), ...plural(lower(WEEKDAY))],
    digits: false,
  },
  // relative periods: this year, last summer, the past two years, earlier this month
  {
    pattern: new RegExp(`(?<![\\w-])${RELATIVE}${WS}(?:(?:${NUMBER})${WS})?(?:${PERIOD})s?(?![\\w])`, 'y'),
    words: ['this', 'last', 'next', 'past', 'coming', 'previous', 'earlier', 'later', 'early', 'late', 'the'],
    digits: false,
  },
  // edges of periods: the end of the year, the beginning of this month
  {
    pattern: new RegExp(`(?<![\\w-])(?:[Tt]he${WS})?(?:end|beginning|start|middle)${WS}of${WS}(?:the|this|last|next)${WS}(?:${PERIOD})(?![\\w])`, 'y'),
    words: ['the', 'end', 'beginning', 'start', 'middle'],
    digits: false,
  },
  // seasons with the or a year: the summer, summer 2025
  {
    pattern: new RegExp(`(?<![\\w-])(?:[Tt]he${WS}(?:${SEASON})(?:${WS}of${WS}${YEAR})?|(?:${SEASON})${WS}${YEAR})(?![\\w])`, 'iy'),
    words: ['the', ...lower(SEASON)],
    digits: false,
  },
  // spans of time, with a qualifier: two years, three-year, more than three years, 10 days ago, none starting inside a
  // figure ("2,000 years", "6'490 years"); an amount's number is
  // none ("$4 year", "a $5-year plan", "€10 years ago": the DATE took the figure and money had no MONEY entity; fuzz
  // seed 9001776), attached or one space away ("$ 4 year"), as the number finder reads it
  {
    pattern: new RegExp(`(?<![\\w$€£¥₽₴₹-])(?<![$€£¥₽₴₹][ \\u00a0\\u2007\\u2009\\u202f])(?<![0-9][.,'’])(?:${QUALIFIER})?(?:${NUMBER})(?:-|${WS})(?:${UNIT})s?(?:${WS}ago)?(?![\\w-])`, 'iy'),
    words: [...QUALIFIER_WORDS, ...NUMBER_WORDS],
    digits: true,
  },
  // a coordinated list of months sharing a year: May, June, and July 2025
  {
    pattern: new RegExp(`(?<![\\w-])(?:${MONTH})(?:(?:,${WS}|,?${WS}(?:and|or)${WS})(?:${MONTH}))+(?:,?${WS}${YEAR})(?![\\w])`, 'y'),
    words: lower(MONTH),
    digits: false,
  },
  // an ordinal period of something: its third year, the first week
  {
    pattern: new RegExp(`(?<![\\w-])(?:[Ii]ts|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)${WS}(?:${ORDINAL})${WS}(?:${UNIT})(?![\\w])`, 'y'),
    words: ['its', 'the', 'their', 'his', 'her', 'our'],
    digits: false,
  },
  {pattern: /(?<![\w-])(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![\w])/y, words: ['today', 'yesterday', 'tomorrow'], digits: false},
]

/** The DATE patterns (sticky) with the words that wake them; exported so tests can check that every match starts at one. */
export const DATE_RULES: readonly DateRule[] = RULES

// rules by trigger word, as a bit mask over RULES
const RULES_BY_WORD = new Map<string, number>()
let DIGIT_RULES = 0
RULES.forEach((rule, r) => {
  if (rule.digits) DIGIT_RULES |= 1 << r
  for (const word of rule.words) RULES_BY_WORD.set(word, (RULES_BY_WORD.get(word) ?? 0) | (1 << r))
})
// where some rule may start: a digit or a whole trigger word (up to the next non-letter) after a non-word character;
// without the u flag, \b and case folding are ASCII-only, as in the rules
const TRIGGER = new RegExp(`\\b(?:[0-9]|(?:${[...RULES_BY_WORD.keys()].join('|')})(?![A-Za-z]))`, 'gi')

// "May" alone at a sentence start is more likely the verb than the month
function ambiguousMonth(text: string, start: number, end: number): boolean {
  if (text.slice(start, end) !== 'May') return false
  const before = text.slice(Math.max(0, start - 3), start)
  return start === 0 || /[.!?\n]\s*$/.test(before) || /^["'‘“(]$/.test(before.slice(-1))
}

// what may follow "the" (after whitespace; any case) in every rule "the" wakes: "the end of", "the first half of",
// "the past two years", "the same month", "the summer", "the third week", or a number ("the 1990s", "the 3rd day")
const AFTER_THE = new Set([
  'end', 'beginning', 'start', 'middle', 'first', 'second', 'past', 'coming', 'next', 'last', 'previous', 'same',
  ...lower(SEASON), ...lower(ORDINAL).filter((w) => /^[a-z]+$/.test(w)),
])
const LONGEST_AFTER_THE = Math.max(...[...AFTER_THE].map((w) => w.length))
// the same words by length (every length up to one past the longest has its list, so no read falls outside)
const AFTER_THE_BY_LENGTH: string[][] = Array.from({length: LONGEST_AFTER_THE + 2}, () => [])
for (const word of AFTER_THE) AFTER_THE_BY_LENGTH[word.length]!.push(word)

/** Whether the word after "the" ending at `at` may continue a DATE: "the" is the commonest trigger and mostly starts none. */
function mayFollowThe(text: string, at: number): boolean {
  let i = at
  if (i >= text.length || !isRegexSpace(text.charCodeAt(i))) return false
  while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++
  const code = text.charCodeAt(i)
  if (code >= 48 && code <= 57) return true
  let end = i
  while (end < text.length && end - i <= LONGEST_AFTER_THE && isAsciiLetter(text.charCodeAt(end))) end++
  return end > i && isAfterTheAt(text, i, end)
}

// whether the ASCII letters text[start, end) are, in any case, a word of AFTER_THE: what
// `AFTER_THE.has(text.slice(start, end).toLowerCase())` answers, without a string per "the" (the commonest trigger)
function isAfterTheAt(text: string, start: number, end: number): boolean {
  for (const word of AFTER_THE_BY_LENGTH[end - start]!) {
    let k = 0
    while (k < word.length && word.charCodeAt(k) === (text.charCodeAt(start + k) | 0x20)) k++
    if (k === word.length) return true
  }
  return false
}

const MARK = /\p{M}/u

// a combining mark belongs to the letter before it: "Monday" + U+0301 is another word, and a span ending before the
// mark would cut the letter in two (the rules' \w lookaheads are ASCII; marks start at U+0300)
function endsBeforeMark(text: string, end: number): boolean {
  return end < text.length && text.charCodeAt(end) >= 0x300 && MARK.test(text[end]!)
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

// the words a date writes with a capital, lower case: in an all-caps text they are the only capitals the rules read
const CAPITALISED = new Set(lower(`${MONTH}|${MONTH_ABBR}|${WEEKDAY}`).flatMap((w) => [w, `${w}s`]))

/**
 * A same-length copy of an all-caps text (src/text/all-caps.ts) cased as the DATE rules read prose: month and weekday
 * names capitalised, every other word lowercase ("ON TUESDAY, JUNE 5" reads "on Tuesday, June 5").
 */
export function caseDateWords(text: string): string {
  return recaseAllCaps(text, (t, start, end) => {
    if (end - start > 10) return false
    const word = t.slice(start, end).toLowerCase()
    if (!CAPITALISED.has(word)) return false
    // "MAY" and "MARCH" are verbs and nouns too ("THE REASON MAY BE"): a month only before a number or after a word
    // that leads into a time ("IN MAY", "SINCE MARCH", "MID-MARCH")
    if (word !== 'may' && word !== 'march') return true
    if (/^[^\S\n]*[0-9]/.test(t.slice(end, end + 4))) return true
    const before = /([A-Za-z]+)[^\S\n]*-?$/.exec(t.slice(Math.max(0, start - 12), start))
    return before !== null && LEADS_INTO_MONTH.has(before[1]!.toLowerCase())
  })
}

// the words a bare month name follows as a date
const LEADS_INTO_MONTH = new Set(['in', 'since', 'until', 'till', 'by', 'of', 'early', 'late', 'mid', 'last', 'next', 'this', 'from', 'through', 'to', 'and', 'or', 'before', 'after', 'during', 'between'])

/** The words that wake some DATE rule (lower case); a digit wakes them too. */
export const DATE_TRIGGER_WORDS: readonly string[] = [...RULES_BY_WORD.keys()]

/**
 * Finds DATE mentions in `text` as half-open UTF-16 spans, sorted and never overlapping (the longest wins).
 * `triggers`, when given, are a scan of `text` (src/text/triggers.ts) that holds at least every digit and
 * {@link DATE_TRIGGER_WORDS} word starting after a non-word character, as this finder's own scan would find them.
 */
export function findDates(text: string, triggers?: Triggers): EntitySpan[] {
  const candidates: {start: number; end: number}[] = []
  // per rule, where its previous match ended: like a global regex, matches of one rule never overlap
  const resume = new Int32Array(RULES.length)
  const {count, starts, words} = triggers ?? scanTriggers(TRIGGER, text)
  for (let t = 0; t < count; t++) {
    const p = starts[t]!
    const word = words[t]!
    if (word === 'the' && !mayFollowThe(text, p + 3)) continue
    let mask = word === '' ? DIGIT_RULES : (RULES_BY_WORD.get(word) ?? 0)
    for (let r = 0; mask !== 0; r++, mask >>>= 1) {
      if ((mask & 1) === 0 || p < resume[r]) continue
      const rule = RULES[r]!
      let end: number
      if (rule.form !== undefined) {
        end = findCalendarDateEnd(text, p, rule.form)
        if (end < 0) continue
      } else {
        const pattern = rule.pattern
        // a sticky test() matches at p or not at all, leaves lastIndex at the match's end, and makes no match object
        pattern.lastIndex = p
        if (!pattern.test(text)) continue
        end = pattern.lastIndex
      }
      resume[r] = end
      if (ambiguousMonth(text, p, end) || endsBeforeMark(text, end)) continue
      candidates.push({start: p, end})
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
