/** The money scanner's completion of a figure: combos, rates, qualifiers, ranges, conversions and placement. */
import type {CurrencyName, QualifierKind} from './lexicon.ts'
import type {Decimal} from './decimal.ts'
import {findCalendarDateEnd} from '../dates/find-calendar-date.ts'
import {isRegexSpace} from '../text/chars.ts'
import {MarkerReader} from './read-markers.ts'
import {CENT_SIGN, CHANGE_WORDS, COMBO_START_HASHES, CONNECTOR_HASHES, CURRENCY_NAMES, DASHES, Figure, MAGNITUDES, MAX_WORD, MAX_WRITTEN_WORDS, MINOR_PLACES, OVER_AS_ABOUT, POST_QUALIFIERS, QUALIFIERS, QUALIFIER_HASHES, QUALIFIER_LAST_HASHES, RATE_UNITS, TIME_FOLLOWERS, TIME_UNITS, UNIT_MODIFIERS, addDecimal, compareDecimal, decimalFromDigits, isCountWord, isFigureSpace, isNumberWord, parseWrittenNumber, shiftDecimal} from './scan-tables.ts'

// the longest piece of a date between white space: "early-September." (16), "1996-08-22" (10), "Wednesday," (10)
const MAX_DATE_PIECE = 24

// [A-Za-z0-9_], the \w of the DATE patterns
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

/** Part of the money scanner (see src/money/find-money.ts); the layers build on each other. */
export class FigureReader extends MarkerReader {
  // ---------------------------------------------------------------- completing a figure

  /** Adds minor units, rate, qualifiers, range and conversion links, then stores the figure. Returns where to resume. */
  protected finish(figure: Figure, resume: number): number {
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
  protected readCombo(figure: Figure): number {
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
  protected readRate(i: number): {per: string; end: number} | null {
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
  protected readPostQualifier(i: number): {phrase: string; kind: QualifierKind; end: number} | null {
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
  protected readQualifier(at: number): {phrase: string; kind: QualifierKind; start: number} | null {
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
  protected readConnector(at: number): {kind: 'dash' | 'to' | 'and'; fEnd: number} | null {
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
  protected rangeOf(f: Figure, g: Figure, kind: 'dash' | 'to' | 'and'): Figure | 'change' | null {
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

  /**
   * Whether the number at `at` is the day or year of a date the DATE finder reads ("Dec. 1", "December 1", "November
   * 2019", "Nov. 8, 2019", "1996-08-22"): no amount before a suffix currency, no range bound. The calendar reader the
   * DATE finder uses (src/dates/find-calendar-date.ts) is asked from each word start such a date may start at.
   */
  protected isDayOfMonth(at: number): boolean {
    // a date's month is at most two white-space runs before its year ("Nov. 8th, 2019"), a run with at most one line
    // break, and no piece of a date between white space is longer than MAX_DATE_PIECE ("early-September.",
    // "1996-08-22"): the search stops at a third run, a blank line or a longer piece
    let i = at
    let runs = 0
    let piece = 0
    while (i > 0) {
      const c = this.code(i - 1)
      if (isRegexSpace(c)) {
        if (++runs > 2) return false
        let breaks = 0
        for (let b = c; i > 0 && isRegexSpace(b); b = this.code(i - 1)) {
          if (b === 10 || b === 0x2028 || b === 0x2029) breaks++
          i--
        }
        if (breaks > 1) return false
        piece = 0
        continue
      }
      if (++piece > MAX_DATE_PIECE) return false
      i--
      // the reader's patterns start at an ASCII letter or digit after a non-word character (their lookbehinds)
      if (isAsciiWordChar(c) && c !== 95 && !isAsciiWordChar(this.code(i - 1)) && findCalendarDateEnd(this.text, i) > at) return true
    }
    return false
  }

  /** A change verb in the few words before `at` ("rose from", "cut ... to", "fell 20 cents to"). */
  protected changeBefore(at: number): boolean {
    for (const word of this.wordsBefore(at, 4)) if (CHANGE_WORDS.has(word.lower)) return true
    return false
  }

  /** Stores a figure: merged into a range with the figure or number before it, else qualified and linked as a conversion. */
  protected place(g: Figure): void {
    const link = this.readConnector(g.start)
    if (link) {
      const last = this.figures[this.figures.length - 1]
      let f: Figure | null = null
      let fromBare = false
      if (last && !last.range && last.end === link.fEnd && last.per === undefined) {
        f = last
      } else if (this.bare && this.bare.end === link.fEnd && this.bare.start >= this.consumed && !this.isDayOfMonth(this.bare.start)) {
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
  protected isConversionGap(from: number, to: number): boolean {
    if (to - from > 8 || to <= from) return false
    const gap = this.text.slice(from, to).replace(/[\s\u00a0]+/g, ' ').trim()
    return gap === '(' || gap === ', or' || gap === 'or' || gap === '(or' || gap === '( or' || gap === '[' || gap === ', or about'
  }

  /** Whether only "; ", ", " or " / " separates two figures. */
  protected isListGap(from: number, to: number): boolean {
    if (to - from > 4 || to <= from) return false
    const gap = this.text.slice(from, to).trim()
    return gap === ';' || gap === ',' || gap === '/'
  }

  protected push(figure: Figure): void {
    if (figure.min === undefined && figure.max === undefined) {
      if (figure.bound === 'lower') figure.min = figure.value
      else if (figure.bound === 'upper') figure.max = figure.value
    }
    this.figures.push(figure)
  }

  /** Number words ending at `end` ("six billion", "twenty-five", "half a", "one"), with their start. */
  protected writtenBefore(end: number, name: CurrencyName | null): {start: number; words: string[]} | null {
    const words: string[] = []
    const floor = this.consumed
    let start = end
    let k = end
    while (words.length < MAX_WRITTEN_WORDS) {
      // one space or a hyphen separates number words ("twenty-five", "one-yen", "six billion")
      const sep = this.code(k - 1)
      if (!isFigureSpace(sep) && sep !== 45) break
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
}
