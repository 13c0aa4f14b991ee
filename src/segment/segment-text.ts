/**
 * Segmentation for the `segment` stage: paragraphs, Penn-Treebank-like tokens and sentences, each found in one pass over
 * character codes (no per-token regexes), so segmentation costs little next to the stages after it.
 */
import {TokenFlag, type Span, type Token, type TokenKind} from '../doc.ts'
import {astralClass, CHAR_CLASS, CharClass} from '../text/chars.ts'
import {findWraps} from './layout.ts'
import {FINAL_ABBREVIATIONS, NUMBER_ABBREVIATIONS, PLACE_PREFIX_ABBREVIATIONS, PREFIX_ABBREVIATIONS, SENTENCE_OPENERS, STATE_ABBREVIATIONS} from '../text/abbreviations.ts'

// module-level copies: imported bindings cost a lookup per character in hot loops
const CLS = CHAR_CLASS
const OTHER: number = CharClass.Other
const SPACE: number = CharClass.Space
const UPPER: number = CharClass.Upper
const LOWER: number = CharClass.Lower
const LETTER: number = CharClass.Letter
const MARK: number = CharClass.Mark
const DIGIT: number = CharClass.Digit
const NUMBER_OTHER: number = CharClass.NumberOther
const PUNCT: number = CharClass.Punct
const HIGH: number = CharClass.HighSurrogate
const UPPER_FLAG: number = TokenFlag.Upper
const ABBREVIATION_FLAG: number = TokenFlag.Abbreviation
const CLITIC_FLAG: number = TokenFlag.Clitic

/**
 * Paragraphs, by the document's layout: the text between line breaks (a single newline separates paragraphs)
 * unless the document is hard-wrapped, where a wrap (see src/segment/layout.ts) joins two lines into one paragraph
 * and the span crosses the newline. Trimmed, never empty.
 */
export function findParagraphs(text: string): Span[] {
  const wraps = findWraps(text)
  const spans: Span[] = []
  const n = text.length
  // the Unicode line and paragraph separators are rare: a text without them has its breaks found by indexOf (a
  // native scan) instead of a loop over every character
  const separators = text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0
  let start = 0
  let w = 0
  // the first \n at or after the current position (or the text's end), searched for again only once passed: searched
  // for from every separator, a text of many separators and few newlines was rescanned to its next newline each time
  // (quadratic: 4 M characters of U+2028-separated lines took 7.7 s instead of 74 ms)
  let newline = -1
  // every break in text order, the text's end read as one
  for (let from = 0; ; ) {
    if (newline < from) {
      newline = text.indexOf('\n', from)
      if (newline < 0) newline = n
    }
    const i = separators ? nextSeparator(text, from, newline) : newline
    if (w < wraps.length && wraps[w] === i) w++
    else {
      let s = start
      let e = i
      while (s < e && CLS[text.charCodeAt(s)] === SPACE) s++
      while (e > s && CLS[text.charCodeAt(e - 1)] === SPACE) e--
      if (e > s) spans.push({start: s, end: e})
      start = i + 1
    }
    if (i >= n) return spans
    from = i + 1
  }
}

/** The first U+2028 or U+2029 in `text` from `from` up to `end`, or `end`. */
function nextSeparator(text: string, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    const code = text.charCodeAt(k)
    if (code === 0x2028 || code === 0x2029) return k
  }
  return end
}

// ---------------------------------------------------------------------------------------------
// tokens

function isWordClass(cls: number): boolean {
  return cls === UPPER || cls === LOWER || cls === LETTER || cls === DIGIT || cls === NUMBER_OTHER || cls === MARK
}

function isLetterClass(cls: number): boolean {
  return cls === UPPER || cls === LOWER || cls === LETTER
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019
}

function isHyphen(code: number): boolean {
  // - ‐ ‑ (en and em dashes are tokens of their own)
  return code === 0x2d || code === 0x2010 || code === 0x2011
}

