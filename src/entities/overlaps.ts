/**
 * Merges the recogniser's and the date finder's spans into one clean layer: one label per span,
 * no overlaps, and no money figures or bare numbers posing as names.
 */
import {compareSpans, type EntitySpan} from '../doc.ts'

// currency symbols, ISO codes and currency words next to a number: money, which has its own layer
const CURRENCY_SYMBOL = /[$€£¥₽₴₹₩₪₺¢]/u
const CURRENCY_CODE = /\b(?:USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|CHF|INR|CAD|AUD)\b/
const CURRENCY_WORD = /\b(?:dollars?|euros?|pounds?|sterling|rubles?|roubles?|hryvnias?|hryvnyas?|yuan|renminbi|yen|francs?|rupees?|cents?|pence|bucks)\b/i

/** Whether a span's text is a monetary figure ("$6.98 billion", "€6 billion", "500 million dollars"). */
export function isMoneyLike(value: string): boolean {
  if (!/\p{N}/u.test(value)) return false
  return CURRENCY_SYMBOL.test(value) || CURRENCY_CODE.test(value) || CURRENCY_WORD.test(value)
}

/** Whether a non-date span holds no letters at all (a number or punctuation the recogniser mislabelled). */
function isLetterless(value: string): boolean {
  return !/\p{L}/u.test(value)
}

/**
 * Combines recognised names and dates into sorted, non-overlapping spans: the longer span wins an overlap,
 * an exact tie keeps the recogniser's label (it saw the context), and money or letterless names are dropped.
 */
export function resolveOverlaps(text: string, names: readonly EntitySpan[], dates: readonly EntitySpan[] = []): EntitySpan[] {
  const candidates: Array<EntitySpan & {rank: number}> = []
  for (const span of names) {
    const value = text.slice(span.start, span.end)
    if (span.end <= span.start || span.label === 'DATE' || isMoneyLike(value) || isLetterless(value)) continue
    candidates.push({start: span.start, end: span.end, label: span.label, rank: 0})
  }
  for (const span of dates) {
    if (span.end <= span.start || isMoneyLike(text.slice(span.start, span.end))) continue
    candidates.push({start: span.start, end: span.end, label: 'DATE', rank: 1})
  }
  // longest first, then recogniser before dates, then position: a deterministic greedy choice
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || compareSpans(a, b) || a.label.localeCompare(b.label))
  const kept: EntitySpan[] = []
  for (const candidate of candidates) {
    if (kept.some((k) => k.start < candidate.end && candidate.start < k.end)) continue
    kept.push({start: candidate.start, end: candidate.end, label: candidate.label})
  }
  return kept.sort(compareSpans)
}
