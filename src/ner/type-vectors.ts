/**
 * Word-type vectors computed at build time: `npm run build` has the built tagger sum the vectors (and role bytes) of
 * the shipped model's known surface forms (its `W=` features) and writes them to dist/type-vectors.bin as the memory
 * of a {@link SharedTypeTable}, keyed to the model file's bytes, to the sources the build compiled and to the Node.js
 * version. A thread of a run from that build that has made enough types itself reads the file once and reads it in
 * place, so its tagger copies those types instead of summing them again (docs/scale.md, "Type vectors from the
 * build"); the threads of one pool read it once, into memory the pool handed them, and all view that one copy
 * (docs/scale.md, "One copy of the type vectors"). A file whose key does not match is ignored, never used: the run then sums every type, as without the file.
 */
import {createHash} from 'node:crypto'
import {closeSync, fstatSync, openSync, readFileSync, readSync} from 'node:fs'
import {MODEL_URL} from './model-file.ts'
import {SharedTypeTable, sharedTypeMemoryBytes} from './shared-types.ts'

declare const __LEDE_SOURCE_KEY__: string | undefined

/** Where the build writes the vectors (beside the bundles it made). */
export const TYPE_VECTORS_URL = new URL('../../dist/type-vectors.bin', import.meta.url)

const MAGIC = 'LEDETYP1'
// magic, header length (uint32 LE); the header JSON follows, padded to a multiple of 8 bytes, then the table's memory
const PREFIX = 12

/** What a vector file must have been made from to be used. */
export interface TypeVectorKey {
  /** sha256 (hex) of the model file's bytes */
  model: string
  /** the build's key of the sources it compiled (scripts/build.mjs) */
  code: string
  /** the Node.js version (its Unicode tables decide lowercasing and letter classes, so features) */
  node: string
  /** floats per vector */
  vectorSize: number
}

/** A table's memory and the number of entries it was laid out for, as written to a file and read back. */
export interface BuiltTypes {
  memory: SharedArrayBuffer
  capacity: number
}

/**
 * The entries of `table` written again, in word order, into the memory of a table of exactly that many entries: the
 * same contents whatever order they were published in.
 */
export function compactTypeTable(table: SharedTypeTable): BuiltTypes {
  const entries: {word: string; caps: boolean; vector: Float32Array; role: number}[] = []
  table.forEach((word, caps, vector, role) => entries.push({word, caps, vector, role}))
  entries.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : Number(a.caps) - Number(b.caps)))
  const capacity = Math.max(1, entries.length)
  const memory = new SharedArrayBuffer(sharedTypeMemoryBytes(capacity, table.vectorSize))
  const compact = new SharedTypeTable(memory, table.vectorSize, capacity)
  for (const entry of entries) if (!compact.write(entry.word, entry.caps, entry.vector, 0, entry.role)) throw new Error(`type vectors: no room for "${entry.word}"`)
  return {memory, capacity}
}

/** The file for a built table made under `key`. */
export function encodeTypeVectors({memory, capacity}: BuiltTypes, key: TypeVectorKey): Uint8Array {
  const header = Buffer.from(JSON.stringify({...key, capacity, bytes: memory.byteLength}))
  const start = PREFIX + Math.ceil(header.length / 8) * 8
  const out = new Uint8Array(start + memory.byteLength)
  out.set(Buffer.from(MAGIC, 'latin1'), 0)
  new DataView(out.buffer).setUint32(8, header.length, true)
  out.set(header, PREFIX)
  out.set(new Uint8Array(memory), start)
  return out
}

/**
 * Reads a vector file made under `key` into shared memory (the table's, as written: new memory, or the start of `into`,
 * which must be zeroed), or says why it is not used: made under another key (another model, other sources, another
 * Node.js, another vector size), or not a whole file.
 */
export function readTypeVectors(path: string | URL, key: TypeVectorKey, into?: SharedArrayBuffer): BuiltTypes | string {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return 'no file'
  }
  try {
    const size = fstatSync(fd).size
    const prefix = Buffer.alloc(PREFIX)
    if (readSync(fd, prefix, 0, PREFIX, 0) !== PREFIX || prefix.toString('latin1', 0, 8) !== MAGIC) return 'not a type-vector file'
    const headerLength = prefix.readUInt32LE(8)
    if (headerLength > 4096 || PREFIX + headerLength > size) return 'a damaged header'
    const headerBytes = Buffer.alloc(headerLength)
    readSync(fd, headerBytes, 0, headerLength, PREFIX)
    let header: Partial<Record<keyof TypeVectorKey | 'bytes' | 'capacity', unknown>>
    try {
      header = JSON.parse(headerBytes.toString('utf8'))
    } catch {
      return 'a damaged header'
    }
    if (header.model !== key.model) return 'made from another model file'
    if (header.code !== key.code) return 'made by another build of the sources'
    if (header.node !== key.node) return `made under Node.js ${String(header.node)}, not ${key.node}`
    if (header.vectorSize !== key.vectorSize) return `vectors of ${String(header.vectorSize)} floats, not ${key.vectorSize}`
    const start = PREFIX + Math.ceil(headerLength / 8) * 8
    const capacity = header.capacity
    if (!Number.isInteger(capacity) || (capacity as number) < 1) return 'a damaged header'
    if (header.bytes !== size - start || size - start !== sharedTypeMemoryBytes(capacity as number, key.vectorSize)) return 'cut short or too long'
    if (into !== undefined && into.byteLength < size - start) return 'larger than the memory handed for it'
    const memory = into ?? new SharedArrayBuffer(size - start)
    const view = new Uint8Array(memory, 0, size - start)
    for (let at = 0; at < view.length; ) {
      const read = readSync(fd, view, at, view.length - at, start + at)
      if (read === 0) return 'cut short'
      at += read
    }
    return {memory, capacity: capacity as number}
  } finally {
    closeSync(fd)
  }
}

