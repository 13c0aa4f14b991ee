import {createHash} from 'node:crypto'
import {statSync, type Stats} from 'node:fs'
import {realpath, rmdir} from 'node:fs/promises'
import {join} from 'node:path'
import type {Doc} from '../doc.ts'
import {checkCorpusFolder, inputPath, listCorpus, readCorpus, type CorpusListing, type FsPath} from '../io/corpus.ts'
import type {FileState} from '../io/file-state.ts'
import {acquireLock, checkOutputPlace, makeFolder, openOutput, readJsonField, readStagedRun, replaceJsonField, ResumeError, type CloseOptions, type OutputLock, type OutputWriter} from '../io/output.ts'
import {checkRecords} from '../io/records.ts'
import {Manifest, type ErrorRecord} from '../schema.ts'
import type {CorpusResult, Pipeline} from '../stage.ts'
import {VERSION} from '../version.ts'
import {trace, traceMemory} from '../io/trace.ts'
import {createInlineExecutor, createThreadExecutor, type Executor, type PipelineSpec} from './executor.ts'
import {collectNow, failedResult, type DocResult} from './process-doc.ts'

/** How far a run has got, for progress displays. */
export interface Progress {
  /** inputs read as documents (each becomes an article, a failed one too), as the manifest's `inputs.documents` counts them */
  documents: number
  /** inputs refused before processing (not text, too large, a bad JSONL line), as the manifest's `inputs.rejected` counts them */
  rejected: number
  bytesDone: number
  bytesTotal: number
  elapsedMs: number
  /** workers processing documents right now */
  workers: number
  /** bytes of the inputs written before this process started (a resumed run's earlier part), for a rate of this process's own */
  bytesAtStart: number
}

/** What `runCorpus` needs: where to read, where to write, and which pipeline. */
export interface RunOptions {
  corpusDir: string
  outDir: string
  pipeline: Pipeline
  /** the pipeline's options as given, recorded in the manifest */
  options?: Record<string, unknown>
  /** how worker threads rebuild the pipeline; without it documents are processed in this thread */
  spec?: PipelineSpec
  /** worker threads (default 0: this thread); output is byte-identical whatever the number */
  workers?: number
  /** processes the batches instead of this thread or new local worker threads (Redis workers, a thread executor started early); the run closes it */
  executor?: Executor
  /** the output folder's lock, taken by {@link claimOutput} before the run (the CLI does, before it starts any thread); the run releases it */
  lock?: OutputLock
  /** the corpus listed and the run's key, when the caller made them already ({@link prepareRun}: the CLI does, to check a --resume before any thread) */
  prepared?: PreparedRun
  /** documents sent to the executor at once (default: the executor's `batchSize`, 8 for local worker threads, else 1; larger for remote executors) */
  batchSize?: number
  /** batches in flight at once (default: twice the workers, at least 4) */
  concurrency?: number
  onProgress?: (progress: Progress) => void
  /** continue the interrupted run staged in the output folder */
  resume?: boolean
  /** stops the run cleanly (Ctrl-C): what is written stays staged for `resume`, and runCorpus throws {@link RunInterrupted} */
  signal?: AbortSignal
  /** warnings for the user: a stale lock taken over, a staged run discarded */
  onWarning?: (message: string) => void
  /** how often the staged files are checkpointed for `resume`, in milliseconds (default 1000) */
  checkpointMs?: number
  /** the charset of inputs that are not UTF-8 (`--encoding`), instead of detecting it; also put in `options` by the CLI, so the manifest and a resume's key record it */
  encoding?: string
  /** false leaves an SGML DOC's byline block out of its text (`--no-wire-byline`); also put in `options` by the CLI */
  wireBylineInText?: boolean
  /** the field or column that holds an article's body in JSON, JSONL, CSV and TSV inputs (`--text-field`); also put in `options` by the CLI */
  textField?: string
}

/** The outcome of a run: its manifest and the exit code the CLI should use. */
export interface RunResult {
  manifest: Manifest
  /** 0 when every input became an article, 1 when any input or record failed (see errors.jsonl) */
  exitCode: 0 | 1
}

type Result = {kind: 'doc'; result: DocResult; bytes: number; file?: string; charset?: string; charsetBy?: string} | {kind: 'error'; error: ErrorRecord; bytes: number; file?: string}

