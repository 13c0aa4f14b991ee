import {createHash} from 'node:crypto'
import {opendir, readdir, readFile, realpath, stat} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {createDoc, type Doc} from '../doc.ts'
import {InputArticle, type ErrorRecord} from '../schema.ts'
import {decodeBytes, normaliseNewlines, scrubText, utf16Encoding, type IngestWarning} from './decode.ts'
import {INPUT_EXTENSIONS, inputFormat, looksLikeHtmlPage, mayBeWireFile} from './formats.ts'
import {describeDamagedRow, explainNoTextColumn, mapColumns, openCsvText, readCsvRows, rowRecord, TEXT_FIELD_HINTS} from './csv.ts'
import {isSameFileState, readFileState, type FileState} from './file-state.ts'
import {splitNexisExport, type ExportPiece} from './nexis.ts'
import {findBinaryFile, findBinaryGzip, MAX_INPUT_BYTES, readInputBytes, readInputChunks, readInputHead, readInputLines, readPlainInput, type BinaryFinding} from './gzip.ts'
import {blankJsonComments, splitJsonValues, type JsonNote} from './json-values.ts'
import {splitJoinedObjects, splitLoneCarriageReturns} from './jsonl-lines.ts'
import {LOCK_FILE, STAGING_DIR} from './output.ts'
import {looksLikeWireSgml, splitWireFile} from './sgml.ts'
import {findIntegerIdLiteral} from './json-id.ts'
import {decodeXmlBytes, describeOtherRoot, findXmlRoot, readXmlArticles, xmlKindOf} from './xml.ts'

// HTML support (linkedom + Readability, ~0.3 s of CPU to load) is loaded at the first page, so a run over plain
// text or JSONL text never pays for it on the main thread
let htmlModule: Promise<typeof import('./html.ts')> | null = null
const loadHtml = () => (htmlModule ??= import('./html.ts'))
let mhtmlModule: Promise<typeof import('./mhtml.ts')> | null = null
const loadMhtml = () => (mhtmlModule ??= import('./mhtml.ts'))
let webarchiveModule: Promise<typeof import('./webarchive.ts')> | null = null
const loadWebarchive = () => (webarchiveModule ??= import('./webarchive.ts'))

/** How the charset of a document read from bytes that are not UTF-8 or UTF-16 was chosen. */
export type CharsetChoice = 'declared' | 'detected' | 'given' | 'fallback'

// the decoding's warning says which of its ways it took (src/io/decode.ts)
function charsetChoice(code: string): CharsetChoice {
  // UTF-32 is recognised by its byte-order mark or its 4-byte units, never a fallback (it was counted as one)
  // the charset an XML declaration names is the file's own word, as a page's <meta charset> is
  if (code === 'ingest:xml-charset') return 'declared'
  return code === 'ingest:charset-detected' || code === 'ingest:utf32' || code === 'ingest:mac-roman' ? 'detected' : code === 'ingest:charset-given' ? 'given' : 'fallback'
}

/** One item read from the corpus: a document, or the reason an input could not become one. */
export type CorpusItem =
  | {kind: 'doc'; doc: Doc; bytes: number; file?: string; charset?: string; charsetBy?: CharsetChoice}
  | {kind: 'error'; error: ErrorRecord; bytes: number; file?: string}
// `file` is set on the items of a file that holds several documents (JSONL, SGML wire files): the input path, so
// the manifest can say what each such file gave; `charset` on a document read from bytes that are not UTF-8, the
// charset it was read in and how it was chosen (declared by the page, detected, given with --encoding, or the
// Windows-1252 fallback), for the manifest's counts

/** The files a corpus folder holds, split into the ones lede reads and the ones it leaves. */
export interface CorpusListing {
  /** input paths (every extension of `INPUT_EXTENSIONS` in src/io/formats.ts: `.txt`, `.jsonl`, `.json`, `.csv`, `.tsv`, `.html`, …, an `.xml` of a news article format, their `.gz` twins, and SGML wire files with no extension) relative to the folder, POSIX separators, sorted */
  inputs: string[]
  /** every other file or folder (folders end in `/`), relative and sorted, so the manifest accounts for it */
  skipped: string[]
  /** why each skipped path was left, by path */
  reasons: Record<string, string>
  /** the skipped folders that could not be read (their files were never listed), sorted; each is an error of the run */
  unreadable?: string[]
  /**
   * the file to open for each input whose path holds a name that is not UTF-8 (an archive from an old Windows or Mac
   * system: `caf\xE9.txt` in Latin-1), by its listed path: there each byte that is no UTF-8 is written `\xHH`, so the
   * listed path names the file without loss but cannot open it
   */
  open?: Record<string, FsPath>
}

/** A file system path: a string, or the raw bytes of one whose names are not all UTF-8 (Node opens both). */
export type FsPath = string | Buffer

/** The path to open for an input of a listing (see {@link CorpusListing.open}). */
export function inputPath(dir: string, listing: Pick<CorpusListing, 'open'>, path: string): FsPath {
  return listing.open?.[path] ?? join(dir, path)
}

/**
 * A file name as lede writes it (sources, the manifest): the name itself when it is UTF-8, else its UTF-8 parts with
 * each other byte written `\xHH` (Node reads such a name as U+FFFD, which names no file and makes two names one).
 */
