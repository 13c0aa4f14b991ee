/**
 * Rule-based numeric mentions other than dates and money, with OntoNotes' labels: PERCENT ("5.2%", "ten
 * percent"), QUANTITY (a number with a unit of measure: "300 km", "2 million barrels"), TIME (clock times,
 * "noon", "this morning", "tonight"), ORDINAL ("third", "21st") and CARDINAL (any other number: "1,200",
 * "3.5 million", "seven", "dozens"). Qualifiers ("about", "more than") stay outside the span; a sign written flush
 * before a figure in digits is inside it ("-3%", "+4%", "−5 degrees"), by the money finder's rule. A number glued
 * to letters or a hyphenated name ("COVID-19", "F-16", "G7", "5G") is not a mention. Dates and money come from
 * their own finders; overlaps between all of them are settled in the entities stage.
 */
import type {EntitySpan} from '../doc.ts'
import {GROUP_APOSTROPHES, GROUP_SPACES, groupedIntegerSource, hasSignBefore} from '../text/digit-groups.ts'
import {scanTriggers, type Triggers} from '../text/triggers.ts'

// white space inside a mention: at most one line break, so none runs across a blank line into the next paragraph
// ("1a.m." closing one, "local time" opening the next); the lookahead keeps one space required without a second way
// to match the same run (U+2028 and U+2029 break lines as \n does)
const WS0 = '[^\\S\\n\\u2028\\u2029]*(?:[\\n\\u2028\\u2029][^\\S\\n\\u2028\\u2029]*)?'
const WS = `(?=\\s)${WS0}`
const UNITS_1_19 =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety'
const SCALE = 'hundred|thousand|million|billion|trillion'
// a written number: "seven", "twenty-five", "a hundred", "dozens", "hundreds of thousands" is two mentions' worth
const WORD_NUMBER = `(?:(?:${TENS})(?:-(?:${UNITS_1_19.split('|').slice(0, 9).join('|')}))?|${UNITS_1_19}|zero|a dozen|dozens|(?:hundreds|thousands|millions|billions)|a (?:hundred|thousand|million|billion))`
// digits with thousands separators or a decimal part; not glued to letters, hyphens, slashes or other digits. Apostrophe
// and no-break, narrow no-break, thin or figure space groups are read as the money finder reads them, by the same
// grammar (src/text/digit-groups.ts: "1'234'567", "2'710,828", "1\u202f234\u202f567", then a decimal comma "1'234,5" or
// point); without it "1'234'567" was CARDINAL 1 (docs/fuzz.md, numfix) and "1\u202f234\u202f567" three CARDINALs while
// money read "€1\u202f234\u202f567" whole (docs/fuzz.md, numfix2)
/** The regex source (no capture group) of a number in digits as this finder reads it: grouped by commas, apostrophes or no-break spaces, with a decimal part. */
export const DIGITS = `(?:${groupedIntegerSource([...GROUP_APOSTROPHES, ...GROUP_SPACES])}(?:,[0-9]{1,2}(?![0-9])|\\.[0-9]+)?|(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?)`
// an apostrophe between digits: no number starts or (a bare one) ends there, so an ill-formed group leaves no fragment
// ("1'2345", "5'10"), as the money finder starts no figure after one
const APOSTROPHE = `[${GROUP_APOSTROPHES.join('')}]`
const NUMBER = `(?:${DIGITS}|${WORD_NUMBER})(?:${WS}(?:${SCALE}))?`
// a combining mark belongs to the letter before it ("two" + U+0300 is another word, not the number): marks count as letters
// and a currency symbol before the number, attached or one space away ("€ 1 metre" is an amount, as "€1 metre" is: the
// QUANTITY "1 metre" won the overlap and the money figure € 1 had no MONEY entity, fuzz seed 5001004)
// a hyphen keeps a number out only when glued to a word or number before it ("COVID-19", "F-16", "1990-91"): after a
// space or a percent sign it is a minus or a range's dash ("fell -3.5%", "10%-15%", "-5 degrees" had no mention)
const BEFORE = `(?<![\\p{L}\\p{M}\\p{N}/.,$€£¥₽₴₹])(?<![\\p{L}\\p{M}\\p{N}]-)(?<![$€£¥₽₴₹][ \\u00a0\\u2007\\u2009\\u202f])(?<![0-9]${APOSTROPHE})`
// a currency symbol before a percentage does not make it money ("$ 3%", "EUR 3.5% notes": docs/fuzz.md, numfix (c)):
// the PERCENT rule's lookbehind is BEFORE without the symbols
const BEFORE_PERCENT = `(?<![\\p{L}\\p{M}\\p{N}/.,])(?<![\\p{L}\\p{M}\\p{N}]-)(?<![0-9]${APOSTROPHE})`
// what ends a percentage after its number: a percent sign (after white space; with any combining marks written on it,
// which are the sign's: a PERCENT ended before them, fuzz8) or word
const PERCENT_END = `(?:${WS0}%\\p{M}*|${WS}(?:percent|per cent|pct|percentage points?)(?![\\p{L}\\p{M}]))`
const PERCENT_AT = new RegExp(PERCENT_END, 'iuy')
const AFTER_NUMBER = `(?![\\p{L}\\p{M}\\p{N}/]|[.,][0-9]|-[\\p{L}\\p{N}]|${APOSTROPHE}[0-9])`

