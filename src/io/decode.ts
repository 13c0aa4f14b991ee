/**
 * Bytes to text for corpus files: UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised by its
 * zero bytes) or, for a file with no UTF-8 sequence at all, Windows-1252 (Latin-1); damaged stretches kept rather than the whole article lost. Invalid UTF-8 becomes U+FFFD,
 * NULs and other control characters are removed, and each repair is reported as a warning; only a file that
 * is mostly not text is refused.
 */

/** A warning ingest attaches to the document it read (`ingest:<rule>`). */
export interface IngestWarning {
  code: string
  message: string
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

/** Decodes a file's bytes, repairing what can be repaired; never throws. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const warnings: IngestWarning[] = []
  let text: string
  const utf16 = utf16Encoding(bytes)
  if (utf16 !== null) {
    const body = utf16.bom ? bytes.subarray(2) : bytes
    text = new TextDecoder(utf16.encoding, {fatal: false}).decode(body)
    if (!utf16.bom) warnings.push({code: 'ingest:utf16-without-bom', message: `read as ${utf16.encoding.toUpperCase()} (no byte-order mark; every other byte is zero)`})
  } else {
    try {
      text = utf8.decode(bytes)
    } catch {
      const {invalid, sequences} = scanUtf8(bytes)
      if (invalid > bytes.length * BINARY_SHARE) return {error: `${invalid} of ${bytes.length} bytes are not valid UTF-8: not a text file (binary?)`}
      const legacy = sequences === 0 ? decodeWindows1252(bytes) : null
      if (legacy !== null) {
        text = legacy
        warnings.push({
          code: 'ingest:windows-1252',
          message: `not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), ${invalid} byte${invalid === 1 ? '' : 's'} above ASCII`,
        })
      } else {
        text = utf8Lenient.decode(bytes)
        warnings.push({
          code: 'ingest:invalid-utf8',
          message: `${invalid} byte${invalid === 1 ? ' is' : 's are'} not valid UTF-8; each bad sequence was replaced by U+FFFD`,
        })
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

/** The UTF-16 byte order of a file from its first bytes (a BOM, or the zero bytes of mostly-ASCII text), or null when it is not UTF-16. */
export function utf16Encoding(bytes: Uint8Array): {encoding: 'utf-16le' | 'utf-16be'; bom: boolean} | null {
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
