/**
 * Documents written wholly in capitals (old wire and teletype archives): the default pipeline on upper-cased copies of
 * existing NON-held-out gold, printed beside the same sets as written (protocol and bars: docs/all-caps.md).
 *
 *   npm run bench:all-caps [-- --only quotes|ner|seed] [--workers 1]
 *
 * Upper-casing keeps every gold offset: each code point is replaced by its upper case only when that has the same
 * UTF-16 length (ß -> SS does not, so ß stays as written); the count of code points kept is printed per set.
 * (a) PolNeAR dev (../shared/polnear/dev): direct quotes at 0.3/0.8 coverage and speaker accuracy, scored as
 *     bench:quotes scores them (bench/quotes-score.ts), with the stages bench:quotes runs.
 * (b) the modern dev NER set (test/ner-gold/modern): `lede run` over it with PolNeAR dev texts as context (upper-cased
 *     too), PER/ORG/LOC/MISC exact spans on the input text, as bench:ner-modern scores it.
 * (c) the seed gold (test/gold with corpus/): `lede run` and `lede eval` with every gold string upper-cased the same way;
 *     DATE, MONEY, quotes and speaker accuracy.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {createDoc, type Doc} from '../src/doc.ts'
import {createPipeline, processDoc} from '../src/stage.ts'
import {createEntities} from '../src/stages/entities.ts'
import {createDateline} from '../src/stages/dateline.ts'
import {createMoney} from '../src/stages/money.ts'
import {createQuotes} from '../src/stages/quotes.ts'
import {createSegment} from '../src/stages/segment.ts'
import {PRFScore} from '../src/eval/prf.ts'
import {evaluate} from '../src/eval/evaluate.ts'
import {readRunEntities} from './run-entities.ts'
import {POLNEAR_DEV_TEXT_DIR, readModernNerSet} from '../tools/ner/ner-set.ts'
import {mapCleanedOffsets} from '../tools/ner/conll-text.ts'
import {groupPredictions, matchQuotes, parseBrat, prf, readGold, speakerRight, type PredictedQuote} from './quotes-score.ts'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const {values} = parseScriptArgs({
  name: 'bench:all-caps',
  about: 'The default pipeline on upper-cased copies of PolNeAR dev (quotes, speakers), the modern dev NER set (entities)\nand the seed gold (DATE, money, quotes), beside the same sets as written.',
  options: {
    only: {type: 'string', default: '', description: 'run one part: quotes, ner or seed'},
    workers: {type: 'string', default: '1', check: 'number', description: '`lede run --workers` for the ner and seed parts'},
    errors: {type: 'boolean', default: false, description: 'print the wrong and missed entities of the upper-cased modern set'},
  },
  example: 'npm run bench:all-caps -- --only quotes',
})
const only = values.only ?? ''

type Variant = 'as written' | 'upper-cased'
const VARIANTS: Variant[] = ['as written', 'upper-cased']

/** Upper-cases each code point whose upper case has its UTF-16 length; returns the text and how many were kept as written. */
function upperKeepingOffsets(text: string): {text: string; kept: number} {
  let out = ''
  let kept = 0
  for (const c of text) {
    const u = c.toUpperCase()
    if (u.length === c.length) out += u
    else {
      out += c
      kept++
    }
  }
  return {text: out, kept}
}
let keptTotal = 0
const shape = (variant: Variant, text: string): string => {
  if (variant === 'as written') return text
  const {text: upper, kept} = upperKeepingOffsets(text)
  keptTotal += kept
  return upper
}
const pct = (x: number | null | undefined): string => (100 * (x ?? 0)).toFixed(2)

