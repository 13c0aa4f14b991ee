/**
 * The output folder as a unit: one run at a time (a lock file), every record written first into a
 * staging folder inside it, and the finished set (JSONL files + manifest) moved into place together at
 * the end, so the folder holds either the previous complete run or the new one. The staging folder
 * carries a checkpoint, so an interrupted run can be resumed where it stopped.
 */
import {createReadStream, readFileSync} from 'node:fs'
import {link, mkdir, open, readdir, readFile, realpath, rename, rm, stat, truncate, unlink, writeFile, type FileHandle} from 'node:fs/promises'
import {hostname} from 'node:os'
import {createInterface} from 'node:readline'
import {dirname, join, relative, resolve, sep} from 'node:path'
import type {ErrorRecord, Manifest} from '../schema.ts'
import {PACKED_FILES, packedFile, type DocLines, type PackedLines} from './records.ts'
import {trace} from './trace.ts'

/** The JSONL files a run writes, by record type. */
export const OUTPUT_FILES = {
  articles: 'articles.jsonl',
  entities: 'entities.jsonl',
  quotes: 'quotes.jsonl',
  money: 'money.jsonl',
  errors: 'errors.jsonl',
} as const
/** Files written only when their layer is asked for (`lede run --layers tokens`). */
export const OPTIONAL_FILES = {
  tokens: 'tokens.jsonl',
} as const
type OptionalName = keyof typeof OPTIONAL_FILES
type OutputName = keyof typeof OUTPUT_FILES | OptionalName
// the staging folder also keeps each document's corpus-stage summaries, so a resumed run can re-feed the corpus stages
type StagedName = OutputName | 'summaries'
const SUMMARIES_FILE = 'summaries.jsonl'

// the file name belongs with its record type in the core schema, where the linking stage can reach it
import {ENTITY_INDEX_FILE} from '../schema.ts'
export {ENTITY_INDEX_FILE}
/** The run's manifest: written last, `"complete": true`. */
export const MANIFEST_FILE = 'manifest.json'
/** The lock file naming the run that owns the output folder. */
export const LOCK_FILE = 'lede.lock'
/** The staging folder an unfinished run writes into; its name says what it is. */
export const STAGING_DIR = 'lede-staging.incomplete'

const CHECKPOINT_FILE = 'checkpoint.json'
const COMMIT_FILE = 'commit.json'
/** Every name lede itself may leave in an output folder. */
const LEDE_OUTPUT_NAMES: ReadonlySet<string> = new Set([...Object.values(OUTPUT_FILES), ...Object.values(OPTIONAL_FILES), ENTITY_INDEX_FILE, MANIFEST_FILE, LOCK_FILE, STAGING_DIR])

/** Whether a name in an output folder is one lede itself writes (the lock's private temporary names included). */
export function isLedeOutputName(name: string): boolean {
  return LEDE_OUTPUT_NAMES.has(name) || name.startsWith(`${LOCK_FILE}.`)
}

/**
 * Says why `outDir` holds no run to export or view: no run at all, or one that was interrupted and waits for `--resume`.
 */
export async function explainNoFinishedRun(outDir: string): Promise<string> {
  // an interrupted run's folder holds only the staging folder: "no articles.jsonl" alone sent the user looking for a wrong path
  if ((await stat(join(outDir, STAGING_DIR)).catch(() => null))?.isDirectory())
    return `"${outDir}" holds no finished run, only an interrupted one (${STAGING_DIR}/): finish it first with the same lede run command plus --resume`
  return `"${outDir}" is not the output folder of a lede run (no ${OUTPUT_FILES.articles})`
}

/** Raised when the output folder cannot be created, locked or written. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutputError'
  }
}

/** Raised when the output folder would overlap the input (usage error: nothing was written). */
export class OutputPlaceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutputPlaceError'
  }
}

const errorText = (error: unknown) => (error as Error).message ?? String(error)

/**
 * Creates a folder and its parents one level at a time (Node's recursive mkdir never returns under /proc), reporting
 * the level that failed; returns the folders it made, outermost first (a run that stops before writing removes them).
 */
export async function makeFolder(dir: string): Promise<string[]> {
  const full = resolve(dir)
  const missing: string[] = []
  for (let at = full; ; at = dirname(at)) {
    try {
      const info = await stat(at)
      if (!info.isDirectory()) throw new OutputError(`cannot create output folder "${dir}": "${at}" is ${info.isFile() ? 'a file' : 'a device, socket or pipe'}, not a folder`)
      break
    } catch (error) {
      if (error instanceof OutputError) throw error
      // ENOTDIR: a part further up is a file or a device (`--out /dev/null/x`); going up finds it and names it
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw new OutputError(`cannot create output folder "${dir}": ${at}: ${errorText(error)}`)
      missing.push(at)
    }
  }
  const made: string[] = []
  for (const at of missing.reverse()) {
    try {
      await mkdir(at)
      made.push(at)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`cannot create output folder "${dir}": ${at}: ${errorText(error)}`)
    }
  }
  return made
}

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep)

/**
 * Refuses an output folder that overlaps the corpus: the corpus folder itself, a folder that contains
 * it, or a folder inside it that already holds files that are not lede's. Nothing is written before this passes.
 */
