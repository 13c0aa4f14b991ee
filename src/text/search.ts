// Spans, tokens and offsets are kept sorted, so every "where does this offset fall" question is one binary search;
// it is written once here instead of once per finder.
import type {Span} from '../doc.ts'

/**
 * The number of leading items for which `isBefore` holds, in O(log n): `items` must be partitioned (every item
 * it holds for comes before every item it does not), as a sorted list is for "ends at or before x".
 */
export function countBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (isBefore(items[mid]!)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Where the line holding `offset` starts, looking back at most `window` characters: the character after the last
 * line break before `offset`, or `offset - window` (at least 0) when none lies that close. The same as
 * `Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - window)` without scanning a whole long paragraph.
 */
export function lineStartWithin(text: string, offset: number, window: number): number {
  const stop = Math.max(offset - window, 0)
  for (let i = offset - 1; i >= stop; i--) if (text.charCodeAt(i) === 10) return i + 1
  return stop
}

/**
 * Where the line holding `offset` ends (its line break, or the end of the text), looking at most `window`
 * characters ahead: the same as `Math.min(lineEnd, offset + window)` without scanning a whole long paragraph.
 */
export function lineEndWithin(text: string, offset: number, window: number): number {
  const stop = Math.min(offset + window, text.length)
  for (let i = offset; i < stop; i++) if (text.charCodeAt(i) === 10) return i
  return stop
}

/**
 * Whether a span of `spans` starts at `offset` (`edge` 'start') or ends there (`edge` 'end'), in O(log n): `spans`
 * must be in text order without overlaps (as tokens are), so that their starts and their ends both ascend.
 */
export function hasSpanEdgeAt(spans: readonly Span[], offset: number, edge: 'start' | 'end'): boolean {
  const k = edge === 'start' ? countBefore(spans, (s) => s.start < offset) : countBefore(spans, (s) => s.end < offset)
  return k < spans.length && spans[k]![edge] === offset
}
