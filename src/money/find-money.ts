import type {Money} from '../doc.ts'
import * as decimal from './decimal.ts'
import type {Decimal} from './decimal.ts'
import * as lexicon from './lexicon.ts'
import type {CurrencyName, QualifierKind} from './lexicon.ts'
import * as written from './written.ts'

// imported bindings copied to module constants: the hot loop should not go through namespace getters
const {addDecimal, compareDecimal, decimalFromDigits, formatDecimal, shiftDecimal} = decimal
const {
  AMBIGUOUS_CODES, ATTACHED_ONLY_MAGNITUDES, CAPITAL_ONLY_PREFIXES, CENT_SIGN, CHANGE_WORDS, CURRENCY_ALIASES,
  CURRENCY_NAMES, DEFAULT_DOLLAR, DOLLAR_PREFIXES, ISO_CODES, LOWERCASE_CODES, MAGNITUDES, MAX_NAME_LENGTH,
  MINOR_PLACES, NAME_DETERMINERS, NON_MONEY_UNITS, OTHER_SYMBOL_PREFIXES, OVER_AS_ABOUT, POST_QUALIFIERS,
  PREFIX_ONLY_ALIASES, QUALIFIERS, RATE_UNITS, SPACED_DOLLAR_PREFIXES, SUFFIX_ONLY_ALIASES, SYMBOLS, TIME_FOLLOWERS,
  TIME_UNITS, US_PREFIX_CONTEXT, VIDEO_RESOLUTIONS, WEIGHT_WORDS,
} = lexicon
const {isNumberWord, parseWrittenNumber} = written

/*
 * One left-to-right pass over the text. The loop only stops at digits and at words whose hash is a
 * currency word's; everything else costs one table lookup per character. Around each stop the parser
 * looks a bounded distance left and right (prefix currency, magnitude, suffix currency, qualifier,
 * range partner, rate), never rescans what it has consumed, and never uses a backtracking regex,
 * so time is linear in the input whatever it holds.
 */

/** Options for {@link findMoney}. */
export interface FindMoneyOptions {
  /** ISO code a bare `$`, "dollars" or "cents" resolves to (default USD); such figures are marked currencyAssumed */
  defaultDollar?: string
}

// character classes
const OTHER = 0
const LETTER = 1
const DIGIT = 2
const SPACE = 3

const CLASS = new Uint8Array(65536)
const LOWER = new Uint16Array(65536)
{
  const letter = /[\p{L}\p{M}]/u
  for (let c = 0; c < 65536; c++) {
    const ch = String.fromCharCode(c)
    if (c >= 48 && c <= 57) CLASS[c] = DIGIT
    else if (c >= 0xd800 && c <= 0xdfff) CLASS[c] = OTHER
    else if (letter.test(ch)) CLASS[c] = LETTER
    else if (c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007) CLASS[c] = SPACE
    const lower = ch.toLowerCase()
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c
  }
}

function hashWord(word: string): number {
  let h = 0
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + LOWER[word.charCodeAt(i)]) | 0
  return h
}

const hashSet = (words: Iterable<string>): Set<number> => new Set([...words].map(hashWord))
// hashes of every currency word, so the scan can skip other words without slicing them
const TRIGGERS = hashSet(CURRENCY_NAMES.keys())
// the same trick for every other word list consulted around a number
const MAGNITUDE_HASHES = hashSet(MAGNITUDES.keys())
const MARKER_HASHES = hashSet([...[...ISO_CODES].flatMap((code) => [code, `M${code}`]), ...CURRENCY_ALIASES.keys(), ...LOWERCASE_CODES])
const QUALIFIER_LAST_HASHES = hashSet([...QUALIFIERS.keys()].map((phrase) => phrase.slice(phrase.lastIndexOf(' ') + 1)))
const QUALIFIER_HASHES = hashSet(QUALIFIERS.keys())
const NON_MONEY_HASHES = hashSet(NON_MONEY_UNITS)
const COMBO_START_HASHES = hashSet(['and', ...lexicon.UNIT_WORDS.keys(), ...lexicon.TENS_WORDS.keys()])
const CONNECTOR_HASHES = hashSet(['to', 'and'])
const ADJECTIVE_HASHES = hashSet([...CURRENCY_NAMES.values()].flatMap((name) => [...name.adjectives.keys()]))
// first words (up to a dot) of national adjectives: a word after a number that is neither this nor a currency ends the search
const ADJECTIVE_FIRST_HASHES = hashSet(
  [...CURRENCY_NAMES.values()].flatMap((name) => [...name.adjectives.keys()].map((phrase) => phrase.split(/[ .]/)[0]!)),
)

const MAX_WORD = 24
const MAX_INT_DIGITS = 24
const MAX_FRACTION_DIGITS = 20
const MAX_WRITTEN_WORDS = 12

const DASHES = new Set([0x2d, 0x2013, 0x2014, 0x2212])
const NBSP_GROUPS = new Set([0xa0, 0x202f, 0x2009, 0x2007])
const APOSTROPHES = new Set([0x27, 0x2019])

/** A currency marker found next to a number. */
interface Marker {
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
interface Numeral {
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
interface Figure {
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
interface Bare {
  start: number
  end: number
  integer: string | null
  intEnd: number
  fraction: string
  pow: number
}

interface Word {
  start: number
  end: number
  lower: string
}

const REJECT = 'reject' as const

// words that need the next word to name a rate's unit ("square foot", "thousand cubic feet")
const UNIT_MODIFIERS: ReadonlySet<string> = new Set(['square', 'cubic', 'metric', 'thousand', 'million', 'hundred', 'short', 'long'])

// codes a bare "$" may be followed by ("$5 USD", "$5 CAD")
const DOLLAR_CODES: ReadonlySet<string> = new Set(['USD', ...DOLLAR_PREFIXES.values(), ...(CURRENCY_NAMES.get('dollar')?.adjectives.values() ?? [])])

/** Finds monetary figures in news text and normalises each to an exact amount and an ISO 4217 currency. */
export function findMoney(text: string, options: FindMoneyOptions = {}): Money[] {
  const scanner = new Scanner(text)
  scanner.scan()
  const dollar = options.defaultDollar ?? 'USD'
  return scanner.figures.map((figure) => toMoney(figure, dollar))
}

function toMoney(figure: Figure, dollar: string): Money {
  const value = formatDecimal(figure.value)
  const money: Money = {
    start: figure.start,
    end: figure.end,
    amount: Number(value),
    value,
    currency: figure.iso === DEFAULT_DOLLAR ? dollar : figure.iso,
    currencyAssumed: figure.assumed,
  }
  if (figure.qualifier !== undefined) money.qualifier = figure.qualifier
  if (figure.min !== undefined) money.min = Number(formatDecimal(figure.min))
  if (figure.max !== undefined) money.max = Number(formatDecimal(figure.max))
  if (figure.per !== undefined) money.per = figure.per
  if (figure.equivalentOf !== undefined) money.equivalentOf = figure.equivalentOf
  return money
}

class Scanner {
  readonly text: string
  readonly n: number
  readonly figures: Figure[] = []
  /** nothing before this offset may be read again as part of a new figure */
  private consumed = 0
  private bare: Bare | null = null
  // one numeral is read at a time and never kept, so it is reused rather than allocated per number
  private readonly numeral: Numeral = {start: 0, end: 0, integer: null, intEnd: 0, fraction: '', grouped: false, decimals: 0, intDigits: 0, yearLike: false}

  constructor(text: string) {
    this.text = text
    this.n = text.length
  }

