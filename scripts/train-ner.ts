/**
 * Trains the entity recogniser and writes models/ner.bin.
 *   npm run train:ner -- --train ../shared/conll2003/eng.train --dev ../shared/conll2003/eng.testa
 * The dev file only picks the epoch; it is never trained on. Same data and seed give a byte-identical file.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {compromiseLexicon} from '../src/adapters/compromise.ts'
import {readConll, type NerDocument} from '../tools/ner/conll.ts'
import {
  MODERN_SET_DIR,
  NerSetError,
  POLNEAR_DEV_TEXT_DIR,
  POLNEAR_TRAIN_TEXT_DIR,
  readNerGoldFolder,
  readWebGoldFolder,
  readWebGoldKeys,
  readWebTexts,
  toNerTrainingSet,
  WEB_TEXT_FILE,
  type NerGoldDoc,
} from '../tools/ner/ner-set.ts'
import {gazetteerPackages, readGazetteerSources} from '../src/adapters/gazetteers.ts'
import {buildLexicon, ORG_SOURCE_CATEGORIES, SOURCE_CATEGORIES, withSources, type SourceCategory} from '../src/ner/lexicon.ts'
import {parseModel, serializeModel} from '../src/ner/model.ts'
import {evaluate, trainNer} from '../tools/ner/train.ts'
import {DEFAULT_NAME_UNKNOWN} from '../src/ner/recognise.ts'

const {values} = parseArgs({
  options: {
    train: {type: 'string'},
    dev: {type: 'string'},
    out: {type: 'string', default: new URL('../models/ner.bin', import.meta.url).pathname},
    seed: {type: 'string', default: '13'},
    epochs: {type: 'string', default: '10'},
    'min-count': {type: 'string', default: '2'},
    folds: {type: 'string', default: '5'},
    beam: {type: 'string', default: '4'},
    'no-names': {type: 'boolean', default: false},
    'no-sources': {type: 'boolean', default: false},
    'without-sources': {type: 'string', default: ''},
    'word-dropout': {type: 'string', default: '0'},
    'dropout-scope': {type: 'string', default: 'capitalised'},
    clusters: {type: 'string'},
    gold: {type: 'string'},
    'gold-text': {type: 'string'},
    'gold-repeat': {type: 'string', default: '1'},
  },
})
if (!values.train) {
  console.error(
    'usage: npm run train:ner -- --train <eng.train>[,<more.conll>...] [--dev <eng.testa>] [--out models/ner.bin] [--seed 13] [--epochs 10]\n' +
      '         [--min-count 2] [--folds 5] [--beam 4] [--word-dropout 0] [--dropout-scope capitalised|all] [--no-names] [--no-sources]\n' +
      '         [--without-sources university,airline,...] (leave these data-package lists out, to measure them)\n' +
      '         [--clusters <table.tsv from npm run cluster:ner>] [--gold <folder of gold .json>] [--gold-text <texts>] [--gold-repeat 1]\n' +
      '  --train takes comma-separated files, read in order (the shipped model: eng.train,eng.testa with a fixed --epochs)\n' +
      '  --gold adds hand-checked gold articles as training documents, comma-separated folders (e.g. test/ner-gold/train/polnear/gold,\n' +
      '    test/ner-gold/train/web/gold), tokenised as the pipeline does; --gold-repeat shows each N times per epoch (or N1,N2 per folder). A folder whose\n' +
      '    files name .txt sources reads them from --gold-text (a folder, default ../shared/polnear/train/text); a folder whose files\n' +
      '    name web page keys reads each page\'s articleBody from --gold-text (a ground-truth.json, default\n' +
      '    ../shared/article-extraction/ground-truth.json). Dev-set articles and pages are refused.',
  )
  process.exit(2)
}

const scope = values['dropout-scope']
const dropout = Number(values['word-dropout'])
if ((scope !== 'all' && scope !== 'capitalised') || !(dropout >= 0 && dropout < 1)) {
  console.error('--dropout-scope is all or capitalised; --word-dropout is a probability in [0, 1)')
  process.exit(2)
}

let clusters: Map<string, string> | null = null
let clusterDigest: string | null = null
if (values.clusters) {
  let text: string
  try {
    text = readFileSync(values.clusters, 'utf8')
  } catch (error) {
    console.error(`cannot read --clusters ${values.clusters}: ${(error as Error).message}`)
    process.exit(1)
  }
  clusterDigest = createHash('sha256').update(text).digest('hex').slice(0, 16)
  clusters = new Map()
  for (const line of text.split('\n')) {
    if (!line) continue
    const [word, path] = line.split('\t')
    if (!word || !path || !/^[01]+$/.test(path)) {
      console.error(`--clusters ${values.clusters}: not a cluster table line: ${JSON.stringify(line.slice(0, 80))}`)
      process.exit(1)
    }
    clusters.set(word, path)
  }
}

// one count for every --gold folder, or one per folder (comma-separated, in the folders' order)
const goldRepeats = values['gold-repeat'].split(',').map(Number)
if (goldRepeats.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('--gold-repeat is a whole number of 1 or more, or one per --gold folder, comma-separated')
  process.exit(2)
}

/** Reads one --gold folder: refuses the modern dev set's texts, articles and pages, so the dev set stays unseen. */
function readGoldFolder(goldDir: string, textOption: string | undefined): NerGoldDoc[] {
  if (!existsSync(goldDir)) {
    console.error(`--gold ${goldDir} not found`)
    process.exit(1)
  }
  for (const half of ['written', 'polnear', 'web']) {
    if (resolve(goldDir) === resolve(MODERN_SET_DIR, half, 'gold')) {
      console.error(`--gold ${goldDir} is the modern dev set's ${half} half: never train on the dev set`)
      process.exit(2)
    }
  }
  // web gold names page keys as sources; PolNeAR gold names .txt files
  const keys = readWebGoldKeys(goldDir)
  const web = keys.size > 0 && [...keys.keys()].every((source) => !source.endsWith('.txt'))
  const textSource = web ? (textOption?.endsWith('.json') ? textOption : WEB_TEXT_FILE) : (textOption && !textOption.endsWith('.json') ? textOption : POLNEAR_TRAIN_TEXT_DIR)
  if (!existsSync(textSource)) {
    console.error(`--gold ${goldDir}: its texts ${textSource} not found (--gold-text)`)
    process.exit(1)
  }
  try {
    if (web) {
      const devPages = readWebGoldKeys(join(MODERN_SET_DIR, 'web/gold'))
      const clash = [...keys].filter(([key]) => devPages.has(key))
      if (clash.length > 0) {
        console.error(`--gold: ${clash.map(([, file]) => basename(file)).join(', ')} annotate pages of the modern dev set's web half: never train on the dev set`)
        process.exit(2)
      }
      return readWebGoldFolder(goldDir, readWebTexts(textSource), 'web-train', textSource)
    }
    if (resolve(textSource) === resolve(POLNEAR_DEV_TEXT_DIR)) {
      console.error(`--gold-text ${textSource} is the modern dev set's PolNeAR dev folder: never train on the dev set`)
      process.exit(2)
    }
    const devNames = new Set(readdirSync(join(MODERN_SET_DIR, 'polnear/gold')).filter((n) => n.endsWith('.json')))
    const docs = readNerGoldFolder(goldDir, textSource, 'polnear-train')
    const clash = docs.filter((d) => devNames.has(`${d.id}.json`))
    if (clash.length > 0) {
      console.error(`--gold: ${clash.map((d) => d.id).join(', ')} are in the modern dev set: never train on the dev set`)
      process.exit(2)
    }
    return docs
  } catch (error) {
    console.error(error instanceof NerSetError ? `--gold: ${error.message}` : `--gold: ${(error as Error).message}`)
    process.exit(1)
  }
}

