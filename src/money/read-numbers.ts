/** The money scanner's numbers: digits with grouping and decimals, magnitudes ("bn", "million", lakh). */
import type {Decimal} from './decimal.ts'
import {GROUP_APOSTROPHES, GROUP_SPACES, groupedIntegerSource} from '../text/digit-groups.ts'
import {TextCursor} from './text-cursor.ts'
import {APOSTROPHES, ATTACHED_ONLY_MAGNITUDES, CURRENCY_NAMES, ISO_CODES, MAGNITUDES, MAGNITUDE_HASHES, MAX_FRACTION_DIGITS, MAX_INT_DIGITS, NBSP_GROUPS, Numeral, SYMBOLS, decimalFromDigits, isDigit} from './scan-tables.ts'

// a figure grouped by apostrophes or spaces from its first digit, each run of groups bounded so a chain longer than
// MAX_INT_DIGITS * 2 still reads past that bound (and is refused) without reading to its end
const GROUPED = new RegExp(groupedIntegerSource([...GROUP_APOSTROPHES, ...GROUP_SPACES], MAX_INT_DIGITS / 2), 'y')

/** Part of the money scanner (see src/money/find-money.ts); the layers build on each other. */
export class NumberReader extends TextCursor {
  // ---------------------------------------------------------------- numbers

  /** Reads a number in digits: 1,250.50, 1.250,50, 12,34,567, 1 250 000 (with non-breaking spaces), 6,5 before a unit. */
  protected readNumeral(i: number): Numeral | null {
    const text = this.text
    let j = i
    while (j < this.n && isDigit(text.charCodeAt(j))) {
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
    // "USD 3:45pm", "$10:30": a clock time, not an amount (fuzz finding, docs/fuzz.md: the TIME entity won and the
    // money record was left without its MONEY entity)
    if (c === 58 && runLength <= 2 && this.digitsAt(j + 1, 2) && !isDigit(this.code(j + 3))) return null
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
      // 1 250 000 with non-breaking or thin spaces, 1'250'000 (Swiss); 2'710,828: apostrophe groups that go on with
      // comma groups of three (the apostrophe marking the millions, as 2'710.828 is written in Colombia or Peru) are
      // one number, as 2,710,828 (fuzz seed 6004011: the money figure stopped at the comma and the number finder's
      // 710,828 won the overlap), and so are space groups (1 288,333, fuzz seed 6004700): a comma before three digits
      // groups, as everywhere in this reader; a comma before one or two digits is still the decimal comma (1'234,5,
      // 1 250,50). The grammar is the number finder's too (src/text/digit-groups.ts)
      GROUPED.lastIndex = i
      const k = GROUPED.test(text) ? GROUPED.lastIndex : j
      if (k - i > MAX_INT_DIGITS * 2) return null
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
  protected override valueOf(number: {start: number; integer: string | null; intEnd: number; fraction: string}): Decimal {
    return decimalFromDigits(number.integer ?? this.text.slice(number.start, number.intEnd), number.fraction)
  }

  /** Whether a magnitude or currency starts at i (after at most one space), to accept a decimal comma. */
  protected unitFollows(i: number): boolean {
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
  protected readMagnitude(i: number): {pow: number; end: number} | null {
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
}