// left-to-right and right-to-left marks, embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069)
function isDirectionControl(code: number): boolean {
  return code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** Class of the character at `i`, reading a surrogate pair as one astral code point. */
function classAt(text: string, i: number): number {
  const cls = CLS[text.charCodeAt(i)]!
  if (cls !== HIGH) return cls
  const cp = text.codePointAt(i)!
  return cp > 0xffff ? astralClass(cp) : OTHER
}

/** Width in code units of the character at `i` (2 for a surrogate pair). */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return 2
  }
  return 1
}

// punctuation that is a symbol in all but Unicode's name: %, per mille, #, &, @, section and pilcrow, daggers
function isSymbolPunct(code: number): boolean {
  return code === 0x25 || code === 0x2030 || code === 0x2031 || code === 0x23 || code === 0x26 || code === 0x40 || code === 0xa7 || code === 0xb6 || code === 0x2020 || code === 0x2021
}

/** Tokens, Penn-Treebank-like: punctuation apart, clitics split ('s, n't), numbers, abbreviations and hyphenated words whole. */
export function findTokens(text: string): Token[] {
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    const cls = CLS[code]!
    if (cls === SPACE) {
      i++
      continue
    }
    if (isWordClass(cls) && cls !== MARK) {
      i = scanWord(text, i, tokens, cls === UPPER ? UPPER_FLAG : 0)
      continue
    }
    if (cls === HIGH) {
      const cp = text.codePointAt(i)!
      const astral = cp > 0xffff ? astralClass(cp) : OTHER
      if (isLetterClass(astral) || astral === DIGIT) {
        // a letter above U+FFFF: the flag reads the first code unit, which is a surrogate, never uppercase
        i = scanWord(text, i, tokens, 0)
        continue
      }
      let width = widthAt(text, i)
      // a flag is a pair of regional indicators
      if (isRegionalIndicator(cp) && width === 2 && isRegionalIndicator(text.codePointAt(i + 2) ?? 0)) width = 4
      const end = extendSymbol(text, i + width)
      tokens.push({start: i, end, kind: 'symbol', flags: 0})
      i = end
      continue
    }
    if (cls === MARK) {
      // a soft hyphen or zero-width (non-)joiner after a space renders as nothing: skipped as a space is, where it was
      // a symbol token of its own that split the name it stood in ("Doug \u00adAndres" two names, "Doug" and "Andres")
      const last = tokens[tokens.length - 1]
      if ((code === 0x00ad || code === 0x200c || code === 0x200d) && !(last && last.end === i)) {
        i++
        continue
      }
      // a mark after a token belongs to it (never split what renders as one character)
      const end = extendMarks(text, i + 1)
      if (last && last.end === i) last.end = end
      else tokens.push({start: i, end, kind: 'symbol', flags: 0})
      i = end
      continue
    }
    // a clitic written apart, as in text tokenised the Penn Treebank way ("Lord 's", "they 're"): one token, as
    // when it is written flush ("Lord's"), so the recogniser reads the same words either way
    if (isApostrophe(code)) {
      const end = spacedCliticEnd(text, i, tokens)
      if (end > i) {
        tokens.push({start: i, end, kind: 'word', flags: CLITIC_FLAG})
        i = end
        continue
      }
    }
    // the backtick is a modifier symbol to Unicode but an opening quote in ``Penn'' text
    if ((cls === PUNCT && !isSymbolPunct(code)) || code === 0x60) {
      i = scanPunct(text, i, code, tokens)
      continue
    }
    const end = extendSymbol(text, i + 1)
    tokens.push({start: i, end, kind: 'symbol', flags: 0})
    i = end
  }
  return tokens
}

/**
 * End of a clitic ('s, 'm, 'd, 're, 've, 'll, any case) whose apostrophe is at `i`, written apart after a word
 * ("Boatmen 's", "BRITAIN 'S"), or `i` when there is none: a space before the apostrophe, a word token before
 * that, and no letter, digit or apostrophe right after the clitic (so "'so'" and "'s'" stay quotes).
 */
