/**
 * What every part of the money scanner shares: character and word-hash tables, the lexicon's lists as
 * module constants, and the shapes of markers, numerals and figures.
 */
import {CHAR_LOWER, LETTER_LOWER, isLetterOrMark} from '../text/chars.ts'
import {GROUP_APOSTROPHES, GROUP_SPACES} from '../text/digit-groups.ts'
import type {Word as TextWord} from '../text/words.ts'
import * as decimal from './decimal.ts'
import type {Decimal} from './decimal.ts'
import * as lexicon from './lexicon.ts'
import type {CurrencyName, QualifierKind} from './lexicon.ts'
import * as written from './written.ts'

// imported bindings copied to module constants: the hot loop should not go through namespace getters
export const {addDecimal, compareDecimal, decimalFromDigits, formatDecimal, shiftDecimal} = decimal
export const {
  AMBIGUOUS_CODES, ATTACHED_ONLY_MAGNITUDES, CAPITAL_ONLY_PREFIXES, CENT_SIGN, CHANGE_WORDS, CURRENCY_ALIASES,
  CURRENCY_NAMES, DEFAULT_DOLLAR, DOLLAR_PREFIXES, ISO_CODES, LOWERCASE_CODES, MAGNITUDES, MAX_NAME_LENGTH,
  MINOR_PLACES, NAME_DETERMINERS, NON_MONEY_UNITS, OTHER_SYMBOL_PREFIXES, OVER_AS_ABOUT, POST_QUALIFIERS,
  PREFIX_ONLY_ALIASES, QUALIFIERS, RATE_UNITS, SPACED_DOLLAR_PREFIXES, SUFFIX_ONLY_ALIASES, SYMBOLS, TIME_FOLLOWERS,
  TIME_UNITS, US_PREFIX_CONTEXT, VIDEO_RESOLUTIONS, WEIGHT_WORDS,
} = lexicon
export const {isNumberWord, parseWrittenNumber} = written



// the project's character table (src/text/chars.ts), read the way the money scanner needs it
/** Lower case of each code unit, for word hashes. */
export const LOWER = CHAR_LOWER

/** Lower case of each letter or mark, 0 for every other code unit: whether a unit continues a word and its hash input, in one read. */
export const WORD_LOWER = LETTER_LOWER

/** Whether a code unit is an ASCII digit: figures are read in ASCII digits only. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Whether a code unit may be part of a currency or number word: a letter or a combining mark. */
export const isLetter = isLetterOrMark

/** Whether a code unit is a space that may sit inside a figure or between it and its currency (not a line break). */
export function isFigureSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x2007
}

/** A word's hash over its lower case (31-multiplier string hash), the key of the word-hash sets below. */
export function hashWord(word: string): number {
  let h = 0
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + LOWER[word.charCodeAt(i)]) | 0
  return h
}

/** The hashes of a list of words, so a scan can test a word without slicing it. */
export const hashSet = (words: Iterable<string>): Set<number> => new Set([...words].map(hashWord))
/** Hashes of every currency word, so the scan can skip other words without slicing them. */
export const TRIGGERS = hashSet(CURRENCY_NAMES.keys())
// the same trick for every other word list consulted around a number
/** Hashes of the magnitude words (`million`, `bn`, `crore`). */
export const MAGNITUDE_HASHES = hashSet(MAGNITUDES.keys())
/** Hashes of the currency markers written as words: ISO codes (and `M` + code), aliases and lowercase codes. */
export const MARKER_HASHES = hashSet([...[...ISO_CODES].flatMap((code) => [code, `M${code}`]), ...CURRENCY_ALIASES.keys(), ...LOWERCASE_CODES])
/** Hashes of the last word of each qualifier phrase (`than` of `more than`), where a backwards search starts. */
export const QUALIFIER_LAST_HASHES = hashSet([...QUALIFIERS.keys()].map((phrase) => phrase.slice(phrase.lastIndexOf(' ') + 1)))
/** Hashes of the qualifier phrases as written (`about`, `more than`), matched from a phrase's last word back. */
export const QUALIFIER_HASHES = hashSet(QUALIFIERS.keys())
/** Hashes of the words after a plain number that rule it out as one end of a range (`percent`, `points`, `years`). */
export const NON_MONEY_HASHES = hashSet(NON_MONEY_UNITS)
/** Hashes of the words that may open a written minor amount after a major one (`and`, units, tens). */
export const COMBO_START_HASHES = hashSet(['and', ...lexicon.UNIT_WORDS.keys(), ...lexicon.TENS_WORDS.keys()])
/** Hashes of the words that join the two ends of a range (`to`, `and`). */
export const CONNECTOR_HASHES = hashSet(['to', 'and'])
/** Hashes of every national adjective a currency name takes (`Canadian` of `Canadian dollars`). */
export const ADJECTIVE_HASHES = hashSet([...CURRENCY_NAMES.values()].flatMap((name) => [...name.adjectives.keys()]))
/** Hashes of the first words (up to a dot) of national adjectives: a word after a number that is neither this nor a currency ends the search. */
export const ADJECTIVE_FIRST_HASHES = hashSet(
  [...CURRENCY_NAMES.values()].flatMap((name) => [...name.adjectives.keys()].map((phrase) => phrase.split(/[ .]/)[0]!)),
)

