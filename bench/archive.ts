// Archive scale (issue 13): `lede run` as users run it on corpora shaped like a newsroom archive, measured from
// outside: wall and CPU time, peak RSS, RSS against documents done over the run, manifest.json's size, the final
// link step's time, and optionally a kill -9 midway then `--resume`, compared byte for byte with the whole run.
// Corpus kinds, all cut from PolNeAR train+dev texts (bench/varied-corpus.ts) under distinct names:
//   articles  --size MB of whole articles (buildVariedCorpus, 1,000 files a folder)
//   tiny      --size files of one paragraph each (150-600 bytes), 100 a folder, three folder levels deep
//   jsonl     one .jsonl file of --size records, one paragraph each, with an id
// Usage: npm run bench:archive -- --kind tiny --size 10000 [--workers 2] [--kill-at 0.5]
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {mulberry32} from './news-like.ts'
import {buildVariedCorpus} from './varied-corpus.ts'

const root = new URL('..', import.meta.url).pathname
const lede = join(root, 'bin', 'lede.js')
const rssHook = join(root, 'bench', 'report-rss.mjs')
const {values} = parseScriptArgs({
  name: 'bench:archive',
  about: 'lede run at archive scale: wall, CPU, peak RSS, RSS over the run, manifest size, link time; --kill-at F kills it (kill -9) at that fraction of the documents and resumes, then compares with the whole run.',
  options: {
    kind: {type: 'string', default: 'articles', description: 'articles (MB), tiny (files) or jsonl (records)'},
    size: {type: 'string', default: '20', check: 'number', description: 'MB of articles, or files, or records'},
    workers: {type: 'string', default: '2', check: 'number', description: '`lede run --workers`'},
    'kill-at': {type: 'string', default: '0', check: 'number', description: 'fraction of the documents at which a second run is killed and resumed (0: no second run)'},
    work: {type: 'string', default: join(tmpdir(), 'lede-archive'), description: 'folder for corpora (kept, reused) and outputs'},
  },
  example: 'npm run bench:archive -- --kind tiny --size 10000 --kill-at 0.5',
})
const kind = values.kind
const size = Number(values.size)
const killAt = Number(values['kill-at'])
mkdirSync(values.work, {recursive: true})
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ')
const splits = ['train', 'dev'].map((s) => join(root, '..', 'shared', 'polnear', s, 'text'))

// paragraphs of 150-600 bytes from the texts, in a seeded order: the documents of the tiny and jsonl corpora
function paragraphs(): string[] {
  const out: string[] = []
  for (const dir of splits) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      for (const p of readFileSync(join(dir, name), 'utf8').split(/\n\s*\n/)) {
        const t = p.trim()
        const bytes = Buffer.byteLength(t)
        if (bytes >= 150 && bytes <= 600) out.push(t)
      }
    }
  }
  return out
}

function buildCorpus(): {dir: string; docs: number; bytes: number} {
  const dir = join(values.work, `corpus-${kind}-${size}`)
  const info = join(values.work, `corpus-${kind}-${size}.json`)
  if (existsSync(info)) return JSON.parse(readFileSync(info, 'utf8'))
  rmSync(dir, {recursive: true, force: true})
  let result: {dir: string; docs: number; bytes: number}
  if (kind === 'articles') {
    const built = buildVariedCorpus(splits, size, 'lede-archive-')
    renameSync(built.dir, dir)
    result = {dir, docs: built.docs, bytes: built.bytes}
  } else {
    const paras = paragraphs()
    const random = mulberry32(13)
    let bytes = 0
    const pick = (i: number) => paras[(i + Math.floor(random() * paras.length)) % paras.length]!
    if (kind === 'tiny') {
      for (let i = 0; i < size; i++) {
        const sub = join(dir, String(Math.floor(i / 10000)).padStart(2, '0'), String(Math.floor(i / 100) % 100).padStart(2, '0'))
        if (i % 100 === 0) mkdirSync(sub, {recursive: true})
        const text = pick(i)
        writeFileSync(join(sub, `${String(i).padStart(7, '0')}.txt`), text)
        bytes += Buffer.byteLength(text)
      }
    } else if (kind === 'jsonl') {
      mkdirSync(dir)
      const lines: string[] = []
      for (let i = 0; i < size; i++) {
        const text = pick(i)
        lines.push(JSON.stringify({id: `rec-${i}`, text}))
        bytes += Buffer.byteLength(text)
      }
      writeFileSync(join(dir, 'archive.jsonl'), `${lines.join('\n')}\n`)
    } else throw new Error(`unknown --kind ${kind}`)
    result = {dir, docs: size, bytes}
  }
  writeFileSync(info, JSON.stringify(result))
  return result
}

interface Sample {
  s: number
  docs: number
  rssMB: number
}

