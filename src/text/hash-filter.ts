/**
 * A hash filter: two bits per 32-bit hash in a power-of-two number of 32-bit words, for scanners that turn most
 * words away with an array read or two before a Set, lexicon or table lookup. A clear bit means the hash was never
 * added; both bits set only mean it may have been. The one implementation of the rule: the money scanner, the
 * person cues and the gazetteers' start and continue filters (over ner/key-table.ts's tables) all build and ask it here.
 */

// the two bits of `hash` in a filter of `mask + 1` bits (mask: a power of two minus one): different bits of the hash,
// so keys that share one bit rarely share the other
//   a = (hash >>> 7) & mask, b = (hash ^ (hash >>> 17)) & mask

/**
 * Sets, in `filter`, the bits of `hashes[start]`, `hashes[start + step]`, ... (a KeyTable's slot array is read
 * with step 2, its empty slots' hash -1 included: two bits more set, no key missed). One loop for a whole table: a
 * thread builds its filters at its first document, before the JIT has compiled anything, where a call per hash cost
 * about 5 ms more for the shipped model's ~230k slots.
 */
export function filterAddAll(filter: Int32Array, hashes: ArrayLike<number>, start = 0, step = 1): void {
  const mask = filter.length * 32 - 1
  for (let i = start, n = hashes.length; i < n; i += step) {
    const hash = hashes[i]
    const a = (hash >>> 7) & mask
    const b = (hash ^ (hash >>> 17)) & mask
    filter[a >>> 5] |= 1 << (a & 31)
    filter[b >>> 5] |= 1 << (b & 31)
  }
}

/** Whether `filter` may hold `hash` (false: no hash added to it was this one). */
export function filterHas(filter: Int32Array, hash: number): boolean {
  const mask = filter.length * 32 - 1
  const a = (hash >>> 7) & mask
  const b = (hash ^ (hash >>> 17)) & mask
  return (filter[a >>> 5] & (1 << (a & 31))) !== 0 && (filter[b >>> 5] & (1 << (b & 31))) !== 0
}

/** A filter of `words` 32-bit words (a power of two) holding `hashes` (any 32-bit integers). */
export function buildFilter(hashes: Iterable<number>, words: number): Int32Array {
  const filter = new Int32Array(words)
  filterAddAll(filter, Array.from(hashes))
  return filter
}
