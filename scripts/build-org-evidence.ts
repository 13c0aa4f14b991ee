/**
 * Writes models/org-evidence.json, rule O's evidence (src/ner/org-evidence.ts, docs/ner.md twenty-fifth round), mined
 * from training data only: CoNLL-2003 eng.train and the training gold folders the shipped model is trained on (never
 * eng.testa, the modern dev set or a held-out set; the gold reader refuses dev folders and texts).
 *   npm run build:org-evidence [-- --out models/org-evidence.json]
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {relative} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {readConll} from '../tools/ner/conll.ts'
import {toNerTrainingSet} from '../tools/ner/ner-set.ts'
import {isWordContext, mineOrgEvidence, ORG_EVIDENCE_THRESHOLDS} from '../tools/ner/org-evidence.ts'
import {readTrainingGoldFolder} from '../tools/ner/train-gold.ts'
import {ORG_EVIDENCE_URL} from '../src/ner/org-evidence-list.ts'

const TRAIN_FOLDERS = ['polnear', 'web', 'wire', 'wire2', 'web-style', 'wire98', 'web-style2', 'reuters20', 'misc-news']
const {values} = parseScriptArgs({
  name: 'build:org-evidence',
  about:
    "Rewrites rule O's evidence (models/org-evidence.json) from eng.train and the nine training gold folders of the shipped\n" +
    'model: the contexts, organisation head words and acronym shape that training text gives to organisations.',
  options: {
    out: {type: 'string', value: '<file>', default: ORG_EVIDENCE_URL.pathname, description: 'where to write the table'},
    conll: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.train', import.meta.url).pathname, description: 'CoNLL-2003 eng.train'},
  },
  example: 'npm run build:org-evidence',
})
const root = new URL('..', import.meta.url).pathname
const conll = readConll(readFileSync(values.conll!, 'utf8'))
const goldDirs = TRAIN_FOLDERS.map((name) => new URL(`../test/ner-gold/train/${name}/gold/`, import.meta.url).pathname)
const gold = toNerTrainingSet(goldDirs.flatMap((dir) => readTrainingGoldFolder(dir).docs)).documents
const mined = mineOrgEvidence([...conll, ...gold])
const keys = (list: {key: string}[]) => list.map((e) => e.key)
// the rule uses only contexts made of words (twenty-sixth round); the counts keep every strong entry
const wordKeys = (list: {key: string}[]) => keys(list).filter(isWordContext)
const table = {
  about: "rule O's evidence (src/ner/org-evidence.ts, docs/ner.md twenty-fifth round), written by npm run build:org-evidence; do not edit by hand",
  sources: {conll: `eng.train (${conll.length} documents)`, gold: `${TRAIN_FOLDERS.join(', ')} (${gold.length} documents)`},
  thresholds: ORG_EVIDENCE_THRESHOLDS,
  runs: mined.runs,
  orgRuns: mined.orgRuns,
  rule: {before1: wordKeys(mined.before1), before2: wordKeys(mined.before2), after1: wordKeys(mined.after1), after2: wordKeys(mined.after2), heads: keys(mined.heads), acronym: mined.acronym.strong},
  counts: {before1: mined.before1, before2: mined.before2, after1: mined.after1, after2: mined.after2, heads: mined.heads, acronym: mined.acronym},
}
writeFileSync(values.out!, `${JSON.stringify(table, null, 1)}\n`)
console.log(`wrote ${relative(root, values.out!)}: ${mined.runs} capitalised runs (${mined.orgRuns} ORG) in ${conll.length + gold.length} documents`)
for (const field of ['before1', 'before2', 'after1', 'after2'] as const) console.log(`${field}: ${mined[field].length} strong, ${table.rule[field].length} of words used: ${table.rule[field].join(' | ')}`)
console.log(`heads: ${mined.heads.length} strong: ${keys(mined.heads).join(' | ')}`)
console.log(`mixed-case acronyms: ${mined.acronym.runs} runs, ${mined.acronym.org} ORG, ${mined.acronym.docs} documents: ${mined.acronym.strong ? 'strong' : 'not strong'}`)
