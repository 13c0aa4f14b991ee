/**
 * Quote extraction and speaker attribution measured on PolNeAR (../shared/polnear/<split>).
 *
 *   npm run bench:quotes -- --data ../shared/polnear/dev [--examples 5] [--dump errors.jsonl] [--indirect]
 *
 * Runs the segment, money, entities and quotes stages on each article as is; scores predicted
 * quotes against gold direct quotes at 30% and 80% character coverage (one to one, greedy by
 * overlap), speaker accuracy over matched quotes, and prints errors by category.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {basename, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {createDoc, type Doc, type Span} from '../src/doc.ts'
import {createPipeline, processDoc} from '../src/stage.ts'
import {createEntities} from '../src/stages/entities.ts'
import {createDateline} from '../src/stages/dateline.ts'
import {createMoney} from '../src/stages/money.ts'
import {createQuotes} from '../src/stages/quotes.ts'
import {createSegment} from '../src/stages/segment.ts'
import {
  groupPredictions,
  matchQuotes,
  parseBrat,
  prf,
  readGold,
  speakerRight,
  type GoldQuote,
  type PredictedQuote,
  type PredictedUnit,
} from './quotes-score.ts'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))

const {values} = parseScriptArgs({
  name: 'bench:quotes',
  about:
    'Quote extraction and speaker attribution on PolNeAR: predicted quotes against gold direct quotes at 30% and 80% character\n' +
    'coverage, speaker accuracy over matched quotes, and errors by category.',
  options: {
    data: {type: 'string', value: '<dir>', default: '../shared/polnear/dev', description: 'PolNeAR split folder (text/ and attributions/), relative to the repository'},
    examples: {type: 'string', default: '5', check: 'number', description: 'errors to print per category'},
    dump: {type: 'string', value: '<file.jsonl>', description: 'write every error as JSONL'},
    limit: {type: 'string', default: '0', check: 'number', description: 'score only the first N articles (0: all)'},
    indirect: {type: 'boolean', default: false, description: 'also score indirect quotes'},
  },
  example: 'npm run bench:quotes -- --data ../shared/polnear/dev --examples 2',
})
const dataDir = resolve(root, values.data)
const examples = Number(values.examples)
const dumpPath = values.dump ?? ''
const limit = Number(values.limit)
const withIndirect = values.indirect

if (!existsSync(join(dataDir, 'text')) || !existsSync(join(dataDir, 'attributions'))) {
  console.log(`bench:quotes skipped: PolNeAR not found at ${dataDir} (expected text/ and attributions/; ../shared is beside the repository)`)
  process.exit(0)
}

// the shipped stages in the shipped order (money before entities, which take their MONEY spans from it)
const pipeline = createPipeline('bench-quotes', [createSegment(), createDateline(), createMoney(), createEntities(), createQuotes({indirect: withIndirect})])

// one annotation file per article: the first annotator in sorted order
const annotations = new Map<string, string>()
for (const file of readdirSync(join(dataDir, 'attributions')).sort()) {
  const name = file.replace(/_[^_]+\.ann$/, '')
  if (!annotations.has(name)) annotations.set(name, file)
}
let names = [...annotations.keys()].sort()
if (limit > 0) names = names.slice(0, limit)

interface ErrorExample {
  category: string
  article: string
  gold?: string
  predicted?: string
  goldSpeaker?: string
  predictedSpeaker?: string | null
  context?: string
}

const thresholds = [0.3, 0.8]
const totals = thresholds.map(() => ({tp: 0, fp: 0, fn: 0}))
// indirect speech (with --indirect): against Contents without quote marks whose cue is a speech verb
const indirectTotals = thresholds.map(() => ({tp: 0, fp: 0, fn: 0}))
let indirectSpeaker = 0
let indirectSpeakerRight = 0
let goldCount = 0
let unitCount = 0
let ignoredCount = 0
let speakerTotal = 0
let speakerRightCount = 0
let speakerNoSource = 0
let chars = 0
const timings = new Map<string, number>()
const errors: ErrorExample[] = []
const counts = new Map<string, number>()
const bump = (category: string): void => void counts.set(category, (counts.get(category) ?? 0) + 1)

const clip = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\n+/g, ' ¶ ')

for (const name of names) {
  const text = readFileSync(join(dataDir, 'text', `${name}.txt`), 'utf8')
  const brat = parseBrat(readFileSync(join(dataDir, 'attributions', annotations.get(name)!), 'utf8'))
  const gold = readGold(text, brat)
  const doc: Doc = processDoc(pipeline, createDoc({id: name, source: name, text}), timings)
  chars += text.length
  const fatal = doc.messages.find((m) => m.fatal)
  if (fatal) console.log(`${name}: ${fatal.code} ${fatal.message}`)
  const predicted: PredictedQuote[] = (doc.quotes ?? [])
    .filter((q) => q.kind !== 'indirect')
    .map((q) => ({
      start: q.start,
      end: q.end,
      speaker: q.speaker.start !== null && q.speaker.end !== null ? {start: q.speaker.start, end: q.speaker.end} : null,
      mention: q.speaker.mention,
    }))
  const units = groupPredictions(predicted)
  goldCount += gold.quotes.length
  unitCount += units.length
  const unitText = (u: PredictedUnit): string => u.parts.map((p) => text.slice(p.start, p.end)).join(' … ')
  const goldText = (g: GoldQuote): string => g.ranges.map((r) => text.slice(r.start, r.end)).join(' … ')
  const sourceText = (g: GoldQuote): string => g.sources.map((s) => text.slice(s.start, s.end)).join(' ') || '(none)'
  const scores = thresholds.map((t) => matchQuotes(gold.quotes, gold.others, units, t))
  scores.forEach((score, i) => {
    totals[i]!.tp += score.tp
    totals[i]!.fp += score.fp
    totals[i]!.fn += score.fn
  })
  const [loose, strict] = scores as [ReturnType<typeof matchQuotes>, ReturnType<typeof matchQuotes>]
  if (withIndirect) {
    // a prediction is a unit of its own here; direct quotes and their Contents are not counted either way
    const indirectUnits = (doc.quotes ?? [])
      .filter((q) => q.kind === 'indirect')
      .map((q) => ({parts: [{start: q.start, end: q.end, speaker: null, mention: null}], speaker: q.speaker.start !== null ? {start: q.speaker.start, end: q.speaker.end!} : null, mention: q.speaker.mention}))
    thresholds.forEach((t, i) => {
      const score = matchQuotes(gold.indirect, gold.quotes.map((g) => g.ranges), indirectUnits, t)
      // only reported speech was sought: other attributions (beliefs, actions) a prediction lands in are not false
      const fp = score.spurious.filter((u) => !gold.others.some((o) => o.some((r) => r.start < indirectUnits[u]!.parts[0]!.end && indirectUnits[u]!.parts[0]!.start < r.end))).length
      indirectTotals[i]!.tp += score.tp
      indirectTotals[i]!.fp += fp
      indirectTotals[i]!.fn += score.fn
      if (i === 0) {
        for (const [g, u] of score.matches) {
          if (gold.indirect[g]!.sources.length === 0) continue
          indirectSpeaker++
          if (speakerRight(gold.indirect[g]!, indirectUnits[u]!)) indirectSpeakerRight++
        }
      }
    })
  }
  ignoredCount += loose.ignored.length
  for (let g = 0; g < gold.quotes.length; g++) {
    const gq = gold.quotes[g]!
    const u = loose.matches.get(g)
    if (u === undefined) {
      bump('missed quote')
      errors.push({category: 'missed quote', article: name, gold: goldText(gq), goldSpeaker: sourceText(gq), context: text.slice(Math.max(0, gq.extent.start - 80), gq.extent.start)})
      continue
    }
    const unit = units[u]!
    if (!strict.matches.has(g)) {
      bump('boundary too short')
      errors.push({category: 'boundary too short', article: name, gold: goldText(gq), predicted: unitText(unit)})
    }
    if (gq.sources.length === 0) {
      speakerNoSource++
      continue
    }
    speakerTotal++
    if (speakerRight(gq, unit)) speakerRightCount++
    else {
      const category = unit.speaker ? 'wrong speaker' : 'no speaker'
      bump(category)
      const after = unit.parts.at(-1)!.end
      errors.push({
        category,
        article: name,
        gold: goldText(gq),
        goldSpeaker: sourceText(gq),
        predictedSpeaker: unit.mention,
        context: text.slice(Math.max(0, unit.parts[0]!.start - 100), unit.parts[0]!.start) + ' [[…]] ' + text.slice(after, after + 100),
      })
    }
  }
  for (const u of loose.spurious) {
    bump('spurious quote')
    const unit = units[u]!
    errors.push({category: 'spurious quote', article: name, predicted: unitText(unit), predictedSpeaker: unit.mention, context: text.slice(Math.max(0, unit.parts[0]!.start - 80), unit.parts[0]!.start)})
  }
}

const pct = (x: number): string => (100 * x).toFixed(2)
console.log(`PolNeAR ${basename(dataDir)}: ${names.length} articles (first annotator each), ${goldCount} gold direct quotes, ${unitCount} predicted units (${ignoredCount} inside indirect-speech contents, not scored)`)
console.log(`stages: ${pipeline.stages.map((stage) => stage.name).join(', ')} (src/stages/)`)
console.log('threshold   P       R       F1')
thresholds.forEach((t, i) => {
  const {p, r, f} = prf(totals[i]!.tp, totals[i]!.fp, totals[i]!.fn)
  console.log(`${t.toFixed(1)}         ${pct(p)}   ${pct(r)}   ${pct(f)}   (tp ${totals[i]!.tp}, fp ${totals[i]!.fp}, fn ${totals[i]!.fn})`)
})
console.log(`speaker accuracy (quotes matched at 0.3 whose gold has a source): ${speakerRightCount}/${speakerTotal} = ${pct(speakerTotal ? speakerRightCount / speakerTotal : 0)} (${speakerNoSource} matched gold quotes without a source not counted)`)
console.log(`errors: ${['missed quote', 'spurious quote', 'wrong speaker', 'no speaker', 'boundary too short'].map((c) => `${c} ${counts.get(c) ?? 0}`).join(', ')}`)
if (withIndirect) {
  console.log('indirect speech (Contents without quote marks whose cue is a speech verb; predictions inside other attributions not counted false):')
  thresholds.forEach((t, i) => {
    const {p, r, f} = prf(indirectTotals[i]!.tp, indirectTotals[i]!.fp, indirectTotals[i]!.fn)
    console.log(`${t.toFixed(1)}         ${pct(p)}   ${pct(r)}   ${pct(f)}   (tp ${indirectTotals[i]!.tp}, fp ${indirectTotals[i]!.fp}, fn ${indirectTotals[i]!.fn})`)
  })
  console.log(`indirect speaker accuracy: ${indirectSpeakerRight}/${indirectSpeaker} = ${pct(indirectSpeaker ? indirectSpeakerRight / indirectSpeaker : 0)}`)
}
const total = [...timings.values()].reduce((a, b) => a + b, 0)
const quotesMs = timings.get('quotes') ?? 0
console.log(
  `time: ${[...timings].map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`).join(', ')}; quotes ${pct(total ? quotesMs / total : 0)}% of the pipeline; ` +
    `pipeline ${(chars / 1e6 / (total / 1000)).toFixed(2)} MB/s, quotes alone ${(chars / 1e6 / (quotesMs / 1000)).toFixed(2)} MB/s (${(chars / 1e6).toFixed(2)} MB of UTF-16 characters)`,
)
if (examples > 0) {
  for (const category of ['missed quote', 'spurious quote', 'wrong speaker', 'no speaker', 'boundary too short']) {
    const some = errors.filter((e) => e.category === category).slice(0, examples)
    if (some.length === 0) continue
    console.log(`\n== ${category} (${counts.get(category) ?? 0})`)
    for (const e of some) {
      const parts = [`[${e.article}]`]
      if (e.context) parts.push(`…${clip(e.context, 100)}`)
      if (e.gold) parts.push(`gold: «${clip(e.gold)}»`)
      if (e.predicted) parts.push(`predicted: «${clip(e.predicted)}»`)
      if (e.goldSpeaker) parts.push(`gold speaker: ${clip(e.goldSpeaker, 60)}`)
      if (e.predictedSpeaker !== undefined) parts.push(`predicted speaker: ${e.predictedSpeaker ?? '(none)'}`)
      console.log(`- ${parts.join('\n  ')}`)
    }
  }
}
if (dumpPath) {
  writeFileSync(resolve(process.cwd(), dumpPath), errors.map((e) => JSON.stringify(e)).join('\n') + '\n')
  console.log(`\n${errors.length} errors written to ${dumpPath}`)
}
