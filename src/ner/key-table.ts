/**
 * A string-to-id table that looks a key up from its pieces (a prefix and a slice of another string) without
 * building the key: the entity recogniser finds tens of feature names and character n-grams per new word this
 * way, where concatenating, slicing and hashing fresh strings for a `Map` cost more than the rest of the work.
 */

const EMPTY = -1
// FNV-1a over UTF-16 code units
const FNV_OFFSET = 0x811c9dc5 | 0
/** FNV-1a's multiplier: {@link hashSlice} extended by one code unit `c` is `Math.imul(hash ^ c, FNV_PRIME)`. */
export const FNV_PRIME = 0x01000193

/** Keys numbered 0, 1, 2, ... in the order they were added; lookups by whole key or by prefix + slice. */
export class KeyTable {
  /** the keys, by id */
  readonly keys: string[] = []
  private hashes: Int32Array
  // open addressing with linear probing, at most half full: pairs of (hash, id), id -1 for empty slots; the hash
  // beside the id settles nearly every probe of an absent key without touching the key list (one cache line, where
  // separate id and hash arrays cost two misses and the key a third)
  private slots: Int32Array

  /** `expected`: how many keys will be added, so that building the table never rehashes. */
  constructor(expected = 8) {
    let size = 32
    while (size < expected * 2) size *= 2
    this.hashes = new Int32Array(size >> 1)
    this.slots = new Int32Array(2 * size).fill(EMPTY)
  }

  /** How many keys the table holds. */
  get size(): number {
    return this.keys.length
  }

  /** The id of `key`, adding it when absent. */
  add(key: string): number {
    // hashing and probing written out here: tables are built at start-up, before the JIT has compiled helpers
    const n = key.length
    let hash = FNV_OFFSET
    for (let i = 0; i < n; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME)
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    let slot = hash & mask
    for (let id = slots[2 * slot + 1]; id !== EMPTY; id = slots[2 * slot + 1]) {
      if (slots[2 * slot] === hash && this.keys[id] === key) return id
      slot = (slot + 1) & mask
    }
    const id = this.keys.length
    this.keys.push(key)
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    this.hashes[id] = hash
    if (this.keys.length * 4 > slots.length) {
      this.rehash(slots.length)
      return id
    }
    slots[2 * slot] = hash
    slots[2 * slot + 1] = id
    return id
  }

  /** The id of `key`, or -1. */
  get(key: string): number {
    return this.probe(hashSlice(FNV_OFFSET, key, 0, key.length), '', key, 0, key.length)
  }

  /** The id of the key `prefix + value.slice(start, end)`, or -1; nothing is allocated. */
  find(prefix: string, value: string, start: number, end: number): number {
    return this.probe(hashSlice(hashSlice(FNV_OFFSET, prefix, 0, prefix.length), value, start, end), prefix, value, start, end)
  }

  /** {@link find} given the key's hash (see {@link hashKey}), for callers that hash many related keys incrementally. */
  findHashed(hash: number, prefix: string, value: string, start: number, end: number): number {
    return this.probe(hash, prefix, value, start, end)
  }

  private probe(hash: number, prefix: string, value: string, start: number, end: number): number {
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    const length = prefix.length + end - start
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]
      if (id === EMPTY) return -1
      if (slots[2 * slot] === hash && matches(this.keys[id], length, prefix, value, start)) return id
    }
  }

  private rehash(size: number): void {
    // `size` slots (pairs) doubled
    const slots = new Int32Array(2 * size).fill(EMPTY)
    const mask = size - 1
    for (let id = 0; id < this.keys.length; id++) {
      const hash = this.hashes[id]
      let slot = hash & mask
      while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask
      slots[2 * slot] = hash
      slots[2 * slot + 1] = id
    }
    this.slots = slots
  }
}

/** The FNV-1a hash {@link KeyTable} files a key under (continue it with {@link hashSlice}). */
export const hashKey = (text: string, start = 0, end = text.length): number => hashSlice(FNV_OFFSET, text, start, end)

/** Continues an FNV-1a hash `hash` over the code units `text[start, end)`. */
export function hashSlice(hash: number, text: string, start: number, end: number): number {
  let h = hash
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h
}

// whether `key` is `prefix + value.slice(start, start + length - prefix.length)`
function matches(key: string, length: number, prefix: string, value: string, start: number): boolean {
  if (key.length !== length) return false
  const p = prefix.length
  for (let i = 0; i < p; i++) if (key.charCodeAt(i) !== prefix.charCodeAt(i)) return false
  for (let i = p; i < length; i++) if (key.charCodeAt(i) !== value.charCodeAt(start + i - p)) return false
  return true
}
