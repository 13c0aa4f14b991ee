// npm run bench:money [-- --mb 20 --runs 5 --rt-kb 200 --rt-runs 3]
// 1. Scores findMoney against the Recognizers-Text currency spec and Duckling's AmountOfMoney corpus
//    (from ../shared; skipped with a message when absent), listing every miss.
// 2. Times the money stage alone over a >= 20 MB corpus built from corpus/*.txt and generated
//    news-like text, and Recognizers-Text's recognizeCurrency on a sample of the same corpus, in one run.
// 3. Prints the linear-time ratios time(1 MB) / time(100 kB) on pathological inputs.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import recognizers from '@microsoft/recognizers-text-suite'
import {createDoc, type Doc} from '../src/doc.ts'
import {findMoney} from '../src/money/find-money.ts'
import {scoreDuckling, scoreRecognizers, tally, type DucklingSuite, type ItemScore, type RecognizersRecord, type Tally} from '../tools/money/suites.ts'
import {createMoney} from '../src/stages/money.ts'
import {generateNews, mulberry32} from './news-like.ts'

const {values} = parseScriptArgs({
  name: 'bench:money',
  about:
    "findMoney scored on the Recognizers-Text currency spec and Duckling's AmountOfMoney corpus (from ../shared), every miss listed;\n" +
    "the money stage timed over --mb of news beside Recognizers-Text's recognizeCurrency on a sample; linear-time ratios on pathological inputs.",
  options: {
    mb: {type: 'string', default: '20', check: 'number', description: 'megabytes of text for the throughput run'},
    runs: {type: 'string', default: '5', check: 'number', description: 'timed passes (the median is reported)'},
    'rt-kb': {type: 'string', default: '200', check: 'number', description: "kilobytes of the sample Recognizers-Text's recognizeCurrency is timed on"},
    'rt-runs': {type: 'string', default: '3', check: 'number', description: 'timed Recognizers-Text passes'},
  },
  example: 'npm run bench:money -- --mb 5 --runs 3',
})
const targetMB = Number(values.mb)
const runs = Number(values.runs)
const rtKB = Number(values['rt-kb'])
const rtRuns = Number(values['rt-runs'])
const root = new URL('..', import.meta.url).pathname
const sharedMoney = join(root, '..', 'shared', 'money')

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a')
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const line = (label: string, t: Tally): string =>
  `${label.padEnd(34)} ${String(t.total).padStart(4)} items  found ${pct(t.found, t.total).padStart(6)}  amount ${pct(t.amount, t.total).padStart(6)}  currency ${pct(t.currency, t.total).padStart(6)}  all right ${t.right}/${t.total} (${pct(t.right, t.total)})`

function listMisses(scores: ItemScore[]): void {
  for (const s of scores) {
    if (s.found && s.amountRight && s.currencyRight) continue
    const what = [!s.found && 'not found', s.found && !s.amountRight && 'amount', s.found && !s.currencyRight && 'currency'].filter(Boolean).join(', ')
    const scope = s.inScope ? '' : ` [out of scope: ${s.reason}]`
    console.log(`  miss ${s.suite} #${s.group} (${what})${scope}\n       text: ${JSON.stringify(s.text.length > 140 ? `${s.text.slice(0, 140)}…` : s.text)}\n       gold: ${s.gold}\n       got:  ${s.predicted}`)
  }
}

// ------------------------------------------------------------------ 1. suites

