/**
 * A string-to-id table that looks a key up from its pieces (a prefix and a slice of another string) without
 * building the key: the entity recogniser finds tens of feature names and character n-grams per new word this
 * way, where concatenating, slicing and hashing fresh strings for a `Map` cost more than the rest of the work.
 */

import {filterAddAll} from '../text/hash-filter.ts'
import {markMutable} from './mutable-fields.ts'

const EMPTY = -1
// FNV-1a over UTF-16 code units
const FNV_OFFSET = 0x811c9dc5 | 0
/** FNV-1a's multiplier: {@link hashSlice} extended by one code unit `c` is `Math.imul(hash ^ c, FNV_PRIME)`. */
export const FNV_PRIME = 0x01000193

/** A {@link KeyTable}'s lookup structure alone (see {@link KeyTable.freeze}): what a model file stores so that loading it builds nothing. */
export interface FrozenKeyTable {
  /** how many keys */
  size: number
  /** the slot pairs (hash, record offset or -1) */
  slots: Int32Array
  /** the key records back to back (length, id in two 16-bit halves, code units) */
  pool: Uint16Array
}

/** Keys numbered 0, 1, 2, ... in the order they were added; lookups by whole key or by prefix + slice. */
export class KeyTable {
  /** the keys, by id (empty in a table made by {@link KeyTable.thaw}, which cannot add keys) */
  readonly keys: string[] = []
  private count = 0
  private frozen = false
  private hashes: Int32Array
  // each key's record in `pool`, by id
  private records: Int32Array
  // the keys' records back to back: length, id (two 16-bit halves), then the UTF-16 code units; a lookup compares
  // against one contiguous record instead of chasing the key list and then the key string (a cache miss each)
  private pool = new Uint16Array(1024)
  private poolSize = 0
  // open addressing with linear probing, at most half full: pairs of (hash, record), record -1 for empty slots; the
  // hash beside the record settles nearly every probe of an absent key without touching the pool
  private slots: Int32Array

  /** `expected`: how many keys will be added, so that building the table never rehashes. */
  constructor(expected = 8) {
    let size = 32
    while (size < expected * 2) size *= 2
    this.hashes = new Int32Array(size >> 1)
    this.records = new Int32Array(size >> 1)
    this.slots = new Int32Array(2 * size).fill(EMPTY)
    // replaced as the table fills (see markMutable)
    markMutable(this, ['hashes', 'records', 'slots', 'pool'])
  }

  /** How many keys the table holds. */
  get size(): number {
    return this.count
  }

  /**
   * The hash of each key added (by id; {@link hashKey} of the key), so a caller can test the key against other
   * tables' hash filters (text/hash-filter.ts) without hashing it again; empty in a table made by {@link KeyTable.thaw}.
   */
  get keyHashes(): Int32Array {
    return this.hashes
  }

  /**
   * Sets, in `filter` (a power-of-two number of 32-bit words), the hash-filter bits (text/hash-filter.ts) of every key's hash: a
   * filter that answers "absent" for a hash is exact about every key of the table, whatever else it holds.
   */
  addToFilter(filter: Int32Array): void {
    // the slots are (hash, record) pairs: every other entry from the first is a hash
    filterAddAll(filter, this.slots, 0, 2)
  }

  /**
   * A read-only table over stored slots and records, used in place: nothing is hashed or copied, so a table of
   * tens of thousands of keys costs nothing to load. Lookups answer exactly as in the table that was frozen.
   */
  static thaw(frozen: FrozenKeyTable): KeyTable {
    const table = new KeyTable()
    table.slots = frozen.slots as Int32Array<ArrayBuffer>
    table.pool = frozen.pool as Uint16Array<ArrayBuffer>
    table.poolSize = frozen.pool.length
    table.count = frozen.size
    table.frozen = true
    return table
  }

  /** The table's slots and records, trimmed to what is used (see {@link KeyTable.thaw}). */
  freeze(): FrozenKeyTable {
    return {size: this.count, slots: this.slots.slice(), pool: this.pool.slice(0, this.poolSize)}
  }

  /** The id of `key`, adding it when absent. */
  add(key: string): number {
    // hashing written out here: tables are built at start-up, before the JIT has compiled helpers
    const n = key.length
    let hash = FNV_OFFSET
    for (let i = 0; i < n; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME)
    const found = this.probe(hash, '', key, 0, n)
    if (found >= 0) return found
    if (this.frozen) throw new Error('KeyTable: a thawed table is read-only')
    const id = this.count++
    this.keys.push(key)
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
      const records = new Int32Array(this.records.length * 2)
      records.set(this.records)
      this.records = records
    }
    this.hashes[id] = hash
    const record = this.poolSize
    this.pool = writeRecord(this.pool, record, id, key, 0, n)
    this.poolSize = record + 3 + n
    this.records[id] = record
    if (this.count * 4 > this.slots.length) {
      this.rehash(this.slots.length)
      return id
    }
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    let slot = hash & mask
    while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask
    slots[2 * slot] = hash
    slots[2 * slot + 1] = record
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
      const record = slots[2 * slot + 1]
      if (record === EMPTY) return -1
      if (slots[2 * slot] === hash && matches(this.pool, record, length, prefix, value, start)) {
        return this.pool[record + 1] | (this.pool[record + 2] << 16)
      }
    }
  }

  /** Shrinks the slot array to the smallest size at most half full, so that lookups touch less memory. */
  compact(): void {
    let size = 32
    while (size < this.count * 2) size *= 2
    if (!this.frozen && size < this.slots.length >> 1) this.rehash(size)
  }

  private rehash(size: number): void {
    // `size` slots (pairs) doubled
    const slots = new Int32Array(2 * size).fill(EMPTY)
    const mask = size - 1
    for (let id = 0; id < this.count; id++) {
      const hash = this.hashes[id]
      let slot = hash & mask
      while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask
      slots[2 * slot] = hash
      slots[2 * slot + 1] = this.records[id]
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

/** Writes one key record (its length, `id`, and the code units `text[start, start + length)`) at `at` in `pool`, growing the pool when it is full; returns the pool written to. */
export function writeRecord(pool: Uint16Array<ArrayBuffer>, at: number, id: number, text: string, start: number, length: number): Uint16Array<ArrayBuffer> {
  let out = pool
  if (at + 3 + length > out.length) {
    let size = out.length * 2
    while (size < at + 3 + length) size *= 2
    out = new Uint16Array(size)
    out.set(pool)
  }
  out[at] = length
  out[at + 1] = id & 0xffff
  out[at + 2] = id >>> 16
  for (let i = 0; i < length; i++) out[at + 3 + i] = text.charCodeAt(start + i)
  return out
}

// whether the pool record at `record` holds `prefix + value.slice(start, start + length - prefix.length)`
function matches(pool: Uint16Array, record: number, length: number, prefix: string, value: string, start: number): boolean {
  if (pool[record] !== length) return false
  const p = prefix.length
  const chars = record + 3
  for (let i = 0; i < p; i++) if (pool[chars + i] !== prefix.charCodeAt(i)) return false
  for (let i = p; i < length; i++) if (pool[chars + i] !== value.charCodeAt(start + i - p)) return false
  return true
}
