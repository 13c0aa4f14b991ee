/**
 * Bytes to text for corpus files: UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised by its
 * zero bytes), a legacy charset (Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese, Korean) that the bytes are
 * detected to be in or that the user names, or, for a file with no UTF-8 sequence at all, Windows-1252 (Latin-1), or
 * Mac OS Roman when its lines end in a carriage return alone (a Classic Mac OS file);
 * damaged stretches kept rather than the whole article lost. Invalid UTF-8 becomes U+FFFD, NULs and other control
 * characters are removed, and each repair or guess is reported as a warning; only a file that is mostly not text is refused.
 */
import {findCharsetCandidates} from '../adapters/chardet.ts'

/** A warning ingest attaches to the document it read (`ingest:<rule>`). */
export interface IngestWarning {
  code: string
  message: string
  /** the charset the bytes were read in, on the warnings that say a text was not UTF-8 and was read in another (counted in the manifest's `inputs.charsets`) */
  charset?: string
}

/** What {@link decodeBytes} returns: the text and what was repaired, or why the bytes are not text. */
export type DecodeResult = {text: string; warnings: IngestWarning[]} | {error: string}

/**
 * Share of damaged bytes (invalid UTF-8 or control characters) above which a file is taken for binary data.
 * Perl's `-B` file test uses the same 30% of "odd" bytes: a text file with a few bad bytes stays well below it,
 * while images, archives and executables sit far above it.
 */
export const BINARY_SHARE = 0.3

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
const utf8Lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: false})

/** How {@link decodeBytes} reads bytes that are not UTF-8. */
export interface DecodeOptions {
  /**
   * a charset (a WHATWG Encoding label, as `lede run --encoding` takes it) in which bytes that are not valid UTF-8 are
   * read instead of detecting one; UTF-8 and UTF-16 files are read as such whatever it says
   */
  encoding?: string
}