  scan(): void {
    const {text, n} = this
    let i = 0
    while (i < n) {
      const k = CLASS[text.charCodeAt(i)]
      if (k === DIGIT) {
        i = this.onDigit(i)
      } else if (k === LETTER) {
        let h = 0
        let j = i
        do {
          h = (Math.imul(h, 31) + LOWER[text.charCodeAt(j)]) | 0
          j++
        } while (j < n && CLASS[text.charCodeAt(j)] === LETTER)
        i = j - i <= MAX_NAME_LENGTH && TRIGGERS.has(h) ? this.onWord(i, j) : j
      } else {
        i++
      }
    }
  }

  // ---------------------------------------------------------------- character helpers

  private code(i: number): number {
    return i >= 0 && i < this.n ? this.text.charCodeAt(i) : -1
  }

  private isDigit(i: number): boolean {
    return i >= 0 && i < this.n && CLASS[this.text.charCodeAt(i)] === DIGIT
  }

  private isLetter(i: number): boolean {
    return i >= 0 && i < this.n && CLASS[this.text.charCodeAt(i)] === LETTER
  }

  private isSpace(i: number): boolean {
    return i >= 0 && i < this.n && CLASS[this.text.charCodeAt(i)] === SPACE
  }

  /** Exactly `count` digits start at i and no digit follows them. */
  private digitsAt(i: number, count: number): boolean {
    for (let k = 0; k < count; k++) if (!this.isDigit(i + k)) return false
    return !this.isDigit(i + count)
  }

  /** The end of a run of letters from i, or -1 when longer than MAX_WORD. */
  private letterRunEnd(i: number): number {
    let j = i
    while (j < this.n && CLASS[this.text.charCodeAt(j)] === LETTER) {
      j++
      if (j - i > MAX_WORD) return -1
    }
    return j
  }

  /** The end of the letters from i (unbounded scan stops at MAX_WORD + 1). */
  private letterEnd(i: number): number {
    let j = i
    while (j < this.n && j - i <= MAX_WORD && CLASS[this.text.charCodeAt(j)] === LETTER) j++
    return j
  }

  // the word after a number is hashed by several readers in turn; remember the last one
  private cachedStart = -1
  private cachedEnd = -1
  private cachedHash = 0

  /** The lower-case hash of the letters starting at j (their end in `cachedEnd`). */
  private hashWordAt(j: number): number {
    if (j !== this.cachedStart) {
      this.cachedStart = j
      this.cachedEnd = this.letterEnd(j)
      this.cachedHash = this.hashAt(j, this.cachedEnd)
    }
    return this.cachedHash
  }

  /** Lower-case hash of text[start, end), as {@link hashWord} computes it. */
  private hashAt(start: number, end: number): number {
    let h = 0
    for (let k = start; k < end; k++) h = (Math.imul(h, 31) + LOWER[this.text.charCodeAt(k)]) | 0
    return h
  }

  /** The word (letters, and dots inside abbreviations like "u.s.") starting at i after at most one space. */
  private wordAfter(i: number, allowSpace = true): Word | null {
    let j = i
    if (allowSpace && this.isSpace(j)) j++
    if (!this.isLetter(j)) return null
    const end = this.letterRunEnd(j)
    if (end < 0) return null
    return {start: j, end, lower: this.text.slice(j, end).toLowerCase()}
  }

  /** The word ending at i (after skipping one space), letters only, or null. */
  private wordBefore(i: number, floor = 0): Word | null {
    let j = i
    if (this.isSpace(j - 1)) j--
    if (!this.isLetter(j - 1)) return null
    let s = j - 1
    while (s > floor && this.isLetter(s - 1)) {
      s--
      if (j - s > MAX_WORD) return null
    }
    return {start: s, end: j, lower: this.text.slice(s, j).toLowerCase()}
  }

  /** Up to `count` words ending at i, separated by single spaces, nearest last. */
  private wordsBefore(i: number, count: number): Word[] {
    const words: Word[] = []
    let j = i
    while (words.length < count) {
      if (!this.isSpace(j - 1)) break
      const word = this.wordBefore(j)
      if (!word) break
      words.unshift(word)
      j = word.start
    }
    return words
  }

  /** Skips spaces forward (at most a few), returning the new offset. */
  private skipSpaces(i: number, max = 3): number {
    let j = i
    while (j < this.n && j - i < max && this.isSpace(j)) j++
    return j
  }

  private skipSpacesBack(i: number, max = 3): number {
    let j = i
    while (j > 0 && i - j < max && this.isSpace(j - 1)) j--
    return j
  }

  /** Skips the rest of a numeric token (digits joined by . , : / or apostrophes) so it is not re-read. */
  private skipToken(i: number): number {
    let j = i
    while (j < this.n) {
      const c = this.text.charCodeAt(j)
      if (CLASS[c] === DIGIT) j++
      else if ((c === 46 || c === 44 || c === 58 || c === 47 || APOSTROPHES.has(c)) && this.isDigit(j + 1)) j++
      else break
    }
    return Math.max(j, i + 1)
  }

  // ---------------------------------------------------------------- numbers

  /** Reads a number in digits: 1,250.50, 1.250,50, 12,34,567, 1 250 000 (with non-breaking spaces), 6,5 before a unit. */
  private readNumeral(i: number): Numeral | null {
    const text = this.text
    let j = i
    while (j < this.n && CLASS[text.charCodeAt(j)] === DIGIT) {
      j++
      if (j - i > MAX_INT_DIGITS) return null
    }
    const runLength = j - i
    const intEnd = j
    let integer: string | null = null
    let fraction = ''
    let grouped = false
    let european = false
    const c = this.code(j)
    if (c === 44) {
      // 1,250,000 (groups of three), or 12,34,567 (Indian lakh grouping), or 6,5 (a decimal comma before a unit)
      // group scans stop past MAX_INT_DIGITS so a megabyte of "1,234,..." costs one bounded read here
      let k = j
      if (runLength <= 3) {
        while (this.code(k) === 44 && this.digitsAt(k + 1, 3)) {
          k += 4
          if (k - i > MAX_INT_DIGITS * 2) return null
        }
      }
      if (k > j) {
        integer = text.slice(i, k).replace(/,/g, '')
        j = k
        grouped = true
      } else if (runLength <= 2) {
        while (this.code(k) === 44 && this.digitsAt(k + 1, 2)) {
          k += 3
          if (k - i > MAX_INT_DIGITS * 2) return null
        }
        if (k > j && this.code(k) === 44 && this.digitsAt(k + 1, 3)) {
          integer = text.slice(i, k + 4).replace(/,/g, '')
          j = k + 4
          grouped = true
        }
      }
      if (!grouped) {
        const places = this.digitsAt(j + 1, 1) ? 1 : this.digitsAt(j + 1, 2) ? 2 : 0
        if (places && this.unitFollows(j + 1 + places)) {
          fraction = text.slice(j + 1, j + 1 + places)
          j += 1 + places
          european = true
        }
      }
    } else if (c === 46 && runLength <= 3) {
      // 1.250.000 or 1.250,50: European grouping, only when it cannot be an English decimal
      let k = j
      let count = 0
      while (this.code(k) === 46 && this.digitsAt(k + 1, 3)) {
        k += 4
        count++
        if (k - i > MAX_INT_DIGITS * 2) return null
      }
      const commaPlaces = this.code(k) === 44 ? (this.digitsAt(k + 1, 1) ? 1 : this.digitsAt(k + 1, 2) ? 2 : 0) : 0
      if (count >= 2 || (count === 1 && commaPlaces)) {
        integer = text.slice(i, k).replace(/\./g, '')
        j = k
        grouped = true
        european = true
        if (commaPlaces) {
          fraction = text.slice(k + 1, k + 1 + commaPlaces)
          j = k + 1 + commaPlaces
        }
      }
    } else if ((NBSP_GROUPS.has(c) || APOSTROPHES.has(c)) && runLength <= 3) {
      // 1 250 000 with non-breaking or thin spaces, 1'250'000 (Swiss)
      let k = j
      while (this.code(k) === c && this.digitsAt(k + 1, 3)) {
        k += 4
        if (k - i > MAX_INT_DIGITS * 2) return null
      }
      if (k > j) {
        integer = text.slice(i, k).replace(/\D/g, '')
        j = k
        grouped = true
        if (this.code(j) === 44 && (this.digitsAt(j + 1, 1) || this.digitsAt(j + 1, 2))) {
          const places = this.digitsAt(j + 1, 1) ? 1 : 2
          fraction = text.slice(j + 1, j + 1 + places)
          j += 1 + places
          european = true
        }
      }
    }
    if (!european && fraction === '' && this.code(j) === 46 && this.isDigit(j + 1)) {
      let k = j + 1
      while (this.isDigit(k)) {
        k++
        if (k - j - 1 > MAX_FRACTION_DIGITS) return null
      }
      fraction = text.slice(j + 1, k)
      j = k
    }
    // leading zeros mark identifiers and phone numbers (020-7946 0000, 007), not amounts
    if (text.charCodeAt(i) === 48 && (runLength > 1 || (integer !== null && integer.length > 1))) return null
    const c0 = text.charCodeAt(i)
    const c1 = text.charCodeAt(i + 1)
    const yearLike = !grouped && fraction === '' && runLength === 4 && ((c0 === 49 && (c1 === 56 || c1 === 57)) || (c0 === 50 && c1 === 48))
    const numeral = this.numeral
    numeral.start = i
    numeral.end = j
    numeral.integer = integer
    numeral.intEnd = intEnd
    numeral.fraction = fraction
    numeral.grouped = grouped
    numeral.decimals = fraction.length
    numeral.intDigits = runLength
    numeral.yearLike = yearLike
    return numeral
  }

