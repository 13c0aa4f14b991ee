/**
 * Entity recogniser benchmark on CoNLL-2003 (eng.testa by default): exact-span P/R/F1 per label and overall
 * (conlleval's way), the label confusion, and tokens/second of the recogniser alone; then the same figures
 * for compromise's people()/places()/organizations() on the same text in the same run.
 *   npm run bench:ner -- --data ../shared/conll2003/eng.testa [--runs 5] [--model models/ner.bin]
 */
import {existsSync, readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {findCompromiseEntities} from '../src/adapters/compromise.ts'
import type {Token} from '../src/doc.ts'
import {readConll, type NerDocument} from '../src/ner/conll.ts'
import {DEFAULT_BEAM, DEFAULT_NAME_UNKNOWN, loadModel, MODEL_URL, recogniseEntities, tagTokens} from '../src/ner/recognise.ts'
import {scoreEntities, type NerScore} from '../src/ner/score.ts'
import {NerTagger} from '../src/ner/tagger.ts'
import {NER_TYPES, spansFromIob, type TokenSpan} from '../src/ner/tags.ts'

const {values} = parseArgs({
  options: {
    data: {type: 'string', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname},
    runs: {type: 'string', default: '5'},
    model: {type: 'string', default: MODEL_URL.pathname},
    'compromise-runs': {type: 'string', default: '3'},
    beam: {type: 'string', default: String(DEFAULT_BEAM)},
    'no-name-unknown': {type: 'boolean', default: false},
  },
})
const data = values.data!
if (!existsSync(data)) {
  console.log(`bench:ner skipped: ${data} not found (CoNLL-2003 lives in ../shared/conll2003 beside the repository)`)
  process.exit(0)
}
const runs = Math.max(1, Number(values.runs))
const documents = readConll(readFileSync(data, 'utf8'))
const tokenCount = documents.reduce((n, doc) => n + doc.words.length, 0)
console.log(`data: ${data}: ${documents.length} documents, ${tokenCount} tokens, ${documents.reduce((n, d) => n + d.entities.length, 0)} gold entities`)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const pct = (x: number) => (x * 100).toFixed(2).padStart(6)

function printScore(name: string, score: NerScore, types: readonly string[]): void {
  console.log(`\n${name}: exact-span scores`)
  console.log('label      P       R       F1     gold  predicted')
  for (const type of types) {
    const s = score.byType[type]
    console.log(`${type.padEnd(6)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.tp + s.fn).padStart(5)}  ${String(s.tp + s.fp).padStart(5)}`)
  }
  const o = score.overall
  console.log(`${'ALL'.padEnd(6)} ${pct(o.precision)}  ${pct(o.recall)}  ${pct(o.f1)}  ${String(o.tp + o.fn).padStart(5)}  ${String(o.tp + o.fp).padStart(5)}`)
  const labels = [...NER_TYPES, 'none']
  console.log(`confusion over spans with the same boundaries (rows gold, columns predicted; none = no span there):`)
  console.log(`${'gold'.padEnd(6)}${labels.map((l) => l.padStart(7)).join('')}`)
  for (const g of labels) console.log(`${g.padEnd(6)}${labels.map((p) => String(score.confusion[g][p]).padStart(7)).join('')}`)
}

// ours: load, then tag with a fresh type cache (cold) and with the cache kept across runs (warm)
const loadStarted = performance.now()
const model = loadModel(values.model!)
const beam = Number(values.beam)
const nameUnknown = DEFAULT_NAME_UNKNOWN && !values['no-name-unknown']
let tagger = new NerTagger(model, {beam, nameUnknown})
const loadMs = performance.now() - loadStarted
const tagAll = (t: NerTagger) => documents.map((doc) => spansFromIob(tagTokens(doc.words, doc.sentenceEnds, t)))
const cold: number[] = []
const warm: number[] = []
const coldCpu: number[] = []
const warmCpu: number[] = []
let predicted: TokenSpan[][] = []
// wall-clock rates, and rates over this process's own CPU time (steadier when other jobs share the cores)
const timed = (work: () => void, wall: number[], cpu: number[]) => {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  work()
  const used = process.cpuUsage(cpuStarted)
  wall.push(tokenCount / ((performance.now() - started) / 1000))
  cpu.push(tokenCount / ((used.user + used.system) / 1e6))
}
for (let run = 0; run < runs; run++) {
  tagger = new NerTagger(model, {beam, nameUnknown})
  timed(() => (predicted = tagAll(tagger)), cold, coldCpu)
  timed(() => tagAll(tagger), warm, warmCpu)
}
const ours = scoreEntities(documents.map((d) => d.entities), predicted)
printScore(`lede recogniser (${values.model}, beam ${beam}, unknown names retried as people: ${nameUnknown})`, ours, NER_TYPES)
const rate = (xs: number[]) => Math.round(median(xs)).toLocaleString('en')
console.log(`model load ${loadMs.toFixed(0)} ms`)
console.log(`tagging tokens/s, median of ${runs} runs, wall clock: ${rate(cold)} with an empty word-type cache, ${rate(warm)} with it warm`)
console.log(`tagging tokens/s, median of ${runs} runs, per CPU second: ${rate(coldCpu)} cold, ${rate(warmCpu)} warm`)

// the public API on plain text (words joined by spaces, one sentence a line), as the pipeline calls it
const texts = documents.map((doc) => layout(doc))
const apiRates: number[] = []
for (let run = 0; run < runs; run++) {
  const started = performance.now()
  for (const t of texts) recogniseEntities(t.text, t.tokens, t.sentences, tagger)
  apiRates.push(tokenCount / ((performance.now() - started) / 1000))
}
const chars = texts.reduce((n, t) => n + t.text.length, 0)
const apiRate = median(apiRates)
console.log(`recogniseEntities on the same text: ${Math.round(apiRate).toLocaleString('en')} tokens/s, ${((apiRate * chars) / tokenCount / 1e6).toFixed(2)} MB/s of text`)

// compromise on the same text
const compromiseRuns = Math.max(1, Number(values['compromise-runs']))
const compromiseRates: number[] = []
let compromisePredicted: TokenSpan[][] = []
for (let run = 0; run < compromiseRuns; run++) {
  const started = performance.now()
  const found = texts.map((t) => findCompromiseEntities(t.text))
  compromiseRates.push(tokenCount / ((performance.now() - started) / 1000))
  compromisePredicted = found.map((entities, d) => {
    const {tokens} = texts[d]
    return entities.flatMap((e) => {
      // map character spans to the tokens they cover; a span cutting a token cannot match gold and is kept as covering
      const first = tokens.findIndex((tok) => tok.end > e.start)
      let last = first
      while (last + 1 < tokens.length && tokens[last + 1].start < e.end) last++
      return first < 0 ? [] : [{start: first, end: last + 1, type: e.type}]
    })
  })
}
const theirs = scoreEntities(documents.map((d) => d.entities), compromisePredicted)
printScore("compromise people()/places()/organizations() (MISC never predicted)", theirs, NER_TYPES)
console.log(`compromise tokens/s, median of ${compromiseRuns} runs: ${Math.round(median(compromiseRates)).toLocaleString('en')}`)
console.log(`\nsummary: lede F1 ${pct(ours.overall.f1).trim()} at ${rate(cold)} (cold) to ${rate(warm)} (warm) tokens/s; compromise F1 ${pct(theirs.overall.f1).trim()} at ${rate(compromiseRates)} tokens/s`)

function layout(doc: NerDocument): {text: string; tokens: Token[]; sentences: {start: number; end: number}[]} {
  let text = ''
  const tokens: Token[] = []
  const sentences: {start: number; end: number}[] = []
  let i = 0
  for (const end of doc.sentenceEnds) {
    const sentenceStart = text.length
    for (; i < end; i++) {
      if (text.length > sentenceStart) text += ' '
      const word = doc.words[i]
      tokens.push({start: text.length, end: text.length + word.length, kind: /^\d/.test(word) ? 'number' : /\w/.test(word) ? 'word' : 'punct'})
      text += word
    }
    sentences.push({start: sentenceStart, end: text.length})
    text += '\n'
  }
  return {text, tokens, sentences}
}