/** Raised when a run stops on its signal (Ctrl-C): what was written is staged and `resume` continues it. */
export class RunInterrupted extends Error {
  constructor(
    /** inputs (files and JSONL lines) whose records are staged */
    readonly written: number,
    /** documents among them */
    readonly documents: number,
    readonly staging: string,
  ) {
    super(`interrupted: the records of ${written} inputs (${documents} documents) are staged in "${staging}"`)
    this.name = 'RunInterrupted'
  }
}

/** What a checkpoint keeps of a run in progress: counters over the inputs written so far. */
interface RunState {
  [key: string]: unknown
  items: number
  documents: number
  rejected: number
  failedDocuments: number
  bytesDone: number
  timings: Record<string, number>
  /** per input file that holds several documents (JSONL, SGML wire files): documents and rejected parts written so far */
  splitFiles?: Record<string, {documents: number; rejected: number}>
  /** documents read from bytes that are not UTF-8, by the charset they were read in */
  charsets?: Record<string, number>
  /** the same documents by how their charset was chosen (declared, detected, given, fallback) */
  charsetChoices?: Record<string, number>
}

/**
 * Runs the pipeline over every input of a corpus folder: documents are processed by the executor (this thread,
 * worker threads or remote workers) in any order, their records are written strictly in input order and fed to
 * the corpus stages in that order, so the output is the same whoever processed what. One bad document never stops the run.
 */
export async function runCorpus(options: RunOptions): Promise<RunResult> {
  const started = performance.now()
  const workers = options.workers ?? 0
  const threads = !options.executor && workers > 0 && options.spec
  let executor: Executor
  try {
    executor = options.executor ?? (threads ? createThreadExecutor(options.spec!, workers) : createInlineExecutor(options.pipeline))
  } catch (error) {
    await options.lock?.release()
    throw error
  }
  // closed once: by runLocked as soon as the last result is in, so that the worker threads end (each tears down its
  // heap) while this thread finishes the corpus stages and commits the output; or here, when the run stopped before that
  let closing: Promise<void> | undefined
  const close = () => (closing ??= executor.close())
  try {
    return await runWith(options.batchSize === undefined && executor.batchSize !== undefined ? {...options, batchSize: executor.batchSize} : options, executor, close, started)
  } finally {
    trace('close-executor')
    await close()
    trace('executor-closed')
  }
}

/**
 * What a run checks and claims before it starts any work: the output folder must not overlap the input, the corpus
 * folder must exist and open, and the output folder is created and locked (a write in it). Nothing is created before
 * the output is known not to overlap the input. Cheap (no listing), so the CLI runs it before it starts any thread:
 * a mistyped folder fails at once.
 */
export async function claimOutput(
  corpusDir: string,
  outDir: string,
  warn: (message: string) => void = () => {},
  /** more checks to pass before anything is written (the CLI's: Redis answers) */
  before?: () => Promise<void>,
): Promise<ClaimedOutput> {
  await checkOutputPlace(corpusDir, outDir)
  await checkCorpusFolder(corpusDir)
  await before?.()
  const made = await makeFolder(outDir)
  try {
    return Object.assign(await acquireLock(outDir, warn), {made})
  } catch (error) {
    await removeMade(made)
    throw error
  }
}

/** A held output folder and the folders its claim made (outermost first), which {@link releaseUnused} removes again. */
export type ClaimedOutput = OutputLock & {readonly made: readonly string[]}

/**
 * Gives back an output folder claimed for a run that stopped before it wrote anything (Redis unreachable, a resume
 * refused, a pipeline that does not build): the lock goes, and so do the folders the claim made, when still empty.
 */
export async function releaseUnused(claimed: ClaimedOutput): Promise<void> {
  await claimed.release()
  await removeMade(claimed.made)
}

// rmdir refuses a folder that holds anything, so only folders left empty go, innermost first
async function removeMade(made: readonly string[]): Promise<void> {
  for (const dir of [...made].reverse()) if (!(await rmdir(dir).then(() => true, () => false))) break
}