function spacedCliticEnd(text: string, i: number, tokens: readonly Token[]): number {
  const last = tokens[tokens.length - 1]
  if (last === undefined || last.kind === 'punct' || last.kind === 'symbol' || last.end >= i) return i
  const before = text.charCodeAt(i - 1)
  // a space or tab on the same line: a clitic never opens a line
  if (before !== 0x20 && before !== 0x09 && before !== 0xa0) return i
  const a = text.charCodeAt(i + 1) | 0x20
  let end = i
  if (a === 0x73 || a === 0x6d || a === 0x64) end = i + 2
  else {
    const b = text.charCodeAt(i + 2) | 0x20
    // re, ve, ll
    if ((a === 0x72 && b === 0x65) || (a === 0x76 && b === 0x65) || (a === 0x6c && b === 0x6c)) end = i + 3
    else return i
  }
  if (end > text.length) return i
  if (end < text.length) {
    const after = text.charCodeAt(end)
    if (isWordClass(classAt(text, end)) || isApostrophe(after)) return i
  }
  return end
}

function extendMarks(text: string, i: number): number {
  while (i < text.length && CLS[text.charCodeAt(i)] === MARK) i++
  return i
}

/** Extends an emoji or symbol over variation selectors, skin tones, keycaps, tags and joined sequences. */
function extendSymbol(text: string, i: number): number {
  const n = text.length
  for (;;) {
    if (i >= n) return i
    const code = text.charCodeAt(i)
    if (CLS[code] === MARK) {
      // ZWJ joins the next emoji to this one
      if (code === 0x200d && i + 1 < n && CLS[text.charCodeAt(i + 1)] !== SPACE) {
        i += 1 + widthAt(text, i + 1)
        continue
      }
      i++
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const cp = text.codePointAt(i)!
      // skin-tone modifiers and tag characters (subdivision flags)
      if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) {
        i += 2
        continue
      }
    }
    return i
  }
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff
}

function scanPunct(text: string, start: number, code: number, tokens: Token[]): number {
  let end = start + 1
  // runs of the same mark are one token: "...", "--", "''", "``", "!!!", "___"
  if (code === 0x2e || code === 0x2d || code === 0x27 || code === 0x60 || code === 0x21 || code === 0x3f || code === 0x5f || code === 0x2a) {
    while (end < text.length && text.charCodeAt(end) === code) end++
  }
  end = extendMarks(text, end)
  tokens.push({start, end, kind: 'punct', flags: 0})
  return end
}

const URL_PREFIXES = ['http://', 'https://', 'www.']

function scanUrl(text: string, start: number): number {
  let end = start
  while (end < text.length && CLS[text.charCodeAt(end)] !== SPACE) end++
  // trailing sentence punctuation and closing brackets belong to the sentence, not the address
  while (end > start) {
    const c = text.charCodeAt(end - 1)
    if (c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x5d || c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb) end--
    else break
  }
  return end
}

function startsUrl(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  // h or w only, before any slicing
  if (c !== 0x68 && c !== 0x48 && c !== 0x77 && c !== 0x57) return false
  // and then t (http) or w (www): most words that start with h or w ("he", "was", "which") stop here
  const d = text.charCodeAt(i + 1)
  if (d !== 0x74 && d !== 0x54 && d !== 0x77 && d !== 0x57) return false
  for (const prefix of URL_PREFIXES) {
    if (text.length - i >= prefix.length + 1 && startsWithFolded(text, i, prefix)) return true
  }
  return false
}

// whether `text` holds `prefix` (lowercase ASCII) at `i`, letters in either case: what slicing and lowercasing
// compared (no other character lowercases to an ASCII letter of these prefixes), without a string per word
function startsWithFolded(text: string, i: number, prefix: string): boolean {
  for (let k = 0; k < prefix.length; k++) {
    const want = prefix.charCodeAt(k)
    const code = text.charCodeAt(i + k)
    if (code !== want && !(want >= 0x61 && want <= 0x7a && code === want - 0x20)) return false
  }
  return true
}