// (a) PolNeAR dev quotes and speakers, in process, as bench:quotes
function benchQuotes(): void {
  const dataDir = join(root, '../shared/polnear/dev')
  if (!existsSync(join(dataDir, 'attributions'))) return void console.log(`(a) skipped: PolNeAR not found at ${dataDir}`)
  const pipeline = createPipeline('bench-all-caps', [createSegment(), createDateline(), createMoney(), createEntities(), createQuotes()])
  const annotations = new Map<string, string>()
  for (const file of readdirSync(join(dataDir, 'attributions')).sort()) {
    const name = file.replace(/_[^_]+\.ann$/, '')
    if (!annotations.has(name)) annotations.set(name, file)
  }
  console.log(`(a) PolNeAR dev, ${annotations.size} articles (first annotator each), direct quotes as bench:quotes scores them`)
  console.log('    variant       P@0.3   R@0.3   F1@0.3  F1@0.8  speaker')
  for (const variant of VARIANTS) {
    keptTotal = 0
    const totals = [0.3, 0.8].map(() => ({tp: 0, fp: 0, fn: 0}))
    let speakerTotal = 0
    let speakerRightCount = 0
    for (const [name, annFile] of [...annotations].sort()) {
      const text = shape(variant, readFileSync(join(dataDir, 'text', `${name}.txt`), 'utf8'))
      const gold = readGold(text, parseBrat(readFileSync(join(dataDir, 'attributions', annFile), 'utf8')))
      const doc: Doc = processDoc(pipeline, createDoc({id: name, source: name, text}))
      const predicted: PredictedQuote[] = (doc.quotes ?? [])
        .filter((q) => q.kind !== 'indirect')
        .map((q) => ({start: q.start, end: q.end, speaker: q.speaker.start !== null && q.speaker.end !== null ? {start: q.speaker.start, end: q.speaker.end} : null, mention: q.speaker.mention}))
      const units = groupPredictions(predicted)
      const scores = [0.3, 0.8].map((t) => matchQuotes(gold.quotes, gold.others, units, t))
      scores.forEach((s, i) => {
        totals[i]!.tp += s.tp
        totals[i]!.fp += s.fp
        totals[i]!.fn += s.fn
      })
      for (const [g, u] of scores[0]!.matches) {
        if (gold.quotes[g]!.sources.length === 0) continue
        speakerTotal++
        if (speakerRight(gold.quotes[g]!, units[u]!)) speakerRightCount++
      }
    }
    const [loose, strict] = totals.map((t) => prf(t.tp, t.fp, t.fn)) as [ReturnType<typeof prf>, ReturnType<typeof prf>]
    console.log(
      `    ${variant.padEnd(12)}  ${pct(loose.p)}   ${pct(loose.r)}   ${pct(loose.f)}   ${pct(strict.f)}   ${speakerRightCount}/${speakerTotal} = ${pct(speakerTotal ? speakerRightCount / speakerTotal : 0)}` +
        `  (tp ${totals[0]!.tp}, fp ${totals[0]!.fp}, fn ${totals[0]!.fn}${variant === 'upper-cased' ? `; ${keptTotal} code points kept as written` : ''})`,
    )
  }
}

function lede(args: string[]): void {
  const run = spawnSync(process.execPath, [join(root, 'bin/lede.js'), ...args], {stdio: ['ignore', 'ignore', 'inherit']})
  if (run.status !== 0 && run.status !== 1) throw new Error(`lede ${args[0]} exited ${run.status}`)
}

// (b) the modern dev NER set through lede run, as bench:ner-modern
function benchNer(): void {
  const set = readModernNerSet()
  for (const s of set.skipped) console.log(`(b) the ${s.source} half skipped: ${s.reason}`)
  const TYPES: Record<string, string> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}
  console.log(`(b) modern dev NER set through lede run: ${set.docs.length} annotated articles, PolNeAR dev texts as context; exact-span F1 on the input text`)
  console.log('    variant       ALL     PER     ORG     LOC     MISC')
  for (const variant of VARIANTS) {
    keptTotal = 0
    const work = mkdtempSync(join(tmpdir(), 'lede-all-caps-ner-'))
    const corpus = join(work, 'corpus')
    mkdirSync(corpus)
    const byFile = new Map<string, {text: string; entities: Array<{start: number; end: number; label: string}>}>()
    for (const doc of set.docs) {
      const file = `${doc.source}-${doc.id}.txt`
      const text = shape(variant, doc.text)
      byFile.set(file, {text, entities: doc.entities})
      writeFileSync(join(corpus, file), text)
    }
    if (existsSync(POLNEAR_DEV_TEXT_DIR)) {
      const annotated = new Set(set.docs.filter((d) => d.source === 'polnear').map((d) => `${d.id}.txt`))
      for (const name of readdirSync(POLNEAR_DEV_TEXT_DIR).sort()) {
        if (!name.endsWith('.txt') || annotated.has(name)) continue
        writeFileSync(join(corpus, `context-${name}`), shape(variant, readFileSync(join(POLNEAR_DEV_TEXT_DIR, name), 'utf8')))
      }
    }
    const out = join(work, 'out')
    lede(['run', corpus, '--out', out, '--quiet', '--workers', values.workers!])
    const {articles, predicted} = readRunEntities(out, TYPES)
    const counts: Record<string, PRFScore> = Object.fromEntries(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t, new PRFScore()]))
    const written = new Set<string>()
    for (const article of articles.values()) {
      const doc = byFile.get(article.file)
      if (!doc) continue
      written.add(article.file)
      const toInput = mapCleanedOffsets(doc.text, article.text)
      const pred = new Map<string, string>()
      for (const p of predicted.get(article.file) ?? []) pred.set(`${toInput(p.start)}:${toInput(p.end - 1) + 1}`, p.type)
      const gold = new Map(doc.entities.map((e) => [`${e.start}:${e.end}`, e.label]))
      const show = (key: string): string => {
        const [s, e] = key.split(':').map(Number)
        return doc.text.slice(s, e).replace(/\n/g, ' / ')
      }
      for (const [key, type] of pred) {
        counts[type] = counts[type]!.add(gold.get(key) === type ? new PRFScore(1, 0, 0) : new PRFScore(0, 1, 0))
        if (values.errors && variant === 'upper-cased' && !gold.has(key)) console.log(`      ${article.file}\t+\t${type}\t${show(key)}`)
      }
      for (const [key, type] of gold) {
        if (pred.get(key) === type) continue
        counts[type] = counts[type]!.add(new PRFScore(0, 0, 1))
        if (values.errors && variant === 'upper-cased') console.log(`      ${article.file}\t${pred.has(key) ? '~' : '-'}\t${type}${pred.has(key) ? `->${pred.get(key)}` : ''}\t${show(key)}`)
      }
    }
    for (const [file, doc] of byFile) if (!written.has(file)) for (const e of doc.entities) counts[e.label] = counts[e.label]!.add(new PRFScore(0, 0, 1))
    const all = Object.values(counts).reduce((a, c) => a.add(c), new PRFScore())
    const f = (s: PRFScore): string => pct(s.fscore)
    console.log(`    ${variant.padEnd(12)}  ${f(all)}   ${['PER', 'ORG', 'LOC', 'MISC'].map((t) => f(counts[t]!)).join('   ')}${variant === 'upper-cased' ? `  (${keptTotal} code points kept as written)` : ''}`)
    rmSync(work, {recursive: true, force: true})
  }
}

