/**
 * Reading inputs that may be gzip-compressed: whole files (txt, html) and line streams (jsonl), both
 * decompressed as they stream with node:zlib so a `.gz` twin gives exactly the bytes of its plain file.
 */
import {constants} from 'node:buffer'
import {closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync, type PathLike, type ReadStream} from 'node:fs'
import {createGunzip} from 'node:zlib'
import type {Readable} from 'node:stream'
import {findBinaryFormat} from './binary.ts'
import {BINARY_SHARE, countControlBytes, countNulPadding, findLegacyCharset, scanUtf8, utf16Encoding} from './decode.ts'

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

// the file's bytes as they stream, decompressed when `gzip` is set; a read error on the file does not travel through
// pipe(): it is forwarded so the caller sees one failure
function decompressed(file: ReadStream, gzip: boolean): Readable {
  if (!gzip) return file
  const source = file.pipe(createGunzip())
  file.on('error', (error) => source.destroy(error))
  return source
}

/**
 * Reads a whole file, decompressing it on the way when `gzip` is set; with code `LEDE_TOO_LARGE` (before reading it,
 * for a plain file) when it holds more than `limit` bytes. A corrupt or cut-off gzip stream rejects when it gave
 * nothing, and otherwise gives what it decompressed to before the damage, with zlib's message in `damaged`: the
 * articles of an archive cut off in a download are kept up to the cut, not all lost.
 */
