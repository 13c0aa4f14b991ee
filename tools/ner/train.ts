/**
 * Averaged-perceptron training of the greedy BILOU tagger (Collins 2002; the decoding and non-local features
 * follow Ratinov & Roth 2009). Training decodes with the model's own predictions as history, as inference
 * will, and updates on every token it gets wrong. Deterministic: a seeded shuffle, ordered feature interning.
 */
import type {NerDocument} from './conll.ts'
import {
  caseClass,
  collectTokenFeatures,
  featureForm,
  isCapsSentence,
  normaliseWord,
  SENTENCE_END,
  SENTENCE_START,
  SLOTS,
  tokenFeatureNames,
  tokenFeatureTable,
  typeFeatures,
  WINDOW,
  type FeatureResources,
} from '../../src/ner/features.ts'
import {DocumentScratch, emptyContext, encodeDocument, recordHistory, tokenContext, TypeRegistry, type EncodedDocument} from '../../src/ner/encode.ts'
import {addOrgSources, buildCategoryGazetteer, buildGazetteer, externalEntries} from '../../src/ner/gazetteer.ts'
import {indexLexicon, type Lexicon} from '../../src/ner/lexicon.ts'
import type {NerModel} from '../../src/ner/model.ts'
import {countNames, NameClassifier, type NameCounts} from '../../src/ner/names.ts'
import {scoreEntities, type NerScore} from './score.ts'
import {NerTagger} from '../../src/ner/tagger.ts'
import {encodeBilou, NER_TYPES, decodeBilou, TAG_COUNT, TAG_START, tagType, type NerType} from '../../src/ner/tags.ts'
import {mulberry32} from '../lib/random.ts'
import {findStageTwoBits} from '../../src/ner/two-stage.ts'

const K = TAG_COUNT

/** Training settings; the defaults are what the shipped model uses. */
export interface TrainOptions {
  seed: number
  epochs: number
  /** word-type features seen fewer times than this are dropped, so rare training words look like unseen ones */
  minCount: number
  /** the training-data gazetteer is built out-of-fold (jackknife) so it is not trusted more than it will be on new text */
  folds: number
  lexicon: Lexicon
  /** beam width used when tagging dev after each epoch (as the recogniser will decode) */
  beam?: number
  /** false turns off the spelling-based name classifier feature */
  nameFeatures?: boolean
  /**
   * word dropout: each training token is shown as an unseen word (no identity, no case prior) with this
   * probability per epoch, so the model also learns to name words it has never seen (default 0)
   */
  wordDropout?: number
  /** which tokens word dropout may hide: every word, or only capitalised ones (default 'all') */
  dropoutScope?: 'all' | 'capitalised'
  /** true hides a hidden word's label history from earlier in the document too (default false) */
  dropoutHistory?: boolean
  /** word-cluster table from unlabeled news (see tools/ner/clusters.ts), stored in the model; null or absent for none */
  clusters?: Map<string, string> | null
  /** word-cluster table from pretrained embeddings (see tools/ner/embed-clusters.ts), stored in the model; null or absent for none */
  embedClusters?: Map<string, string> | null
  /** extra notes stored in the model's metadata (training files, data-package versions) */
  meta?: Record<string, unknown>
  /** called after each epoch with progress lines */
  log?: (line: string) => void
  /**
   * two-stage training (docs/ner.md, 27th round): each document's pass-1 tags from a model that did not see it; the
   * stage-two features are built from them and shown in about half of the epochs of each document
   */
  stageOne?: ReadonlyMap<NerDocument, Uint8Array>
}

/** One epoch's record. */
export interface EpochReport {
  epoch: number
  /** tokens mis-tagged during the training pass */
  errors: number
  devF1: number | null
}

/** The trained model, the chosen epoch, and the per-epoch record. */
export interface TrainResult {
  model: NerModel
  bestEpoch: number
  epochs: EpochReport[]
  devScore: NerScore | null
}

/** The training shuffle's seeded generator: the research code's one mulberry32. */
export const createRandom = mulberry32

