import type {Money} from '../doc.ts'
import {FigureReader} from './complete-figure.ts'
import {APOSTROPHES, ATTACHED_ONLY_MAGNITUDES, DEFAULT_DOLLAR, DOLLAR_CODES, Figure, MAX_NAME_LENGTH, Marker, NON_MONEY_HASHES, NON_MONEY_UNITS, Numeral, REJECT, TRIGGERS, WEIGHT_WORDS, WORD_LOWER, formatDecimal, isDigit, parseWrittenNumber, shiftDecimal} from './scan-tables.ts'
import {isPercentAt} from '../numbers/find-numbers.ts'
import {buildFilter, filterHas} from '../text/hash-filter.ts'
import {hasSignBefore} from '../text/digit-groups.ts'

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

// the currency signs' compatibility forms whose NFKC form is one code unit the scanner knows: ﹩ ＄ ￠ ￡ ￥ ￦
const COMPAT_SIGN = /[\ufe69\uff04\uffe0\uffe1\uffe5\uffe6]/
const COMPAT_SIGNS = new RegExp(COMPAT_SIGN.source, 'g')

/** Finds monetary figures in news text and normalises each to an exact amount and an ISO 4217 currency. */
export function findMoney(text: string, options: FindMoneyOptions = {}): Money[] {
  // a full-width or small currency sign is the sign (a CJK input method types ＄ and ￥ in English copy too): read as
  // its NFKC form, one code unit for one, so every offset stays the text's
  const scanner = new Scanner(COMPAT_SIGN.test(text) ? text.replace(COMPAT_SIGNS, (c) => c.normalize('NFKC')) : text)
  scanner.scan()
  const dollar = options.defaultDollar ?? 'USD'
  const found = scanner.figures.map((figure) => toMoney(figure, dollar))
  for (let k = 0; k < found.length; k++) {
    const money = found[k]!
    // "$10 (US$7.2)" is how Australian or Canadian copy converts its own dollar; read with the default dollar, both
    // figures are one currency, and a figure is no conversion of another in the same currency: the link goes
    if (money.equivalentOf !== undefined && found[money.equivalentOf]!.currency === money.currency) delete money.equivalentOf
    // a sign written flush before the figure is its own (src/text/digit-groups.ts, one rule with the number finder): a
    // minus makes it negative, a plus leaves it; not on a range, nor inside the previous figure
    if (money.min === undefined && money.max === undefined && money.amount !== 0 && money.start - 1 >= (k > 0 ? found[k - 1]!.end : 0) && hasSignBefore(text, money.start)) {
      money.start--
      if (text.charCodeAt(money.start) !== 0x2b) {
        money.value = `-${money.value}`
        money.amount = -money.amount
      }
    }
  }
  return found
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

// a hash filter of the currency words (64 Kbit): most words of a text are turned away by an array read instead of
// a Set lookup (a hash the filter may hold still asks TRIGGERS)
const TRIGGER_BITS = buildFilter(TRIGGERS, 2048)

// the top of the scanner: the one pass and what wakes it (digits, currency words)
class Scanner extends FigureReader {
  scan(): void {
    const {text, n} = this
    let i = 0
    while (i < n) {
      const c = text.charCodeAt(i)
      if (isDigit(c)) {
        i = this.onDigit(i)
        continue
      }
      // a letter run's hash as `hashWord` makes it: WORD_LOWER is 0 outside letters and marks, else the unit's
      // lower case (one table read per character instead of the class test and the lower-case read)
      let lower = WORD_LOWER[c]!
      if (lower === 0) {
        i++
        continue
      }
      let h = 0
      let j = i
      do {
        h = (Math.imul(h, 31) + lower) | 0
        j++
      } while (j < n && (lower = WORD_LOWER[text.charCodeAt(j)]!) !== 0)
      i = j - i <= MAX_NAME_LENGTH && filterHas(TRIGGER_BITS, h) && TRIGGERS.has(h) ? this.onWord(i, j) : j
    }
  }

  // ---------------------------------------------------------------- triggers

  protected onDigit(i: number): number {
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
    // "$ 3%", "EUR 3.5% notes": a number before a percent sign or word is a percentage, whatever stands before it, and
    // the number finder reads it (docs/fuzz.md, numfix (c); one percent ending for both finders)
    if (isPercentAt(text, end)) return this.skipToken(i)
    let marker: Marker | null = prefix
    if (prefix && prefix.pow) {
      if (magnitude) return end
      pow = prefix.pow
    }
    const suffix = !prefix || prefix.kind === 'symbol' ? this.readSuffix(end, numeral) : null
    if (suffix) {
      // "Aug 2$", "November 2019€": a day or year of a date, not an amount (fuzz finding, docs/fuzz.md: the DATE won and the money record
      // had no MONEY entity); only a bare day, so "Aug 2 million dollars" and "Aug 2.5$" stay money, but a day whose
      // digits open a space-grouped figure is the date's ("January 3 412,2€", fuzz seed 6001660: the DATE reads January 3)
      if (!prefix && !magnitude && (numeral.intDigits <= 2 || numeral.yearLike) && this.isDayOfMonth(i)) return this.skipToken(i)
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
  protected acceptable(numeral: Numeral, marker: Marker, pow: number, end: number): 'ok' | 'weak' | 'no' {
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
  protected yearFollows(end: number): boolean {
    const k = this.skipSpaces(end, 1)
    if (APOSTROPHES.has(this.code(k)) || this.code(k) === 0x2018) return this.digitsAt(this.skipSpaces(k + 1, 1), 2)
    if (!this.digitsAt(k, 4)) return false
    const c0 = this.code(k)
    const c1 = this.code(k + 1)
    return (c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48)
  }

  /** "lost 20 pounds", "20 pounds of cocaine", "a 200-pound man", "27 pounds (12 kg)": a weight, not sterling. */
  protected looksLikeWeight(start: number, end: number, numberEnd = -1): boolean {
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
  protected onBare(numeral: Numeral, pow: number, end: number): number {
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
  protected bareEndsRange(end: number, pow: number): boolean {
    if (pow) return true
    const word = this.wordAfter(end)
    if (!word) return true
    return ['a', 'an', 'per', 'each', 'for', 'in', 'on', 'at', 'to', 'and', 'or', 'than', 'apiece', 'from', 'by', 'with'].includes(word.lower)
  }

  /** A currency word not already read as part of a figure: a written number may precede it ("six billion euros"). */
  protected onWord(start: number, end: number): number {
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
  protected articleCounts(end: number): boolean {
    if (this.code(end) === 45) return false
    const word = this.wordAfter(end)
    if (!word) return true
    return ['a', 'an', 'per', 'each', 'for', 'more', 'less', 'or', 'and', 'to', 'than', 'in', 'on', 'at', 'apiece', 'from', 'short'].includes(word.lower)
  }

}