  /** The exact value of a numeral or kept bare number. */
  private valueOf(number: {start: number; integer: string | null; intEnd: number; fraction: string}): Decimal {
    return decimalFromDigits(number.integer ?? this.text.slice(number.start, number.intEnd), number.fraction)
  }

  /** Whether a magnitude or currency starts at i (after at most one space), to accept a decimal comma. */
  private unitFollows(i: number): boolean {
    if (this.readMagnitude(i)) return true
    const j = this.isSpace(i) ? i + 1 : i
    const c = this.code(j)
    if (SYMBOLS.has(c)) return true
    const word = this.wordAfter(j, false)
    if (!word) return false
    const upper = this.text.slice(word.start, word.end)
    return CURRENCY_NAMES.has(word.lower) || (upper.length === 3 && ISO_CODES.has(upper))
  }

  /** A magnitude after a number: attached ("6bn", "20m", "10K") or after one space ("6 billion", "5 mln"). */
  private readMagnitude(i: number): {pow: number; end: number} | null {
    let j = i
    let spaced = false
    if (this.isSpace(j)) {
      j++
      spaced = true
    }
    if (!this.isLetter(j)) return null
    if (!MAGNITUDE_HASHES.has(this.hashWordAt(j))) return null
    const end = this.cachedEnd
    if (end - j > 10 || this.isDigit(end)) return null
    const word = this.text.slice(j, end).toLowerCase()
    const pow = MAGNITUDES.get(word)
    if (pow === undefined) return null
    if (spaced && ATTACHED_ONLY_MAGNITUDES.has(word)) return null
    return {pow, end}
  }

  // ---------------------------------------------------------------- currency markers

  /** A code, alias or M-prefixed code spelled `word` (as written), or null. */
  private markerFromWord(word: string, start: number, end: number, position: 'before' | 'after'): Marker | null {
    if (!MARKER_HASHES.has(hashWord(word))) return null
    if (word.length === 3) {
      const upper = word.toUpperCase()
      if (word === upper && ISO_CODES.has(word)) {
        return this.marker(word, false, start, end, 'code', AMBIGUOUS_CODES.has(word))
      }
      if (LOWERCASE_CODES.has(word)) return this.marker(upper, false, start, end, 'code', false)
    }
    if (word.length === 4 && word.charCodeAt(0) === 77 /* M */ && word === word.toUpperCase() && ISO_CODES.has(word.slice(1))) {
      const marker = this.marker(word.slice(1), false, start, end, 'code', false)
      marker.pow = 6
      return marker
    }
    const alias = CURRENCY_ALIASES.get(word)
    if (alias) {
      if (position === 'before' && SUFFIX_ONLY_ALIASES.has(word)) return null
      if (position === 'after' && PREFIX_ONLY_ALIASES.has(word)) return null
      return this.marker(alias.iso, alias.assumed, start, end, 'alias', alias.ambiguous)
    }
    return null
  }

  private marker(iso: string, assumed: boolean, start: number, end: number, kind: Marker['kind'], weak: boolean): Marker {
    return {iso, assumed, minor: 0, weak, start, end, kind, pow: 0, adjective: false}
  }

  /** A currency written before the number that starts at i: "$", "US$", "c $", "€", "EUR", "Rs.", "MEUR", "ringgit". */
  private readPrefix(i: number): Marker | null | typeof REJECT {
    const text = this.text
    const floor = this.consumed
    let j = i
    let spaced = false
    if (this.isSpace(j - 1)) {
      j--
      spaced = true
    }
    if (j - 1 < floor) return null
    const c = text.charCodeAt(j - 1)
    const symbol = SYMBOLS.get(c)
    if (symbol) return this.symbolPrefix(j - 1, symbol.iso, symbol.assumed)
    if (CLASS[c] !== LETTER && c !== 46) return null
    // letters (and dots: "Rs.", "L.E.") glued to the number or one space before it
    let s = j
    while (s > floor && (this.isLetter(s - 1) || this.code(s - 1) === 46)) {
      s--
      if (j - s > 12) return spaced ? null : REJECT
    }
    // a leading dot belongs to the sentence, not the abbreviation
    while (s < j && this.code(s) === 46) s++
    if (s === j) return null
    if (this.isDigit(s - 1)) return spaced ? null : REJECT
    // most words before numbers ("in 2010", "at 12") are neither markers nor currency names
    const h = this.hashAt(s, j)
    if (!MARKER_HASHES.has(h) && !TRIGGERS.has(h)) return spaced ? null : REJECT
    const word = text.slice(s, j)
    const marker = this.markerFromWord(word, s, j, 'before')
    if (marker) {
      if (marker.kind === 'alias' && word === 'R' && spaced) return null
      // "USD/JPY 150.2" is an exchange rate, not yen
      if (this.code(s - 1) === 47 && this.isLetter(s - 2)) return null
      return marker
    }
    if (!spaced) return REJECT
    // a currency name before the number ("ringgit 42", "dollar 22.5 million"), never after a determiner
    const name = CURRENCY_NAMES.get(word.toLowerCase())
    if (!name || !name.beforeNumber || name.minor) return null
    const adjective = this.adjectiveBefore(s, name)
    const start = adjective ? adjective.start : s
    const previous = this.wordBefore(start, floor)
    if (previous && NAME_DETERMINERS.has(previous.lower)) return null
    const result = this.marker(adjective ? adjective.iso : name.iso, adjective ? false : name.assumed, start, j, 'name', name.ambiguous && !adjective)
    result.name = name
    result.adjective = adjective !== null
    return result
  }

