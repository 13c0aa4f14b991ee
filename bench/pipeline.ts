// npm run bench [-- --mb 20 --workers 1,2 --runs 1 --baseline-mb 1 --seed-mb 5]
// What users run, measured from outside: `lede run` spawned as a whole process (start-up, module
// loading, reading, the stages, linking, validation, writing) on VARIED news: the PolNeAR train+dev
// texts from ../shared, replicated under distinct names and shuffled to --mb megabytes (PolNeAR's
// test split is never read). Beside it, in the same run: compromise's people/places/organizations
// on the same texts, `--workers 1` vs `--workers 2` (and whatever --workers lists), peak RSS of each
// process and its CPU time (user + system, all threads: comparable on a shared machine where wall time is not),
// and whether the JSONL output is byte-identical across worker counts. A run over the four
// seed articles repeated (warm caches, nothing new to link) is kept as a secondary line only.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {findCompromiseEntities} from '../src/adapters/compromise.ts'
import {buildVariedCorpus} from './varied-corpus.ts'

const {values} = parseScriptArgs({
  name: 'bench',
  about:
    'What users run, measured from outside: `lede run` as a whole process on varied news (PolNeAR train+dev texts replicated and\n' +
    'shuffled to --mb), per worker count: MB/s, CPU time, peak RSS, compromise beside it, and byte-identity across worker counts.',
  options: {
    mb: {type: 'string', default: '20', check: 'number', description: 'megabytes of varied news'},
    workers: {type: 'string', default: '1,2', check: 'numbers', description: 'worker counts to run, comma-separated'},
    runs: {type: 'string', default: '1', check: 'number', description: 'runs per worker count'},
    'baseline-mb': {type: 'string', default: '1', check: 'number', description: 'megabytes for the compromise baseline'},
    'seed-mb': {type: 'string', default: '5', check: 'number', description: 'megabytes of the seed articles repeated (secondary line)'},
    'keep-corpus': {type: 'string', value: '<any>', description: 'keep the varied corpus folder (given any value)'},
  },
  example: 'npm run bench -- --mb 5 --workers 1,2 --runs 1',
})
const targetMB = Number(values.mb)
const workerCounts = values.workers.split(',').map(Number)
const runs = Number(values.runs)
const baselineMB = Number(values['baseline-mb'])
const seedMB = Number(values['seed-mb'])
const root = new URL('..', import.meta.url).pathname
const shared = join(root, '..', 'shared')
const lede = join(root, 'bin', 'lede.js')

const polnearSplits = ['train', 'dev'].map((split) => join(shared, 'polnear', split, 'text'))
if (!polnearSplits.every(existsSync)) {
  console.log(`lede bench: skipped, ../shared/polnear/{train,dev}/text not found beside the project (${shared})`)
  process.exit(0)
}