const UNIT = [
  'kilometres?', 'kilometers?', 'km', 'miles?', 'metres?', 'meters?', 'centimetres?', 'centimeters?', 'cm', 'mm',
  'feet', 'foot', 'ft', 'inches', 'inch', 'yards?', 'square (?:kilometres?|kilometers?|km|miles?|metres?|meters?|feet)',
  'sq km', 'hectares?', 'acres?', 'kilograms?', 'kg', 'grams?', 'tonnes?', 'tons?', 'metric tons?', 'ounces?', 'oz',
  'lbs?', 'litres?', 'liters?', 'gallons?', 'barrels?', 'bpd', 'cubic (?:metres?|meters?|feet)', 'bcm',
  'megawatts?', 'gigawatts?', 'kilowatts?', 'MW', 'GW', 'kW', 'kWh', 'MWh', 'GWh', 'TWh', 'watts?',
  'degrees(?: (?:Celsius|Fahrenheit|C|F))?', '°[CF]?', 'knots?', 'mph', 'km/h', 'kph', 'calories', 'megabytes?',
  'gigabytes?', 'terabytes?', 'MB', 'GB', 'TB', 'decibels?',
].join('|')

const ORDINAL_WORDS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|' +
  'fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|hundredth|thousandth'
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'

interface NumberRule {
  label: EntitySpan['label']
  pattern: RegExp
}

