import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {readdir, readFile, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {createInterface} from 'node:readline'
import {createDoc, type Doc} from '../doc.ts'
import {InputArticle, type ErrorRecord} from '../schema.ts'
import {decodeBytes, normaliseNewlines, scrubText, type IngestWarning} from './decode.ts'

/** One item read from the corpus: a document, or the reason an input could not become one. */
export type CorpusItem =
  | {kind: 'doc'; doc: Doc; bytes: number}
  | {kind: 'error'; error: ErrorRecord; bytes: number}

/** The files a corpus folder holds, split into the ones lede reads and the ones it leaves. */
export interface CorpusListing {
  /** `.txt` and `.jsonl` paths relative to the folder, POSIX separators, sorted */
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

const READ_EXTENSIONS = ['.txt', '.jsonl']

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
    if (READ_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) inputs.push(path)
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
    if (path.toLowerCase().endsWith('.jsonl')) {
      yield* readJsonlArticles(full, path, uniqueId)
      continue
    }
    let bytes: Buffer
    try {
      bytes = await readFile(full)
    } catch (error) {
      yield ingestError(path, 'ingest:unreadable', `cannot read file: ${(error as Error).message}`, 0)
      continue
    }
    const decoded = decodeBytes(bytes)
    if ('error' in decoded) {
      yield ingestError(path, 'ingest:not-text', decoded.error, bytes.length)
      continue
    }
    if (decoded.text.trim() === '') {
      yield ingestError(path, 'ingest:empty', 'the file holds no text', bytes.length)
      continue
    }
    const doc = createDoc({id: uniqueId(contentId(decoded.text)), source: path, text: decoded.text})
    addIngestWarnings(doc, decoded.warnings)
    yield {kind: 'doc', doc, bytes: bytes.length}
  }
}

async function* readJsonlArticles(full: string, path: string, uniqueId: (id: string) => string): AsyncGenerator<CorpusItem> {
  const lines = createInterface({input: createReadStream(full, {encoding: 'utf8'}), crlfDelay: Infinity})
  let lineNumber = 0
  try {
    for await (const rawLine of lines) {
      lineNumber++
      const source = `${path}:${lineNumber}`
      const bytes = Buffer.byteLength(rawLine) + 1
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
        yield ingestError(source, 'ingest:bad-record', `line ${lineNumber} is not an article {id?, title?, text, url?, date?}: ${issues}`, bytes)
        continue
      }
      const article = parsed.data
      const scrubbed = scrubText(article.text)
      const text = scrubbed.text
      if (text.trim() === '') {
        yield ingestError(source, 'ingest:empty', `line ${lineNumber} has an empty text`, bytes)
        continue
      }
      const meta: Doc['meta'] = {}
      if (article.url !== undefined) meta.url = article.url
      if (article.date !== undefined) meta.date = article.date
      const doc = createDoc({id: uniqueId(article.id ?? contentId(text)), source, text, title: article.title ?? null, meta})
      addIngestWarnings(doc, scrubbed.warnings)
      yield {kind: 'doc', doc, bytes}
    }
  } catch (error) {
    yield ingestError(path, 'ingest:unreadable', `cannot read file: ${(error as Error).message}`, 0)
  }
}

// repairs made while reading stay on the document as warnings, so a repaired article is never mistaken for a clean one
function addIngestWarnings(doc: Doc, warnings: IngestWarning[]): void {
  for (const w of warnings) doc.messages.push({stage: 'ingest', code: w.code, message: w.message, fatal: false})
}

function ingestError(source: string, code: string, message: string, bytes: number): CorpusItem {
  return {kind: 'error', error: {source, docId: null, stage: 'ingest', code, message}, bytes}
}