export function displayName(raw: Buffer): string {
  const text = raw.toString('utf8')
  if (!text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(raw)) return text
  let out = ''
  let i = 0
  while (i < raw.length) {
    const b = raw[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need >= 0) {
      const piece = raw.subarray(i, i + need + 1)
      const decoded = piece.toString('utf8')
      if (piece.length === need + 1 && !decoded.includes('\uFFFD')) {
        out += decoded
        i += need + 1
        continue
      }
    }
    out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`
    i++
  }
  return out
}

// a path as a string when its bytes are UTF-8 (so paths compare and join as before), else the bytes
function fsPath(raw: Buffer): FsPath {
  const text = raw.toString('utf8')
  return Buffer.from(text, 'utf8').equals(raw) ? text : raw
}

function childPath(parent: FsPath, raw: Buffer): FsPath {
  const name = fsPath(raw)
  if (typeof parent === 'string' && typeof name === 'string') return join(parent, name)
  return Buffer.concat([typeof parent === 'string' ? Buffer.from(parent, 'utf8') : parent, Buffer.from('/'), raw])
}

// one key per file system object's path, string or bytes (a NUL never occurs in a path)
function pathKey(path: FsPath): string {
  return typeof path === 'string' ? path : `\0${path.toString('latin1')}`
}

/** Raised when the corpus folder itself cannot be read. */
export class CorpusError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CorpusError'
  }
}

/** What marks a folder as one a lede run is writing or was writing when it stopped (`lede.lock`, the staging folder), or null. */
export async function findUnfinishedRun(dir: FsPath): Promise<string | null> {
  const marks: string[] = []
  if ((await stat(childPath(dir, Buffer.from(LOCK_FILE))).catch(() => null))?.isFile()) marks.push(LOCK_FILE)
  if ((await stat(childPath(dir, Buffer.from(STAGING_DIR))).catch(() => null))?.isDirectory()) marks.push(`${STAGING_DIR}/`)
  return marks.length > 0 ? marks.join(' and ') : null
}

/** Whether a folder holds a lede run's output (a `manifest.json` written by lede), which must never be read back as input. */
export async function isLedeOutputFolder(dir: FsPath): Promise<boolean> {
  try {
    const text = await readFile(childPath(dir, Buffer.from('manifest.json')), 'utf8')
    return (JSON.parse(text) as {tool?: unknown}).tool === 'lede'
  } catch {
    return false
  }
}

/**
 * Fails with the listing's own message when the corpus folder is missing, not a folder or (with `open`) cannot be
 * opened: a check cheap enough to run before a run starts anything, whatever the folder holds.
 */
export async function checkCorpusFolder(dir: string, open = true): Promise<void> {
  let info
  try {
    info = await stat(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // "does not exist" only when it does not: a link loop or a folder on the way that cannot be entered says so
    if (code === 'ENOENT') throw new CorpusError(`corpus folder "${dir}" does not exist`)
    if (code === 'ELOOP') throw new CorpusError(`corpus folder "${dir}" is a symbolic link that leads round in a loop`)
    if (code === 'ENOTDIR') throw new CorpusError(`corpus folder "${dir}" does not exist (a part of its path is a file)`)
    throw new CorpusError(`cannot read corpus folder "${dir}": ${(error as Error).message}`)
  }
  if (!info.isDirectory()) throw new CorpusError(`"${dir}" is not a folder: give lede run the folder that holds the articles`)
  if (!open) return
  // opening reads no entry, so a folder of a million files costs no more than an empty one
  try {
    await (await opendir(dir)).close()
  } catch (error) {
    throw new CorpusError(`cannot read corpus folder "${dir}": ${(error as Error).message}`)
  }
}

/**
 * Lists a corpus folder recursively in a deterministic order (by code unit, like `sort` under LC_ALL=C).
 * Symbolic links to files and folders are followed wherever they point, each target once (a second
 * path to the same file or folder, and a link back to an enclosing folder, are listed as skipped with
 * the reason); `exclude` folders (the run's own output) and folders holding a lede manifest are skipped.
 */
export async function listCorpus(dir: string, exclude: string[] = []): Promise<CorpusListing> {
  await checkCorpusFolder(dir, false)
  const root = await realpath(dir)
  const excluded = new Set<string>()
  for (const e of exclude) excluded.add(await realpath(e).catch(() => resolve(e)))
  const inputs: string[] = []
  const reasons: Record<string, string> = {}
  // real paths already taken (by pathKey), so every file and folder is read once however many links reach it
  const seenFiles = new Map<string, string>()
  const seenDirs = new Map<string, string>([[root, '.']])
  const skip = (path: string, reason: string) => (reasons[path] = reason)
  const unreadable: string[] = []
  const open: Record<string, FsPath> = {}

  // links are followed after the real tree is walked, so a file is read under its own path and a link to it is the duplicate
  const links: Array<{path: string; full: FsPath; name: string; ancestors: Set<string>; bytes: boolean}> = []
  // `bytes`: a name on the listed path so far is written \xHH, so the listed path opens nothing and each input gets its
  // own path to open (the target's: for a link, the file it leads to)
  const walk = async (real: FsPath, rel: string, ancestors: Set<string>, followLinks: boolean, bytes: boolean): Promise<void> => {
    let dirents
    try {
      // names as bytes: one that is not UTF-8 (Latin-1 from an old system) read as a string is U+FFFD and opens nothing
      dirents = await readdir(real, {withFileTypes: true, encoding: 'buffer'})
    } catch (error) {
      if (rel === '') throw new CorpusError(`cannot read corpus folder "${dir}": ${(error as Error).message}`)
      const code = (error as NodeJS.ErrnoException).code
      // a folder nested past the system's path length said only "ENAMETOOLONG"
      const why = code === 'ENAMETOOLONG' ? `ENAMETOOLONG: its path is longer than the system allows (4,096 bytes on Linux): move it higher up or shorten the folder names` : (code ?? (error as Error).message)
      skip(`${rel}/`, `folder cannot be read: ${why}`)
      unreadable.push(`${rel}/`)
      return
    }
    const entries = dirents.map((d) => ({dirent: d, raw: d.name as unknown as Buffer, name: displayName(d.name as unknown as Buffer), isDirectory: () => d.isDirectory()}))
    entries.sort((a, b) => byCodeUnit(a.name, b.name))
    const pages = savedPages(entries)
    for (const {dirent: entry, raw, name} of entries) {
      const path = rel === '' ? name : `${rel}/${name}`
      const full = childPath(real, raw)
      const viaBytes = bytes || !raw.equals(Buffer.from(name, 'utf8'))
      const page = entry.isDirectory() ? pages.get(name) : undefined
      if (page !== undefined) {
        skip(`${path}/`, `the resources of the saved page "${page}" (images, styles, scripts and frames a browser's "Save as complete" keeps beside it), not articles`)
        continue
      }
      if (entry.isSymbolicLink()) {
        if (followLinks) await visitLink(path, full, name, ancestors, viaBytes)
        else links.push({path, full, name, ancestors, bytes: viaBytes})
        continue
      }
      await visit(path, full, name, entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other', false, ancestors, followLinks, viaBytes)
    }
  }
  const visitLink = async (path: string, full: FsPath, name: string, ancestors: Set<string>, bytes: boolean) => {
    let target: FsPath
    let kind: 'file' | 'dir' | 'other'
    try {
      target = fsPath(await realpath(full, {encoding: 'buffer'}))
      const s = await stat(target)
      kind = s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other'
    } catch (error) {
      skip(path, `symbolic link that leads nowhere (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`)
      return
    }
    await visit(path, target, name, kind, true, ancestors, true, bytes)
  }
  const visit = async (path: string, target: FsPath, name: string, kind: 'file' | 'dir' | 'other', link: boolean, ancestors: Set<string>, followLinks: boolean, bytes: boolean) => {
    if (kind === 'other') {
      skip(path, 'not a regular file or folder (device, socket or pipe)')
      return
    }
    const key = pathKey(target)
    if (kind === 'dir') {
      if (excluded.has(key)) return
      // an interrupted run's staging folder holds its checkpoint.json and .partial files: lede's output, never input
      // (a finished run's folder is known by its manifest.json, below; this one has none yet)
      if (name === STAGING_DIR) {
        skip(`${path}/`, 'the staging folder of an interrupted lede run (checkpoint.json, .partial files), never read back as input')
        return
      }
      // one entry for the folder, not one per file in it: a corpus inside a git checkout listed every .git/ object
      const metadata = findMetadataFolder(name)
      if (metadata !== undefined) {
        skip(`${path}/`, `${metadata}, not articles: the folder is not read`)
        return
      }
      if (ancestors.has(key)) {
        const to = seenDirs.get(key)
        skip(`${path}/`, `symbolic link loop: leads back to ${to === '.' ? 'the corpus folder' : `"${to}/"`}`)
        return
      }
      const earlier = seenDirs.get(key)
      if (earlier !== undefined) {
        skip(`${path}/`, `same folder as ${earlier === '.' ? 'the corpus folder' : `"${earlier}/"`}, read once`)
        return
      }
      seenDirs.set(key, path)
      if (await isLedeOutputFolder(target)) {
        skip(`${path}/`, 'holds the output of a lede run (manifest.json), never read back as input')
        return
      }
      // a run still going, or killed, in this folder: its lock or staging folder says so before its manifest does, and
      // while a run moves its finished files in, the folder holds them without a manifest (a run killed then leaves it
      // so); read, its articles.jsonl came back as articles and its entities.jsonl as one article per entity
      const unfinished = await findUnfinishedRun(target)
      if (unfinished !== null) {
        skip(`${path}/`, `the output folder of a lede run still going or interrupted (${unfinished}), never read back as input`)
        return
      }
      await walk(target, path, new Set([...ancestors, key]), followLinks, bytes)
      return
    }
    const earlier = seenFiles.get(key)
    if (earlier !== undefined) {
      skip(path, `same file as "${earlier}", read once`)
      return
    }
    seenFiles.set(key, path)
    if (name.startsWith('._') && (await isAppleDouble(target))) {
      skip(path, `macOS metadata of "${name.slice(2)}" (an AppleDouble file a Mac writes beside each file on a foreign disk or in a zip), not an article`)
      return
    }
    const format = inputFormat(name)
    // an .xml is read when its root is an article format's: a feed or a sitemap is skipped with its root named, not read as an article
    const otherXml = format?.format === 'xml' ? await findOtherXmlRoot(target, format.gzip) : null
    if (otherXml !== null) skip(path, link ? `symbolic link to ${describeOtherRoot(otherXml)}` : describeOtherRoot(otherXml))
    else if (format !== null || (mayBeWireFile(name) && (await isWireFile(target, name)))) {
      inputs.push(path)
      // a path with a name written \xHH opens through the bytes (the link's target for a link: the same file)
      if (bytes) open[path] = target
    } else skip(path, link ? 'symbolic link to a file lede does not read' : NOT_READ)
  }
  await walk(root, '', new Set([root]), false, false)
  // a link found while following links is followed at once; the queue only holds links of the real tree
  for (const l of links) await visitLink(l.path, l.full, l.name, l.ancestors, l.bytes)
  const listing: CorpusListing = {inputs: inputs.sort(byCodeUnit), skipped: Object.keys(reasons).sort(byCodeUnit), reasons, unreadable: unreadable.sort(byCodeUnit)}
  if (Object.keys(open).length > 0) listing.open = open
  return listing
}

// built from the formats' own list, so a format added there is named here (.webarchive was left out when written by hand)
const PLAIN_EXTENSIONS = INPUT_EXTENSIONS.filter((ext) => !ext.endsWith('.gz'))
const NOT_READ = `not a file lede reads (${PLAIN_EXTENSIONS.slice(0, -1).join(', ')} or ${PLAIN_EXTENSIONS.at(-1)}, or a .gz of one; a file with no extension only when it holds <DOC> elements)`

// folders that hold a tool's or a system's bookkeeping, never articles, by exact name; a user's own folder named
// "git" or "Trash" is read
const METADATA_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['.git', 'version-control metadata (Git)'],
  ['.hg', 'version-control metadata (Mercurial)'],
  ['.svn', 'version-control metadata (Subversion)'],
  ['.bzr', 'version-control metadata (Bazaar)'],
  ['__MACOSX', "macOS metadata a zip made on a Mac holds (AppleDouble copies of each file's attributes)"],
  ['.Spotlight-V100', 'macOS volume metadata (Spotlight index)'],
  ['.fseventsd', 'macOS volume metadata (file system event log)'],
  ['.Trashes', 'macOS volume metadata (deleted files)'],
])
// Windows writes these in several cases ($RECYCLE.BIN, $Recycle.Bin), so they match by any case
const WINDOWS_METADATA_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['$recycle.bin', 'Windows volume metadata (deleted files)'],
  ['system volume information', 'Windows volume metadata'],
])

/** What a folder of this name holds when it is version-control or operating-system metadata (`.git`, `__MACOSX`, ...), else undefined. */
export function findMetadataFolder(name: string): string | undefined {
  return METADATA_FOLDERS.get(name) ?? WINDOWS_METADATA_FOLDERS.get(name.toLowerCase())
}

