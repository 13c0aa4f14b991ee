import {describe, expect, it} from 'vitest'
import {baseLexicon} from '../../../src/ner/lexicon.ts'
import {parseModel, serializeModel, type NerModel} from '../../../src/ner/model.ts'
import {TAG_COUNT} from '../../../src/ner/tags.ts'
import {MixError, mixModels} from '../../../tools/ner/mix.ts'
import {evaluate, trainNer, type TrainOptions} from '../../../tools/ner/train.ts'
import {syntheticDocuments} from '../../ner/synthetic.ts'

const docs = syntheticDocuments(16)
const options = (seed: number): TrainOptions => ({seed, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon(), meta: {note: 'tiny'}})
const trained = (seed: number) => trainNer(docs, options(seed)).model
// as a model file stores it: quantised, with all-zero rows dropped (what mix:ner reads)
const stored = (model: NerModel) => parseModel(serializeModel(model))
const [a, b] = [stored(trained(1)), stored(trained(2))]

// each feature's weight row, by name
const rows = (model: NerModel) => new Map(model.features.map((name, f) => [name, Array.from(model.weights.subarray(f * TAG_COUNT, (f + 1) * TAG_COUNT))]))

describe('mixModels', () => {
  it('the mean of a model with itself is that model (the same file but for the metadata)', () => {
    for (const model of [trained(1), a]) {
      const mixed = mixModels([
        {model, sha256: 'x'},
        {model, sha256: 'x'},
      ])
      expect(Buffer.compare(serializeModel({...mixed, meta: model.meta}), serializeModel(model))).toBe(0)
    }
  })

  it('averages two seeds element-wise over the union of their features, a missing feature counting as 0', () => {
    // the two seeds keep different features, so the union matters
    const [ra, rb] = [rows(a), rows(b)]
    expect([...ra.keys()].some((name) => !rb.has(name)) || [...rb.keys()].some((name) => !ra.has(name))).toBe(true)
    const mixed = mixModels([
      {model: a, sha256: 'a'},
      {model: b, sha256: 'b'},
    ])
    const zero = new Array(TAG_COUNT).fill(0)
    const union = [...ra.keys(), ...[...rb.keys()].filter((name) => !ra.has(name))]
    // features in order of first appearance: a's, then b's new ones
    expect(mixed.features).toEqual(union)
    const rm = rows(mixed)
    for (const name of union) {
      const [wa, wb] = [ra.get(name) ?? zero, rb.get(name) ?? zero]
      expect(rm.get(name)).toEqual(wa.map((w, k) => Math.fround((w + wb[k]) / 2)))
    }
  })

  it('gives byte-identical files for the same inputs in the same order', () => {
    const mix = () =>
      serializeModel(
        mixModels([
          {model: stored(trained(1)), sha256: 'a'},
          {model: stored(trained(2)), sha256: 'b'},
        ]),
      )
    expect(Buffer.compare(mix(), mix())).toBe(0)
  })

  it('keeps the metadata the inputs agree on and records each one\'s seed and sha256', () => {
    const {meta} = mixModels([
      {model: a, sha256: 'aaaa'},
      {model: b, sha256: 'bbbb'},
    ])
    expect(meta.note).toBe('tiny')
    expect(meta.epochs).toBe(3)
    expect(meta.seed).toBeUndefined()
    expect(meta.mixedFrom).toEqual([
      {sha256: 'aaaa', seed: 1},
      {sha256: 'bbbb', seed: 2},
    ])
  })

  it('tags as well as its inputs on their training data, and the tables it did not average are the inputs\'', () => {
    const mixed = stored(
      mixModels([
        {model: a, sha256: 'a'},
        {model: b, sha256: 'b'},
      ]),
    )
    expect(evaluate(mixed, docs, 4).overall.f1).toBeGreaterThanOrEqual(Math.min(evaluate(a, docs, 4).overall.f1, evaluate(b, docs, 4).overall.f1))
    expect([...mixed.casePrior]).toEqual([...a.casePrior])
    expect(mixed.gazetteer).toEqual(a.gazetteer)
    expect(mixed.lexicon).toEqual(a.lexicon)
  })

  it('refuses models trained on different data, and no model at all', () => {
    const other = stored(trainNer(syntheticDocuments(9), options(1)).model)
    expect(() =>
      mixModels([
        {model: a, sha256: 'a'},
        {model: other, sha256: 'o'},
      ]),
    ).toThrow(MixError)
    expect(() => mixModels([])).toThrow(MixError)
  })
})
