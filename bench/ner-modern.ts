/**
 * The modern-news NER set through the whole process, scored the way a hidden-set scorer holds its gold: on the
 * INPUT text. Every annotated article (written, PolNeAR dev and web halves) is written as a text file into one
 * corpus folder with the unannotated PolNeAR dev texts beside it (corpus context for the linker, as a day's wire),
 * `lede run` (the default pipeline) runs over it, and the written PERSON/ORG/LOC/MISC records are mapped back to
 * the input text (clean keeps lines or drops them whole) and scored at exact spans per half. A name on a line clean
 * removed counts as missed, which `lede eval --gold` (gold placed in the cleaned text) does not show.
 *
 *   npm run bench:ner-modern [-- --workers 1] [--keep] [--errors]
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {POLNEAR_DEV_TEXT_DIR, readModernNerSet} from '../tools/ner/ner-set.ts'
import {mapCleanedOffsets} from '../tools/ner/conll-text.ts'
import {PRFScore} from '../src/eval/prf.ts'
import {readRunEntities} from './run-entities.ts'

const {values} = parseScriptArgs({
  name: 'bench:ner-modern',
  about: 'Entity F1 of the whole `lede run` (bin/lede.js with models/ner.bin) on the modern-news NER set (test/ner-gold/modern),\nper half and all, PER/ORG/LOC/MISC exact spans.',
  options: {
    workers: {type: 'string', default: '1', check: 'number', description: '`lede run --workers`'},
    keep: {type: 'boolean', default: false, description: 'keep the corpus and output and print where they are'},
    errors: {type: 'boolean', default: false, description: 'print every wrong or missed entity'},
  },
  example: 'npm run bench:ner-modern -- --errors',
})
const set = readModernNerSet()
for (const s of set.skipped) console.log(`modern set: the ${s.source} half skipped: ${s.reason}`)
const TYPES: Record<string, string> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

// one file per annotated article, named after its gold file; PolNeAR dev texts without gold join as context
const work = mkdtempSync(join(tmpdir(), 'lede-ner-modern-'))
const corpus = join(work, 'corpus')
mkdirSync(corpus)
const byFile = new Map<string, (typeof set.docs)[number]>()
for (const doc of set.docs) {
  const file = `${doc.source}-${doc.id}.txt`
  byFile.set(file, doc)
  writeFileSync(join(corpus, file), doc.text)
}
let context = 0
if (existsSync(POLNEAR_DEV_TEXT_DIR)) {
  const annotated = new Set(set.docs.filter((d) => d.source === 'polnear').map((d) => `${d.id}.txt`))
  for (const name of readdirSync(POLNEAR_DEV_TEXT_DIR).sort()) {
    if (!name.endsWith('.txt') || annotated.has(name)) continue
    writeFileSync(join(corpus, `context-${name}`), readFileSync(join(POLNEAR_DEV_TEXT_DIR, name), 'utf8'))
    context++
  }
}
const out = join(work, 'out')
const started = performance.now()
const run = spawnSync(process.execPath, [new URL('../bin/lede.js', import.meta.url).pathname, 'run', corpus, '--out', out, '--quiet', '--workers', values.workers!], {stdio: ['ignore', 'ignore', 'inherit']})
const seconds = (performance.now() - started) / 1000
if (run.status !== 0 && run.status !== 1) throw new Error(`lede run exited ${run.status}`)

const {articles, predicted} = readRunEntities(out, TYPES)

type Counts = Record<string, {tp: number; fp: number; fn: number}>
const fresh = (): Counts => Object.fromEntries(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t, {tp: 0, fp: 0, fn: 0}]))
const halves = new Map<string, Counts>([['all', fresh()]])
const errors: string[] = []
for (const article of articles.values()) {
  const doc = byFile.get(article.file)
  if (!doc) continue
  const counts = [halves.get('all')!, halves.get(doc.source) ?? halves.set(doc.source, fresh()).get(doc.source)!]
  const toInput = mapCleanedOffsets(doc.text, article.text)
  const pred = new Map<string, string>()
  for (const p of predicted.get(article.file) ?? []) pred.set(`${toInput(p.start)}:${toInput(p.end - 1) + 1}`, p.type)
  const gold = new Map(doc.entities.map((e) => [`${e.start}:${e.end}`, e.label as string]))
  const show = (key: string) => {
    const [s, e] = key.split(':').map(Number)
    return doc.text.slice(s, e).replace(/\n/g, ' / ')
  }
  for (const [key, type] of pred) {
    for (const c of counts) c[type]![gold.get(key) === type ? 'tp' : 'fp']++
    if (gold.get(key) !== type && !gold.has(key)) errors.push(`${doc.source}/${doc.id}\t+\t${type}\t${show(key)}`)
  }
  for (const [key, type] of gold) {
    if (pred.get(key) === type) continue
    for (const c of counts) c[type]!.fn++
    errors.push(`${doc.source}/${doc.id}\t${pred.has(key) ? '~' : '-'}\t${type}${pred.has(key) ? `->${pred.get(key)}` : ''}\t${show(key)}`)
  }
}
// an annotated article with no output article: all its gold is missed
const written = new Set([...articles.values()].map((a) => a.file))
for (const [file, doc] of byFile) {
  if (written.has(file)) continue
  const counts = [halves.get('all')!, halves.get(doc.source) ?? halves.set(doc.source, fresh()).get(doc.source)!]
  for (const e of doc.entities) for (const c of counts) c[e.label]!.fn++
}
const f = (c: {tp: number; fp: number; fn: number}) => ((new PRFScore(c.tp, c.fp, c.fn).fscore ?? 0) * 100).toFixed(2)
console.log(`modern set through lede run: ${set.docs.length} annotated articles and ${context} PolNeAR dev texts as context; lede run ${seconds.toFixed(1)} s (--workers ${values.workers})`)
console.log('exact-span F1 on the input text (a name clean removed counts as missed):')
for (const name of ['written', 'polnear', 'web', 'all']) {
  const counts = halves.get(name)
  if (!counts) continue
  const all = Object.values(counts).reduce<PRFScore>((a, c) => a.add(c), new PRFScore())
  console.log(`${name.padEnd(8)} ALL ${f(all)}  ${Object.entries(counts).map(([t, c]) => `${t} ${f(c)}`).join('  ')}`)
}
if (values.errors) for (const line of errors) console.log(line)
if (values.keep) console.log(`corpus and output: ${work}`)
else rmSync(work, {recursive: true, force: true})