/** Decodes a file's bytes, repairing what can be repaired; never throws. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const warnings: IngestWarning[] = []
  let text: string
  // a run of NULs that ends the file is padding (a program pre-allocated the file, or stopped writing it: a crash, a
  // disk recovered): counted as control characters it made a short article "not text"; the text before it is read
  const padding = utf16Encoding(bytes) === null ? countNulPadding(bytes) : 0
  if (padding > 0) {
    bytes = bytes.subarray(0, bytes.length - padding)
    warnings.push({code: 'ingest:nul-padding', message: `${padding} NUL byte${padding === 1 ? '' : 's'} at the end of the file removed (padding left by a program that pre-allocated the file or stopped writing it); the text before ${padding === 1 ? 'it' : 'them'} is read`})
  }
  const utf16 = utf16Encoding(bytes)
  if (utf16 !== null && (utf16.encoding === 'utf-32le' || utf16.encoding === 'utf-32be')) {
    const decoded = decodeUtf32(utf16.bom ? bytes.subarray(4) : bytes, utf16.encoding === 'utf-32le')
    text = decoded.text
    const name = utf16.encoding.toUpperCase()
    warnings.push({code: 'ingest:utf32', charset: utf16.encoding, message: `read as ${name} (${utf16.bom ? 'its byte-order mark says so' : 'no byte-order mark; every 4-byte unit is a code point'})`})
    if (decoded.invalid > 0) warnings.push({code: 'ingest:invalid-utf32', message: `${decoded.invalid} ${name} unit${decoded.invalid === 1 ? ' is' : 's are'} no code point (past U+10FFFF, a surrogate, or cut off at the end); each was replaced by U+FFFD`})
  } else if (utf16 !== null) {
    const body = utf16.bom ? bytes.subarray(2) : bytes
    text = new TextDecoder(utf16.encoding, {fatal: false}).decode(body)
    if (!utf16.bom) warnings.push({code: 'ingest:utf16-without-bom', message: `read as ${utf16.encoding.toUpperCase()} (no byte-order mark; every other byte is zero)`})
  } else {
    try {
      text = utf8.decode(bytes)
    } catch {
      const charset = options.encoding !== undefined ? givenCharset(options.encoding) : findLegacyCharset(bytes)
      const legacy = charset.read !== undefined ? decodeLegacy(bytes, charset.read) : null
      if (legacy !== null) {
        text = legacy.text
        warnings.push(legacy.warning)
      } else {
        const {invalid, sequences} = scanUtf8(bytes)
        const hint = charset.guess !== undefined ? `; ${guessHint(charset.guess)}` : ''
        if (invalid > bytes.length * BINARY_SHARE) return {error: `${invalid} of ${bytes.length} bytes are not valid UTF-8: not a text file (binary?)${hint}`}
        // a Classic Mac OS file (lines ending in CR alone) is in Mac OS Roman, where Windows-1252 misreads its curly
        // quotes, dashes and accented letters (“said” as ÒsaidÓ, é as Ž, € as Û), so quote and money rules missed them
        const mac = sequences === 0 && charset.guess === undefined && charset.unlike !== true && hasClassicMacLineEnds(bytes) ? macRoman.decode(bytes) : null
        const western = sequences === 0 && mac === null ? decodeWindows1252(bytes) : null
        if (mac !== null) {
          text = mac
          warnings.push({
            code: 'ingest:mac-roman',
            charset: 'macintosh',
            message: `not UTF-8, and its lines end in a carriage return alone, as Mac OS 9 and earlier wrote text: read as Mac OS Roman, ${invalid} byte${invalid === 1 ? '' : 's'} above ASCII; if the letters are wrong, rerun with --encoding windows-1252`,
          })
        } else if (western !== null) {
          text = western
          warnings.push({
            code: 'ingest:windows-1252',
            charset: 'windows-1252',
            message: `not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), ${invalid} byte${invalid === 1 ? '' : 's'} above ASCII`,
          })
        } else {
          text = utf8Lenient.decode(bytes)
          warnings.push({
            code: 'ingest:invalid-utf8',
            message: `${invalid} byte${invalid === 1 ? ' is' : 's are'} not valid UTF-8; each bad sequence was replaced by U+FFFD`,
          })
        }
        // read as before, but the letters may be wrong: said, with what to do, rather than left as silent mojibake
        if (charset.guess !== undefined) warnings.push({code: 'ingest:charset-guess', message: guessHint(charset.guess)})
        // (on the Windows-1252 path only: in a UTF-8 file with damage, the damage itself is such a run)
        else if (charset.unlike === true && western !== null) {
          warnings.push({
            code: 'ingest:charset-guess',
            message: 'the bytes above ASCII stand in words of three or more, as letters of Cyrillic, Greek, Arabic or CJK text do and a Western text\'s accents do not, but no charset was detected: if the text\'s letters are wrong, rerun with --encoding <charset>',
          })
        }
      }
    }
  }
  const controls = countControls(text)
  if (controls > 0) {
    if (controls > text.length * BINARY_SHARE) return {error: `${controls} of ${text.length} characters are control characters (NUL and the like): not a text file (binary?)`}
    text = removeControls(text)
    warnings.push({code: 'ingest:control-characters', message: `${controls} control character${controls === 1 ? '' : 's'} (NUL and the like) removed`})
  }
  return {text: normaliseNewlines(text), warnings}
}

/** A charset the bytes may be in: its WHATWG name (`koi8-r`, `shift_jis`), the detector's confidence (0-100) and language. */
export interface CharsetGuess {
  charset: string
  confidence: number
  lang?: string
  /** the charset was named by the user (`--encoding`), not detected */
  given?: boolean
}

/**
 * Charsets detected confidently enough are read in, when the bytes are not UTF-8: those of scripts other than Latin,
 * where reading the bytes as Windows-1252 turns every letter into a wrong one. The Latin ones (Central European
 * windows-1250 and ISO-8859-2, Turkish, Baltic, Vietnamese) are never read on a guess: a Western file mis-detected as one
 * would lose its accents, and Windows-1252 reading stays as it was; a guess of one is a warning.
 */
const NON_LATIN = new Set(['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'windows-1253', 'iso-8859-7', 'windows-1256', 'iso-8859-6', 'windows-1255', 'iso-8859-8', 'iso-8859-8-i', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr'])

/**
 * ICU's confidence (0-100) from which a single-byte non-Latin charset is read without being named: the Cyrillic, Greek
 * and Arabic test articles (200-800 bytes, text and pages) scored 38-74, random bytes 2-4 (docs/clean.md).
 */
export const CHARSET_CONFIDENCE = 20

/** Below this confidence a candidate is not even mentioned as a guess: random bytes score 2-4, and damaged UTF-8 gets candidates of 10. */
const GUESS_CONFIDENCE = 20

/**
 * Share of a file's bytes above ASCII that stand in runs of three or more, needed before a non-Latin charset is read:
 * letters of those scripts are all above ASCII and come in words, while a Western text's accented letters and curly
 * quotes stand alone between ASCII letters and spaces, so it can never be taken for Cyrillic or Greek.
 */
const RUN_SHARE = 0.5

