// npm run bench:distributed [-- --mb 5 --workers 2 --batch-size 16]
// Distributed mode as users run it: a local redis-server on a free loopback port, `--workers` real
// `lede worker` processes (one thread each), and `lede run --redis` on the same varied PolNeAR corpus
// as `npm run bench` (train+dev texts replicated under distinct names, shuffled), timed from outside;
// beside it, in the same run, a local `lede run --workers <same number>`; then whether the JSONL output
// of the two is byte-identical. Worker start-up is outside the distributed time (workers are long-lived).
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {checkRedis} from '../src/run/redis.ts'
import {buildVariedCorpus} from './varied-corpus.ts'

const {values} = parseScriptArgs({
  name: 'bench:distributed',
  about:
    'Distributed mode as users run it: a local redis-server, --workers `lede worker` processes and `lede run --redis` on the varied\n' +
    'PolNeAR corpus, beside a local `lede run --workers <same number>`, timed from outside; then whether the JSONL output is byte-identical.',
  options: {
    mb: {type: 'string', default: '5', check: 'number', description: 'megabytes of varied news'},
    workers: {type: 'string', default: '2', check: 'number', description: '`lede worker` processes (and local workers beside them)'},
    'batch-size': {type: 'string', default: '16', check: 'number', description: 'documents per queue job'},
  },
  example: 'npm run bench:distributed -- --mb 5 --workers 2',
})
const targetMB = Number(values.mb)
const workerCount = Number(values.workers)
const root = new URL('..', import.meta.url).pathname
const lede = join(root, 'bin', 'lede.js')
const splits = ['train', 'dev'].map((split) => join(root, '..', 'shared', 'polnear', split, 'text'))
if (!splits.every(existsSync)) {
  console.log('lede bench:distributed: skipped, ../shared/polnear/{train,dev}/text not found')
  process.exit(0)
}
if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.log('lede bench:distributed: skipped, redis-server is not installed (apt-get install -y redis-server)')
  process.exit(0)
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ')

// the same corpus as bench/pipeline.ts, so figures are comparable
const {dir: corpus, bytes, docs} = buildVariedCorpus(splits, targetMB, 'lede-bench-dist-')

const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const {port} = server.address() as {port: number}
    server.close(() => resolve(port))
  })
})
const url = `redis://127.0.0.1:${port}`
const children: ChildProcess[] = []
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {stdio: 'ignore'})
children.push(redis)
const cleanup = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  rmSync(corpus, {recursive: true, force: true})
}
process.on('exit', cleanup)
for (let tries = 0; ; tries++) {
  try {
    await checkRedis(url, 500)
    break
  } catch (error) {
    if (tries > 100) throw error
    await new Promise((r) => setTimeout(r, 100))
  }
}

function timeRun(args: string[]): Promise<{seconds: number; hash: string}> {
  const out = mkdtempSync(join(tmpdir(), 'lede-bench-dist-out-'))
  const started = performance.now()
  const child = spawn(process.execPath, [lede, 'run', corpus, '--out', out, '--quiet', ...args], {stdio: ['ignore', 'ignore', 'inherit']})
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000
      if (code !== 0 && code !== 1) return reject(new Error(`lede run ${args.join(' ')} exited ${code}`))
      const hash = createHash('sha256')
      for (const file of readdirSync(out).filter((f) => f.endsWith('.jsonl')).sort()) hash.update(file).update(readFileSync(join(out, file)))
      rmSync(out, {recursive: true, force: true})
      resolve({seconds, hash: hash.digest('hex').slice(0, 16)})
    }),
  )
}

console.log(`lede bench:distributed: redis-server on ${url}, ${workerCount} \`lede worker\` processes (1 thread each); load average at start: ${load()}`)
console.log(`corpus: ${docs} documents, ${(bytes / 1e6).toFixed(1)} MB (PolNeAR train+dev replicated under distinct names, shuffled)`)
const local = await timeRun(['--workers', String(workerCount)])
console.log(`local        --workers ${workerCount}: ${local.seconds.toFixed(1)} s, ${(bytes / 1e6 / local.seconds).toFixed(2)} MB/s, output ${local.hash}  (load ${load()})`)

const logs: string[] = []
for (let i = 0; i < workerCount; i++) {
  const child = spawn(process.execPath, [lede, 'worker', '--redis', url, '--concurrency', '1'], {stdio: ['ignore', 'ignore', 'pipe']})
  children.push(child)
  logs[i] = ''
  child.stderr!.on('data', (chunk) => (logs[i] += String(chunk)))
}
while (!logs.every((log) => log.includes('waiting for batches'))) await new Promise((r) => setTimeout(r, 100))
const distributed = await timeRun(['--redis', url, '--batch-size', values['batch-size']])
const batches = logs.map((log) => (log.match(/ done\n/g) ?? []).length)
console.log(`distributed  ${workerCount} workers: ${distributed.seconds.toFixed(1)} s, ${(bytes / 1e6 / distributed.seconds).toFixed(2)} MB/s, output ${distributed.hash}, batches per worker ${batches.join(' / ')}  (load ${load()})`)
console.log(`distributed / local: ${(local.seconds / distributed.seconds).toFixed(2)}x`)
console.log(`output       ${distributed.hash === local.hash ? 'byte-identical' : 'DIFFERS'} (local ${local.hash}, distributed ${distributed.hash})`)
process.exit(0)
