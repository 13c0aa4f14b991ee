/**
 * What the default pipeline changes against the bare tagger on the same text, stage by stage (docs/ner.md,
 * pipeloss2): each document runs through a ladder of steps, each adding one part of `lede run` to the one before,
 * from the model alone on reference tokens to the whole process with the linker's corpus labels, and every name
 * mention lost, gained, relabelled or re-spanned between two steps is counted against gold (exact spans on the
 * input text). The shipped model is trained on eng.train and testa, so absolute figures there are training figures:
 * the DIFFERENCES between steps are what this measures, and they need no held-out data.
 *
 *   node --import tsx bench/ner-pipeloss.ts [--data ../shared/conll2003/eng.train | --modern | --gold <training gold folder>] [--check] [--examples 20] [--list <file>]
 *
 * Steps: `tagger` the model alone (beam 4, no rules) on CoNLL's own tokens and sentences (the modern set has none:
 * there it reads the segmenter's, so the two `segment` steps change nothing but line-end hyphens); `segment:tokens`
 * the segmenter's tokens in the entities stage's reading view, CoNLL's lines as sentences; `segment:sentences` the
 * segmenter's sentences; `rule:unknown-name`, `rule:consistency`, `rule:D` (off by default until protocol D adopts it), `rule:J`, `rule:P` the tagger's rules one by one
 * (rule O and the two-stage pass are off by default, as in `lede run`); `clean` the news pipeline's clean first
 * (headline kept in the text, names on removed lines lost); `title-case` the headline's truecased view; `dateline`
 * the dateline place relabelled LOC; `party-tags` party-and-state tags one MISC; `overlaps` the entities stage's output (names against dates, numbers and money,
 * mention resolution); `linker` the corpus stage's labels. `--check` runs `lede run` on the same corpus and says
 * whether its entity records equal the last step's.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {PIPELINES} from '../pipelines/index.ts'
import {createDoc, type Doc, type EntitySpan, type Span} from '../src/doc.ts'
import {createPipeline, processDoc} from '../src/stage.ts'
import {createSegment} from '../src/stages/segment.ts'
import {openReadingView} from '../src/segment/reading-view.ts'
import {findParagraphs, findSentences, findTokens} from '../src/segment/segment-text.ts'
import {DEFAULT_BEAM, DEFAULT_CONSISTENCY, DEFAULT_EDGE_TRIM, DEFAULT_GIVEN_NAME_JOIN, DEFAULT_NAME_UNKNOWN, DEFAULT_ORG_CONTEXT, DEFAULT_ORG_COORDINATION, DEFAULT_ORG_EVIDENCE, DEFAULT_TWO_STAGE, loadModel, recogniseEntities, sentenceEndsOf, shippedLexicon} from '../src/ner/recognise.ts'
import {NerTagger} from '../src/ner/tagger.ts'
import {decodeBilou} from '../src/ner/tags.ts'
import {findHeadlineSpan} from '../src/ner/title-case.ts'
import {placeNamesFrom, relabelDatelinePlaces} from '../src/entities/dateline-places.ts'
import {relabelPartyTags} from '../src/entities/party-tags.ts'
import {contentId} from '../src/io/corpus.ts'
import {readConll} from '../tools/ner/conll.ts'
import {conllText, mapCleanedOffsets} from '../tools/ner/conll-text.ts'
import {POLNEAR_DEV_TEXT_DIR, readModernNerSet} from '../tools/ner/ner-set.ts'
import {readTrainingGoldFolder} from '../tools/ner/train-gold.ts'
import {findMentionChanges, type ChangeKind, type Mention, type MentionChange} from '../tools/ner/mention-diff.ts'
import {PRFScore} from '../src/eval/prf.ts'

const {values} = parseScriptArgs({
  name: 'bench:ner-pipeloss',
  about: 'What each part of `lede run` changes in the name mentions against the bare tagger on the same text, counted against gold.',
  options: {
    data: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.train', import.meta.url).pathname, description: 'CoNLL-2003 file (documents written out as text, one sentence a line)'},
    modern: {type: 'boolean', default: false, description: 'the modern-news set (test/ner-gold/modern) instead, PolNeAR dev texts beside it as the linker\'s context'},
    gold: {type: 'string', value: '<folder>', description: 'a training gold folder instead (test/ner-gold/train/<name>/gold, read as train:ner reads it): its texts are the corpus'},
    check: {type: 'boolean', default: false, description: 'run `lede run` on the same corpus and compare its entity records with the last step'},
    examples: {type: 'string', default: '0', check: 'number', description: 'changes to print per step'},
    list: {type: 'string', value: '<file>', description: 'write every change of every step to this TSV file'},
  },
  example: 'node --import tsx bench/ner-pipeloss.ts --modern --examples 10',
})

const TYPES: Record<string, string> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}
const LABELS: Record<string, EntitySpan['label']> = {PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}
const STEPS = ['tagger', 'segment:tokens', 'segment:sentences', 'rule:unknown-name', 'rule:consistency', 'rule:D', 'rule:J', 'rule:P', 'clean', 'title-case', 'dateline', 'party-tags', 'overlaps', 'linker'] as const

interface Input {
  file: string
  group: string
  text: string
  gold: Mention[]
  /** CoNLL's own words and sentences, with each word's offset in `text` */
  conll: {words: string[]; sentenceEnds: number[]; starts: number[]} | null
  /** corpus context only: run for the linker, not scored */
  context: boolean
}

