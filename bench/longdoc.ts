// npm run bench:longdoc [-- --mb 1,5,10 --workers 1]
// Memory on ONE long document (archives concatenated into one file are something users bring): for each size,
// a single plain-text document made of PolNeAR train texts (../shared, never the test split) joined by blank lines in
// sorted order until --mb megabytes, processed by `lede run` as a whole process; prints its peak resident set size
// (getrusage of the whole process, all threads), CPU time (user + system, all threads), wall time and peak RSS per
// megabyte of text. Beside it the same figures for the 4 seed articles, as what any run costs.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

const {values} = parseScriptArgs({
  name: 'bench:longdoc',
  about: 'Peak memory, CPU and wall time of `lede run` on one long plain-text document (PolNeAR train texts joined) per size.',
  options: {
    mb: {type: 'string', default: '1,5,10', check: 'numbers', description: 'document sizes in megabytes, comma-separated'},
    workers: {type: 'string', default: '1', check: 'number', description: 'worker threads (0: the main thread processes the document)'},
  },
  example: 'npm run bench:longdoc -- --mb 1,5,10',
})
const sizes = values.mb.split(',').map(Number)
const root = new URL('..', import.meta.url).pathname
const trainDir = join(root, '..', 'shared', 'polnear', 'train', 'text')
if (!existsSync(trainDir)) {
  console.log(`lede bench:longdoc: skipped, ../shared/polnear/train/text not found beside the project (${trainDir})`)
  process.exit(0)
}
const lede = join(root, 'bin', 'lede.js')
const rssHook = join(root, 'bench', 'report-rss.mjs')
const texts = readdirSync(trainDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(trainDir, f), 'utf8').trim())
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ')

function measure(corpus: string): {seconds: number; cpu: number; rssMB: number; exit: number; hash: string} {
  const out = mkdtempSync(join(tmpdir(), 'lede-longdoc-out-'))
  const rssFile = `${out}.rss`
  const cpuFile = `${out}.cpu`
  try {
    const started = performance.now()
    const child = spawnSync(process.execPath, ['--import', rssHook, lede, 'run', corpus, '--out', out, '--quiet', '--workers', values.workers], {
      encoding: 'utf8',
      env: {...process.env, LEDE_BENCH_RSS_FILE: rssFile, LEDE_BENCH_CPU_FILE: cpuFile},
    })
    const seconds = (performance.now() - started) / 1000
    if (child.status !== 0) throw new Error(`lede run failed (exit ${child.status}): ${child.stderr}`)
    const hash = createHash('sha256')
    for (const file of readdirSync(out).filter((f) => f.endsWith('.jsonl')).sort()) hash.update(file).update(readFileSync(join(out, file)))
    return {seconds, cpu: Number(readFileSync(cpuFile, 'utf8')), rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024, exit: child.status, hash: hash.digest('hex').slice(0, 16)}
  } finally {
    rmSync(out, {recursive: true, force: true})
    rmSync(rssFile, {force: true})
    rmSync(cpuFile, {force: true})
  }
}

console.log(`lede bench:longdoc: one long document per run, --workers ${values.workers}; load average at start: ${load()}`)
console.log(`lede runs from ${existsSync(join(root, 'dist', 'build-info.json')) ? 'its compiled build (dist/)' : 'its TypeScript sources through tsx (no dist/: run npm run build)'}`)
const seeds = measure(join(root, 'corpus'))
console.log(`4 seed articles (any run's floor): peak RSS ${seeds.rssMB.toFixed(0)} MB, ${seeds.cpu.toFixed(2)} s CPU, ${seeds.seconds.toFixed(2)} s wall`)
for (const mb of sizes) {
  const parts: string[] = []
  let bytes = 0
  for (let i = 0; bytes < mb * 1e6; i++) {
    const text = texts[i % texts.length]!
    parts.push(text)
    bytes += Buffer.byteLength(text) + 2
  }
  const dir = mkdtempSync(join(tmpdir(), `lede-longdoc-${mb}mb-`))
  try {
    writeFileSync(join(dir, 'archive.txt'), `${parts.join('\n\n')}\n`)
    const m = measure(dir)
    console.log(
      `${mb} MB in one document (${parts.length} articles joined): peak RSS ${m.rssMB.toFixed(0)} MB (${(m.rssMB / mb).toFixed(0)} MB per MB of text), ` +
        `${m.cpu.toFixed(2)} s CPU, ${m.seconds.toFixed(2)} s wall, output ${m.hash}; load ${load()}`,
    )
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
