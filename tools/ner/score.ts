import {PRFScore} from '../../src/eval/prf.ts'
import {NER_TYPES, type TokenSpan} from '../../src/ner/tags.ts'

/** Exact-span precision, recall and F1 (conlleval's way), overall and per type, with a label confusion table. */
export interface NerScore {
  overall: Prf
  byType: Record<string, Prf>
  /** confusion[gold][predicted] over spans with identical boundaries; 'none' counts spans only one side has */
  confusion: Record<string, Record<string, number>>
}

/** Counts and ratios for one label. */
export interface Prf {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
}

// conlleval reports 0, not null, for a label nothing was scored on
function prf(tp: number, fp: number, fn: number): Prf {
  const score = new PRFScore(tp, fp, fn)
  return {tp, fp, fn, precision: score.precision ?? 0, recall: score.recall ?? 0, f1: score.fscore ?? 0}
}

/** Scores predicted spans against gold spans, document by document (`gold[d]` pairs with `predicted[d]`). */
export function scoreEntities(gold: readonly (readonly TokenSpan[])[], predicted: readonly (readonly TokenSpan[])[]): NerScore {
  const labels = [...NER_TYPES, 'none']
  const counts = Object.fromEntries(NER_TYPES.map((t) => [t, {tp: 0, fp: 0, fn: 0}]))
  const confusion = Object.fromEntries(labels.map((g) => [g, Object.fromEntries(labels.map((p) => [p, 0]))]))
  for (let d = 0; d < gold.length; d++) {
    const goldByRange = new Map<string, string>()
    for (const span of gold[d]) goldByRange.set(`${span.start}:${span.end}`, span.type)
    const predictedByRange = new Map<string, string>()
    for (const span of predicted[d]) {
      const key = `${span.start}:${span.end}`
      predictedByRange.set(key, span.type)
      const goldType = goldByRange.get(key)
      if (goldType === span.type) counts[span.type].tp++
      else counts[span.type].fp++
      confusion[goldType ?? 'none'][span.type]++
    }
    for (const span of gold[d]) {
      const predictedType = predictedByRange.get(`${span.start}:${span.end}`)
      if (predictedType !== span.type) counts[span.type].fn++
      if (predictedType === undefined) confusion[span.type].none++
    }
  }
  const byType: Record<string, Prf> = {}
  let tp = 0
  let fp = 0
  let fn = 0
  for (const type of NER_TYPES) {
    const c = counts[type]
    byType[type] = prf(c.tp, c.fp, c.fn)
    tp += c.tp
    fp += c.fp
    fn += c.fn
  }
  return {overall: prf(tp, fp, fn), byType, confusion}
}