/** Bytes the detector looks at: the start of a file is enough to tell its charset, and detection costs ~0.5 ms per KB. */
const DETECT_BYTES = 64 * 1024

/** What {@link findLegacyCharset} found. */
export interface LegacyCharset {
  read?: CharsetGuess
  guess?: CharsetGuess
  /** no other charset is likely, but the bytes above ASCII stand in words, unlike a Western text's accents */
  unlike?: boolean
}

/**
 * The legacy charset bytes that are not UTF-8 are in: `read` when a non-Latin charset is detected confidently (and the
 * bytes look like words of its script), `guess` when the best candidate is another charset than Windows-1252 but not
 * sure enough to be read (or Latin: see {@link NON_LATIN}); neither for Western text (Windows-1252, ISO-8859-1) or noise.
 */
export function findLegacyCharset(bytes: Uint8Array): LegacyCharset {
  const sample = bytes.subarray(0, DETECT_BYTES)
  const candidates = findCharsetCandidates(sample)
    .map((c) => ({...c, charset: whatwgName(c.charset)}))
    .filter((c): c is typeof c & {charset: string} => c.charset !== null && c.confidence >= GUESS_CONFIDENCE)
  const best = candidates[0]
  // UTF-8 with some damage (its sequences outweigh the bad bytes) is read as UTF-8, as before
  if (best === undefined || best.charset === 'utf-8' || best.charset.startsWith('utf-')) return {}
  const runs = shareInRuns(sample)
  const asGuess = (c: (typeof candidates)[number]): CharsetGuess => ({charset: c.charset, confidence: c.confidence, ...(c.lang !== undefined ? {lang: c.lang} : {})})
  if (best.charset === 'windows-1252') {
    // a Western text with a few words of another script in it (a Russian name in an English article): the detector
    // rightly sees Western text, and those words would be read as runs of accented Latin letters; said, not read
    if (runs < RUN_SHARE) return {}
    const other = candidates.find((c) => NON_LATIN.has(c.charset))
    return other !== undefined ? {guess: asGuess(other)} : {unlike: true}
  }
  const sure = MULTIBYTE.has(best.charset) ? best.confidence >= MULTIBYTE_CONFIDENCE : best.confidence >= CHARSET_CONFIDENCE && countHighBytes(sample) >= MIN_HIGH_BYTES
  if (NON_LATIN.has(best.charset) && sure && runs >= RUN_SHARE) return {read: asGuess(best)}
  return {guess: asGuess(best)}
}

/** The CJK charsets, whose characters are two or more bytes: ICU scores them by how many are common characters. */
const MULTIBYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr'])

/**
 * ICU's confidence from which a CJK charset is read: the test sentences (28-170 bytes) scored 88-100, while 300 bytes
 * of 0x80-0xBF repeated (no text) scored 54 as GB18030.
 */
export const MULTIBYTE_CONFIDENCE = 75

/**
 * Bytes above ASCII a sample needs before a single-byte non-Latin charset is read in: the detector's statistics need some letters
 * (a 14-letter Russian dateline, 'Москва, 5 мая.' in windows-1251, was detected as ISO-8859-8 with confidence 54).
 */
const MIN_HIGH_BYTES = 40

function countHighBytes(bytes: Uint8Array): number {
  let n = 0
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) n++
  return n
}

/** The charset `lede run --encoding` named, to read in (an unknown label reads as nothing and the usual decoding applies). */
function givenCharset(label: string): LegacyCharset {
  const charset = whatwgName(label)
  return charset === null ? {} : {read: {charset, confidence: 100, given: true}}
}

/** The WHATWG name of a charset label (`KOI8-R` -> `koi8-r`, `ISO-8859-1` -> `windows-1252`), or null when TextDecoder knows no such label. */
export function whatwgName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding
  } catch {
    return null
  }
}

/** The share of bytes above ASCII that stand in runs of three or more such bytes. */
export function shareInRuns(bytes: Uint8Array): number {
  let high = 0
  let inRuns = 0
  let run = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i]! >= 0x80) {
      high++
      run++
      continue
    }
    if (run >= 3) inRuns += run
    run = 0
  }
  return high === 0 ? 0 : inRuns / high
}