/** Scans the word at `start`; `upper` is its {@link TokenFlag.Upper} bit, read by the caller from the first character's class. */
function scanWord(text: string, start: number, tokens: Token[], upper: number): number {
  const n = text.length
  if (startsUrl(text, start)) {
    const end = scanUrl(text, start)
    if (end > start + 4) {
      tokens.push({start, end, kind: 'word', flags: upper})
      return end
    }
  }
  // initialisms: U.S., e.g., a.m., G.O.P. (each starts letter + period: most words are turned away here without a
  // call; start + 1 < n first, as a read past the end sends the optimised code back to the interpreter)
  const initialism = start + 1 < n && text.charCodeAt(start + 1) === 0x2e ? scanInitialism(text, start) : start
  if (initialism > start) {
    // "U.S.-led" is one hyphenated word, as "Paris-based" is
    const compound = extendHyphenated(text, initialism)
    tokens.push({start, end: compound, kind: 'word', flags: compound > initialism ? upper : upper | ABBREVIATION_FLAG})
    return compound
  }
  let end = start
  let letters = false
  let apostrophe = false
  // the word ended on an initialism's period ("non-U.S."): no abbreviation period after it
  let closed = false
  let email = false
  while (end < n) {
    // most characters are BMP letters and digits: one table lookup, one code unit each
    const unit = CLS[text.charCodeAt(end)]!
    if (unit === LOWER || unit === UPPER) {
      letters = true
      end++
      continue
    }
    if (unit === DIGIT) {
      end++
      continue
    }
    const cls = unit === HIGH ? classAt(text, end) : unit
    if (isWordClass(cls)) {
      if (isLetterClass(cls)) letters = true
      end += widthAt(text, end)
      continue
    }
    if (end === start || end + 1 >= n) break
    const code = text.charCodeAt(end)
    const prev = text.charCodeAt(end - 1)
    const next = text.charCodeAt(end + 1)
    const prevCls = CLS[prev]!
    const nextCls = classAt(text, end + 1)
    if (code === 0x200b || code === 0x2060 || code === 0xfeff || isDirectionControl(code)) {
      // a zero-width space, word joiner or zero-width no-break space between two letters ("Mer\u200bkel", pasted
      // from a page that marks where a long word may wrap): one word as it reads, where it was two ("Mer", "kel");
      // a direction mark or override between letters too (it renders as nothing, or reverses what follows)
      if (isLetterClass(prevCls) && isLetterClass(nextCls)) {
        end++
        continue
      }
      break
    }
    if (isHyphen(code)) {
      // ambassador-at-large, Paris-based, COVID-19, 020-7946-0958
      if (isWordClass(prevCls) && isWordClass(nextCls) && nextCls !== MARK) {
        // an initialism closes the word with its periods: "non-U.S.", "D-N.Y."
        const initialism = isLetterClass(prevCls) ? scanInitialism(text, end + 1) : end + 1
        if (initialism > end + 1) {
          end = initialism
          letters = true
          closed = true
          break
        }
        end++
        continue
      }
      break
    }
    if (isApostrophe(code)) {
      // internal apostrophes stay (O'Brien, Putin's); clitics are split off below
      if (isLetterClass(prevCls) && isLetterClass(nextCls)) {
        apostrophe = true
        end++
        continue
      }
      break
    }
    if (code === 0x2e) {
      // 6.98, 1,250.50; amazon.com; user@example.org
      if ((isDigitCode(prev) && isDigitCode(next)) || (isLetterClass(prevCls) && (nextCls === LOWER || (email && isWordClass(nextCls))))) {
        end++
        continue
      }
      break
    }
    if (code === 0x2c || code === 0x3a || code === 0x2f) {
      // 1,250 and 3:45 and 11/13: separators between digits
      if (isDigitCode(prev) && isDigitCode(next)) {
        end++
        continue
      }
      break
    }
    if (code === 0x26) {
      // AT&T, S&P
      if (prevCls === UPPER && nextCls === UPPER) {
        end++
        continue
      }
      break
    }
    if (code === 0x40 && !email) {
      // an e-mail address
      if (isWordClass(prevCls) && isWordClass(nextCls)) {
        email = true
        letters = true
        end++
        continue
      }
      break
    }
    // snake_case handles and e-mail local parts; hyphens inside an address's domain
    if ((code === 0x5f || (email && code === 0x2d)) && isWordClass(prevCls) && isWordClass(nextCls)) {
      end++
      continue
    }
    break
  }
  if (end === start) end = start + widthAt(text, start)

  // a dollar's country prefix ("C$ 0.45", "US$5", "million HK$ unless"): one token, as a currency name is one word;
  // a letter written flush after the sign ("CA$H", "A$AP") makes no prefix
  if (end < n && text.charCodeAt(end) === 0x24 && end - start <= 3 && isUpperAscii(text, start, end) && (nextIsDigit(text, end + 1) || end + 1 >= n || !isWordClass(classAt(text, end + 1)))) {
    tokens.push({start, end: end + 1, kind: 'word', flags: upper})
    return end + 1
  }

  // a period that belongs to the word: an initial ("J."), or a listed abbreviation ("Mr.", "Inc.", "No. 5")
  // (end + 1 < n checked first: a read past the text's end gives NaN but sends V8's optimised scanWord back to the
  // interpreter, and it was compiled again in every thread)
  if (end < n && end - start <= 8 && text.charCodeAt(end) === 0x2e && letters && !apostrophe && !email && !closed && (end + 1 >= n || text.charCodeAt(end + 1) !== 0x2e)) {
    const word = text.slice(start, end)
    if (
      (end - start === 1 && CLS[text.charCodeAt(start)] === UPPER && isInitialBefore(text, end + 1)) ||
      PREFIX_ABBREVIATIONS.has(word) ||
      (FINAL_ABBREVIATIONS.has(word) && (!DATE_ABBREVIATIONS.has(word) || isDateAbbreviationAt(text, start, end + 1))) ||
      STATE_ABBREVIATIONS.has(word) ||
      // a party-and-state tag, "R-Wis.", "I-Vt."
      (word.includes('-') && STATE_ABBREVIATIONS.has(word.slice(word.lastIndexOf('-') + 1))) ||
      (NUMBER_ABBREVIATIONS.has(word) && nextIsDigit(text, end + 1)) ||
      (PLACE_ABBREVIATIONS_UPPER.has(word) && nextIsUpper(text, end + 1))
    ) {
      // "Mo.-based" is one hyphenated word
      const compound = extendHyphenated(text, end + 1)
      tokens.push({start, end: compound, kind: 'word', flags: compound > end + 1 ? upper : upper | ABBREVIATION_FLAG})
      return compound
    }
  }

  const kind: TokenKind = letters ? 'word' : 'number'
  // a list's item number opening a line ("1. Miss Stamper 3-1"): one token with its period, not a sentence
  if (!letters && end - start <= 3 && end + 1 < n && text.charCodeAt(end) === 0x2e && CLS[text.charCodeAt(end + 1)] === SPACE && opensLine(text, start)) {
    tokens.push({start, end: end + 1, kind, flags: upper})
    return end + 1
  }
  if (apostrophe) {
    const split = cliticStart(text, start, end)
    if (split > start) {
      tokens.push({start, end: split, kind, flags: upper})
      tokens.push({start: split, end, kind: 'word', flags: CLITIC_FLAG})
      return end
    }
  }
  tokens.push({start, end, kind, flags: upper})
  return end
}

