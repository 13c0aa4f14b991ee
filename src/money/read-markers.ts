/** The money scanner's currency markers: symbols, ISO codes and currency names before or after a number. */
import type {CurrencyName} from './lexicon.ts'
import {NumberReader} from './read-numbers.ts'
import {ADJECTIVE_FIRST_HASHES, ADJECTIVE_HASHES, AMBIGUOUS_CODES, CAPITAL_ONLY_PREFIXES, CENT_SIGN, CURRENCY_ALIASES, CURRENCY_NAMES, DEFAULT_DOLLAR, DOLLAR_PREFIXES, ISO_CODES, LOWERCASE_CODES, MARKER_HASHES, MAX_NAME_LENGTH, MAX_WORD, Marker, NAME_DETERMINERS, Numeral, OTHER_SYMBOL_PREFIXES, PREFIX_ONLY_ALIASES, REJECT, SPACED_DOLLAR_PREFIXES, SUFFIX_ONLY_ALIASES, SYMBOLS, TRIGGERS, US_PREFIX_CONTEXT, VIDEO_RESOLUTIONS, Word, hashWord, isLetter} from './scan-tables.ts'

/** Part of the money scanner (see src/money/find-money.ts); the layers build on each other. */
export class MarkerReader extends NumberReader {
  // ---------------------------------------------------------------- currency markers

  /** A code, alias or M-prefixed code spelled `word` (as written), or null. */
  protected markerFromWord(word: string, start: number, end: number, position: 'before' | 'after'): Marker | null {
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

  protected marker(iso: string, assumed: boolean, start: number, end: number, kind: Marker['kind'], weak: boolean): Marker {
    return {iso, assumed, minor: 0, weak, start, end, kind, pow: 0, adjective: false}
  }

  /** A currency written before the number that starts at i: "$", "US$", "c $", "€", "EUR", "Rs.", "MEUR", "ringgit". */
  protected readPrefix(i: number): Marker | null | typeof REJECT {
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
    if (!isLetter(c) && c !== 46) return null
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
  protected symbolPrefix(at: number, iso: string, assumed: boolean): Marker {
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
  protected usPrefixContext(at: number): boolean {
    const j = this.skipSpacesBack(at)
    if (j === 0) return true
    if (!this.isLetter(j - 1)) return true
    const previous = this.wordBefore(at)
    return previous !== null && US_PREFIX_CONTEXT.has(previous.lower)
  }

  /** A national adjective of 1-3 words ending right before `at` ("Canadian", "Hong Kong", "U.S."). */
  protected adjectiveBefore(at: number, name: CurrencyName): {start: number; iso: string} | null {
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
  protected readSuffix(i: number, numeral: Numeral | null): Marker | null {
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
    if (!isLetter(c)) return null
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
          // "6p.m." is a clock time, not six pence (fuzz finding, docs/fuzz.md)
          if (letter === 0x70 && this.code(end) === 46 && (this.code(end + 1) | 0x20) === 0x6d) return null
          const minor = this.marker(letter === 0x63 ? DEFAULT_DOLLAR : 'GBP', true, j, end, 'minor', false)
          minor.minor = 2
          return minor
        }
      }
    }
    return this.nameAfter(j, hyphen)
  }

  /** A currency name, maybe after a national adjective, starting at j: "dollars", "US dollars", "swiss francs". */
  protected nameAfter(j: number, hyphen: boolean): Marker | null {
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

  protected nameAt(start: number, end: number): CurrencyName | undefined {
    if (end - start > MAX_NAME_LENGTH || !TRIGGERS.has(this.hashAt(start, end))) return undefined
    return CURRENCY_NAMES.get(this.text.slice(start, end).toLowerCase())
  }
}