/** The longest word the scanner reads back over when it looks for a word before a figure, in code units. */
export const MAX_WORD = 24
/** The most integer digits a figure may have. */
export const MAX_INT_DIGITS = 24
/** The most decimal digits a figure may have. */
export const MAX_FRACTION_DIGITS = 20
/** The most words a written number (`two hundred and fifty`) may run to. */
export const MAX_WRITTEN_WORDS = 12

/** Hyphen, en dash, em dash and minus sign: what joins the two ends of a range. */
export const DASHES = new Set([0x2d, 0x2013, 0x2014, 0x2212])
/** The narrow and no-break spaces that may group a figure's thousands (src/text/digit-groups.ts). */
export const NBSP_GROUPS = new Set(GROUP_SPACES.map((s) => s.charCodeAt(0)))
/** The straight and curly apostrophes: a thousands separator (Swiss style) or an elided century (`'90s`). */
export const APOSTROPHES = new Set(GROUP_APOSTROPHES.map((s) => s.charCodeAt(0)))

/** A currency marker found next to a number. */
export interface Marker {
  iso: string
  assumed: boolean
  /** decimal places to shift for minor units (cents: 2) */
  minor: number
  /** an ambiguous code, alias or name: needs a magnitude, grouped digits or two decimals */
  weak: boolean
  start: number
  end: number
  kind: 'symbol' | 'code' | 'alias' | 'name' | 'minor'
  name?: CurrencyName
  /** a magnitude the marker carries ("MEUR") */
  pow: number
  /** a national adjective was written ("Canadian dollars") */
  adjective: boolean
}

/** A number written in digits; its exact value is built only when a figure needs it. */
export interface Numeral {
  start: number
  end: number
  /** the digits before the decimal mark when grouping had to be removed, else null (read from the text) */
  integer: string | null
  /** end of the ungrouped integer digits */
  intEnd: number
  fraction: string
  grouped: boolean
  decimals: number
  intDigits: number
  yearLike: boolean
}

/** A monetary figure while it is being built. */
export interface Figure {
  start: number
  end: number
  value: Decimal
  /** the number before its magnitude (6 in "6 billion"), to share magnitudes across a range */
  raw: Decimal
  pow: number
  iso: string
  assumed: boolean
  minor: number
  qualifier?: string
  bound?: QualifierKind
  min?: Decimal
  max?: Decimal
  per?: string
  equivalentOf?: number
  range: boolean
}

/** A number with no currency, kept in case the next figure makes it one end of a range. */
export interface Bare {
  start: number
  end: number
  integer: string | null
  intEnd: number
  fraction: string
  pow: number
}

/** A word next to a figure, as the money scanner reads it: the project's word shape (src/text/words.ts), offsets and lower case only. */
export type Word = Pick<TextWord, 'start' | 'end' | 'lower'>

/** What the marker reader returns when the word at hand rules out a figure there, so the scan skips the token. */
export const REJECT = 'reject' as const

/** Words that need the next word to name a rate's unit ("square foot", "thousand cubic feet"). */
export const UNIT_MODIFIERS: ReadonlySet<string> = new Set(['square', 'cubic', 'metric', 'thousand', 'million', 'hundred', 'short', 'long'])

/** Codes a bare "$" may be followed by ("$5 USD", "$5 CAD"). */
export const DOLLAR_CODES: ReadonlySet<string> = new Set(['USD', ...DOLLAR_PREFIXES.values(), ...(CURRENCY_NAMES.get('dollar')?.adjectives.values() ?? [])])

/** A unit or tens word (forty, two): how a minor amount after a major one is written. */
export function isCountWord(word: string): boolean {
  return isNumberWord(word) && word !== 'hundred' && word !== 'half' && word !== 'quarter' && !MAGNITUDES.has(word)
}