export async function readInputBytes(path: PathLike, gzip: boolean, limit = MAX_INPUT_BYTES): Promise<{bytes: Buffer; fileBytes: number; damaged?: string}> {
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
  const source = decompressed(file, gzip)
  const chunks: Buffer[] = []
  let length = 0
  try {
    for await (const chunk of source) {
      length += (chunk as Buffer).length
      if (length > limit) {
        source.destroy()
        file.destroy()
        throw tooLarge(null, limit)
      }
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    // zlib's errors (Z_BUF_ERROR: cut off; Z_DATA_ERROR: corrupt) after some output; a file that cannot be read is no archive
    if (!((error as NodeJS.ErrnoException).code ?? '').startsWith('Z_') || length === 0) throw error
    file.destroy()
    return {bytes: Buffer.concat(chunks), fileBytes: file.bytesRead, damaged: (error as Error).message}
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
export function readInputLines(path: PathLike, gzip: boolean, maxLineBytes = MAX_INPUT_BYTES): {lines: AsyncIterable<string | LineTooLong>; fileBytesRead: () => number; lineInvalidBytes: () => number} {
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
  async function* lines(): AsyncGenerator<string | LineTooLong> {
    const source = decompressed(file, gzip)
    // a stream's own async iterator rethrows its errors (readline's does not), so the caller's loop sees them
    // the start of a line that runs past the chunks read so far, kept as parts (joined once: a long line stays linear)
    let pending: Buffer[] = []
    let pendingBytes = 0
    // a line past maxLineBytes is not kept: its bytes are counted up to its end, and it is reported by its length
    let skipped = -1
    const end = (piece: Buffer): string | LineTooLong => {
      if (skipped >= 0 || pendingBytes + piece.length > maxLineBytes) {
        const bytes = (skipped >= 0 ? skipped : pendingBytes) + piece.length
        skipped = -1
        return {tooLong: bytes}
      }
      return decode(pending.length === 0 ? piece : Buffer.concat([...pending, piece]))
    }
    for await (const data of source) {
      const chunk = data as Buffer
      let start = 0
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        yield end(chunk.subarray(start, nl))
        pending = []
        pendingBytes = 0
        start = nl + 1
      }
      if (start === chunk.length) continue
      const rest = chunk.subarray(start)
      if (skipped >= 0) skipped += rest.length
      else if (pendingBytes + rest.length > maxLineBytes) {
        skipped = pendingBytes + rest.length
        pending = []
        pendingBytes = 0
      } else {
        pending.push(rest)
        pendingBytes += rest.length
      }
    }
    if (skipped >= 0 || pending.length > 0) yield end(Buffer.alloc(0))
  }
  return {lines: lines(), fileBytesRead: () => file.bytesRead, lineInvalidBytes: () => invalid}
}

/** A file's bytes as they stream (decompressed when `gzip` is set), with how many file bytes have been read so far; a corrupt archive throws from the loop. */
export function readInputChunks(path: PathLike, gzip: boolean): {chunks: AsyncIterable<Buffer>; fileBytesRead: () => number} {
  const file = createReadStream(path)
  async function* chunks(): AsyncGenerator<Buffer> {
    const source = decompressed(file, gzip)
    for await (const chunk of source) yield chunk as Buffer
  }
  return {chunks: chunks(), fileBytesRead: () => file.bytesRead}
}

/** A JSONL line longer than {@link readInputLines} reads (a string that long cannot exist in Node.js): its length in bytes, read up to its end and dropped. */
export interface LineTooLong {
  tooLong: number
}

/** The first bytes of a file (decompressed when `gzip` is set), at most `limit`; an unreadable or corrupt file gives an empty buffer, so a sniffing caller simply finds nothing. */
export async function readInputHead(path: PathLike, gzip: boolean, limit = 4096): Promise<Buffer> {
  const file = createReadStream(path, gzip ? {} : {end: limit - 1})
  const source = decompressed(file, gzip)
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

/** Why a file is refused from its bytes before it is read whole: its code (`ingest:binary`, `ingest:not-text`) and message. */
export interface BinaryFinding {
  code: 'ingest:binary' | 'ingest:not-text'
  message: string
  /** the file's size, for progress */
  fileBytes: number
  /** how many of its bytes were read to decide */
  bytesRead: number
}

/** How {@link findBinaryFile} looks at a file. */
export interface BinaryOptions {
  /** larger files are left to the reader (which refuses them as too large), unless their first bytes name a binary format */
  limit?: number
  /** a head the caller decodes its own way (an HTML page): only a binary format's signature refuses it */
  skipHead?: (head: Buffer) => boolean
  /**
   * count invalid UTF-8 in a file no longer than the first block too (a JSONL file, which is never decoded whole); for
   * a whole-file input that small the decoding says the same with its own message
   */
  countSmall?: boolean
  /**
   * the caller decodes legacy charsets (src/io/decode.ts): a file detected to be in one, or any file when the user named
   * the charset (`encoding`, `lede run --encoding`), is not refused for its invalid UTF-8. A JSONL file is read as UTF-8
   * only (RFC 8259): its refusal names the charset detected.
   */
  legacy?: {encoding?: string}
}

/**
 * Whether a plain (not gzip) file is certainly not text, found without reading it whole: its first bytes are the
 * signature of a binary format (a PNG, a PDF, a ZIP archive, gzip without the .gz name: `ingest:binary`, decided from
 * them), or its control bytes or invalid UTF-8 bytes pass {@link BINARY_SHARE} of its size, counted in blocks and
 * stopping as soon as they do (`ingest:not-text`; a 300 MB run of NULs took 33 s and 766 MB read whole, 50 MB of random
 * bytes 3.4 s and 170 MB). The count is exact, not a guess: outside UTF-16 every control byte is a control character
 * of the decoded text and the text has at most one character per byte, and a block is cut before an ASCII byte, where
 * a UTF-8 scan always starts afresh, so either count past the share is what {@link decodeBytes} refuses too. Returns
 * null (read the file as usual) when the first block is neither, the file is UTF-16, larger than `limit`, or the
 * counts never pass the share.
 */
export function findBinaryFile(path: PathLike, options: BinaryOptions = {}): BinaryFinding | null {
  const fd = openSync(path, 'r')
  try {
    return findBinaryOpen(fd, fstatSync(fd).size, path, options).finding
  } finally {
    closeSync(fd)
  }
}

/**
 * A plain (not gzip) whole-file input's bytes, or {@link findBinaryFile}'s refusal, from one open: a file no longer than
 * the first block findBinaryFile reads (a news article nearly always) is read once, its first block being all of it.
 * The same results as findBinaryFile and then {@link readInputBytes}, which opened, stat'ed and read a small file twice
 * (open, read, fstat and close were about a fifth of the main thread's samples at --workers 2; docs/scale.md, mainthr).
 */
export function readPlainInput(path: PathLike, options: BinaryOptions = {}): {binary: BinaryFinding} | {bytes: Buffer; fileBytes: number} {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const {finding, head} = findBinaryOpen(fd, size, path, options)
    if (finding !== null) return {binary: finding}
    const limit = MAX_INPUT_BYTES
    if (size > limit) throw tooLarge(size, limit)
    // the first block read is the whole file; anything else (an empty file, one that grew or shrank since the stat, a
    // larger one) is read as readInputBytes reads it, from the fd's own position, which the block's positioned read left at 0
    if (head !== null && head.length === size && size > 0) return {bytes: head, fileBytes: size}
    const bytes = readFileSync(fd)
    return {bytes, fileBytes: bytes.length}
  } finally {
    closeSync(fd)
  }
}

// findBinaryFile on an open file of `size` bytes, with the file's first block as read (null when none was)
function findBinaryOpen(fd: number, size: number, path: PathLike, options: BinaryOptions): {finding: BinaryFinding | null; head: Buffer | null} {
  if (size === 0) return {finding: null, head: null}
  const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES))
  const first = head.subarray(0, readSync(fd, head, 0, head.length, 0))
  return {finding: findBinaryFrom(fd, size, first, path, options), head: first}
}