export async function checkOutputPlace(corpusDir: string, outDir: string): Promise<void> {
  const corpus = await realpath(corpusDir).catch(() => resolve(corpusDir))
  // the output folder may not exist yet: resolve its nearest existing ancestor
  let out = resolve(outDir)
  const tail: string[] = []
  for (let at = out; ; at = dirname(at)) {
    try {
      out = join(await realpath(at), ...tail.reverse())
      break
    } catch {
      if (dirname(at) === at) break
      tail.push(at.slice(dirname(at).length).replace(/^[/\\]/, ''))
    }
  }
  if (out === corpus) throw new OutputPlaceError(`--out "${outDir}" is the corpus folder itself: lede never writes where its input is; choose another output folder`)
  if (isInside(corpus, out)) {
    throw new OutputPlaceError(`--out "${outDir}" contains the corpus folder "${corpusDir}": lede never writes where its input is; choose an output folder outside the corpus`)
  }
  let names: string[] = []
  try {
    names = await readdir(out)
  } catch {
    // not there yet: lede creates it, and never reads it back
  }
  await checkReplaceable(outDir, out, names)
  if (isInside(out, corpus)) {
    const foreign = names.filter((name) => !isLedeOutputName(name))
    if (foreign.length > 0) {
      throw new OutputPlaceError(
        `--out "${outDir}" lies inside the corpus folder "${corpusDir}" and holds files that are not lede's output (${foreign.slice(0, 3).map((n) => `"${n}"`).join(', ')}${foreign.length > 3 ? ', …' : ''}): ` +
          `they may be input; choose an output folder outside the corpus`,
      )
    }
  }
}

// the files a finished run puts in place, replacing any file of the same name
const REPLACED_NAMES: ReadonlySet<string> = new Set([...Object.values(OUTPUT_FILES), ...Object.values(OPTIONAL_FILES), ENTITY_INDEX_FILE, MANIFEST_FILE])

/**
 * Refuses an output folder holding files a run would replace (`articles.jsonl`, `manifest.json`, ...) that no lede run
 * wrote: a run replaces an earlier run's output by design, but replacing someone's own files of the same names would
 * lose them silently. An earlier run is known by its manifest (`"tool": "lede"`) or by its staging folder (a run killed
 * before or while moving its files in, which the next run finishes).
 */
async function checkReplaceable(outDir: string, out: string, names: readonly string[]): Promise<void> {
  const clashing = names.filter((name) => REPLACED_NAMES.has(name)).sort()
  if (clashing.length === 0 || names.includes(STAGING_DIR)) return
  if (names.includes(MANIFEST_FILE)) {
    try {
      const manifest = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')) as unknown
      if (manifest && typeof manifest === 'object' && (manifest as {tool?: unknown}).tool === 'lede') return
    } catch {
      // unreadable or not JSON: not a manifest lede wrote
    }
  }
  throw new OutputPlaceError(
    `--out "${outDir}" holds ${clashing.map((n) => `"${n}"`).join(', ')} but no manifest.json of an earlier lede run: ` +
      `a run would replace ${clashing.length === 1 ? 'that file' : 'those files'}; move ${clashing.length === 1 ? 'it' : 'them'} away or choose another output folder`,
  )
}

/** Who holds an output folder. */
export interface LockHolder {
  pid: number
  host: string
  startedAt: string
}

/** A held lock on an output folder. */
export interface OutputLock {
  readonly path: string
  release(): Promise<void>
}

/** Whether a process id names a live process on this host: a zombie (killed, not yet reaped by its parent) is none. */
export function isProcessAlive(pid: number, readStat: (path: string) => string = (path) => readFileSync(path, 'utf8')): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // a run killed under a parent that does not reap it (a container whose first process reaps nothing) stays a zombie,
  // which kill(pid, 0) finds: --resume said "in use by another lede run" of a run that was dead
  try {
    const stat = readStat(`/proc/${pid}/stat`)
    const state = stat.charAt(stat.lastIndexOf(')') + 2)
    return state !== 'Z' && state !== 'X'
  } catch {
    // no /proc (macOS, Windows): kill(pid, 0) is all there is
    return true
  }
}

/** Takes the output folder's lock file (pid, host, start time); refuses when a live run holds it, takes over a stale one (dead pid on this host) with a warning. */
export async function acquireLock(outDir: string, warn: (message: string) => void = () => {}): Promise<OutputLock> {
  const path = join(outDir, LOCK_FILE)
  const mine: LockHolder = {pid: process.pid, host: hostname(), startedAt: new Date().toISOString()}
  // written whole under a private name, then linked into place: link fails atomically when the lock exists
  const temp = join(outDir, `${LOCK_FILE}.${process.pid}.tmp`)
  try {
    await writeFile(temp, `${JSON.stringify(mine)}\n`)
  } catch (error) {
    throw new OutputError(`cannot write in output folder "${outDir}": ${errorText(error)}`)
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, path)
        return {
          path,
          async release() {
            // only our own lock is removed
            const holder = await readHolder(path)
            if (holder && holder !== 'unreadable' && holder.pid === mine.pid && holder.host === mine.host && holder.startedAt === mine.startedAt) await unlink(path).catch(() => {})
          },
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`cannot create lock file "${path}": ${errorText(error)}`)
      }
      const holder = await readHolder(path)
      if (holder === 'unreadable') {
        throw new OutputError(`output folder "${outDir}" is locked by "${path}", which cannot be read; if no lede run is using this folder, delete that file`)
      }
      if (holder === null) continue // released between our attempt and the read
      if (holder.host === mine.host && !isProcessAlive(holder.pid)) {
        warn(`taking over a stale lock in "${outDir}": process ${holder.pid} on ${holder.host}, started ${holder.startedAt}, is no longer running`)
        // rename-then-unlink: of two runs taking over at once, only one removes the stale lock
        const claimed = `${path}.${process.pid}.stale`
        try {
          await rename(path, claimed)
          const gone = await readHolder(claimed)
          if (gone !== 'unreadable' && gone !== null && gone.pid !== holder.pid) {
            // someone else's fresh lock: put it back and give up
            await rename(claimed, path).catch(() => {})
            break
          }
          await unlink(claimed).catch(() => {})
        } catch {
          // another run removed it first
        }
        continue
      }
      throw new OutputError(
        `output folder "${outDir}" is in use by another lede run (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}); ` +
          `wait for it to finish or choose another --out${holder.host === mine.host ? '' : ` (if that run is dead, delete "${path}")`}`,
      )
    }
    const holder = await readHolder(path)
    throw new OutputError(`output folder "${outDir}" is in use by another lede run${holder && holder !== 'unreadable' ? ` (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})` : ''}`)
  } finally {
    await unlink(temp).catch(() => {})
  }
}

