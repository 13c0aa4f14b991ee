/**
 * Whole documents through a pipeline, scored on CoNLL-2003 (eng.testa by default): each document is rebuilt as text
 * (one sentence a line, tokens joined by spaces, as bench:ner lays it out), run through `--pipeline news` (the
 * default: clean, layout, dateline, ...) and `--pipeline plain` (no clean) side by side, and its PERSON/ORG/LOC/MISC
 * entities are scored against gold at exact character spans of the input (conlleval's exact match). Entities on
 * lines clean removed (or lifted into the title) count as missed; the bench also prints every line clean removed.
 *
 *   npm run bench:ner-pipeline [-- --data ../shared/conll2003/eng.testa] [--removed 20]
 */
import {existsSync, readFileSync} from 'node:fs'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {PIPELINES} from '../pipelines/index.ts'
import {createDoc, type EntityLabel} from '../src/doc.ts'
import {readConll} from '../tools/ner/conll.ts'
import {conllText, mapCleanedOffsets} from '../tools/ner/conll-text.ts'
import {PRFScore} from '../src/eval/prf.ts'
import {processDoc} from '../src/stage.ts'

const {values} = parseScriptArgs({
  name: 'bench:ner-pipeline',
  about: 'Entity F1 on a CoNLL-2003 file through the news pipeline (clean, layout, dateline, ...) and the plain one (no clean) side by side,\nin process, with the entities the news pipeline removes.',
  options: {
    data: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname, description: 'CoNLL-2003 file'},
    removed: {type: 'string', default: '20', check: 'number', description: 'removed entities to print'},
  },
  example: 'npm run bench:ner-pipeline -- --removed 5',
})
if (!existsSync(values.data!)) {
  console.log(`bench:ner-pipeline skipped: ${values.data} not found (CoNLL-2003 lives in ../shared/conll2003 beside the repository)`)
  process.exit(0)
}
const showRemoved = Number(values.removed)
const TYPES: Partial<Record<EntityLabel, string>> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

interface Built {
  text: string
  gold: Set<string>
}
const documents: Built[] = readConll(readFileSync(values.data!, 'utf8')).map((doc) => {
  const {text, entities} = conllText(doc)
  return {text, gold: new Set(entities.map((e) => `${e.start}:${e.end}:${e.type}`))}
})
console.log(`data: ${values.data}: ${documents.length} documents, ${documents.reduce((n, d) => n + d.gold.size, 0)} gold entities`)

for (const name of ['news', 'plain']) {
  const pipeline = PIPELINES[name]!.build()
  const counts = Object.fromEntries(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t, {tp: 0, fp: 0, fn: 0}]))
  const removed: string[] = []
  let titles = 0
  const started = performance.now()
  for (const built of documents) {
    const doc = processDoc(pipeline, createDoc({id: 'd', source: 'conll', text: built.text}))
    if (doc.messages.some((m) => m.fatal)) throw new Error(`pipeline failed: ${JSON.stringify(doc.messages)}`)
    for (const r of doc.removed ?? []) removed.push(`${r.rule}\t${r.text}`)
    if (doc.title !== null) titles++
    const toInput = name === 'plain' ? (o: number) => o : mapCleanedOffsets(built.text, doc.text)
    const predicted = new Set<string>()
    for (const e of doc.entities ?? []) {
      const type = TYPES[e.label]
      if (type) predicted.add(`${toInput(e.start)}:${toInput(e.end - 1) + 1}:${type}`)
    }
    for (const key of predicted) counts[key.split(':')[2]!]![built.gold.has(key) ? 'tp' : 'fp']++
    for (const key of built.gold) if (!predicted.has(key)) counts[key.split(':')[2]!]!.fn++
  }
  const seconds = (performance.now() - started) / 1000
  const f = (c: {tp: number; fp: number; fn: number}) => percent(new PRFScore(c.tp, c.fp, c.fn))
  const o = f(Object.values(counts).reduce<PRFScore>((a, c) => a.add(c), new PRFScore()))
  console.log(
    `\n--pipeline ${name}: entity F1 ${o.f.toFixed(2)} (P ${o.p.toFixed(2)}, R ${o.r.toFixed(2)}); ${Object.entries(counts)
      .map(([t, c]) => `${t} ${f(c).f.toFixed(2)}`)
      .join(', ')}; lines removed by clean ${removed.length}, titles lifted ${titles}; ${seconds.toFixed(1)} s`,
  )
  const byRule = new Map<string, number>()
  for (const r of removed) byRule.set(r.split('\t')[0]!, (byRule.get(r.split('\t')[0]!) ?? 0) + 1)
  if (removed.length > 0) console.log(`  removed by rule: ${[...byRule].map(([k, v]) => `${k} ${v}`).join(', ')}`)
  for (const r of removed.slice(0, showRemoved)) console.log(`  ${r}`)
}

// as percentages, 0 where nothing was scored (conlleval's way)
function percent(score: PRFScore): {p: number; r: number; f: number} {
  return {p: (score.precision ?? 0) * 100, r: (score.recall ?? 0) * 100, f: (score.fscore ?? 0) * 100}
}
