/**
 * Scores the entity recogniser on the modern-news NER set (test/ner-gold/modern, docs/ner-annotation.md):
 * exact-span P/R/F1 per label (conlleval's way, as bench:ner scores eng.testa), for the written half, the
 * PolNeAR half, both (the figure earlier sessions reported), the web half and all, with the label confusion. The recogniser reads the tokens and sentences the
 * pipeline's segmenter makes, so this is the tagger as `lede run` calls it, without clean and the rules
 * around it (score those with `lede run` + `lede eval --gold`, see docs/ner-annotation.md).
 *   npm run score:ner-set [-- --model models/ner.bin] [--beam 4] [--no-name-unknown] [--no-consistency] [--given-name-join | --no-given-name-join] [--edge-trim | --no-edge-trim] [--org-evidence | --no-org-evidence] [--org-context | --no-org-context] [--org-coordination | --no-org-coordination] [--two-stage | --no-two-stage] [--errors] [--gold <folder>]
 */
import {parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {readModernNerSet, toNerTokenDocument, type NerTokenDocument} from '../tools/ner/ner-set.ts'
import {MODEL_URL, tagTokens} from '../src/ner/recognise.ts'
import {readRuleSwitches, RULE_SWITCH_OPTIONS} from '../tools/ner/rule-switches.ts'
import {modelArgOrExit} from '../tools/ner/model-arg.ts'
import {readTrainingGoldFolder} from '../tools/ner/train-gold.ts'
import {scoreEntities, type NerScore} from '../tools/ner/score.ts'
import {NerTagger} from '../src/ner/tagger.ts'
import {NER_TYPES, decodeIob, type TokenSpan} from '../src/ner/tags.ts'

const spec = {
  name: 'score:ner-set',
  about:
    'Scores the entity recogniser on the modern-news NER set (test/ner-gold/modern): exact-span P/R/F1 per label for the written\n' +
    'half, the PolNeAR half, both, the web half and all, with the label confusion (the tagger as `lede run` calls it).',
  options: {
    model: {type: 'string', value: '<file>', default: MODEL_URL.pathname, description: 'the model file'},
    ...RULE_SWITCH_OPTIONS,
    errors: {type: 'boolean', default: false, description: 'print every wrong or missed mention'},
    gold: {type: 'string', value: '<folder>', description: 'score one training gold folder instead of the modern set (read as train:ner reads it, dev-set refusals included; docs/ner.md twenty-sixth round)'},
  },
  example: ['npm run score:ner-set -- --errors', 'npm run score:ner-set -- --given-name-join'],
} satisfies ScriptSpec
const {values} = parseScriptArgs(spec)
const ruleSettings = readRuleSwitches(spec, values)
// read before the set, so a wrong --model is one line at once, not a stack trace from fs or zlib
const {model} = modelArgOrExit(spec.name, values.model!)
const set = values.gold ? {docs: readTrainingGoldFolder(values.gold).docs, skipped: []} : readModernNerSet()
for (const s of set.skipped) console.log(`skipped the ${s.source} half: ${s.reason}`)
const {beam, nameUnknown, consistency, givenNameJoin, edgeTrim, orgEvidence, orgContext, orgCoordination, twoStage} = ruleSettings
const tagger = new NerTagger(model, ruleSettings)
const docs = set.docs.map((d) => ({source: d.source, tokens: toNerTokenDocument(d)}))
const predicted = new Map<NerTokenDocument, TokenSpan[]>()
// given-name joins per document (the tagger's counter before and after it), summed per half below
const joins = new Map<NerTokenDocument, number>()
// and the mentions rule P trimmed, the same way
const trims = new Map<NerTokenDocument, number>()
// and the mentions rule O made ORG
const orgChanges = new Map<NerTokenDocument, number>()
// and the mentions rule D made ORG
const contextChanges = new Map<NerTokenDocument, number>()
// and the sentences the two-stage pass decoded again
const again = new Map<NerTokenDocument, number>()
for (const {tokens} of docs) {
  const before = tagger.givenNameJoins
  const trimsBefore = tagger.edgeTrims
  const orgBefore = tagger.orgEvidenceChanges
  const contextBefore = tagger.orgContextChanges
  const againBefore = tagger.twoStageSentences
  predicted.set(tokens, decodeIob(tagTokens(tokens.words, tokens.sentenceEnds, tagger)))
  joins.set(tokens, tagger.givenNameJoins - before)
  trims.set(tokens, tagger.edgeTrims - trimsBefore)
  orgChanges.set(tokens, tagger.orgEvidenceChanges - orgBefore)
  contextChanges.set(tokens, tagger.orgContextChanges - contextBefore)
  again.set(tokens, tagger.twoStageSentences - againBefore)
}

const pct = (x: number) => (x * 100).toFixed(2).padStart(6)
function printScore(name: string, score: NerScore): void {
  console.log(`\n${name}: exact-span scores`)
  console.log('label      P       R       F1     gold  predicted')
  for (const type of NER_TYPES) {
    const s = score.byType[type]
    console.log(`${type.padEnd(6)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.tp + s.fn).padStart(5)}  ${String(s.tp + s.fp).padStart(5)}`)
  }
  const o = score.overall
  console.log(`${'ALL'.padEnd(6)} ${pct(o.precision)}  ${pct(o.recall)}  ${pct(o.f1)}  ${String(o.tp + o.fn).padStart(5)}  ${String(o.tp + o.fp).padStart(5)}`)
}

console.log(`model ${values.model}, beam ${beam}, unknown names retried as people: ${nameUnknown}, document consistency: ${consistency}, given-name join: ${givenNameJoin}, edge trim: ${edgeTrim}, org evidence: ${orgEvidence}, org context: ${orgContext}, org coordination (D3): ${orgCoordination}, two-stage: ${twoStage}`)
// written + PolNeAR is the figure earlier sessions reported as "all" (before the web half existed): kept for comparison
const halves = [
  [['written'], 'written articles'],
  [['polnear'], 'PolNeAR dev articles'],
  [['written', 'polnear'], 'written + PolNeAR (the set before the web half, as earlier figures)'],
  [['web'], 'web pages (real news and blog pages, 2014-2019)'],
  [null, 'all'],
] as const
let all: NerScore | undefined
for (const [sources, name] of halves) {
  const part = docs.filter((d) => sources === null || (sources as readonly string[]).includes(d.source)).map((d) => d.tokens)
  if (part.length === 0) continue
  const score = scoreEntities(part.map((t) => t.entities), part.map((t) => predicted.get(t)!))
  const mentions = part.reduce((n, t) => n + t.entities.length, 0)
  printScore(`${name} (${part.length} articles, ${mentions} gold mentions)`, score)
  console.log(`given-name joins: ${part.reduce((n, t) => n + joins.get(t)!, 0)}`)
  console.log(`edge trims: ${part.reduce((n, t) => n + trims.get(t)!, 0)}`)
  console.log(`org evidence changes: ${part.reduce((n, t) => n + orgChanges.get(t)!, 0)}`)
  console.log(`org context changes (rule D): ${part.reduce((n, t) => n + contextChanges.get(t)!, 0)}`)
  console.log(`sentences decoded again (two-stage): ${part.reduce((n, t) => n + again.get(t)!, 0)}`)
  all = score
}
if (all) {
  const labels = [...NER_TYPES, 'none']
  console.log(`\nconfusion over spans with the same boundaries, all articles (rows gold, columns predicted; none = no span there):`)
  console.log(`${'gold'.padEnd(6)}${labels.map((l) => l.padStart(7)).join('')}`)
  for (const g of labels) console.log(`${g.padEnd(6)}${labels.map((p) => String(all!.confusion[g][p]).padStart(7)).join('')}`)
}
const misaligned = docs.reduce((n, d) => n + d.tokens.misaligned.length, 0)
console.log(`\ngold mentions whose edges fall inside a pipeline token (cannot be matched exactly): ${misaligned}`)

if (values.errors) {
  // every disagreement, for error analysis: "-" gold only, "+" predicted only, "~" same span, other label
  for (const {tokens} of docs) {
    const gold = new Map(tokens.entities.map((s) => [`${s.start}:${s.end}`, s.type]))
    const pred = new Map(predicted.get(tokens)!.map((s) => [`${s.start}:${s.end}`, s.type]))
    const text = (key: string) => {
      const [a, b] = key.split(':').map(Number)
      return tokens.words.slice(a, b).join(' ')
    }
    for (const [k, t] of gold) if (pred.get(k) !== t) console.log(`${tokens.id}\t${pred.has(k) ? '~' : '-'}\t${t}${pred.has(k) ? `->${pred.get(k)}` : ''}\t${text(k)}`)
    for (const [k, t] of pred) if (!gold.has(k)) console.log(`${tokens.id}\t+\t${t}\t${text(k)}`)
  }
}
