// Loaded with `node --import` by the bench: at exit, writes this process's peak resident set size (KiB,
// getrusage over all threads, so worker threads count) to $LEDE_BENCH_RSS_FILE.
import {writeFileSync} from 'node:fs'

const file = process.env.LEDE_BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
