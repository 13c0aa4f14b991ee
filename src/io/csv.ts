/**
 * CSV and TSV input: a spreadsheet export of articles (Kaggle's "All the News", a scraper's export, Excel's "Save as
 * CSV" or "Unicode text"), one article per row under a header row. The file is streamed: its bytes are scanned once to
 * choose the decoding (UTF-8 with or without a BOM, UTF-16 by its BOM or zero bytes, else the legacy charset src/io/decode.ts
 * would choose for a .txt), then decoded and parsed by csv-parse row by row, so a 1 GB export is never held whole.
 */
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {createCsvParser, type ParsedCsvRow, type RefusedCsvRow} from '../adapters/csv-parse.ts'
import {decodeBytes, findLegacyCharset, scanUtf8, utf16Encoding, whatwgName, windows1252FromLatin1, type IngestWarning} from './decode.ts'
import {readInputBytes, readInputChunks, readInputHead} from './gzip.ts'

/** The fields of an article record a column can fill (matched case-insensitively); every other column goes to `meta`. */
export const CSV_RECORD_FIELDS = ['id', 'title', 'text', 'html', 'url', 'date', 'byline'] as const

/**
 * Column names exports give an article's body (news-please's `maintext`, Kaggle's `content`): never read as the text on
 * a guess, only named in the message for a file without a `text` column, with the `--text-field` that reads them.
 */
export const TEXT_FIELD_HINTS = ['content', 'body', 'maintext', 'article', 'story', 'full_text', 'article_text', 'fulltext'] as const

/** The longest row read, in characters: a quote never closed swallows the rest of the file into one row, and this bounds it. */
export const MAX_CSV_ROW_CHARS = 32 * 1024 * 1024

/** The delimiter of a CSV or TSV file: a tab for `.tsv`; for `.csv` a comma unless the header line holds more semicolons or tabs (European Excel writes `;`). */
export function findDelimiter(headerLine: string, format: 'csv' | 'tsv'): string {
  if (format === 'tsv') return '\t'
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]])
  let quoted = false
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

/** How a file's columns become a record's fields: the key of each column (a record field, or the header as written for `meta`). */
export interface CsvColumns {
  keys: string[]
  /** the columns as the header names them, for messages */
  names: string[]
  /** whether a column gives the text (or html) */
  hasText: boolean
}

/**
 * Maps a header row to record keys: a column named as a record field (any case) fills it, the first such column only;
 * with `textField`, the column of that name (any case), when the file has one, is the text and a column named `text`
 * goes to `meta`; every other
 * column keeps its header as its `meta` key (an empty header is `column<N>`, a repeated one `<name>_<N>`).
 */
export function mapColumns(header: string[], textField?: string): CsvColumns {
  const lowers = header.map((h) => h.trim().toLowerCase())
  // a file without the named column reads its "text" column, as a JSON record without the named field does
  const named = textField?.trim().toLowerCase()
  const textAt = named !== undefined && named !== 'text' && lowers.includes(named) ? lowers.indexOf(named) : lowers.indexOf('text')
  const taken = new Set<string>()
  const keys = header.map((raw, i) => {
    const name = raw.trim()
    const lower = lowers[i]!
    let key: string
    if (i === textAt) key = 'text'
    // the "text" column beside the named one is kept as meta's "text", as a JSON record's is (rowRecord)
    else if (lower === 'text' && !taken.has(`${META}text`)) key = `${META}text`
    else if (lower !== 'text' && (CSV_RECORD_FIELDS as readonly string[]).includes(lower) && !taken.has(lower)) key = lower
    else if (lower === 'meta' && !taken.has(`${META}meta`)) key = `${META}meta`
    else key = name === '' ? `column${i + 1}` : name
    // a meta key that repeats another column's (or a record field's) is numbered, so no cell overwrites another
    if (taken.has(key)) {
      let n = 2
      while (taken.has(`${key}_${n}`)) n++
      key = `${key}_${n}`
    }
    taken.add(key)
    return key
  })
  return {keys, names: header, hasText: textAt >= 0 || taken.has('html')}
}

// the key prefix of a column kept inside the record's `meta` object (a header is never a NUL)
const META = '\u0000meta:'

/**
 * One row as the JSON record it stands for, so it is read exactly as the same JSONL line: an empty cell is a field not
 * given (an empty id cell gives the content-hash id, as a null id does), except an empty text with no html, which stays
 * so the row is refused as empty; a column named `meta`, and a `text` column beside the one `--text-field` names, are
 * fields of the record's `meta` object.
 */
export function rowRecord(keys: readonly string[], fields: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const value = fields[i] ?? ''
    if (value === '') continue
    if (key.startsWith(META)) record.meta = {...(record.meta as object | undefined), [key.slice(META.length)]: value}
    else record[key] = value
  }
  if (typeof record.text !== 'string' && typeof record.html !== 'string' && keys.includes('text')) record.text = ''
  return record
}

