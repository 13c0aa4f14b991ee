/**
 * The run's timeline for measuring start-up and tail (docs/scale.md): with LEDE_TRACE=<file>, each mark appends one
 * line to the file: wall time in ms since the epoch, thread id, this thread's CPU ms, the process's CPU ms, the mark's
 * name. bin/lede.js writes the first marks (process start, modules loaded) in the same format. Without it: nothing.
 */
import {appendFileSync, readFileSync} from 'node:fs'
import {getHeapStatistics} from 'node:v8'
import {threadId} from 'node:worker_threads'

const file = process.env.LEDE_TRACE
// with LEDE_TRACE_MEMORY=<n> as well: a memory mark every n documents a thread has done (docs/scale.md, leak)
const memoryEvery = Number(process.env.LEDE_TRACE_MEMORY ?? 0)
// and LEDE_TRACE_MEMORY_GC=1: a full collection before each memory mark, so that heapUsed is what is still reachable
const memoryCollect = process.env.LEDE_TRACE_MEMORY_GC === '1'

// the calling thread's CPU time (Linux; NaN elsewhere): process.cpuUsage counts every thread of the process
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    return NaN
  }
}

/** Appends the mark `name` to the LEDE_TRACE file, when one is set. */
export function trace(name: string): void {
  if (file === undefined || file === '') return
  const wall = performance.timeOrigin + performance.now()
  const cpu = process.cpuUsage()
  appendFileSync(file, `${wall.toFixed(1)}\t${threadId}\t${threadCpuMs().toFixed(1)}\t${((cpu.user + cpu.system) / 1000).toFixed(1)}\t${name}\n`)
}

const MB = 2 ** 20

/**
 * Appends a `memory` mark (this thread's heap and the process's RSS, in MB) each time `done`, the documents this thread
 * has done, passes a multiple of LEDE_TRACE_MEMORY (nothing without it and LEDE_TRACE), with `extra`'s named byte
 * counts (a WebAssembly memory), and after `collect` (a full collection) only when LEDE_TRACE_MEMORY_GC=1.
 */
export function traceMemory(label: string, before: number, done: number, extra?: () => Record<string, number>, collect?: () => void): void {
  if (file === undefined || file === '' || !(memoryEvery > 0) || Math.floor(before / memoryEvery) === Math.floor(done / memoryEvery)) return
  if (memoryCollect) collect?.()
  const usage = process.memoryUsage()
  const heap = getHeapStatistics()
  const fields: Record<string, number> = {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    physical: heap.total_physical_size,
    malloced: heap.malloced_memory,
    ...extra?.(),
  }
  trace(`memory ${label} docs=${done} ${Object.entries(fields).map(([k, v]) => `${k}=${(v / MB).toFixed(1)}`).join(' ')}`)
}