/**
 * The resource folders of pages saved with a browser's "Save as complete" (`Story.html` beside `Story_files/`, as Chrome,
 * Firefox and Edge name it), by folder name, each with its page: their saved frames (ads, widgets, consent dialogs) are
 * `.html` files too, and read as inputs they gave junk articles and error lines for every saved page.
 */
function savedPages(entries: Array<{name: string; isDirectory(): boolean}>): Map<string, string> {
  const folders = new Map<string, string>()
  for (const entry of entries) {
    if (entry.isDirectory()) continue
    const stem = /^(.+)\.html?$/i.exec(entry.name)?.[1]
    if (stem !== undefined) folders.set(`${stem}_files`, entry.name)
  }
  return folders
}

// a file with no extension is an input when it (or, for a .gz, what it decompresses to) starts with a <DOC> element
// AppleDouble's magic number (RFC 1740): a "._" file is metadata only when it starts with it, so a user's own "._notes.txt" is read
const APPLE_DOUBLE_MAGIC = Buffer.from([0x00, 0x05, 0x16, 0x07])

async function isAppleDouble(full: FsPath): Promise<boolean> {
  try {
    const head = await readInputHead(full, false, 4)
    return head.length >= 4 && head.subarray(0, 4).equals(APPLE_DOUBLE_MAGIC)
  } catch {
    // an unreadable file is reported when it is read
    return false
  }
}

// the root element of an .xml that is no article format lede reads, or null (an article format's, or none found in the
// file's first 16 KB: then the file is read and its reading says what is wrong)
async function findOtherXmlRoot(full: FsPath, gzip: boolean): Promise<string | null> {
  try {
    const root = findXmlRoot(await readInputHead(full, gzip, 16384))
    return root !== null && xmlKindOf(root) === null ? root : null
  } catch {
    // an unreadable file or a corrupt .gz is reported when it is read
    return null
  }
}