/** What a column-less file says: the columns found, and which option reads the one that looks like the body. */
export function explainNoTextColumn(names: readonly string[], textField?: string): string {
  const shown = names.slice(0, 12).map((n) => JSON.stringify(n)).join(', ')
  const more = names.length > 12 ? `, and ${names.length - 12} more` : ''
  const hint = names.find((n) => (TEXT_FIELD_HINTS as readonly string[]).includes(n.trim().toLowerCase()))
  const fix = hint !== undefined ? `rerun with --text-field ${hint.trim()}` : 'name the column that holds the article\'s body "text", or give its name with --text-field <column>'
  const given = textField !== undefined ? `--text-field ${textField} names no column of it, and ` : ''
  return `${given}the header row has no "text" or "html" column (its columns: ${shown}${more}): no row is read; ${fix}`
}

/** A row of a CSV file: its fields and the line it starts on, or why it is no row. */
export type CsvRow = {line: number; fields: string[]} | {line: number; error: {code: string; message: string}}

/** How {@link openCsvText} decodes a file: the decoding's warnings for every row, and the charset when it is not UTF-8 or UTF-16. */
export interface CsvText {
  chunks: AsyncIterable<string>
  fileBytesRead: () => number
  warnings: IngestWarning[]
  /**
   * the file is UTF-8 with damage (bytes that are no UTF-8, each bad sequence U+FFFD): said on the rows that hold a
   * U+FFFD ({@link describeDamagedRow}), as a JSONL file's damage is said on its lines, not on every row
   */
  damaged?: boolean
}

// the decoder of the second pass, chosen by the first
type Decoding = {kind: 'text'; encoding: string} | {kind: 'windows-1252'} | {kind: 'whole'}

/**
 * A CSV file's text as it streams, LF line breaks only. The bytes are scanned first (a pass that holds none of them):
 * UTF-8 is read as UTF-8 (a BOM dropped); UTF-16 (a BOM, or zero bytes) as UTF-16; anything else as a .txt would be read
 * (src/io/decode.ts): the charset given with `--encoding`, a non-Latin charset detected confidently, Windows-1252 when
 * no UTF-8 sequence is in it (Mac OS Roman when its lines end in CR alone), else UTF-8 with each bad sequence U+FFFD. UTF-32 is decoded whole (up to the 512 MB cap).
 */
export async function openCsvText(full: string | Buffer, gzip: boolean, encoding?: string): Promise<CsvText> {
  const head = await readInputHead(full, gzip, 4096)
  const utf16 = utf16Encoding(head)
  const warnings: IngestWarning[] = []
  let damaged = false
  let decoding: Decoding
  if (utf16 !== null && utf16.encoding.startsWith('utf-32')) decoding = {kind: 'whole'}
  else if (utf16 !== null) {
    decoding = {kind: 'text', encoding: utf16.encoding}
    if (!utf16.bom) warnings.push({code: 'ingest:utf16-without-bom', message: `read as ${utf16.encoding.toUpperCase()} (no byte-order mark; every other byte is zero)`})
  } else {
    const scan = await scanFile(full, gzip)
    if (scan.invalid === 0) decoding = {kind: 'text', encoding: 'utf-8'}
    else {
      const given = encoding !== undefined ? whatwgName(encoding) : null
      const legacy = given !== null ? {read: {charset: given, confidence: 100, given: true}} : findLegacyCharset(scan.sample)
      if (legacy.read !== undefined) {
        const charset = legacy.read.charset
        decoding = charset === 'windows-1252' ? {kind: 'windows-1252'} : {kind: 'text', encoding: charset}
        warnings.push(
          given !== null
            ? {code: 'ingest:charset-given', charset, message: `not UTF-8: read as ${charset}, as --encoding says`}
            : {code: 'ingest:charset-detected', charset, message: `not UTF-8: read as ${charset}, the charset detected (confidence ${legacy.read.confidence} of 100${legacy.read.lang !== undefined ? `, language ${legacy.read.lang}` : ''}); if the letters are wrong, rerun with --encoding <charset>`},
        )
      } else if (scan.sequences === 0 && legacy.guess === undefined && legacy.unlike !== true && scan.crOnly) {
        // Excel's "CSV (Macintosh)" and Mac OS 9 wrote lines ending in CR alone, in Mac OS Roman, as a .txt is read
        decoding = {kind: 'text', encoding: 'macintosh'}
        warnings.push({code: 'ingest:mac-roman', charset: 'macintosh', message: `not UTF-8, and its lines end in a carriage return alone, as Mac OS 9 and earlier wrote text: read as Mac OS Roman, ${scan.invalid} byte${scan.invalid === 1 ? '' : 's'} above ASCII; if the letters are wrong, rerun with --encoding windows-1252`})
      } else if (scan.sequences === 0) {
        decoding = {kind: 'windows-1252'}
        warnings.push({code: 'ingest:windows-1252', charset: 'windows-1252', message: `not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), ${scan.invalid} byte${scan.invalid === 1 ? '' : 's'} above ASCII`})
      } else {
        decoding = {kind: 'text', encoding: 'utf-8'}
        damaged = true
      }
    }
  }
  if (decoding.kind === 'whole') {
    const {bytes, fileBytes, damaged} = await readInputBytes(full, gzip)
    if (damaged !== undefined) throw Object.assign(new Error(damaged), {code: 'Z_DATA_ERROR'})
    const decoded = decodeBytes(bytes)
    if ('error' in decoded) throw Object.assign(new Error(decoded.error), {code: 'LEDE_NOT_TEXT'})
    const text = decoded.text.replace(/^\ufeff/, '')
    let given = 0
    async function* whole(): AsyncGenerator<string> {
      given = fileBytes
      yield text
    }
    return {chunks: whole(), fileBytesRead: () => given, warnings: decoded.warnings}
  }
  const {chunks, fileBytesRead} = readInputChunks(full, gzip)
  return {chunks: withLineFeeds(decodeChunks(chunks, decoding)), fileBytesRead, warnings, ...(damaged ? {damaged} : {})}
}