// (c) the seed gold through lede run and lede eval, gold strings upper-cased as the texts are
function benchSeed(): Promise<void> {
  const goldDir = join(root, 'test/gold')
  const upperStrings = (value: unknown, variant: Variant): unknown => {
    if (typeof value === 'string') return shape(variant, value)
    if (Array.isArray(value)) return value.map((v) => upperStrings(v, variant))
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'source' || k === 'label' || k === 'kind' || k === 'currency' ? v : upperStrings(v, variant)]))
    return value
  }
  console.log('(c) seed gold (test/gold, corpus/) through lede run and lede eval, gold strings shaped as the texts')
  console.log('    variant       DATE P/R/F1           MONEY exact F1  value   quotes P/R (overlap)  speaker')
  return VARIANTS.reduce(async (previous, variant) => {
    await previous
    keptTotal = 0
    const work = mkdtempSync(join(tmpdir(), 'lede-all-caps-seed-'))
    const corpus = join(work, 'corpus')
    const gold = join(work, 'gold')
    mkdirSync(corpus)
    mkdirSync(gold)
    for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
      const g = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as {source: string}
      writeFileSync(join(corpus, g.source), shape(variant, readFileSync(join(root, 'corpus', g.source), 'utf8')))
      const shaped = upperStrings(g, variant) as {entities?: Array<{text: string; label: string}>}
      // a listing covers every occurrence of its string: listings that upper-casing made equal ("Von der Leyen",
      // "von der Leyen") become one, which covers the union of their occurrences
      const seen = new Set<string>()
      shaped.entities = shaped.entities?.filter((e) => !seen.has(`${e.label}\t${e.text}`) && seen.add(`${e.label}\t${e.text}`) !== undefined)
      writeFileSync(join(gold, file), JSON.stringify(shaped, null, 1))
    }
    const out = join(work, 'out')
    lede(['run', corpus, '--out', out, '--quiet', '--workers', values.workers!])
    const report = await evaluate({goldDir: gold, predDir: out})
    const date = report.entities?.exact.perLabel['DATE']
    const m = report.money
    const q = report.quotes
    console.log(
      `    ${variant.padEnd(12)}  ${date ? `${pct(date.p)}/${pct(date.r)}/${pct(date.f)} (${date.tp}/${date.tp + date.fn})` : '-'}  ` +
        `${m ? `${pct(m.exact.f)} (${m.exact.tp}/${m.exact.tp + m.exact.fn})  ${m.valueAcc.correct}/${m.valueAcc.total}` : '-'}  ` +
        `${q ? `${pct(q.overlap.p)}/${pct(q.overlap.r)} (${q.overlap.tp}/${q.overlap.tp + q.overlap.fn})` : '-'}  ${q ? `${q.speakerAcc.correct}/${q.speakerAcc.total}` : '-'}` +
        `  problems ${report.problems.length}${variant === 'upper-cased' ? `; ${keptTotal} code points kept as written` : ''}`,
    )
    rmSync(work, {recursive: true, force: true})
  }, Promise.resolve())
}

if (!only || only === 'quotes') benchQuotes()
if (!only || only === 'ner') benchNer()
if (!only || only === 'seed') await benchSeed()