async function isWireFile(full: FsPath, name: string): Promise<boolean> {
  const head = await readInputHead(full, name.toLowerCase().endsWith('.gz'))
  return looksLikeWireSgml(head.toString('latin1'))
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
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

type IdAllocator = (id: string) => {id: string; duplicateOf?: string}

// a renamed duplicate says so in the article's warnings, so the rename is never silent
function createUniqueDoc(uniqueId: IdAllocator, wanted: string, init: Omit<Parameters<typeof createDoc>[0], 'id'>): Doc {
  const {id, duplicateOf} = uniqueId(wanted)
  const doc = createDoc({id, ...init})
  if (duplicateOf !== undefined) {
    doc.messages.push({stage: 'ingest', code: 'ingest:duplicate-id', message: `id "${duplicateOf}" was already used by an earlier document; this one is "${id}"`, fatal: false})
  }
  return doc
}

/** An id allocator: the first use of an id keeps it; a repeat gets the first free `-2`, `-3`, … suffix, so no two documents ever share an id (`d1, d1, d1-2` gives `d1, d1-2, d1-2-2`). */
export function createIdAllocator(): IdAllocator {
  const used = new Set<string>()
  const next = new Map<string, number>()
  return (id) => {
    if (!used.has(id)) {
      used.add(id)
      return {id}
    }
    let n = next.get(id) ?? 2
    while (used.has(`${id}-${n}`)) n++
    next.set(id, n + 1)
    const unique = `${id}-${n}`
    used.add(unique)
    return {id: unique, duplicateOf: id}
  }
}

/**
 * The longest text one article may have (8 Mi UTF-16 code units, about 8 MB of English): a longer one is many articles
 * in one file (a year of wire copy without its markup, a dump on one line) and is refused as `ingest:too-long`. Processed
 * as one document, 1 MB of words on one line took 5.0 s of CPU and 269 MB of memory (the run's), 5 MB 36 s and 556 MB:
 * 100 MB would, by that rate, run for over ten minutes and need some 8 GB; no article comes near the cap (a long court
 * transcript is about 1 MB).
 */
export const MAX_ARTICLE_CHARS = 8 * 1024 * 1024

function tooLongMessage(length: number): string {
  return `the article is ${length} characters long, more than the ${MAX_ARTICLE_CHARS} lede processes as one article: it is probably many articles in one file; split it into one file (or JSONL line, or <DOC>) per article`
}

/** How {@link readCorpus} reads its inputs. */
export interface ReadOptions {
  /** the charset files that are not UTF-8 are in (`lede run --encoding`, a WHATWG label), instead of detecting one */
  encoding?: string
  /**
   * each input's size and modification time when the corpus was listed, by listed path (`prepareRun` takes them): a file
   * whose stat differs when it is read changed during the run, and is read again until two looks agree, or refused
   */
  listed?: ReadonlyMap<string, FileState>
  /** write an SGML DOC's byline block (`<BYLINE>`, the loose lines between the headline and `<TEXT>`) into its text under the headline (default true; `lede run --no-wire-byline` gives false, the fields only) */
  wireBylineInText?: boolean
  /**
   * the field (JSON, JSONL) or column (CSV, TSV; any case) that holds an article's body when it is not called "text"
   * (`lede run --text-field content`); a "text" field beside it is kept in meta
   */
  textField?: string
}

/** Reads every input of a corpus folder in listing order, yielding documents and error records; never throws for one bad input. */
export async function* readCorpus(dir: string, listing: CorpusListing, options: ReadOptions = {}): AsyncGenerator<CorpusItem> {
  const uniqueId = createIdAllocator()
  for (const path of listing.inputs) {
    const full = inputPath(dir, listing, path)
    // the listed name is not the file's (its bytes are not UTF-8): said on every article from it, as a repair is
    const renamed = listing.open?.[path] !== undefined
    for await (const item of readInput(full, path, uniqueId, options, options.listed?.get(path))) {
      if (item.kind === 'doc' && item.doc.text.length > MAX_ARTICLE_CHARS) {
        yield {...ingestError(item.doc.source, 'ingest:too-long', tooLongMessage(item.doc.text.length), item.bytes), ...(item.file !== undefined ? {file: item.file} : {})}
        continue
      }
      if (renamed && item.kind === 'doc') addIngestWarnings(item.doc, [{code: 'ingest:file-name-not-utf8', message: 'the file\'s name is not UTF-8 (a legacy encoding such as Latin-1): each byte of it that is not UTF-8 is written \\xHH in source'}])
      yield item
    }
  }
}

/**
 * One input file's documents and errors. A .gz cut off or corrupt part-way (a download stopped short) gives what it
 * decompressed to before the damage: the articles of an SGML archive up to the cut (the one cut through is
 * sgml-unterminated), a single article with the warning `ingest:gzip-cut-off`, and then the file's `ingest:bad-gzip`
 * error saying how much was read; before, the whole file was that one error.
 */
async function* readInput(full: FsPath, path: string, uniqueId: IdAllocator, options: ReadOptions, listed: FileState | undefined): AsyncGenerator<CorpusItem> {
  const damage: {message?: string; bytes?: number} = {}
  const change: FileChange = listed !== undefined ? {listed} : {}
  let documents = 0
  for await (const item of readWhole(full, path, uniqueId, damage, options, change)) {
    if (change.note !== undefined && item.kind === 'doc') addIngestWarnings(item.doc, [change.note])
    // a whole-file refusal of a file caught mid-rewrite ("holds no text" for one truncated before it is written) says so
    if (change.note !== undefined && item.kind === 'error' && item.error.source === path && item.error.code !== 'ingest:changed-while-read' && item.error.code !== 'ingest:changing') item.error.message += `; ${change.note.message.split(': read as')[0]}`
    if (damage.message === undefined) {
      yield item
      continue
    }
    if (item.kind === 'doc') {
      documents++
      if (item.file === undefined) addIngestWarnings(item.doc, [{code: 'ingest:gzip-cut-off', message: `the .gz file is cut off or corrupt after ${damage.bytes} decompressed bytes (${damage.message}): this text ends there`}])
    }
    // the file gave articles and an error: listed with both in the manifest's splitFiles
    yield {...item, file: path}
  }
  if (damage.message !== undefined) {
    const read = `the ${damage.bytes} bytes before it were read (${documents} document${documents === 1 ? '' : 's'}); the rest of the file is lost`
    yield {...ingestError(path, 'ingest:bad-gzip', `not a readable gzip file (corrupt or cut off): ${damage.message}; ${read}`, 0), file: path}
  }
}

// how many times a whole-file input is read while its stat keeps changing between reads, before it is refused
const MAX_READS = 3

// an input's state when the corpus was listed, and the warning its articles get when it changed since (set by readWhole)
interface FileChange {
  listed?: FileState
  note?: IngestWarning
}

function changedSinceListed(listed: FileState, now: FileState): IngestWarning {
  return {code: 'ingest:changed-since-listed', message: `the file changed after the corpus was listed at the start of the run (${listed.size} bytes then, ${now.size} now): read as it was when its turn came; the manifest's inputs.bytes counts the size listed`}
}

async function* readWhole(full: FsPath, path: string, uniqueId: IdAllocator, damage: {message?: string; bytes?: number}, options: ReadOptions, change: FileChange): AsyncGenerator<CorpusItem> {
  // a file listed without a known extension was listed for its content: an SGML wire file
  const {format, gzip} = inputFormat(path) ?? {format: 'sgml' as const, gzip: path.toLowerCase().endsWith('.gz')}
  if (format === 'jsonl' || format === 'json' || format === 'csv' || format === 'tsv') {
    // streamed, so never read twice: a look before and one after; a change between them is said after the records
    const before = change.listed !== undefined ? readFileState(full) : null
    if (before !== null && !isSameFileState(before, change.listed!)) change.note = changedSinceListed(change.listed!, before)
    let records = 0
    const textField = options.textField
    const items = format === 'jsonl' ? readJsonlArticles(full, path, gzip, uniqueId, textField) : format === 'json' ? readJsonArticles(full, path, gzip, uniqueId, textField) : readCsvArticles(full, path, format, gzip, uniqueId, options)
    for await (const item of items) {
      records++
      yield {...item, file: path}
    }
    const after = before !== null ? readFileState(full) : null
    if (before !== null && after !== null && !isSameFileState(before, after)) {
      const message = `the file changed while it was read (still being written or copied?): its ${records} records above were read as the file was then, and may mix two versions of it (${before.size} bytes when its reading began, ${after.size} at its end); run lede again once the file is complete`
      yield {...ingestError(path, 'ingest:changed-while-read', message, 0), file: path}
    }
    return
  }
  let got: Awaited<ReturnType<typeof readWholeBytes>>
  let changing: string | null = null
  try {
    got = await readWholeBytes(full, path, format, gzip, options)
    // a stat after the read that differs from the one before it (the listing's, the first time) means the bytes may be
    // half old, half new: read again until two looks agree, so an article never mixes two versions of its file
    if (change.listed !== undefined) {
      let before = change.listed
      for (let reads = 1; ; reads++) {
        const now = readFileState(full)
        if (now === null || isSameFileState(now, before)) break
        if (reads === MAX_READS) {
          changing = `the file changed each of the ${MAX_READS} times it was read (still being written or copied?): not read, so no article mixes two versions of it; run lede again once the file is complete`
          break
        }
        before = now
        got = await readWholeBytes(full, path, format, gzip, options)
      }
      if (before !== change.listed) change.note = changedSinceListed(change.listed, before)
    }
  } catch (error) {
    yield readFailure(path, error)
    return
  }
  if (changing !== null) {
    yield ingestError(path, 'ingest:changing', changing, change.listed?.size ?? 0)
    return
  }
  if ('binary' in got) {
    yield ingestError(path, got.binary.code, got.binary.message, got.binary.fileBytes)
    return
  }
  let {bytes} = got
  const {fileBytes} = got
  if (got.damaged !== undefined) Object.assign(damage, {message: got.damaged, bytes: bytes.length})
  // the charset an MHTML part's header or a web archive names, when the page was read in it (for the manifest's counts)
  let containerCharset: string | undefined
  // an MHTML file (a page saved as one file) holds the page as its first text/html MIME part, read as the page
  if (format === 'mhtml') {
    const unpacked = (await loadMhtml()).pageFromMhtml(bytes.toString('latin1'))
    if ('error' in unpacked) {
      yield ingestError(path, 'ingest:bad-mhtml', unpacked.error, fileBytes)
      return
    }
    bytes = Buffer.from(unpacked.html, 'utf8')
    if (unpacked.charset !== undefined) containerCharset = unpacked.charset
  }
  // a Safari web archive holds the page as its WebMainResource (bytes and the charset Safari read them in)
  let archiveUrl: string | null = null
  if (format === 'webarchive') {
    const unpacked = (await loadWebarchive()).pageFromWebarchive(bytes)
    if ('error' in unpacked) {
      yield ingestError(path, 'ingest:bad-webarchive', unpacked.error, fileBytes)
      return
    }
    bytes = typeof unpacked.html === 'string' ? Buffer.from(unpacked.html, 'utf8') : unpacked.html
    archiveUrl = unpacked.url
    if (unpacked.charset !== undefined) containerCharset = unpacked.charset
  }
  // a .txt that opens with <!DOCTYPE html> or <html> is a page saved under the wrong name: read as text, its markup,
  // scripts and menus became the article; read as the page it is, with a warning that says so
  const htmlInTxt = format === 'txt' && looksLikeHtmlPage(bytes.subarray(0, 1024).toString('latin1'))
  const html = format === 'html' || format === 'mhtml' || format === 'webarchive' || htmlInTxt ? await loadHtml() : null
  const declared = html ? html.decodeDeclaredCharset(bytes) : null
  // a page's own <meta charset> outranks --encoding, which stands for the files that say nothing
  const given = options.encoding !== undefined ? {encoding: options.encoding} : {}
  // an XML file is read in the charset its declaration names (encoding="ISO-8859-1") before any detection
  const decoded = declared !== null ? scrubText(declared.text) : format === 'xml' ? decodeXmlBytes(bytes, given) : decodeBytes(bytes, given)
  if ('error' in decoded) {
    yield ingestError(path, 'ingest:not-text', decoded.error, fileBytes)
    return
  }
  if (decoded.text.trim() === '') {
    yield ingestError(path, 'ingest:empty', 'the file holds no text', fileBytes)
    return
  }
  // every decoding from a charset other than UTF-8/UTF-16 is counted in the manifest, with how the charset was chosen:
  // the page's own declaration (or its MHTML part's, its web archive's) or the decoding's detection, --encoding or fallback
  const decision = decoded.warnings.find((w) => w.charset !== undefined)
  const read: {charset?: string; charsetBy?: CharsetChoice} =
    declared !== null ? {charset: declared.charset, charsetBy: 'declared'}
    : containerCharset !== undefined ? {charset: containerCharset, charsetBy: 'declared'}
    : decision !== undefined ? {charset: decision.charset!, charsetBy: charsetChoice(decision.code)}
    : {}
  // a NITF or NewsML article, or a NewsML-G2 message of several
  if (format === 'xml') {
    for (const item of readXmlDocs(decoded.text, path, fileBytes, decoded.warnings, uniqueId, options.wireBylineInText ?? true)) yield {...item, ...(item.kind === 'doc' ? read : {})}
    return
  }
  // an SGML wire file holds many articles; a .txt that opens with <DOC> is one too
  if (format === 'sgml' || (format === 'txt' && looksLikeWireSgml(decoded.text))) {
    for (const item of readWireDocs(decoded.text, path, fileBytes, decoded.warnings, uniqueId, options.wireBylineInText ?? true)) yield {...item, file: path, ...(item.kind === 'doc' ? read : {})}
    return
  }
  // a LexisNexis text export holds many articles, each opened by "N of M DOCUMENTS"
  const exported = format === 'txt' ? splitNexisExport(decoded.text) : null
  if (exported !== null) {
    for (const item of readExportDocs(exported, decoded.text.length, path, fileBytes, decoded.warnings, uniqueId)) yield {...item, file: path, ...(item.kind === 'doc' ? read : {})}
    return
  }
  if (html) {
    const page = html.readHtmlArticle(decoded.text)
    if ('code' in page) {
      yield ingestError(path, page.code, page.message, fileBytes)
      return
    }
    // the id comes from the page as saved, so a better extractor in a later version keeps the same ids
    // a web archive knows the address the page was saved from: the page's own canonical address wins
    const meta = pageMeta(archiveUrl !== null && page.url === null ? {...page, url: archiveUrl} : page, {})
    const doc = createUniqueDoc(uniqueId, contentId(decoded.text), {source: path, text: page.text, title: page.title, meta})
    addIngestWarnings(doc, [...decoded.warnings, ...page.warnings])
    if (htmlInTxt) addIngestWarnings(doc, [{code: 'ingest:html-in-txt', message: 'the .txt file is a saved web page (it opens with <!DOCTYPE html> or <html>): read as HTML, its article extracted'}])
    yield {kind: 'doc', doc, bytes: fileBytes, ...read}
    return
  }
  const doc = createUniqueDoc(uniqueId, contentId(decoded.text), {source: path, text: decoded.text})
  addIngestWarnings(doc, decoded.warnings)
  yield {kind: 'doc', doc, bytes: fileBytes, ...read}
}

// a whole-file input's bytes, or its refusal from its first bytes. A known binary format (by its signature), or a plain
// file that is mostly control bytes or invalid UTF-8 (a disk image, random bytes), is refused from its first bytes or a
// count in blocks, not read and decoded whole; an HTML page (or a .txt that is one) is decoded by its declared charset,
// so only its signature is looked at
async function readWholeBytes(full: FsPath, path: string, format: string, gzip: boolean, options: ReadOptions): Promise<{binary: BinaryFinding} | {bytes: Buffer; fileBytes: number; damaged?: string}> {
  // a plain file is checked and read from one open
  if (format !== 'webarchive' && !gzip) return readPlainInput(full, {skipHead: (head) => format === 'html' || format === 'mhtml' || (format === 'txt' && looksLikeHtmlPage(head.subarray(0, 1024).toString('latin1'))), legacy: {...(options.encoding !== undefined ? {encoding: options.encoding} : {})}})
  // a Safari web archive is a binary property list: its own reader checks its header
  const binary = format === 'webarchive' ? null : await findBinaryGzip(full)
  if (binary !== null) return {binary}
  return readInputBytes(full, gzip)
}

// each <DOC> of a wire file is a document (source `path:line`, id its DOCNO), each broken one an error; the file's
// bytes are handed out by how much of its text each item accounts for, so progress moves through a large archive file
function* readWireDocs(text: string, path: string, fileBytes: number, fileWarnings: IngestWarning[], uniqueId: IdAllocator, bylineInText: boolean): Generator<CorpusItem> {
  if (!looksLikeWireSgml(text)) {
    yield ingestError(path, 'ingest:sgml-no-doc', 'the file does not start with a <DOC> element: not an SGML wire file', fileBytes)
    return
  }
  let given = 0
  const share = (end: number) => {
    // the blank tail after the last DOC belongs to it, so the shares add up to the file's bytes
    const upTo = /\S/.test(text.slice(end, end + 4096)) || end + 4096 < text.length ? end : text.length
    const bytes = Math.round((fileBytes * upTo) / text.length) - given
    given += bytes
    return bytes
  }
  for (const item of splitWireFile(text, {bylineInText})) {
    if (item.kind === 'error') {
      yield ingestError(`${path}:${item.error.line}`, item.error.code, item.error.message, share(item.end))
      continue
    }
    const wire = item.doc
    const meta: Doc['meta'] = {}
    if (wire.date !== null) meta.date = wire.date
    if (wire.byline !== null) meta.byline = wire.byline
    if (Object.keys(wire.extra).length > 0) meta.extra = wire.extra
    const doc = createUniqueDoc(uniqueId, wire.docno ?? contentId(wire.raw), {source: `${path}:${wire.line}`, text: wire.text, title: wire.title, meta})
    // a repair of the file's bytes concerns every document in it
    addIngestWarnings(doc, [...fileWarnings, ...wire.warnings])
    yield {kind: 'doc', doc, bytes: share(item.end)}
  }
}

// the articles of an XML file (src/io/xml.ts): a file of one article is that article (source `path`), a NewsML-G2
// newsMessage's items each a document (source `path:line`, listed with its file in the manifest's splitFiles); the
// file's bytes are shared among the items by where each ends, as for an SGML file
function* readXmlDocs(text: string, path: string, fileBytes: number, fileWarnings: IngestWarning[], uniqueId: IdAllocator, bylineInText: boolean): Generator<CorpusItem> {
  const {several, items} = readXmlArticles(text, {bylineInText})
  let given = 0
  for (const [i, item] of items.entries()) {
    const bytes = i === items.length - 1 ? fileBytes - given : Math.round((fileBytes * item.end) / text.length) - given
    given += bytes
    const source = several ? `${path}:${item.kind === 'doc' ? item.article.line : item.line}` : path
    const file = several ? {file: path} : {}
    if (item.kind === 'error') {
      yield {...ingestError(source, item.code, item.message, bytes), ...file}
      continue
    }
    const {article} = item
    const meta: Doc['meta'] = {}
    if (article.url !== null) meta.url = article.url
    if (article.date !== null) meta.date = article.date
    if (article.byline !== null) meta.byline = article.byline
    if (Object.keys(article.extra).length > 0) meta.extra = article.extra
    const doc = createUniqueDoc(uniqueId, article.id ?? contentId(several ? article.raw : text), {source, text: article.text, title: article.title, meta})
    addIngestWarnings(doc, [...fileWarnings, ...article.warnings])
    yield {kind: 'doc', doc, bytes, ...file}
  }
}

// each article of a LexisNexis text export is a document (source `path:line` of its marker, id from its text); the
// file's bytes are shared among them by where each ends, so progress adds up to the file
function* readExportDocs(pieces: ExportPiece[], length: number, path: string, fileBytes: number, fileWarnings: IngestWarning[], uniqueId: IdAllocator): Generator<CorpusItem> {
  let given = 0
  for (const [i, piece] of pieces.entries()) {
    const bytes = i === pieces.length - 1 ? fileBytes - given : Math.round((fileBytes * piece.end) / length) - given
    given += bytes
    const source = `${path}:${piece.line}`
    if (piece.text.trim() === '') {
      yield ingestError(source, 'ingest:empty', `document ${i + 1} of the LexisNexis export holds no text`, bytes)
      continue
    }
    const doc = createUniqueDoc(uniqueId, contentId(piece.text), {source, text: piece.text})
    addIngestWarnings(doc, fileWarnings)
    yield {kind: 'doc', doc, bytes}
  }
}

// the fields of an input record that lede reads; every other field is kept in the article's meta
const RECORD_FIELDS = new Set(['id', 'title', 'text', 'html', 'url', 'date', 'byline', 'meta'])

/**
 * A JSON or JSONL file in UTF-16 (a BOM, or the zero bytes of mostly-ASCII text: what Windows tools write), decoded
 * whole as a .txt file is, with the decoding's warnings; null for one read as UTF-8 as it streams. Throws for a binary
 * file, a damaged .gz or UTF-16 that is not text: one error for the file.
 */
async function readUtf16Json(full: FsPath, gzip: boolean): Promise<{text: string; fileBytes: number; warnings: IngestWarning[]} | null> {
  // random bytes named .jsonl gave one bad-json error per byte 0x0A (77,721 of them for 20 MB): refused as one file
  const binary = gzip ? await findBinaryGzip(full) : findBinaryFile(full, {countSmall: true})
  if (binary !== null) throw Object.assign(new Error(binary.message), {code: binary.code === 'ingest:binary' ? 'LEDE_BINARY' : 'LEDE_NOT_TEXT'})
  if (utf16Encoding(await readInputHead(full, gzip, 4096)) === null) return null
  const {bytes, fileBytes, damaged} = await readInputBytes(full, gzip)
  // a UTF-16 file is decoded whole: a damaged one is one error, as before
  if (damaged !== undefined) throw Object.assign(new Error(damaged), {code: 'Z_DATA_ERROR'})
  const decoded = decodeBytes(bytes)
  if ('error' in decoded) throw Object.assign(new Error(decoded.error), {code: 'LEDE_NOT_TEXT'})
  return {text: decoded.text, fileBytes, warnings: decoded.warnings}
}

/**
 * A JSONL file's lines: streamed as UTF-8, or, for a file in UTF-16, split on the decoded text's line breaks, with
 * the decoding's warnings for each record. Read as UTF-8, UTF-16 gave every line an unreadable bad-json error.
 */
async function openJsonlLines(full: FsPath, gzip: boolean): Promise<ReturnType<typeof readInputLines> & {fileWarnings: IngestWarning[]}> {
  const whole = await readUtf16Json(full, gzip)
  if (whole === null) return {...readInputLines(full, gzip), fileWarnings: []}
  const {text, fileBytes, warnings: fileWarnings} = whole
  const all = text.split('\n')
  if (all.at(-1) === '') all.pop()
  let given = 0
  async function* lines(): AsyncGenerator<string> {
    for (const [i, line] of all.entries()) {
      // progress: the file's bytes handed out by lines, all of them with the last
      given = i === all.length - 1 ? fileBytes : Math.round((fileBytes * (i + 1)) / all.length)
      yield line
    }
  }
  return {lines: lines(), fileBytesRead: () => given, lineInvalidBytes: () => 0, fileWarnings}
}

async function* readJsonlArticles(full: FsPath, path: string, gzip: boolean, uniqueId: IdAllocator, textField?: string): AsyncGenerator<CorpusItem> {
  let reader: Awaited<ReturnType<typeof openJsonlLines>>
  try {
    reader = await openJsonlLines(full, gzip)
  } catch (error) {
    // unreadable, too large, corrupt .gz, or UTF-16 that is not text: one error for the file, and the run goes on
    yield readFailure(path, error)
    return
  }
  const {fileBytesRead, fileWarnings} = reader
  const {lines, lineInvalidBytes} = splitLoneCarriageReturns(reader.lines, reader.lineInvalidBytes)
  let lineNumber = 0
  // records and refused lines given: a file that gives neither is said to be empty
  let records = 0
  let refused = 0
  // progress counts file bytes (compressed ones for .gz), handed out as lines arrive
  const bytesSoFar = bytesReadSince(fileBytesRead)
  // a line that is only a comment is read past, as a comment between the records of a .json is, and said on the record
  // after it (the record before it when none follows): the last item is held back one line for that
  let comments: JsonNote[] = []
  let held: CorpusItem | null = null
  const hold = (item: CorpusItem): CorpusItem | null => {
    const out = held
    held = item
    return out
  }
  try {
    for await (const rawLine of lines) {
      lineNumber++
      const invalid = lineInvalidBytes()
      const source = `${path}:${lineNumber}`
      const bytes = bytesSoFar()
      if (typeof rawLine !== 'string') {
        // before, the string's RangeError ended the file's reading: every record after this line was lost
        refused++
        const out = hold(ingestError(source, 'ingest:too-large', `line ${lineNumber} is ${rawLine.tooLong} bytes long, more than the longest line lede reads (${MAX_INPUT_BYTES} bytes, the longest string Node.js holds): not read; the lines after it are${notesSaid(comments)}`, bytes))
        comments = []
        if (out) yield out
        continue
      }
      const line = rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine
      if (line.trim() === '') continue
      let value: unknown
      let raw = line
      let warnings = comments.length > 0 ? [...fileWarnings, ...comments.map(describeJsonNote)] : fileWarnings
      // a file joined onto another with cat keeps its byte-order mark at the join: JSON.parse refused the line (the
      // record lost, its message quoting an invisible character); the first line's mark is the file's own, said nowhere
      if (lineNumber > 1 && line !== rawLine) {
        warnings = [...warnings, {code: 'ingest:bom-inside', message: `line ${lineNumber} starts with a byte-order mark (U+FEFF), as a file joined onto another keeps it: skipped (strict JSON readers refuse this line)`}]
      }
      try {
        value = JSON.parse(line)
      } catch (error) {
        const only = findCommentLine(line, lineNumber)
        if (only !== null) {
          comments.push(...only)
          continue
        }
        // a comment after the record or between its fields loses nothing: read, and said, as a comment in a .json is
        const blanked = parseWithoutComments(line, lineNumber)
        const joined = blanked === null ? splitJoinedObjects(line) : null
        if (joined !== null) {
          // records one after another on the line (a file joined onto another that had no final newline): each read,
          // as jq and a .json file of objects read them, where the line was one ingest:bad-json error for all of them
          const before = comments
          comments = []
          const note = {code: 'ingest:jsonl-joined', message: `line ${lineNumber} holds ${joined.length} records one after another with no line break between them (a file joined onto one that had no final newline?): read apart, as jq reads them (strict JSON Lines readers refuse this line)`}
          for (const [i, part] of joined.entries()) {
            const read = await readRecord(JSON.parse(part), part, source, `line ${lineNumber}`, bytes, uniqueId, [...warnings, note], i === 0 ? invalid : 0, textField)
            const item = i === 0 && read.kind === 'error' && before.length > 0 ? withComments(read, before) : read
            if (item.kind === 'doc') records++
            else refused++
            const out = hold(item)
            if (out) yield out
          }
          continue
        }
        if (blanked === null) {
          refused++
          const out = hold(ingestError(source, 'ingest:bad-json', `line ${lineNumber} is not JSON: ${(error as Error).message}${notesSaid(comments)}`, bytes))
          comments = []
          if (out) yield out
          continue
        }
        ;({value, text: raw} = blanked)
        warnings = [...warnings, ...blanked.notes.map(describeJsonNote)]
      }
      const before = comments
      comments = []
      const read = await readRecord(value, raw, source, `line ${lineNumber}`, bytes, uniqueId, warnings, invalid, textField)
      // a record refused as an error still says the comment lines before it, as a document's warnings would
      const item = read.kind === 'error' && before.length > 0 ? withComments(read, before) : read
      if (item.kind === 'doc') records++
      else refused++
      const out = hold(item)
      if (out) yield out
    }
    if (held !== null && comments.length > 0) held = withComments(held, comments)
    if (held !== null) yield held
    held = null
    // an empty .txt is an ingest:empty error; an empty (or all blank) .jsonl gave nothing at all, its absence unexplained
    if (records === 0 && refused === 0) yield ingestError(path, 'ingest:empty', lineNumber === 0 ? 'the JSONL file holds no records (it is empty)' : `the JSONL file holds no records (${lineNumber} ${comments.length > 0 ? 'blank or comment' : 'blank'} line${lineNumber === 1 ? '' : 's'})`, bytesSoFar())
  } catch (error) {
    if (held !== null) yield held
    yield readFailure(lineNumber === 0 ? path : `${path}:${lineNumber + 1}`, error)
  }
}

// the comments of a JSONL line that holds nothing else (`// note`, `/* note */`), each with its line; null for any other
// line (a record, a record with a comment, a `/*` never closed, which is a record cut off)
function findCommentLine(line: string, lineNumber: number): JsonNote[] | null {
  const blanked = blankJsonComments(line)
  if (blanked === null || blanked.text.trim() !== '') return null
  return blanked.lines.map((at) => ({kind: 'comment', line: lineNumber + at - 1}))
}

// the comment lines before a record JSONL refuses, said in its error message (a document carries them as warnings)
function notesSaid(notes: JsonNote[]): string {
  return notes.length > 0 ? `; also: ${notes.map(describeJsonNote).map((n) => `${n.code}: ${n.message}`).join('; ')}` : ''
}

// the last item of a JSONL file with the comment lines after it: a document's warnings, an error's message
function withComments(item: CorpusItem, notes: JsonNote[]): CorpusItem {
  if (item.kind === 'error') return {...item, error: {...item.error, message: item.error.message + notesSaid(notes)}}
  addIngestWarnings(item.doc, notes.map(describeJsonNote))
  return item
}

/**
 * One JSON record (a JSONL line, an element of a JSON array) as a document, or the error that says why it is none:
 * the same field mapping, id and messages whatever file it came from. `where` names it in messages ("line 5",
 * "element 3 (line 17)"), `raw` is its JSON text (a whole-number id past 2^53 is taken from it as written).
 */
async function readRecord(given: unknown, raw: string, source: string, where: string, bytes: number, uniqueId: IdAllocator, fileWarnings: IngestWarning[], invalid: number, textField?: string): Promise<CorpusItem> {
  const renamed = textField !== undefined ? renameTextField(given, textField) : given
  const {value, misfits} = setAsideMisfits(renamed)
  const parsed = InputArticle.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')
    return ingestError(source, 'ingest:bad-record', `${where} is not an article {id?, title?, text or html, url?, date?, byline?}: ${issues}${explainFields(renamed, textField)}`, bytes)
  }
  const article = parsed.data
  const extra: Record<string, unknown> = {...(article.meta ?? {})}
  for (const [key, field] of Object.entries(article)) if (!RECORD_FIELDS.has(key)) extra[key] = field
  for (const [key, field] of Object.entries(misfits)) extra[key] = field
  // a whole number past 2^53 is taken as written (JSON.parse rounded it: two tweet ids became one)
  const givenId =
    article.id === null || article.id === undefined ? null : typeof article.id === 'number' && !Number.isSafeInteger(article.id) ? (findIntegerIdLiteral(raw) ?? String(article.id)) : String(article.id)
  let text: string
  let meta: Doc['meta']
  let title = article.title ?? null
  let warnings: IngestWarning[] = []
  if (Array.isArray(article.text)) {
    // a list of paragraphs (what scrapers that collect each <p> write) was refused as a bad record, the article lost:
    // it is read as the text those paragraphs make, joined by a blank line (a paragraph break whatever the layout
    // reading decides), and said, since offsets now count in that joined text (articles.jsonl holds it)
    const paragraphs = article.text.filter((p) => p.trim() !== '')
    if (paragraphs.length === 0) return ingestError(source, 'ingest:empty', `${where} has an empty text (a list of ${article.text.length} paragraph${article.text.length === 1 ? '' : 's'}, none with a letter or sign)`, bytes)
    const scrubbed = scrubText(paragraphs.join('\n\n'))
    text = scrubbed.text
    const blank = article.text.length - paragraphs.length
    // the field named as the record names it (--text-field paragraphs)
    const field = renamed !== given ? textField! : 'text'
    const note = `"${field}" is a list of ${article.text.length} paragraph${article.text.length === 1 ? '' : 's'}, as some scrapers write it: read as one text, the paragraphs joined by blank lines${blank > 0 ? ` (${blank} blank one${blank === 1 ? '' : 's'} left out)` : ''}; offsets count in that text, which articles.jsonl holds`
    warnings = [{code: 'ingest:text-list', message: note}, ...scrubbed.warnings]
    if (typeof article.html === 'string') extra.html = article.html
    meta = recordMeta(article, extra)
  } else if (typeof article.text === 'string') {
    const scrubbed = scrubText(article.text)
    text = scrubbed.text
    warnings = scrubbed.warnings
    // a record with both keeps its html, unread, with the other fields lede does not interpret
    if (typeof article.html === 'string') extra.html = article.html
    meta = recordMeta(article, extra)
  } else {
    const scrubbed = scrubText(article.html!)
    warnings = scrubbed.warnings
    const page = (await loadHtml()).readHtmlArticle(scrubbed.text)
    if ('code' in page) return ingestError(source, page.code, `${where}: ${page.message}`, bytes)
    text = page.text
    title ??= page.title
    warnings = [...warnings, ...page.warnings]
    // the record's own fields win over what the page says about itself
    meta = {...pageMeta(page, {}), ...recordMeta(article, {...page.extra, ...extra})}
  }
  if (text.trim() === '') return ingestError(source, 'ingest:empty', `${where} has an empty text`, bytes)
  const doc = createUniqueDoc(uniqueId, givenId ?? contentId(article.text != null ? text : article.html!), {source, text, title, meta})
  if (fileWarnings.length > 0) warnings = [...fileWarnings, ...warnings]
  const kept = Object.entries(misfits).map(([key, field]): IngestWarning => ({code: 'ingest:field-type', message: `"${key}" is ${describeJsonType(field)}, not a string: kept as given in meta.${key}, not read as the article's ${key}`}))
  if (kept.length > 0) warnings = [...warnings, ...kept]
  // the record's bytes that were not UTF-8 are U+FFFD now (in its text or another field): said, as for a .txt file
  if (invalid > 0) warnings = [{code: 'ingest:invalid-utf8', message: `${invalid} byte${invalid === 1 ? ' is' : 's are'} not valid UTF-8; each bad sequence was replaced by U+FFFD`}, ...warnings]
  addIngestWarnings(doc, warnings)
  return {kind: 'doc', doc, bytes}
}

