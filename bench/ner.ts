/**
 * Entity recogniser benchmark on development sets side by side: CoNLL-2003 eng.testa (Reuters, 1996) and the
 * project's modern-news set (test/ner-gold/modern, hand-annotated under the CoNLL-2003 guidelines, tokenised by
 * the pipeline's own segmenter): `modern` (written + PolNeAR halves, as earlier figures), `web` (real news and blog
 * pages) and `m+web` (all three). For each: exact-span P/R/F1 per label and overall (conlleval's way) and the
 * label confusion; then tokens/second of the recogniser alone (cold and warm type cache) in two configurations, the
 * JavaScript beam decoder without the build's type vectors (`js decoder`, the figure earlier sessions reported) and
 * the one `lede run` runs (`shipped`: shippedTagger's WebAssembly decoder and dist/type-vectors.bin), whose tags are
 * checked identical; and, with --compromise, compromise's people()/places()/organizations() on the same text.
 *   npm run bench:ner [-- --runs 5] [--model models/ner.bin] [--no-name-unknown] [--no-consistency]
 *     [--given-name-join | --no-given-name-join] [--edge-trim | --no-edge-trim] [--org-evidence | --no-org-evidence] [--org-context | --no-org-context] [--org-coordination | --no-org-coordination] [--two-stage | --no-two-stage] [--compromise]
 */
import {existsSync, readFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {findCompromiseEntities} from '../src/adapters/compromise.ts'
import {TokenFlag, type Token} from '../src/doc.ts'
import {readModernNerSet, toNerTokenDocument} from '../tools/ner/ner-set.ts'
import {readConll, type NerDocument} from '../tools/ner/conll.ts'
import {MODEL_URL, recogniseEntities, shippedTaggerOptions, tagTokens} from '../src/ner/recognise.ts'
import {SharedTypeTable} from '../src/ner/shared-types.ts'
import {fileDigest, readTypeVectors, TYPE_VECTORS_URL} from '../src/ner/type-vectors.ts'
import {wasmDecoderAvailable} from '../src/ner/wasm-decoder.ts'
import {sourceKey} from '../scripts/source-key.mjs'
import {readRuleSwitches, RULE_SWITCH_OPTIONS} from '../tools/ner/rule-switches.ts'
import {modelArgOrExit} from '../tools/ner/model-arg.ts'
import {scoreEntities, type NerScore} from '../tools/ner/score.ts'
import {NerTagger, TYPE_VECTOR_SIZE} from '../src/ner/tagger.ts'
import {NER_TYPES, decodeIob, type TokenSpan} from '../src/ner/tags.ts'

const spec = {
  name: 'bench:ner',
  about:
    'The entity recogniser on development sets side by side (CoNLL-2003 eng.testa, the modern-news set: modern, web, m+web): exact-span\n' +
    'P/R/F1 per label and the label confusion; then tokens/second of the recogniser alone (cold and warm); with --compromise, compromise beside it.',
  options: {
    data: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname, description: 'CoNLL-2003 dev file'},
    runs: {type: 'string', default: '5', check: 'number', description: 'timed tagging passes'},
    model: {type: 'string', value: '<file>', default: MODEL_URL.pathname, description: 'the model file'},
    compromise: {type: 'boolean', default: false, description: "also score and time compromise's people/places/organizations"},
    'compromise-runs': {type: 'string', default: '3', check: 'number', description: 'timed compromise passes'},
    ...RULE_SWITCH_OPTIONS,
  },
  example: ['npm run bench:ner -- --runs 3 --beam 2', 'npm run bench:ner -- --runs 1 --given-name-join'],
} satisfies ScriptSpec
const {values} = parseScriptArgs(spec)
// before the dev sets are read, so on and off at once is one line at once
const ruleSettings = readRuleSwitches(spec, values)
// read before the dev sets, so a wrong --model is one line at once, not a stack trace from fs or zlib; timed as the
// model load below
const loadStarted = performance.now()
const {model} = modelArgOrExit(spec.name, values.model!)
const modelReadMs = performance.now() - loadStarted

