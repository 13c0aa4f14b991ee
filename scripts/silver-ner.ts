/**
 * Writes silver training gold for self-training (docs/ner.md, twenty-third round): the first N eligible PolNeAR
 * **train** articles (in the order of the sha256 of their names) tagged by a model, as a "written" training gold
 * folder `train:ner --gold` reads (`<out>/text/<name>.txt`, `<out>/gold/<name>.json`). Left out first: every article
 * that names a gold file under test/ner-gold (hand-annotated already, or a dev article) and every article the same as
 * or nearly the same as a dev text. An article whose silver does not place back exactly is skipped for the next one.
 *   npm run silver:ner -- --model /tmp/nersel10-m/F-RM-s2.bin --out /tmp/silver-s2
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {failUsage, parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {ModelArgError, readModelArg} from '../tools/ner/model-arg.ts'
import {POLNEAR_TRAIN_TEXT_DIR} from '../tools/ner/ner-set.ts'
import {findNearDuplicates, readDevTexts} from '../tools/ner/train-gold.ts'
import {findSilverMentions, orderSilverCandidates, silverRoundTrips, writeSilverGold} from '../tools/ner/silver.ts'
import {DEFAULT_BEAM, DEFAULT_CONSISTENCY, DEFAULT_EDGE_TRIM, DEFAULT_GIVEN_NAME_JOIN, DEFAULT_NAME_UNKNOWN, tagTokens} from '../src/ner/recognise.ts'
import {NerTagger} from '../src/ner/tagger.ts'

const spec = {
  name: 'silver:ner',
  about:
    "Tags unlabeled PolNeAR train articles with a model (the shipped tagger's settings: beam, unknown-name retry, consistency\n" +
    'pass, rules J and P) and writes them as a training gold folder (text/ and gold/) for train:ner --gold (self-training, docs/ner.md\n' +
    'twenty-third round; not adopted). The first --articles eligible articles in the order of the sha256 of their names; left\n' +
    'out: every article a gold file under test/ner-gold names and every one nearly the same as a dev text, and one whose\n' +
    'silver does not place back exactly (the next is taken). Never a dev or test split.',
  options: {
    model: {type: 'string', required: true, value: '<file>', description: 'the labelling model'},
    out: {type: 'string', required: true, value: '<dir>', description: 'where text/ and gold/ are written (must not exist or be empty)'},
    texts: {type: 'string', value: '<dir>', default: POLNEAR_TRAIN_TEXT_DIR, description: 'the unlabeled texts (PolNeAR train only)'},
    articles: {type: 'string', default: '200', check: 'number', description: 'how many articles to write (a whole number of 1 or more)'},
  },
  example: 'npm run silver:ner -- --model /tmp/nersel10-m/F-RM-s2.bin --out /tmp/silver-s2',
} satisfies ScriptSpec
const {values} = parseScriptArgs(spec)
// a count that is not a whole number of 1 or more never equals the articles written, so the loop would write them all
const wanted = Number(values.articles)
if (!Number.isInteger(wanted) || wanted < 1) failUsage(spec, `--articles is a whole number of 1 or more, not "${values.articles}"`)
const out = resolve(values.out)
if (existsSync(out) && !statSync(out).isDirectory()) failUsage(spec, `--out ${values.out} is a file: give a folder that does not exist or is empty`)
// an allow-list: only the PolNeAR train texts may be labelled, so no dev or held-out split slips in under another name
if (!/(^|\/)polnear\/train(\/text)?\/?$/.test(values.texts)) {
  console.error(`refusing ${values.texts}: silver is made from the PolNeAR train texts only`)
  process.exit(2)
}
if (!existsSync(values.texts)) {
  console.error(`${values.texts} does not exist (../shared is needed)`)
  process.exit(1)
}
if (existsSync(out) && readdirSync(out).length > 0) {
  console.error(`${out} is not empty`)
  process.exit(2)
}
// read before the articles are listed and the exclusions found, so a wrong --model is one line at once
let model
try {
  model = readModelArg(values.model).model
} catch (error) {
  if (!(error instanceof ModelArgError)) throw error
  console.error(`silver:ner: ${error.message}`)
  process.exit(2)
}

// every name a gold file under test/ner-gold carries: hand-annotated training articles and dev articles
const goldRoot = new URL('../test/ner-gold/', import.meta.url).pathname
const goldNames = new Set<string>()
const walk = (dir: string): void => {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) walk(join(dir, entry.name))
    else if (entry.name.endsWith('.json')) goldNames.add(entry.name.replace(/\.json$/, ''))
  }
}
walk(goldRoot)
const names = readdirSync(values.texts).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort()
const texts = new Map(names.map((n) => [n, readFileSync(join(values.texts, `${n}.txt`), 'utf8')]))
const annotated = names.filter((n) => goldNames.has(n))
const near = findNearDuplicates(names.filter((n) => !goldNames.has(n)).map((id) => ({id, text: texts.get(id)!})), readDevTexts())
const excluded = new Set([...annotated, ...near.map((d) => d.train)])
const order = orderSilverCandidates(names, excluded)
console.log(
  `${names.length} articles: ${annotated.length} left out as annotated gold, ${new Set(near.map((d) => d.train)).size} as nearly a dev text` +
    `${near.length > 0 ? ` (${near.map((d) => `${d.train} ~ ${d.dev}`).join(', ')})` : ''}; ${order.length} eligible`,
)

const tagger = new NerTagger(model, {
  beam: DEFAULT_BEAM,
  nameUnknown: DEFAULT_NAME_UNKNOWN,
  consistency: DEFAULT_CONSISTENCY,
  givenNameJoin: DEFAULT_GIVEN_NAME_JOIN,
  edgeTrim: DEFAULT_EDGE_TRIM,
})
mkdirSync(join(out, 'text'), {recursive: true})
mkdirSync(join(out, 'gold'), {recursive: true})
const digest = createHash('sha256')
const counts: Record<string, number> = {PERSON: 0, ORG: 0, LOC: 0, MISC: 0}
let written = 0
let words = 0
const skipped: string[] = []
for (const name of order) {
  if (written === wanted) break
  const text = texts.get(name)!
  const mentions = findSilverMentions(name, text, (w, ends) => tagTokens(w, ends, tagger))
  const gold = writeSilverGold(`${name}.txt`, text, mentions)
  if (!gold || !silverRoundTrips(gold, text, mentions)) {
    skipped.push(name)
    continue
  }
  const json = JSON.stringify(gold, null, 1) + '\n'
  writeFileSync(join(out, 'text', `${name}.txt`), text)
  writeFileSync(join(out, 'gold', `${name}.json`), json)
  digest.update(`${name}\n${json}`)
  for (const e of gold.entities ?? []) counts[e.label] += e.occurrences?.length ?? 1
  words += (text.match(/\S+/g) ?? []).length
  written++
}
const mentions = Object.values(counts).reduce((a, b) => a + b, 0)
console.log(
  `model ${values.model}: wrote ${written} articles (${words} words, ${mentions} mentions: ${Object.entries(counts).map(([l, n]) => `${l} ${n}`).join(', ')}) to ${out}; ` +
    `${skipped.length} skipped, their silver does not place back exactly${skipped.length > 0 ? ` (${skipped.join(', ')})` : ''}; sha256 ${digest.digest('hex').slice(0, 16)}`,
)
if (written < wanted) {
  console.error(`only ${written} of ${wanted} articles could be written`)
  process.exit(1)
}