// tried in order at each candidate start; the first match wins there (case-insensitive unless a unit needs case)
const RULES: NumberRule[] = [
  // (a range glued by a hyphen or dash is one mention: "5-7%", "2.5–3 percent")
  {label: 'PERCENT', pattern: new RegExp(`${BEFORE_PERCENT}(?:${DIGITS}[-–])?${NUMBER}${PERCENT_END}`, 'iuy')},
  // (a unit letter glued to a dollar sign is a currency's prefix: "8 degrees C$7" is 8 degrees and C$7, fuzz seed 7000853)
  {label: 'QUANTITY', pattern: new RegExp(`${BEFORE}${NUMBER}(?:${WS}|-)(?:${UNIT})(?![\\p{L}\\p{M}\\p{N}$])`, 'uy')},
  // (combining marks on a clock time's last digit or on the full stop of "p.m." are theirs, as a letter may follow a
  // time, "6:28h", and the TIME ended before them; a zone is a whole word: fuzz8)
  {
    label: 'TIME',
    pattern: new RegExp(
      `${BEFORE}(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,3})?)?\\p{M}*(?![0-9\\p{M}]|:[0-9])(?:${WS0}(?:[ap]\\.m\\.\\p{M}*|[ap]m(?![\\p{L}\\p{M}])))?|(?:1[0-2]|0?[1-9])${WS0}(?:[ap]\\.m\\.\\p{M}*|[ap]m(?![\\p{L}\\p{M}]))|(?:1[0-2]|0?[1-9]|${UNITS_1_19.split('|').slice(0, 12).join('|')})${WS}o['’]clock)` +
        `(?:${WS}(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|(?:local|Moscow|Kyiv|Kiev) time)(?![\\p{L}\\p{M}]))?`,
      'iuy',
    ),
  },
  {
    label: 'TIME',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{M}])(?:(?:(?:[Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast|${WEEKDAY})${WS}(?:morning|afternoon|evening|night))|[Tt]onight|[Nn]oon|[Mm]idnight)(?![\\p{L}\\p{M}])`,
      'uy',
    ),
  },
  {label: 'ORDINAL', pattern: new RegExp(`${BEFORE}(?:[0-9]+(?:st|nd|rd|th)|(?:${ORDINAL_WORDS}))(?![\\p{L}\\p{M}\\p{N}])`, 'iuy')},
  {label: 'CARDINAL', pattern: new RegExp(`${BEFORE}${NUMBER}${AFTER_NUMBER}`, 'iuy')},
]

// which rules a trigger wakes, as bit masks over RULES: digits try every rule, words only the rules they can start
const ALL_RULES = (1 << RULES.length) - 1
const maskOf = (...labels: EntitySpan['label'][]) => RULES.reduce((mask, rule, r) => (labels.includes(rule.label) ? mask | (1 << r) : mask), 0)
const RULES_BY_WORD = new Map<string, number>()
for (const word of [...UNITS_1_19.split('|'), ...TENS.split('|'), 'zero', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'a']) {
  RULES_BY_WORD.set(word, maskOf('PERCENT', 'QUANTITY', 'TIME', 'CARDINAL'))
}
for (const word of ORDINAL_WORDS.split('|')) RULES_BY_WORD.set(word, maskOf('ORDINAL'))
for (const word of ['this', 'yesterday', 'tomorrow', 'last', ...WEEKDAY.toLowerCase().split('|'), 'tonight', 'noon', 'midnight']) {
  RULES_BY_WORD.set(word, maskOf('TIME'))
}
// where a rule may start: a digit, or a whole trigger word; without the u flag \b and case folding are ASCII-only,
// and each rule's own lookbehind then checks the Unicode boundary
const TRIGGER = new RegExp(triggerSource([...RULES_BY_WORD.keys()].filter((w) => w !== 'a')), 'gi')

/**
 * The source of a trigger regex (flags gi) for the number rules and `words`: a digit, "a " before a scale word, or a
 * whole word of `words`, each after a non-word character; "a " is tried before the words, so a scan with more words
 * (the dates' too) still finds it.
 */
export function triggerSource(words: readonly string[]): string {
  return `\\b(?:[0-9]|a (?=dozen|hundred|thousand|million|billion)|(?:${words.join('|')})(?![A-Za-z]))`
}

// words that look like numbers but are not counted things here
function excluded(text: string, start: number, end: number, label: EntitySpan['label']): boolean {
  const word = text.slice(start, end).toLowerCase()
  const before = text.slice(Math.max(0, start - 12), start).toLowerCase()
  if (label === 'CARDINAL' && word === 'one') {
    // pronoun uses: "no one", "the one who", "one another", "this one"
    if (/\b(?:no|any|every|each|the|this|that|which|someone|someone's)\s+$/.test(before)) return true
    if (/^\s+another\b/i.test(text.slice(end, end + 9))) return true
  }
  // "per second", "a split second", "for a second.": the unit of time, not an ordinal ("a second term" is one)
  if (label === 'ORDINAL' && word === 'second') {
    if (/\b(?:per|split)\s+$/.test(before)) return true
    if (/\b(?:a|one)\s+$/.test(before) && /^(?:\s*[.,;:!?)]|\s*$|\s+(?:or|later|ago|and|before|after|to|for|of|in)\b)/.test(text.slice(end, end + 8))) return true
  }
  // "first" as a sentence adverb ("First, ...") is still counted, as OntoNotes does
  return false
}

/**
 * Whether a percent sign (after white space) or a percent word ("percent", "per cent", "pct", "percentage points") starts
 * at `at`: the number ending there is a percentage, never an amount, whatever stands before it.
 */
export function isPercentAt(text: string, at: number): boolean {
  PERCENT_AT.lastIndex = at
  return PERCENT_AT.test(text)
}

/** The words that wake some number rule (lower case; "a" only as "a " before dozen, hundred, ...); a digit wakes them all. */
export const NUMBER_TRIGGER_WORDS: readonly string[] = [...RULES_BY_WORD.keys()]

/**
 * Finds PERCENT, QUANTITY, TIME, ORDINAL and CARDINAL mentions in `text` as sorted, non-overlapping UTF-16 spans.
 * `triggers`, when given, are a scan of `text` (src/text/triggers.ts) that holds at least every trigger this
 * finder's own scan would find: every digit, "a " before a scale word and {@link NUMBER_TRIGGER_WORDS} word
 * starting after a non-word character.
 */
export function findNumbers(text: string, triggers?: Triggers): EntitySpan[] {
  const found: EntitySpan[] = []
  if (triggers === undefined) {
    findFrom(text, 0, found)
    return found
  }
  const {count, starts, ends, words} = triggers
  // after a number, the scan goes on from its end (as TRIGGER.lastIndex = end does)
  let from = 0
  for (let t = 0; t < count; t++) {
    const p = starts[t]!
    if (p < from) {
      // a trigger across the end of a number: this finder's own scan, restarted there, could find one inside it
      if (ends[t]! > from) {
        findFrom(text, from, found)
        return found
      }
      continue
    }
    const word = words[t]!
    // "a" wakes the rules only as the "a " of "a dozen", "a hundred"...
    const mask = word === '' ? ALL_RULES : word === 'a' && ends[t]! - p !== 2 ? 0 : (RULES_BY_WORD.get(word) ?? 0)
    const end = numberAt(text, p, mask, found)
    if (end > 0) from = end
  }
  return found
}

// this finder's own scan from `from` on, adding what it finds to `found`
function findFrom(text: string, from: number, found: EntitySpan[]): void {
  TRIGGER.lastIndex = from
  for (let m = TRIGGER.exec(text); m !== null; m = TRIGGER.exec(text)) {
    const p = m.index
    const mask = text.charCodeAt(p) <= 57 ? ALL_RULES : (RULES_BY_WORD.get(m[0].trimEnd().toLowerCase()) ?? 0)
    const end = numberAt(text, p, mask, found)
    if (end > 0) TRIGGER.lastIndex = end
  }
}

// a sign written flush before a percentage, quantity or count in digits is its own ("fell -3.5%", "+4%", "-5 degrees"),
// by the money finder's rule (src/text/digit-groups.ts; docs/fuzz.md, fuzz7: "-3%" in a table was PERCENT 3%)
function signed(text: string, p: number, label: EntitySpan['label'], found: readonly EntitySpan[]): boolean {
  if (label !== 'PERCENT' && label !== 'QUANTITY' && label !== 'CARDINAL') return false
  const c = text.charCodeAt(p)
  if (c < 48 || c > 57 || !hasSignBefore(text, p)) return false
  return found.length === 0 || found[found.length - 1]!.end < p
}

// the first rule in `mask` that matches at `p`: its span is added to `found` and its end returned; -1 when none does
// (or the match is excluded)
function numberAt(text: string, p: number, mask: number, found: EntitySpan[]): number {
  for (let r = 0; r < RULES.length; r++) {
    if ((mask & (1 << r)) === 0) continue
    const rule = RULES[r]
    // a sticky test() matches at p or not at all, leaves lastIndex at the match's end, and makes no match object
    rule.pattern.lastIndex = p
    if (!rule.pattern.test(text)) continue
    const end = rule.pattern.lastIndex
    if (excluded(text, p, end, rule.label)) return -1
    found.push({start: signed(text, p, rule.label, found) ? p - 1 : p, end, label: rule.label})
    return end
  }
  return -1
}
