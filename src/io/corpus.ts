import {createHash} from 'node:crypto'
import {readdir, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {createDoc, type Doc} from '../doc.ts'
import {InputArticle, type ErrorRecord} from '../schema.ts'
import {decodeBytes, normaliseNewlines, scrubText, type IngestWarning} from './decode.ts'
import {inputFormat} from './formats.ts'
import {readInputBytes, readInputLines} from './gzip.ts'
import {decodeDeclaredCharset, readHtmlArticle} from './html.ts'

/** One item read from the corpus: a document, or the reason an input could not become one. */
export type CorpusItem =
  | {kind: 'doc'; doc: Doc; bytes: number}
  | {kind: 'error'; error: ErrorRecord; bytes: number}

/** The files a corpus folder holds, split into the ones lede reads and the ones it leaves. */
export interface CorpusListing {
  /** input paths (`.txt`, `.jsonl`, `.html`, `.htm` and their `.gz` twins) relative to the folder, POSIX separators, sorted */
  inputs: string[]
  /** every other file, relative and sorted, so the manifest accounts for it */
  skipped: string[]
}

/** Raised when the corpus folder itself cannot be read. */
export class CorpusError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CorpusError'
  }
}

/** Lists a corpus folder recursively in a deterministic order (by code unit, like `sort` under LC_ALL=C), leaving out `exclude` folders (the run's own output). */
export async function listCorpus(dir: string, exclude: string[] = []): Promise<CorpusListing> {
  let info
  try {
    info = await stat(dir)
  } catch {
    throw new CorpusError(`corpus folder "${dir}" does not exist`)
  }
  if (!info.isDirectory()) throw new CorpusError(`"${dir}" is not a folder: give lede run the folder that holds the articles`)
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const inputs: string[] = []
  const skipped: string[] = []
  const excluded = exclude.map((e) => resolve(e))
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = resolve(entry.parentPath, entry.name)
    if (excluded.some((e) => full.startsWith(e + sep))) continue
    const path = relative(dir, full).split(sep).join('/')
    if (inputFormat(entry.name) !== null) inputs.push(path)
    else skipped.push(path)
  }
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return {inputs: inputs.sort(byCodeUnit), skipped: skipped.sort(byCodeUnit)}
}

/** Decodes file bytes as text (see src/io/decode.ts) or says why it is not text; repairs are dropped here (use {@link decodeBytes} to keep them). */
export function decodeText(bytes: Uint8Array): {text: string} | {error: string} {
  const decoded = decodeBytes(bytes)
  return 'error' in decoded ? decoded : {text: decoded.text}
}

export {normaliseNewlines}

/** A stable document id: the first 16 hex digits of the SHA-256 of the decoded text. */
export function contentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)
}

/** Reads every input of a corpus folder in listing order, yielding documents and error records; never throws for one bad input. */
export async function* readCorpus(dir: string, listing: CorpusListing): AsyncGenerator<CorpusItem> {
  const seen = new Map<string, number>()
  // the same article twice (wire copies) keeps both, with a suffix so ids stay unique
  const uniqueId = (id: string) => {
    const count = (seen.get(id) ?? 0) + 1
    seen.set(id, count)
    return count === 1 ? id : `${id}-${count}`
  }
  for (const path of listing.inputs) {
    const full = join(dir, path)
    const {format, gzip} = inputFormat(path)!
    if (format === 'jsonl') {
      yield* readJsonlArticles(full, path, gzip, uniqueId)
      continue
    }
    let bytes: Buffer
    let fileBytes: number
    try {
      ;({bytes, fileBytes} = await readInputBytes(full, gzip))
    } catch (error) {
      yield readFailure(path, error)
      continue
    }
    const declared = format === 'html' ? decodeDeclaredCharset(bytes) : null
    const decoded = declared !== null ? scrubText(declared) : decodeBytes(bytes)
    if ('error' in decoded) {
      yield ingestError(path, 'ingest:not-text', decoded.error, fileBytes)
      continue
    }
    if (decoded.text.trim() === '') {
      yield ingestError(path, 'ingest:empty', 'the file holds no text', fileBytes)
      continue
    }
    if (format === 'html') {
      const page = readHtmlArticle(decoded.text)
      if ('code' in page) {
        yield ingestError(path, page.code, page.message, fileBytes)
        continue
      }
      // the id comes from the page as saved, so a better extractor in a later version keeps the same ids
      const meta = pageMeta(page, {})
      const doc = createDoc({id: uniqueId(contentId(decoded.text)), source: path, text: page.text, title: page.title, meta})
      addIngestWarnings(doc, decoded.warnings)
      yield {kind: 'doc', doc, bytes: fileBytes}
      continue
    }
    const doc = createDoc({id: uniqueId(contentId(decoded.text)), source: path, text: decoded.text})
    addIngestWarnings(doc, decoded.warnings)
    yield {kind: 'doc', doc, bytes: fileBytes}
  }
}

