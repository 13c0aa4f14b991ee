/**
 * Where documents are processed: in this thread, or in a pool of worker threads (piscina). The run engine
 * hands an executor batches of ingested documents and gets their results back in the same order.
 */
import {Piscina} from 'piscina'
import type {Doc} from '../doc.ts'
import {shareCheckedFiles} from '../ner/checked-files.ts'
import {createSharedTypeMemory} from '../ner/shared-types.ts'
import {createBuiltTypeMemory} from '../ner/type-vectors.ts'
import type {Pipeline} from '../stage.ts'
import {processToResult, type DocResult} from './process-doc.ts'

/** How to build the same pipeline elsewhere (a worker thread, another machine): its name in PIPELINES and its options. */
export interface PipelineSpec {
  name: string
  options: Record<string, unknown>
}

/** Processes batches of documents; `run` never rejects for a bad document, only when the executor itself fails. */
export interface Executor {
  run(docs: Doc[]): Promise<DocResult[]>
  /** how many workers are processing (for progress displays) */
  workersAlive(): number
  /** documents per `run` call this executor works best with, when the run does not set a batch size (default 1) */
  readonly batchSize?: number
  close(): Promise<void>
}

/** Processes documents in the calling thread (`--workers 0`, tests, pipelines that cannot be rebuilt by name). */
export function createInlineExecutor(pipeline: Pipeline): Executor {
  return {
    async run(docs) {
      return docs.map((doc) => processToResult(pipeline, doc))
    },
    workersAlive: () => 1,
    async close() {},
  }
}

/** The task a worker thread receives. */
export interface WorkerTask {
  spec: PipelineSpec
  docs: Doc[]
  /** results' lines come back packed as bytes in one moved buffer (local worker threads; not for results that travel as JSON) */
  pack?: boolean
  /** Redis jobs: the key that exists while the run that queued the batch waits for it (a worker skips the batch when it is gone) */
  alive?: string
  /** Redis jobs: the lede (version and model) of the run that queued the batch; a worker of another refuses it */
  lede?: string
}

/** A pool of worker threads that process tasks for any pipeline spec (each thread builds a spec's pipeline once). */
export interface ThreadPool {
  run(task: WorkerTask): Promise<DocResult[]>
  readonly threads: number
  close(): Promise<void>
}

/** Defined (true) only in the compiled build (scripts/build.mjs). */
declare const __LEDE_BUNDLE__: boolean | undefined

/**
 * A worker thread runs the same code as the main thread: the compiled dist/worker.js when this module was loaded
 * from the build, else the sources through tsx (tests, a development checkout with a stale build).
 */
const WORKER_URL =
  typeof __LEDE_BUNDLE__ !== 'undefined' ? new URL('../../dist/worker.js', import.meta.url).href : new URL('./worker-entry.mjs', import.meta.url).href

/**
 * Starts `threads` worker threads (piscina). `tasksPerThread` tasks are handed to a thread at once (default 1): a
 * thread runs them one after the other, and the next one waits in the thread's message queue instead of in this thread.
 */
export function createThreadPool(threads: number, tasksPerThread = 1): ThreadPool {
  const pool = new Piscina<WorkerTask, DocResult[]>({
    filename: WORKER_URL,
    minThreads: threads,
    maxThreads: threads,
    // no maxQueue: the caller bounds what is in flight (p-queue in the run engine, BullMQ's concurrency in a worker)
    idleTimeout: 60_000,
    concurrentTasksPerWorker: tasksPerThread,
    // files this thread read and checked at start (the NER model, inflated): each thread's loader uses them as they are
    // and, with two threads or more, one table of the tagger's word-type vectors: a type one thread made, the others copy;
    // and memory for the build's vectors, read into it by the first thread that wants them (one copy for all)
    workerData: {checkedFiles: shareCheckedFiles(), sharedTypes: threads > 1 ? createSharedTypeMemory() : undefined, builtTypes: createBuiltTypeMemory()},
  })
  return {
    run: (task) => pool.run(task),
    get threads() {
      return pool.threads.length
    },
    close: () => pool.destroy(),
  }
}

/** Documents per message to a worker thread (a run's last batches finish a few documents apart, at most this many). */
const THREAD_BATCH = 8

/**
 * Batches handed to a worker thread at once. With one, a thread that finished a batch waited for this thread to take
 * its result and send the next batch (piscina kept the queue here), a round trip per batch on which the worker
 * thread idled, longer whenever this thread was busy reading, linking or writing, or waiting for a core. With two,
 * the next batch is already in the thread's message queue when it finishes one.
 */
const THREAD_TASKS = 2

/** Processes documents on `threads` worker threads, each building the pipeline once from its spec; the threads start loading at once. */
export function createThreadExecutor(spec: PipelineSpec, threads: number): Executor {
  const pool = createThreadPool(threads, THREAD_TASKS)
  return {
    run: (docs) => pool.run({spec, docs, pack: true}),
    // a few documents per message: one round trip per document cost the main thread more than its reading
    batchSize: THREAD_BATCH,
    workersAlive: () => pool.threads,
    close: () => pool.close(),
  }
}