/** Each lowercase word's usual case in running training text (not sentence-initial, not in headlines), if seen twice. */
export function harvestCasePrior(documents: readonly NerDocument[]): Map<string, string> {
  const counts = new Map<string, [number, number, number]>()
  forEachRunningWord(documents, (_doc, _i, word, cls) => {
    if (cls > 2) return
    const form = featureForm(word)
    let c = counts.get(form)
    if (!c) counts.set(form, (c = [0, 0, 0]))
    c[cls]++
  })
  const prior = new Map<string, string>()
  for (const form of [...counts.keys()].sort()) {
    const c = counts.get(form)!
    const total = c[0] + c[1] + c[2]
    if (total < 2) continue
    const best = c.indexOf(Math.max(...c))
    prior.set(form, c[best] >= 0.8 * total ? 'lca'[best] : 'm')
  }
  return prior
}

/** The distinct entity strings of some documents (lowercase tokens), sorted, for a gazetteer. */
export function harvestNames(documents: readonly NerDocument[]): {tokens: string[]; type: NerType}[] {
  const seen = new Map<string, {tokens: string[]; type: NerType}>()
  for (const doc of documents) {
    for (const span of doc.entities) {
      const tokens = doc.words.slice(span.start, span.end).map((w) => normaliseWord(w).toLowerCase())
      seen.set(`${span.type}\t${tokens.join(' ')}`, {tokens, type: span.type})
    }
  }
  return [...seen.keys()].sort().map((key) => seen.get(key)!)
}

class TrainingTypes extends TypeRegistry {
  readonly features: string[][][] = []
  // the same word's features as if training had never shown it, for word dropout (null when dropout is off)
  readonly unseenFeatures: string[][][] | null
  constructor(
    private readonly resources: FeatureResources,
    dropout: boolean,
  ) {
    super(resources.lexicon)
    this.unseenFeatures = dropout ? [] : null
  }
  protected override onNew(id: number): void {
    this.features.push(typeFeatures(this.words[id], this.caps[id], this.resources))
    this.unseenFeatures?.push(typeFeatures(this.words[id], this.caps[id], this.resources, true))
  }
}

interface TrainingDocument {
  encoded: EncodedDocument
  gold: Uint8Array
}