  /** A symbol prefix at `at`, extended left over letters that name the dollar ("US$", "HK$", "C$", "hk $"). */
  private symbolPrefix(at: number, iso: string, assumed: boolean): Marker {
    const text = this.text
    const floor = this.consumed
    const c = text.charCodeAt(at)
    if (c !== 36 && c !== 0xa3 && c !== 0xa5) return this.marker(iso, assumed, at, at + 1, 'symbol', false)
    // letters glued to the symbol
    let s = at
    while (s > floor && (this.isLetter(s - 1) || this.code(s - 1) === 46) && at - s <= 5) s--
    if (s < at && !this.isLetter(s - 1) && !this.isDigit(s - 1)) {
      const letters = text.slice(s, at)
      const lower = letters.toLowerCase()
      if (c === 36) {
        const prefixed = DOLLAR_PREFIXES.get(lower) ?? (lower.length === 3 && ISO_CODES.has(letters.toUpperCase()) ? letters.toUpperCase() : undefined)
        if (prefixed && (!CAPITAL_ONLY_PREFIXES.has(lower) || letters === letters.toUpperCase())) {
          return this.marker(prefixed, false, s, at + 1, 'symbol', false)
        }
      } else {
        const prefixed = OTHER_SYMBOL_PREFIXES.get(lower + String.fromCharCode(c))
        if (prefixed) return this.marker(prefixed, false, s, at + 1, 'symbol', false)
      }
      return this.marker(iso, assumed, at, at + 1, 'symbol', false)
    }
    // wire-service spacing: "US $ 150 million", "c $ 16.4 million", "hk $ 10.05 billion"
    if (c === 36 && this.isSpace(at - 1)) {
      const end = at - 1
      let s2 = end
      while (s2 > floor && (this.isLetter(s2 - 1) || this.code(s2 - 1) === 46) && end - s2 <= 4) s2--
      if (s2 < end && !this.isLetter(s2 - 1) && !this.isDigit(s2 - 1)) {
        const letters = text.slice(s2, end)
        const lower = letters.toLowerCase()
        if (SPACED_DOLLAR_PREFIXES.has(lower) && (lower !== 'us' || letters === 'US' || this.usPrefixContext(s2))) {
          return this.marker(DOLLAR_PREFIXES.get(lower)!, false, s2, at + 1, 'symbol', false)
        }
      }
    }
    return this.marker(iso, assumed, at, at + 1, 'symbol', false)
  }

  /** Whether a lower-case "us" before "$" is the prefix US$ ("a us $ 150 million loan"), not the pronoun ("gave us $5"). */
  private usPrefixContext(at: number): boolean {
    const j = this.skipSpacesBack(at)
    if (j === 0) return true
    if (!this.isLetter(j - 1)) return true
    const previous = this.wordBefore(at)
    return previous !== null && US_PREFIX_CONTEXT.has(previous.lower)
  }

  /** A national adjective of 1-3 words ending right before `at` ("Canadian", "Hong Kong", "U.S."). */
  private adjectiveBefore(at: number, name: CurrencyName): {start: number; iso: string} | null {
    if (name.adjectives.size === 0 || !this.isSpace(at - 1)) return null
    const end = at - 1
    let found: {start: number; iso: string} | null = null
    let e = end
    for (let w = 0; w < 3; w++) {
      let s = e
      while (s > this.consumed && e - s <= MAX_WORD && (this.isLetter(s - 1) || this.code(s - 1) === 46)) s--
      if (s === e || this.isLetter(s - 1)) break
      // the longest adjective wins ("South African" over "African")
      if (ADJECTIVE_HASHES.has(this.hashAt(s, end))) {
        const iso = name.adjectives.get(this.text.slice(s, end).toLowerCase())
        if (iso) found = {start: s, iso}
      }
      if (!this.isSpace(s - 1)) break
      e = s - 1
    }
    return found
  }

  /**
   * A currency written after the number (and magnitude) that ends at i: "€", "$" (not the next figure's),
   * "USD", "US$", "MUSD", "Rs", "c", "dollars", "US dollars", "finnish markka", "-cent" (hyphen compounds).
   */
  private readSuffix(i: number, numeral: Numeral | null): Marker | null {
    const text = this.text
    let j = i
    let spaced = false
    let hyphen = false
    if (this.isSpace(j)) {
      j++
      spaced = true
    } else if (this.code(j) === 45 && this.isLetter(j + 1)) {
      j++
      hyphen = true
    }
    const c = this.code(j)
    if (!hyphen) {
      const symbol = SYMBOLS.get(c)
      if (symbol) {
        // "10 $ 30" — a symbol followed by a number belongs to that number
        const k = this.isSpace(j + 1) ? j + 2 : j + 1
        if (this.isDigit(k)) return null
        return this.marker(symbol.iso, symbol.assumed, j, j + 1, 'symbol', false)
      }
      if (c === CENT_SIGN) {
        const marker = this.marker(DEFAULT_DOLLAR, true, j, j + 1, 'minor', false)
        marker.minor = 2
        return marker
      }
    }
    if (CLASS[c] !== LETTER) return null
    const end = this.letterRunEnd(j)
    if (end < 0) return null
    if (!hyphen) {
      // "3.14US$"
      if (this.code(end) === 36 && !spaced) {
        const word = text.slice(j, end)
        const prefixed = DOLLAR_PREFIXES.get(word.toLowerCase())
        if (prefixed && (!CAPITAL_ONLY_PREFIXES.has(word.toLowerCase()) || word === word.toUpperCase())) {
          return this.marker(prefixed, false, j, end + 1, 'symbol', false)
        }
      }
      if (!this.isDigit(end)) {
        let marker = MARKER_HASHES.has(this.hashWordAt(j)) ? this.markerFromWord(text.slice(j, end), j, end, 'after') : null
        if (!marker && this.code(end) === 46) {
          // dotted abbreviations: "Rs.", "L.E.", "l.e"
          let k = end
          while (this.code(k) === 46 && this.isLetter(k + 1) && k - j < 8) {
            k++
            while (this.isLetter(k)) k++
          }
          const withDot = this.code(k) === 46 ? text.slice(j, k + 1) : null
          const bare = text.slice(j, k)
          marker =
            (withDot && this.markerFromWord(withDot, j, k + 1, 'after')) ||
            (k > end ? this.markerFromWord(bare, j, k, 'after') : null)
        }
        if (marker) return marker
        // attached minor units: "43c", "50p"
        const letter = end - j === 1 ? this.code(j) : 0
        if (!spaced && numeral && (letter === 0x63 || letter === 0x70)) {
          if (numeral.intDigits > 3 || numeral.grouped) return null
          if (letter === 0x70 && numeral.decimals === 0 && VIDEO_RESOLUTIONS.has(text.slice(numeral.start, numeral.end))) return null
          const minor = this.marker(letter === 0x63 ? DEFAULT_DOLLAR : 'GBP', true, j, end, 'minor', false)
          minor.minor = 2
          return minor
        }
      }
    }
    return this.nameAfter(j, hyphen)
  }

