/**
 * Distributed mode on BullMQ (Redis): `lede run --redis` enqueues the corpus as batches of ingested documents
 * and waits for their results; `lede worker --redis` processes batches on worker threads, on any number of
 * machines. Jobs carry the documents' text (see docs/scale.md for why), results are plain data returned
 * through Redis, and a worker that dies mid-batch loses nothing: its lock expires, BullMQ's stalled-job
 * check puts the batch back in the queue, and another worker processes it again to the same result.
 */
import {createHash, randomUUID} from 'node:crypto'
import type {EventEmitter} from 'node:events'
import {readFileSync} from 'node:fs'
import {Job, Queue, QueueEvents, UnrecoverableError, Worker} from 'bullmq'
import {Redis} from 'ioredis'
import type {Doc} from '../doc.ts'
import {createThreadPool, type Executor, type PipelineSpec, type WorkerTask} from './executor.ts'
import {checkRedis, RedisError, type CheckedRedis} from './redis-check.ts'
import {redactRedisUrl} from './redis-url.ts'
import type {DocResult} from './process-doc.ts'
import {MODEL_URL} from '../ner/model-file.ts'
import {VERSION} from '../version.ts'
import {createOutageLog} from './outage-log.ts'
import {codeHash} from './code-identity.ts'

/**
 * What a batch's records depend on besides its documents and pipeline spec: lede's version, its code (see
 * {@link codeHash}: sources, data files and installed dependencies, which change between commits of one version) and its
 * NER model (the first 12 hex digits of the model file's SHA-256). A run and a worker must agree on it, or the output
 * would mix two ledes' records.
 */
export function ledeIdentity(): string {
  let model = 'missing'
  try {
    model = createHash('sha256').update(readFileSync(MODEL_URL)).digest('hex').slice(0, 12)
  } catch {}
  return `lede ${VERSION} (code ${codeHash()}, model ${model})`
}

/** What differs between two {@link ledeIdentity} strings, in words ('the version', 'the code and the model'), or null when that cannot be told. */
export function identityDifference(a: string, b: string): string | null {
  const parse = (s: string) => /^lede (\S+) \((?:code (\w+), )?model (\w+)\)$/.exec(s)
  const x = parse(a)
  const y = parse(b)
  if (x === null || y === null) return null
  const parts = [x[1] !== y[1] && 'the version', x[2] !== y[2] && 'the code (sources, data files or installed packages: another commit, a local edit or another npm install)', x[3] !== y[3] && 'the NER model'].filter((p): p is string => p !== false)
  return parts.length === 0 ? null : parts.join(' and ')
}

/** What a worker returns for a batch: who processed it, and the results, or null when it did not process it. */
interface JobResult {
  /** the worker's {@link ledeIdentity} */
  lede: string
  /** null: skipped (the run is gone) or refused (the run is another lede's) */
  results: DocResult[] | null
}

/** The queue `lede run --redis` and `lede worker` use unless told otherwise. */
export const DEFAULT_QUEUE = 'lede'

export {checkRedis, RedisError, type CheckedRedis} from './redis-check.ts'

function connect(url: string): Redis {
  // BullMQ needs commands to wait through reconnections rather than fail after a few retries
  const client = new Redis(url, {maxRetriesPerRequest: null})
  client.on('error', () => {})
  return client
}

// `ready`, or the error `timeout` makes when it has not settled within `ms`: BullMQ's connections wait through
// reconnections for ever, so a Redis gone between the start-up check and the first commands would hang start-up
async function readyWithin<T>(ready: Promise<T>, ms: number, timeout: () => Error): Promise<T> {
  ready.catch(() => {})
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([ready, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeout()), ms)))])
  } finally {
    clearTimeout(timer)
  }
}

// the message for a Redis that answered the start-up check and then stopped answering before the first commands
function goneSinceCheck(shown: string, ms: number, reason: string): RedisError {
  return new RedisError(`cannot reach Redis at ${shown}: ${reason} (no answer for ${Math.round(ms / 1000)} s after the start-up check; is redis-server still running there?)`)
}