// with --text-field, a record's field of that name is its text; a "text" field beside it is kept in meta (as "text"), so
// nothing the record holds is lost or read as the body in its place
function renameTextField(value: unknown, textField: string): unknown {
  if (textField === 'text' || typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, textField)) return value
  const {[textField]: body, ...rest} = value as Record<string, unknown>
  const record: Record<string, unknown> = {...rest, text: body}
  if (Object.hasOwn(rest, 'text')) {
    const meta = rest.meta !== null && typeof rest.meta === 'object' && !Array.isArray(rest.meta) ? (rest.meta as Record<string, unknown>) : {}
    record.meta = {...meta, text: rest.text}
  }
  return record
}

/**
 * A CSV or TSV file's articles, one per row under its header row (src/io/csv.ts parses and decodes it, streamed), each
 * row read as the JSONL record of the same fields would be (src/io/csv.ts rowRecord): a CSV and the same rows as JSONL
 * give the same records apart from their source, `<path>:<line>` of the line the row starts on. A row whose field count
 * is not the header's, a quote never closed, an empty text: an error for the row, and the rows after it are read.
 */
async function* readCsvArticles(full: FsPath, path: string, format: 'csv' | 'tsv', gzip: boolean, uniqueId: IdAllocator, options: ReadOptions): AsyncGenerator<CorpusItem> {
  let reader: Awaited<ReturnType<typeof openCsvText>>
  try {
    // random bytes named .csv are refused as one file, as a .jsonl is
    const binary = gzip ? await findBinaryGzip(full) : findBinaryFile(full, {countSmall: true})
    if (binary !== null) throw Object.assign(new Error(binary.message), {code: binary.code === 'ingest:binary' ? 'LEDE_BINARY' : 'LEDE_NOT_TEXT'})
    reader = await openCsvText(full, gzip, options.encoding)
  } catch (error) {
    yield readFailure(path, error)
    return
  }
  const bytesSoFar = bytesReadSince(reader.fileBytesRead)
  const decision = reader.warnings.find((w) => w.charset !== undefined)
  const read: {charset?: string; charsetBy?: CharsetChoice} = decision !== undefined ? {charset: decision.charset!, charsetBy: charsetChoice(decision.code)} : {}
  let columns: ReturnType<typeof mapColumns> | null = null
  let rows = 0
  let lastLine = 0
  try {
    for await (const row of readCsvRows(reader.chunks, format)) {
      lastLine = row.line
      const source = `${path}:${row.line}`
      if ('error' in row) {
        rows++
        yield ingestError(source, row.error.code, row.error.message, bytesSoFar())
        continue
      }
      if (columns === null) {
        columns = mapColumns(row.fields, options.textField)
        if (!columns.hasText) {
          yield ingestError(path, 'ingest:csv-no-text', explainNoTextColumn(columns.names, options.textField), bytesSoFar())
          return
        }
        continue
      }
      rows++
      if (row.fields.length !== columns.keys.length) {
        const message = `line ${row.line}: the row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'} and the header ${columns.keys.length} (a ${format === 'tsv' ? 'tab' : 'delimiter'} inside a field that is not quoted, or a quote out of place?): not read`
        yield ingestError(source, 'ingest:csv-fields', message, bytesSoFar())
        continue
      }
      const damage = reader.damaged === true ? describeDamagedRow(row.fields) : null
      const item = await readRecord(rowRecord(columns.keys, row.fields), '', source, `line ${row.line}`, bytesSoFar(), uniqueId, damage !== null ? [...reader.warnings, damage] : reader.warnings, 0)
      yield item.kind === 'doc' ? {...item, ...read} : item
    }
    if (columns === null) yield ingestError(path, 'ingest:empty', `the ${format.toUpperCase()} file holds no rows (it is empty or blank)`, bytesSoFar())
    else if (rows === 0) yield ingestError(path, 'ingest:empty', `the ${format.toUpperCase()} file holds a header row and no rows under it`, bytesSoFar())
  } catch (error) {
    yield readFailure(lastLine === 0 ? path : `${path}:${lastLine}`, error)
  }
}

