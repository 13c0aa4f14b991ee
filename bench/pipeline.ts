// npm run bench [-- --mb 20 --runs 3 --baseline-mb 1]
// The whole pipeline's throughput on a corpus built by repeating the seed articles, beside a
// baseline that only runs compromise's people/places/organizations on the same text, in one run.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {findCompromiseEntities} from '../src/adapters/compromise.ts'

const {values} = parseArgs({
  options: {mb: {type: 'string', default: '20'}, runs: {type: 'string', default: '3'}, 'baseline-mb': {type: 'string', default: '1'}},
})
const targetMB = Number(values.mb)
const runs = Number(values.runs)
const baselineMB = Number(values['baseline-mb'])
const root = new URL('..', import.meta.url).pathname
const seedDir = join(root, 'corpus')
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'))

function buildCorpus(mb: number): {dir: string; bytes: number; docs: number} {
  const dir = mkdtempSync(join(tmpdir(), `lede-bench-${mb}mb-`))
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

interface RunReport {
  manifest: {inputs: {documents: number; bytes: number}; timings: {totalMs: number; stagesMs: Record<string, number>}}
  maxRssMB: number
}

function runOnce(corpus: string): RunReport {
  const out = mkdtempSync(join(tmpdir(), 'lede-bench-out-'))
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/pipeline-run.ts'), corpus, out], {encoding: 'utf8', maxBuffer: 1 << 26})
    return JSON.parse(stdout.trim().split('\n').pop()!) as RunReport
  } finally {
    rmSync(out, {recursive: true, force: true})
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

console.log(`lede bench: whole pipeline ("news") vs compromise people/places/organizations; node ${process.version}, one process, one core`)

// memory: peak RSS on a quarter-size corpus and the full one; flat means it does not grow with the corpus
const small = buildCorpus(targetMB / 4)
const big = buildCorpus(targetMB)
console.log(`corpus: ${big.docs} documents, ${(big.bytes / 1e6).toFixed(1)} MB (seed articles repeated); small: ${small.docs} documents, ${(small.bytes / 1e6).toFixed(1)} MB`)

const smallRun = runOnce(small.dir)
const reports: RunReport[] = []
for (let i = 0; i < runs; i++) reports.push(runOnce(big.dir))
const mbps = reports.map((r) => r.manifest.inputs.bytes / 1e6 / (r.manifest.timings.totalMs / 1000))
const docsps = reports.map((r) => r.manifest.inputs.documents / (r.manifest.timings.totalMs / 1000))

// baseline: compromise over whole documents of the same text, until baselineMB is done
let baseBytes = 0
const baseStart = performance.now()
for (let i = 0; baseBytes < baselineMB * 1e6; i++) {
  const text = seeds[i % seeds.length]!
  findCompromiseEntities(text)
  baseBytes += Buffer.byteLength(text)
}
const baseMBps = baseBytes / 1e6 / ((performance.now() - baseStart) / 1000)

const pipelineMBps = median(mbps)
console.log('')
console.log(`pipeline   ${pipelineMBps.toFixed(2)} MB/s (median of ${runs}; runs: ${mbps.map((x) => x.toFixed(2)).join(', ')}), ${median(docsps).toFixed(0)} documents/s`)
console.log(`compromise ${baseMBps.toFixed(3)} MB/s (people+places+organizations only, ${(baseBytes / 1e6).toFixed(1)} MB)`)
console.log(`ratio      ${(pipelineMBps / baseMBps).toFixed(1)}x   (bar: >= 1 MB/s and >= 6x)`)
console.log('')
const stageTotals = new Map<string, number>()
for (const r of reports) for (const [name, ms] of Object.entries(r.manifest.timings.stagesMs)) stageTotals.set(name, (stageTotals.get(name) ?? 0) + ms)
const all = [...stageTotals.values()].reduce((a, b) => a + b, 0)
const wall = reports.reduce((a, r) => a + r.manifest.timings.totalMs, 0)
console.log('stage shares of pipeline time (summed over runs):')
for (const [name, ms] of stageTotals) console.log(`  ${name.padEnd(10)} ${((100 * ms) / wall).toFixed(1).padStart(5)}% of wall time  ${((100 * ms) / all).toFixed(1).padStart(5)}% of stage time`)
console.log(`  ${'io+queue'.padEnd(10)} ${((100 * (wall - all)) / wall).toFixed(1).padStart(5)}% of wall time`)
const quotesMs = stageTotals.get('quotes') ?? 0
console.log(`linking adds ${((100 * (stageTotals.get('link') ?? 0)) / (wall - (stageTotals.get('link') ?? 0))).toFixed(1)}% to the pipeline's time without it (bar: <= 10%)`)
console.log(`quote stage adds ${((100 * quotesMs) / (wall - quotesMs)).toFixed(1)}% to the pipeline's time without it (bar: <= 15%)`)
console.log('')
console.log(`peak memory: ${smallRun.maxRssMB.toFixed(0)} MB at ${(small.bytes / 1e6).toFixed(1)} MB of input, ${median(reports.map((r) => r.maxRssMB)).toFixed(0)} MB at ${(big.bytes / 1e6).toFixed(1)} MB (flat = documents stream through)`)
rmSync(small.dir, {recursive: true, force: true})
rmSync(big.dir, {recursive: true, force: true})