  /** A currency name, maybe after a national adjective, starting at j: "dollars", "US dollars", "swiss francs". */
  private nameAfter(j: number, hyphen: boolean): Marker | null {
    const firstHash = this.hashWordAt(j)
    if (!TRIGGERS.has(firstHash) && (hyphen || !ADJECTIVE_FIRST_HASHES.has(firstHash))) return null
    const words: Word[] = []
    let k = j
    for (let w = 0; w < 4; w++) {
      if (w > 0) {
        if (!this.isSpace(k) || !this.isLetter(k + 1)) break
        k++
      }
      const end = this.letterRunEnd(k)
      if (end < 0) break
      // "u.s." and "U.S." are one word here
      let e = end
      while (this.code(e) === 46 && this.isLetter(e + 1) && e - k < 6) {
        e++
        while (this.isLetter(e)) e++
      }
      if (e > end && this.code(e) === 46) e++
      words.push({start: k, end: e, lower: ''})
      const name = this.nameAt(k, end)
      if (name) {
        if (hyphen && (w > 0 || !name.singular)) return null
        let iso = name.iso
        let assumed = name.assumed
        let adjective = false
        if (w > 0) {
          const phrase = this.text.slice(j, words[w - 1].end).toLowerCase().replace(/\s+/g, ' ')
          const adjectiveIso = name.adjectives.get(phrase)
          if (!adjectiveIso) return null
          iso = adjectiveIso
          assumed = false
          adjective = true
        }
        let markerEnd = end
        // "pounds sterling"
        if (name.iso === 'GBP' && !name.minor) {
          const next = this.wordAfter(end)
          if (next && next.lower === 'sterling') {
            markerEnd = next.end
            assumed = false
          }
        }
        const marker = this.marker(iso, assumed, j, markerEnd, name.minor ? 'minor' : 'name', name.ambiguous && !adjective)
        marker.minor = name.minor
        marker.name = name
        marker.adjective = adjective
        return marker
      }
      if (hyphen) return null
      k = e
    }
    return null
  }

  private nameAt(start: number, end: number): CurrencyName | undefined {
    if (end - start > MAX_NAME_LENGTH || !TRIGGERS.has(this.hashAt(start, end))) return undefined
    return CURRENCY_NAMES.get(this.text.slice(start, end).toLowerCase())
  }

  // ---------------------------------------------------------------- triggers

  private onDigit(i: number): number {
    const text = this.text
    // the tail of a token already read (1.2.3, 10:30, 3/4)
    if (i > 1) {
      const p = text.charCodeAt(i - 1)
      if ((p === 46 || p === 44 || p === 58 || p === 47 || APOSTROPHES.has(p)) && this.isDigit(i - 2)) return this.skipToken(i)
    }
    const numeral = this.readNumeral(i)
    if (!numeral) return this.skipToken(i)
    const prefix = this.readPrefix(i)
    if (prefix === REJECT) return this.skipToken(i)
    const magnitude = this.readMagnitude(numeral.end)
    let pow = magnitude ? magnitude.pow : 0
    let end = magnitude ? magnitude.end : numeral.end
    let marker: Marker | null = prefix
    if (prefix && prefix.pow) {
      if (magnitude) return end
      pow = prefix.pow
    }
    const suffix = !prefix || prefix.kind === 'symbol' ? this.readSuffix(end, numeral) : null
    if (suffix) {
      if (!prefix) {
        marker = suffix
        end = suffix.end
        if (suffix.pow) {
          if (magnitude) return end
          pow = suffix.pow
        } else if (!magnitude && suffix.kind === 'code') {
          // "75 USD million"
          const late = this.readMagnitude(suffix.end)
          if (late && !ATTACHED_ONLY_MAGNITUDES.has(text.slice(late.end - 1, late.end).toLowerCase())) {
            pow = late.pow
            end = late.end
          }
        }
      } else if (suffix.kind === 'code' && !suffix.weak && (suffix.iso === prefix.iso || (prefix.iso === DEFAULT_DOLLAR && DOLLAR_CODES.has(suffix.iso)))) {
        // "$5 USD", "€20 EUR"
        end = suffix.end
        marker = {...prefix, iso: suffix.iso, assumed: false}
      } else if (suffix.kind === 'name' && !suffix.minor && (suffix.iso === prefix.iso || prefix.iso === DEFAULT_DOLLAR && suffix.name?.iso === DEFAULT_DOLLAR)) {
        // "$ 10 dollars", "£5m sterling"
        end = suffix.end
        if (suffix.adjective) {
          marker = {...prefix, iso: suffix.iso, assumed: false}
        }
      }
    }
    if (!marker) return this.onBare(numeral, pow, end)
    const verdict = this.acceptable(numeral, marker, pow, end)
    if (verdict === 'no') return marker === prefix ? this.skipToken(i) : Math.max(end, i + 1)
    if (marker.minor && marker.name?.comboOnly) return end
    const raw = this.valueOf(numeral)
    let value = shiftDecimal(raw, pow)
    if (marker.minor) value = shiftDecimal(value, -marker.minor)
    const figure: Figure = {
      start: prefix ? prefix.start : numeral.start,
      end,
      value,
      raw,
      pow,
      iso: marker.iso,
      assumed: marker.assumed,
      minor: marker.minor,
      range: false,
    }
    // an ambiguous marker is confirmed by minor units after it ("3 CAD 3 cents")
    if (verdict === 'weak' && (marker.minor || pow || this.readCombo({...figure}) === 0)) return marker === prefix ? this.skipToken(i) : Math.max(end, i + 1)
    return this.finish(figure, end)
  }

  /** Rules that keep look-alikes out: ambiguous markers, years before names, weights, glued letters. */
  private acceptable(numeral: Numeral, marker: Marker, pow: number, end: number): 'ok' | 'weak' | 'no' {
    // letters glued after the figure ("$5x")
    if (this.isLetter(end) || this.isDigit(end)) return 'no'
    // grouped digits or two decimals vouch for an ambiguous code ("NPR 5,000"), not for a word ("the 1,237 mark")
    const vouched = marker.kind === 'name' ? false : numeral.grouped || numeral.decimals === 2
    const weak = marker.weak && !pow && !vouched && !marker.adjective
    if (marker.kind === 'name' || marker.kind === 'minor') {
      if (marker.start < numeral.start) {
        // a name before the number: not a percentage ("dollar 1.5%"), not a year ("Euro 2024")
        if (numeral.yearLike) return 'no'
        const after = this.skipSpaces(end, 1)
        if (this.code(after) === 37) return 'no'
        const word = this.wordAfter(end)
        if (word && NON_MONEY_UNITS.has(word.lower)) return 'no'
      } else if (numeral.yearLike && !pow && !marker.adjective) {
        // "the 2008 euro crisis", "in 2015 dollars"
        if (marker.name?.singular) return 'no'
        const previous = this.wordBefore(numeral.start)
        if (previous && (previous.lower === 'in' || previous.lower === 'constant' || previous.lower === 'real' || previous.lower === 'of')) return 'no'
      }
      if (marker.name?.weight && !pow && !marker.adjective && this.looksLikeWeight(numeral.start, marker.end, numeral.end)) return 'no'
      if (marker.kind === 'name' && this.yearFollows(marker.end)) return 'no'
    }
    return weak ? 'weak' : 'ok'
  }

  /** "the 23 Euro '96 veterans", "Euro 2024": a year after a currency name makes it a tournament, not money. */
  private yearFollows(end: number): boolean {
    const k = this.skipSpaces(end, 1)
    if (APOSTROPHES.has(this.code(k)) || this.code(k) === 0x2018) return this.digitsAt(this.skipSpaces(k + 1, 1), 2)
    if (!this.digitsAt(k, 4)) return false
    const c0 = this.code(k)
    const c1 = this.code(k + 1)
    return (c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48)
  }