function findBinaryFrom(fd: number, size: number, first: Buffer, path: PathLike, options: BinaryOptions): BinaryFinding | null {
  const {limit = MAX_INPUT_BYTES, skipHead, countSmall = false, legacy} = options
  let read = first.length
  const format = findBinaryFormat(first)
  if (format !== null) return {code: 'ingest:binary', message: binaryMessage(format, path, false), fileBytes: size, bytesRead: read}
  if (size > limit || utf16Encoding(first) !== null || skipHead?.(first) === true) return null
  // a run of NULs ending the file is padding the decoding removes (countNulPadding): the share is of the bytes before
  // it, as the decoding decides. A file of NULs alone has none (and is refused as before)
  const padding = read === size ? countNulPadding(first) : nulPaddingOf(fd, size)
  const textSize = size - padding
  const upTo = Math.min(read, textSize)
  const needed = textSize * BINARY_SHARE
  let controls = countControlBytes(first.subarray(0, upTo))
  // invalid UTF-8 is counted only where the decoding would not count it at once itself (a file larger than the block)
  const countInvalid = countSmall || size > read
  let invalid = 0
  let cut = upTo
  if (countInvalid) {
    cut = upTo === textSize ? upTo : syncPoint(first)
    invalid = scanUtf8(first.subarray(0, cut)).invalid
  }
  if (controls <= upTo * BINARY_SHARE && invalid <= upTo * BINARY_SHARE) return null
  // the bytes after the last cut (at most 3) go before the next block's, so the scan goes on as over the whole file
  const block = Buffer.allocUnsafe(Math.min(COUNT_BYTES, size) + 4)
  let carried = countInvalid ? first.copy(block, 0, cut) : 0
  while (controls <= needed && invalid <= needed) {
    if (read >= textSize) return null
    const n = readSync(fd, block, carried, Math.min(block.length - carried, textSize - read), read)
    if (n === 0) return null
    read += n
    controls += countControlBytes(block.subarray(carried, carried + n))
    if (!countInvalid) continue
    const data = block.subarray(0, carried + n)
    cut = read >= textSize ? data.length : syncPoint(data)
    invalid += scanUtf8(data.subarray(0, cut)).invalid
    carried = data.copyWithin(0, cut).length - cut
  }
  // text in a legacy charset (Cyrillic, Greek, CJK) is nearly all invalid UTF-8: read, and decoded in its charset
  const charset = controls <= needed ? findLegacyCharset(first) : {}
  if (controls <= needed && legacy !== undefined && (legacy.encoding !== undefined || charset.read !== undefined)) return null
  const what = controls > needed ? `${controls} of the first ${read} of its ${size} bytes are control characters (NUL and the like)` : `${invalid} of the first ${read} of its ${size} bytes are not valid UTF-8`
  const seen = charset.read ?? charset.guess
  const hint = seen === undefined ? '' : legacy === undefined ? `; it looks like text in ${seen.charset} (confidence ${seen.confidence} of 100): lede reads JSON and JSON Lines as UTF-8 only, convert it first (iconv -f ${seen.charset} -t UTF-8)` : `; it may be text in ${seen.charset} (confidence ${seen.confidence} of 100): if so, rerun with --encoding ${seen.charset}`
  return {code: 'ingest:not-text', message: `${what}, more than ${BINARY_SHARE * 100}% of the file: not a text file (binary?)${hint}`, fileBytes: size, bytesRead: read}
}

