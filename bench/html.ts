// npm run bench:html -- --data ../shared/article-extraction [--runs 1]
// Body-text extraction on the article-extraction benchmark's development pages, scored by the benchmark's
// own protocol (tools/html/shingles.ts), beside Readability.js 0.6.0's stored output on the same pages.
// What is scored is what users get: `lede run` over the folder of .html.gz pages (whole process: start-up,
// gunzip, extraction, every stage, writing), then the `text` of each article in articles.jsonl.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {matchShingles, summariseShingles, type ShingleCounts} from '../tools/html/shingles.ts'
import {listCorpus, readCorpus} from '../src/io/corpus.ts'

const {values} = parseScriptArgs({
  name: 'bench:html',
  about: "Body-text extraction on the article-extraction benchmark's development pages, scored by its own protocol, beside\nReadability.js 0.6.0's stored output; `lede run` over the pages is timed as a whole process.",
  options: {
    data: {type: 'string', value: '<dir>', description: 'the benchmark folder (ground-truth.json and html/)'},
    runs: {type: 'string', default: '1', check: 'number', description: 'timed `lede run` passes (the median is reported)'},
    pages: {type: 'boolean', default: false, description: 'print the score of every page'},
  },
  example: 'npm run bench:html -- --data ../shared/article-extraction',
})
if (!values.data) {
  console.error('bench:html: give the benchmark folder: npm run bench:html -- --data ../shared/article-extraction')
  process.exit(2)
}
const data = resolve(values.data)
const htmlDir = join(data, 'html')
if (!existsSync(join(data, 'ground-truth.json')) || !existsSync(htmlDir)) {
  console.error(`bench:html: ${data} has no ground-truth.json and html/ folder (the article-extraction benchmark's layout)`)
  process.exit(2)
}
type Bodies = Record<string, {articleBody?: string}>
const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as Bodies
const readabilityPath = join(data, 'readability-js-0.6.0.json')
const readability = existsSync(readabilityPath) ? (JSON.parse(readFileSync(readabilityPath, 'utf8')) as Bodies) : null
const keys = Object.keys(truth).sort()
const root = new URL('..', import.meta.url).pathname
const keyOf = (source: string) => source.replace(/\.html?(?:\.gz)?$/i, '')

const score = (bodies: Map<string, string>): {pages: ShingleCounts[]; summary: ReturnType<typeof summariseShingles>} => {
  const pages = keys.map((k) => matchShingles(truth[k]!.articleBody ?? '', bodies.get(k) ?? ''))
  return {pages, summary: summariseShingles(pages)}
}

// 1. the whole `lede run`, timed from outside (median of --runs)
const runs = Math.max(1, Number(values.runs))
const walls: number[] = []
let full = new Map<string, string>()
let rejected: string[] = []
for (let r = 0; r < runs; r++) {
  const out = mkdtempSync(join(tmpdir(), 'lede-bench-html-'))
  const started = performance.now()
  try {
    execFileSync(process.execPath, [join(root, 'bin/lede.js'), 'run', htmlDir, '--out', out, '--quiet'], {stdio: ['ignore', 'ignore', 'inherit']})
  } catch (error) {
    // exit code 1 means some pages became error lines: they score as empty predictions
    if ((error as {status?: number}).status !== 1) throw error
  }
  walls.push((performance.now() - started) / 1000)
  full = new Map()
  for (const line of readFileSync(join(out, 'articles.jsonl'), 'utf8').split('\n')) {
    if (line === '') continue
    const a = JSON.parse(line) as {source: string; text: string}
    full.set(keyOf(a.source), a.text)
  }
  rejected = readFileSync(join(out, 'errors.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => `${(JSON.parse(l) as {source: string; code: string}).source} ${(JSON.parse(l) as {code: string}).code}`)
  rmSync(out, {recursive: true, force: true})
}
walls.sort((a, b) => a - b)
const wall = walls[Math.floor(walls.length / 2)]!

// 2. ingest alone (gunzip + HTML extraction, before `clean`), in this process
const ingestStarted = performance.now()
const ingested = new Map<string, string>()
for await (const item of readCorpus(htmlDir, await listCorpus(htmlDir))) if (item.kind === 'doc') ingested.set(keyOf(item.doc.source), item.doc.text)
const ingestSeconds = (performance.now() - ingestStarted) / 1000

const rows: Array<[string, ReturnType<typeof score>]> = [
  ['lede run (articles.jsonl text)', score(full)],
  ['lede ingest only (before clean)', score(ingested)],
]
if (readability) rows.push(['Readability.js 0.6.0 (stored)', score(new Map(keys.map((k) => [k, readability[k]?.articleBody ?? ''])))])

const missingTruth = keys.filter((k) => !existsSync(join(htmlDir, `${k}.html.gz`)))
console.log(`bench:html: ${keys.length} pages from ${data}${missingTruth.length ? ` (${missingTruth.length} pages missing: scored as empty)` : ''}; node ${process.version}`)
console.log('body text, 4-word shingles, mean P and R over pages, F1 of the means (the benchmark\'s protocol)')
console.log(`${'extractor'.padEnd(34)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}`)
for (const [name, {summary}] of rows) console.log(`${name.padEnd(34)} ${summary.precision.toFixed(3).padStart(9)} ${summary.recall.toFixed(3).padStart(7)} ${summary.f1.toFixed(3).padStart(6)}`)
console.log('published on the full 181 pages: Readability.js 0.6.0 0.947, go-trafilatura 0.960')
console.log(`pages with no article (errors.jsonl): ${rejected.length}${rejected.length ? ` (${rejected.join(', ')})` : ''}`)
console.log(`throughput: lede run ${(keys.length / wall).toFixed(1)} pages/s (${wall.toFixed(2)} s wall, whole process, news pipeline, median of ${runs}); ingest only ${(ingested.size / ingestSeconds).toFixed(1)} pages/s (${ingestSeconds.toFixed(2)} s, gunzip + extraction)`)
if (values.pages) {
  const [, ours] = rows[0]!
  const theirs = rows[2]?.[1]
  keys.forEach((k, i) => {
    const a = ours.pages[i]!
    const b = theirs?.pages[i]
    console.log(`${k.slice(0, 12)} lede tp ${a.tp.toFixed(2)} fp ${a.fp.toFixed(2)} fn ${a.fn.toFixed(2)}${b ? ` | rjs tp ${b.tp.toFixed(2)} fp ${b.fp.toFixed(2)} fn ${b.fn.toFixed(2)}` : ''}`)
  })
}
