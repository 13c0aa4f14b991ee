/**
 * The run's timeline for measuring start-up and tail (docs/scale.md): with LEDE_TRACE=<file>, each mark appends one
 * line to the file: wall time in ms since the epoch, thread id, this thread's CPU ms, the process's CPU ms, the mark's
 * name. bin/lede.js writes the first marks (process start, modules loaded) in the same format. Without it: nothing.
 */
import {appendFileSync, readFileSync} from 'node:fs'
import {threadId} from 'node:worker_threads'

const file = process.env.LEDE_TRACE

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
