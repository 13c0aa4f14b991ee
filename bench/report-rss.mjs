// Loaded with `node --import` by the bench: at exit, writes this process's peak resident set size (KiB,
// getrusage over all threads, so worker threads count) to $LEDE_BENCH_RSS_FILE, and its CPU time (user + system
// seconds, all threads) to $LEDE_BENCH_CPU_FILE: on a shared machine CPU time says what wall time cannot.
import {writeFileSync} from 'node:fs'

const file = process.env.LEDE_BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
const cpuFile = process.env.LEDE_BENCH_CPU_FILE
if (cpuFile) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(cpuFile, String((usage.userCPUTime + usage.systemCPUTime) / 1e6))
  })
}
