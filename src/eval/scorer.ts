import type {Span} from '../doc.ts'
import type {GoldMoneySpan, GoldQuoteSpan, GoldSpeakerSpan} from './gold.ts'
import {Accuracy, PRFScore} from './prf.ts'

/*
 * Matching is one-to-one. `exact` pairs spans with identical [start, end); `overlap` pairs spans
 * sharing at least one character, largest shared stretch first, so a prediction can repay at most
 * one gold span. Attribute scores (speaker, money value) are accuracies over the overlap pairs.
 */

/** How a predicted span must meet a gold span to count. */
export type MatchMode = 'exact' | 'overlap'

/** A span with a label, as scored per label. */
export interface LabeledSpan extends Span {
  label: string
}

/** Pairs gold and predicted spans one-to-one, returning `[goldIndex, predIndex]` pairs sorted by gold index; `compatible` (optional) must hold for a pair. */
export function matchSpans<G extends Span, P extends Span>(
  gold: readonly G[],
  pred: readonly P[],
  mode: MatchMode,
  compatible: (g: G, p: P) => boolean = () => true,
): Array<[number, number]> {
  const candidates: Array<{g: number; p: number; shared: number}> = []
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      if (!compatible(g, p)) return
      if (mode === 'exact') {
        if (g.start === p.start && g.end === p.end) candidates.push({g: gi, p: pi, shared: g.end - g.start})
        return
      }
      const shared = Math.min(g.end, p.end) - Math.max(g.start, p.start)
      // empty spans overlap nothing; a shared stretch needs at least one character
      if (shared > 0) candidates.push({g: gi, p: pi, shared})
    })
  })
  candidates.sort((a, b) => b.shared - a.shared || a.g - b.g || a.p - b.p)
  const goldUsed = new Set<number>()
  const predUsed = new Set<number>()
  const pairs: Array<[number, number]> = []
  for (const c of candidates) {
    if (goldUsed.has(c.g) || predUsed.has(c.p)) continue
    goldUsed.add(c.g)
    predUsed.add(c.p)
    pairs.push([c.g, c.p])
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}

/** A layer's score in total and per label. */
export interface SpanScores {
  total: PRFScore
  perLabel: Map<string, PRFScore>
  /** the one-to-one `[goldIndex, predIndex]` pairs behind the counts */
  pairs: Array<[number, number]>
}

function labelScore(perLabel: Map<string, PRFScore>, label: string): PRFScore {
  let score = perLabel.get(label)
  if (!score) {
    score = new PRFScore()
    perLabel.set(label, score)
  }
  return score
}

/** Scores predicted labelled spans against gold ones; `labeled: false` (optional) ignores labels when pairing. */
export function scoreSpans(
  gold: readonly LabeledSpan[],
  pred: readonly LabeledSpan[],
  options: {match: MatchMode; labeled?: boolean},
): SpanScores {
  const labeled = options.labeled ?? true
  const pairs = matchSpans(gold, pred, options.match, labeled ? (g, p) => g.label === p.label : undefined)
  const total = new PRFScore()
  const perLabel = new Map<string, PRFScore>()
  const goldHit = new Set(pairs.map(([g]) => g))
  const predHit = new Set(pairs.map(([, p]) => p))
  gold.forEach((g, i) => {
    // unlabelled pairs are credited to the gold label
    const score = labelScore(perLabel, g.label)
    if (goldHit.has(i)) {
      total.tp++
      score.tp++
    } else {
      total.fn++
      score.fn++
    }
  })
  pred.forEach((p, i) => {
    if (predHit.has(i)) return
    total.fp++
    labelScore(perLabel, p.label).fp++
  })
  return {total, perLabel, pairs}
}

/** The predicted side of a quote, with UTF-16 spans. */
export interface PredictedQuote extends Span {
  kind: string
  speaker: {mention: string | null; start: number | null; end: number | null; name: string | null}
}