function scoreSuites(): void {
  console.log('== accuracy on external suites ==')
  const recognizersFile = join(sharedMoney, 'recognizers-currency-en.json')
  const ducklingFile = join(sharedMoney, 'duckling-amountofmoney-en.json')
  if (!existsSync(recognizersFile) || !existsSync(ducklingFile)) {
    console.log(`skipped: ${sharedMoney} is absent (the suites live in ../shared beside the repository and are never copied into it)`)
    return
  }
  const records = JSON.parse(readFileSync(recognizersFile, 'utf8')) as RecognizersRecord[]
  const news = scoreRecognizers(records, 0, 94)
  const rest = scoreRecognizers(records, 95)
  console.log('Recognizers-Text currency spec (End inclusive; unit-only results without a value are not figures and are skipped):')
  console.log(line('  records 0-94 (news)', tally(news)))
  console.log(line('  records 95-179 (chat/edge cases)', tally(rest)))
  listMisses(news)
  listMisses(rest)

  const suite = JSON.parse(readFileSync(ducklingFile, 'utf8')) as DucklingSuite
  const duck = scoreDuckling(suite)
  const inScope = duck.filter((s) => s.inScope)
  console.log('Duckling AmountOfMoney EN corpus:')
  console.log(line('  in scope', tally(inScope)))
  console.log(line('  all examples', tally(duck)))
  console.log(`  out of scope: ${duck.length - inScope.length} examples (see docs/money.md)`)
  console.log('  per group (in scope):')
  suite.groups.forEach((group, index) => {
    const g = inScope.filter((s) => s.group === index)
    if (!g.length) {
      console.log(`    #${String(index).padStart(2)} ${group.kind} ${group.unit}: all out of scope`)
      return
    }
    const t = tally(g)
    console.log(`    #${String(index).padStart(2)} ${`${group.kind} ${group.unit}`.padEnd(16)} ${t.right}/${t.total}`)
  })
  listMisses(duck)
  const negatives = suite.negative.filter((text) => findMoney(text).length > 0)
  console.log(`  negatives: ${suite.negative.length - negatives.length}/${suite.negative.length} correctly without money${negatives.length ? ` (wrong: ${negatives.join('; ')})` : ''}`)
}

// ------------------------------------------------------------------ 2. speed

/** Article-sized documents: the seed articles and generated news, repeated to at least `mb` megabytes (UTF-8). */
function buildCorpus(mb: number): {docs: Doc[]; bytes: number} {
  const seedDir = join(root, 'corpus')
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'))
  const random = mulberry32(20240601)
  const docs: Doc[] = []
  let bytes = 0
  for (let i = 0; bytes < mb * 1e6; i++) {
    const text = i % 2 === 0 ? seeds[(i / 2) % seeds.length]! : generateNews(random, 12)
    docs.push(createDoc({id: `d${i}`, source: `d${i}.txt`, text}))
    bytes += Buffer.byteLength(text)
  }
  return {docs, bytes}
}

/** Runs the money stage on every document; wall-clock and process CPU milliseconds. */
function timeStage(docs: Doc[]): {wall: number; cpu: number} {
  const stage = createMoney()
  const ctx = {warn: () => {}}
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (const doc of docs) stage.run(doc, ctx)
  const wall = performance.now() - started
  const used = process.cpuUsage(cpu)
  return {wall, cpu: (used.user + used.system) / 1000}
}