const inputs: Input[] = []
if (values.gold) {
  const {docs} = readTrainingGoldFolder(values.gold)
  for (const d of docs) inputs.push({file: `${d.id}.txt`, group: d.source, text: d.text, gold: d.entities.map((e) => ({start: e.start, end: e.end, type: e.label})), conll: null, context: false})
} else if (values.modern) {
  const set = readModernNerSet()
  for (const s of set.skipped) console.log(`modern set: the ${s.source} half skipped: ${s.reason}`)
  for (const d of set.docs) inputs.push({file: `${d.source}-${d.id}.txt`, group: d.source, text: d.text, gold: d.entities.map((e) => ({start: e.start, end: e.end, type: e.label})), conll: null, context: false})
  if (existsSync(POLNEAR_DEV_TEXT_DIR)) {
    const annotated = new Set(set.docs.filter((d) => d.source === 'polnear').map((d) => `${d.id}.txt`))
    for (const name of readdirSync(POLNEAR_DEV_TEXT_DIR).sort()) {
      if (!name.endsWith('.txt') || annotated.has(name)) continue
      inputs.push({file: `context-${name}`, group: 'context', text: readFileSync(join(POLNEAR_DEV_TEXT_DIR, name), 'utf8'), gold: [], conll: null, context: true})
    }
  }
} else {
  if (!existsSync(values.data!)) {
    console.log(`bench:ner-pipeloss skipped: ${values.data} not found`)
    process.exit(0)
  }
  readConll(readFileSync(values.data!, 'utf8')).forEach((doc, n) => {
    const {text, entities} = conllText(doc)
    // conllText puts one space or line break between words
    const starts: number[] = []
    let at = 0
    for (const word of doc.words) {
      starts.push(at)
      at += word.length + 1
    }
    inputs.push({file: `doc-${String(n).padStart(5, '0')}.txt`, group: 'conll', text, gold: entities, conll: {words: doc.words, sentenceEnds: doc.sentenceEnds, starts}, context: false})
  })
}
// lede run reads a folder in code-unit order of the names; the linker sees documents in that order
inputs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))

