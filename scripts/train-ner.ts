/**
 * Trains the entity recogniser and writes models/ner.bin.
 *   npm run train:ner -- --train ../shared/conll2003/eng.train --dev ../shared/conll2003/eng.testa
 * The dev file only picks the epoch; it is never trained on. Same data and seed give a byte-identical file.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {basename, dirname, relative, resolve} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {compromiseLexicon} from '../src/adapters/compromise.ts'
import {readClusterTable, SHIPPED_CLUSTERS_URL, type ClusterTable} from '../tools/ner/cluster-table.ts'
import {readConll, type NerDocument} from '../tools/ner/conll.ts'
import {toNerTrainingSet, type NerGoldDoc, type NerTrainingMention} from '../tools/ner/ner-set.ts'
import {DevSetInTrainingError, readTrainingGoldFolder} from '../tools/ner/train-gold.ts'
import {gazetteerPackages, readGazetteerSources} from '../src/adapters/gazetteers.ts'
import {buildLexicon, ORG_SOURCE_CATEGORIES, SOURCE_CATEGORIES, withSources, type SourceCategory} from '../src/ner/lexicon.ts'
import {parseModel, serializeModel} from '../src/ner/model.ts'
import {evaluate, trainNer} from '../tools/ner/train.ts'
import {DEFAULT_NAME_UNKNOWN} from '../src/ner/recognise.ts'
import {NerTagger} from '../src/ner/tagger.ts'
import {modelArgOrExit} from '../tools/ner/model-arg.ts'

// a relative path in --help, so the default reads the same in every checkout
const SHIPPED_CLUSTERS_PATH = relative(process.cwd(), SHIPPED_CLUSTERS_URL.pathname)
const {values} = parseScriptArgs({
  name: 'train:ner',
  about:
    'Trains the entity recogniser and writes the model (models/ner.bin by default). The dev file only picks the epoch; it is never\n' +
    'trained on. Same data and seed give a byte-identical file.',
  options: {
    train: {
      type: 'string',
      required: true,
      value: '<eng.train>[,<more.conll>...]',
      description: 'comma-separated CoNLL files, read in order (the shipped model: eng.train,eng.testa with a fixed --epochs)',
    },
    dev: {type: 'string', value: '<eng.testa>', description: 'dev file that picks the epoch'},
    out: {type: 'string', value: '<file>', default: new URL('../models/ner.bin', import.meta.url).pathname, description: 'where the model is written'},
    seed: {type: 'string', default: '13', check: 'number', description: 'shuffling seed'},
    epochs: {type: 'string', default: '10', check: 'number', description: 'training epochs'},
    'min-count': {type: 'string', default: '2', check: 'number', description: 'least count of a feature to keep it'},
    folds: {type: 'string', default: '5', check: 'number', description: 'folds for the name-source features'},
    beam: {type: 'string', default: '4', check: 'number', description: 'beam width of the decoder'},
    'no-names': {type: 'boolean', default: false, description: 'without the name-list features'},
    'no-sources': {type: 'boolean', default: false, description: 'without the data-package source features'},
    'without-sources': {type: 'string', default: '', value: '<university,airline,...>', description: 'leave these data-package lists out, to measure them'},
    'no-country-codes': {type: 'boolean', default: false, description: "leave each country's ISO two-letter code (VA, ID) out of the country list (docs/ner.md, 33rd round)"},
    'word-dropout': {type: 'string', default: '0', check: 'number', description: 'word dropout probability in [0, 1)'},
    'dropout-scope': {type: 'string', default: 'capitalised', value: '<capitalised|all>', description: 'which words dropout may hide'},
    clusters: {
      type: 'string',
      value: '<table.tsv[.gz]>',
      default: SHIPPED_CLUSTERS_PATH,
      description:
        'word-cluster table (plain or gzip): by default the one the shipped model was trained with (clusters B);\n' +
        'npm run cluster:ner builds a new one, which on today\'s segmenter differs from B (see its --help)',
    },
    'no-clusters': {type: 'boolean', default: false, description: 'without the word-cluster features'},
    'embed-clusters': {type: 'string', value: '<table.tsv>', description: 'embedding-cluster table from npm run cluster:embed (e4= e8= e12= features)'},
    gold: {
      type: 'string',
      value: '<folder>[,<folder>...]',
      description:
        'hand-checked gold articles as training documents, comma-separated folders (e.g. test/ner-gold/train/polnear/gold,\n' +
        'test/ner-gold/train/web/gold,test/ner-gold/train/wire/gold,test/ner-gold/train/wire2/gold), tokenised as the\n' +
        'pipeline does. A folder with a text/ folder beside it (the written wire batches) reads <name>.txt there;\n' +
        'otherwise .txt sources are read from --gold-text (a folder, default ../shared/polnear/train/text) and web page\n' +
        "keys from --gold-text (a ground-truth.json, default ../shared/article-extraction/ground-truth.json). The dev set's\n" +
        "folders, articles and pages, and any written text that is (nearly) the same as a dev text, are refused (exit 2).",
    },
    'gold-text': {type: 'string', value: '<texts>', description: 'where --gold reads its texts (see --gold)'},
    'gold-repeat': {type: 'string', default: '1', check: 'numbers', description: 'times each --gold article is shown per epoch (or N1,N2,N3 per folder)'},
    'fold-out': {
      type: 'string',
      value: '<i>/<k>',
      description:
        'leave out fold i of k: distinct training documents in reading order, document d in fold d mod k (a repeated\n' +
        'gold document is in one fold); the stage-one models of --stage1 are trained this way (docs/ner.md, 27th round)',
    },
    stage1: {
      type: 'string',
      value: '<F0.bin>,<F1.bin>,...',
      description:
        'train the two-stage features (docs/ner.md, 27th round): model i, trained with --fold-out i/k on the same data,\n' +
        "tags fold i's documents as pass 1 does; each document is shown with those features in half the epochs (at random)",
    },
  },
  example: [
    'npm run train:ner -- --train ../shared/conll2003/eng.train --dev ../shared/conll2003/eng.testa',
    'npm run train:ner -- --train ../shared/conll2003/eng.train --gold test/ner-gold/train/wire/gold --out /tmp/ner.bin',
  ],
})

const scope = values['dropout-scope']
const dropout = Number(values['word-dropout'])
if ((scope !== 'all' && scope !== 'capitalised') || !(dropout >= 0 && dropout < 1)) {
  console.error('--dropout-scope is all or capitalised; --word-dropout is a probability in [0, 1)')
  process.exit(2)
}

/** Reads a cluster table (--clusters, --embed-clusters; plain or .gz); exits with a message on a bad file. */
function readTable(option: string, file: string): ClusterTable {
  try {
    return readClusterTable(file)
  } catch (error) {
    console.error(`--${option} ${file}: ${(error as Error).message}`)
    process.exit(1)
  }
}
const brown = values['no-clusters'] ? null : readTable('clusters', values.clusters)
const clusters = brown?.table ?? null
const clusterDigest = brown?.digest ?? null
const embed = values['embed-clusters'] ? readTable('embed-clusters', values['embed-clusters']) : null