// A capitalised word that is also an abbreviation can end a name at a sentence's end ("The Sun.", "Sputnik V."): its
// period is then the sentence's full stop, not the word's. Context decides, from what follows the period.

// day and month abbreviations, which are also words and name endings ("The Sun", "Sat", "Mar", "Jan")
const DATE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Tues', 'Wed',
  'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
])

/**
 * Whether the day or month word `start..end` before a period is an abbreviation, given what follows the period at
 * `after`: anything but a capitalised word, an opening quote or the paragraph's end ("Jan. 5", "Sun., Jan. 5",
 * "Sun. morning"), another day or month ("Sun. Jan. 5"), or any context after a comma, as in a dateline
 * ("LONDON, Sun. (Reuters)"). A capitalised word after it opens the next sentence ("... to The Sun. Murdoch said").
 */
function isDateAbbreviationAt(text: string, start: number, after: number): boolean {
  let p = start - 1
  while (p >= 0 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p--
  if (p >= 0 && text.charCodeAt(p) === 0x2c) return true
  const next = readAfterPeriod(text, after)
  if (typeof next === 'string') return next === 'other'
  return DATE_ABBREVIATIONS.has(next.word) || MONTHS.has(next.word)
}

/**
 * What follows a period that ends at `after`, as the abbreviation checks need it: the paragraph's 'end', an
 * opening 'quote', 'other' (anything but a capital letter), or the capitalised word and where it ends.
 */
function readAfterPeriod(text: string, after: number): 'end' | 'quote' | 'other' | {word: string; end: number} {
  const i = skipSpaces(text, after)
  if (i >= text.length) return 'end'
  const code = text.charCodeAt(i)
  if (code === 0x201c || code === 0x22 || code === 0xab) return 'quote'
  if (CLS[code] !== UPPER) return 'other'
  let e = i
  while (e < text.length && isLetterClass(CLS[text.charCodeAt(e)]!)) e++
  return {word: text.slice(i, e), end: e}
}

// full month names after a day ("Sun. January 5"); "May" is left out, as a name and a verb it opens sentences
const MONTHS: ReadonlySet<string> = new Set(['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December'])

/**
 * Whether a single capital before a period that ends at `after` is an initial: not at the paragraph's end, nor
 * before an opening quote or a word that usually opens a sentence ("Sputnik V. The vaccine"), where it ends a name
 * ("Sputnik V", "Plan B") and the period is the sentence's. Before another initial ("J. A. Smith") it is one.
 */
function isInitialBefore(text: string, after: number): boolean {
  const next = readAfterPeriod(text, after)
  if (typeof next === 'string') return next === 'other'
  // "A." and "I." are initials, "A" and "I" open sentences
  if (text.charCodeAt(next.end) === 0x2e && next.word.length === 1) return true
  return !SENTENCE_OPENERS.has(next.word)
}

/**
 * Offset of the first character after the spaces at `i` in the same paragraph, or the text's length at the text's or
 * the paragraph's end. A wrap of a hard-wrapped document (src/segment/layout.ts) is a space: a line may break between
 * "Jan." and "5", or "John F." and "Kennedy"; any other line break ends the paragraph, and so the sentence.
 */
function skipSpaces(text: string, i: number): number {
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (CLS[code] !== SPACE) return i
    if ((code === 0x0a || code === 0x2028 || code === 0x2029) && !wrapsOf(text).includes(i)) return text.length
  }
  return i
}