const model = loadModel()
const rules = {beam: DEFAULT_BEAM, nameUnknown: false, consistency: false, givenNameJoin: false, edgeTrim: false, orgEvidence: DEFAULT_ORG_EVIDENCE, twoStage: DEFAULT_TWO_STAGE}
const bare = new NerTagger(model, rules)
const withUnknown = new NerTagger(model, {...rules, nameUnknown: DEFAULT_NAME_UNKNOWN})
const withConsistency = new NerTagger(model, {...rules, nameUnknown: DEFAULT_NAME_UNKNOWN, consistency: DEFAULT_CONSISTENCY})
const withD = new NerTagger(model, {...rules, nameUnknown: DEFAULT_NAME_UNKNOWN, consistency: DEFAULT_CONSISTENCY, orgContext: DEFAULT_ORG_CONTEXT, orgCoordination: DEFAULT_ORG_COORDINATION})
const withJ = new NerTagger(model, {...rules, nameUnknown: DEFAULT_NAME_UNKNOWN, consistency: DEFAULT_CONSISTENCY, orgContext: DEFAULT_ORG_CONTEXT, orgCoordination: DEFAULT_ORG_COORDINATION, givenNameJoin: DEFAULT_GIVEN_NAME_JOIN})
const shipped = new NerTagger(model, {...rules, nameUnknown: DEFAULT_NAME_UNKNOWN, consistency: DEFAULT_CONSISTENCY, orgContext: DEFAULT_ORG_CONTEXT, orgCoordination: DEFAULT_ORG_COORDINATION, givenNameJoin: DEFAULT_GIVEN_NAME_JOIN, edgeTrim: DEFAULT_EDGE_TRIM})
const placeNames = placeNamesFrom(shippedLexicon())
const segmentOnly = createPipeline('segment', [createSegment()])
const news = PIPELINES.news!.build()
const link = news.corpusStages[0]!
const linkRun = link.start()

const names = (spans: readonly EntitySpan[]): Mention[] => spans.filter((s) => TYPES[s.label]).map((s) => ({start: s.start, end: s.end, type: TYPES[s.label]!}))
const toSpans = (mentions: readonly Mention[]): EntitySpan[] => mentions.map((m) => ({start: m.start, end: m.end, label: LABELS[m.type]!}))
// the spans a tagger finds over tokens of `text`, with the sentences given as exclusive token ends
function tag(tagger: NerTagger, text: string, tokens: readonly Span[], sentenceEnds: readonly number[]): Mention[] {
  if (tokens.length === 0) return []
  return decodeBilou(tagger.tagSpans(text, tokens, sentenceEnds)).map((s) => ({start: tokens[s.start]!.start, end: tokens[s.end - 1]!.end, type: s.type}))
}

interface Result {
  input: Input
  doc: Doc
  steps: Mention[][]
  toInput: (offset: number) => number
}
const results: Result[] = []
const started = performance.now()
for (const input of inputs) {
  const id = contentId(input.text)
  const newsDoc = processDoc(news, createDoc({id, source: input.file, text: input.text}))
  if (newsDoc.messages.some((m) => m.fatal)) throw new Error(`${input.file}: ${JSON.stringify(newsDoc.messages)}`)
  linkRun.add(link.summarize(newsDoc))
  if (input.context) continue
  const steps: Mention[][] = []
  // tagger: CoNLL's tokens and sentences, or (modern) the segmenter's on the raw text
  if (input.conll) {
    const c = input.conll
    steps.push(tag(bare, input.text, c.words.map((w, i) => ({start: c.starts[i]!, end: c.starts[i]! + w.length})), c.sentenceEnds))
  } else {
    const tokens = findTokens(input.text)
    steps.push(tag(bare, input.text, tokens, sentenceEndsOf(tokens, findSentences(input.text, findParagraphs(input.text), tokens))))
  }
  // segment: the plain document as the entities stage reads it (reading view), lines as sentences, then its sentences
  const plainDoc = processDoc(segmentOnly, createDoc({id, source: input.file, text: input.text}))
  const plainView = openReadingView(plainDoc)
  const plainTokens = plainView.tokens()
  const lineEnds: number[] = []
  for (let i = 1; i < plainTokens.length; i++) {
    const a = plainView.spanToText(plainTokens[i - 1]!).end
    const b = plainView.spanToText(plainTokens[i]!).start
    if (input.text.slice(a, b).includes('\n')) lineEnds.push(i)
  }
  if (plainTokens.length > 0) lineEnds.push(plainTokens.length)
  const plainEnds = sentenceEndsOf(plainTokens, plainView.toView(plainDoc.sentences ?? []))
  const back = (m: Mention[]) => names(plainView.toText(toSpans(m)))
  steps.push(back(tag(bare, plainView.text, plainTokens, input.conll ? lineEnds : plainEnds)))
  for (const tagger of [bare, withUnknown, withConsistency, withD, withJ, shipped]) steps.push(back(tag(tagger, plainView.text, plainTokens, plainEnds)))
  // clean and what follows: the news document's layers, mapped back to the input text
  const toInput = mapCleanedOffsets(input.text, newsDoc.text)
  const view = openReadingView(newsDoc)
  const toIn = (spans: EntitySpan[]): Mention[] => names(view.toText(spans)).map((m) => ({start: toInput(m.start), end: toInput(m.end - 1) + 1, type: m.type}))
  const sentences = view.toView(newsDoc.sentences ?? [])
  const cleaned = recogniseEntities(view.text, view.tokens(), sentences, shipped, null)
  steps.push(toIn(cleaned))
  const headline = findHeadlineSpan(view.text, view.toView(newsDoc.paragraphs ?? []), newsDoc.title)
  const titled = recogniseEntities(view.text, view.tokens(), sentences, shipped, headline)
  steps.push(toIn(titled))
  const placed = relabelDatelinePlaces(view.text, titled, newsDoc.dateline && view.spanToView(newsDoc.dateline), placeNames)
  steps.push(toIn(placed))
  steps.push(toIn(relabelPartyTags(view.text, view.tokens(), placed)))
  steps.push(names(newsDoc.entities ?? []).map((m) => ({start: toInput(m.start), end: toInput(m.end - 1) + 1, type: m.type})))
  results.push({input, doc: newsDoc, steps, toInput})
}
// the linker's labels, applied as the run engine applies them (label by provisional id)
const relabels = linkRun.finish().labels ?? new Map()
for (const r of results) {
  const labels = relabels.get(r.doc.id)
  r.steps.push(
    (r.doc.entities ?? [])
      .map((e) => ({...e, label: labels?.get(e.entityId)?.label ?? e.label}))
      .filter((e) => TYPES[e.label])
      .map((e) => ({start: r.toInput(e.start), end: r.toInput(e.end - 1) + 1, type: TYPES[e.label]!})),
  )
}
const seconds = (performance.now() - started) / 1000

