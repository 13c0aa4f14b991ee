// Spans, tokens and offsets are kept sorted, so every "where does this offset fall" question is one binary search;
// it is written once here instead of once per finder.

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