/**
 * Reads --gold (one folder or several, comma-separated) as training documents: each folder's shown its --gold-repeat
 * count of times (one count for all, or one per folder).
 */
function readGoldTraining(goldDirs: string[], textOption: string | undefined): {documents: NerDocument[]; summary: Record<string, unknown>} {
  if (goldRepeats.length !== 1 && goldRepeats.length !== goldDirs.length) {
    console.error(`--gold-repeat gives ${goldRepeats.length} counts for ${goldDirs.length} --gold folders: give one, or one per folder`)
    process.exit(2)
  }
  const perFolder = goldDirs.map((dir) => readGoldFolder(dir, textOption))
  const docs = perFolder.flat()
  const set = toNerTrainingSet(docs)
  for (const e of set.crossing) console.log(`--gold: left out "${e.text}" (${e.label}): crosses a sentence end or shares a token`)
  const mentions = Object.values(set.mentions).reduce((a, b) => a + b, 0)
  const folders = goldDirs.map((dir) => basename(resolve(dir, '..')) + '/' + basename(resolve(dir)))
  console.log(`gold: ${docs.length} documents, ${mentions} mentions (${Object.entries(set.mentions).map(([l, n]) => `${l} ${n}`).join(', ')}), ` +
    `${set.crossing.length} left out, ${set.misaligned.length} misaligned; repeated ${goldRepeats.length === 1 ? `${goldRepeats[0]}x` : folders.map((f, i) => `${f} ${goldRepeats[i]}x`).join(', ')}`)
  let documents: NerDocument[]
  if (goldRepeats.length === 1) documents = Array.from({length: goldRepeats[0]}, () => set.documents).flat()
  else {
    // the training documents are in the folders' order, so each folder's slice of set.documents is its own
    documents = []
    let at = 0
    perFolder.forEach((folderDocs, i) => {
      const slice = set.documents.slice(at, at + folderDocs.length)
      at += folderDocs.length
      for (let r = 0; r < goldRepeats[i]; r++) documents.push(...slice)
    })
  }
  return {
    documents,
    summary: {folder: folders.join(','), documents: docs.length, mentions, repeat: goldRepeats.length === 1 ? goldRepeats[0] : goldRepeats.join(',')},
  }
}