function speed(): void {
  console.log('\n== speed ==')
  const {docs, bytes} = buildCorpus(targetMB)
  const mb = bytes / 1e6
  timeStage(docs.slice(0, 200)) // warm up the JIT
  const timings: {wall: number; cpu: number}[] = []
  for (let r = 0; r < runs; r++) timings.push(timeStage(docs))
  const times = timings.map((t) => t.wall)
  const figures = docs.reduce((sum, d) => sum + (d.money?.length ?? 0), 0)
  const oursMBs = mb / (median(times) / 1000)
  const cpuMBs = mb / (median(timings.map((t) => t.cpu)) / 1000)
  console.log(`corpus: ${docs.length} documents, ${mb.toFixed(1)} MB (UTF-8), ${figures} figures found`)
  console.log(`money stage (one thread): runs ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; median ${median(times).toFixed(0)} ms = ${oursMBs.toFixed(1)} MB/s wall-clock (${cpuMBs.toFixed(1)} MB/s per process CPU second, GC threads included)`)

  // Recognizers-Text on a sample of the same corpus, paragraph by paragraph: its cost grows faster than
  // linearly with input length, so whole-document calls would only make it look slower
  const sample: string[] = []
  let sampleBytes = 0
  for (const doc of docs) {
    for (const paragraph of doc.text.split(/\n+/)) {
      if (!paragraph.trim()) continue
      sample.push(paragraph)
      sampleBytes += Buffer.byteLength(paragraph)
      if (sampleBytes >= rtKB * 1000) break
    }
    if (sampleBytes >= rtKB * 1000) break
  }
  recognizers.recognizeCurrency('warm up: $5 million', recognizers.Culture.English)
  const rtTimes: number[] = []
  const ourSampleTimes: number[] = []
  for (let r = 0; r < rtRuns; r++) {
    let started = performance.now()
    for (const paragraph of sample) recognizers.recognizeCurrency(paragraph, recognizers.Culture.English)
    rtTimes.push(performance.now() - started)
    started = performance.now()
    for (const paragraph of sample) findMoney(paragraph)
    ourSampleTimes.push(performance.now() - started)
  }
  const rtMBs = sampleBytes / 1e6 / (median(rtTimes) / 1000)
  const oursSampleMBs = sampleBytes / 1e6 / (median(ourSampleTimes) / 1000)
  console.log(`Recognizers-Text recognizeCurrency: ${(sampleBytes / 1000).toFixed(0)} kB sample in ${sample.length} paragraphs, runs ${rtTimes.map((t) => `${t.toFixed(0)} ms`).join(', ')}; median = ${(rtMBs * 1000).toFixed(1)} kB/s (${rtMBs.toFixed(4)} MB/s)`)
  console.log(`findMoney on the same paragraphs: ${oursSampleMBs.toFixed(1)} MB/s`)
  console.log(`ratio (money stage MB/s / Recognizers-Text MB/s): ${Math.round(oursMBs / rtMBs)}x  [bars: >= 20 MB/s, >= 1000x]`)

  console.log('\nthe forms Recognizers-Text misses:')
  for (const text of ['The EU will allocate €6 billion ($6.98 billion) to Ukraine.', 'It raised €6bn.', 'A £20m fine.']) {
    const rt = recognizers.recognizeCurrency(text, recognizers.Culture.English).map((r) => `${r.text}=${r.resolution.value} ${r.resolution.isoCurrency ?? r.resolution.unit}`)
    const ours = findMoney(text).map((m) => `${text.slice(m.start, m.end)}=${m.value} ${m.currency}${m.equivalentOf !== undefined ? ` (equivalentOf ${m.equivalentOf})` : ''}`)
    console.log(`  ${JSON.stringify(text)}\n    Recognizers-Text: ${rt.join('; ') || '(none)'}\n    lede:             ${ours.join('; ')}`)
  }
}

// ------------------------------------------------------------------ 3. linear time

function linearTime(): void {
  console.log('\n== linear time: time(1 MB) / time(100 kB), min of 3 runs (linear ~10, quadratic ~100) ==')
  const timeOf = (text: string): number => {
    let best = Infinity
    for (let r = 0; r < 3; r++) {
      const started = performance.now()
      findMoney(text)
      best = Math.min(best, performance.now() - started)
    }
    return Math.max(best, 0.05)
  }
  const units: [string, string][] = [
    ['digits', '7'], ['currency signs', '$'], ['commas', ','], ['one long token', 'a'], ['digit groups', '1,2'],
    ['figures', '$1-'], ['number words', 'million '], ['currency words', 'dollars '], ['dots and digits', '1.'], ['spaced digits', '1 '],
  ]
  for (const [name, unit] of units) {
    const small = unit.repeat(Math.ceil(100_000 / unit.length))
    const large = unit.repeat(Math.ceil(1_000_000 / unit.length))
    findMoney(small)
    findMoney(large)
    const a = timeOf(small)
    const b = timeOf(large)
    console.log(`  ${name.padEnd(16)} 100 kB ${a.toFixed(2).padStart(7)} ms   1 MB ${b.toFixed(2).padStart(8)} ms   ratio ${(b / a).toFixed(1)}`)
  }
}

scoreSuites()
speed()
linearTime()