/** A corpus listed and fingerprinted for a run, made once (the CLI makes it before any thread when it checks a --resume). */
export interface PreparedRun {
  listing: CorpusListing
  bytesTotal: number
  /** each input's size and modification time as listed, so a file changed during the run is noticed when it is read */
  listed: Map<string, FileState>
  /** identifies the run for --resume: a hash of {@link PreparedRun.run} */
  runKey: string
  /** what the key is made of: lede's version, the pipeline, its stages and options, the corpus folder and its inputs */
  run: RunDescription
}

/** What identifies a run, kept in the staged checkpoint so that a refused --resume can say what differs. */
export interface RunDescription {
  [key: string]: unknown
  version: string
  pipeline: string
  stages: string[]
  options: Record<string, unknown>
  corpus: string
  /** the inputs' paths, sizes and modification times as one hash, and their number and total size */
  inputs: {files: number; bytes: number; fingerprint: string}
}

/** Lists the corpus, sizes its inputs and computes the run's key (for --resume). */
export async function prepareRun(options: Pick<RunOptions, 'corpusDir' | 'outDir' | 'pipeline' | 'options'>): Promise<PreparedRun> {
  // an output folder inside the corpus folder must not be read back as input
  const listing = await listCorpus(options.corpusDir, [options.outDir])
  let bytesTotal = 0
  const listed = new Map<string, FileState>()
  const fingerprint = createHash('sha256')
  // one synchronous stat per input: nothing else runs yet, and a promise round trip per file cost the main thread
  // ten times the stat itself (4,312 files: 120-150 ms against 10-20 ms of CPU)
  for (const path of listing.inputs) {
    const info = statOrNull(inputPath(options.corpusDir, listing, path))
    bytesTotal += info?.size ?? 0
    if (info !== null) listed.set(path, {size: info.size, mtimeMs: info.mtimeMs})
    fingerprint.update(`${path}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`)
  }
  // a resume must continue the same run: same lede, pipeline, options and the same input files
  const key = {
    version: VERSION,
    pipeline: options.pipeline.name,
    stages: [...options.pipeline.stages, ...options.pipeline.corpusStages].map((s) => s.name),
    options: options.options ?? {},
    corpus: await realpath(options.corpusDir),
    inputs: fingerprint.digest('hex'),
  }
  // the key is hashed exactly as before, so a run staged by an earlier lede of the same version still resumes
  const runKey = createHash('sha256').update(JSON.stringify(key)).digest('hex')
  return {listing, bytesTotal, listed, runKey, run: {...key, inputs: {files: listing.inputs.length, bytes: bytesTotal, fingerprint: key.inputs}}}
}

/**
 * Refuses a `--resume` whose staged run is another run, before anything of the run starts and before the staged
 * files are touched: the message names what differs (lede's version, pipeline, an option, the corpus folder, the
 * corpus's files) and what to do. Nothing staged, or a checkpoint of the same run: returns.
 */
