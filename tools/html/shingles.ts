/**
 * Body-text scoring by the article-extraction benchmark's protocol (scrapinghub/article-extraction-benchmark,
 * evaluate.py): 4-word shingles of `\w+` tokens, per page tp/fp/fn normalised by their sum, mean precision
 * and mean recall over pages, F1 of the two means.
 */

/** One page's shingle counts, normalised so that tp + fp + fn = 1 (all 0 when both texts have no shingle). */
export interface ShingleCounts {
  tp: number
  fp: number
  fn: number
}

// Python's `\w` on str: letters, digits (every Unicode number) and the underscore
const WORD = /[\p{L}\p{N}_]+/gu

/** Counts the 4-word shingles (`n`-word in general) of a text, as the benchmark builds them. */
export function countShingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? []
  const counts = new Map<string, number>()
  // like the reference, a text shorter than n words gives one shorter shingle, and none when empty
  const last = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join(' ')
    if (shingle === '') continue
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1)
  }
  return counts
}

/** Compares a predicted body with the true one: shingle tp/fp/fn normalised by their sum. */
export function matchShingles(truth: string, predicted: string, n = 4): ShingleCounts {
  const t = countShingles(truth, n)
  const p = countShingles(predicted, n)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0
    tp += Math.min(tc, pc)
    fn += Math.max(0, tc - pc)
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0))
  const sum = tp + fp + fn
  return sum > 0 ? {tp: tp / sum, fp: fp / sum, fn: fn / sum} : {tp, fp, fn}
}

/** Mean precision, mean recall and the F1 of the two means over pages, with the reference's edge cases. */
export function summariseShingles(pages: ShingleCounts[]): {precision: number; recall: number; f1: number} {
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)
  // a page counts towards precision only when something was predicted, towards recall only when there was a truth
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map((c) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp / (c.tp + c.fp))))
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map((c) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp / (c.tp + c.fn))))
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision, recall, f1}
}
