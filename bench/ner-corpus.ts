/**
 * A CoNLL-2003 file scored as one corpus through the whole process, as users run it: every document is written as
 * its own text file (one sentence a line, tokens joined by spaces, as bench:ner-pipeline lays it out), `lede run`
 * (the default pipeline, the linker's corpus stage included) runs over the folder, and the written PERSON/ORG/LOC/MISC
 * entity records are scored against gold at exact character spans of the input (conlleval's exact match). Unlike
 * bench:ner-pipeline, which runs documents one by one, this sees what the corpus stage does to labels.
 *
 *   npm run bench:ner-corpus [-- --data ../shared/conll2003/eng.testa] [--workers 0] [--pred <output folder>] [--errors]
 *
 * `--pred` scores an output folder written earlier from the same corpus (`--keep` prints where the corpus is).
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {readConll} from '../tools/ner/conll.ts'
import {conllText, mapCleanedOffsets} from '../tools/ner/conll-text.ts'
import {PRFScore} from '../src/eval/prf.ts'
import {createUtf16Mapper} from '../src/io/offsets.ts'

const {values} = parseScriptArgs({
  name: 'bench:ner-corpus',
  about: 'Entity F1 of the whole `lede run` (clean and every rule around the recogniser) on a CoNLL-2003 file written out as a corpus,\nPER/ORG/LOC/MISC exact spans, conlleval-style.',
  options: {
    data: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname, description: 'CoNLL-2003 file'},
    workers: {type: 'string', default: '0', check: 'number', description: '`lede run --workers`'},
    pred: {type: 'string', value: '<output folder>', description: 'score an output folder written earlier from the same corpus instead of running lede'},
    keep: {type: 'boolean', default: false, description: 'keep the corpus and output and print where they are'},
    errors: {type: 'boolean', default: false, description: 'print every wrong or missed entity'},
  },
  example: 'npm run bench:ner-corpus -- --workers 1 --errors',
})
if (!existsSync(values.data!)) {
  console.log(`bench:ner-corpus skipped: ${values.data} not found (CoNLL-2003 lives in ../shared/conll2003 beside the repository)`)
  process.exit(0)
}
const TYPES: Record<string, string> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

const docs = readConll(readFileSync(values.data!, 'utf8')).map((doc, n) => {
  const {text, entities} = conllText(doc)
  return {name: `doc-${String(n).padStart(5, '0')}.txt`, text, gold: new Map(entities.map((e) => [`${e.start}:${e.end}`, e.type]))}
})
// a folder for the corpus and its output only when this bench runs lede itself
const work = values.pred ? null : mkdtempSync(join(tmpdir(), 'lede-ner-corpus-'))
let outDir = values.pred
let seconds = 0
if (work) {
  const corpus = join(work, 'corpus')
  mkdirSync(corpus)
  for (const d of docs) writeFileSync(join(corpus, d.name), d.text)
  outDir = join(work, 'out')
  const lede = new URL('../bin/lede.js', import.meta.url).pathname
  const started = performance.now()
  const run = spawnSync(process.execPath, [lede, 'run', corpus, '--out', outDir, '--quiet', '--workers', values.workers!], {stdio: ['ignore', 'ignore', 'inherit']})
  seconds = (performance.now() - started) / 1000
  if (run.status !== 0 && run.status !== 1) throw new Error(`lede run exited ${run.status}`)
}
const bySource = new Map(docs.map((d) => [d.name, d]))

const readJsonl = (file: string): Array<Record<string, unknown>> =>
  readFileSync(join(outDir!, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
const articles = new Map<string, {source: string; text: string}>()
for (const a of readJsonl('articles.jsonl')) articles.set(a.id as string, {source: a.source as string, text: (a.title ? `${a.title}\n` : '') + (a.text as string)})
const predicted = new Map<string, Map<string, string>>()
// records count code points; the CoNLL text is rebuilt in UTF-16, so convert back (one table per article)
const units = new Map<string, (codePoint: number) => number | null>()
const toUnits = (docId: string, text: string, points: number): number => {
  let toUtf16 = units.get(docId)
  if (!toUtf16) units.set(docId, (toUtf16 = createUtf16Mapper(text)))
  return toUtf16(points)!
}
for (const e of readJsonl('entities.jsonl')) {
  const type = TYPES[e.label as string]
  if (!type) continue
  const article = articles.get(e.docId as string)!
  let spans = predicted.get(article.source)
  if (!spans) predicted.set(article.source, (spans = new Map()))
  spans.set(`${toUnits(e.docId as string, article.text, e.start as number)}:${toUnits(e.docId as string, article.text, e.end as number)}`, type)
}
const counts = Object.fromEntries(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t, {tp: 0, fp: 0, fn: 0}]))
const errors: string[] = []
for (const [id, article] of articles) {
  const doc = bySource.get(article.source)
  if (!doc) throw new Error(`output article ${id} (${article.source}) is not from this corpus`)
  const toInput = mapCleanedOffsets(doc.text, article.text)
  const pred = new Map<string, string>()
  for (const [key, type] of predicted.get(article.source) ?? []) {
    const [s, e] = key.split(':').map(Number)
    pred.set(`${toInput(s!)}:${toInput(e! - 1) + 1}`, type)
  }
  const show = (key: string) => {
    const [s, e] = key.split(':').map(Number)
    return doc.text.slice(s, e).replace(/\n/g, ' / ')
  }
  for (const [key, type] of pred) {
    if (doc.gold.get(key) === type) counts[type]!.tp++
    else {
      counts[type]!.fp++
      if (!doc.gold.has(key)) errors.push(`${doc.name}\t+\t${type}\t${show(key)}`)
    }
  }
  for (const [key, type] of doc.gold) {
    if (pred.get(key) === type) continue
    counts[type]!.fn++
    errors.push(`${doc.name}\t${pred.has(key) ? '~' : '-'}\t${type}${pred.has(key) ? `->${pred.get(key)}` : ''}\t${show(key)}`)
  }
}
const missing = docs.length - articles.size
const written = new Set([...articles.values()].map((a) => a.source))
for (const d of docs) if (!written.has(d.name)) for (const type of d.gold.values()) counts[type]!.fn++
// as percentages, 0 where nothing was scored (conlleval's way)
const f = (c: {tp: number; fp: number; fn: number}) => {
  const score = new PRFScore(c.tp, c.fp, c.fn)
  return {p: (score.precision ?? 0) * 100, r: (score.recall ?? 0) * 100, f: (score.fscore ?? 0) * 100}
}
const o = f(Object.values(counts).reduce<PRFScore>((a, c) => a.add(c), new PRFScore()))
console.log(`data: ${values.data}: ${docs.length} documents as one corpus${missing > 0 ? ` (${missing} wrote no article: their gold counts as missed)` : ''}`)
console.log(
  `entity F1 ${o.f.toFixed(2)} (P ${o.p.toFixed(2)}, R ${o.r.toFixed(2)}); ${Object.entries(counts)
    .map(([t, c]) => `${t} ${f(c).f.toFixed(2)}`)
    .join(', ')}${seconds > 0 ? `; lede run ${seconds.toFixed(1)} s (--workers ${values.workers})` : ''}`,
)
if (values.errors) for (const line of errors) console.log(line)
if (values.keep || values.pred) console.log(`output: ${outDir}`)
else if (work) rmSync(work, {recursive: true, force: true})