// the wraps of the last text asked about: found once per document, and only when a line break follows such a word
let wrapsText: string | undefined
let wraps: number[] = []
function wrapsOf(text: string): number[] {
  if (wrapsText !== text) {
    wraps = findWraps(text)
    wrapsText = text
  }
  return wraps
}

// "ST. LOUIS", "FT. WORTH": the place-name prefixes in capitals, an abbreviation only before a capital
const PLACE_ABBREVIATIONS_UPPER: ReadonlySet<string> = new Set([...PLACE_PREFIX_ABBREVIATIONS].map((word) => word.toUpperCase()))

// a wrap of a hard-wrapped document is a space here too ("PORT ST." / "LUCIE"); any other line break is no capital
function nextIsUpper(text: string, i: number): boolean {
  i = skipSpaces(text, i)
  return i < text.length && CLS[text.charCodeAt(i)] === UPPER
}

/** End of a hyphenated word continuing an abbreviation or initialism that ends at `end` ("U.S.-led", "Mo.-based"), or `end`. */
function extendHyphenated(text: string, end: number): number {
  let i = end
  while (i + 1 < text.length && isHyphen(text.charCodeAt(i)) && isLetterClass(CLS[text.charCodeAt(i + 1)]!)) {
    i += 2
    while (i < text.length && isWordClass(CLS[text.charCodeAt(i)]!) && CLS[text.charCodeAt(i)] !== MARK) i++
  }
  return i
}

