// npm run bench:tokens [-- --mb 2 --runs 3 --workers 1]
// What the opt-in token layer (`--layers tokens`: wink-nlp part of speech and lemma per token,
// tokens.jsonl) costs, measured as users run it: `lede run` spawned as a whole process, with and
// without the layer, alternating, on the same varied news (PolNeAR train+dev texts from ../shared,
// never its test split). Prints the median MB/s of each, their ratio, and the size of tokens.jsonl.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

const {values} = parseScriptArgs({
  name: 'bench:tokens',
  about: 'What the opt-in token layer (`--layers tokens`) costs: `lede run` with and without it, alternating, on varied news;\nmedian MB/s of each, their ratio, and the size of tokens.jsonl.',
  options: {
    mb: {type: 'string', default: '2', check: 'number', description: 'megabytes of varied news'},
    runs: {type: 'string', default: '3', check: 'number', description: 'runs of each (the median is reported)'},
    workers: {type: 'string', default: '1', check: 'number', description: '`lede run --workers`'},
  },
  example: 'npm run bench:tokens -- --mb 1 --runs 1',
})
const root = new URL('..', import.meta.url).pathname
const shared = join(root, '..', 'shared')
const splits = ['train', 'dev'].map((s) => join(shared, 'polnear', s, 'text'))
if (!splits.every(existsSync)) {
  console.log(`lede bench:tokens: skipped, ../shared/polnear/{train,dev}/text not found (${shared})`)
  process.exit(0)
}

// distinct articles only, in sorted order, until --mb megabytes
const corpus = mkdtempSync(join(tmpdir(), 'lede-bench-tokens-'))
let bytes = 0
let docs = 0
for (const dir of splits) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    if (bytes >= Number(values.mb) * 1e6) break
    const text = readFileSync(join(dir, name), 'utf8')
    writeFileSync(join(corpus, name), text)
    bytes += Buffer.byteLength(text)
    docs++
  }
}

function run(withTokens: boolean): {seconds: number; tokensBytes: number} {
  const out = mkdtempSync(join(tmpdir(), 'lede-bench-tokens-out-'))
  const args = [join(root, 'bin', 'lede.js'), 'run', corpus, '--out', out, '--quiet', '--workers', values.workers, ...(withTokens ? ['--layers', 'tokens'] : [])]
  const started = performance.now()
  const result = spawnSync(process.execPath, args, {stdio: ['ignore', 'ignore', 'inherit']})
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0 && result.status !== 1) throw new Error(`lede run exited with ${result.status}`)
  const tokensFile = join(out, 'tokens.jsonl')
  const tokensBytes = existsSync(tokensFile) ? statSync(tokensFile).size : 0
  rmSync(out, {recursive: true, force: true})
  return {seconds, tokensBytes}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const without: number[] = []
const withLayer: number[] = []
let tokensBytes = 0
console.log(`lede bench:tokens: ${docs} PolNeAR train+dev articles, ${(bytes / 1e6).toFixed(2)} MB, --workers ${values.workers}, ${values.runs} runs each, alternating; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
for (let i = 0; i < Number(values.runs); i++) {
  without.push(run(false).seconds)
  const r = run(true)
  withLayer.push(r.seconds)
  tokensBytes = r.tokensBytes
}
const mbps = (s: number) => bytes / 1e6 / s
const a = mbps(median(without))
const b = mbps(median(withLayer))
console.log(`without the token layer: ${a.toFixed(3)} MB/s (median of ${without.map((s) => s.toFixed(2)).join(', ')} s)`)
console.log(`with --layers tokens:    ${b.toFixed(3)} MB/s (median of ${withLayer.map((s) => s.toFixed(2)).join(', ')} s)`)
console.log(`the layer costs ${((1 - b / a) * 100).toFixed(1)}% of throughput (${(a / b).toFixed(2)}x the time); tokens.jsonl ${(tokensBytes / 1e6).toFixed(2)} MB for ${(bytes / 1e6).toFixed(2)} MB of text`)
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
rmSync(corpus, {recursive: true, force: true})