/** Options of the coordinator side (`lede run --redis`). */
export interface RedisRunOptions {
  url: string
  /** what checkRedis(url) found just before (the CLI checks before it makes the output folder): no second probe */
  checked?: CheckedRedis
  spec: PipelineSpec
  queue?: string
  /** attempts per batch before its documents are reported as failed (default 3) */
  attempts?: number
  /** told when no worker has been connected for 5 s, then every minute while none is */
  onNotice?: (message: string) => void
  /** stop the run when no worker has been connected for this long (ms, default 600000; 0 waits for ever) */
  workerTimeoutMs?: number
  /** stop the run when Redis has been unreachable for this long (ms, default 30000), at start-up too */
  redisTimeoutMs?: number
  /** how long the run's liveness key outlives its last renewal (ms, default 15000; renewed every second) */
  aliveMs?: number
  /** this lede as workers must match it (default {@link ledeIdentity}; tests set another) */
  identity?: string
}

/** How long a run waits with no worker connected, unless told otherwise (`--worker-timeout`). */
export const DEFAULT_WORKER_TIMEOUT_MS = 600_000
/** How long a run waits for a lost Redis, unless told otherwise (`--redis-timeout`). */
export const DEFAULT_REDIS_TIMEOUT_MS = 30_000

/**
 * How long a run's liveness key lasts after its last renewal (every second). A coordinator that dies (kill -9, a lost
 * machine) leaves its queued batches behind; once its key has expired, workers skip them instead of processing them
 * for nobody, and the next run on the queue removes them with their results.
 */
export const DEFAULT_ALIVE_MS = 15_000

/** How often a run checks that its jobs in flight are still in Redis (ms). */
const JOB_CHECK_MS = 3000

/** The key that says the run `runId` on queue `queue` is still waiting for its batches. */
function aliveKey(queue: string, runId: string): string {
  return `lede:${queue}:run:${runId}`
}

// job ids are `<run uuid>-<serial>` (createRedisExecutor)
const JOB_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-\d+$/

/**
 * Removes the batches (waiting, delayed, finished) that runs whose liveness key is gone left in the queue: a coordinator
 * killed before it read them. Batches of live runs, of this run, in a worker's hands, and jobs lede did not name, stay.
 */
async function removeLeftovers(queue: Queue, client: Redis, name: string, runId: string): Promise<number> {
  const ids = await queue.getRanges(['wait', 'paused', 'delayed', 'prioritized', 'completed', 'failed'], 0, -1)
  const live = new Map<string, boolean>()
  let removed = 0
  for (const id of ids) {
    const run = JOB_ID.exec(id)?.[1]
    if (run === undefined || run === runId) continue
    let alive = live.get(run)
    if (alive === undefined) live.set(run, (alive = (await client.exists(aliveKey(name, run))) === 1))
    if (!alive && (await queue.remove(id).catch(() => 0)) === 1) removed++
  }
  return removed
}

// the workers of the queue in this run's database: CLIENT LIST, which BullMQ reads, lists the clients of every database
// of the server, so a run on redis://host/3 counted a worker on database 0 (which never sees its batches) and waited
// for it for ever instead of saying that no worker was there
async function countWorkers(queue: Queue, connection: Redis): Promise<number> {
  const db = connection.options.db ?? 0
  const workers = (await queue.getWorkers()) as Array<{db?: string}>
  // a server without CLIENT LIST (a managed Redis) gives one entry without a database: counted, as BullMQ does
  return workers.filter((worker) => worker.db === undefined || Number(worker.db) === db).length
}

