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
import {parseArgs} from 'node:util'
import {PIPELINES} from '../pipelines/index.ts'
import {createDoc, type EntityLabel} from '../src/doc.ts'
import {readConll} from '../tools/ner/conll.ts'
import {processDoc} from '../src/stage.ts'

const {values} = parseArgs({
  options: {
    data: {type: 'string', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname},
    removed: {type: 'string', default: '20'},
  },
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
  let text = ''
  const starts: number[] = []
  let start = 0
  for (const end of doc.sentenceEnds) {
    for (let i = start; i < end; i++) {
      if (i > start) text += ' '
      starts[i] = text.length
      text += doc.words[i]
    }
    text += '\n'
    start = end
  }
  const gold = new Set(doc.entities.map((e) => `${starts[e.start]}:${starts[e.end - 1]! + doc.words[e.end - 1]!.length}:${e.type}`))
  return {text, gold}
})
console.log(`data: ${values.data}: ${documents.length} documents, ${documents.reduce((n, d) => n + d.gold.size, 0)} gold entities`)

/** Offsets of the cleaned text's lines in the input: clean keeps lines unchanged (trailing space trimmed) or drops them whole. */
function lineMap(input: string, output: string): (offset: number) => number {
  const inLines = input.split('\n')
  const inStarts: number[] = []
  let at = 0
  for (const line of inLines) {
    inStarts.push(at)
    at += line.length + 1
  }
  const outStarts: number[] = []
  const outToIn: number[] = []
  let j = 0
  at = 0
  for (const line of output.split('\n')) {
    outStarts.push(at)
    at += line.length + 1
    if (line === '') {
      outToIn.push(-1)
      continue
    }
    while (j < inLines.length && inLines[j]!.trimEnd() !== line) j++
    if (j >= inLines.length) throw new Error(`clean changed a kept line: ${JSON.stringify(line)}`)
    outToIn.push(j++)
  }
  return (offset) => {
    let lo = 0
    let hi = outStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (outStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return inStarts[outToIn[lo]!]! + (offset - outStarts[lo]!)
  }
}

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
    const toInput = name === 'plain' ? (o: number) => o : lineMap(built.text, doc.text)
    const predicted = new Set<string>()
    for (const e of doc.entities ?? []) {
      const type = TYPES[e.label]
      if (type) predicted.add(`${toInput(e.start)}:${toInput(e.end - 1) + 1}:${type}`)
    }
    for (const key of predicted) counts[key.split(':')[2]!]![built.gold.has(key) ? 'tp' : 'fp']++
    for (const key of built.gold) if (!predicted.has(key)) counts[key.split(':')[2]!]!.fn++
  }
  const seconds = (performance.now() - started) / 1000
  const f = (c: {tp: number; fp: number; fn: number}) => {
    const p = c.tp / Math.max(1, c.tp + c.fp)
    const r = c.tp / Math.max(1, c.tp + c.fn)
    return {p: p * 100, r: r * 100, f: p + r === 0 ? 0 : (200 * p * r) / (p + r)}
  }
  const all = Object.values(counts).reduce((a, c) => ({tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn}), {tp: 0, fp: 0, fn: 0})
  const o = f(all)
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