// the fields of an input record that lede reads; every other field is kept in the article's meta
const RECORD_FIELDS = new Set(['id', 'title', 'text', 'html', 'url', 'date', 'byline', 'meta'])

async function* readJsonlArticles(full: string, path: string, gzip: boolean, uniqueId: (id: string) => string): AsyncGenerator<CorpusItem> {
  const {lines, fileBytesRead} = readInputLines(full, gzip)
  let lineNumber = 0
  let accounted = 0
  // progress counts file bytes (compressed ones for .gz), handed out as lines arrive
  const bytesSoFar = () => {
    const read = fileBytesRead()
    const delta = read - accounted
    accounted = read
    return delta
  }
  try {
    for await (const rawLine of lines) {
      lineNumber++
      const source = `${path}:${lineNumber}`
      const bytes = bytesSoFar()
      const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (error) {
        yield ingestError(source, 'ingest:bad-json', `line ${lineNumber} is not JSON: ${(error as Error).message}`, bytes)
        continue
      }
      const parsed = InputArticle.safeParse(value)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')
        yield ingestError(source, 'ingest:bad-record', `line ${lineNumber} is not an article {id?, title?, text or html, url?, date?, byline?}: ${issues}`, bytes)
        continue
      }
      const article = parsed.data
      const extra: Record<string, unknown> = {...(article.meta ?? {})}
      for (const [key, field] of Object.entries(article)) if (!RECORD_FIELDS.has(key)) extra[key] = field
      const givenId = article.id === null || article.id === undefined ? null : String(article.id)
      let text: string
      let meta: Doc['meta']
      let title = article.title ?? null
      let warnings: IngestWarning[] = []
      if (typeof article.text === 'string') {
        const scrubbed = scrubText(article.text)
        text = scrubbed.text
        warnings = scrubbed.warnings
        // a record with both keeps its html, unread, with the other fields lede does not interpret
        if (typeof article.html === 'string') extra.html = article.html
        meta = recordMeta(article, extra)
      } else {
        const scrubbed = scrubText(article.html!)
        warnings = scrubbed.warnings
        const page = readHtmlArticle(scrubbed.text)
        if ('code' in page) {
          yield ingestError(source, page.code, `line ${lineNumber}: ${page.message}`, bytes)
          continue
        }
        text = page.text
        title ??= page.title
        // the record's own fields win over what the page says about itself
        meta = {...pageMeta(page, {}), ...recordMeta(article, {...page.extra, ...extra})}
      }
      if (text.trim() === '') {
        yield ingestError(source, 'ingest:empty', `line ${lineNumber} has an empty text`, bytes)
        continue
      }
      const doc = createDoc({id: uniqueId(givenId ?? contentId(typeof article.text === 'string' ? text : article.html!)), source, text, title, meta})
      addIngestWarnings(doc, warnings)
      yield {kind: 'doc', doc, bytes}
    }
  } catch (error) {
    yield readFailure(lineNumber === 0 ? path : `${path}:${lineNumber + 1}`, error)
  }
}

// repairs made while reading stay on the document as warnings, so a repaired article is never mistaken for a clean one
function addIngestWarnings(doc: Doc, warnings: IngestWarning[]): void {
  for (const w of warnings) doc.messages.push({stage: 'ingest', code: w.code, message: w.message, fatal: false})
}

function recordMeta(article: InputArticle, extra: Record<string, unknown>): Doc['meta'] {
  const meta: Doc['meta'] = {}
  if (typeof article.url === 'string') meta.url = article.url
  if (typeof article.date === 'string') meta.date = article.date
  if (typeof article.byline === 'string') meta.byline = article.byline
  if (Object.keys(extra).length > 0) meta.extra = extra
  return meta
}

function pageMeta(page: {url: string | null; date: string | null; byline: string | null; extra: Record<string, string>}, extra: Record<string, unknown>): Doc['meta'] {
  const meta: Doc['meta'] = {}
  if (page.url !== null) meta.url = page.url
  if (page.date !== null) meta.date = page.date
  if (page.byline !== null) meta.byline = page.byline
  const all = {...page.extra, ...extra}
  if (Object.keys(all).length > 0) meta.extra = all
  return meta
}

// a zlib error (Z_DATA_ERROR, Z_BUF_ERROR for a cut-off file) means a corrupt archive, anything else an unreadable file
function readFailure(source: string, error: unknown): CorpusItem {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (code.startsWith('Z_')) return ingestError(source, 'ingest:bad-gzip', `not a readable gzip file (corrupt or cut off): ${(error as Error).message}`, 0)
  return ingestError(source, 'ingest:unreadable', `cannot read file: ${(error as Error).message}`, 0)
}

function ingestError(source: string, code: string, message: string, bytes: number): CorpusItem {
  return {kind: 'error', error: {source, docId: null, stage: 'ingest', code, message}, bytes}
}