export async function checkResume(outDir: string, prepared: PreparedRun): Promise<void> {
  const staged = await readStagedRun(outDir)
  if (staged === 'none' || staged.runKey === prepared.runKey) return
  const start = `cannot resume the run staged in "${staged.staging}"`
  const over = 'To start over instead (the staged part is then discarded): the same command without --resume.'
  if (!staged.run) throw new ResumeError(`${start}: it was started with another corpus, pipeline, options or lede version (or the corpus changed since). Nothing was changed. ${over}`)
  const then = staged.run as Partial<RunDescription>
  const now = prepared.run
  // what differs, and what would make the command match the staged run again (when only options differ)
  const differences: string[] = []
  const fixes: string[] = []
  if (then.version !== now.version) differences.push(`it was made by lede ${String(then.version)} (this is lede ${now.version})`)
  if (then.pipeline !== now.pipeline) {
    differences.push(`it used --pipeline ${String(then.pipeline)} (now ${now.pipeline})`)
    fixes.push(`--pipeline ${String(then.pipeline)}`)
  }
  const before = then.options ?? {}
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(now.options)])].sort()) {
    if (JSON.stringify(before[name]) === JSON.stringify(now.options[name])) continue
    const [was, is] = [describeOption(name, before[name]), describeOption(name, now.options[name])]
    differences.push(`it used ${was.text} (now ${is.text})`)
    fixes.push(was.fix)
  }
  // stages follow from the pipeline and its options; they differ alone only between two builds of one version
  if (differences.length === 0 && JSON.stringify(then.stages) !== JSON.stringify(now.stages)) differences.push(`it ran the stages ${(then.stages ?? []).join(', ')} (now ${now.stages.join(', ')})`)
  const sameCorpus = then.corpus === now.corpus && then.inputs?.fingerprint === now.inputs.fingerprint
  if (then.corpus !== now.corpus) differences.push(`it read the corpus folder "${String(then.corpus)}" (now "${now.corpus}")`)
  else if (then.inputs?.fingerprint !== now.inputs.fingerprint) {
    const size = (inputs: {files: number; bytes: number}) => `${inputs.files} input files of ${inputs.bytes} bytes`
    const same = then.inputs && then.inputs.files === now.inputs.files && then.inputs.bytes === now.inputs.bytes
    differences.push(
      `the corpus changed since it was staged (${then.inputs ? size(then.inputs) : 'unknown'} then, ${size(now.inputs)} now${same ? ': a file was replaced, renamed or touched' : ''}), so its records no longer match the corpus`,
    )
  }
  if (differences.length === 0) differences.push('it was started with other settings')
  // options to give again, and options to leave out ("the same command with (without --no-link) and --resume" read as a riddle)
  const adds = fixes.filter((fix) => !fix.startsWith('without '))
  const drops = fixes.filter((fix) => fix.startsWith('without ')).map((fix) => fix.slice('without '.length))
  const continued = `with ${adds.length > 0 ? `${adds.join(' ')} and ` : ''}--resume${drops.length > 0 ? `, without ${drops.join(' and ')}` : ''}`
  const todo = fixes.length > 0 && then.version === now.version && sameCorpus ? `To continue it: the same command ${continued}. ` : ''
  throw new ResumeError(`${start}: ${differences.join('; ')}. Nothing was changed. ${todo}${over}`)
}

// a pipeline option's value as the command line spells it, and how to ask for that value again, for messages
function describeOption(name: string, value: unknown): {text: string; fix: string} {
  if (name === 'defaultDollar') {
    const code = value === undefined ? 'USD' : String(value)
    return {text: `--default-dollar ${code}`, fix: `--default-dollar ${code}`}
  }
  if (name === 'encoding') return value === undefined ? {text: 'no --encoding', fix: 'without --encoding'} : {text: `--encoding ${String(value)}`, fix: `--encoding ${String(value)}`}
  if (name === 'textField') return value === undefined ? {text: 'no --text-field', fix: 'without --text-field'} : {text: `--text-field ${String(value)}`, fix: `--text-field ${String(value)}`}
  if (name === 'wireBylineInText') return value === false ? {text: '--no-wire-byline', fix: '--no-wire-byline'} : {text: 'SGML bylines in the text', fix: 'without --no-wire-byline'}
  if (name === 'link') return value === false ? {text: '--no-link', fix: '--no-link'} : {text: 'linking', fix: 'without --no-link'}
  if (name === 'layers') {
    const layers = Array.isArray(value) ? value.join(',') : ''
    return layers ? {text: `--layers ${layers}`, fix: `--layers ${layers}`} : {text: 'no --layers', fix: 'without --layers'}
  }
  return {text: `option ${name} ${JSON.stringify(value)}`, fix: `(${name} ${JSON.stringify(value)})`}
}

async function runWith(options: RunOptions, executor: Executor, close: () => Promise<void>, started: number): Promise<RunResult> {
  const warn = options.onWarning ?? (() => {})
  const lock = options.lock ?? (await claimOutput(options.corpusDir, options.outDir, warn))
  try {
    const prepared = options.prepared ?? (await prepareRun(options))
    trace('run-prepared')
    const {listing, bytesTotal, runKey, run} = prepared
    if (options.resume === true) await checkResume(options.outDir, prepared)
    // the token layer's file exists only when a stage computes it
    const optional = options.pipeline.stages.some((s) => s.assigns.includes('tags')) ? (['tokens'] as const) : []
    const out = await openOutput(options.outDir, {runKey, run, resume: options.resume === true, warn, optional})
    trace('output-opened')
    return await runLocked(options, executor, close, started, out, listing, bytesTotal, prepared.listed)
  } finally {
    await lock.release()
  }
}