// the clean rule that removed the line holding a mention (the removed stretch that holds the mention's line)
function removedBy(r: Result, m: Mention): string {
  const lineStart = r.input.text.lastIndexOf('\n', m.start - 1) + 1
  const lineEnd = r.input.text.indexOf('\n', m.end)
  const line = r.input.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim()
  return (r.doc.removed ?? []).find((x) => x.text.includes(line))?.rule ?? 'title'
}

// scores and changes per group and step
const groups = [...new Set(results.map((r) => r.input.group)), ...(values.modern ? ['all'] : [])]
const listLines: string[] = ['group\tfile\tstep\tkind\ttp\tfp\tbefore\tafter\tcontext']
const show = (text: string, ms: Mention[]) => ms.map((m) => `${text.slice(m.start, m.end).replace(/\n/g, ' / ')}/${m.type}`).join(' + ') || '-'
console.log(`${values.gold ?? (values.modern ? 'modern set' : values.data)}: ${results.length} scored documents${inputs.length > results.length ? ` (+${inputs.length - results.length} context)` : ''}, ${results.reduce((n, r) => n + r.input.gold.length, 0)} gold mentions; ${seconds.toFixed(1)} s`)
for (const group of groups) {
  const members = results.filter((r) => group === 'all' || r.input.group === group)
  console.log(`\n${group}: ${members.length} documents, ${members.reduce((n, r) => n + r.input.gold.length, 0)} gold mentions`)
  console.log('step                 F1      P      R   | lost (tp fp) | gained (tp fp) | relabelled (tp fp) | re-spanned (tp fp) | net tp fp')
  const examples: string[] = []
  for (let s = 0; s < STEPS.length; s++) {
    const total = new PRFScore()
    const kinds = new Map<ChangeKind, {n: number; tp: number; fp: number}>(['lost', 'gained', 'relabelled', 're-spanned'].map((k) => [k as ChangeKind, {n: 0, tp: 0, fp: 0}]))
    for (const r of members) {
      const predicted = r.steps[s]!
      const goldKeys = new Set(r.input.gold.map((g) => `${g.start}:${g.end}:${g.type}`))
      const tp = predicted.filter((m) => goldKeys.has(`${m.start}:${m.end}:${m.type}`)).length
      total.add(new PRFScore(tp, predicted.length - tp, r.input.gold.length - tp))
      if (s === 0) continue
      const changes: MentionChange[] = findMentionChanges(r.steps[s - 1]!, predicted, r.input.gold)
      for (const c of changes) {
        const k = kinds.get(c.kind)!
        k.n++
        k.tp += c.tp
        k.fp += c.fp
        const line = `${r.input.file}\t${STEPS[s]}${STEPS[s] === 'clean' && c.kind === 'lost' ? `:${removedBy(r, c.before[0]!)}` : ''}\t${c.kind}\t${c.tp}\t${c.fp}\t${show(r.input.text, c.before)}\t${show(r.input.text, c.after)}`
        if (group !== 'all') {
          const at = (c.before[0] ?? c.after[0])!.start
          listLines.push(`${group}\t${line}\t${r.input.text.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, ' ')}`)
        }
        if (examples.filter((e) => e.startsWith(`${STEPS[s]}\t`)).length < Number(values.examples)) examples.push(`${STEPS[s]}\t${line}`)
      }
    }
    const p = (x: number | null) => ((x ?? 0) * 100).toFixed(2).padStart(6)
    const cells = [...kinds.values()].map((k) => `${String(k.n).padStart(4)} (${k.tp >= 0 ? '+' : ''}${k.tp} ${k.fp >= 0 ? '+' : ''}${k.fp})`)
    const net = [...kinds.values()].reduce((a, k) => ({tp: a.tp + k.tp, fp: a.fp + k.fp}), {tp: 0, fp: 0})
    console.log(`${STEPS[s]!.padEnd(18)} ${p(total.fscore)} ${p(total.precision)} ${p(total.recall)} | ${s === 0 ? '' : `${cells.join(' | ')} | ${net.tp} ${net.fp}`}`)
  }
  for (const e of examples) console.log(`  ${e.split('\t').slice(1).join('\t')}`)
}
if (values.list) writeFileSync(values.list, listLines.join('\n') + '\n')

