/**
 * Reading inputs that may be gzip-compressed: whole files (txt, html) and line streams (jsonl), both
 * decompressed as they stream with node:zlib so a `.gz` twin gives exactly the bytes of its plain file.
 */
import {constants} from 'node:buffer'
import {closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync} from 'node:fs'
import {createGunzip} from 'node:zlib'
import type {Readable} from 'node:stream'
import {BINARY_SHARE, countControlBytes, scanUtf8, utf16Encoding} from './decode.ts'

/**
 * The most bytes one whole-file input may hold: the longest string Node.js can make, since the file becomes one text
 * (UTF-8 gives at most one character per byte). A longer file could not be decoded at all.
 */
export const MAX_INPUT_BYTES = constants.MAX_STRING_LENGTH

function tooLarge(size: number | null, limit: number): Error {
  const what = size === null ? `decompresses to more than ${limit} bytes` : `is ${size} bytes, more than ${limit} bytes`
  const error = new Error(`the file ${what} (the longest text Node.js can hold): split it into smaller files`) as NodeJS.ErrnoException
  error.code = 'LEDE_TOO_LARGE'
  return error
}

/**
 * Reads a whole file, decompressing it on the way when `gzip` is set; rejects on a corrupt or truncated stream, and
 * with code `LEDE_TOO_LARGE` (before reading it, for a plain file) when it holds more than `limit` bytes.
 */
export async function readInputBytes(path: string, gzip: boolean, limit = MAX_INPUT_BYTES): Promise<{bytes: Buffer; fileBytes: number}> {
  // a plain article is small and the main thread's CPU is taken from the workers on a shared machine: one
  // synchronous read costs a fraction of fs/promises' open/stat/read/close round trips, and the workers keep
  // their queued documents meanwhile
  if (!gzip) {
    const fd = openSync(path, 'r')
    try {
      const size = fstatSync(fd).size
      if (size > limit) throw tooLarge(size, limit)
      const bytes = readFileSync(fd)
      return {bytes, fileBytes: bytes.length}
    } finally {
      closeSync(fd)
    }
  }
  const file = createReadStream(path)
  const source: Readable = gzip ? file.pipe(createGunzip()) : file
  // a read error on the file does not travel through pipe(): forward it so the caller sees one failure
  if (gzip) file.on('error', (error) => source.destroy(error))
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of source) {
    length += (chunk as Buffer).length
    if (length > limit) {
      source.destroy()
      file.destroy()
      throw tooLarge(null, limit)
    }
    chunks.push(chunk as Buffer)
  }
  return {bytes: Buffer.concat(chunks), fileBytes: file.bytesRead}
}

const utf8Strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const utf8Lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true})

/**
 * A text file's lines (UTF-8, decompressed when `gzip` is set), with how many file bytes have been read so far and how
 * many bytes of the line just given were not UTF-8 (each bad sequence is U+FFFD in the line); a corrupt archive throws
 * from the loop. Lines are cut on the bytes, so each is decoded, and its damage counted, on its own.
 */
export function readInputLines(path: string, gzip: boolean): {lines: AsyncIterable<string>; fileBytesRead: () => number; lineInvalidBytes: () => number} {
  const file = createReadStream(path)
  let invalid = 0
  const decode = (bytes: Buffer): string => {
    // a CR before the LF belongs to the line break
    const body = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes
    try {
      invalid = 0
      return utf8Strict.decode(body)
    } catch {
      invalid = scanUtf8(body).invalid
      return utf8Lenient.decode(body)
    }
  }
  async function* lines(): AsyncGenerator<string> {
    const source: Readable = gzip ? file.pipe(createGunzip()) : file
    if (gzip) file.on('error', (error) => source.destroy(error))
    // a stream's own async iterator rethrows its errors (readline's does not), so the caller's loop sees them
    // the start of a line that runs past the chunks read so far, kept as parts (joined once: a long line stays linear)
    let pending: Buffer[] = []
    for await (const data of source) {
      const chunk = data as Buffer
      let start = 0
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl)
        yield decode(pending.length === 0 ? piece : Buffer.concat([...pending, piece]))
        pending = []
        start = nl + 1
      }
      if (start < chunk.length) pending.push(chunk.subarray(start))
    }
    if (pending.length > 0) yield decode(Buffer.concat(pending))
  }
  return {lines: lines(), fileBytesRead: () => file.bytesRead, lineInvalidBytes: () => invalid}
}

/** The first bytes of a file (decompressed when `gzip` is set), at most `limit`; an unreadable or corrupt file gives an empty buffer, so a sniffing caller simply finds nothing. */
export async function readInputHead(path: string, gzip: boolean, limit = 4096): Promise<Buffer> {
  const file = createReadStream(path, gzip ? {} : {end: limit - 1})
  const source: Readable = gzip ? file.pipe(createGunzip()) : file
  if (gzip) file.on('error', (error) => source.destroy(error))
  const chunks: Buffer[] = []
  let length = 0
  try {
    for await (const chunk of source) {
      chunks.push(chunk as Buffer)
      length += (chunk as Buffer).length
      if (length >= limit) break
    }
  } catch {
    // a head that cannot be read is no wire file; the caller lists the file as skipped
  } finally {
    source.destroy()
    file.destroy()
  }
  return Buffer.concat(chunks).subarray(0, limit)
}

// the first block decides whether the file is worth a count at all: text has (nearly) no control bytes in it
const HEAD_BYTES = 64 * 1024
const COUNT_BYTES = 1 << 20

/**
 * Whether a plain (not gzip) file is certainly refused as binary by its control bytes, found by counting them in
 * blocks and stopping as soon as they pass {@link BINARY_SHARE} of the file's size, so a large binary file is refused
 * without reading or decoding it whole (a 300 MB run of NULs took 33 s and 766 MB). Exact, not a guess: outside
 * UTF-16 every control byte is a control character of the decoded text, and the text has at most one character per
 * byte, so more control bytes than that share of the bytes is always refused by {@link decodeBytes} too. Returns null
 * (read the file as usual) when the first block is not mostly control bytes, the file is UTF-16 (`skipHead`: or a
 * head the caller decodes its own way, an HTML page) or larger than `limit`, or the count never passes the share.
 */
export function findControlBinary(path: string, limit = MAX_INPUT_BYTES, skipHead?: (head: Buffer) => boolean): {message: string; fileBytes: number; bytesRead: number} | null {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size > limit || size === 0) return null
    const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES))
    let read = readSync(fd, head, 0, head.length, 0)
    const first = head.subarray(0, read)
    if (utf16Encoding(first) !== null || skipHead?.(first) === true) return null
    let controls = countControlBytes(first)
    if (controls <= read * BINARY_SHARE) return null
    const needed = size * BINARY_SHARE
    const block = Buffer.allocUnsafe(Math.min(COUNT_BYTES, size))
    while (controls <= needed) {
      const n = readSync(fd, block, 0, block.length, read)
      if (n === 0) return null
      read += n
      controls += countControlBytes(block.subarray(0, n))
    }
    return {
      message: `${controls} of the first ${read} of its ${size} bytes are control characters (NUL and the like), more than ${BINARY_SHARE * 100}% of the file: not a text file (binary?)`,
      fileBytes: size,
      bytesRead: read,
    }
  } finally {
    closeSync(fd)
  }
}