async function runLocked(options: RunOptions, executor: Executor, close: () => Promise<void>, started: number, out: OutputWriter, listing: CorpusListing, bytesTotal: number, listed: ReadonlyMap<string, FileState>): Promise<RunResult> {
  const batchSize = options.batchSize ?? 1
  const inFlight = options.concurrency ?? Math.max(4, 2 * (options.workers ?? 1))
  // results finished ahead of the next one to write wait in memory; this caps them however slow one document is
  const maxAhead = Math.max(64, 4 * batchSize * inFlight)
  const resumed = out.resumed as RunState | null
  const state: RunState = resumed
    ? {...resumed, timings: {...resumed.timings}}
    : {items: 0, documents: 0, rejected: 0, failedDocuments: 0, bytesDone: 0, timings: {}}
  const timings = new Map<string, number>(Object.entries(state.timings))
  for (const stage of options.pipeline.stages) if (!timings.has(stage.name)) timings.set(stage.name, 0)
  const corpusStages = options.pipeline.corpusStages
  const corpusRuns = corpusStages.map((stage) => stage.start())
  const addSummaries = (summaries: readonly unknown[]) => {
    for (const [i, stage] of corpusStages.entries()) {
      const adding = performance.now()
      corpusRuns[i]!.add(summaries[i])
      addTime(timings, stage.name, adding)
    }
  }
  // a resumed run's corpus stages see the staged documents' summaries again, in the same order, so entity ids come out identical
  if (resumed) for await (const summaries of out.stagedSummaries()) addSummaries(summaries)
  const snapshot = (): RunState => ({...state, timings: Object.fromEntries(timings), ...(state.splitFiles ? {splitFiles: structuredClone(state.splitFiles)} : {}), ...(state.charsets ? {charsets: {...state.charsets}} : {}), ...(state.charsetChoices ? {charsetChoices: {...state.charsetChoices}} : {})})
  const checkpointMs = options.checkpointMs ?? 1000
  // a checkpoint from the start: a run killed at any moment can be resumed
  if (!resumed) await out.checkpoint(snapshot())
  let lastCheckpoint = performance.now()
  trace('first-checkpoint')

  // writing: strictly in input order, counting what is written, so a checkpoint describes exactly the staged files
  const write = async (item: Result) => {
    if (item.file !== undefined) {
      const counts = ((state.splitFiles ??= {})[item.file] ??= {documents: 0, rejected: 0})
      if (item.kind === 'error') counts.rejected++
      else counts.documents++
    }
    if (item.kind === 'error') {
      await out.writeError(item.error)
      state.rejected++
    } else {
      const {lines, failed, summaries, summaryLine} = item.result
      state.documents++
      if (item.charset !== undefined) (state.charsets ??= {})[item.charset] = (state.charsets[item.charset] ?? 0) + 1
      if (item.charsetBy !== undefined) (state.charsetChoices ??= {})[item.charsetBy] = (state.charsetChoices[item.charsetBy] ?? 0) + 1
      if (failed) state.failedDocuments++
      if (summaries) addSummaries(summaries)
      const writingStarted = performance.now()
      if ('bytes' in lines) await out.writeDoc(lines, corpusStages.length > 0 && summaries !== null)
      else await out.writeDoc(lines, corpusStages.length > 0 ? summaryLine : null)
      addTime(timings, 'write', writingStarted)
    }
    state.items++
    state.bytesDone += item.bytes
    if (performance.now() - lastCheckpoint >= checkpointMs) {
      await out.checkpoint(snapshot())
      lastCheckpoint = performance.now()
    }
  }

  const pending = new Map<number, Result>()
  let nextToWrite = state.items
  let writing: Promise<void> = Promise.resolve()
  let wroteSome: () => void = () => {}
  let bytesDone = state.bytesDone
  const bytesAtStart = state.bytesDone
  let done = state.items
  // rejected inputs count apart, so the progress line's documents are the summary's and the manifest's
  let rejected = state.rejected
  const report = () =>
    options.onProgress?.({documents: done - rejected, rejected, bytesDone, bytesTotal, elapsedMs: performance.now() - started, workers: executor.workersAlive(), bytesAtStart})
  const flush = () => {
    writing = writing.then(async () => {
      try {
        while (!out.broken && pending.has(nextToWrite)) {
          const item = pending.get(nextToWrite)!
          pending.delete(nextToWrite)
          nextToWrite++
          await write(item)
        }
      } catch (error) {
        // a write that failed (disk full) ends the run: it rejected a p-queue task before, which crashed the process
        // with a stack trace and exit 1; the last checkpoint is what a resume continues from
        fatal ??= error as Error
      }
      wroteSome()
    })
    return writing
  }
  const ahead = async (seq: number) => {
    while (seq - nextToWrite >= maxAhead && !fatal) await new Promise<void>((resolve) => (wroteSome = resolve))
  }
  let fatal: Error | null = null

  // loaded here, once the threads exist, not with the CLI before they may start (docs/scale.md, tail)
  const {default: PQueue} = await import('p-queue')
  const queue = new PQueue({concurrency: inFlight})
  let batchesSent = 0
  const submit = (batch: Array<{seq: number; doc: Doc; bytes: number; file?: string; charset?: string; charsetBy?: string}>) => {
    // p-queue tasks must never reject: a failing executor turns into error records for its documents
    void queue.add(async () => {
      let results: DocResult[]
      try {
        if (fatal) return
        const first = batchesSent++ === 0
        if (first) trace('first-batch-sent')
        results = await executor.run(batch.map((b) => b.doc))
        if (first) trace('first-batch-returned')
      } catch (error) {
        try {
          if (isFatal(error)) throw error
          // the batch's documents are processed again one by one, so that one document the worker cannot process (one
          // too long for a worker's memory: a whole archive in one file) costs only its own records, not its batch's
          results = batch.length === 1 ? [workerFailed(batch[0]!.doc, error)] : await runAlone(executor, batch.map((b) => b.doc))
        } catch (stopped) {
          // the executor can process nothing more (Redis lost, no worker): the run stops, its written part staged
          fatal ??= stopped as Error
          wroteSome()
          return
        }
      }
      for (const [i, {seq, bytes, file, charset, charsetBy}] of batch.entries()) {
        const result = results[i]!
        for (const [name, ms] of Object.entries(result.timings)) timings.set(name, (timings.get(name) ?? 0) + ms)
        bytesDone += bytes
        traceMemory('main', done, ++done, undefined, collectNow)
        pending.set(seq, {kind: 'doc', result, bytes, ...(file !== undefined ? {file} : {}), ...(charset !== undefined ? {charset} : {}), ...(charsetBy !== undefined ? {charsetBy} : {})})
      }
      report()
      await flush()
    })
  }

  let sequence = 0
  let docBytesRead = 0
  let batch: Array<{seq: number; doc: Doc; bytes: number; file?: string; charset?: string; charsetBy?: string}> = []
  const signal = options.signal
  for await (const item of readCorpus(options.corpusDir, listing, {listed, ...(options.encoding !== undefined ? {encoding: options.encoding} : {}), ...(options.wireBylineInText === false ? {wireBylineInText: false} : {}), ...(options.textField !== undefined ? {textField: options.textField} : {})})) {
    const seq = sequence++
    // inputs written before the interruption are read again only to keep ids (and their -2 suffixes) the same
    if (seq < state.items) continue
    if (signal?.aborted || fatal) break
    if (item.kind === 'error') {
      pending.set(seq, {kind: 'error', error: item.error, bytes: item.bytes, ...(item.file !== undefined ? {file: item.file} : {})})
      bytesDone += item.bytes
      done++
      rejected++
      // reported too, so the last progress line counts a rejected input read after the last document finished
      report()
      continue
    }
    // the rate counts what this process read as documents: a file refused unread (too large) or as not text is no throughput
    docBytesRead += item.bytes
    batch.push({seq, doc: item.doc, bytes: item.bytes, ...(item.file !== undefined ? {file: item.file} : {}), ...(item.charset !== undefined ? {charset: item.charset} : {}), ...(item.charsetBy !== undefined ? {charsetBy: item.charsetBy} : {})})
    if (batch.length >= batchSize) {
      submit(batch)
      batch = []
      // bounded look-ahead keeps memory flat however large the corpus
      await queue.onSizeLessThan(inFlight)
      await ahead(seq)
    }
  }
  if (batch.length > 0 && !fatal) submit(batch)
  await queue.onIdle()
  trace('last-result')
  // no batch is sent after this: the executor closes beside the corpus stages' finish and the commit (a close that
  // fails is reported where runCorpus awaits it, as before)
  void close().catch(() => {})
  await flush()
  trace('last-written')
  // set by the queue's tasks, which TypeScript does not follow
  const failure = fatal as Error | null
  // the written part stays staged, and the message says how much and that --resume continues it
  const stop = async (failure: Error): Promise<never> => {
    await out.suspend(snapshot())
    // after a failed write the staged part ends at the last checkpoint, which may be a little behind what was written
    const staged = (out.broken ? out.checkpointed : state) as Partial<RunState> | null
    const what = `the records of ${staged?.items ?? 0} inputs (${staged?.documents ?? 0} documents) are staged in "${out.staging}"`
    failure.message += out.broken
      ? `; the run stopped: ${what} (up to its last checkpoint), and once there is room the same command with --resume continues the run`
      : `; ${what} and the same command with --resume continues the run`
    throw failure
  }
  if (failure) await stop(failure)
  // a staged write that fails after the documents (the final flush in commit, an error record: a disk filling up at
  // the very end) stops the run the same way; it said only "cannot write to ...: ENOSPC", with no word of --resume
  const stopOnWrite = async (error: unknown): Promise<never> => {
    if (error instanceof Error && error === out.broken) await stop(error)
    throw error
  }
  if (signal?.aborted) {
    await out.suspend(snapshot())
    throw new RunInterrupted(state.items, state.documents, out.staging)
  }

  // corpus stages finish once every document has been added
  const finish: CloseOptions = {extraFiles: {}, extraText: {}}
  const idMaps: Array<ReadonlyMap<string, string>> = []
  const labelMaps: Array<NonNullable<CorpusResult['labels']>> = []
  const extraCounts: Record<string, number> = {}
  // a folder that could not be read held inputs that were never read: an error, so the run does not exit 0 as if every
  // input was processed (written here, once, after the documents: a resumed run's staged errors end where it stopped)
  for (const path of listing.unreadable ?? []) {
    const why = (listing.reasons[path] ?? '').replace(/^folder cannot be read: /, '')
    await out.writeError({source: path, docId: null, stage: 'ingest', code: 'ingest:unreadable-folder', message: `folder cannot be read${why ? ` (${why})` : ''}: the files in it were not read`}).catch(stopOnWrite)
  }
  trace('finish-start')
  for (const [i, stage] of corpusStages.entries()) {
    const finishing = performance.now()
    const result: CorpusResult = corpusRuns[i]!.finish()
    if (result.entityIds && result.entityIds.size > 0) idMaps.push(result.entityIds)
    if (result.labels && result.labels.size > 0) labelMaps.push(result.labels)
    for (const [file, records] of Object.entries(result.files ?? {})) {
      finish.extraFiles![file] = [...records]
      extraCounts[file] = records.length
    }
    for (const error of result.errors ?? []) await out.writeError(error).catch(stopOnWrite)
    for (const [file, {schema, records}] of Object.entries(result.recordFiles ?? {})) {
      const rejected: ErrorRecord[] = []
      const {text, count} = checkRecords(schema, records, (record, error) => {
        rejected.push({source: file, docId: null, stage: stage.name, code: `${stage.name}:invalid-record`, message: `${error.message}; record: ${JSON.stringify(record)}`})
      })
      finish.extraText![file] = text
      extraCounts[file] = count
      for (const error of rejected) await out.writeError(error).catch(stopOnWrite)
    }
    addTime(timings, stage.name, finishing)
    trace(`finished-${stage.name}`)
  }
  if (idMaps.length > 0 || labelMaps.length > 0) {
    // final ids replace provisional ones while the staged files are moved into place; unchanged lines are copied as they are
    const remap = (id: string) => idMaps.reduce((value, map) => map.get(value) ?? value, id)
    // an id none of the maps has a key for stays as it is: the splice leaves those lines' ids undecoded
    const changes = new Set(idMaps.flatMap((map) => [...map.keys()]))
    // a label the corpus decided for a few documents' mentions replaces the entity's label and provisional id first
    // (quote speakers carry the id alone); only those documents' lines are read as strings
    const relabelled = {has: (docId: string) => labelMaps.some((labels) => labels.has(docId))}
    const relabel = (withLabel: boolean) => (line: string): string => {
      const docId = readJsonField(line, 'docId')
      if (docId === undefined) return line
      for (const labels of labelMaps) {
        const changes = labels.get(docId)
        if (!changes) continue
        const found: {next?: {label: string; entityId: string}} = {}
        line = replaceJsonField(line, 'entityId', (id) => (found.next = changes.get(id))?.entityId ?? id)
        if (found.next && withLabel) line = replaceJsonField(line, 'label', () => found.next!.label)
      }
      return line
    }
    const lines = (withLabel: boolean) => (labelMaps.length > 0 ? {lines: {docIds: relabelled, rewrite: relabel(withLabel)}} : {})
    finish.rewrite = {
      // entity records carry one entityId; quote records one, inside speaker (null when unresolved)
      entities: {field: 'entityId', replace: remap, changes, ...lines(true)},
      quotes: {field: 'entityId', replace: remap, changes, ...lines(false)},
    }
  }
  const totalMs = performance.now() - started
  const round = (n: number) => Math.round(n * 100) / 100
  const entityIndex = extraCounts['entities-index.jsonl']
  const manifest: Manifest = Manifest.parse({
    tool: 'lede',
    version: VERSION,
    complete: true,
    pipeline: options.pipeline.name,
    stages: [...options.pipeline.stages, ...corpusStages].map((s) => s.name),
    options: options.options ?? {},
    corpus: options.corpusDir,
    inputs: {
      files: listing.inputs.length,
      bytes: bytesTotal,
      documents: state.documents,
      rejected: state.rejected,
      skippedFiles: listing.skipped,
      skipped: listing.skipped.map((path) => ({path, reason: listing.reasons[path] ?? ''})),
      splitFiles: Object.entries(state.splitFiles ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, counts]) => ({path, ...counts})),
      // sorted by name, so the same corpus gives the same manifest whatever order the documents were counted in
      charsets: Object.fromEntries(Object.entries(state.charsets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      charsetChoices: Object.fromEntries(Object.entries(state.charsetChoices ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
    outputs: {
      articles: out.counts.articles,
      entities: out.counts.entities,
      quotes: out.counts.quotes,
      money: out.counts.money,
      ...(entityIndex !== undefined ? {entityIndex} : {}),
    },
    errors: out.counts.errors,
    failedDocuments: state.failedDocuments,
    ...(resumed ? {resumedAfter: resumed.items} : {}),
    timings: {
      totalMs: round(totalMs),
      stagesMs: Object.fromEntries([...timings].map(([name, ms]) => [name, round(ms)])),
      megabytesPerSecond: round(docBytesRead / 1e6 / (totalMs / 1000)),
    },
  })
  trace('commit-start')
  await out.commit(manifest, finish).catch(stopOnWrite)
  trace('commit-end')
  return {manifest, exitCode: out.counts.errors > 0 ? 1 : 0}
}

// an executor error that ends the run rather than one batch (RedisError: Redis lost, no worker for too long)
function isFatal(error: unknown): boolean {
  return error instanceof Error && (error as Error & {fatal?: unknown}).fatal === true
}

// each document of a failed batch in a batch of its own, in order; a document that fails alone gets the error record
async function runAlone(executor: Executor, docs: Doc[]): Promise<DocResult[]> {
  const results: DocResult[] = []
  for (const doc of docs) {
    try {
      results.push((await executor.run([doc]))[0]!)
    } catch (error) {
      if (isFatal(error)) throw error
      results.push(workerFailed(doc, error))
    }
  }
  return results
}

// the error record of a document whose worker failed; running out of memory says what to do about it
function workerFailed(doc: Doc, error: unknown): DocResult {
  const reason = error instanceof Error ? error.message : String(error)
  const memory = /out of memory|memory limit/i.test(reason)
    ? ` (its text is ${(doc.text.length / 1e6).toFixed(1)} million characters, and a document needs about 100 bytes of memory per character while it is processed; ` +
      `NODE_OPTIONS=--max-old-space-size=<MB> raises the limit, which is per thread)`
    : ''
  return failedResult(doc, 'run:worker-failed', `the worker processing this document failed: ${reason}${memory}`)
}

function statOrNull(path: FsPath): Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

function addTime(timings: Map<string, number>, name: string, since: number): void {
  timings.set(name, (timings.get(name) ?? 0) + performance.now() - since)
}