/** sha256 (hex) of a file's bytes. */
export function fileDigest(path: string | URL): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** The key this build's vectors must carry for the shipped model, or null when this code is not a build (sources through tsx). */
export function shippedTypeVectorKey(vectorSize: number): TypeVectorKey | null {
  if (typeof __LEDE_SOURCE_KEY__ === 'undefined') return null
  return {model: fileDigest(MODEL_URL), code: __LEDE_SOURCE_KEY__, node: process.version, vectorSize}
}

// state of the memory a pool hands its threads (Int32 slots): who has read the file, and the table's capacity
const S_STATE = 0
const S_CAPACITY = 1
const S_VECTOR_SIZE = 2
// nobody has asked yet, a thread is reading the file, read and usable, not usable (no file, another key, too large)
const UNREAD = 0
const READING = 1
const READY = 2
const REFUSED = 3
// how long a thread waits for another that is reading the file (it takes ~0.1 s) before it goes on without it
const READ_WAIT_MS = 30_000

/** Memory a thread pool hands its threads so that the build's vectors are read once for all of them (see {@link builtTypeTable}). */
export interface BuiltTypeMemory {
  state: SharedArrayBuffer
  memory: SharedArrayBuffer
}

/**
 * Memory for the build's vectors shared by the threads a thread starts: nothing is read here (a short run never reads
 * the file); the first thread that asks for the table reads it into `memory`, the others view it. Only the pages
 * written become resident (the shipped model's file fills 13.6 MB of the 32 MiB).
 */
export function createBuiltTypeMemory(bytes = 32 << 20): BuiltTypeMemory {
  return {state: new SharedArrayBuffer(16), memory: new SharedArrayBuffer(bytes)}
}

let handed: BuiltTypeMemory | null = null
let table: SharedTypeTable | null | undefined

/** Keeps the memory for the build's vectors another thread made and handed over (anything else: none; each thread then reads its own). */
export function adoptBuiltTypes(memory: unknown): void {
  const m = memory as Partial<BuiltTypeMemory> | null | undefined
  handed = m != null && m.state instanceof SharedArrayBuffer && m.state.byteLength >= 16 && m.memory instanceof SharedArrayBuffer ? (m as BuiltTypeMemory) : null
  table = undefined
}

/**
 * The table in memory a pool handed its threads ({@link createBuiltTypeMemory}): the first thread to ask reads it with
 * `read` (into the memory given), the others wait for that (a few tenths of a second at most) and view the same
 * memory, never calling `read`; null when the reader gave none, failed, or took over {@link READ_WAIT_MS}. The
 * others do not check the key again: every thread of a process loads the same model file with the same bundles
 * under the same Node.js.
 */
export function sharedBuiltTable(memory: BuiltTypeMemory, vectorSize: number, read: (into: SharedArrayBuffer) => BuiltTypes | string): SharedTypeTable | null {
  const state = new Int32Array(memory.state)
  if (Atomics.compareExchange(state, S_STATE, UNREAD, READING) === UNREAD) {
    let outcome = REFUSED
    try {
      const got = read(memory.memory)
      if (typeof got !== 'string') {
        Atomics.store(state, S_CAPACITY, got.capacity)
        Atomics.store(state, S_VECTOR_SIZE, vectorSize)
        outcome = READY
      }
    } finally {
      Atomics.store(state, S_STATE, outcome)
      Atomics.notify(state, S_STATE)
    }
  } else {
    Atomics.wait(state, S_STATE, READING, READ_WAIT_MS)
  }
  if (Atomics.load(state, S_STATE) !== READY || Atomics.load(state, S_VECTOR_SIZE) !== vectorSize) return null
  return new SharedTypeTable(memory.memory, vectorSize, Atomics.load(state, S_CAPACITY))
}

/**
 * The table of the build's vectors for the shipped model, read and checked on first call, or null: not a build
 * (sources through tsx), no file, or a file made under another key. In a thread of a pool that handed it memory
 * ({@link adoptBuiltTypes}) one thread reads the file for all and every thread views that one copy; elsewhere
 * each thread reads its own.
 */
export function builtTypeTable(vectorSize: number): SharedTypeTable | null {
  if (table === undefined) {
    table = null
    if (handed !== null) {
      table = sharedBuiltTable(handed, vectorSize, (into) => {
        const key = shippedTypeVectorKey(vectorSize)
        return key === null ? 'not a build' : readTypeVectors(TYPE_VECTORS_URL, key, into)
      })
    } else {
      const key = shippedTypeVectorKey(vectorSize)
      const read = key === null ? 'not a build' : readTypeVectors(TYPE_VECTORS_URL, key)
      if (typeof read !== 'string') table = new SharedTypeTable(read.memory, vectorSize, read.capacity)
    }
  }
  return table !== null && table.vectorSize === vectorSize ? table : null
}