// one count for every --gold folder, or one per folder (comma-separated, in the folders' order)
const goldRepeats = values['gold-repeat'].split(',').map(Number)
if (goldRepeats.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('--gold-repeat is a whole number of 1 or more, or one per --gold folder, comma-separated')
  process.exit(2)
}

/** Reads one --gold folder; refuses the modern dev set's folders, articles, pages and texts, so the dev set stays unseen. */
function readGoldFolder(goldDir: string, textOption: string | undefined): NerGoldDoc[] {
  try {
    return readTrainingGoldFolder(goldDir, {textOption}).docs
  } catch (error) {
    console.error(`--gold ${error instanceof Error ? error.message : String(error)}`)
    process.exit(error instanceof DevSetInTrainingError ? 2 : 1)
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
  // nothing is changed or dropped unseen: every mention not encoded exactly as written is listed
  const where = (e: NerTrainingMention) => `${e.doc}: "${e.text}" (${e.label})`
  for (const e of set.leftOut) console.log(`--gold: left out ${where(e)}: shares a token with the mention before`)
  for (const e of set.joined) console.log(`--gold: kept whole ${where(e)}: crosses a sentence end of the segmenter, which is left out of that training document`)
  for (const e of set.misaligned) console.log(`--gold: ${where(e)} has an edge inside a pipeline token, trained as the tokens it touches: "${e.tokens}"`)
  const mentions = Object.values(set.mentions).reduce((a, b) => a + b, 0)
  const folders = goldDirs.map((dir) => basename(resolve(dir, '..')) + '/' + basename(resolve(dir)))
  console.log(`gold: ${docs.length} documents, ${mentions} mentions (${Object.entries(set.mentions).map(([l, n]) => `${l} ${n}`).join(', ')}), ` +
    `${set.leftOut.length} left out, ${set.joined.length} kept across a sentence end, ${set.misaligned.length} on the tokens they touch; repeated ${goldRepeats.length === 1 ? `${goldRepeats[0]}x` : folders.map((f, i) => `${f} ${goldRepeats[i]}x`).join(', ')}`)
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
  // typed as the lexicon's categories: a category the lexicon has and the adapter does not read fails to compile
  const all: Record<SourceCategory, string[]> = readGazetteerSources({countryCodes: !values['no-country-codes']})
  for (const name of without) delete all[name as SourceCategory]
  return all
}

/** `i/k` of --fold-out; exits 2 on anything else. */
function parseFold(text: string): {i: number; k: number} {
  const match = /^(\d+)\/(\d+)$/.exec(text)
  const i = match ? Number(match[1]) : NaN
  const k = match ? Number(match[2]) : NaN
  if (!(k >= 2 && i < k)) {
    console.error('--fold-out is i/k with 0 <= i < k and k >= 2 (e.g. 0/2)')
    process.exit(2)
  }
  return {i, k}
}

/** Each distinct training document's fold (d mod k over distinct documents in reading order). */
function documentFolds(documents: readonly NerDocument[], k: number): Map<NerDocument, number> {
  const folds = new Map<NerDocument, number>()
  for (const doc of documents) if (!folds.has(doc)) folds.set(doc, folds.size % k)
  return folds
}

function sha256Prefix(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)
}