const without = values['without-sources'].split(',').filter(Boolean)
const known: readonly string[] = [...SOURCE_CATEGORIES, ...ORG_SOURCE_CATEGORIES]
for (const name of without) {
  if (!known.includes(name)) {
    console.error(`--without-sources: unknown list "${name}" (known: ${known.join(', ')})`)
    process.exit(2)
  }
}
// the data-package lists, less those --without-sources names
function sources(): Partial<Record<SourceCategory, string[]>> {
  const all = readGazetteerSources()
  for (const name of without) delete all[name as SourceCategory]
  return all
}

const started = performance.now()
const gold = values.gold ? readGoldTraining(values.gold.split(',').filter(Boolean), values['gold-text']) : null
const train = [...values.train.split(',').flatMap((file) => readConll(readFileSync(file, 'utf8'))), ...(gold?.documents ?? [])]
const dev = values.dev ? readConll(readFileSync(values.dev, 'utf8')) : undefined
console.log(`train: ${train.length} documents, ${train.reduce((n, d) => n + d.words.length, 0)} tokens` +
  (dev ? `; dev: ${dev.length} documents, ${dev.reduce((n, d) => n + d.words.length, 0)} tokens` : ''))
const result = trainNer(
  train,
  {
    seed: Number(values.seed),
    epochs: Number(values.epochs),
    minCount: Number(values['min-count']),
    folds: Number(values.folds),
    beam: Number(values.beam),
    nameFeatures: !values['no-names'],
    wordDropout: dropout,
    dropoutScope: scope,
    lexicon: values['no-sources'] ? buildLexicon(compromiseLexicon()) : withSources(buildLexicon(compromiseLexicon()), sources()),
    clusters,
    meta: {
      trainFiles: values.train.split(',').map((file) => basename(file)),
      ...(gold ? {goldTraining: gold.summary} : {}),
      gazetteerPackages: values['no-sources'] ? {} : gazetteerPackages(),
      ...(without.length > 0 ? {withoutSources: without} : {}),
      ...(clusters ? {clusters: {file: basename(values.clusters!), words: clusters.size, sha256: clusterDigest}} : {}),
    },
    log: (line) => console.log(line),
  },
  dev,
)
const bytes = serializeModel(result.model)
mkdirSync(dirname(values.out), {recursive: true})
writeFileSync(values.out, bytes)
const seconds = (performance.now() - started) / 1000
console.log(`best epoch ${result.bestEpoch}; wrote ${values.out} (${(bytes.length / 1024 / 1024).toFixed(2)} MB) in ${seconds.toFixed(1)} s`)
if (dev) {
  // the shipped file is quantised: score what was written, not the in-memory weights
  const written = evaluate(parseModel(bytes), dev, Number(values.beam))
  const decoded = evaluate(parseModel(bytes), dev, Number(values.beam), DEFAULT_NAME_UNKNOWN)
  console.log(`dev F1 of the written (quantised) model: ${(written.overall.f1 * 100).toFixed(2)}; ` +
    `decoded as the recogniser does (unknown names retried as people: ${DEFAULT_NAME_UNKNOWN}): ${(decoded.overall.f1 * 100).toFixed(2)}`)
}
