/**
 * Merges the recogniser's, the date finder's and the number finders' spans into one clean layer: one label per
 * span, no overlaps, and no money figures or bare numbers posing as names.
 */
import {compareSpans, type EntitySpan} from '../doc.ts'
import {GROUP_APOSTROPHES, GROUP_SPACES, groupedIntegerSource} from '../text/digit-groups.ts'
import {countBefore} from '../text/search.ts'

// currency symbols, ISO codes and currency words next to a number: money, which has its own layer
const CURRENCY_SYMBOL = /[$€£¥₽₴₹₩₪₺¢]/u
const CURRENCY_CODE = /\b(?:USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|CHF|INR|CAD|AUD)\b/
const CURRENCY_WORD = /\b(?:dollars?|euros?|pounds?|sterling|rubles?|roubles?|hryvnias?|hryvnyas?|yuan|renminbi|yen|francs?|rupees?|cents?|pence|bucks)\b/i

/** Whether a span's text is a monetary figure ("$6.98 billion", "€6 billion", "500 million dollars"). */
export function isMoneyLike(value: string): boolean {
  if (!hasNumber(value)) return false
  return CURRENCY_SYMBOL.test(value) || CURRENCY_CODE.test(value) || CURRENCY_WORD.test(value)
}

/** Whether a non-date span holds no letters at all (a number or punctuation the recogniser mislabelled). */
function isLetterless(value: string): boolean {
  // ASCII decides most names without a regex; other characters go to the Unicode class
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 128) return !LETTER.test(value)
    if ((code | 32) >= 97 && (code | 32) <= 122) return false
  }
  return true
}

const LETTER = /\p{L}/u
const NUMBER = /\p{N}/u

function hasNumber(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 128) return NUMBER.test(value)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

/**
 * Combines recognised names, dates and numbers into sorted, non-overlapping spans: the longer span wins an
 * overlap; an exact tie keeps the recogniser's label (it saw the context), then the date's; letterless names
 * and money-like dates are dropped. Money: with `moneyFound` (the numbers hold the money layer's MONEY spans), a
 * name that holds a digit and overlaps a money figure is dropped (the figure is MONEY), a name without digits
 * inside a figure is kept and the figure's MONEY entity and numbers give way to it ("French" in "21.8 million
 * French francs", "C$" in "C$ 0.45": CoNLL names them; money.jsonl keeps the figure), and a money-looking name no
 * figure overlaps stays ("Euro 96"). Without it, money-looking names are dropped by their text alone. A digit-free
 * name inside a TIME after its start (a zone, "05:30 GMT"; "10 a.m. Kyiv time") wins and the TIME keeps its part before it.
 * A name with one edge inside a number (not money), digits of it inside, and the other edge outside keeps only its parts
 * outside the number ("Paris 577" of "Paris 577'957" is "Paris"): a name's digits never cut a number read whole.
 */