async function readHolder(path: string): Promise<LockHolder | null | 'unreadable'> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable'
  }
  try {
    const holder = JSON.parse(text) as LockHolder
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

/** What a checkpoint remembers besides the staged files' lengths: whatever the run engine needs to go on (counters, a run key). */
export type ResumeState = Record<string, unknown>

interface Checkpoint {
  /** identifies the run (corpus, pipeline, options, version, listing) so a resume never mixes two runs */
  runKey: string
  /** what the key was made of, so a refused resume can say what differs (absent in checkpoints of earlier versions) */
  run?: Record<string, unknown>
  /** bytes of each staged file that belong to the checkpoint; anything after them is cut on resume */
  bytes: Record<StagedName, number>
  counts: Record<OutputName, number>
  state: ResumeState
}

/** Streams records into the staging folder as documents finish, so memory stays flat; counts what it wrote. */
export interface OutputWriter {
  /**
   * one document's records as serialised JSONL, and its corpus-stage summaries as one JSON line (kept in staging
   * for a resume); packed lines hold their summary line, written when `summary` is true
   */
  writeDoc(lines: DocLines, summaryLine?: string | null): Promise<void>
  writeDoc(lines: PackedLines, summary: boolean): Promise<void>
  writeError(error: ErrorRecord): Promise<void>
  readonly counts: Readonly<Record<OutputName, number>>
  /** the state saved by the checkpoint a resumed run starts from; null for a fresh run */
  readonly resumed: ResumeState | null
  /** the staging folder */
  readonly staging: string
  /** the corpus-stage summaries of the documents already staged, in input order (a resumed run re-feeds them) */
  stagedSummaries(): AsyncIterable<unknown[]>
  /** writes everything buffered and records `state` as the point a resume continues from */
  checkpoint(state: ResumeState): Promise<void>
  /** the state of the last checkpoint written (or resumed from): what a `--resume` would continue from */
  readonly checkpointed: ResumeState | null
  /** the write or checkpoint that failed (disk full), after which no checkpoint is written; null while all went well */
  readonly broken: OutputError | null
  /** checkpoints and closes the files, leaving the staging folder for `--resume` (after a failed write: closes them, the last checkpoint stands) */
  suspend(state: ResumeState): Promise<void>
  /** finishes the run: rewrites, extra files and the manifest, then moves the whole set into place */
  commit(manifest: Manifest, finish?: CloseOptions): Promise<void>
}

/** A string field replaced in every record of a file: the last `"<field>":"…"` of each line, as {@link replaceJsonField} does. */
export interface FieldRewrite {
  field: string
  replace: (value: string) => string
  /** the only values `replace` can change, when known: a line whose value is not among them is copied without its value being decoded */
  changes?: ReadonlySet<string>
  /** whole lines of a few documents rewritten first (as strings), before `field` is replaced in them */
  lines?: {docIds: {has(docId: string): boolean}; rewrite: (line: string) => string}
}

/** Corpus-level work done when closing: records rewritten (ids remapped after linking) and extra files. */
export interface CloseOptions {
  /** rewrites one string field of each line (one JSON record) of a file, streaming, so memory stays flat */
  rewrite?: Partial<Record<OutputName, FieldRewrite>>
  /** further JSONL files to write, e.g. the entity index */
  extraFiles?: Record<string, unknown[]>
  /** further files as their JSONL text, already checked (records of corpus stages checked where they were written) */
  extraText?: Record<string, string>
}

/** How to open an output folder. */
export interface OpenOptions {
  /** identifies the run; a resume is refused when the staged run's key differs */
  runKey: string
  /** what the key is made of, kept in the checkpoint for {@link readStagedRun} */
  run?: Record<string, unknown>
  /** continue the staged run instead of starting over */
  resume?: boolean
  /** warnings for the user (stale lock taken over, staged run discarded) */
  warn?: (message: string) => void
  /** optional files this run writes (tokens.jsonl when the token layer is asked for) */
  optional?: readonly OptionalName[]
}

/** Raised when `--resume` cannot continue (nothing staged, or the staged run is another run). */
export class ResumeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResumeError'
  }
}

/**
 * Says what is wrong with the part of a staged file that a checkpoint counts as written, or returns null when it looks
 * as lede writes it (whole lines, no zero byte).
 */