// the record's title, url, date and byline when one is not a string (a byline as a list of authors, a date as epoch
// seconds or mongoexport's {"$date": ...}): set aside, to be kept in meta as given, where the article was refused as a
// bad record for a field lede only carries along; the text is what decides whether a record is an article
const METADATA_FIELDS = ['title', 'url', 'date', 'byline'] as const
function setAsideMisfits(given: unknown): {value: unknown; misfits: Record<string, unknown>} {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return {value: given, misfits: {}}
  const record = given as Record<string, unknown>
  let value: Record<string, unknown> | null = null
  const misfits: Record<string, unknown> = {}
  for (const key of METADATA_FIELDS) {
    const field = record[key]
    if (field === undefined || field === null || typeof field === 'string') continue
    value ??= {...record}
    delete value[key]
    misfits[key] = field
  }
  return {value: value ?? given, misfits}
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

// what an object without "text" and "html" holds, so the user sees another tool's article (news-please's "maintext")
// or a file that is no article at all (a scraper's settings) without opening it
function explainFields(value: unknown, textField?: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ''
  const keys = Object.keys(value)
  if ('text' in value || 'html' in value) return ''
  if (keys.length === 0) return ' (the object is empty)'
  const shown = keys.slice(0, 8).map((k) => JSON.stringify(k)).join(', ')
  // a field exports name the body (news-please's "maintext") is read with --text-field, never on a guess
  const hint = textField === undefined ? keys.find((k) => (TEXT_FIELD_HINTS as readonly string[]).includes(k.toLowerCase())) : undefined
  const fix = hint !== undefined ? `rerun with --text-field ${hint}` : `give the article's body as "text"${textField === undefined ? ' or name its field with --text-field <field>' : ` (--text-field ${textField} names no field of it)`}`
  return ` (its fields: ${shown}${keys.length > 8 ? `, and ${keys.length - 8} more` : ''}; ${fix}, or keep files that hold no articles out of the corpus folder)`
}

/** A JSON file's bytes as they stream, or, for one in UTF-16, decoded whole and given again as UTF-8, with the decoding's warnings. */
async function openJsonChunks(full: FsPath, gzip: boolean): Promise<{chunks: AsyncIterable<Buffer>; fileBytesRead: () => number; fileWarnings: IngestWarning[]}> {
  const whole = await readUtf16Json(full, gzip)
  if (whole === null) return {...readInputChunks(full, gzip), fileWarnings: []}
  const {text, fileBytes, warnings} = whole
  let given = 0
  async function* chunks(): AsyncGenerator<Buffer> {
    given = fileBytes
    yield Buffer.from(text, 'utf8')
  }
  return {chunks: chunks(), fileBytesRead: () => given, fileWarnings: warnings}
}

/**
 * A `.json` file's articles: an array of article objects (what scrapers and APIs export) read element by element,
 * streamed (only the element being read is held: a large array costs the memory of its largest element), each
 * element mapped as a JSONL record is; an object alone, or objects one after another (JSON Lines under a .json name),
 * each a record. An object that is not an article but holds its articles in one array field (`{"status": "ok",
 * "articles": [...]}`, as news APIs answer) has that array's elements read. Sources: `<path>:[3]` for an array's
 * element (`jq '.[3]'` finds it), `<path>:.articles[3]` for a wrapped one, `<path>:<line>` for an object at the top level.
 */
async function* readJsonArticles(full: FsPath, path: string, gzip: boolean, uniqueId: IdAllocator, textField?: string): AsyncGenerator<CorpusItem> {
  let reader: Awaited<ReturnType<typeof openJsonChunks>>
  try {
    reader = await openJsonChunks(full, gzip)
  } catch (error) {
    yield readFailure(path, error)
    return
  }
  const {chunks, fileBytesRead, fileWarnings} = reader
  let records = 0
  let refused = 0
  let values = 0
  // the line of an array the file ends in: records may be missing after the last one read
  let unclosed: number | null = null
  const bytesSoFar = bytesReadSince(fileBytesRead)
  const count = (item: CorpusItem) => {
    if (item.kind === 'doc') records++
    else refused++
    return item
  }
  try {
    for await (const value of splitJsonValues(chunks, MAX_INPUT_BYTES)) {
      values++
      const bytes = bytesSoFar()
      const inArray = value.index !== null
      // the file's array's elements are addressed as jq addresses them (`[3]`, whatever blank lines or comments come
      // before it: a comment line made them `2[3]`); a further array in the file by the line it opens on
      const first = value.top === 0
      const locator = inArray ? `${first ? '' : `${value.arrayLine}`}[${value.index}]` : `${value.line}`
      const source = `${path}:${locator}`
      const where = inArray ? `element ${value.index}${first ? '' : ` of the array on line ${value.arrayLine}`} (line ${value.line})` : `the value on line ${value.line}`
      // what the file does around this record that JSON does not allow (read past, never silently)
      const notes = (value.notes ?? []).map(describeJsonNote)
      unclosed ??= value.notes?.find((n) => n.kind === 'unclosed-array')?.line ?? null
      const also = notes.length > 0 ? `; also: ${notes.map((n) => `${n.code}: ${n.message}`).join('; ')}` : ''
      let warned = notes.length > 0 ? [...fileWarnings, ...notes] : fileWarnings
      if (value.text === null) {
        yield count(ingestError(source, 'ingest:too-large', `${where} is ${value.bytes} bytes long, more than the longest record lede reads (${MAX_INPUT_BYTES} bytes, the longest string Node.js holds): not read; the records after it are${also}`, bytes))
        continue
      }
      if (value.empty) {
        yield count(ingestError(source, 'ingest:bad-json', `${where} is empty (two commas with nothing between them): no record${also}`, bytes))
        continue
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(value.text)
      } catch (error) {
        // a comment inside the element (after a value, between fields) loses nothing, as one between elements does
        const blanked = value.cutOff ? null : parseWithoutComments(value.text, value.line)
        if (blanked === null) {
          yield count(ingestError(source, 'ingest:bad-json', `${where} is not JSON: ${(error as Error).message}${value.cutOff ? '; the file ends inside it (cut off?)' : ''}${also}`, bytes))
          continue
        }
        parsed = blanked.value
        value.text = blanked.text
        warned = [...warned, ...blanked.notes.map(describeJsonNote)]
      }
      // a wrapper object at the top level (an API's answer): its one array of objects holds the articles
      const wrapped = !inArray ? await findWrappedArticles(parsed, value.text) : null
      if (wrapped !== null) {
        let share = bytes
        for (const [i, element] of wrapped.elements.entries()) {
          const field = /^[A-Za-z_][A-Za-z0-9_]*$/.test(wrapped.key) ? `.${wrapped.key}` : `[${JSON.stringify(wrapped.key)}]`
          // the wrapper's notes (a comment before it) go with its first element, as its bytes do
          const item = await readRecord(element.value, element.text, `${path}:${first ? '' : value.line}${field}[${i}]`, `element ${field}[${i}] of ${where}`, share, uniqueId, i === 0 ? warned : fileWarnings, value.invalid, textField)
          share = 0
          yield count(i === 0 ? withNotes(item, also) : item)
        }
        continue
      }
      yield count(withNotes(await readRecord(parsed, value.text, source, where, bytes, uniqueId, warned, value.invalid, textField), also))
    }
    // a file cut off just after an element loses what followed as surely as one cut inside it: an error for the file
    // (exit 1), as a .gz cut off is, besides the warning on the last record read
    if (unclosed !== null) yield ingestError(path, 'ingest:json-unclosed', `the file ends before the array opened on line ${unclosed} is closed (cut off?): ${records + refused} records were read, and any written after the last are missing`, 0)
    if (records === 0 && refused === 0) yield ingestError(path, 'ingest:empty', values === 0 ? 'the JSON file holds no records (it is empty, blank, only comments or an empty array)' : 'the JSON file holds no records', bytesSoFar())
  } catch (error) {
    yield readFailure(path, error)
  }
}


// a record JSON.parse refused, parsed with its comments blanked out, and a note for each comment (its line in the file);
// null when it holds no comment or is not JSON without them either
function parseWithoutComments(text: string, firstLine: number): {value: unknown; text: string; notes: JsonNote[]} | null {
  const blanked = blankJsonComments(text)
  if (blanked === null) return null
  try {
    return {value: JSON.parse(blanked.text), text: blanked.text, notes: blanked.lines.map((line) => ({kind: 'comment', line: firstLine + line - 1}))}
  } catch {
    return null
  }
}

/**
 * The warning for what a JSON input does around a record that JSON does not allow but that loses nothing: a comment, a
 * comma after the array's last element, the file ending inside its array. lede reads past each (so a hand-edited or
 * JSONC export is not refused) and says so on the record, since a strict reader (jq, Python's json) refuses the file.
 */
export function describeJsonNote(note: JsonNote): IngestWarning {
  if (note.kind === 'comment') {
    return note.open
      ? {code: 'ingest:json-comment', message: `a /* comment opened on line ${note.line} is never closed: the rest of the file was read as the comment, not as records`}
      : {code: 'ingest:json-comment', message: `a comment on line ${note.line} was skipped: JSON has no comments, so strict JSON readers (jq, Python's json) refuse this file`}
  }
  if (note.kind === 'bom') {
    return {code: 'ingest:bom-inside', message: `a byte-order mark (U+FEFF) on line ${note.line}, as a file joined onto another keeps it, was skipped (strict JSON readers refuse this file)`}
  }
  if (note.kind === 'trailing-comma') {
    return {code: 'ingest:json-trailing-comma', message: `the array ends with a comma after its last element (line ${note.line}), which JSON does not allow: read as if it were not there (strict JSON readers refuse this file)`}
  }
  return {code: 'ingest:json-unclosed', message: `the file ends before the array opened on line ${note.line} is closed: this is the last element read, and any after it are missing (cut off?)`}
}

// a record refused as an error still says what the file did around it (the document's warnings carry it otherwise)
function withNotes(item: CorpusItem, also: string): CorpusItem {
  return also && item.kind === 'error' ? {...item, error: {...item.error, message: item.error.message + also}} : item
}

/**
 * The articles an API's answer wraps (`{"status": "ok", "totalResults": 2, "articles": [...]}`): an object that is no
 * article itself (no text, no html) with exactly one field holding a non-empty array of objects; that array's elements,
 * each with its own JSON text (so an id literal past 2^53 is kept as written), or null when the object is not such a wrapper.
 */
export async function findWrappedArticles(parsed: unknown, text: string): Promise<{key: string; elements: Array<{value: unknown; text: string}>} | null> {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null
  const object = parsed as Record<string, unknown>
  if (typeof object.text === 'string' || typeof object.html === 'string') return null
  const arrays = Object.entries(object).filter(([, v]) => Array.isArray(v) && v.length > 0 && v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e)))
  if (arrays.length !== 1) return null
  const [key, array] = arrays[0] as [string, unknown[]]
  // the array's text in the object's: its elements' texts come from the same splitter as a top-level array's
  const at = findFieldArray(text, key)
  const texts: string[] = []
  if (at >= 0) {
    for await (const element of splitJsonValues(oneChunk(Buffer.from(text.slice(at), 'utf8')), MAX_INPUT_BYTES)) {
      if (element.index === null || element.arrayLine !== 1) break
      texts.push(element.text ?? '')
    }
  }
  const exact = texts.length === array.length
  return {key, elements: array.map((value, i) => ({value, text: exact ? texts[i]! : JSON.stringify(value)}))}
}