export function resolveOverlaps(
  text: string,
  names: readonly EntitySpan[],
  dates: readonly EntitySpan[] = [],
  numbers: readonly EntitySpan[] = [],
  moneyFound = false,
): EntitySpan[] {
  const money = moneyFound ? numbers.filter((span) => span.label === 'MONEY' && span.end > span.start) : []
  const inside = (span: EntitySpan, outer: EntitySpan) => span.start >= outer.start && span.end <= outer.end
  // money figures a digit-free name sits inside: they give way to the name
  const yielding: EntitySpan[] = []
  const candidates: RankedSpan[] = []
  const cutters = numbersNamesYieldTo(numbers, money)
  // a name with one edge inside a number and the other outside keeps its parts outside the number: the number finder read
  // the whole figure, and the recogniser's tokens ("Paris 577" of "Paris 577'957", "H AFRICA 4" of "H AFRICA 4,982.96")
  // had cut it, the longer name won and the entity's text was part of a number (docs/fuzz.md, numfix2); only where the
  // name's part inside the number holds a digit: a word at a number's edge ("EDT Monday" after "9 pm EDT") is left to
  // the longest-first rule, as before
  // the same for a figure grouped by apostrophes or spaces that no number was read from ("GTON 365" of
  // "GTON 365'534.8-2": the hyphen and digit after it keep the number finder out; fuzz seed 4001095)
  const addName = (span: EntitySpan) => {
    // (or nothing but the number's own marks: "% Inc." of "0% Inc.", the percent sign read into a name, took the
    // PERCENT by length; fuzz seed 5100979)
    const crossed = cutters.length > 0 ? figuresCrossed(span, cutters).filter((n) => {
      const inside = text.slice(Math.max(n.start, span.start), Math.min(n.end, span.end))
      return hasNumber(inside) || isLetterless(inside)
    }) : []
    for (const at of [span.start, span.end]) {
      const figure = groupedFigureAround(text, at)
      if (figure !== undefined && (figure.start < span.start || span.end < figure.end)) crossed.push(figure)
    }
    if (crossed.length === 0) {
      candidates.push({start: span.start, end: span.end, label: span.label, rank: 0})
      return
    }
    for (const part of outsideFigures(text, span, crossed)) {
      if (!isLetterless(text.slice(part.start, part.end))) candidates.push({start: part.start, end: part.end, label: part.label, rank: 0})
    }
  }
  for (const name of names) {
    const span: EntitySpan = name
    const value = text.slice(span.start, span.end)
    if (span.end <= span.start || span.label === 'DATE' || isLetterless(value)) continue
    if (!moneyFound) {
      if (isMoneyLike(value)) continue
    } else if (money.length > 0) {
      const overlapping = money.filter((m) => m.start < span.end && span.start < m.end)
      if (overlapping.length > 0) {
        if (hasNumber(value)) continue
        // a digit-free name running over one edge of a figure ("Million Acme Corp" after "$3", read in Title Case), or
        // over a whole spelled-out one ("Bangkok Bank Lends Three Billion Baht To Thai Airways"), keeps only its parts
        // outside the figures: as a whole it was longer, won the overlap, and the MONEY entity was lost
        for (const part of outsideFigures(text, span, overlapping)) {
          if (isLetterless(text.slice(part.start, part.end))) continue
          const outer = overlapping.find((m) => inside(part, m) && (m.start < part.start || part.end < m.end))
          if (outer) yielding.push(outer)
          addName(part)
        }
        continue
      }
    }
    addName(span)
  }
  // a date or number crossing a figure's edge gives way to it: the money finder read the whole figure, and a span
  // starting inside it ("534 year" in "$4 534 year") or ending inside it is a second reading of part of it (docs/fuzz.md,
  // numfix: the longer DATE won and the money record had no MONEY entity); a figure that yields to a name is not kept
  const figures = money.length > 0 ? money.filter((m) => !yielding.includes(m)).sort((a, b) => a.start - b.start) : money
  for (const span of dates) {
    if (span.end <= span.start || isMoneyLike(text.slice(span.start, span.end))) continue
    if (figures.length > 0 && crossesFigure(span, figures)) continue
    candidates.push({start: span.start, end: span.end, label: 'DATE', rank: 1})
  }
  const nameCount = candidates.length
  for (const span of numbers) {
    if (span.end <= span.start) continue
    // the yielding figure and the numbers inside it carry no label beside the name
    if (yielding.length > 0 && yielding.some((m) => inside(span, m))) continue
    if (figures.length > 0 && span.label !== 'MONEY' && crossesFigure(span, figures)) continue
    if (span.label === 'TIME' || span.label === 'QUANTITY') {
      // a time zone or place inside a clock time ("05:30 GMT", "10 a.m. Kyiv time") is a name under CoNLL-2003: the
      // name wins and the TIME keeps its part before it ("05:30"); a name past the TIME's end is left to the overlap.
      // The same for a unit named after a person inside a QUANTITY ("26 degrees Celsius": eng.train tags Celsius MISC
      // 8 of 8; the QUANTITY keeps "26 degrees"), which the longer QUANTITY used to take (docs/ner.md, "Sports news")
      const zone = firstNameInside(text, candidates, nameCount, span)
      if (zone !== null) {
        const before = trimmed(text, span.start, zone.start, span.label)
        if (before.end > before.start) candidates.push({start: before.start, end: before.end, label: span.label, rank: 2})
        continue
      }
    }
    candidates.push({start: span.start, end: span.end, label: span.label, rank: 2})
  }
  // characters taken by kept spans: two non-empty spans overlap exactly when they share a character
  let low = 0
  let high = text.length
  for (const c of candidates) {
    if (c.start < low) low = c.start
    if (c.end > high) high = c.end
  }
  const kept: EntitySpan[] = []
  const taken = new Uint8Array(high - low)
  for (const candidate of sortForGreedyChoice(candidates, low, high - low)) {
    let free = true
    for (let i = candidate.start - low; i < candidate.end - low && free; i++) free = taken[i] === 0
    if (!free) continue
    taken.fill(1, candidate.start - low, candidate.end - low)
    kept.push({start: candidate.start, end: candidate.end, label: candidate.label})
  }
  return sortByStart(kept, low, high - low)
}

