/**
 * Word-type vectors shared between the worker threads of one process: the first thread to meet a word type sums its
 * feature weights (the tagger's new-type path, about a seventh of a fresh thread's first pass) and publishes the
 * result here; the other threads copy it instead of summing it again (docs/scale.md, "One type table for all threads").
 * Lock-free: an entry is written whole, then made visible by a compare-and-swap of its hash slot, so a reader that
 * sees a slot sees the entry's contents; a thread that finds no entry computes the type itself, as it always did.
 */

/** What a thread publishes for a word type: its `size` summed weights and its role byte. */
export interface SharedTypeValue {
  vector: Float32Array
  role: number
}

// header: entries claimed, pool code units claimed
const H_ENTRIES = 0
const H_POOL = 1
const HEADER = 2
// per entry: key hash, pool offset, length << 1 | caps, role
const META = 4

/** The layout of a table of `entries` entries of `vectorSize` floats (hash slots: a power of two, at least twice the entries). */
function layout(entries: number, vectorSize: number) {
  let slots = 2
  while (slots < entries * 2) slots *= 2
  const poolUnits = entries * 12
  const intBytes = (HEADER + slots + entries * META) * 4
  const vectorBytes = entries * vectorSize * 4
  return {slots, poolUnits, intBytes, vectorBytes, total: intBytes + vectorBytes + poolUnits * 2}
}

/**
 * A fixed-capacity, insert-only table of word-type vectors in a `SharedArrayBuffer`, keyed by (word, all-caps). The
 * thread that makes the memory need not know the vector size: every thread lays the same buffer out the same way
 * from its size and the vector size (the most entries, a power of two, that fit).
 */
export class SharedTypeTable {
  private readonly ints: Int32Array
  private readonly vectors: Float32Array
  private readonly pool: Uint16Array
  private readonly slotMask: number
  private readonly entries: number
  private readonly poolUnits: number
  private readonly metaStart: number

  constructor(
    /** the memory, zeroed, made in one thread ({@link createSharedTypeMemory}) and handed to the others */
    buffer: SharedArrayBuffer,
    /** floats per vector */
    readonly vectorSize: number,
    /** how many entries the memory was laid out for (a table written whole in advance, see type-vectors.ts); by default the most, a power of two, that fit */
    capacity?: number,
  ) {
    let entries = 1
    if (capacity !== undefined) entries = capacity
    else while (layout(entries * 2, vectorSize).total <= buffer.byteLength) entries *= 2
    const shape = layout(entries, vectorSize)
    if (shape.total > buffer.byteLength) throw new Error('shared type table: the memory is too small for one entry')
    this.entries = entries
    this.poolUnits = shape.poolUnits
    this.ints = new Int32Array(buffer, 0, shape.intBytes / 4)
    this.vectors = new Float32Array(buffer, shape.intBytes, entries * vectorSize)
    this.pool = new Uint16Array(buffer, shape.intBytes + shape.vectorBytes, shape.poolUnits)
    this.slotMask = shape.slots - 1
    this.metaStart = HEADER + shape.slots
  }

  /** Copies the published vector of (`word`, `caps`) into `into` at `at` and returns its role, or -1 when none is published. */
  read(word: string, caps: boolean, into: Float32Array, at: number): number {
    const hash = hashWord(word, caps)
    const ints = this.ints
    const meta0 = this.metaStart
    const lengthKey = (word.length << 1) | (caps ? 1 : 0)
    for (let slot = hash & this.slotMask; ; slot = (slot + 1) & this.slotMask) {
      const entry = Atomics.load(ints, HEADER + slot) - 1
      if (entry < 0) return -1
      const meta = meta0 + entry * META
      if (ints[meta] !== hash || ints[meta + 2] !== lengthKey || !this.sameChars(ints[meta + 1], word)) continue
      const size = this.vectorSize
      into.set(this.vectors.subarray(entry * size, entry * size + size), at)
      return ints[meta + 3]
    }
  }

