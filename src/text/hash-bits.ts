/**
 * A bit per word hash (its low 16 bits), for scanners that turn most words of a text away with one array read before
 * a Set or lexicon lookup: a clear bit means the hash is not in the set; a set bit only means it may be.
 */

const MASK = 2047

/** The bits of `hashes` (any 32-bit integers; only their low 16 bits count). */
export function buildHashBits(hashes: Iterable<number>): Uint32Array {
  const bits = new Uint32Array(MASK + 1)
  for (const h of hashes) bits[(h >>> 5) & MASK]! |= 1 << (h & 31)
  return bits
}

/** Whether `h` may be one of the hashes `bits` was built from (false: it certainly is not). */
export function mayHoldHash(bits: Uint32Array, h: number): boolean {
  return (bits[(h >>> 5) & MASK]! & (1 << (h & 31))) !== 0
}