// the first pass: invalid UTF-8 bytes, well-formed multi-byte sequences, and a sample for the charset detector taken
// where the first bad byte is (an English export's first accented name may come thousands of rows in)
async function scanFile(full: string | Buffer, gzip: boolean): Promise<{invalid: number; sequences: number; sample: Uint8Array; crOnly: boolean}> {
  let cr = false
  let lf = false
  let invalid = 0
  let sequences = 0
  let sample: Uint8Array | null = null
  let carry: Buffer = Buffer.alloc(0)
  const {chunks} = readInputChunks(full, gzip)
  for await (const chunk of chunks) {
    cr ||= chunk.includes(0x0d)
    lf ||= chunk.includes(0x0a)
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk
    // a sequence cut by the chunk's end is scanned with the next chunk
    const cut = completeLength(bytes)
    const piece = bytes.subarray(0, cut)
    const found = scanUtf8(piece)
    if (found.invalid > 0 && sample === null) sample = Buffer.from(piece.subarray(0, 64 * 1024))
    invalid += found.invalid
    sequences += found.sequences
    carry = Buffer.from(bytes.subarray(cut))
  }
  if (carry.length > 0) {
    const found = scanUtf8(carry)
    if (found.invalid > 0 && sample === null) sample = carry
    invalid += found.invalid
    sequences += found.sequences
  }
  return {invalid, sequences, sample: sample ?? new Uint8Array(0), crOnly: cr && !lf}
}

// the length of `bytes` without a UTF-8 sequence its end cuts short (at most 3 bytes left over)
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!
    if (b < 0x80) return bytes.length
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? bytes.length - back : bytes.length
    }
  }
  return bytes.length
}

async function* decodeChunks(chunks: AsyncIterable<Buffer>, decoding: Decoding): AsyncGenerator<string> {
  if (decoding.kind === 'windows-1252') {
    // one byte per character: each chunk decodes alone (Node's TextDecoder reads 0x80-0x9F as Latin-1, hence the table)
    for await (const chunk of chunks) yield windows1252FromLatin1(chunk.toString('latin1'))
    return
  }
  if (decoding.kind !== 'text') return
  // a BOM is dropped (ignoreBOM false): Excel's "CSV UTF-8" and "Unicode text" both write one
  const decoder = new TextDecoder(decoding.encoding, {fatal: false})
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, {stream: true})
    if (text !== '') yield text
  }
  const rest = decoder.decode()
  if (rest !== '') yield rest
}

/**
 * The warning for a row of a damaged UTF-8 file ({@link CsvText.damaged}) whose cells hold U+FFFD, one per bad byte
 * sequence (a U+FFFD written in the file is counted too: the decoder's and the file's cannot be told apart), or null.
 */
export function describeDamagedRow(fields: readonly string[]): IngestWarning | null {
  let replaced = 0
  for (const field of fields) for (let i = field.indexOf('\ufffd'); i !== -1; i = field.indexOf('\ufffd', i + 1)) replaced++
  if (replaced === 0) return null
  return {code: 'ingest:invalid-utf8', message: `${replaced} byte sequence${replaced === 1 ? ' is' : 's are'} not valid UTF-8 in this row; each was replaced by U+FFFD`}
}