function buildSeedCorpus(mb: number): {dir: string; bytes: number; docs: number} {
  const seedDir = join(root, 'corpus')
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'))
  const dir = mkdtempSync(join(tmpdir(), `lede-bench-seeds-${mb}mb-`))
  let bytes = 0
  let docs = 0
  while (bytes < mb * 1e6) {
    const text = seeds[docs % seeds.length]!
    const sub = join(dir, String(Math.floor(docs / 1000)).padStart(3, '0'))
    if (docs % 1000 === 0) mkdirSync(sub)
    writeFileSync(join(sub, `${String(docs).padStart(6, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
    docs++
  }
  return {dir, bytes, docs}
}

interface Measured {
  seconds: number
  /** user + system CPU seconds of the whole process, all threads */
  cpuSeconds: number
  maxRssMB: number
  exitCode: number
  outputHash: string
  manifest: {inputs: {documents: number}; outputs: Record<string, number>}
}

const supportsWorkers = spawnSync(process.execPath, [lede, 'run', '--help'], {encoding: 'utf8'}).stdout.includes('--workers')
const rssHook = join(root, 'bench', 'report-rss.mjs')

/** Spawns `lede run` and times it from outside; peak RSS comes from the child's own getrusage at exit (all its threads). */
function runLede(corpus: string, workers: number | null): Measured {
  const out = mkdtempSync(join(tmpdir(), 'lede-bench-out-'))
  const rssFile = join(out, '..', `${out.split('/').pop()}.rss`)
  const cpuFile = join(out, '..', `${out.split('/').pop()}.cpu`)
  try {
    const args = ['--import', rssHook, lede, 'run', corpus, '--out', out, '--quiet', ...(workers !== null && supportsWorkers ? ['--workers', String(workers)] : [])]
    const started = performance.now()
    const child = spawnSync(process.execPath, args, {encoding: 'utf8', env: {...process.env, LEDE_BENCH_RSS_FILE: rssFile, LEDE_BENCH_CPU_FILE: cpuFile}, maxBuffer: 1 << 26})
    const seconds = (performance.now() - started) / 1000
    if (child.status !== 0 && child.status !== 1) throw new Error(`lede run failed (exit ${child.status}): ${child.stderr}`)
    const hash = createHash('sha256')
    for (const file of readdirSync(out).filter((f) => f.endsWith('.jsonl')).sort()) hash.update(file).update(readFileSync(join(out, file)))
    return {
      seconds,
      cpuSeconds: Number(readFileSync(cpuFile, 'utf8')),
      maxRssMB: Number(readFileSync(rssFile, 'utf8')) / 1024,
      exitCode: child.status,
      outputHash: hash.digest('hex').slice(0, 16),
      manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    }
  } finally {
    rmSync(out, {recursive: true, force: true})
    rmSync(rssFile, {force: true})
    rmSync(cpuFile, {force: true})
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ')

console.log(`lede bench: \`lede run\` as a whole process on varied news vs compromise people/places/organizations`)
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
console.log(
  `machine: ${cpu}, ${availableParallelism()} cores available, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${type()} ${release()}, node ${process.version}; load average at start: ${load()}`,
)
console.log(`lede runs from ${existsSync(join(root, 'dist', 'build-info.json')) ? 'its compiled build (dist/)' : 'its TypeScript sources through tsx (no dist/: run npm run build)'}`)
const varied = buildVariedCorpus(polnearSplits, targetMB, 'lede-bench-varied-')
console.log(`corpus: ${varied.docs} documents, ${(varied.bytes / 1e6).toFixed(1)} MB (${varied.distinct} PolNeAR train+dev articles replicated under distinct names, shuffled)`)
if (!supportsWorkers) console.log('(this lede has no --workers option: one process, one core; the worker rows all run the default)')
console.log('')

// start-up: what every run pays before its first document (module loading, pipeline and model, worker threads)
const seedCorpus = join(root, 'corpus')
const startup = (args: string[]): number => {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    const child = spawnSync(process.execPath, [lede, ...args], {encoding: 'utf8'})
    if (child.status !== 0 && child.status !== 1) throw new Error(`lede ${args.join(' ')} failed (exit ${child.status}): ${child.stderr}`)
    times.push(performance.now() - started)
  }
  return median(times) / 1000
}
const startupOut = mkdtempSync(join(tmpdir(), 'lede-bench-startup-'))
const helpSeconds = startup(['--help'])
const seedCount = readdirSync(seedCorpus).filter((f) => f.endsWith('.txt')).length
const tinyRuns = workerCounts.map((workers) => ({workers, seconds: startup(['run', seedCorpus, '--out', startupOut, '--quiet', ...(supportsWorkers ? ['--workers', String(workers)] : [])])}))
rmSync(startupOut, {recursive: true, force: true})
console.log(
  `start-up (median of 3): lede --help ${helpSeconds.toFixed(2)} s; lede run on the ${seedCount} seed articles ${tinyRuns.map((r) => `${r.seconds.toFixed(2)} s with --workers ${r.workers}`).join(', ')}  (load ${load()})`,
)
console.log('')

const rows = workerCounts.map((workers) => ({workers, mbps: [] as number[], cpu: [] as number[], rss: [] as number[], hashes: new Set<string>()}))
// the worker counts take turns (1 2 1 2 ...), not all runs of one count and then the next: on a shared VM the load and the
// machine's own speed drift within minutes, and run in blocks a drift fell wholly on the --workers 2 / --workers 1 ratio
for (let i = 0; i < runs; i++) {
  for (const row of rows) {
    const {workers} = row
    const m = runLede(varied.dir, workers)
    row.mbps.push(varied.bytes / 1e6 / m.seconds)
    row.rss.push(m.maxRssMB)
    row.cpu.push(m.cpuSeconds)
    row.hashes.add(m.outputHash)
    console.log(
      `  run: --workers ${workers}  ${m.seconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU  ${(varied.bytes / 1e6 / m.seconds).toFixed(2)} MB/s  peak RSS ${m.maxRssMB.toFixed(0)} MB  ` +
        `${m.manifest.outputs.entities} entities, ${m.manifest.outputs.quotes} quotes, ${m.manifest.outputs.money} money  output ${m.outputHash}  (load ${load()})`,
    )
  }
}

// compromise over whole documents of the same varied text, in this process, until baselineMB is done
let baseBytes = 0
const baseStart = performance.now()
for (let i = 0; baseBytes < baselineMB * 1e6; i++) {
  const text = varied.texts[i % varied.texts.length]!
  findCompromiseEntities(text)
  baseBytes += Buffer.byteLength(text)
}
const baseMBps = baseBytes / 1e6 / ((performance.now() - baseStart) / 1000)

console.log('')
for (const row of rows) {
  const mbps = median(row.mbps)
  console.log(
    `lede --workers ${row.workers}  ${mbps.toFixed(2)} MB/s (median of ${row.mbps.length}), ${(mbps / baseMBps).toFixed(1)}x compromise, peak RSS ${median(row.rss).toFixed(0)} MB, ` +
      `${median(row.cpu).toFixed(1)} s CPU (${(varied.bytes / 1e6 / median(row.cpu)).toFixed(2)} MB per CPU second)`,
  )
}
console.log(`compromise     ${baseMBps.toFixed(3)} MB/s (people+places+organizations only, ${(baseBytes / 1e6).toFixed(1)} MB of the same texts, no start-up, no writing)`)
if (rows.length > 1) {
  const one = rows.find((r) => r.workers === 1) ?? rows[0]!
  for (const row of rows) if (row !== one) console.log(`scaling        --workers ${row.workers} / --workers ${one.workers}: ${(median(row.mbps) / median(one.mbps)).toFixed(2)}x`)
}
const hashes = new Set(rows.flatMap((r) => [...r.hashes]))
console.log(`output         ${hashes.size === 1 ? 'byte-identical' : 'DIFFERS'} across every run (${[...hashes].join(', ')})`)
console.log(`targets        one worker >= 1.5 MB/s and >= 15x compromise; 2 workers >= 1.6x one worker (on a quiet 2-core machine)`)
console.log(`load average at end: ${load()}`)

if (seedMB > 0) {
  const seeds = buildSeedCorpus(seedMB)
  const m = runLede(seeds.dir, 1)
  console.log('')
  console.log(`secondary: the four seed articles repeated (${seeds.docs} documents, ${(seeds.bytes / 1e6).toFixed(1)} MB): ${(seeds.bytes / 1e6 / m.seconds).toFixed(2)} MB/s with --workers 1, peak RSS ${m.maxRssMB.toFixed(0)} MB (warm caches, little to link: not representative)`)
  rmSync(seeds.dir, {recursive: true, force: true})
}
if (values['keep-corpus'] === undefined) rmSync(varied.dir, {recursive: true, force: true})
else console.log(`corpus kept in ${varied.dir}`)