  /** Publishes the vector of (`word`, `caps`) (`from[at, at + size)`) and its role; false when the table is full. */
  write(word: string, caps: boolean, from: Float32Array, at: number, role: number): boolean {
    const ints = this.ints
    if (Atomics.load(ints, H_ENTRIES) >= this.entries) return false
    const entry = Atomics.add(ints, H_ENTRIES, 1)
    if (entry >= this.entries) return false
    const offset = Atomics.add(ints, H_POOL, word.length)
    if (offset + word.length > this.poolUnits) return false
    for (let i = 0; i < word.length; i++) this.pool[offset + i] = word.charCodeAt(i)
    const hash = hashWord(word, caps)
    const meta = this.metaStart + entry * META
    ints[meta] = hash
    ints[meta + 1] = offset
    ints[meta + 2] = (word.length << 1) | (caps ? 1 : 0)
    ints[meta + 3] = role
    const size = this.vectorSize
    this.vectors.set(from.subarray(at, at + size), entry * size)
    // the entry is complete: make it visible (a sequentially consistent exchange orders the writes above before it)
    for (let slot = hash & this.slotMask; ; slot = (slot + 1) & this.slotMask) {
      const seen = Atomics.compareExchange(ints, HEADER + slot, 0, entry + 1)
      if (seen === 0) return true
      const other = this.metaStart + (seen - 1) * META
      // another thread published the same type meanwhile (the same values): this entry stays unreachable
      if (ints[other] === hash && ints[other + 2] === ints[meta + 2] && this.sameChars(ints[other + 1], word)) return true
    }
  }

  /** Calls `visit` with each published entry, in slot order (a type published twice is visited once). */
  forEach(visit: (word: string, caps: boolean, vector: Float32Array, role: number) => void): void {
    const ints = this.ints
    const size = this.vectorSize
    for (let slot = 0; slot <= this.slotMask; slot++) {
      const entry = Atomics.load(ints, HEADER + slot) - 1
      if (entry < 0) continue
      const meta = this.metaStart + entry * META
      const offset = ints[meta + 1]
      const word = unitsToString(this.pool, offset, ints[meta + 2] >> 1)
      visit(word, (ints[meta + 2] & 1) === 1, this.vectors.subarray(entry * size, entry * size + size), ints[meta + 3])
    }
  }

  /** How many entries were claimed (published, or given up when the memory ran out). */
  get claimed(): number {
    return Atomics.load(this.ints, H_ENTRIES)
  }

  /** How many entries fit. */
  get capacity(): number {
    return this.entries
  }

  private sameChars(offset: number, word: string): boolean {
    const pool = this.pool
    for (let i = 0; i < word.length; i++) if (pool[offset + i] !== word.charCodeAt(i)) return false
    return true
  }
}

// code units as a string, a bounded number of arguments at a time
function unitsToString(units: Uint16Array, start: number, length: number): string {
  let text = ''
  for (let at = start; at < start + length; at += 4096) text += String.fromCharCode(...units.subarray(at, Math.min(start + length, at + 4096)))
  return text
}

// FNV-1a over the code units, then the caps flag
function hashWord(word: string, caps: boolean): number {
  let hash = 0x811c9dc5 | 0
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193)
  return Math.imul(hash ^ (caps ? 1 : 2), 0x01000193)
}

/** Bytes of memory for a table of `entries` entries of `vectorSize` floats (made with that capacity). */
export function sharedTypeMemoryBytes(entries: number, vectorSize: number): number {
  return layout(entries, vectorSize).total
}

/**
 * Memory for a table shared by the threads a thread starts: 64 MiB, of which only the pages used become resident
 * (131,072 types of 85 floats fit; the 20 MB bench corpus has about 33,000).
 */
export function createSharedTypeMemory(bytes = 64 << 20): SharedArrayBuffer {
  return new SharedArrayBuffer(bytes)
}

let adopted: SharedArrayBuffer | null = null
let table: SharedTypeTable | null = null

/** The table over the memory this thread was handed ({@link adoptSharedTypes}) for vectors of `vectorSize` floats, or null. */
export function sharedTypeTable(vectorSize: number): SharedTypeTable | null {
  if (adopted === null) return null
  if (table === null || table.vectorSize !== vectorSize) table = new SharedTypeTable(adopted, vectorSize)
  return table
}

/** Keeps the memory of a table another thread made and handed over (anything but a `SharedArrayBuffer`: none). */
export function adoptSharedTypes(memory: unknown): void {
  adopted = memory instanceof SharedArrayBuffer ? memory : null
  table = null
}