export async function findStagedDamage(file: string, length: number): Promise<string | null> {
  if (length === 0) return null
  // no fsync stands behind a checkpoint: after a power cut or a crash of the machine (not of the process) the
  // checkpoint can be on disk while the records before it are not, and the file then reads as zeros there (or as
  // lines cut short); JSON.stringify escapes U+0000, so a zero byte is never one lede wrote, and resuming over it
  // would have passed the damage into the finished files with exit 0
  const handle = await open(file, 'r')
  try {
    const block = Buffer.allocUnsafe(1 << 20)
    for (let at = 0; at < length; ) {
      const {bytesRead} = await handle.read(block, 0, Math.min(block.length, length - at), at)
      if (bytesRead <= 0) return 'is shorter than its checkpoint says'
      const zero = block.subarray(0, bytesRead).indexOf(0)
      if (zero >= 0) {
        return `holds zero bytes from byte ${at + zero} on, in the part its checkpoint counts as written (the machine crashed or lost power before those records reached the disk?)`
      }
      at += bytesRead
      if (at === length && block[bytesRead - 1] !== 10) return 'does not end on a whole line where its checkpoint says it does'
    }
    return null
  } finally {
    await handle.close()
  }
}

/**
 * Opens an output folder for a run: creates it, finishes a commit an earlier run was killed in, and
 * prepares the staging folder (fresh, or cut back to its last checkpoint when resuming). The caller holds the lock.
 */
