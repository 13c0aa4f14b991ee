import {existsSync, readFileSync} from 'node:fs'
import {gunzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {readConll, type NerDocument} from '../../../tools/ner/conll.ts'
import {baseLexicon} from '../../../src/ner/lexicon.ts'
import {parseModel, serializeModel} from '../../../src/ner/model.ts'
import {createRandom, evaluate, harvestCasePrior, harvestNames, trainNer, type TrainOptions} from '../../../tools/ner/train.ts'
import {syntheticDocuments} from '../../ner/synthetic.ts'

const TRAIN_FILE = new URL('../../../../shared/conll2003/eng.train', import.meta.url)
const hasConll = existsSync(TRAIN_FILE)

// the first documents of eng.train up to about 200 sentences
function conllSlice(): NerDocument[] {
  const slice: NerDocument[] = []
  let sentences = 0
  for (const doc of readConll(readFileSync(TRAIN_FILE, 'utf8'))) {
    if (sentences >= 200) break
    slice.push(doc)
    sentences += doc.sentenceEnds.length
  }
  return slice
}

const options = (seed: number): TrainOptions => ({seed, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon()})

describe('trainNer on synthetic documents', () => {
  const docs = syntheticDocuments(24)

  it('gives a byte-identical model for the same seed', () => {
    const a = serializeModel(trainNer(docs, options(5)).model)
    const b = serializeModel(trainNer(docs, options(5)).model)
    expect(Buffer.compare(a, b)).toBe(0)
  })

  it('with word dropout, still gives a byte-identical model per seed, and a different one from no dropout', () => {
    const dropout = {...options(5), wordDropout: 0.3, dropoutScope: 'capitalised' as const}
    const model = trainNer(docs, dropout).model
    expect(Buffer.compare(serializeModel(model), serializeModel(trainNer(docs, dropout).model))).toBe(0)
    // the weights, not only the settings recorded in the file, differ
    expect(model.weights).not.toEqual(trainNer(docs, options(5)).model.weights)
  })

  it('learns its training data', () => {
    const {model} = trainNer(docs, options(5))
    expect(evaluate(model, docs).overall.f1).toBeGreaterThan(0.9)
  })

  it('reports each epoch and keeps the best on dev', () => {
    const result = trainNer(docs.slice(0, 16), options(5), docs.slice(16))
    expect(result.epochs.map((e) => e.epoch)).toEqual([1, 2, 3])
    const best = Math.max(...result.epochs.map((e) => e.devF1 ?? 0))
    expect(result.epochs[result.bestEpoch - 1].devF1).toBe(best)
    expect(result.model.meta.bestEpoch).toBe(result.bestEpoch)
  })
})

describe.skipIf(!hasConll)('trainNer on the first 200 sentences of eng.train (needs ../shared/conll2003)', () => {
  const docs = hasConll ? conllSlice() : []

  it('is deterministic per seed and learns something', () => {
    const first = trainNer(docs, options(13))
    const again = trainNer(docs, options(13))
    const other = trainNer(docs, options(14))
    const bytes = serializeModel(first.model)
    expect(Buffer.compare(bytes, serializeModel(again.model))).toBe(0)
    expect(Buffer.compare(bytes, serializeModel(other.model))).not.toBe(0)
    expect(evaluate(parseModel(bytes), docs).overall.f1).toBeGreaterThan(0.8)
  })
})
if (!hasConll) console.warn('test/ner/train.test.ts: ../shared/conll2003 not found; the CoNLL slice test is skipped')

describe('model file', () => {
  const {model} = trainNer(syntheticDocuments(12), options(3))

  it('round-trips: parse(serialize(m)) serialises to the same bytes and tags the same', () => {
    const bytes = serializeModel(model)
    const parsed = parseModel(bytes)
    expect(Buffer.compare(serializeModel(parsed), bytes)).toBe(0)
    expect(parsed.lexicon).toEqual(model.lexicon)
    expect(parsed.casePrior).toEqual(model.casePrior)
    expect(parsed.gazetteer).toEqual(model.gazetteer)
    expect(parsed.names).toEqual(model.names)
    const docs = syntheticDocuments(12)
    expect(evaluate(parsed, docs)).toEqual(evaluate(parseModel(serializeModel(parsed)), docs))
  })

  it('stores the word-cluster table, which the cluster features then read', () => {
    const docs = syntheticDocuments(12)
    const words = [...new Set(docs.flatMap((d) => d.words))].sort()
    const clusters = new Map(words.map((w, i) => [w, (i % 2 ? '1' : '0') + (i % 3 ? '10' : '01') + '0110']))
    const clustered = trainNer(docs, {...options(3), clusters}).model
    const parsed = parseModel(serializeModel(clustered))
    expect(parsed.clusters).toEqual(clusters)
    expect(parsed.features.some((f) => /^-?\dc4=/.test(f))).toBe(true)
    expect(parseModel(serializeModel(model)).clusters).toBeNull()
  })

  it('stores the embedding-cluster table as format 6 (a model without it stays format 5), and the e4=/e8=/e12= features read it', () => {
    const docs = syntheticDocuments(12)
    const words = [...new Set(docs.flatMap((d) => d.words.map((w) => w.toLowerCase())))].sort()
    const embedClusters = new Map(words.map((w, i) => [w, (i % 2 ? '10' : '01') + (i % 3 ? '1100' : '0011') + '010110']))
    const embedded = trainNer(docs, {...options(3), embedClusters}).model
    const bytes = serializeModel(embedded)
    const parsed = parseModel(bytes)
    expect(parsed.embedClusters).toEqual(embedClusters)
    expect(Buffer.compare(serializeModel(parsed), bytes)).toBe(0)
    expect(parsed.features.some((f) => /^-?\de4=/.test(f)) && parsed.features.some((f) => /^-?\de12=/.test(f))).toBe(true)
    expect(evaluate(parsed, docs)).toEqual(evaluate(embedded, docs))
    const version = (b: Buffer) => {
      const raw = gunzipSync(b)
      return JSON.parse(raw.subarray(12, 12 + raw.readUInt32LE(8)).toString('utf8')).version
    }
    expect(version(bytes)).toBe(6)
    const plain = serializeModel(model)
    expect(version(plain)).toBe(5)
    expect(parseModel(plain).embedClusters ?? null).toBeNull()
    expect(model.features.some((f) => /^-?\de4=/.test(f))).toBe(false)
  })

  it('keeps weights within one quantisation step', () => {
    const parsed = parseModel(serializeModel(model))
    const index = new Map(parsed.features.map((f, i) => [f, i]))
    let maxAbs = 0
    for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w))
    const step = maxAbs / 127
    model.features.forEach((name, f) => {
      const g = index.get(name)
      for (let k = 0; k < 17; k++) {
        const original = model.weights[f * 17 + k]
        const restored = g === undefined ? 0 : parsed.weights[g * 17 + k]
        expect(Math.abs(original - restored)).toBeLessThanOrEqual(step / 2 + 1e-6)
      }
    })
  })

  it('rejects a file of another format', async () => {
    const {gzipSync} = await import('node:zlib')
    expect(() => parseModel(gzipSync(Buffer.from('hello world')))).toThrow(/not a lede NER model/)
  })
})

describe('training helpers', () => {
  it('draws the same numbers for the same seed', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
  })

  it('harvests case priors from running text only', () => {
    const docs: NerDocument[] = [
      {words: ['Said', 'he', 'said', 'and', 'said', 'Paris', 'and', 'Paris'], sentenceEnds: [8], entities: []},
    ]
    const prior = harvestCasePrior(docs)
    expect(prior.get('said')).toBe('l')
    expect(prior.get('paris')).toBe('c')
    expect(prior.has('he')).toBe(false)
  })

  it('harvests distinct names by type', () => {
    const names = harvestNames(syntheticDocuments(2))
    expect(names).toContainEqual({tokens: ['john', 'smith'], type: 'PER'})
    expect(names.filter((n) => n.type === 'ORG').length).toBe(2)
  })
})
