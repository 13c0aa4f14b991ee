// Loaded with `node --import` (Node runs it in the main thread and in each worker thread) when $LEDE_BENCH_HEAP_FILE
// is set: the peak of each V8 heap space's committed and used size, heapTotal, external and arrayBuffers, and the
// process's RSS, per isolate, written as JSON to $LEDE_BENCH_HEAP_FILE.<main|workerN>.json. It samples every 10 ms;
// a piscina worker waits in Atomics.wait between tasks, so its timers seldom fire and it samples as it posts each
// result (writing every tenth). Peaks inside a task are missed. Used for docs/scale.md's one-worker RSS gap (rssfix).
import {readFileSync, writeFileSync} from 'node:fs'
import v8 from 'node:v8'
import {isMainThread, MessagePort, threadId} from 'node:worker_threads'
const out = process.env.LEDE_BENCH_HEAP_FILE
if (out) {
  const name = isMainThread ? 'main' : `worker${threadId}`
  const peak = {}
  let samples = 0
  const bump = (key, value) => {
    if (!(peak[key] >= value)) peak[key] = value
  }
  // the process's peak RSS so far (Linux), MB
  const vmhwm = () => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024
    } catch {
      return 0
    }
  }
  const sample = () => {
    samples++
    let committed = 0
    for (const s of v8.getHeapSpaceStatistics()) {
      bump(`${s.space_name}.size`, s.space_size / 1048576)
      bump(`${s.space_name}.used`, s.space_used_size / 1048576)
      committed += s.space_size
    }
    bump('spaces.size.sum', committed / 1048576)
    const h = v8.getHeapStatistics()
    bump('heap.total_physical', h.total_physical_size / 1048576)
    bump('heap.malloced', h.malloced_memory / 1048576)
    bump('heap.peak_malloced', h.peak_malloced_memory / 1048576)
    bump('heap.external', h.external_memory / 1048576)
    const m = process.memoryUsage()
    bump('mu.rss', m.rss / 1048576)
    bump('mu.heapTotal', m.heapTotal / 1048576)
    bump('mu.external', m.external / 1048576)
    bump('mu.arrayBuffers', m.arrayBuffers / 1048576)
  }
  const write = () => {
    sample()
    peak.samples = samples
    peak.vmhwm = vmhwm()
    writeFileSync(`${out}.${name}.json`, JSON.stringify(peak))
  }
  setInterval(sample, 10).unref()
  // a piscina worker blocks in Atomics.wait between tasks, so its timers seldom fire: it samples as it posts each result
  if (!isMainThread) {
    const post = MessagePort.prototype.postMessage
    let posts = 0
    MessagePort.prototype.postMessage = function (...args) {
      if (++posts % 10 === 1) write()
      else sample()
      return post.apply(this, args)
    }
  }
  setInterval(write, 1000).unref()
  process.on('exit', write)
}