/** Normalises a name for comparison: NFC, typographic apostrophes as `'`, whitespace collapsed, trimmed, lowercased. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Decides whether a predicted speaker is the gold one: strict on who, lenient on the mention's extent.
 * Right when the predicted name equals the gold name or an alias (see {@link normaliseName}); when the
 * gold name is null (an anonymous speaker), right when the predicted name is null or an alias and the
 * predicted mention overlaps the gold mention's head (or, without offsets, contains the head's words).
 */
export function isSpeakerRight(gold: GoldSpeakerSpan, pred: PredictedQuote['speaker'], text?: string): boolean {
  const accepted = new Set([...(gold.name === null ? [] : [gold.name]), ...gold.nameAliases].map(normaliseName))
  const predName = pred.name === null || pred.name.trim() === '' ? null : normaliseName(pred.name)
  if (predName !== null && accepted.has(predName)) return true
  if (gold.name !== null) return false
  if (predName !== null) return false
  if (!gold.headSpan) return false
  if (pred.start !== null && pred.end !== null) return pred.start < gold.headSpan.end && gold.headSpan.start < pred.end
  if (pred.mention !== null && text !== undefined) {
    const head = normaliseName(text.slice(gold.headSpan.start, gold.headSpan.end))
    return normaliseName(pred.mention).split(/[^\p{L}\p{N}'-]+/u).includes(head)
  }
  return false
}

/** Quote scores: span matching, and speaker and kind over the overlap-matched quotes. */
export interface QuoteScores {
  exact: PRFScore
  overlap: PRFScore
  /** speaker accuracy over overlap-matched quotes */
  speakerAcc: Accuracy
  /** end to end: a quote counts only when it overlaps a gold quote and its speaker is right */
  speaker: PRFScore
  /** kind (direct/partial) accuracy over overlap-matched quotes */
  kindAcc: Accuracy
}

/** Scores predicted quotes against gold ones (both with UTF-16 spans into `text`). */
export function scoreQuotes(gold: readonly GoldQuoteSpan[], pred: readonly PredictedQuote[], text?: string): QuoteScores {
  const exactPairs = matchSpans(gold, pred, 'exact')
  const overlapPairs = matchSpans(gold, pred, 'overlap')
  const exact = countPairs(exactPairs.length, gold.length, pred.length)
  const overlap = countPairs(overlapPairs.length, gold.length, pred.length)
  const speakerAcc = new Accuracy()
  const kindAcc = new Accuracy()
  for (const [g, p] of overlapPairs) {
    speakerAcc.record(isSpeakerRight(gold[g]!.speaker, pred[p]!.speaker, text))
    kindAcc.record(gold[g]!.kind === pred[p]!.kind)
  }
  const speaker = countPairs(speakerAcc.correct, gold.length, pred.length)
  return {exact, overlap, speakerAcc, speaker, kindAcc}
}

/** The predicted side of a monetary figure, with a UTF-16 span. */
export interface PredictedMoney extends Span {
  amount: number
  currency: string
}

/** True when two amounts agree to a relative 1e-9 (amounts are JSON numbers and may carry float drift). */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/** Money scores: span matching, and value accuracy (amount and currency both right) over the overlap-matched spans. */
export interface MoneyScores {
  exact: PRFScore
  overlap: PRFScore
  valueAcc: Accuracy
}

/** Scores predicted money against gold money. */
export function scoreMoney(gold: readonly GoldMoneySpan[], pred: readonly PredictedMoney[]): MoneyScores {
  const exactPairs = matchSpans(gold, pred, 'exact')
  const overlapPairs = matchSpans(gold, pred, 'overlap')
  const valueAcc = new Accuracy()
  for (const [g, p] of overlapPairs) {
    valueAcc.record(gold[g]!.currency === pred[p]!.currency && sameAmount(gold[g]!.amount, pred[p]!.amount))
  }
  return {
    exact: countPairs(exactPairs.length, gold.length, pred.length),
    overlap: countPairs(overlapPairs.length, gold.length, pred.length),
    valueAcc,
  }
}

function countPairs(matched: number, gold: number, pred: number): PRFScore {
  return new PRFScore(matched, pred - matched, gold - matched)
}