export async function openOutput(dir: string, options: OpenOptions): Promise<OutputWriter> {
  const warn = options.warn ?? (() => {})
  const staging = join(dir, STAGING_DIR)
  const NAMES: OutputName[] = [...(Object.keys(OUTPUT_FILES) as OutputName[]), ...(options.optional ?? [])]
  const STAGED: StagedName[] = [...NAMES, 'summaries']
  await finishCommit(dir)
  let checkpoint: Checkpoint | null = null
  const existing = await readCheckpoint(staging)
  if (options.resume && existing === 'none') {
    warn(`nothing to resume in "${dir}" (no interrupted run is staged there): starting from the beginning`)
  } else if (options.resume && existing === 'damaged') {
    // a checkpoint cut short or garbled: the machine crashed while it was written (no fsync stands behind it); the
    // staged records cannot be measured against it, and "stopped before its first checkpoint" said less than was known
    warn(`the checkpoint of the run staged in "${staging}" cannot be read (cut short or damaged: did the machine crash while it was written?), so its staged records cannot be trusted: starting from the beginning`)
  } else if (options.resume && existing === 'broken') {
    // killed before its first checkpoint: nothing of it can be trusted, and nothing was lost either
    warn(`the run staged in "${staging}" stopped before its first checkpoint: starting from the beginning`)
  } else if (options.resume && existing !== 'none' && existing !== 'broken' && existing !== 'damaged') {
    if (existing.runKey !== options.runKey) {
      throw new ResumeError(
        `cannot resume: the run staged in "${staging}" was started with another corpus, pipeline, options or lede version (or the corpus changed since); run without --resume to start over`,
      )
    }
    for (const name of STAGED) {
      const file = join(staging, partialName(name))
      const size = await stat(file).then((s) => s.size, () => -1)
      if (size < existing.bytes[name]) throw new ResumeError(`cannot resume: "${file}" is shorter than its checkpoint says; run without --resume to start over`)
      await truncate(file, existing.bytes[name])
      const damage = await findStagedDamage(file, existing.bytes[name])
      if (damage) throw new ResumeError(`cannot resume: "${file}" ${damage}; run without --resume to start over`)
    }
    checkpoint = existing
  } else if (existing !== 'none') {
    warn(`discarding the interrupted run staged in "${staging}" (use --resume to continue it instead)`)
  }
  if (!checkpoint) {
    try {
      await rm(staging, {recursive: true, force: true})
      await mkdir(staging)
    } catch (error) {
      throw new OutputError(`cannot create staging folder "${staging}": ${errorText(error)}`)
    }
  }

  const handles = {} as Record<StagedName, FileHandle>
  try {
    for (const name of STAGED) handles[name] = await open(join(staging, partialName(name)), checkpoint ? 'a' : 'w')
  } catch (error) {
    for (const handle of Object.values(handles)) await handle.close().catch(() => {})
    throw new OutputError(`cannot write in "${staging}": ${errorText(error)}`)
  }
  const counts: Record<OutputName, number> = checkpoint ? {...{tokens: 0}, ...checkpoint.counts} : {articles: 0, entities: 0, quotes: 0, money: 0, errors: 0, tokens: 0}
  const bytes: Record<StagedName, number> = checkpoint ? {...{tokens: 0}, ...checkpoint.bytes} : {articles: 0, entities: 0, quotes: 0, money: 0, errors: 0, tokens: 0, summaries: 0}
  // records are gathered into large chunks of UTF-8 bytes (packed lines from worker threads arrive so): many small
  // writes cost more than the records. A string is encoded straight into its file's chunk, not into a Buffer of its
  // own that a concatenation then copies again (per document and file, that was an allocation and two copies)
  // a file's chunk is allocated once and reused once its bytes are written: a new 2 MB buffer per flush counted as
  // external memory and brought on more full garbage collections ("external memory pressure")
  const chunks = {} as Record<StagedName, Buffer>
  const used = {} as Record<StagedName, number>
  const spare = {} as Record<StagedName, Buffer | null>
  for (const name of STAGED) {
    chunks[name] = EMPTY_CHUNK
    used[name] = 0
    spare[name] = null
  }
  // the first write or checkpoint that failed (a full disk, a file-size limit, an I/O error): from then on the staged
  // files may end in a cut line that no checkpoint covers, so no checkpoint is written any more and the last one stands
  let broken: OutputError | null = null
  const writeOut = async (name: StagedName, data: Uint8Array) => {
    if (broken) throw broken
    try {
      // one write(2) may write less than asked (a disk filling up: the rest fails on the next call); counting the whole
      // chunk as written made the next checkpoint claim bytes the file does not hold
      for (let done = 0; done < data.length; ) {
        const {bytesWritten} = await handles[name].write(data, done, data.length - done)
        if (bytesWritten <= 0) throw new Error('wrote nothing')
        done += bytesWritten
        bytes[name] += bytesWritten
      }
    } catch (error) {
      throw (broken = new OutputError(`cannot write to "${join(staging, partialName(name))}": ${errorText(error)}`))
    }
  }
  const flush = async (name: StagedName) => {
    if (used[name] === 0) return
    // the filled chunk leaves the file's slot before the write is awaited, and is kept for reuse once written
    const full = chunks[name]
    const data = full.subarray(0, used[name])
    chunks[name] = EMPTY_CHUNK
    used[name] = 0
    await writeOut(name, data)
    spare[name] = full
  }
  const writeAll = async (name: StagedName, records: readonly unknown[]) => {
    if (records.length === 0) return
    let text = ''
    for (const record of records) text += `${JSON.stringify(record)}\n`
    await writeText(name, text, records.length)
  }
  // `text` is whole JSONL lines, `count` of them
  const writeText = async (name: StagedName, text: string | Uint8Array, count: number) => {
    if (text.length === 0) return
    if (name !== 'summaries') counts[name] += count
    // a string takes at most 3 UTF-8 bytes per UTF-16 code unit (a surrogate pair 4 bytes for 2 units)
    const most = typeof text === 'string' ? 3 * text.length : text.length
    if (used[name] + most > chunks[name].length) {
      await flush(name)
      if (most > CHUNK_SIZE) {
        // larger than a chunk (a document of megabytes): written on its own
        await writeOut(name, typeof text === 'string' ? Buffer.from(text, 'utf8') : text)
        return
      }
      chunks[name] = spare[name] ?? Buffer.allocUnsafeSlow(CHUNK_SIZE)
      spare[name] = null
    }
    if (typeof text === 'string') used[name] += chunks[name].write(text, used[name], 'utf8')
    else {
      chunks[name].set(text, used[name])
      used[name] += text.length
    }
    if (used[name] >= CHUNK) await flush(name)
  }
  let checkpointed: ResumeState | null = checkpoint?.state ?? null
  const saveCheckpoint = async (state: ResumeState) => {
    if (broken) throw broken
    for (const name of STAGED) await flush(name)
    const saved: Checkpoint = {runKey: options.runKey, ...(options.run ? {run: options.run} : {}), bytes: {...bytes}, counts: {...counts}, state}
    try {
      await writeAtomically(join(staging, CHECKPOINT_FILE), `${JSON.stringify(saved)}\n`)
    } catch (error) {
      // the previous checkpoint file is whole (the new one is renamed over it only once written)
      throw (broken = new OutputError(`cannot write the checkpoint "${join(staging, CHECKPOINT_FILE)}": ${errorText(error)}`))
    }
    checkpointed = state
  }
  const closeAll = async () => {
    for (const handle of Object.values(handles)) await handle.close().catch(() => {})
  }

  return {
    counts,
    resumed: checkpoint?.state ?? null,
    staging,
    async *stagedSummaries() {
      if (!checkpoint || checkpoint.bytes.summaries === 0) return
      const lines = createInterface({input: createReadStream(join(staging, partialName('summaries')), {encoding: 'utf8', end: checkpoint.bytes.summaries - 1}), crlfDelay: Infinity})
      for await (const line of lines) if (line !== '') yield JSON.parse(line) as unknown[]
    },
    async writeDoc(lines: DocLines | PackedLines, summary?: string | boolean | null) {
      if ('bytes' in lines) {
        // the summary line first, as below
        const order = [6, 0, 1, 2, 3, 4, 5]
        for (const index of order) {
          const name = PACKED_FILES[index]!
          if (name === 'summaries') {
            if (summary === true) await writeText('summaries', packedFile(lines, index), 1)
          } else if (name !== 'tokens' || handles.tokens) await writeText(name, packedFile(lines, index), lines.counts[name])
        }
        return
      }
      if (typeof summary === 'string' && summary) await writeText('summaries', summary, 1)
      await writeText('articles', lines.articles, lines.counts.articles)
      await writeText('entities', lines.entities, lines.counts.entities)
      await writeText('quotes', lines.quotes, lines.counts.quotes)
      await writeText('money', lines.money, lines.counts.money)
      await writeText('errors', lines.errors, lines.counts.errors)
      if (handles.tokens) await writeText('tokens', lines.tokens, lines.counts.tokens)
    },
    async writeError(error) {
      await writeAll('errors', [error])
    },
    get checkpointed() {
      return checkpointed
    },
    get broken() {
      return broken
    },
    checkpoint: saveCheckpoint,
    async suspend(state) {
      try {
        // after a failed write the last checkpoint is the one a resume can trust
        if (!broken) await saveCheckpoint(state)
      } finally {
        await closeAll()
      }
    },
    async commit(manifest, finish = {}) {
      for (const name of STAGED) await flush(name)
      await closeAll()
      trace('commit-closed')
      // everything that needs room is written first, beside the staged files, which stay as they are: a disk that fills
      // up now (the rewritten files double the entities for a while) leaves the staged run whole for --resume. The
      // staged files used to be moved into place one by one while the others were still being rewritten, and a
      // failure half-way left a staging folder that --resume refused ("shorter than its checkpoint says")
      const files: string[] = []
      const written: string[] = []
      const moves: Array<[string, string]> = []
      const drop: string[] = []
      try {
        for (const name of NAMES) {
          const partial = partialName(name)
          const rewrite = finish.rewrite?.[name]
          if (rewrite) {
            written.push(fileName(name))
            await rewriteJsonlField(join(staging, partial), join(staging, fileName(name)), rewrite)
            trace(`rewrote-${name}`)
            drop.push(partial)
          } else {
            moves.push([partial, fileName(name)])
          }
          files.push(fileName(name))
        }
        for (const [file, records] of Object.entries(finish.extraFiles ?? {})) {
          written.push(file)
          await writeJsonl(join(staging, file), records)
          files.push(file)
        }
        for (const [file, text] of Object.entries(finish.extraText ?? {})) {
          written.push(file)
          await writeFile(join(staging, file), text)
          files.push(file)
        }
        written.push(MANIFEST_FILE)
        await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
        // lede's files of the previous run that this run does not write (an index after --no-link) go too
        const stale = [...Object.values(OUTPUT_FILES), ...Object.values(OPTIONAL_FILES), ENTITY_INDEX_FILE].filter((f) => !files.includes(f))
        // the plan is the commit point: once it is written, finishCommit (now, or the next run on the folder) carries it out
        await writeAtomically(join(staging, COMMIT_FILE), `${JSON.stringify({files, stale, moves, drop})}\n`)
      } catch (error) {
        for (const file of written) await rm(join(staging, file), {force: true, recursive: false}).catch(() => {})
        await rm(join(staging, `${COMMIT_FILE}.tmp`), {force: true}).catch(() => {})
        throw new OutputError(
          `cannot finish the output in "${staging}": ${errorText(error)}; the staged run is kept: once there is room, the same command with --resume finishes it`,
        )
      }
      trace('commit-planned')
      await finishCommit(dir)
    },
  }
}

