/**
 * Character classes for the single-pass scanners in `clean` and `segment`: one lookup per UTF-16 code
 * unit instead of a regex per character. Tables are built once at module load from Unicode properties (or read from
 * the build's copy of them, src/text/char-table-file.ts).
 */
import {CHAR_TABLE_BYTES, CHAR_TABLES_URL, charTableKey, readCharTables} from './char-table-file.ts'

/**
 * A table of one byte per UTF-16 code unit, filled by `valueOf`, so a scanner's derived table (bits read once per
 * character) is still built here, in the text room, and nowhere else.
 */
export function buildCodeUnitTable(valueOf: (code: number) => number): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (let code = 0; code < 0x10000; code++) table[code] = valueOf(code)
  return table
}

/** {@link buildCodeUnitTable} with a signed 32-bit entry per code unit, for a scanner that packs several counts in one. */
export function buildCodeUnitTable32(valueOf: (code: number) => number): Int32Array {
  const table = new Int32Array(0x10000)
  for (let code = 0; code < 0x10000; code++) table[code] = valueOf(code)
  return table
}

/**
 * Coarse class of a UTF-16 code unit. A plain object, not an enum: hot loops copy the numbers into
 * module-level constants so no property lookup happens per character.
 */
export const CharClass = {
  /** controls, unassigned and private-use code units: scanned as one-character symbols */
  Other: 0,
  /** white space, including no-break and zero-width spaces and bidi controls */
  Space: 1,
  /** uppercase and titlecase letters */
  Upper: 2,
  /** lowercase letters */
  Lower: 3,
  /** letters without case (CJK, Arabic, Hebrew, modifier letters) */
  Letter: 4,
  /** combining marks, joiners and variation selectors: they belong to the character before them */
  Mark: 5,
  /** decimal digits */
  Digit: 6,
  /** letter-like numbers (Roman numerals, superscripts, fractions) */
  NumberOther: 7,
  Punct: 8,
  Symbol: 9,
  HighSurrogate: 10,
  LowSurrogate: 11,
} as const
/** One of the {@link CharClass} numbers. */
export type CharClass = (typeof CharClass)[keyof typeof CharClass]

/** Script of a letter, for telling English text from lines in another writing system. */
export const Script = {None: 0, Latin: 1, Other: 2} as const
/** One of the {@link Script} numbers. */
export type Script = (typeof Script)[keyof typeof Script]

/**
 * The class, script and lower-case tables of every UTF-16 code unit, computed from Unicode properties (one byte of
 * class, then one of script per unit, then the lower case as 16-bit units), as the build writes them to a file.
 */
export function computeCharTables(): Uint8Array {
  const tables = new Uint8Array(CHAR_TABLE_BYTES)
  const CLASS = tables.subarray(0, 0x10000)
  const SCRIPT = tables.subarray(0x10000, 0x20000)
  const LOWER = new Uint16Array(tables.buffer, 0x20000, 0x10000)
  const upper = /[\p{Lu}\p{Lt}]/u
  const lower = /\p{Ll}/u
  const letter = /\p{L}/u
  const mark = /\p{M}/u
  const digit = /\p{Nd}/u
  const number = /\p{N}/u
  const punct = /\p{P}/u
  const symbol = /\p{S}/u
  const space = /[\s\u200B\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u001F\u007F-\u009F]/u
  const latin = /\p{Script=Latin}/u
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      CLASS[c] = CharClass.HighSurrogate
      LOWER[c] = c
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      CLASS[c] = CharClass.LowSurrogate
      LOWER[c] = c
      continue
    }
    const ch = String.fromCharCode(c)
    const folded = ch.toLowerCase()
    // a code unit whose lower case is longer (U+0130 İ) keeps itself, so the table stays one unit per unit
    LOWER[c] = folded.length === 1 ? folded.charCodeAt(0) : c
    let cls: number = CharClass.Other
    if (space.test(ch)) cls = CharClass.Space
    else if (upper.test(ch)) cls = CharClass.Upper
    else if (lower.test(ch)) cls = CharClass.Lower
    else if (letter.test(ch)) cls = CharClass.Letter
    // soft hyphen and zero-width (non-)joiners glue to the preceding character like marks do
    else if (mark.test(ch) || c === 0x00ad || c === 0x200c || c === 0x200d) cls = CharClass.Mark
    else if (digit.test(ch)) cls = CharClass.Digit
    else if (number.test(ch)) cls = CharClass.NumberOther
    else if (punct.test(ch)) cls = CharClass.Punct
    else if (symbol.test(ch)) cls = CharClass.Symbol
    CLASS[c] = cls
    if (cls === CharClass.Upper || cls === CharClass.Lower || cls === CharClass.Letter) {
      SCRIPT[c] = latin.test(ch) ? Script.Latin : Script.Other
    }
  }
  return tables
}