  /** "lost 20 pounds", "20 pounds of cocaine", "a 200-pound man", "27 pounds (12 kg)": a weight, not sterling. */
  private looksLikeWeight(start: number, end: number, numberEnd = -1): boolean {
    if (this.code(start - 1) === 45 || this.code(end) === 45 || this.code(numberEnd) === 45) return true
    const next = this.wordAfter(end)
    if (next && next.lower === 'of') return true
    // a metric conversion in brackets
    const open = this.skipSpaces(end, 1)
    if (this.code(open) === 40) {
      let k = this.skipSpaces(open + 1, 1)
      const digits = k
      while (this.isDigit(k) || ((this.code(k) === 46 || this.code(k) === 44) && this.isDigit(k + 1))) k++
      const unit = k > digits ? this.wordAfter(k) : null
      if (unit && /^(kg|kgs|kilos?|kilograms?|kilogrammes?)$/.test(unit.lower)) return true
    }
    for (const word of this.wordsBefore(start, 2)) if (WEIGHT_WORDS.has(word.lower)) return true
    return false
  }

  /** A number with no currency: remembered as a possible range start, or completed by the figure before it. */
  private onBare(numeral: Numeral, pow: number, end: number): number {
    this.bare = null
    const next = Math.max(end, numeral.start + 1)
    if (numeral.yearLike) return next
    const after = this.skipSpaces(end, 1)
    const c = this.code(after)
    if (c === 37 || this.isLetter(end) || this.isDigit(after)) return next
    if (after > end && this.isLetter(after) && NON_MONEY_HASHES.has(this.hashWordAt(after))) return next
    this.bare = {start: numeral.start, end, integer: numeral.integer, intEnd: numeral.intEnd, fraction: numeral.fraction, pow}
    // "$5-6 billion", "$5 to 6 billion": the second bound borrows the first's currency
    const last = this.figures[this.figures.length - 1]
    if (!last || last.range || last.end < numeral.start - 8) return next
    const link = this.readConnector(numeral.start)
    if (link && last.end === link.fEnd && this.bareEndsRange(end, pow)) {
      const raw = this.valueOf(numeral)
      const value = shiftDecimal(raw, pow - last.minor)
      const g: Figure = {
        start: numeral.start,
        end,
        value,
        raw,
        pow,
        iso: last.iso,
        assumed: last.assumed,
        minor: last.minor,
        range: false,
      }
      const range = this.rangeOf(last, g, link.kind)
      if (range && range !== 'change') {
        this.figures[this.figures.length - 1] = range
        const rate = this.readRate(end)
        if (rate) range.per = rate.per
        this.consumed = rate ? rate.end : end
        this.bare = null
        return Math.max(end, this.consumed)
      }
    }
    return next
  }

  /** A bare second bound must look finished: a magnitude, or punctuation or a function word after it. */
  private bareEndsRange(end: number, pow: number): boolean {
    if (pow) return true
    const word = this.wordAfter(end)
    if (!word) return true
    return ['a', 'an', 'per', 'each', 'for', 'in', 'on', 'at', 'to', 'and', 'or', 'than', 'apiece', 'from', 'by', 'with'].includes(word.lower)
  }

  /** A currency word not already read as part of a figure: a written number may precede it ("six billion euros"). */
  private onWord(start: number, end: number): number {
    if (start < this.consumed) return end
    const name = this.nameAt(start, end)
    if (!name) return end
    const adjective = this.adjectiveBefore(start, name)
    const numberEnd = adjective ? adjective.start : start
    const written = this.writtenBefore(numberEnd, name)
    if (!written) return end
    const parsed = parseWrittenNumber(written.words)
    if (!parsed) return end
    const hyphen = this.code(numberEnd - 1) === 45
    if (hyphen && (!name.singular || !parsed.counted || adjective)) return end
    // "a dollar" only when the article counts it ("costs a dollar", "a dollar a day"), not "a dollar bill"
    if (written.words.length === 1 && (written.words[0] === 'a' || written.words[0] === 'an')) {
      if (!name.singular || !this.articleCounts(end)) return end
    }
    if (name.comboOnly) return end
    let markerEnd = end
    let assumed = adjective ? false : name.assumed
    if (name.iso === 'GBP' && !name.minor) {
      const next = this.wordAfter(end)
      if (next && next.lower === 'sterling') {
        markerEnd = next.end
        assumed = false
      }
    }
    if (name.ambiguous && !adjective && !parsed.pow) return end
    if (name.weight && !parsed.pow && !adjective && this.looksLikeWeight(written.start, markerEnd)) return end
    let value = parsed.value
    if (name.minor) value = shiftDecimal(value, -name.minor)
    const figure: Figure = {
      start: written.start,
      end: markerEnd,
      value,
      raw: parsed.raw,
      pow: parsed.pow,
      iso: adjective ? adjective.iso : name.iso,
      assumed,
      minor: name.minor,
      range: false,
    }
    return this.finish(figure, markerEnd)
  }

  /** After "a dollar": end of clause, or a word that keeps "a" a count ("a dollar a day", "a dollar and 42 cents"). */
  private articleCounts(end: number): boolean {
    if (this.code(end) === 45) return false
    const word = this.wordAfter(end)
    if (!word) return true
    return ['a', 'an', 'per', 'each', 'for', 'more', 'less', 'or', 'and', 'to', 'than', 'in', 'on', 'at', 'apiece', 'from', 'short'].includes(word.lower)
  }

  /** Number words ending at `end` ("six billion", "twenty-five", "half a", "one"), with their start. */
  private writtenBefore(end: number, name: CurrencyName | null): {start: number; words: string[]} | null {
    const words: string[] = []
    const floor = this.consumed
    let start = end
    let k = end
    while (words.length < MAX_WRITTEN_WORDS) {
      // one space or a hyphen separates number words ("twenty-five", "one-yen", "six billion")
      const sep = this.code(k - 1)
      if (CLASS[sep] !== SPACE && sep !== 45) break
      const wordEnd = k - 1
      let s = wordEnd
      while (s > floor && this.isLetter(s - 1) && wordEnd - s < MAX_WORD) s--
      if (s === wordEnd || this.isLetter(s - 1) || s < floor) break
      const lower = this.text.slice(s, wordEnd).toLowerCase()
      if (lower === 'and') {
        // inside a number only after hundred or a magnitude, or before "a half"
        const before = this.wordBefore(s, floor)
        const fraction = (words[0] === 'a' || words[0] === 'an') && (words[1] === 'half' || words[1] === 'quarter')
        if (!before || !(fraction || before.lower === 'hundred' || MAGNITUDES.has(before.lower))) break
      } else if (lower === 'a' || lower === 'an') {
        // an article starts a number: "a million", "half a billion", "a dollar"
        const next = words[0]
        if (next !== undefined && !(MAGNITUDES.has(next) || next === 'hundred' || next === 'half' || next === 'quarter')) break
        if (next === undefined && name === null) break
      } else if (!isNumberWord(lower)) {
        break
      }
      words.unshift(lower)
      start = s
      k = s
      if (lower === 'a' || lower === 'an') {
        // only "half" may come before the article ("half a billion")
        const before = this.wordBefore(k, floor)
        if (before && before.lower === 'half' && before.end === k - 1) {
          words.unshift('half')
          start = before.start
        }
        break
      }
    }
    // "and" cannot start a number
    while (words.length && words[0] === 'and') words.shift()
    return words.length ? {start, words} : null
  }

  // ---------------------------------------------------------------- completing a figure