// a file's chunk is written once it holds this many bytes; it is allocated with room for a document's lines after that
const CHUNK = 1 << 20
const CHUNK_SIZE = 2 * CHUNK
const EMPTY_CHUNK = Buffer.alloc(0)

function fileName(name: OutputName): string {
  return name === 'tokens' ? OPTIONAL_FILES.tokens : OUTPUT_FILES[name]
}

function partialName(name: StagedName): string {
  return `${name === 'summaries' ? SUMMARIES_FILE : fileName(name)}.partial`
}

/**
 * The run an output folder holds staged for `--resume`: its key and what the key was made of (null for a checkpoint
 * of an earlier lede that kept only the key), or 'none' when nothing can be resumed there (nothing staged, a staged
 * run killed before its first checkpoint, or a finished run whose files were being moved into place). Reads only;
 * the caller holds the folder's lock.
 */
export async function readStagedRun(dir: string): Promise<{runKey: string; run: Record<string, unknown> | null; staging: string} | 'none'> {
  const staging = join(dir, STAGING_DIR)
  if (await stat(join(staging, COMMIT_FILE)).then(() => true, () => false)) return 'none'
  const checkpoint = await readCheckpoint(staging)
  if (checkpoint === 'none' || checkpoint === 'broken' || checkpoint === 'damaged') return 'none'
  return {runKey: checkpoint.runKey, run: checkpoint.run && typeof checkpoint.run === 'object' ? checkpoint.run : null, staging}
}

// 'broken': a staging folder with no checkpoint (killed before its first); 'damaged': a checkpoint that cannot be read
async function readCheckpoint(staging: string): Promise<Checkpoint | 'none' | 'broken' | 'damaged'> {
  let text: string
  try {
    text = await readFile(join(staging, CHECKPOINT_FILE), 'utf8')
  } catch {
    const there = await stat(staging).then(() => true, () => false)
    return there ? 'broken' : 'none'
  }
  try {
    const parsed = JSON.parse(text) as Checkpoint
    return typeof parsed.runKey === 'string' && parsed.bytes && parsed.counts && parsed.state ? parsed : 'damaged'
  } catch {
    return 'damaged'
  }
}

/**
 * Moves a committed staging folder's files into place: the old manifest goes first (so the folder never
 * shows a manifest beside files it does not describe), the new manifest last. Idempotent: a run killed
 * half-way through is finished by the next run on the folder.
 */
export async function finishCommit(dir: string): Promise<boolean> {
  const staging = join(dir, STAGING_DIR)
  // moves and drop: the staged files that become output files (renamed within the staging folder) and the staged files
  // rewritten into new ones (deleted); plans of earlier versions have neither, their files were moved before the plan
  let plan: {files: string[]; stale: string[]; moves?: Array<[string, string]>; drop?: string[]}
  try {
    plan = JSON.parse(await readFile(join(staging, COMMIT_FILE), 'utf8')) as typeof plan
  } catch {
    return false
  }
  try {
    // a move already made (a commit cut after it) finds its source gone and its target there
    for (const [from, to] of plan.moves ?? []) await rename(join(staging, from), join(staging, to)).catch(ignoreMissing)
    for (const file of plan.drop ?? []) await unlink(join(staging, file)).catch(ignoreMissing)
    await unlink(join(dir, MANIFEST_FILE)).catch(ignoreMissing)
    for (const file of plan.stale) await unlink(join(dir, file)).catch(ignoreMissing)
    for (const file of plan.files) await rename(join(staging, file), join(dir, file)).catch(ignoreMissing)
    await rename(join(staging, MANIFEST_FILE), join(dir, MANIFEST_FILE)).catch(ignoreMissing)
    await rm(staging, {recursive: true, force: true})
  } catch (error) {
    throw new OutputError(`cannot move the finished output into "${dir}": ${errorText(error)}`)
  }
  return true
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text)
  await rename(`${path}.tmp`, path)
}