if (values.check) {
  const work = mkdtempSync(join(tmpdir(), 'lede-pipeloss-'))
  const corpus = join(work, 'corpus')
  mkdirSync(corpus)
  for (const input of inputs) writeFileSync(join(corpus, input.file), input.text)
  const out = join(work, 'out')
  const run = spawnSync(process.execPath, [new URL('../bin/lede.js', import.meta.url).pathname, 'run', corpus, '--out', out, '--quiet', '--workers', '1'], {stdio: ['ignore', 'ignore', 'inherit']})
  if (run.status !== 0 && run.status !== 1) throw new Error(`lede run exited ${run.status}`)
  const read = (file: string) => readFileSync(join(out, file), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>)
  const texts = new Map(read('articles.jsonl').map((a) => [a.id as string, a.text as string]))
  const byDoc = new Map<string, string[]>()
  for (const e of read('entities.jsonl')) {
    if (!TYPES[e.label as string]) continue
    const text = texts.get(e.docId as string)!
    // records count code points
    const units = (cp: number) => [...text].slice(0, cp).join('').length
    const list = byDoc.get(e.docId as string) ?? byDoc.set(e.docId as string, []).get(e.docId as string)!
    list.push(`${units(e.start as number)}:${units(e.end as number)}:${TYPES[e.label as string]}`)
  }
  let differ = 0
  for (const r of results) {
    const mine = (r.doc.entities ?? []).length === 0 ? [] : r.steps[STEPS.length - 1]!
    const theirs = (byDoc.get(r.doc.id) ?? []).map((k) => {
      const [s, e, t] = k.split(':')
      return `${r.toInput(Number(s))}:${r.toInput(Number(e) - 1) + 1}:${t}`
    })
    const a = mine.map((m) => `${m.start}:${m.end}:${m.type}`).sort().join(',')
    const b = theirs.sort().join(',')
    if (a !== b) {
      differ++
      if (differ <= 5) console.log(`check: ${r.input.file} differs from lede run:\n  ladder ${a}\n  lede   ${b}`)
    }
  }
  console.log(`\ncheck: lede run --workers 1 on the same ${inputs.length} files: ${differ} of ${results.length} scored documents differ from the last step`)
  rmSync(work, {recursive: true, force: true})
}