// runs lede, sampling VmRSS every second and the documents done from the progress lines; kills it (SIGKILL) once
// `killDocs` documents are done, when given
function runLede(corpus: string, out: string, extra: string[], killDocs = 0): Promise<{seconds: number; cpu: number; peakMB: number; samples: Sample[]; code: number | null; stderr: string; trace: string}> {
  const rssFile = join(values.work, 'rss')
  const cpuFile = join(values.work, 'cpu')
  const traceFile = join(values.work, 'trace')
  for (const f of [rssFile, cpuFile, traceFile]) rmSync(f, {force: true})
  const started = performance.now()
  const child = spawn('nice', ['-n', '10', process.execPath, '--import', rssHook, lede, 'run', corpus, '--out', out, '--workers', values.workers, ...extra], {
    env: {...process.env, LEDE_BENCH_RSS_FILE: rssFile, LEDE_BENCH_CPU_FILE: cpuFile, LEDE_PROGRESS_MS: '1000', LEDE_TRACE: traceFile},
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  let docs = 0
  let peakKB = 0
  const samples: Sample[] = []
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    const found = [...chunk.toString().matchAll(/progress: (\d+) documents/g)]
    if (found.length) docs = Number(found[found.length - 1]![1])
    if (killDocs > 0 && docs >= killDocs) child.kill('SIGKILL')
  })
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peakKB = Math.max(peakKB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
      if (rss > 0) samples.push({s: (performance.now() - started) / 1000, docs, rssMB: rss / 1024})
    } catch {}
  }, 1000)
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(sampler)
      const seconds = (performance.now() - started) / 1000
      const cpu = existsSync(cpuFile) ? Number(readFileSync(cpuFile, 'utf8')) : Number.NaN
      const hook = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : 0
      const trace = existsSync(traceFile) ? readFileSync(traceFile, 'utf8') : ''
      resolve({seconds, cpu, peakMB: Math.max(peakKB, hook) / 1024, samples, code, stderr, trace})
    })
  })
}

// one line per output file: name, bytes, first 16 hex digits of its SHA-256
function digest(out: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of readdirSync(out).filter((f) => f.endsWith('.jsonl')).sort()) {
    const data = readFileSync(join(out, name))
    files.set(name, `${data.length} ${createHash('sha256').update(data).digest('hex').slice(0, 16)}`)
  }
  return files
}

// the wall time between two trace marks of the main thread, in seconds
function between(trace: string, from: string, to: string): number {
  const at = (mark: string) => Number(trace.split('\n').find((l) => l.endsWith(`\t${mark}`))?.split('\t')[0] ?? Number.NaN)
  return (at(to) - at(from)) / 1000
}

const corpus = buildCorpus()
console.log(`lede archive bench: ${kind}, ${corpus.docs} documents, ${(corpus.bytes / 1e6).toFixed(1)} MB of text, --workers ${values.workers}; load ${load()}`)
const out = join(values.work, `out-${kind}-${size}`)
rmSync(out, {recursive: true, force: true})
const whole = await runLede(corpus.dir, out, [])
if (whole.code !== 0 && whole.code !== 1) throw new Error(`lede run failed (${whole.code}): ${whole.stderr.slice(-2000)}`)
const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
console.log(
  `whole run: exit ${whole.code}, ${whole.seconds.toFixed(1)} s wall, ${whole.cpu.toFixed(1)} s CPU, peak RSS ${whole.peakMB.toFixed(0)} MB, ` +
    `${manifest.inputs.documents} documents, ${(corpus.bytes / 1e6 / whole.seconds).toFixed(2)} MB/s, ${((whole.seconds * 1000) / manifest.inputs.documents).toFixed(2)} ms/document; load ${load()}`,
)
console.log(
  `manifest.json ${statSync(join(out, 'manifest.json')).size} bytes; link stage ${(manifest.timings.stagesMs.link / 1000).toFixed(2)} s in all; ` +
    `after the last document: ${between(whole.trace, 'last-written', 'finish-start').toFixed(2)} s to finish-start, link finish ${between(whole.trace, 'finish-start', 'finished-link').toFixed(2)} s, ` +
    `last-written to exit ${(whole.seconds - (Number(whole.trace.split('\n').find((l) => l.endsWith('\tlast-written'))?.split('\t')[0]) - Number(whole.trace.split('\n')[0]!.split('\t')[0])) / 1000).toFixed(2)} s`,
)
const outputs = digest(out)
console.log(`outputs: ${[...outputs].map(([n, d]) => `${n} ${d}`).join('; ')}`)
// RSS against documents: ten points over the run, then the last sample
const step = Math.max(1, Math.floor(whole.samples.length / 10))
console.log('RSS over the run (s, documents done, RSS MB):')
console.log(`  ${whole.samples.filter((_, i) => i % step === 0 || i === whole.samples.length - 1).map((x) => `${x.s.toFixed(0)}s ${x.docs} ${x.rssMB.toFixed(0)}`).join(' | ')}`)
writeFileSync(join(values.work, `samples-${kind}-${size}.json`), JSON.stringify(whole.samples))

if (killAt > 0) {
  const out2 = join(values.work, `out-${kind}-${size}-killed`)
  rmSync(out2, {recursive: true, force: true})
  const killed = await runLede(corpus.dir, out2, [], Math.floor(killAt * corpus.docs))
  const resumed = await runLede(corpus.dir, out2, ['--resume'])
  const again = digest(out2)
  const same = [...outputs].every(([n, d]) => again.get(n) === d) && again.size === outputs.size
  console.log(
    `kill -9 at ${killAt} of the documents: killed after ${killed.seconds.toFixed(1)} s (exit ${killed.code}, signal), --resume exit ${resumed.code} in ${resumed.seconds.toFixed(1)} s, peak RSS ${resumed.peakMB.toFixed(0)} MB; ` +
      `outputs ${same ? 'byte-identical to the whole run' : 'DIFFER from the whole run'}`,
  )
  if (!same) console.log(`  resumed: ${[...again].map(([n, d]) => `${n} ${d}`).join('; ')}`)
  rmSync(out2, {recursive: true, force: true})
}