/** An executor that sends each batch to the Redis queue and waits for a worker's result. */
export async function createRedisExecutor(options: RedisRunOptions): Promise<Executor> {
  // a caller that has just checked this URL (the CLI) said what was wrong then; probing again costs a connection
  if (options.checked?.url !== options.url) await checkRedis(options.url)
  // the URL as messages show it (no password)
  const shown = redactRedisUrl(options.url)
  const name = options.queue ?? DEFAULT_QUEUE
  const workerTimeoutMs = options.workerTimeoutMs ?? DEFAULT_WORKER_TIMEOUT_MS
  const redisTimeoutMs = options.redisTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS
  const aliveMs = options.aliveMs ?? DEFAULT_ALIVE_MS
  const identity = options.identity ?? ledeIdentity()
  // job ids unique to this run: several runs may share a queue and its workers
  const runId = randomUUID()
  const alive = aliveKey(name, runId)
  const connection = connect(options.url)
  const queue = new Queue<WorkerTask, JobResult>(name, {connection})
  const eventsConnection = connect(options.url)
  const events = new QueueEvents(name, {connection: eventsConnection})
  queue.on('error', () => {})
  events.on('error', () => {})
  // BullMQ adds listeners per job waited on; the run engine bounds the jobs in flight, so no limit is needed here
  queue.setMaxListeners(0)
  events.setMaxListeners(0)
  let lastError = 'connection closed'
  for (const client of [connection, eventsConnection]) client.on('error', (error: Error) => (lastError = error.message || lastError))
  // renewed every second while Redis answers; re-made after a Redis restart
  const keepAlive = () => connection.set(alive, '1', 'PX', aliveMs).then(() => {}, () => {})
  let workers: number
  let leftovers = 0
  try {
    workers = await readyWithin(
      events.waitUntilReady().then(async () => {
        await keepAlive()
        leftovers = await removeLeftovers(queue, connection, name, runId).catch(() => 0)
        return countWorkers(queue, connection)
      }),
      redisTimeoutMs,
      () => goneSinceCheck(shown, redisTimeoutMs, lastError),
    )
  } catch (error) {
    eventsConnection.disconnect()
    connection.disconnect()
    void events.close().catch(() => {})
    void queue.close().catch(() => {})
    throw error
  }
  if (leftovers > 0) options.onNotice?.(`removed ${leftovers} batches from queue "${name}" that runs no longer there (killed before they read them) had left`)
  let batch = 0
  let noWorkerSince = workers === 0 ? Date.now() : null
  let toldAt = 0
  let waiting = 0
  // a lost Redis or no worker for too long ends the run: every batch waiting is rejected with the reason
  let failure: RedisError | null = null
  let rejectAll: (error: RedisError) => void = () => {}
  const failed = new Promise<never>((_, reject) => (rejectAll = reject))
  failed.catch(() => {})
  const fail = (message: string) => {
    if (failure) return
    failure = new RedisError(message)
    rejectAll(failure)
  }
  let downSince: number | null = null
  let polling = false
  // jobs added and not yet read: removed from the queue if the run ends without their results
  const unread = new Set<Job>()
  const seconds = (ms: number) => Math.round(ms / 1000)
  const poll = setInterval(() => {
    const now = Date.now()
    // commands wait through reconnections (BullMQ needs that), so a Redis that stays away is noticed here
    if (connection.status !== 'ready' || eventsConnection.status !== 'ready') {
      downSince ??= now
      if (now - downSince >= redisTimeoutMs) {
        fail(`lost Redis at ${shown} for ${seconds(now - downSince)} s (${lastError}) with ${waiting} batches in flight`)
      }
      return
    }
    downSince = null
    void keepAlive()
    if (polling) return
    if (now - lastCheck >= JOB_CHECK_MS && watched.size > 0) {
      lastCheck = now
      polling = true
      checkJobs()
        .catch(() => {})
        .finally(() => (polling = false))
      return
    }
    polling = true
    countWorkers(queue, connection)
      .then((n) => {
        workers = n
        const at = Date.now()
        if (n > 0) {
          noWorkerSince = null
          toldAt = 0
          return
        }
        noWorkerSince ??= at
        const idle = at - noWorkerSince
        if (workerTimeoutMs > 0 && idle >= workerTimeoutMs) {
          fail(`no worker has been connected to queue "${name}" at ${shown} for ${seconds(idle)} s (--worker-timeout ${seconds(workerTimeoutMs)}); start workers with: lede worker --redis ${shown}`)
          return
        }
        // once after 5 s, then every minute: a run waiting for workers never looks like a run that hangs
        if (idle >= 5000 && (toldAt === 0 || at - toldAt >= 60_000)) {
          toldAt = at
          const limit = workerTimeoutMs > 0 ? `; giving up after ${seconds(workerTimeoutMs)} s (--worker-timeout)` : '; waiting for ever (--worker-timeout 0)'
          options.onNotice?.(
            `no worker has been connected to queue "${name}" at ${shown} for ${seconds(idle)} s (${waiting} batches waiting); start one with: lede worker --redis ${shown}${limit}`,
          )
        }
      })
      .catch(() => {})
      .finally(() => (polling = false))
  }, 1000)
  poll.unref()
  // one job for the batch; null when a worker skipped it because this run's liveness key had expired
  // the jobs in flight, checked every few seconds: a Redis restarted without its data (no persistence) has lost them,
  // and waiting for their results hung the run for ever; a result whose event was missed is read from the job itself
  const watched = new Map<string, {settle: (outcome: JobResult | 'lost') => void; failed: (reason: string) => void}>()
  let lastCheck = Date.now()
  const checkJob = async (id: string) => {
    const state = await queue.getJobState(id)
    const waiter = watched.get(id)
    if (waiter === undefined) return
    if (state === 'unknown') waiter.settle('lost')
    else if (state === 'completed' || state === 'failed') {
      const job = await Job.fromId<WorkerTask, JobResult>(queue, id)
      if (!job) waiter.settle('lost')
      else if (state === 'completed') waiter.settle(job.returnvalue)
      else waiter.failed(job.failedReason)
    }
  }
  const checkJobs = async () => {
    for (const id of [...watched.keys()]) await checkJob(id)
  }
  // the outcome of job `id`: its result, 'lost' when Redis no longer has it, or a rejection with its failure reason.
  // Not BullMQ's job.waitUntilFinished: that checks the job's state inside an async Promise executor, where a command
  // that fails (the connections this run's close ends after a refused batch, or a Redis going away) is an unhandled
  // rejection, and Node ends the process with exit 1 and a stack trace instead of the run's exit 3 and message.
  // QueueEvents also emits `completed:<job id>` and `failed:<job id>` (what waitUntilFinished listens to); its typings list only the general events
  const jobEvents = events as unknown as EventEmitter
  const outcomeOf = (id: string): Promise<JobResult | 'lost'> =>
    new Promise<JobResult | 'lost'>((resolve, reject) => {
      const completed = (args: {returnvalue: JobResult}) => done(() => resolve(args.returnvalue))
      const failedEvent = (args: {failedReason: string}) => done(() => reject(new Error(args.failedReason)))
      const done = (then: () => void) => {
        jobEvents.off(`completed:${id}`, completed)
        jobEvents.off(`failed:${id}`, failedEvent)
        watched.delete(id)
        then()
      }
      jobEvents.on(`completed:${id}`, completed)
      jobEvents.on(`failed:${id}`, failedEvent)
      watched.set(id, {settle: (outcome) => done(() => resolve(outcome)), failed: (reason) => done(() => reject(new Error(reason)))})
      // the job may have finished before the listeners were on: looked at once now (a failed look is left to the poll)
      checkJob(id).catch(() => {})
    })
  const attempt = async (docs: Doc[]): Promise<DocResult[] | null> => {
    let job: Job<WorkerTask, JobResult> | null = null
    try {
      const processed = (async () => {
        job = await queue.add(
          'batch',
          {spec: options.spec, docs, alive, lede: identity},
          {jobId: `${runId}-${batch++}`, attempts: options.attempts ?? 3, backoff: {type: 'fixed', delay: 1000}, removeOnComplete: false, removeOnFail: false},
        )
        unread.add(job)
        const done: JobResult | DocResult[] | null | 'lost' = await outcomeOf(job.id!)
        // the job is gone from Redis (a restart without its data): sent again
        if (done === 'lost') return null
        // another lede's records must not enter this run's output: the run stops (staged, --resume continues it)
        const other = done !== null && !Array.isArray(done) && typeof done === 'object' && typeof done.lede === 'string' ? done.lede : 'an earlier lede (one that does not say its version)'
        if (other !== identity) {
          const differs = identityDifference(other, identity)
          fail(
            `a worker of ${other} took a batch of this run, which is ${identity}${differs === null ? '' : ` (${differs} differ${differs.includes(' and ') ? '' : 's'})`}: its records would differ, so none were used. ` +
              `Stop the workers of other versions or builds on queue "${name}" (or give this run a queue of its own with --queue) and start workers of this lede`,
          )
          throw failure!
        }
        return (done as JobResult).results
      })()
      processed.catch(() => {})
      return await Promise.race([processed, failed])
    } finally {
      // results have been read; nothing of the run is left in Redis
      if (job && !failure) {
        unread.delete(job)
        // raced with the run's failure: a Redis killed just as a result arrived leaves this command queued for a
        // reconnection that never comes, and awaiting it alone would hold the run open for ever
        await Promise.race([(job as Job).remove().catch(() => {}), failed.catch(() => {})])
      }
    }
  }
  return {
    async run(docs: Doc[]) {
      if (failure) throw failure
      waiting++
      try {
        for (;;) {
          const results = await attempt(docs)
          if (results !== null) return results
          // skipped: this thread did not renew the key in time (blocked, or Redis restarted without it); renew, send again
          await keepAlive()
        }
      } finally {
        waiting--
      }
    },
    workersAlive: () => workers,
    async close() {
      clearInterval(poll)
      if (failure) {
        // no worker came: the run's batches leave the queue, so a worker starting later does not process them for nobody
        if (connection.status === 'ready') {
          const removing = Promise.all([connection.del(alive).catch(() => 0), ...[...unread].map((job) => job.remove().catch(() => {}))])
          await Promise.race([removing, new Promise((resolve) => setTimeout(resolve, 5000).unref())])
        }
        // Redis is gone or nobody works: closing politely would wait for it
        eventsConnection.disconnect()
        connection.disconnect()
        void events.close().catch(() => {})
        void queue.close().catch(() => {})
        return
      }
      await connection.del(alive).catch(() => 0)
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
  /** what checkRedis(url) found just before (the CLI checks first): no second probe */
  checked?: CheckedRedis
  /** give up (RedisError) when Redis does not answer for this long while the worker connects (ms, default 30000) */
  redisTimeoutMs?: number
  /** batches processed at once, each on its own thread (default 1) */
  concurrency?: number
  queue?: string
  /** how long a worker may go silent before its batch is given to another (ms, default 30000) */
  lockDuration?: number
  /** this lede as runs must match it (default {@link ledeIdentity}; tests set another) */
  identity?: string
  /** after the last batch in hand, how long a close waits for Redis to take its goodbye before ending the connections (ms, default 5000) */
  closeGraceMs?: number
  log?: (line: string) => void
}

/** A running worker: `closed` settles when it stops; `close()` stops it after the batches in hand. */
export interface RunningWorker {
  close(): Promise<void>
  closed: Promise<void>
  /** true once a close ended the connections itself because Redis did not answer: BullMQ's retry timers may then keep the process alive */
  readonly endedWithoutRedis: boolean
}

/** How long a closing worker waits, after its last batch, for Redis to take its connections' goodbye. */
export const DEFAULT_CLOSE_GRACE_MS = 5000

// true when `closing` settles; false when it has not settled closeGraceMs after idle() first holds (checked every 50 ms)
async function settlesAfterIdle(closing: Promise<unknown>, idle: () => boolean, graceMs: number): Promise<boolean> {
  let settled = false
  void closing.then(
    () => (settled = true),
    () => (settled = true),
  )
  let idleSince: number | undefined
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (settled) break
    if (!idle()) idleSince = undefined
    else if (idleSince === undefined) idleSince = Date.now()
    else if (Date.now() - idleSince >= graceMs) return false
  }
  return true
}

/** Connects to the queue and processes batches until closed. */
export async function startRedisWorker(options: RedisWorkerOptions): Promise<RunningWorker> {
  if (options.checked?.url !== options.url) await checkRedis(options.url)
  const redisTimeoutMs = options.redisTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS
  const concurrency = options.concurrency ?? 1
  const lockDuration = options.lockDuration ?? 30_000
  const name = options.queue ?? DEFAULT_QUEUE
  // batches run on worker threads, so this thread stays free to renew the job locks while they run
  const pool = createThreadPool(concurrency)
  const connection = connect(options.url)
  const identity = options.identity ?? ledeIdentity()
  // batches being processed now: a close waits for them, whatever Redis does
  let inHand = 0
  const worker = new Worker<WorkerTask, JobResult>(
    name,
    async (job) => {
      // a batch whose run is gone (its coordinator killed) would be processed for nobody: skipped, and removed by the next run
      if (job.data.alive !== undefined && (await connection.exists(job.data.alive)) === 0) {
        options.log?.(`batch ${job.id} skipped: the run that queued it is gone (its coordinator stopped renewing its key: killed, or its machine lost)`)
        return {lede: identity, results: null}
      }
      // a run of another lede (version or model) gets this worker's identity back instead of records that would differ
      if (job.data.lede !== identity) {
        const refusal = `batch ${job.id} refused: it comes from a run of ${job.data.lede ?? 'an earlier lede (one that does not say its version)'}, and this worker is ${identity}`
        options.log?.(refusal)
        // a run of an earlier lede reads only a list of results: it gets a failed batch (its documents become error records), not another lede's records
        if (job.data.lede === undefined) throw new UnrecoverableError(refusal)
        return {lede: identity, results: null}
      }
      options.log?.(`batch ${job.id} started (${job.data.docs.length} documents, attempt ${job.attemptsMade + 1})`)
      inHand++
      try {
        const results = await pool.run(job.data)
        options.log?.(`batch ${job.id} done`)
        return {lede: identity, results}
      } finally {
        inHand--
      }
    },
    // a stalled batch (its worker died) goes back to the queue however often that happens; results are idempotent
    {connection, concurrency, lockDuration, stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)), maxStalledCount: 100},
  )
  let lastError = 'connection closed'
  connection.on('error', (error: Error) => (lastError = error.message || lastError))
  // while Redis is down the client retries about every 2 s, each time an error: said once, then once a minute, then
  // one line when it is back, so the log keeps what happened rather than the same line thirty times a minute
  const outage = createOutageLog((line) => options.log?.(line))
  worker.on('error', (error) => outage.error(error.message))
  connection.on('ready', () => outage.ready())
  let blocking: {disconnect(): void} | undefined
  try {
    // waitUntilReady gives BullMQ's blocking client (its own duplicate of the connection), kept to end it on a close Redis does not answer
    blocking = await readyWithin(worker.waitUntilReady(), redisTimeoutMs, () => goneSinceCheck(redactRedisUrl(options.url), redisTimeoutMs, lastError))
  } catch (error) {
    connection.disconnect()
    void worker.close(true).catch(() => {})
    await pool.close()
    throw error
  }
  let resolveClosed: () => void = () => {}
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve))
  let closing: Promise<void> | null = null
  let endedWithoutRedis = false
  return {
    closed,
    get endedWithoutRedis() {
      return endedWithoutRedis
    },
    close() {
      closing ??= (async () => {
        const graceful = worker.close()
        graceful.catch(() => {})
        // BullMQ's close waits for the batches in hand and then for its connections to say goodbye; with Redis gone (or
        // its blocking client still reconnecting after an outage) that goodbye never comes (bullmq issue #4656), and a
        // worker told to stop would run for ever. So once no batch is in hand, the goodbye gets closeGraceMs; then the
        // clients are ended here. A batch cut off this way cannot happen: the wait for the batches in hand is unbounded.
        if (!(await settlesAfterIdle(graceful, () => inHand === 0, options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS))) {
          options.log?.(`Redis did not answer the close within ${Math.round((options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS) / 1000)} s of the last batch: connections ended without it (${lastError})`)
          blocking?.disconnect()
          endedWithoutRedis = true
        }
        await pool.close()
        connection.disconnect()
        resolveClosed()
      })()
      return closing
    },
  }
}