/** Trains a model on `train`; `dev` (optional) is only tagged after each epoch to choose the best epoch. */
export function trainNer(train: readonly NerDocument[], options: TrainOptions, dev?: readonly NerDocument[]): TrainResult {
  const log = options.log ?? (() => {})
  const casePrior = harvestCasePrior(train)
  const nameUnits = harvestNameUnits(train)
  const names = options.nameFeatures === false ? null : countNames([...nameUnits, ...lexiconNameUnits(options.lexicon)])
  const nameExclusions = new Map<string, number>()
  for (const {word, cls} of nameUnits) nameExclusions.set(word, (nameExclusions.get(word) ?? 0) | (1 << cls))
  const resources: FeatureResources = {
    lexicon: indexLexicon(options.lexicon),
    casePrior,
    names: names && new NameClassifier(names),
    nameExclusions,
    clusters: options.clusters ?? null,
    embedClusters: options.embedClusters ?? null,
  }
  const external = buildCategoryGazetteer(externalEntries(options.lexicon))
  // out-of-fold gazetteers: fold f's documents only see names harvested from the other folds
  const foldGazetteers = Array.from({length: options.folds}, (_, f) =>
    addOrgSources(buildGazetteer(harvestNames(train.filter((_, d) => d % options.folds !== f))), options.lexicon),
  )
  const dropout = options.wordDropout ?? 0
  const registry = new TrainingTypes(resources, dropout > 0)
  const startType = registry.typeOf(SENTENCE_START, false)
  const endType = registry.typeOf(SENTENCE_END, false)
  const scratch = new DocumentScratch()
  const docs: TrainingDocument[] = train.map((doc, d) => ({
    encoded: encodeDocument(doc.words, doc.sentenceEnds, registry, foldGazetteers[d % options.folds], external, scratch),
    gold: encodeBilou(doc.entities, doc.words.length),
  }))
  // two-stage training: each document's stage-two bits, from pass-1 tags of a model that did not see it
  const stageOne = options.stageOne
  const stageTwo: (Uint32Array | null)[] = train.map((doc, d) => {
    const tags = stageOne?.get(doc)
    if (!stageOne) return null
    if (!tags || tags.length !== doc.words.length) throw new Error(`trainNer: no stage-one tags for training document ${d}`)
    const encoded = docs[d].encoded
    const bits = new Uint32Array(encoded.length)
    findStageTwoBits(encoded, tags, bits, new Uint8Array(encoded.sentenceEnds.length))
    return bits
  })
  // whether a document is shown with its stage-two bits in an epoch: its own stream, so the shuffle is the recipe's
  const stageRandom = createRandom(options.seed + 0x2f00)

  // count how often each word-type feature fires, then intern: token features first, then frequent type features
  const occurrences = new Int32Array(registry.size * SLOTS)
  for (const {encoded} of docs) {
    forEachWindow(encoded, startType, endType, (type, slot) => occurrences[type * SLOTS + slot]++)
  }
  const featureCounts = new Map<string, number>()
  for (let type = 0; type < registry.size; type++) {
    for (let s = 0; s < SLOTS; s++) {
      const n = occurrences[type * SLOTS + s]
      if (n === 0) continue
      for (const name of registry.features[type][s]) featureCounts.set(name, (featureCounts.get(name) ?? 0) + n)
    }
  }
  const index = new Map<string, number>()
  const featureNames: string[] = []
  const intern = (name: string) => {
    let id = index.get(name)
    if (id === undefined) {
      id = featureNames.length
      index.set(name, id)
      featureNames.push(name)
    }
    return id
  }
  for (const name of tokenFeatureNames()) intern(name)
  const table = tokenFeatureTable(intern)
  const typeIds: Int32Array[] = []
  for (let type = 0; type < registry.size; type++) {
    for (let s = 0; s < SLOTS; s++) {
      const kept = registry.features[type][s].filter((name) => (featureCounts.get(name) ?? 0) >= options.minCount)
      typeIds.push(Int32Array.from(kept, intern))
    }
  }
  // a hidden word keeps only features that exist already: dropout adds no feature of its own
  const unseenIds: Int32Array[] = []
  for (let type = 0; registry.unseenFeatures && type < registry.size; type++) {
    for (let s = 0; s < SLOTS; s++) {
      unseenIds.push(Int32Array.from(registry.unseenFeatures[type][s].filter((name) => index.has(name)), (name) => index.get(name)!))
    }
  }
  const capitalisedOnly = options.dropoutScope === 'capitalised'
  const hideHistory = options.dropoutHistory === true
  let hidden = new Uint8Array(0)
  log(`features: ${featureNames.length} (word types ${registry.size}, min count ${options.minCount})`)

  const weights = new Float32Array(featureNames.length * K)
  const totals = new Float64Array(featureNames.length * K)
  const scores = new Float64Array(K)
  const ids = new Int32Array(128)
  const context = emptyContext()
  const random = createRandom(options.seed)
  const order = docs.map((_, d) => d)
  let clock = 1
  const update = (row: number, gold: number, predicted: number) => {
    weights[row + gold] += 1
    totals[row + gold] += clock
    weights[row + predicted] -= 1
    totals[row + predicted] -= clock
  }
  const epochs: EpochReport[] = []
  let best: {epoch: number; f1: number; weights: Float32Array; score: NerScore | null} | null = null
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    let errors = 0
    for (const d of order) {
      const {encoded, gold} = docs[d]
      const bits = stageTwo[d] && stageRandom() < 0.5 ? stageTwo[d] : null
      scratch.reset(registry.lowerCount)
      if (dropout > 0) {
        if (hidden.length < encoded.types.length) hidden = new Uint8Array(encoded.types.length * 2)
        for (let i = 0; i < encoded.types.length; i++) {
          const eligible = !capitalisedOnly || registry.capitalised[encoded.types[i]] === 1
          hidden[i] = eligible && random() < dropout ? 1 : 0
        }
      }
      let start = 0
      for (const end of encoded.sentenceEnds) {
        let prev = TAG_START
        let prev2 = TAG_START
        for (let i = start; i < end; i++) {
          scores.fill(0)
          const window = windowTypes(encoded.types, i, start, end, startType, endType)
          const lists = dropout > 0 ? hideWords(window, hidden, i, start, end, typeIds, unseenIds) : null
          for (let s = 0; s < SLOTS; s++) {
            const list = lists ? lists[s] : typeIds[window[s] * SLOTS + s]
            for (let f = 0; f < list.length; f++) {
              const row = list[f] * K
              for (let k = 0; k < K; k++) scores[k] += weights[row + k]
            }
          }
          tokenContext(context, encoded, registry, i, end, prev, prev2)
          if (bits) context.stage2 = bits[i]
          // a hidden word is in no gazetteer; with hideHistory it is also a first sighting, with no label history
          if (lists) {
            if (hidden[i]) {
              context.gazetteer = 0
              context.external = 0
              if (hideHistory) context.historyAt = -1
            }
            if (hideHistory && i + 1 < end && hidden[i + 1]) context.historyNextAt = -1
          }
          const n = collectTokenFeatures(ids, table, context, scratch.history)
          for (let f = 0; f < n; f++) {
            const row = ids[f] * K
            for (let k = 0; k < K; k++) scores[k] += weights[row + k]
          }
          let predicted = 0
          for (let k = 1; k < K; k++) if (scores[k] > scores[predicted]) predicted = k
          const truth = gold[i]
          if (predicted !== truth) {
            errors++
            for (let s = 0; s < SLOTS; s++) {
              const list = lists ? lists[s] : typeIds[window[s] * SLOTS + s]
              for (let f = 0; f < list.length; f++) update(list[f] * K, truth, predicted)
            }
            for (let f = 0; f < n; f++) update(ids[f] * K, truth, predicted)
          }
          clock++
          recordHistory(scratch, encoded, registry, i, tagType(predicted))
          prev2 = prev
          prev = predicted
        }
        start = end
      }
    }
    const averaged = new Float32Array(weights.length)
    for (let i = 0; i < weights.length; i++) averaged[i] = weights[i] - totals[i] / clock
    let devF1: number | null = null
    let score: NerScore | null = null
    if (dev && dev.length > 0) {
      score = evaluate(modelFrom(featureNames, averaged, options.lexicon, casePrior, train, names, {}, options.clusters, options.embedClusters), dev, options.beam)
      devF1 = score.overall.f1
    }
    epochs.push({epoch, errors, devF1})
    log(`epoch ${epoch}: ${errors} training errors${devF1 === null ? '' : `, dev F1 ${(devF1 * 100).toFixed(2)}`}`)
    if (!best || (devF1 !== null && devF1 > best.f1) || devF1 === null) {
      best = {epoch, f1: devF1 ?? 0, weights: averaged, score}
    }
  }
  if (!best) throw new Error('trainNer needs at least one epoch')
  const meta = {
    trainer: 'averaged perceptron, greedy BILOU',
    seed: options.seed,
    epochs: options.epochs,
    bestEpoch: best.epoch,
    minCount: options.minCount,
    folds: options.folds,
    beam: options.beam ?? 1,
    wordDropout: options.wordDropout ?? 0,
    dropoutScope: options.dropoutScope ?? 'all',
    ...(stageOne ? {twoStage: 'stage-two features from --stage1 fold models, shown with probability 1/2 per document and epoch'} : {}),
    trainDocuments: train.length,
    trainTokens: train.reduce((n, doc) => n + doc.words.length, 0),
    devF1: best.score ? Number(best.score.overall.f1.toFixed(4)) : null,
    ...options.meta,
  }
  return {
    model: modelFrom(featureNames, best.weights, options.lexicon, casePrior, train, names, meta, options.clusters, options.embedClusters),
    bestEpoch: best.epoch,
    epochs,
    devScore: best.score,
  }
}