  /** Adds minor units, rate, qualifiers, range and conversion links, then stores the figure. Returns where to resume. */
  private finish(figure: Figure, resume: number): number {
    let next = resume
    if (!figure.minor && figure.pow === 0) {
      const combo = this.readCombo(figure)
      if (combo > 0) next = combo
    }
    const rate = this.readRate(figure.end)
    if (rate) {
      figure.per = rate.per
      next = Math.max(next, rate.end)
    }
    const post = this.readPostQualifier(figure.end)
    if (post) {
      figure.qualifier = post.phrase
      figure.bound = post.kind
      next = Math.max(next, post.end)
    }
    this.place(figure)
    this.consumed = Math.max(this.consumed, next, figure.end)
    this.bare = null
    return Math.max(next, figure.end)
  }

  /** "$20 and 43c", "3 GBP 1 pence", "thirteen dollars and forty-five cents": folds the minor amount in. */
  private readCombo(figure: Figure): number {
    let j = this.skipSpaces(figure.end, 1)
    if (this.code(j) === 44) j = this.skipSpaces(j + 1, 1)
    else if (j === figure.end) return 0
    if (!this.isDigit(j) && !(this.isLetter(j) && COMBO_START_HASHES.has(this.hashAt(j, this.letterEnd(j))))) return 0
    const and = this.wordAfter(j, false)
    if (and && and.lower === 'and') j = this.skipSpaces(and.end, 1)
    if (j === figure.end) return 0
    let amount: Decimal | null = null
    let k = j
    if (this.isDigit(j)) {
      while (this.isDigit(k) && k - j < 3) k++
      if (k - j > 2 || this.isDigit(k) || this.code(k) === 46 || this.code(k) === 44) return 0
      amount = decimalFromDigits(this.text.slice(j, k))
    } else {
      const words: string[] = []
      let w = this.wordAfter(j, false)
      while (w && words.length < 3 && (isCountWord(w.lower))) {
        words.push(w.lower)
        k = w.end
        const sep = this.code(k)
        if (sep !== 45 && !this.isSpace(k)) break
        const next = this.wordAfter(k + 1, false)
        if (!next || !isCountWord(next.lower)) break
        w = next
      }
      const parsed = words.length ? parseWrittenNumber(words) : null
      if (!parsed) return 0
      amount = parsed.value
    }
    // the minor unit: "c", "¢", "cents", "pence", "sen", "kopiykas"
    let end = -1
    if (this.code(k) === CENT_SIGN) end = k + 1
    else {
      const word = this.wordAfter(k)
      if (word) {
        const name = CURRENCY_NAMES.get(word.lower)
        if ((name && name.minor) || (word.start === k && (word.lower === 'c' || word.lower === 'p'))) end = word.end
      }
    }
    if (end < 0 || this.isLetter(end)) return 0
    const places = MINOR_PLACES.get(figure.iso) ?? 2
    if (compareDecimal(amount, {units: 10n ** BigInt(places), scale: 0}) >= 0) return 0
    figure.value = addDecimal(figure.value, shiftDecimal(amount, -places))
    figure.raw = figure.value
    figure.end = end
    return end
  }

  /** "$70 a barrel", "€2 per share", "$3/gallon", "$ 70 - a - share": the unit a rate is quoted per. */
  private readRate(i: number): {per: string; end: number} | null {
    let j = i
    // spaces and hyphens between the figure and "a"/"per"
    while (j < this.n && j - i < 3 && (this.isSpace(j) || this.code(j) === 45)) j++
    const first = this.code(j) | 0x20
    if (first !== 0x61 && first !== 0x70 && this.code(j) !== 47) return null
    if (this.code(j) === 47) {
      const unit = this.wordAfter(j + 1, false)
      if (!unit) return null
      return {per: unit.lower, end: unit.end}
    }
    const marker = this.wordAfter(j, false)
    if (!marker || (marker.lower !== 'a' && marker.lower !== 'an' && marker.lower !== 'per')) return null
    let k = marker.end
    const from = k
    while (k < this.n && k - from < 3 && (this.isSpace(k) || this.code(k) === 45)) k++
    if (k === from) return null
    const unit = this.wordAfter(k, false)
    if (!unit) return null
    if (marker.lower === 'per') {
      if (unit.lower === 'cent' || unit.lower === 'centum') return null
    } else {
      if (!RATE_UNITS.has(unit.lower)) return null
      if (TIME_UNITS.has(unit.lower)) {
        const after = this.wordAfter(unit.end)
        if (after && TIME_FOLLOWERS.has(after.lower)) return null
      }
    }
    // "per square foot", "per thousand cubic feet", "a metric ton"
    let per = unit.lower
    let end = unit.end
    for (let extra = 0; extra < 2 && UNIT_MODIFIERS.has(per.slice(per.lastIndexOf(' ') + 1)); extra++) {
      const next = this.wordAfter(end)
      if (!next || next.start !== end + 1) break
      per = `${per} ${next.lower}`
      end = next.end
    }
    return {per, end}
  }

  /** "or more", "or less", "or so", "-plus" right after a figure. */
  private readPostQualifier(i: number): {phrase: string; kind: QualifierKind; end: number} | null {
    if (this.code(i) === 45 || this.code(i) === 43) {
      // "$5bn-plus", "$5bn+"
      if (this.code(i) === 43 && !this.isLetter(i + 1) && !this.isDigit(i + 1)) return {phrase: 'plus', kind: 'lower', end: i + 1}
      const plus = this.wordAfter(i + 1, false)
      if (this.code(i) === 45 && plus && plus.lower === 'plus') return {phrase: 'plus', kind: 'lower', end: plus.end}
      return null
    }
    if (!this.isSpace(i) || (this.code(i + 1) | 0x20) !== 0x6f) return null
    const or = this.wordAfter(i)
    if (!or || or.lower !== 'or' || or.start === i) return null
    const next = this.wordAfter(or.end)
    if (!next || next.start === or.end) return null
    const phrase = `or ${next.lower}`
    const kind = POST_QUALIFIERS.get(phrase)
    if (!kind) return null
    // "less than $1 billion or more than $42 billion": "or more" starts the next comparison
    const after = this.wordAfter(next.end)
    if (after && after.start === next.end + 1 && after.lower === 'than') return null
    return {phrase, kind, end: next.end}
  }

  /** The qualifier right before `at` ("more than", "about", "up to"), with where it starts. */
  private readQualifier(at: number): {phrase: string; kind: QualifierKind; start: number} | null {
    if (!this.isSpace(at - 1)) return null
    // phrases are matched by the hash of the text they span, so nothing is sliced unless one matches
    const end = at - 1
    let phrase = ''
    let start = -1
    let e = end
    for (let w = 0; w < 4; w++) {
      let s = e
      while (s > 0 && e - s < MAX_WORD && this.isLetter(s - 1)) s--
      if (s === e || this.isLetter(s - 1)) break
      if (w === 0 && !QUALIFIER_LAST_HASHES.has(this.hashAt(s, e))) return null
      if (QUALIFIER_HASHES.has(this.hashAt(s, end))) {
        const candidate = this.text.slice(s, end).toLowerCase()
        if (QUALIFIERS.has(candidate)) {
          phrase = candidate
          start = s
        }
      }
      if (!this.isSpace(s - 1)) break
      e = s - 1
    }
    if (start < 0) return null
    if (phrase === 'over') {
      // "a row over £20m" is about the money, not more than it
      const before = this.wordBefore(start)
      if (before && OVER_AS_ABOUT.has(before.lower)) return null
    }
    return {phrase, kind: QUALIFIERS.get(phrase)!, start}
  }

