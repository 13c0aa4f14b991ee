/**
 * Reviews the modern-news NER set (test/ner-gold/modern): `stats` prints mentions per label and per source (and
 * every training gold folder's under test/ner-gold/train: PolNeAR, web, wire), and the mentions that do not sit on
 * pipeline tokens, `show <id>...` prints an article (dev set or web training gold) with its gold mentions marked inline as [[LABEL|text]], `names` lists every
 * annotated string with its labels across the set (to check that one name gets one label).
 *   npm run ner-set -- stats | show 03-climate-summit | names
 */
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {
  readModernNerSet,
  readWebGoldFolder,
  readWebTexts,
  toNerTokenDocument,
  toNerTrainingSet,
  TRAIN_SET_DIR,
  WEB_TEXT_FILE,
  WEB_TRAIN_SET_DIR,
  type NerGoldDoc,
} from '../tools/ner/ner-set.ts'
import {readTrainingGoldFolder} from '../tools/ner/train-gold.ts'
import {failUsage, parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'

const spec = {
  name: 'ner-set',
  about:
    'Reviews the modern-news NER set (test/ner-gold/modern). Commands: `stats` (default) prints mentions per label and per source\n' +
    '(and every training gold folder under test/ner-gold/train) and the mentions not on pipeline tokens; `show <id>...` prints an\n' +
    'article with its gold mentions marked inline as [[LABEL|text]]; `names` lists every annotated string with its labels.',
  positionals: '[stats | show <id>... | names]',
  options: {
    mixed: {type: 'boolean', default: false, description: 'with names: only the strings that have more than one label'},
    training: {
      type: 'boolean',
      default: false,
      description: 'with names and show: also every training gold folder under test/ner-gold/train (to check one label per name across batches)',
    },
    docs: {type: 'boolean', default: false, description: 'with stats: also one row per article'},
  },
  example: [
    'npm run ner-set -- stats',
    'npm run ner-set -- show 03-climate-summit',
    'npm run ner-set -- names --mixed',
    'npm run ner-set -- names --mixed --training',
    'npm run ner-set -- show m-012-mlb-results-aug --training',
  ],
} satisfies ScriptSpec
const {values, positionals} = parseScriptArgs(spec)
const [command = 'stats', ...args] = positionals
let set
try {
  set = readModernNerSet()
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
for (const s of set.skipped) console.log(`skipped ${s.source}: ${s.reason}`)
const LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const
const trainRoot = join(TRAIN_SET_DIR, '../..')

/** Every training gold folder under test/ner-gold/train, read as train:ner reads it (a folder it refuses is listed, not read). */
function readTrainingFolders(): {training: {name: string; kind: string; docs: NerGoldDoc[]}[]; skipped: string[]} {
  const training: {name: string; kind: string; docs: NerGoldDoc[]}[] = []
  const skipped: string[] = []
  for (const name of readdirSync(trainRoot).sort()) {
    try {
      const {kind, docs} = readTrainingGoldFolder(join(trainRoot, name, 'gold'))
      training.push({name, kind, docs})
    } catch (error) {
      skipped.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return {training, skipped}
}

function mark(doc: NerGoldDoc): string {
  let out = ''
  let at = 0
  for (const e of doc.entities) {
    out += `${doc.text.slice(at, e.start)}[[${e.label}|${e.text}]]`
    at = e.end
  }
  return out + doc.text.slice(at)
}

if (command === 'stats') {
  const rows: string[][] = []
  const total = (docs: NerGoldDoc[], name: string) => {
    const counts = LABELS.map((l) => docs.reduce((n, d) => n + d.entities.filter((e) => e.label === l).length, 0))
    const words = docs.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0)
    rows.push([name, String(docs.length), String(words), ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))])
  }
  if (values.docs) for (const d of set.docs) total([d], d.id)
  for (const source of ['written', 'polnear'] as const) total(set.docs.filter((d) => d.source === source), `[${source}]`)
  total(set.docs.filter((d) => d.source !== 'web'), '[written+polnear]')
  total(set.docs.filter((d) => d.source === 'web'), '[web]')
  total(set.docs, '[all]')
  // every training gold folder (test/ner-gold/train/<name>/gold), read and checked as train:ner reads it
  const {training, skipped: trainingSkipped} = readTrainingFolders()
  for (const {name, kind, docs} of training) {
    if (values.docs) for (const d of docs) total([d], d.id)
    total(docs, `[training: ${name} (${kind})]`)
  }
  const head = ['set', 'articles', 'words', ...LABELS, 'mentions']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
  for (const s of trainingSkipped) console.log(`training gold not read: ${s}`)
  const misaligned = set.docs.flatMap((d) => toNerTokenDocument(d).misaligned.map((e) => `${d.id}: ${e.label} "${e.text}"`))
  console.log(`dev set mentions whose edges fall inside a pipeline token: ${misaligned.length}`)
  for (const m of misaligned) console.log(`  ${m}`)
  // what train:ner does with training mentions that do not sit on the pipeline's tokens (it prints the same)
  for (const {name, docs} of training) {
    const t = toNerTrainingSet(docs)
    const listed = [
      ...t.misaligned.map((e) => `${e.doc}: ${e.label} "${e.text}" has an edge inside a pipeline token: trained as "${e.tokens}"`),
      ...t.joined.map((e) => `${e.doc}: ${e.label} "${e.text}" crosses a sentence end: kept whole, that sentence end left out`),
      ...t.leftOut.map((e) => `${e.doc}: ${e.label} "${e.text}" shares a token with the mention before: left out`),
    ]
    console.log(`training gold ${name}: mentions not on pipeline tokens as written: ${listed.length}`)
    for (const m of listed) console.log(`  ${m}`)
  }
} else if (command === 'show') {
  for (const id of args) {
    // the web training gold can be reviewed the same way (it is never scored)
    const webTrain = () => (existsSync(WEB_TRAIN_SET_DIR) && existsSync(WEB_TEXT_FILE) ? readWebGoldFolder(WEB_TRAIN_SET_DIR, readWebTexts(), 'web-train') : [])
    const inTraining = () => (values.training ? readTrainingFolders().training.flatMap((t) => t.docs).find((d) => d.id === id) : undefined)
    const doc = set.docs.find((d) => d.id === id) ?? webTrain().find((d) => d.id === id) ?? inTraining()
    if (!doc) {
      console.error(`no article ${id} in the set${values.training ? ' or the training gold' : ' (a training article: add --training)'}`)
      process.exit(2)
    }
    console.log(`=== ${doc.id} (${doc.source}, ${doc.entities.length} mentions)\n${mark(doc)}`)
  }
} else if (command === 'names') {
  const byText = new Map<string, Map<string, string[]>>()
  const folders = values.training ? readTrainingFolders() : {training: [], skipped: []}
  for (const s of folders.skipped) console.log(`training gold not read: ${s}`)
  for (const d of [...set.docs, ...folders.training.flatMap((t) => t.docs)]) {
    for (const e of d.entities) {
      const labels = byText.get(e.text) ?? new Map<string, string[]>()
      byText.set(e.text, labels)
      const ids = labels.get(e.label) ?? []
      if (!ids.includes(d.id)) ids.push(d.id)
      labels.set(e.label, ids)
    }
  }
  const only = values.mixed
  for (const [text, labels] of [...byText].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (only && labels.size < 2) continue
    console.log(`${text}\t${[...labels].map(([l, ids]) => `${l} (${ids.join(', ')})`).join('; ')}`)
  }
} else {
  failUsage(spec, `unknown command "${command}": use stats, show <id>... or names [--mixed]`)
}