/** Pass-1 tags of every training document, from the --stage1 model of its fold (one that did not see it). */
function stageOneTags(documents: readonly NerDocument[], folds: Map<NerDocument, number>, files: string[]): Map<NerDocument, Uint8Array> {
  const taggers = files.map((file) => new NerTagger(modelArgOrExit('train:ner --stage1', file).model, {beam: Number(values.beam), nameUnknown: DEFAULT_NAME_UNKNOWN}))
  const tags = new Map<NerDocument, Uint8Array>()
  for (const doc of documents) {
    if (tags.has(doc)) continue
    tags.set(doc, taggers[folds.get(doc)!].tagDocument(doc.words, doc.sentenceEnds))
  }
  console.log(`--stage1: ${tags.size} documents tagged by the model of their fold (${files.map(sha256Prefix).join(', ')})`)
  return tags
}

const started = performance.now()
const gold = values.gold ? readGoldTraining(values.gold.split(',').filter(Boolean), values['gold-text']) : null
const read = [...values.train.split(',').flatMap((file) => readConll(readFileSync(file, 'utf8'))), ...(gold?.documents ?? [])]
const folds = documentFolds(read, values['fold-out'] ? parseFold(values['fold-out']).k : values.stage1 ? values.stage1.split(',').length : 1)
const foldOut = values['fold-out'] ? parseFold(values['fold-out']) : null
const train = foldOut ? read.filter((doc) => folds.get(doc) !== foldOut.i) : read
if (foldOut) console.log(`--fold-out ${foldOut.i}/${foldOut.k}: ${read.length - train.length} of ${read.length} training documents left out`)
const stageOne = values.stage1 ? stageOneTags(train, folds, values.stage1.split(',')) : undefined
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
    embedClusters: embed?.table ?? null,
    meta: {
      trainFiles: values.train.split(',').map((file) => basename(file)),
      ...(gold ? {goldTraining: gold.summary} : {}),
      gazetteerPackages: values['no-sources'] ? {} : gazetteerPackages(),
      ...(without.length > 0 ? {withoutSources: without} : {}),
      ...(values['no-country-codes'] ? {countryCodes: false} : {}),
      ...(clusters ? {clusters: {file: brown!.name, words: clusters.size, sha256: clusterDigest}} : {}),
      ...(embed ? {embedClusters: {file: embed.name, words: embed.table.size, sha256: embed.digest}} : {}),
      ...(foldOut ? {foldOut: `${foldOut.i}/${foldOut.k}`} : {}),
      ...(values.stage1 ? {stageOne: values.stage1.split(',').map((file) => sha256Prefix(file))} : {}),
    },
    log: (line) => console.log(line),
    ...(stageOne ? {stageOne} : {}),
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