// FileHandle.write and writev make one system call, which may write less than asked when the disk fills up (the rest
// fails on the next call): without these loops the output's last piece could end cut, with no error
async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let done = 0; done < data.length; ) {
    const {bytesWritten} = await handle.write(data, done, data.length - done)
    if (bytesWritten <= 0) throw new Error('wrote nothing')
    done += bytesWritten
  }
}

async function writeJsonl(path: string, records: readonly unknown[]): Promise<void> {
  const handle = await open(path, 'w')
  try {
    let chunk = ''
    for (const record of records) {
      chunk += `${JSON.stringify(record)}\n`
      if (chunk.length >= 1 << 20) {
        await writeAll(handle, Buffer.from(chunk))
        chunk = ''
      }
    }
    if (chunk !== '') await writeAll(handle, Buffer.from(chunk))
  } finally {
    await handle.close()
  }
}

// The final id splice works on the file's bytes, not on decoded lines: most lines keep their id and are copied as
// they are, so nothing is decoded to strings and encoded again (the main thread's share of a 20 MB run: the splice
// took 1.7 s of it as strings). Each line's value is found as replaceJsonField finds it, so the output is the same.
/** Rewrites one string field of every line of a JSONL file into another file, reading `chunkBytes` at a time. */
export async function rewriteJsonlField(from: string, to: string, {field, replace, changes, lines}: FieldRewrite, chunkBytes = 4 << 20): Promise<void> {
  const key = Buffer.from(`"${field}":"`)
  const hashes = changes && new Set([...changes].map((value) => hashBytes(Buffer.from(value), 0, Buffer.byteLength(value))))
  const input = await open(from, 'r')
  try {
    const output = await open(to, 'w')
    try {
      // one buffer, reused: the lines cut at its last newline stay at its start for the next read, so a chunk is
      // neither copied into a new buffer nor concatenated with the carried line (a 4 MB copy per chunk)
      let work = Buffer.allocUnsafe(2 * chunkBytes)
      let carried = 0
      // the rewritten lines of a chunk, copied into one buffer (reused) and written with one call: a piece per changed
      // value (two `subarray`s and a `writev` of thousands of them per chunk) cost the main thread more than the copy
      const out = {buffer: Buffer.allocUnsafe(2 * chunkBytes + (64 << 10)), length: 0}
      for (;;) {
        if (work.length - carried < chunkBytes) {
          const bigger = Buffer.allocUnsafe(carried + 2 * chunkBytes)
          work.copy(bigger, 0, 0, carried)
          work = bigger
        }
        const {bytesRead} = await input.read(work, carried, chunkBytes, null)
        const atEnd = bytesRead === 0
        let filled = carried + bytesRead
        // a last line without its newline is written with one, as every other line
        if (atEnd && carried > 0) work[filled++] = 10
        const limit = filled === 0 ? 0 : work.lastIndexOf(10, filled - 1) + 1
        if (limit > 0) {
          out.length = 0
          rewriteLines(work.subarray(0, limit), key, replace, hashes, lines && {...lines, field}, out)
          if (out.length > 0) await writeAll(output, out.buffer.subarray(0, out.length))
        }
        work.copy(work, 0, limit, filled)
        carried = filled - limit
        if (atEnd) break
      }
    } finally {
      await output.close()
    }
  } finally {
    await input.close()
  }
}

// the bytes buf[from, to) appended to `out`, which grows as needed
function append(out: {buffer: Buffer; length: number}, buf: Buffer, from: number, to: number): void {
  if (to <= from) return
  if (out.length + (to - from) > out.buffer.length) grow(out, to - from)
  out.length += buf.copy(out.buffer, out.length, from, to)
}

// a string's UTF-8 bytes appended to `out`
function appendText(out: {buffer: Buffer; length: number}, text: string): void {
  const most = text.length * 3
  if (out.length + most > out.buffer.length) grow(out, most)
  out.length += out.buffer.write(text, out.length)
}

function grow(out: {buffer: Buffer; length: number}, more: number): void {
  const bigger = Buffer.allocUnsafe(Math.max(2 * out.buffer.length, out.length + more))
  out.buffer.copy(bigger, 0, 0, out.length)
  out.buffer = bigger
}