// read from the build's file when this is a build and the file is its own (src/text/char-table-file.ts): computing
// them was most of this module's load, paid by the main thread and again by every worker thread
const TABLES = readCharTables(CHAR_TABLES_URL, charTableKey()) ?? computeCharTables()
const CLASS = TABLES.subarray(0, 0x10000)
const SCRIPT = TABLES.subarray(0x10000, 0x20000)
const LOWER = new Uint16Array(TABLES.buffer, TABLES.byteOffset + 0x20000, 0x10000)

/** Whether a code unit is a letter or a combining mark in Unicode's sense (`\p{L}` or `\p{M}`), read from the class table. */
export function isLetterOrMark(code: number): boolean {
  const cls = CLASS[code]!
  if (cls === CharClass.Upper || cls === CharClass.Lower || cls === CharClass.Letter) return true
  // the table files soft hyphen and zero-width (non-)joiners with marks; Unicode calls them format characters
  return cls === CharClass.Mark && code !== 0x00ad && code !== 0x200c && code !== 0x200d
}

/** Whether a code unit is a number in Unicode's sense (`\p{N}`: digits, letter-like numbers, fractions). */
export function isNumberChar(code: number): boolean {
  const cls = CLASS[code]!
  return cls === CharClass.Digit || cls === CharClass.NumberOther
}

/** The raw class table, for hot loops that index it directly. */
export const CHAR_CLASS: Readonly<Uint8Array> = CLASS

/** The raw script table, for hot loops that index it directly. */
export const CHAR_SCRIPT: Readonly<Uint8Array> = SCRIPT

/** The lower case of each code unit (the unit itself where lower-casing would change the length), for hashing words without slicing them. */
export const CHAR_LOWER: Readonly<Uint16Array> = LOWER

/**
 * The lower case of each letter or combining mark ({@link isLetterOrMark}; as {@link CHAR_LOWER}), and 0 for every other
 * code unit (no letter lower-cases to U+0000): a word scanner reads whether a unit continues a word and what it adds
 * to the word's hash in one load.
 */
export const LETTER_LOWER: Readonly<Uint16Array> = (() => {
  const table = new Uint16Array(0x10000)
  for (let code = 0; code < 0x10000; code++) table[code] = isLetterOrMark(code) ? LOWER[code]! : 0
  return table
})()

const astralLetter = /^\p{L}$/u
const astralUpper = /^[\p{Lu}\p{Lt}]$/u
const astralMark = /^\p{M}$/u
const astralDigit = /^\p{Nd}$/u

/** The class of a code point above U+FFFF (rare: emoji, historic scripts, CJK extensions), by regex. */
export function astralClass(codePoint: number): CharClass {
  const ch = String.fromCodePoint(codePoint)
  if (astralUpper.test(ch)) return CharClass.Upper
  if (astralLetter.test(ch)) return CharClass.Letter
  if (astralMark.test(ch)) return CharClass.Mark
  if (astralDigit.test(ch)) return CharClass.Digit
  return CharClass.Symbol
}

/** Whether a code unit is white space by {@link CharClass.Space}. */
export function isSpace(code: number): boolean {
  return CLASS[code] === CharClass.Space
}

/** Whether a UTF-16 code unit is whitespace as the regex `\s` defines it (narrower than {@link CharClass.Space}). */
export function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}