/** Turns CRLF and lone CR into LF in streamed text (a CR ending one chunk waits for the next), as .txt input is read. */
export async function* withLineFeeds(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pendingCr = false
  for await (let text of chunks) {
    if (pendingCr) text = `\r${text}`
    pendingCr = text.endsWith('\r')
    if (pendingCr) text = text.slice(0, -1)
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
    if (text !== '') yield text
  }
  if (pendingCr) yield '\n'
}

/**
 * A CSV text's rows, each with the line it starts on (1-based, the header's line is 1, or 2 after an Excel `sep=;`
 * line), its delimiter taken from the header line ({@link findDelimiter}); blank lines and rows of blanks are passed
 * over. A quote never closed before the end of the file is an error row; a row past `maxRowChars` (a quote never closed
 * in a large file) is an error row that ends the reading, the rest of the file standing inside the quote.
 * Quotes inside an unquoted field are kept as written (`5" screen`), as spreadsheets read them.
 */
export async function* readCsvRows(chunks: AsyncIterable<string>, format: 'csv' | 'tsv', maxRowChars = MAX_CSV_ROW_CHARS): AsyncGenerator<CsvRow> {
  const iterator = chunks[Symbol.asyncIterator]()
  // the header line is read before the parser starts, for its delimiter
  let start = ''
  let done = false
  while (!done && !start.includes('\n')) {
    const next = await iterator.next()
    if (next.done) done = true
    else start += next.value
  }
  let offset = 0
  let delimiter: string
  const sep = /^sep=(.)\n/.exec(start)
  if (sep !== null) {
    // Excel's own line naming the delimiter, never a row
    delimiter = sep[1]!
    start = start.slice(sep[0].length)
    offset = 1
  } else delimiter = findDelimiter(start.slice(0, start.indexOf('\n') >= 0 ? start.indexOf('\n') : undefined), format)
  async function* all(): AsyncGenerator<string> {
    if (start !== '') yield start
    if (done) return
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  }
  let tooLong = false
  // rows the parser refused, each with the count of rows it had given before it, so each is said in its place
  const skips: RefusedCsvRow[] = []
  const parser = await createCsvParser({
    delimiter,
    maxRowChars,
    // after a row past the longest, the parser stays inside its quote to the end: what it says then is the same row again
    onRefused: (row) => {
      if (!skips.some((k) => k.code === 'CSV_MAX_RECORD_SIZE') && !tooLong) skips.push(row)
    },
  })
  let feedError: unknown = null
  const feeding = pipeline(Readable.from(all(), {objectMode: false}), parser).catch((error: unknown) => {
    feedError = error
  })
  // the line the last row ended on: a row cut short by the end of the file starts on the next one
  let lastEnd = offset
  const skipRow = (skip: RefusedCsvRow): CsvRow => {
    const line = lastEnd + 1
    if (skip.code === 'CSV_MAX_RECORD_SIZE') tooLong = true
    if (skip.code === 'CSV_QUOTE_NOT_CLOSED') {
      // every line from the row's first to the file's last is inside the quote: said, so a stray quote that swallowed
      // thousands of rows is not mistaken for one row cut off
      const last = skip.lines + offset
      const span = last > line ? `lines ${line}-${last}, the rest of the file, are inside it and not read` : 'the row is not read'
      return {line, error: {code: 'ingest:csv-unclosed-quote', message: `the row starting on line ${line} opens a quoted field that is never closed before the file ends (cut off, or a stray " in a field?): ${span}`}}
    }
    if (skip.code === 'CSV_MAX_RECORD_SIZE') return {line, error: {code: 'ingest:too-large', message: `the row starting on line ${line} runs past ${maxRowChars} characters, the longest row lede reads (a quote never closed?): neither it nor the rest of the file, which stands inside its quote, is read; close the quote or double the stray " and run again`}}
    return {line, error: {code: 'ingest:bad-csv', message: `the row starting on line ${line} is not CSV: ${skip.message}`}}
  }
  try {
    let given = 0
    for await (const item of parser as AsyncIterable<ParsedCsvRow>) {
      while (skips.length > 0 && skips[0]!.records <= given) yield skipRow(skips.shift()!)
      given++
      const end = item.info.lines + offset
      // the row's own line breaks (not the blank lines before it, nor its final one) say where it starts
      const body = item.raw.replace(/^\n+/, '').replace(/\n$/, '')
      let inside = 0
      for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) inside++
      const line = end - inside
      lastEnd = end
      if (item.record.every((f) => f.trim() === '')) continue
      yield {line, fields: item.record}
    }
  } catch (error) {
    await feeding
    throw feedError ?? error
  }
  await feeding
  while (skips.length > 0) yield skipRow(skips.shift()!)
  if (feedError !== null) throw feedError
}