/** Whether only spaces stand between the line's start (or the text's) and `i`. */
function opensLine(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const code = text.charCodeAt(k)
    if (code === 0x0a || code === 0x2028 || code === 0x2029) return true
    if (CLS[code] !== SPACE) return false
  }
  return true
}

function isUpperAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x41 || code > 0x5a) return false
  }
  return true
}

function nextIsDigit(text: string, i: number): boolean {
  while (i < text.length && CLS[text.charCodeAt(i)] === SPACE) i++
  return i < text.length && isDigitCode(text.charCodeAt(i))
}

function scanInitialism(text: string, start: number): number {
  // letter '.' letter '.' (...): at least two pairs
  let i = start
  let pairs = 0
  while (i + 1 < text.length && isLetterClass(CLS[text.charCodeAt(i)]!) && text.charCodeAt(i + 1) === 0x2e) {
    pairs++
    i += 2
  }
  // "U.S" and "U.S.A" without a final period (the period went to the sentence, as in Penn-tokenised text): one
  // more capital closes the initialism when nothing of a word follows it
  if (pairs >= 1 && i < text.length && CLS[text.charCodeAt(i)] === UPPER && CLS[text.charCodeAt(start)] === UPPER) {
    const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20
    if (!isWordClass(CLS[after]!) && after !== 0x2e && !isApostrophe(after) && !isHyphen(after)) return i + 1
  }
  if (pairs < 2) return start
  // a letter right after the last period is not an initialism ("U.S.A" is handled above)
  if (i < text.length && isWordClass(CLS[text.charCodeAt(i)]!)) return start
  return i
}

/** Where a clitic starts in a word with an apostrophe ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m"), or `start` when none. */
function cliticStart(text: string, start: number, end: number): number {
  const length = end - start
  const last = text.charCodeAt(end - 1) | 0x20
  if (length > 3 && last === 0x74 && isApostrophe(text.charCodeAt(end - 2)) && (text.charCodeAt(end - 3) | 0x20) === 0x6e) {
    // don't -> do n't, can't -> ca n't (Penn Treebank)
    return end - 3
  }
  if (length > 2 && isApostrophe(text.charCodeAt(end - 2)) && (last === 0x73 || last === 0x6d || last === 0x64)) return end - 2
  if (length > 3 && isApostrophe(text.charCodeAt(end - 3))) {
    const pair = ((text.charCodeAt(end - 2) | 0x20) << 8) | last
    // re, ve, ll
    if (pair === 0x7265 || pair === 0x7665 || pair === 0x6c6c) return end - 3
  }
  return start
}

// ---------------------------------------------------------------------------------------------
// sentences

function isTerminalCode(code: number): boolean {
  // . ! ? … and the fullwidth / ideographic stops
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x3002 || code === 0xff01 || code === 0xff1f
}

function isCloserCode(code: number): boolean {
  // ” ’ " ' » › ) ] } and quote pairs like ''
  return code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x27 || code === 0xbb || code === 0x203a || code === 0x29 || code === 0x5d || code === 0x7d
}

function isOpenerCode(code: number): boolean {
  // “ ‘ " ' « ‹ ( [ < ¿ ¡ „ ` and dashes that open reported speech
  return (
    code === 0x201c || code === 0x2018 || code === 0x22 || code === 0x27 || code === 0xab || code === 0x2039 || code === 0x28 || code === 0x5b ||
    code === 0x3c || code === 0xbf || code === 0xa1 || code === 0x201e || code === 0x60 || code === 0x2014 || code === 0x2013 || code === 0x2d
  )
}