function modelFrom(
  features: string[],
  weights: Float32Array,
  lexicon: Lexicon,
  casePrior: Map<string, string>,
  train: readonly NerDocument[],
  names: NameCounts | null,
  meta: Record<string, unknown>,
  clusters: Map<string, string> | null = null,
  embedClusters: Map<string, string> | null = null,
): NerModel {
  return {features, weights, lexicon, casePrior, gazetteer: harvestNames(train), names, ...(clusters ? {clusters} : {}), ...(embedClusters ? {embedClusters} : {}), meta}
}

/** Capitalised mid-sentence training words with their class (entity type, or 4 for none), for the name classifier. */
export function harvestNameUnits(documents: readonly NerDocument[]): {word: string; cls: number}[] {
  const units: {word: string; cls: number}[] = []
  let typeDoc: NerDocument | null = null
  let typeAt = new Int8Array(0)
  forEachRunningWord(documents, (doc, i, word, cls) => {
    if (cls !== 1 && cls !== 2) return
    if (doc !== typeDoc) {
      typeDoc = doc
      typeAt = new Int8Array(doc.words.length).fill(NER_TYPES.length)
      for (const span of doc.entities) typeAt.fill(NER_TYPES.indexOf(span.type), span.start, span.end)
    }
    units.push({word: word.toLowerCase(), cls: typeAt[i]})
  })
  return units
}

