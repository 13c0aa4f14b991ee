/**
 * Distributed mode on BullMQ (Redis): `lede run --redis` enqueues the corpus as batches of ingested documents
 * and waits for their results; `lede worker --redis` processes batches on worker threads, on any number of
 * machines. Jobs carry the documents' text (see docs/scale.md for why), results are plain data returned
 * through Redis, and a worker that dies mid-batch loses nothing: its lock expires, BullMQ's stalled-job
 * check puts the batch back in the queue, and another worker processes it again to the same result.
 */
import {randomUUID} from 'node:crypto'
import {Queue, QueueEvents, Worker, type Job} from 'bullmq'
import {Redis} from 'ioredis'
import type {Doc} from '../doc.ts'
import {createThreadPool, type Executor, type PipelineSpec, type WorkerTask} from './executor.ts'
import type {DocResult} from './process-doc.ts'

/** The queue `lede run --redis` and `lede worker` use unless told otherwise. */
export const DEFAULT_QUEUE = 'lede'

/** Raised when Redis cannot be reached or used; the CLI exits 3 with its message. */
export class RedisError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RedisError'
  }
}

/** Checks that Redis answers at `url`, failing fast (no retries) with a message that names the address. */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  let probe: Redis
  try {
    probe = new Redis(url, {lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false})
  } catch (error) {
    throw new RedisError(`cannot use Redis URL "${url}": ${(error as Error).message}`)
  }
  // the connection's own error (ECONNREFUSED, ENOTFOUND) says more than the rejected command's
  let cause: Error | null = null
  probe.on('error', (error: Error) => (cause ??= error))
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    const reason = (cause as Error | null)?.message ?? ((error as Error).message || String(error))
    throw new RedisError(`cannot reach Redis at ${url}: ${reason} (is redis-server running there? start one with: redis-server --port 6379)`)
  } finally {
    probe.disconnect()
  }
}

function connect(url: string): Redis {
  // BullMQ needs commands to wait through reconnections rather than fail after a few retries
  const client = new Redis(url, {maxRetriesPerRequest: null})
  client.on('error', () => {})
  return client
}

/** Options of the coordinator side (`lede run --redis`). */
export interface RedisRunOptions {
  url: string
  spec: PipelineSpec
  queue?: string
  /** attempts per batch before its documents are reported as failed (default 3) */
  attempts?: number
  /** told once when no worker has been connected for a while */
  onNotice?: (message: string) => void
}

/** An executor that sends each batch to the Redis queue and waits for a worker's result. */
export async function createRedisExecutor(options: RedisRunOptions): Promise<Executor> {
  await checkRedis(options.url)
  const name = options.queue ?? DEFAULT_QUEUE
  const connection = connect(options.url)
  const queue = new Queue<WorkerTask, DocResult[]>(name, {connection})
  const eventsConnection = connect(options.url)
  const events = new QueueEvents(name, {connection: eventsConnection})
  queue.on('error', () => {})
  events.on('error', () => {})
  // BullMQ adds listeners per job waited on; the run engine bounds the jobs in flight, so no limit is needed here
  queue.setMaxListeners(0)
  events.setMaxListeners(0)
  await events.waitUntilReady()
  // job ids unique to this run: several runs may share a queue and its workers
  const runId = randomUUID()
  let batch = 0
  let alive = await queue.getWorkersCount()
  let noWorkerSince = alive === 0 ? Date.now() : null
  let told = false
  const poll = setInterval(() => {
    queue
      .getWorkersCount()
      .then((n) => {
        alive = n
        if (n > 0) noWorkerSince = null
        else noWorkerSince ??= Date.now()
        if (noWorkerSince !== null && Date.now() - noWorkerSince > 5000 && !told) {
          told = true
          options.onNotice?.(`no worker is connected to queue "${name}" at ${options.url}; start one with: lede worker --redis ${options.url}`)
        }
      })
      .catch(() => {})
  }, 1000)
  poll.unref()
  return {
    async run(docs: Doc[]) {
      const job: Job<WorkerTask, DocResult[]> = await queue.add(
        'batch',
        {spec: options.spec, docs},
        {jobId: `${runId}-${batch++}`, attempts: options.attempts ?? 3, backoff: {type: 'fixed', delay: 1000}, removeOnComplete: false, removeOnFail: false},
      )
      try {
        return (await job.waitUntilFinished(events)) as DocResult[]
      } finally {
        // results have been read; nothing of the run is left in Redis
        await job.remove().catch(() => {})
      }
    },
    workersAlive: () => alive,
    async close() {
      clearInterval(poll)
      await events.close()
      await queue.close()
      // BullMQ leaves connections it was given open
      eventsConnection.disconnect()
      connection.disconnect()
    },
  }
}

/** Options of the worker side (`lede worker --redis`). */
export interface RedisWorkerOptions {
  url: string
  /** batches processed at once, each on its own thread (default 1) */
  concurrency?: number
  queue?: string
  /** how long a worker may go silent before its batch is given to another (ms, default 30000) */
  lockDuration?: number
  log?: (line: string) => void
}

/** A running worker: `closed` settles when it stops; `close()` stops it after the batches in hand. */
export interface RunningWorker {
  close(): Promise<void>
  closed: Promise<void>
}

/** Connects to the queue and processes batches until closed. */
export async function startRedisWorker(options: RedisWorkerOptions): Promise<RunningWorker> {
  await checkRedis(options.url)
  const concurrency = options.concurrency ?? 1
  const lockDuration = options.lockDuration ?? 30_000
  const name = options.queue ?? DEFAULT_QUEUE
  // batches run on worker threads, so this thread stays free to renew the job locks while they run
  const pool = createThreadPool(concurrency)
  const connection = connect(options.url)
  const worker = new Worker<WorkerTask, DocResult[]>(
    name,
    async (job) => {
      options.log?.(`batch ${job.id} started (${job.data.docs.length} documents, attempt ${job.attemptsMade + 1})`)
      const results = await pool.run(job.data)
      options.log?.(`batch ${job.id} done`)
      return results
    },
    // a stalled batch (its worker died) goes back to the queue however often that happens; results are idempotent
    {connection, concurrency, lockDuration, stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)), maxStalledCount: 100},
  )
  worker.on('error', (error) => options.log?.(`error: ${error.message}`))
  await worker.waitUntilReady()
  let resolveClosed: () => void = () => {}
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve))
  let closing: Promise<void> | null = null
  return {
    closed,
    close() {
      closing ??= (async () => {
        await worker.close()
        await pool.close()
        connection.disconnect()
        resolveClosed()
      })()
      return closing
    },
  }
}