  /** A range connector right before `at`: a dash, "to", or "and" (for "between ... and ..."). */
  private readConnector(at: number): {kind: 'dash' | 'to' | 'and'; fEnd: number} | null {
    let j = this.skipSpacesBack(at, 2)
    const c = this.code(j - 1)
    if (DASHES.has(c)) return {kind: 'dash', fEnd: this.skipSpacesBack(j - 1, 2)}
    if (j === at) return null
    let s = j
    while (s > 0 && j - s < 4 && this.isLetter(s - 1)) s--
    if (!CONNECTOR_HASHES.has(this.hashAt(s, j))) return null
    const word = this.wordBefore(j)
    if (!word || word.end !== j) return null
    if (word.lower !== 'to' && word.lower !== 'and') return null
    const fEnd = this.skipSpacesBack(word.start, 2)
    if (fEnd === word.start) return null
    return {kind: word.lower === 'to' ? 'to' : 'and', fEnd}
  }

  /** Combines F and G into one range figure, 'change' for "rose from F to G", or null when they are no range. */
  private rangeOf(f: Figure, g: Figure, kind: 'dash' | 'to' | 'and'): Figure | 'change' | null {
    if (f.iso !== g.iso) return null
    if (kind === 'and') {
      const before = this.wordBefore(f.start)
      if (!before || before.lower !== 'between') return null
    } else if (kind === 'to' && this.changeBefore(f.start)) {
      return 'change'
    }
    let low = f.value
    // "$5-6 billion", "between 3 and 4 billion euros": the first bound shares the second's magnitude
    if (f.pow === 0 && g.pow > 0 && compareDecimal(f.raw, g.raw) < 0) {
      low = shiftDecimal(f.raw, g.pow)
      if (f.minor) low = shiftDecimal(low, -f.minor)
    }
    if (compareDecimal(low, g.value) > 0) return null
    const start = f.start
    let qualifier = f.qualifier
    let bound = f.bound
    const lead = this.wordBefore(f.start)
    if (lead && (lead.lower === 'between' || lead.lower === 'from')) {
      const q = this.readQualifier(lead.start)
      if (q) {
        qualifier = q.phrase
        bound = q.kind
      }
    } else if (qualifier === undefined) {
      const q = this.readQualifier(start)
      if (q) {
        qualifier = q.phrase
        bound = q.kind
      }
    }
    const range: Figure = {
      start,
      end: g.end,
      value: low,
      raw: low,
      pow: 0,
      iso: g.iso,
      assumed: f.assumed && g.assumed,
      minor: g.minor,
      min: low,
      max: g.value,
      range: true,
    }
    if (qualifier !== undefined) {
      range.qualifier = qualifier
      range.bound = bound
    }
    if (g.per !== undefined) range.per = g.per
    else if (f.per !== undefined) range.per = f.per
    if (f.equivalentOf !== undefined) range.equivalentOf = f.equivalentOf
    return range
  }

  /** A change verb in the few words before `at` ("rose from", "cut ... to", "fell 20 cents to"). */
  private changeBefore(at: number): boolean {
    for (const word of this.wordsBefore(at, 4)) if (CHANGE_WORDS.has(word.lower)) return true
    return false
  }

  /** Stores a figure: merged into a range with the figure or number before it, else qualified and linked as a conversion. */
  private place(g: Figure): void {
    const link = this.readConnector(g.start)
    if (link) {
      const last = this.figures[this.figures.length - 1]
      let f: Figure | null = null
      let fromBare = false
      if (last && !last.range && last.end === link.fEnd && last.per === undefined) {
        f = last
      } else if (this.bare && this.bare.end === link.fEnd && this.bare.start >= this.consumed) {
        const b = this.bare
        const raw = this.valueOf(b)
        f = {start: b.start, end: b.end, value: shiftDecimal(raw, b.pow - g.minor), raw, pow: b.pow, iso: g.iso, assumed: g.assumed, minor: g.minor, range: false}
        fromBare = true
      } else if (link.kind !== 'dash') {
        const written = this.writtenBefore(link.fEnd, null)
        const parsed = written ? parseWrittenNumber(written.words) : null
        if (written && parsed && written.start >= this.consumed && !(written.words.length === 1 && (written.words[0] === 'a' || written.words[0] === 'an'))) {
          const value = g.minor ? shiftDecimal(parsed.value, -g.minor) : parsed.value
          f = {start: written.start, end: link.fEnd, value, raw: parsed.raw, pow: parsed.pow, iso: g.iso, assumed: g.assumed, minor: g.minor, range: false}
          fromBare = true
        }
      }
      if (f) {
        if (fromBare) {
          const q = this.readQualifier(f.start)
          if (q) {
            f.qualifier = q.phrase
            f.bound = q.kind
          }
        }
        const range = this.rangeOf(f, g, link.kind)
        if (range === 'change') {
          // "rose from 10 to 20 dollars": two figures, the first borrowing the second's currency
          if (fromBare) {
            const from = this.wordBefore(f.start)
            if (from && from.lower === 'from') {
              if (f.pow === 0 && g.pow > 0 && compareDecimal(f.raw, g.raw) < 0) f.value = shiftDecimal(f.raw, g.pow - f.minor)
              this.push(f)
            }
          }
        } else if (range) {
          if (fromBare) this.push(range)
          else this.figures[this.figures.length - 1] = range
          return
        }
      }
    }
    const q = this.readQualifier(g.start)
    if (q && g.qualifier === undefined) {
      g.qualifier = q.phrase
      g.bound = q.kind
    }
    // "€6 billion ($6.98 billion)", "£5m, or $6.5m": the second converts the first
    const last = this.figures[this.figures.length - 1]
    const gapEnd = q ? q.start : g.start
    if (last && last.iso !== g.iso && this.isConversionGap(last.end, gapEnd)) {
      g.equivalentOf = this.figures.length - 1
    } else if (last && last.equivalentOf !== undefined && last.iso !== g.iso && this.figures[last.equivalentOf]!.iso !== g.iso && this.isListGap(last.end, gapEnd)) {
      // "£1.2bn (€1.4bn; $1.5bn)": a second conversion of the same figure
      g.equivalentOf = last.equivalentOf
    }
    this.push(g)
  }

  /** Whether the text between two figures is "(" or ", or" — how conversions are written. */
  private isConversionGap(from: number, to: number): boolean {
    if (to - from > 8 || to <= from) return false
    const gap = this.text.slice(from, to).replace(/[\s\u00a0]+/g, ' ').trim()
    return gap === '(' || gap === ', or' || gap === 'or' || gap === '(or' || gap === '( or' || gap === '[' || gap === ', or about'
  }

  /** Whether only "; ", ", " or " / " separates two figures. */
  private isListGap(from: number, to: number): boolean {
    if (to - from > 4 || to <= from) return false
    const gap = this.text.slice(from, to).trim()
    return gap === ';' || gap === ',' || gap === '/'
  }

  private push(figure: Figure): void {
    if (figure.min === undefined && figure.max === undefined) {
      if (figure.bound === 'lower') figure.min = figure.value
      else if (figure.bound === 'upper') figure.max = figure.value
    }
    this.figures.push(figure)
  }
}

/** A unit or tens word (forty, two): how a minor amount after a major one is written. */
function isCountWord(word: string): boolean {
  return isNumberWord(word) && word !== 'hundred' && word !== 'half' && word !== 'quarter' && !MAGNITUDES.has(word)
}