// reads bytes in a legacy charset; null when more than the binary share of the text would be U+FFFD (not that charset)
function decodeLegacy(bytes: Uint8Array, charset: CharsetGuess): {text: string; warning: IngestWarning} | null {
  const decoder = new TextDecoder(charset.charset, {fatal: false})
  // Node's windows-1252 is Latin-1 in 0x80-0x9F (see decodeWindows1252)
  const text = decoder.encoding === 'windows-1252' ? windows1252FromLatin1(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')) : decoder.decode(bytes)
  let replaced = 0
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replaced++
  if (!charset.given && replaced > text.length * BINARY_SHARE) return null
  const bad = replaced > 0 ? `; ${replaced} byte sequence${replaced === 1 ? '' : 's'} that ${replaced === 1 ? 'is' : 'are'} not ${charset.charset} became U+FFFD` : ''
  if (charset.given) return {text, warning: {code: 'ingest:charset-given', charset: charset.charset, message: `not UTF-8: read as ${charset.charset}, as --encoding says${bad}`}}
  return {text, warning: {code: 'ingest:charset-detected', charset: charset.charset, message: `not UTF-8: read as ${charset.charset}, the charset detected (confidence ${charset.confidence} of 100${charset.lang !== undefined ? `, language ${charset.lang}` : ''})${bad}; if the letters are wrong, rerun with --encoding <charset>`}}
}

function guessHint(guess: CharsetGuess): string {
  return `the bytes may be ${guess.charset} (detected with confidence ${guess.confidence} of 100${guess.lang !== undefined ? `, language ${guess.lang}` : ''}; not read in it on a guess: too few letters, too low a confidence, or a Latin charset): if the text's letters are wrong, rerun with --encoding ${guess.charset}`
}

/**
 * How many NUL bytes end `bytes` as padding: the run of NULs at its end, or 0 when there is none or nothing else (a file
 * of NULs alone is no text with padding, and stays refused as not text).
 */
export function countNulPadding(bytes: Uint8Array): number {
  let end = bytes.length
  while (end > 0 && bytes[end - 1] === 0) end--
  return end === 0 ? 0 : bytes.length - end
}

/** Removes NULs and other control characters from text that arrived already decoded (a JSONL field), with a warning when any were found. */
export function scrubText(text: string): {text: string; warnings: IngestWarning[]} {
  const controls = countControls(text)
  if (controls === 0) return {text: normaliseNewlines(text), warnings: []}
  return {
    text: normaliseNewlines(removeControls(text)),
    warnings: [{code: 'ingest:control-characters', message: `${controls} control character${controls === 1 ? '' : 's'} (NUL and the like) removed`}],
  }
}

/** Turns CRLF and lone CR into LF, the only line break later stages expect. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

// C0 controls other than tab, line feed, form feed and carriage return, and DEL: never text, often wire-format
// framing (SOH, STX, ETX) or padding (NUL)
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

/**
 * Counts the bytes of `bytes` that decode to a control character {@link decodeBytes} removes, whatever the decoding
 * except UTF-16: they are ASCII bytes, which UTF-8, lenient UTF-8 and Windows-1252 all read as themselves.
 */
export function countControlBytes(bytes: Uint8Array): number {
  let count = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b < 0x20 ? b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d : b === 0x7f) count++
  }
  return count
}

function countControls(text: string): number {
  CONTROL.lastIndex = 0
  let count = 0
  while (CONTROL.exec(text) !== null) count++
  return count
}

function removeControls(text: string): string {
  return text.replace(CONTROL, '')
}

/**
 * The UTF-16 or UTF-32 byte order of a file from its first bytes (a BOM; for UTF-16 also the zero bytes of mostly-ASCII
 * text, for UTF-32 every 4-byte unit a code point), or null when it is neither. UTF-32LE's BOM (FF FE 00 00) begins
 * like UTF-16LE's, so it is asked first.
 */
export function utf16Encoding(bytes: Uint8Array): {encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'; bom: boolean} | null {
  const utf32 = utf32Encoding(bytes)
  if (utf32 !== null) return utf32
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', bom: true}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', bom: true}
  // without a BOM: English text in UTF-16 has a zero in (nearly) every high byte and almost none in the low ones
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 8) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) return {encoding: 'utf-16le', bom: false}
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) return {encoding: 'utf-16be', bom: false}
  return null
}

/**
 * UTF-32 from its BOM (`FF FE 00 00` little-endian, `00 00 FE FF` big-endian), or without one when every 4-byte unit of
 * the first 4 KB (32 units at least) is a code point (at most U+10FFFF: the top byte zero, the next at most 0x10) and
 * none is NUL: UTF-8, UTF-16 and legacy text never look so (their bytes are letters in every position).
 */