// whole lines in, their rewritten bytes appended to `out` (unchanged runs of lines copied at once); empty lines are dropped.
// A line's strings are decoded only when the bytes cannot tell: a document's lines are consecutive, so its docId is
// decoded and looked up once (later lines compare bytes), and with `hashes` (of the values that can change) a value
// whose bytes hash to none of them is left as it is (a hash that collides only decodes it, as without hashes).
function rewriteLines(buf: Buffer, key: Buffer, replace: (value: string) => string, hashes: ReadonlySet<number> | undefined, lines: (FieldRewrite['lines'] & {field: string}) | undefined, out: {buffer: Buffer; length: number}): void {
  let copyFrom = 0
  // the previous line's docId value (its bytes in buf) and whether that document's lines are rewritten
  let docStart = -1
  let docEnd = -1
  let docListed = false
  for (let lineStart = 0; lineStart < buf.length; ) {
    const lineEnd = buf.indexOf(10, lineStart)
    if (lineEnd === lineStart) {
      append(out, buf, copyFrom, lineStart)
      copyFrom = lineStart + 1
      lineStart++
      continue
    }
    if (lines) {
      // the first "docId" of the line, as readJsonField finds it (lede writes it first: no search needed then)
      const at = startsWith(buf, DOC_ID_LINE, lineStart) ? lineStart + 1 : buf.indexOf(DOC_ID_KEY, lineStart)
      if (at >= 0 && at < lineEnd) {
        const valueStart = at + DOC_ID_KEY.length - 1
        const end = closingQuote(buf, valueStart + 1, lineEnd)
        if (docStart < 0 || !sameBytes(buf, docStart, docEnd, valueStart + 1, end)) {
          const raw = buf.toString('utf8', valueStart + 1, end)
          docListed = lines.docIds.has(raw.includes('\\') ? (JSON.parse(buf.toString('utf8', valueStart, end + 1)) as string) : raw)
          docStart = valueStart + 1
          docEnd = end
        }
        if (docListed) {
          const text = buf.toString('utf8', lineStart, lineEnd)
          const next = replaceJsonField(lines.rewrite(text), lines.field, replace)
          if (next !== text) {
            append(out, buf, copyFrom, lineStart)
            appendText(out, next)
            copyFrom = lineEnd
          }
          lineStart = lineEnd + 1
          continue
        }
      }
    }
    // the last occurrence in the line, as replaceJsonField takes it: looked for from the line's end, where lede writes
    // the field (a backwards byte loop costs less than the two native searches per line it replaces)
    const at = lastIndexIn(buf, key, lineStart, lineEnd)
    if (at >= 0) {
      const valueStart = at + key.length - 1
      const end = closingQuote(buf, valueStart + 1, lineEnd)
      const hash = hashes ? hashBytes(buf, valueStart + 1, end) : -1
      if (hash < 0 || hashes!.has(hash)) {
        const raw = buf.toString('utf8', valueStart + 1, end)
        const value = raw.includes('\\') ? (JSON.parse(buf.toString('utf8', valueStart, end + 1)) as string) : raw
        const next = replace(value)
        if (next !== value) {
          append(out, buf, copyFrom, valueStart)
          appendText(out, JSON.stringify(next))
          copyFrom = Math.min(end + 1, lineEnd)
        }
      }
    }
    lineStart = lineEnd + 1
  }
  append(out, buf, copyFrom, buf.length)
}

// where `key` last starts in buf[from, to), or -1; a JSON key's first byte is its opening quote
function lastIndexIn(buf: Buffer, key: Buffer, from: number, to: number): number {
  const first = key[0]!
  const length = key.length
  search: for (let i = to - length; i >= from; i--) {
    if (buf[i] !== first) continue
    for (let j = 1; j < length; j++) if (buf[i + j] !== key[j]) continue search
    return i
  }
  return -1
}

const DOC_ID_KEY = Buffer.from('"docId":"')
const DOC_ID_LINE = Buffer.from('{"docId":"')

// the index of the quote closing a JSON string value whose first character is at `from` (or `limit`)
function closingQuote(buf: Buffer, from: number, limit: number): number {
  let end = from
  while (end < limit && buf[end] !== 34 /* " */) end += buf[end] === 92 /* \\ */ ? 2 : 1
  return end
}

function startsWith(buf: Buffer, prefix: Buffer, at: number): boolean {
  if (at + prefix.length > buf.length) return false
  for (let i = 0; i < prefix.length; i++) if (buf[at + i] !== prefix[i]) return false
  return true
}

function sameBytes(buf: Buffer, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false
  for (let i = 0; i < aEnd - aStart; i++) if (buf[aStart + i] !== buf[bStart + i]) return false
  return true
}

// FNV-1a over a byte range (equal bytes, equal hashes: all the prefilter needs), or -1 for an escaped value, whose
// bytes are not its text's and which is therefore always decoded
function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) {
    const byte = buf[i]!
    if (byte === 92 /* \\ */) return -1
    hash = Math.imul(hash ^ byte, 0x01000193)
  }
  // 30 bits: a small integer, which a Set looks up without boxing
  return hash >>> 2
}

/** The first string value of `field` in one JSONL line written by lede (undefined when absent or not a string). */
export function readJsonField(line: string, field: string): string | undefined {
  const key = `"${field}":"`
  const at = line.indexOf(key)
  if (at < 0) return undefined
  const valueStart = at + key.length - 1
  return decodeJsonString(line, valueStart, closingQuoteIn(line, valueStart))
}

// the index of the quote closing the JSON string that opens at `open` in a string line (closingQuote is the byte version)
function closingQuoteIn(line: string, open: number): number {
  let end = open + 1
  while (end < line.length && line.charCodeAt(end) !== 34 /* " */) end += line.charCodeAt(end) === 92 /* \\ */ ? 2 : 1
  return end
}

// the JSON string between the quotes at `open` and `close`; ids are almost never escaped, so parse only when one is
function decodeJsonString(line: string, open: number, close: number): string {
  const raw = line.slice(open + 1, close)
  return raw.includes('\\') ? (JSON.parse(line.slice(open, close + 1)) as string) : raw
}

/** Replaces the string value of the last `"<field>":"…"` in a serialised JSON record; safe because an unescaped `"field":` cannot occur inside a JSON string. */
export function replaceJsonField(line: string, field: string, replace: (value: string) => string): string {
  const key = `"${field}":"`
  const at = line.lastIndexOf(key)
  if (at < 0) return line
  const valueStart = at + key.length - 1
  const end = closingQuoteIn(line, valueStart)
  const value = decodeJsonString(line, valueStart, end)
  const next = replace(value)
  return next === value ? line : `${line.slice(0, valueStart)}${JSON.stringify(next)}${line.slice(end + 1)}`
}

/** A path relative to the current folder when that is shorter, for messages. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel !== '' && !rel.startsWith('..') && rel.length < path.length ? rel : path
}
