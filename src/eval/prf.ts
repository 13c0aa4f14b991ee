/*
 * Precision, recall and F1 from true-positive, false-positive and false-negative counts, after
 * spaCy's `PRFScore` (spacy/scorer.py): 0 where a ratio has no denominator, but null for all three
 * when nothing at all was scored, so an empty layer never reads as a measured 0.
 */

/** Precision, recall and F1 as fractions in [0, 1], each null when nothing was scored. */
export interface PRF {
  p: number | null
  r: number | null
  f: number | null
}

/** A score's counts and its ratios, as written to the report JSON. */
export interface ScoreJSON extends PRF {
  tp: number
  fp: number
  fn: number
}

/** A right/total count, written to the report JSON with its ratio. */
export interface AccuracyJSON {
  correct: number
  total: number
  /** correct / total, null when total is 0 */
  acc: number | null
}

/** Counts of true positives, false positives and false negatives with guarded precision, recall and F1. */
export class PRFScore {
  tp: number
  fp: number
  fn: number

  /** Starts from the given counts (optional, all 0 by default). */
  constructor(tp = 0, fp = 0, fn = 0) {
    this.tp = tp
    this.fp = fp
    this.fn = fn
  }

  /** Adds another score's counts to this one and returns this. */
  add(other: {tp: number; fp: number; fn: number}): this {
    this.tp += other.tp
    this.fp += other.fp
    this.fn += other.fn
    return this
  }

  /** Counts a candidate set against a gold set of keys (exact matching) and returns this. */
  scoreSet(candidates: Iterable<string>, gold: Iterable<string>): this {
    const cand = new Set(candidates)
    const ref = new Set(gold)
    for (const key of cand) {
      if (ref.has(key)) this.tp++
      else this.fp++
    }
    for (const key of ref) if (!cand.has(key)) this.fn++
    return this
  }

  /** True when no candidate and no gold item was counted. */
  get empty(): boolean {
    return this.tp + this.fp + this.fn === 0
  }

  /** tp / (tp + fp); 0 with no candidates, null when nothing was scored. */
  get precision(): number | null {
    if (this.empty) return null
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp)
  }

  /** tp / (tp + fn); 0 with no gold items, null when nothing was scored. */
  get recall(): number | null {
    if (this.empty) return null
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn)
  }

  /** The harmonic mean of precision and recall; 0 when both are 0, null when nothing was scored. */
  get fscore(): number | null {
    const p = this.precision
    const r = this.recall
    if (p === null || r === null) return null
    return p + r === 0 ? 0 : (2 * p * r) / (p + r)
  }

  /** The counts and ratios as plain JSON. */
  toJSON(): ScoreJSON {
    return {tp: this.tp, fp: this.fp, fn: this.fn, p: this.precision, r: this.recall, f: this.fscore}
  }
}

/** A right/total counter with a guarded ratio. */
export class Accuracy {
  correct = 0
  total = 0

  /** Counts one decision and returns this. */
  record(right: boolean): this {
    this.total++
    if (right) this.correct++
    return this
  }

  /** Adds another counter's counts and returns this. */
  add(other: {correct: number; total: number}): this {
    this.correct += other.correct
    this.total += other.total
    return this
  }

  /** correct / total, null when nothing was counted. */
  get acc(): number | null {
    return this.total === 0 ? null : this.correct / this.total
  }

  /** The counts and ratio as plain JSON. */
  toJSON(): AccuracyJSON {
    return {correct: this.correct, total: this.total, acc: this.acc}
  }
}
