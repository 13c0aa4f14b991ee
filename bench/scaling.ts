// Scaling, measured from outside as users run it: `lede run` spawned as a whole process, wall time and peak RSS.
//  1. one long document (the seed articles repeated: the same names again and again, as in a live blog or a
//     transcript) of 1, 3 and 10 MB against the same text as separate files; the time ratio shows whether any
//     stage is super-linear in document length (target: <= 1.5 at 10 MB).
//  2. peak RSS at 20 and 80 MB of varied news (PolNeAR train+dev texts replicated under distinct file names),
//     to show memory stays flat as the corpus grows (target: <= 1.3x apart). Needs ../shared; skipped without it.
// Usage: npm run bench:scaling [-- --sizes 1,3,10 --corpus 20,80 --workers 0]
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

const root = new URL('..', import.meta.url).pathname
const lede = join(root, 'bin', 'lede.js')
const rssHook = join(root, 'bench', 'report-rss.mjs')
const {values} = parseScriptArgs({
  name: 'bench:scaling',
  about:
    'Scaling of `lede run` as a whole process: one long document of --sizes MB against the same text as separate files (time ratio,\n' +
    'target <= 1.5 at 10 MB), and peak RSS at --corpus MB of varied news (target <= 1.3x apart; needs ../shared).',
  options: {
    sizes: {type: 'string', default: '1,3,10', check: 'numbers', description: 'long-document sizes in MB'},
    corpus: {type: 'string', default: '20,80', check: 'numbers', description: 'varied-corpus sizes in MB for peak RSS'},
    workers: {type: 'string', default: '0', check: 'number', description: '`lede run --workers`'},
  },
  example: 'npm run bench:scaling -- --sizes 1,3 --corpus 5,20',
})
const sizes = values.sizes.split(',').map(Number)
const corpusSizes = values.corpus.split(',').map(Number)
const workers = values.workers
const work = mkdtempSync(join(tmpdir(), 'lede-scaling-'))

function run(corpus: string): {seconds: number; rssMB: number; documents: number} {
  const out = join(work, 'out')
  rmSync(out, {recursive: true, force: true})
  const rssFile = join(work, 'rss')
  const started = performance.now()
  const child = spawnSync(process.execPath, ['--import', rssHook, lede, 'run', corpus, '--out', out, '--quiet', '--workers', workers], {
    encoding: 'utf8',
    env: {...process.env, LEDE_BENCH_RSS_FILE: rssFile},
  })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0 && child.status !== 1) throw new Error(`lede run failed (${child.status}): ${child.stderr}`)
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
  return {seconds, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024, documents: manifest.inputs.documents}
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ')
const seeds = readdirSync(join(root, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'corpus', f), 'utf8'))

console.log(`lede scaling bench, workers ${workers}, load average at start ${load()}`)
console.log('\n1. one document against the same text as separate files (seed articles repeated)')
console.log('   MB  | one doc: s, peak RSS MB | separate files: s, peak RSS MB (docs) | time ratio | load')
for (const mb of sizes) {
  const pieces: string[] = []
  let bytes = 0
  for (let i = 0; bytes < mb * 1e6; i++) {
    const piece = seeds[i % seeds.length]!
    pieces.push(piece)
    bytes += Buffer.byteLength(piece) + 2
  }
  const one = join(work, `one-${mb}`)
  const many = join(work, `many-${mb}`)
  mkdirSync(one)
  mkdirSync(many)
  writeFileSync(join(one, 'long.txt'), pieces.join('\n\n'))
  pieces.forEach((piece, i) => writeFileSync(join(many, `${String(i).padStart(6, '0')}.txt`), piece))
  const single = run(one)
  const separate = run(many)
  console.log(
    `  ${String(mb).padStart(3)}  | ${single.seconds.toFixed(1).padStart(7)} s, ${single.rssMB.toFixed(0).padStart(5)} MB | ` +
      `${separate.seconds.toFixed(1).padStart(7)} s, ${separate.rssMB.toFixed(0).padStart(5)} MB (${separate.documents}) | ` +
      `${(single.seconds / separate.seconds).toFixed(2).padStart(5)}x | ${load()}`,
  )
  rmSync(one, {recursive: true})
  rmSync(many, {recursive: true})
}

const polnear = join(root, '..', 'shared', 'polnear')
if (!existsSync(polnear)) {
  console.log('\n2. skipped: ../shared/polnear is absent')
} else {
  const texts = ['train', 'dev'].flatMap((split) =>
    readdirSync(join(polnear, split, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(polnear, split, 'text', f))),
  )
  console.log(`\n2. peak RSS as the corpus grows (PolNeAR train+dev, ${texts.length} texts, replicated under distinct names)`)
  console.log('   MB  | documents | s | MB/s | peak RSS MB | load')
  const peaks: number[] = []
  for (const mb of corpusSizes) {
    const dir = join(work, `news-${mb}`)
    mkdirSync(dir)
    let bytes = 0
    for (let i = 0; bytes < mb * 1e6; i++) {
      const text = texts[i % texts.length]!
      // a folder per copy of the set keeps folders small
      const sub = join(dir, String(Math.floor(i / texts.length)).padStart(3, '0'))
      if (i % texts.length === 0) mkdirSync(sub)
      writeFileSync(join(sub, `${String(i % texts.length).padStart(4, '0')}.txt`), text)
      bytes += text.length
    }
    const result = run(dir)
    peaks.push(result.rssMB)
    console.log(`  ${String(mb).padStart(3)}  | ${result.documents} | ${result.seconds.toFixed(1)} | ${(bytes / 1e6 / result.seconds).toFixed(2)} | ${result.rssMB.toFixed(0)} | ${load()}`)
    rmSync(dir, {recursive: true})
  }
  if (peaks.length > 1) console.log(`  peak RSS ratio, largest to smallest corpus: ${(peaks[peaks.length - 1]! / peaks[0]!).toFixed(2)}x`)
}
rmSync(work, {recursive: true, force: true})