// visits every word of running text: not sentence-initial (case there says nothing) and not in all-caps headlines
function forEachRunningWord(
  documents: readonly NerDocument[],
  visit: (doc: NerDocument, index: number, word: string, caseClass: number) => void,
): void {
  for (const doc of documents) {
    let start = 0
    for (const end of doc.sentenceEnds) {
      if (!isCapsSentence(doc.words, start, end)) {
        for (let i = start + 1; i < end; i++) {
          const word = normaliseWord(doc.words[i])
          visit(doc, i, word, caseClass(word))
        }
      }
      start = end
    }
  }
}

// compromise's first and last names as extra PER examples for the name classifier
function lexiconNameUnits(lexicon: Lexicon): {word: string; cls: number}[] {
  return [...lexicon.words.first, ...lexicon.words.last].map((word) => ({word, cls: 0}))
}

/** Tags documents with a model and scores them against their gold entities. */
export function evaluate(model: NerModel, documents: readonly NerDocument[], beam = 1, nameUnknown = false): NerScore {
  const tagger = new NerTagger(model, {beam, nameUnknown})
  const predicted = documents.map((doc) => decodeBilou(tagger.tagDocument(doc.words, doc.sentenceEnds)))
  return scoreEntities(
    documents.map((doc) => doc.entities),
    predicted,
  )
}

const windowBuffer = new Int32Array(SLOTS)
const listBuffer: Int32Array[] = Array.from({length: SLOTS}, () => new Int32Array(0))

// the feature lists of a window with hidden words (word dropout) swapped for their unseen-word lists
function hideWords(
  window: Int32Array,
  hidden: Uint8Array,
  i: number,
  start: number,
  end: number,
  typeIds: readonly Int32Array[],
  unseenIds: readonly Int32Array[],
): Int32Array[] {
  for (let s = 0; s < SLOTS; s++) {
    const j = i + s - WINDOW
    const at = window[s] * SLOTS + s
    listBuffer[s] = j >= start && j < end && hidden[j] === 1 ? unseenIds[at] : typeIds[at]
  }
  return listBuffer
}

function windowTypes(types: Int32Array, i: number, start: number, end: number, startType: number, endType: number): Int32Array {
  for (let d = -WINDOW; d <= WINDOW; d++) {
    const j = i + d
    windowBuffer[d + WINDOW] = j < start ? startType : j >= end ? endType : types[j]
  }
  return windowBuffer
}

function forEachWindow(doc: EncodedDocument, startType: number, endType: number, visit: (type: number, slot: number) => void): void {
  let start = 0
  for (const end of doc.sentenceEnds) {
    for (let i = start; i < end; i++) {
      const window = windowTypes(doc.types, i, start, end, startType, endType)
      for (let s = 0; s < SLOTS; s++) visit(window[s], s)
    }
    start = end
  }
}