interface DevSet {
  name: string
  documents: NerDocument[]
  tokens: number
}
const sets: DevSet[] = []
const sized = (name: string, documents: NerDocument[]): DevSet => ({name, documents, tokens: documents.reduce((n, d) => n + d.words.length, 0)})
if (existsSync(values.data!)) sets.push(sized('testa', readConll(readFileSync(values.data!, 'utf8'))))
else console.log(`CoNLL dev set skipped: ${values.data} not found (CoNLL-2003 lives in ../shared/conll2003 beside the repository)`)
const modern = readModernNerSet()
for (const s of modern.skipped) console.log(`modern set: ${s.source} half skipped: ${s.reason}`)
// "modern" stays the written + PolNeAR halves, the figure earlier sessions reported; "web" is the half of real news
// and blog pages, and "m+web" all three halves. Speed is measured on testa and modern only, as before.
sets.push(sized('modern', modern.docs.filter((d) => d.source !== 'web').map(toNerTokenDocument)))
const webDocs = modern.docs.filter((d) => d.source === 'web').map(toNerTokenDocument)
const scoreOnly: DevSet[] = webDocs.length > 0 ? [sized('web', webDocs), sized('m+web', [...sets[sets.length - 1].documents, ...webDocs])] : []
for (const set of [...sets, ...scoreOnly]) {
  const entities = set.documents.reduce((n, d) => n + d.entities.length, 0)
  console.log(`${set.name}: ${set.documents.length} documents, ${set.tokens} tokens, ${entities} gold entities`)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const pct = (x: number) => (x * 100).toFixed(2).padStart(6)
const LABELS = [...NER_TYPES, 'none'] as const

function printSideBySide(title: string, scores: {name: string; score: NerScore}[]): void {
  console.log(`\n${title}: exact-span scores`)
  const head = scores.map((s) => `${s.name.padEnd(6)}     P       R      F1   gold  pred`).join('   | ')
  console.log(`label  | ${head}`)
  const cells = (s: {tp: number; fp: number; fn: number; precision: number; recall: number; f1: number}) =>
    `${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(5)}`
  for (const type of NER_TYPES) console.log(`${type.padEnd(6)} | ${scores.map((s) => `      ${cells(s.score.byType[type])}`).join('   | ')}`)
  console.log(`${'ALL'.padEnd(6)} | ${scores.map((s) => `      ${cells(s.score.overall)}`).join('   | ')}`)
  console.log('confusion over spans with the same boundaries (rows gold, columns predicted; none = no span there):')
  console.log(`${'gold'.padEnd(6)} | ${scores.map((s) => `${s.name.padEnd(6)}${LABELS.map((l) => l.padStart(6)).join('')}`).join('  | ')}`)
  for (const g of LABELS) {
    console.log(`${g.padEnd(6)} | ${scores.map((s) => `${''.padEnd(6)}${LABELS.map((p) => String(s.score.confusion[g][p]).padStart(6)).join('')}`).join('  | ')}`)
  }
}

const taggerStarted = performance.now()
const options = ruleSettings
const {beam, nameUnknown, consistency, givenNameJoin, edgeTrim, orgEvidence, orgContext, orgCoordination, twoStage} = options
let tagger = new NerTagger(model, options)
const loadMs = modelReadMs + performance.now() - taggerStarted
const tagAll = (t: NerTagger, docs: NerDocument[]) => docs.map((doc) => decodeIob(tagTokens(doc.words, doc.sentenceEnds, t)))

// the configuration `lede run` runs (shippedTagger's options, with the rule switches given here): the WebAssembly
// decoder and the build's type vectors, read once a tagger has made 2,000 types. Sources run through tsx carry no
// build key, so the bench asks itself, as a build's run does, whether dist/type-vectors.bin was made from this model,
// these sources and this Node.js; the file is read once here (outside the timed passes: a run's thread reads it once)
const vectorsStarted = performance.now()
const vectorRead = readTypeVectors(TYPE_VECTORS_URL, {model: fileDigest(values.model!), code: sourceKey(new URL('..', import.meta.url).pathname), node: process.version, vectorSize: TYPE_VECTOR_SIZE})
const builtTable = typeof vectorRead === 'string' ? null : new SharedTypeTable(vectorRead.memory, TYPE_VECTOR_SIZE, vectorRead.capacity)
const vectorsMs = performance.now() - vectorsStarted
const shippedOptions = {...shippedTaggerOptions(), ...options, builtTypes: builtTable === null ? null : () => builtTable}
const wasmUsed = shippedOptions.wasm === true && beam > 1 && wasmDecoderAvailable()
const shippedLabel = `shipped (${wasmUsed ? 'wasm' : 'js: no WebAssembly decoder'}, ${builtTable === null ? 'no build vectors' : "build's vectors"})`

const trainFiles = (model.meta.trainFiles as string[] | undefined) ?? ['eng.train']
console.log(`\nmodel trained on ${trainFiles.join(' + ')}, best epoch ${model.meta.bestEpoch} of ${model.meta.epochs}`)
if (trainFiles.some((f) => f.endsWith('testa'))) {
  console.log('NOTE: eng.testa is in this model\'s training data, so its testa figures are not held-out scores; ' +
    'docs/ner.md gives testa for the selection model, trained on eng.train alone')
}
// one tagger per set, so each set's count of given-name joins is its own
const ours = [...sets, ...scoreOnly].map((set) => {
  const scorer = new NerTagger(model, options)
  const score = scoreEntities(set.documents.map((d) => d.entities), tagAll(scorer, set.documents))
  return {name: set.name, score, joins: scorer.givenNameJoins, trims: scorer.edgeTrims, org: scorer.orgEvidenceChanges, context: scorer.orgContextChanges, again: scorer.twoStageSentences}
})
printSideBySide(
  `lede recogniser (${values.model}, beam ${beam}, unknown names retried as people: ${nameUnknown}, document consistency: ${consistency}, given-name join: ${givenNameJoin}, edge trim: ${edgeTrim}, org evidence: ${orgEvidence}, org context: ${orgContext}, org coordination (D3): ${orgCoordination}, two-stage: ${twoStage})`,
  ours,
)
console.log(`given-name joins: ${ours.map((s) => `${s.name} ${s.joins}`).join(', ')}`)
console.log(`edge trims: ${ours.map((s) => `${s.name} ${s.trims}`).join(', ')}`)
console.log(`org evidence changes: ${ours.map((s) => `${s.name} ${s.org}`).join(', ')}`)
console.log(`org context changes (rule D): ${ours.map((s) => `${s.name} ${s.context}`).join(', ')}`)
console.log(`sentences decoded again (two-stage): ${ours.map((s) => `${s.name} ${s.again}`).join(', ')}`)

// the two configurations must tag alike (the WebAssembly decoder and the build's vectors are exact): every set's IOB
// tags from a fresh tagger of each, compared tag by tag; a difference fails the bench
const iobOf = (t: NerTagger, docs: NerDocument[]) => docs.flatMap((doc) => tagTokens(doc.words, doc.sentenceEnds, t))
const differing = [...sets, ...scoreOnly].map((set) => {
  const js = iobOf(new NerTagger(model, options), set.documents)
  const shipped = iobOf(new NerTagger(model, shippedOptions), set.documents)
  return {name: set.name, tags: js.length, differ: js.length === shipped.length ? js.filter((tag, i) => tag !== shipped[i]).length : Math.max(js.length, shipped.length)}
})
const allSame = differing.every((d) => d.differ === 0)
console.log(`\n${shippedLabel} vs js decoder, IOB tags: ${differing.map((d) => `${d.name} ${d.differ === 0 ? `identical (${d.tags})` : `${d.differ} of ${d.tags} DIFFER`}`).join(', ')}`)
if (typeof vectorRead === 'string') console.log(`build's type vectors not used: ${vectorRead} (npm run build makes them for these sources)`)
if (!allSame) process.exitCode = 1

// speed: each set tagged with a fresh type cache (cold), then again with it kept (warm); wall clock and CPU time
const runs = Math.max(1, Number(values.runs))
console.log(
  `\nspeed, median of ${runs} runs (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}); model load ${loadMs.toFixed(0)} ms, build's type vectors read ${vectorsMs.toFixed(0)} ms; ` +
    `each run a fresh tagger of each configuration in turn (js decoder, then shipped), cold then warm`,
)
const rate = (xs: number[]) => Math.round(median(xs)).toLocaleString('en')
const speeds: {name: string; cold: string; shippedCold: string}[] = []
for (const set of sets) {
  const cold: number[] = []
  const warm: number[] = []
  const coldCpu: number[] = []
  const warmCpu: number[] = []
  const shippedCold: number[] = []
  const shippedWarm: number[] = []
  const shippedColdCpu: number[] = []
  const shippedWarmCpu: number[] = []
  const timed = (work: () => void, wall: number[], cpu: number[]) => {
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    work()
    const used = process.cpuUsage(cpuStarted)
    wall.push(set.tokens / ((performance.now() - started) / 1000))
    cpu.push(set.tokens / ((used.user + used.system) / 1e6))
  }
  for (let run = 0; run < runs; run++) {
    tagger = new NerTagger(model, options)
    timed(() => tagAll(tagger, set.documents), cold, coldCpu)
    timed(() => tagAll(tagger, set.documents), warm, warmCpu)
    const shipped = new NerTagger(model, shippedOptions)
    timed(() => tagAll(shipped, set.documents), shippedCold, shippedColdCpu)
    timed(() => tagAll(shipped, set.documents), shippedWarm, shippedWarmCpu)
  }
  // the public API on plain text (words joined by spaces, one sentence a line), as the pipeline calls it
  const texts = set.documents.map((doc) => layout(doc))
  const api: number[] = []
  for (let run = 0; run < runs; run++) {
    tagger = new NerTagger(model, options)
    const started = performance.now()
    for (const t of texts) recogniseEntities(t.text, t.tokens, t.sentences, tagger)
    api.push(set.tokens / ((performance.now() - started) / 1000))
  }
  console.log(
    `${set.name.padEnd(6)} js decoder tokens/s: wall ${rate(cold)} cold, ${rate(warm)} warm; per CPU second ${rate(coldCpu)} cold, ${rate(warmCpu)} warm; ` +
      `recogniseEntities on text, cold: ${rate(api)}`,
  )
  console.log(
    `${set.name.padEnd(6)} ${shippedLabel} tokens/s: wall ${rate(shippedCold)} cold, ${rate(shippedWarm)} warm; per CPU second ${rate(shippedColdCpu)} cold, ${rate(shippedWarmCpu)} warm`,
  )
  speeds.push({name: set.name, cold: rate(cold), shippedCold: rate(shippedCold)})
}

if (values.compromise) {
  const compromiseRuns = Math.max(1, Number(values['compromise-runs']))
  const theirs: {name: string; score: NerScore}[] = []
  for (const set of sets) {
    const texts = set.documents.map((doc) => layout(doc))
    const rates: number[] = []
    let predicted: TokenSpan[][] = []
    for (let run = 0; run < compromiseRuns; run++) {
      const started = performance.now()
      const found = texts.map((t) => findCompromiseEntities(t.text))
      rates.push(set.tokens / ((performance.now() - started) / 1000))
      predicted = found.map((entities, d) => {
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
    theirs.push({name: set.name, score: scoreEntities(set.documents.map((d) => d.entities), predicted)})
    console.log(`compromise on ${set.name}: ${rate(rates)} tokens/s, median of ${compromiseRuns} runs`)
  }
  printSideBySide('compromise people()/places()/organizations() (MISC never predicted)', theirs)
}

console.log(`\nsummary: lede F1 ${ours.map((s) => `${s.name} ${pct(s.score.overall.f1).trim()}`).join(', ')}; ` +
  `tagging ${speeds.map((s) => `${s.name} ${s.cold}`).join(', ')} tokens/s cold (js decoder), ` +
  `${speeds.map((s) => `${s.name} ${s.shippedCold}`).join(', ')} tokens/s cold (${shippedLabel}); tags ${allSame ? 'identical' : 'DIFFER'}`)

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
      tokens.push({start: text.length, end: text.length + word.length, kind: /^\d/.test(word) ? 'number' : /\w/.test(word) ? 'word' : 'punct', flags: /^\p{Lu}/u.test(word) ? TokenFlag.Upper : 0})
      text += word
    }
    sentences.push({start: sentenceStart, end: text.length})
    text += '\n'
  }
  return {text, tokens, sentences}
}
