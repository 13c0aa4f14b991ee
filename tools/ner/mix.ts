/**
 * Parameter mixing (McDonald, Hall and Mann 2010): one model whose weights are the element-wise mean of several
 * models trained on the same data with different shuffle seeds, so it decodes at one model's cost (docs/ner.md,
 * twenty-second round). Everything but the weights (lexicon, case priors, harvested names, name classifier, word
 * clusters) comes from the training data, not the shuffle, so the inputs must agree on it and it is taken as is.
 */
import type {NerModel} from '../../src/ner/model.ts'
import {TAG_COUNT} from '../../src/ner/tags.ts'

/** One model to mix and the sha256 of its file (recorded in the mixed model's metadata). */
export interface MixInput {
  model: NerModel
  sha256: string
}

/** Raised when the models cannot be mixed (none given, or they differ in a table other than the weights). */
export class MixError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MixError'
  }
}

/**
 * The element-wise mean of the inputs' weights over the union of their features (a feature a model lacks counts
 * as 0 there: a file keeps only features whose quantised weights are not all zero), with the inputs' shared tables;
 * features in order of first appearance over the inputs as given, so the same inputs in the same order give the
 * same model. Its metadata is what all inputs' metadata agree on, plus `mixedFrom` (each input's sha256 and the
 * metadata it differs in, such as its seed).
 */
export function mixModels(inputs: readonly MixInput[]): NerModel {
  if (inputs.length === 0) throw new MixError('no model to mix')
  const first = inputs[0].model
  inputs.slice(1).forEach(({model}, i) => checkSameTables(first, model, i + 1))

  const K = TAG_COUNT
  const index = new Map<string, number>()
  const features: string[] = []
  for (const {model} of inputs) {
    for (const name of model.features) {
      if (index.has(name)) continue
      index.set(name, features.length)
      features.push(name)
    }
  }
  // summed in float64 in the inputs' order (fixed, so the bytes are too); stored weights (8-bit value x scale, all
  // within a few binary orders of each other) add exactly there
  const sums = new Float64Array(features.length * K)
  for (const {model} of inputs) {
    const {weights} = model
    model.features.forEach((name, f) => {
      const at = index.get(name)! * K
      for (let k = 0; k < K; k++) sums[at + k] += weights[f * K + k]
    })
  }
  const weights = new Float32Array(sums.length)
  for (let i = 0; i < sums.length; i++) weights[i] = sums[i] / inputs.length

  return {
    features,
    weights,
    lexicon: first.lexicon,
    casePrior: first.casePrior,
    gazetteer: first.gazetteer,
    names: first.names,
    clusters: first.clusters ?? null,
    ...(first.embedClusters ? {embedClusters: first.embedClusters} : {}),
    meta: mixedMeta(inputs),
  }
}

// the tables other than the weights, compared as the file stores them: in order, value by value
function checkSameTables(a: NerModel, b: NerModel, which: number): void {
  const differs = (what: string) => {
    throw new MixError(`model ${which + 1} differs from model 1 in its ${what}: mixing needs models trained on the same data (only the seed may differ)`)
  }
  if (JSON.stringify(a.lexicon) !== JSON.stringify(b.lexicon)) differs('lexicon')
  if (!sameEntries(a.casePrior, b.casePrior)) differs('case priors')
  if (!sameEntries(a.clusters ?? null, b.clusters ?? null)) differs('word clusters')
  if (!sameEntries(a.embedClusters ?? null, b.embedClusters ?? null)) differs('embedding clusters')
  if (a.gazetteer.length !== b.gazetteer.length || a.gazetteer.some((entry, i) => entry.type !== b.gazetteer[i].type || entry.tokens.join(' ') !== b.gazetteer[i].tokens.join(' '))) {
    differs('harvested names')
  }
  const [na, nb] = [a.names, b.names]
  if ((na === null) !== (nb === null)) differs('name classifier')
  if (na && nb && !(sameList(na.words, nb.words) && sameList(na.totals, nb.totals) && sameList(na.ngrams, nb.ngrams) && sameList(na.counts, nb.counts))) {
    differs('name classifier')
  }
}

function sameEntries(a: ReadonlyMap<string, string> | null, b: ReadonlyMap<string, string> | null): boolean {
  if (a === null || b === null) return a === b
  if (a.size !== b.size) return false
  const ib = b.entries()
  for (const [key, value] of a) {
    const next = ib.next().value!
    if (next[0] !== key || next[1] !== value) return false
  }
  return true
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

// the metadata all inputs agree on (in the first input's key order), then each input's sha256 and the rest of its own
function mixedMeta(inputs: readonly MixInput[]): Record<string, unknown> {
  const json = (value: unknown) => JSON.stringify(value)
  const keys = Object.keys(inputs[0].model.meta)
  const common = keys.filter((key) => inputs.every(({model}) => key in model.meta && json(model.meta[key]) === json(inputs[0].model.meta[key])))
  const meta: Record<string, unknown> = {}
  for (const key of common) meta[key] = inputs[0].model.meta[key]
  meta.mix = `element-wise mean of ${inputs.length} models' weights (union of their features)`
  meta.mixedFrom = inputs.map(({model, sha256}) => {
    const own: Record<string, unknown> = {sha256}
    for (const key of Object.keys(model.meta)) if (!common.includes(key)) own[key] = model.meta[key]
    return own
  })
  return meta
}