// whether `span` has one edge strictly inside a figure of `figures` (sorted by start, none overlapping) and the other
// outside it
function crossesFigure(span: EntitySpan, figures: readonly EntitySpan[]): boolean {
  return figuresCrossed(span, figures).length > 0
}

// the figure with `at` strictly inside it (start < at < end): the last figure starting before `at`, if it ends after it
function figureAround(figures: readonly EntitySpan[], at: number): EntitySpan | undefined {
  const figure = figures[countBefore(figures, (f) => f.start < at) - 1]
  return figure !== undefined && at < figure.end ? figure : undefined
}

// a figure grouped by apostrophes or spaces (the money reader's and number finder's grammar), standing as a word: not
// glued to a word or number before it, nor a later group of a figure grouped otherwise ("3 306'503")
const GROUPED_FIGURE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}/.,:'’])(?<![\\p{L}\\p{M}\\p{N}][-–])(?<![\\p{N}]\\s)${groupedIntegerSource([...GROUP_APOSTROPHES, ...GROUP_SPACES], 16)}`,
  'uy',
)
const GROUPING = new Set([...GROUP_APOSTROPHES, ...GROUP_SPACES].map((c) => c.charCodeAt(0)))
const isFigureChar = (code: number) => (code >= 48 && code <= 57) || GROUPING.has(code) || code === 44
// how far a figure is looked for on either side of an edge: longer than any figure of 16 groups
const FIGURE_WINDOW = 80

// the grouped figure (see GROUPED_FIGURE) with `at` strictly inside it, if any: only where digits or separators stand on
// both sides of `at`, and then by trying the figure's grammar at each digit run's start close before it
function groupedFigureAround(text: string, at: number): EntitySpan | undefined {
  if (at <= 0 || at >= text.length || !isFigureChar(text.charCodeAt(at - 1)) || !isFigureChar(text.charCodeAt(at))) return undefined
  let from = at - 1
  while (from > 0 && at - from < FIGURE_WINDOW && isFigureChar(text.charCodeAt(from - 1))) from--
  for (let s = from; s < at; s++) {
    const code = text.charCodeAt(s)
    if (code < 48 || code > 57 || (s > 0 && text.charCodeAt(s - 1) >= 48 && text.charCodeAt(s - 1) <= 57)) continue
    GROUPED_FIGURE.lastIndex = s
    if (GROUPED_FIGURE.test(text) && at < GROUPED_FIGURE.lastIndex) return {start: s, end: GROUPED_FIGURE.lastIndex, label: 'CARDINAL'}
  }
  return undefined
}

// the numbers a name may not cut (sorted by start, none overlapping, none empty): the number finder's spans, without
// those overlapping a money figure (the money rules above settle those) and, defensively, any overlapping an earlier one
function numbersNamesYieldTo(numbers: readonly EntitySpan[], money: readonly EntitySpan[]): EntitySpan[] {
  const figures = money.length > 1 ? [...money].sort((a, b) => a.start - b.start) : money
  const sorted = numbers.filter((n) => n.label !== 'MONEY' && n.end > n.start && !overlapsAny(n, figures)).sort((a, b) => a.start - b.start)
  const cutters: EntitySpan[] = []
  for (const n of sorted) if (cutters.length === 0 || cutters[cutters.length - 1]!.end <= n.start) cutters.push(n)
  return cutters
}

// whether `span` overlaps one of `spans` (sorted by start, none overlapping): the last starting before its end ends after its start
function overlapsAny(span: EntitySpan, spans: readonly EntitySpan[]): boolean {
  const last = spans[countBefore(spans, (s) => s.start < span.end) - 1]
  return last !== undefined && last.end > span.start
}

// the spans of `figures` (sorted by start, none overlapping) with `span`'s start or end strictly inside them and its
// other edge outside: at most one at each edge
function figuresCrossed(span: EntitySpan, figures: readonly EntitySpan[]): EntitySpan[] {
  const crossed: EntitySpan[] = []
  const atStart = figureAround(figures, span.start)
  if (atStart !== undefined && span.end > atStart.end) crossed.push(atStart)
  const atEnd = figureAround(figures, span.end)
  if (atEnd !== undefined && span.start < atEnd.start) crossed.push(atEnd)
  return crossed
}