function utf32Encoding(bytes: Uint8Array): {encoding: 'utf-32le' | 'utf-32be'; bom: boolean} | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return {encoding: 'utf-32le', bom: true}
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return {encoding: 'utf-32be', bom: true}
  const n = Math.min(bytes.length, 4096) & ~3
  if (n < 128) return null
  let le = true
  let be = true
  for (let i = 0; i < n && (le || be); i += 4) {
    const a = bytes[i]!
    const b = bytes[i + 1]!
    const c = bytes[i + 2]!
    const d = bytes[i + 3]!
    if (d !== 0 || c > 0x10 || (a === 0 && b === 0 && c === 0)) le = false
    if (a !== 0 || b > 0x10 || (b === 0 && c === 0 && d === 0)) be = false
  }
  return le ? {encoding: 'utf-32le', bom: false} : be ? {encoding: 'utf-32be', bom: false} : null
}

/**
 * Decodes UTF-32 (WHATWG's TextDecoder, and so Node's, has no UTF-32): each 4-byte unit is a code point; a unit past
 * U+10FFFF or a surrogate, and a cut-off unit at the end, become U+FFFD and are counted.
 */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): {text: string; invalid: number} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const whole = bytes.length & ~3
  const parts: string[] = []
  let invalid = 0
  const codes: number[] = []
  for (let i = 0; i < whole; i += 4) {
    let code = view.getUint32(i, littleEndian)
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      code = 0xfffd
      invalid++
    }
    codes.push(code)
    // String.fromCodePoint takes its arguments on the stack: in slices
    if (codes.length === 8192) {
      parts.push(String.fromCodePoint(...codes))
      codes.length = 0
    }
  }
  if (whole < bytes.length) {
    codes.push(0xfffd)
    invalid++
  }
  parts.push(String.fromCodePoint(...codes))
  return {text: parts.join(''), invalid}
}

const macRoman = new TextDecoder('macintosh')

/** Whether the bytes hold a carriage return and no line feed: line ends as Mac OS 9 and earlier wrote them. */
export function hasClassicMacLineEnds(bytes: Uint8Array): boolean {
  return bytes.includes(0x0d) && !bytes.includes(0x0a)
}

// Windows-1252's 0x80-0x9F (the rest is Latin-1, byte = code point); 0 marks the five bytes it leaves undefined.
// Written out because Node 20's TextDecoder('windows-1252') decodes this range as Latin-1's C1 controls.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]

/**
 * Decodes a legacy 8-bit file as Windows-1252 (which reads Latin-1 text too), or returns null when a byte is one it
 * leaves undefined: old news archives and pages saved without a charset are mostly in it, and reading their accented
 * names and curly quotes as U+FFFD would lose them.
 */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b >= 0x80 && b < 0xa0 && CP1252_HIGH[b - 0x80] === 0) return null
  }
  // Buffer's latin1 is byte = code point (TextDecoder's is not: it is WHATWG's windows-1252 label); the table does the rest
  return windows1252FromLatin1(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))
}

/**
 * Turns U+0080-U+009F, where a Latin-1 decoding leaves bytes 0x80-0x9F, into the Windows-1252 characters of those bytes
 * (curly quotes, dashes, the euro sign), as browsers read a page declaring windows-1252 or iso-8859-1; the five bytes
 * Windows-1252 leaves undefined stay their C1 code point, as in the WHATWG Encoding Standard.
 */
export function windows1252FromLatin1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const code = CP1252_HIGH[c.charCodeAt(0) - 0x80]!
    return code === 0 ? c : String.fromCharCode(code)
  })
}

/** Counts bytes that are not part of a well-formed UTF-8 sequence (overlongs, surrogates and values past U+10FFFF included). */
export function countInvalidUtf8(bytes: Uint8Array): number {
  return scanUtf8(bytes).invalid
}

/** The bytes that are not part of a well-formed UTF-8 sequence, and the number of well-formed multi-byte sequences. */
export function scanUtf8(bytes: Uint8Array): {invalid: number; sequences: number} {
  let sequences = 0
  let invalid = 0
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need = 0
    let lower = 0x80
    let upper = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lower = 0xa0
      else if (b === 0xed) upper = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lower = 0x90
      else if (b === 0xf4) upper = 0x8f
    } else {
      invalid++
      i++
      continue
    }
    // the continuation bytes that are there; the first one has a narrower range after some lead bytes
    let j = 1
    while (j <= need && i + j < n) {
      const c = bytes[i + j]!
      const lo = j === 1 ? lower : 0x80
      const hi = j === 1 ? upper : 0xbf
      if (c < lo || c > hi) break
      j++
    }
    if (j === need + 1) {
      sequences++
      i += j
      continue
    }
    // a truncated or broken sequence: the lead and the continuation bytes read so far are bad
    invalid += j
    i += j
  }
  return {invalid, sequences}
}