/** Whether the token can open a sentence: a capitalised word, a number, an opening quote or bracket, a symbol. */
function startsSentence(text: string, token: Token): boolean {
  if (token.kind === 'number' || token.kind === 'symbol') return true
  const code = text.charCodeAt(token.start)
  if (token.kind === 'punct') return isOpenerCode(code)
  const cls = classAt(text, token.start)
  return cls === UPPER || cls === LETTER || cls === DIGIT
}

/** Sentences within each paragraph: split after . ! ? … (and closing quotes) before a token that opens a sentence. */
export function findSentences(text: string, paragraphs: Span[], tokens: Token[]): Span[] {
  const sentences: Span[] = []
  let t = 0
  for (const paragraph of paragraphs) {
    while (t < tokens.length && tokens[t]!.end <= paragraph.start) t++
    let sentenceStart = -1
    let lastEnd = -1
    while (t < tokens.length && tokens[t]!.start < paragraph.end) {
      const token = tokens[t]!
      if (sentenceStart < 0) sentenceStart = token.start
      lastEnd = token.end
      const terminal = terminalKind(text, token)
      if (terminal === Terminal.None) {
        t++
        continue
      }
      // absorb what closes the sentence with it: more stops, closing quotes and brackets, written flush
      let k = t
      while (k + 1 < tokens.length) {
        const next = tokens[k + 1]!
        if (next.start !== tokens[k]!.end || next.start >= paragraph.end || next.kind !== 'punct') break
        const code = text.charCodeAt(next.start)
        if (!isCloserCode(code) && !isTerminalCode(code)) break
        k++
      }
      lastEnd = tokens[k]!.end
      const next = k + 1 < tokens.length && tokens[k + 1]!.start < paragraph.end ? tokens[k + 1]! : undefined
      if (next !== undefined && next.start > lastEnd && shouldSplit(text, token, terminal, next)) {
        sentences.push({start: sentenceStart, end: lastEnd})
        sentenceStart = -1
      }
      t = k + 1
    }
    if (sentenceStart >= 0) sentences.push({start: sentenceStart, end: lastEnd})
  }
  return sentences
}

const Terminal = {None: 0, Stop: 1, Ellipsis: 2, Abbreviation: 3} as const
type Terminal = (typeof Terminal)[keyof typeof Terminal]

function terminalKind(text: string, token: Token): Terminal {
  const first = text.charCodeAt(token.start)
  if (token.kind === 'punct') {
    if (first === 0x2026 || (first === 0x2e && token.end - token.start > 1)) return Terminal.Ellipsis
    return isTerminalCode(first) ? Terminal.Stop : Terminal.None
  }
  if (token.kind === 'word' && token.end - token.start > 1 && text.charCodeAt(token.end - 1) === 0x2e) return Terminal.Abbreviation
  return Terminal.None
}

function shouldSplit(text: string, token: Token, terminal: Terminal, next: Token): boolean {
  if (terminal !== Terminal.Abbreviation) return startsSentence(text, next)
  const word = text.slice(token.start, token.end - 1)
  // titles and "No." stand before what they qualify; a sentence never ends on them
  if (PREFIX_ABBREVIATIONS.has(word) || NUMBER_ABBREVIATIONS.has(word) || PLACE_ABBREVIATIONS_UPPER.has(word)) return false
  // "U.S.", "Inc.", "J.": split only before a word that usually opens a sentence, or an opening quote
  if (next.kind === 'punct') {
    const code = text.charCodeAt(next.start)
    return code === 0x201c || code === 0x22 || code === 0xab
  }
  if (next.kind !== 'word') return false
  const nextEnd = text.charCodeAt(next.end - 1) === 0x2e ? next.end - 1 : next.end
  // an initial after an initial ("J. A. Smith"): "A." is no article
  if (token.end - token.start === 2 && nextEnd - next.start === 1 && nextEnd < next.end) return false
  return SENTENCE_OPENERS.has(text.slice(next.start, nextEnd))
}