// the first of the recogniser's names (rank 0 among candidates[0..count)) without digits that lies inside `time` and starts after its start
function firstNameInside(text: string, candidates: readonly RankedSpan[], count: number, time: EntitySpan): RankedSpan | null {
  let first: RankedSpan | null = null
  for (let i = 0; i < count; i++) {
    const name = candidates[i]!
    if (name.rank !== 0 || name.start <= time.start || name.end > time.end || hasNumber(text.slice(name.start, name.end))) continue
    if (first === null || name.start < first.start) first = name
  }
  return first
}

/**
 * The parts of `span` outside the figures it overlaps, white space at each cut trimmed, none empty: the part before a
 * figure whose edge it crosses or that it holds whole, and the part after. A span inside a figure (or equal to one)
 * is kept whole: the figure gives way to it.
 */
function outsideFigures(text: string, span: EntitySpan, figures: readonly EntitySpan[]): EntitySpan[] {
  if (figures.some((m) => m.start <= span.start && span.end <= m.end)) return [span]
  const parts: EntitySpan[] = []
  let start = span.start
  // figures in text order (the money layer's are sorted and never overlap), each cutting the span where it lies
  for (const m of [...figures].sort((a, b) => a.start - b.start)) {
    if (m.start > start) parts.push(trimmed(text, start, Math.min(m.start, span.end), span.label))
    if (m.end > start) start = m.end
    if (start >= span.end) break
  }
  if (start < span.end) parts.push(trimmed(text, start, span.end, span.label))
  return parts.filter((part) => part.end > part.start)
}

function trimmed(text: string, start: number, end: number, label: EntitySpan['label']): EntitySpan {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return {start, end, label}
}

/** A span offered to the greedy choice, with the rank of the finder it came from (recogniser 0, dates 1, numbers 2). */
export interface RankedSpan extends EntitySpan {
  rank: number
}

// integers are exact in a double below 2^53: every key below stays under it (checked), else the comparator sorts
const EXACT = 2 ** 53

/**
 * `candidates` (every span inside `[low, low + width)`, none empty) in the greedy choice's order: longest first, then
 * by rank, then by position, then by label (`localeCompare`), ties in input order. Sorted through one integer key per
 * span in a typed array, which sorts natively without calling a comparator; the key's lowest digit is the input
 * index, so equal extents and ranks keep input order as the stable comparator sort does. Spans of the same extent
 * and rank with different labels (ordered by label), and keys too large to be exact, take the comparator sort.
 */
export function sortForGreedyChoice(candidates: readonly RankedSpan[], low: number, width: number): RankedSpan[] {
  const n = candidates.length
  if (3 * width * width * n >= EXACT) return sortByComparator(candidates)
  const keys = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const c = candidates[k]!
    // length, rank and start as digits of one number: (width - length) < width, rank < 3, start - low < width
    keys[k] = (((width - (c.end - c.start)) * 3 + c.rank) * width + (c.start - low)) * n + k
  }
  keys.sort()
  const ordered: RankedSpan[] = new Array(n)
  let previous = -1
  for (let k = 0; k < n; k++) {
    const index = keys[k]! % n
    const primary = (keys[k]! - index) / n
    const candidate = candidates[index]!
    // the same extent and rank again: the comparator orders them by label
    if (primary === previous && candidate.label !== ordered[k - 1]!.label) return sortByComparator(candidates)
    previous = primary
    ordered[k] = candidate
  }
  return ordered
}

// the greedy order by the comparator (a stable sort)
function sortByComparator(candidates: readonly RankedSpan[]): RankedSpan[] {
  return [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || compareSpans(a, b) || a.label.localeCompare(b.label))
}

/**
 * Non-overlapping, non-empty `spans` inside `[low, low + width)` sorted by start (so by `compareSpans`: no two share
 * a start), through integer keys in a typed array as in {@link sortForGreedyChoice}.
 */
export function sortByStart<T extends EntitySpan>(spans: T[], low: number, width: number): T[] {
  const n = spans.length
  if (width * n >= EXACT) return spans.sort(compareSpans)
  const keys = new Float64Array(n)
  for (let k = 0; k < n; k++) keys[k] = (spans[k]!.start - low) * n + k
  keys.sort()
  const sorted: T[] = new Array(n)
  for (let k = 0; k < n; k++) sorted[k] = spans[keys[k]! % n]!
  return sorted
}