// the NUL bytes that end a file, read backwards a block at a time
function nulPaddingOf(fd: number, size: number): number {
  // nearly every file ends in something else: one byte decides
  const last = Buffer.alloc(1)
  if (readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0) return 0
  const block = Buffer.allocUnsafe(Math.min(COUNT_BYTES, size))
  const zeros = Buffer.alloc(block.length)
  let end = size
  while (end > 0) {
    const start = Math.max(0, end - block.length)
    const n = readSync(fd, block, 0, end - start, start)
    // a block of NULs is compared whole (a memcmp), so even a file of NULs alone is gone through fast
    if (!block.subarray(0, n).equals(zeros.subarray(0, n))) {
      let i = n
      while (block[i - 1] === 0) i--
      return size - (start + i)
    }
    end = start
  }
  // NULs alone: no padding, the file is refused as not text
  return 0
}

/**
 * Whether a gzip-named file is another binary format (a ZIP archive named .gz), or decompresses to one (a tar archive
 * named .txt.gz): the same refusal as {@link findBinaryFile}'s by signature, from the first bytes only.
 */
export async function findBinaryGzip(path: PathLike): Promise<BinaryFinding | null> {
  const raw = await readInputHead(path, false, 512)
  if (raw.length === 0) return null
  const fileBytes = () => fstatSize(path)
  if (!(raw[0] === 0x1f && raw[1] === 0x8b)) {
    // not gzip at all: zlib would say only 'incorrect header check'
    const format = findBinaryFormat(raw)
    return format === null ? null : {code: 'ingest:binary', message: binaryMessage(format, path, true), fileBytes: fileBytes(), bytesRead: raw.length}
  }
  const inner = await readInputHead(path, true, 512)
  const format = findBinaryFormat(inner)
  return format === null ? null : {code: 'ingest:binary', message: `the file decompresses to ${format} (by its first bytes), not text`, fileBytes: fileBytes(), bytesRead: raw.length}
}

function fstatSize(path: PathLike): number {
  const fd = openSync(path, 'r')
  try {
    return fstatSync(fd).size
  } finally {
    closeSync(fd)
  }
}

function binaryMessage(format: string, path: PathLike, gzipName: boolean): string {
  const base = String(path).split('/').at(-1) ?? String(path)
  // a gzip file without its .gz name is the one binary file lede could read: say how
  if (format === 'a gzip-compressed file' && !gzipName) return `the file is ${format} (by its first bytes) though its name does not end in .gz: rename it "${base}.gz" and lede reads it decompressed`
  if (gzipName) return `the file is ${format} (by its first bytes), not gzip-compressed text`
  return `the file is ${format} (by its first bytes), not text`
}

/**
 * Where a block of a file can be cut so that scanning the two parts apart for invalid UTF-8 counts what
 * {@link scanUtf8} counts over the whole (the block starting where a scan starts afresh): at a byte no scan takes
 * into a sequence. That is a byte that is no continuation byte (it ends a broken sequence and is read on its own),
 * or one with no lead byte among the 3 before it (a sequence is at most 4 bytes long), so one is always among a
 * block's last 4 bytes, and what is carried to the next block is at most 3 bytes.
 */
function syncPoint(data: Uint8Array): number {
  const continuation = (b: number) => b >= 0x80 && b <= 0xbf
  let cut = data.length - 1
  while (cut > data.length - 4 && cut > 0 && continuation(data[cut]!)) cut--
  // four continuation bytes at the end: the last has no lead within reach
  return continuation(data[cut]!) ? Math.max(data.length - 1, 0) : Math.max(cut, 0)
}