async function* oneChunk(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes
}

// where the array value of the object's top-level field `key` opens in the object's JSON text, or -1
function findFieldArray(text: string, key: string): number {
  let depth = 0
  // the last string read at depth 1 and whether a colon followed it: a key waiting for its value
  let lastKey: string | null = null
  let colon = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') {
      const start = i
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      lastKey = depth === 1 && !colon ? text.slice(start, i + 1) : null
      colon = false
      continue
    }
    if (c === ':' && depth === 1 && lastKey !== null) {
      colon = true
      continue
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue
    if (c === '[' && depth === 1 && colon && lastKey !== null && parseKey(lastKey) === key) return i
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
    lastKey = null
    colon = false
  }
  return -1
}

function parseKey(literal: string): string | null {
  try {
    return JSON.parse(literal) as string
  } catch {
    return null
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

// the bytes a file reader has read since the last call: progress counts each byte once, handed out as records arrive
function bytesReadSince(fileBytesRead: () => number): () => number {
  let accounted = 0
  return () => {
    const read = fileBytesRead()
    const delta = read - accounted
    accounted = read
    return delta
  }
}

// a zlib error (Z_DATA_ERROR, Z_BUF_ERROR for a cut-off file) means a corrupt archive, anything else an unreadable file
function readFailure(source: string, error: unknown): CorpusItem {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (code.startsWith('Z_')) return ingestError(source, 'ingest:bad-gzip', `not a readable gzip file (corrupt or cut off): ${(error as Error).message}`, 0)
  if (code === 'LEDE_TOO_LARGE') return ingestError(source, 'ingest:too-large', (error as Error).message, 0)
  if (code === 'LEDE_NOT_TEXT') return ingestError(source, 'ingest:not-text', (error as Error).message, 0)
  if (code === 'LEDE_BINARY') return ingestError(source, 'ingest:binary', (error as Error).message, 0)
  return ingestError(source, 'ingest:unreadable', `cannot read file: ${explainReadError(error)}`, 0)
}

// what the system's error means for a corpus file: a file deleted while a long run goes on read only "ENOENT: no such
// file or directory", though it was there when the corpus was listed
function explainReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const message = (error as Error).message ?? String(error)
  if (code === 'ENOENT') return `the file was there when the corpus was listed, at the start of the run, and is gone now (deleted, moved or renamed during the run): ${message}`
  if (code === 'ENAMETOOLONG') return `its path is longer than the system allows (4,096 bytes on Linux): move it higher up or shorten the folder names (${message})`
  return message
}

function ingestError(source: string, code: string, message: string, bytes: number): CorpusItem {
  return {kind: 'error', error: {source, docId: null, stage: 'ingest', code, message}, bytes}
}
