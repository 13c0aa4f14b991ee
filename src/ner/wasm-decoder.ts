/**
 * The beam decoder in WebAssembly (see wasm/beam.ts, compiled into beam-wasm-bytes.ts): the model's decoding tables
 * live in the module's linear memory, copied once per tagger, and the tagger's word-type vectors are kept there (its
 * type cache writes them into this memory, see {@link WasmDecoder.typeVectors}). JavaScript writes a sentence's per-token inputs (vector offsets, case class, forced flag, context feature
 * rows) and the module sums and searches in the same float32/float64 order as NerTagger's JavaScript decoder.
 */
import {BEAM_WASM_BASE64} from './beam-wasm-bytes.ts'

/** Int32 fields per token in the sentence input: five vector offsets, case class, forced flag, feature count. */
export const TOKEN_FIELDS = 8
// a sentence longer than this, or with more context feature rows, is decoded by the JavaScript decoder
const TOKEN_CAPACITY = 4096
const FEATURE_CAPACITY = TOKEN_CAPACITY * 64
const MAX_BEAM = 64
// a WebAssembly memory page, in bytes
const PAGE = 2 ** 16

interface BeamExports {
  memory: WebAssembly.Memory
  heapBase(): number
  setTables(k: number, cases: number, transitions: number, startMax: number, followers: number, lastFollowers: number, followerMasks: number, lastFollowerMasks: number, opens: number, weights: number): void
  setScratch(base: number, hypA: number, hypB: number, tokens: number, feats: number, backPointers: number, backTags: number, vectors: number): void
  setEntityStartMask(mask: number): void
  decode(length: number, beam: number, out: number): void
}

/** The tables a {@link WasmDecoder} copies into its memory (NerTagger's, see there). */
export interface DecoderTables {
  tagCount: number
  caseCount: number
  transitions: Float32Array
  startTransitionMax: Float64Array
  followers: Uint8Array
  lastFollowers: Uint8Array
  followerMasks: Int32Array
  lastFollowerMasks: Int32Array
  opens: Uint8Array
  weights: Float32Array
  entityStartMask: number
}

let compiled: WebAssembly.Module | null | undefined

// the module, compiled once per thread; null where WebAssembly is missing or refuses it
function beamModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(BEAM_WASM_BASE64, 'base64'))
    } catch {
      compiled = null
    }
  }
  return compiled
}

// this thread's decoders' memories, for the memory trace (weakly: a tagger dropped takes its memory with it)
const memories = new Set<WeakRef<WebAssembly.Memory>>()

/** The bytes of linear memory this thread's live WebAssembly decoders hold (a memory grows, never shrinks). */
export function measureDecoderMemory(): number {
  let bytes = 0
  for (const ref of memories) {
    const memory = ref.deref()
    if (memory === undefined) memories.delete(ref)
    else bytes += memory.buffer.byteLength
  }
  return bytes
}

/** Whether this runtime can run the WebAssembly decoder. */
export function wasmDecoderAvailable(): boolean {
  return beamModule() !== null
}

/** One tagger's WebAssembly decoder: its own instance and memory. */
export class WasmDecoder {
  /** tokens a sentence may have to be decoded here */
  readonly tokenCapacity = TOKEN_CAPACITY
  /** context feature rows a sentence may have to be decoded here */
  readonly featureCapacity = FEATURE_CAPACITY
  private readonly exports: BeamExports
  private readonly tokensAt: number
  private readonly featsAt: number
  private readonly outAt: number
  private readonly vectorsAt: number
  private buffer: ArrayBuffer | null = null
  /** the sentence's per-token inputs, {@link TOKEN_FIELDS} per token (valid until the memory grows: see {@link prepare}) */
  tokens = new Int32Array(0)
  /** the sentence's context feature rows (float offsets into the weights), token after token */
  feats = new Int32Array(0)
  private out = new Uint8Array(0)

  constructor(tables: DecoderTables) {
    const module = beamModule()
    if (module === null) throw new Error('WasmDecoder: WebAssembly is not available')
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as BeamExports
    memories.add(new WeakRef(this.exports.memory))
    const K = tables.tagCount
    let at = align(this.exports.heapBase(), 64)
    const place = (bytes: number): number => {
      const start = at
      at = align(at + bytes, 64)
      return start
    }
    const transitions = place(tables.transitions.byteLength)
    const startMax = place(tables.startTransitionMax.byteLength)
    const followers = place(tables.followers.byteLength)
    const lastFollowers = place(tables.lastFollowers.byteLength)
    const followerMasks = place(tables.followerMasks.byteLength)
    const lastFollowerMasks = place(tables.lastFollowerMasks.byteLength)
    const opens = place(tables.opens.byteLength)
    const weights = place(tables.weights.byteLength)
    // the module writes 20 scores (five f32x4)
    const base = place(4 * Math.max(K, 20))
    const hypA = place(MAX_BEAM * 12)
    const hypB = place(MAX_BEAM * 12)
    this.tokensAt = place(4 * TOKEN_FIELDS * TOKEN_CAPACITY)
    this.featsAt = place(4 * FEATURE_CAPACITY)
    const backPointers = place(4 * TOKEN_CAPACITY * MAX_BEAM)
    const backTags = place(TOKEN_CAPACITY * MAX_BEAM)
    this.outAt = place(TOKEN_CAPACITY)
    this.vectorsAt = at
    this.ensure(at)
    const memory = this.exports.memory.buffer
    new Float32Array(memory, transitions, tables.transitions.length).set(tables.transitions)
    new Float64Array(memory, startMax, tables.startTransitionMax.length).set(tables.startTransitionMax)
    new Uint8Array(memory, followers, tables.followers.length).set(tables.followers)
    new Uint8Array(memory, lastFollowers, tables.lastFollowers.length).set(tables.lastFollowers)
    new Int32Array(memory, followerMasks, tables.followerMasks.length).set(tables.followerMasks)
    new Int32Array(memory, lastFollowerMasks, tables.lastFollowerMasks.length).set(tables.lastFollowerMasks)
    new Uint8Array(memory, opens, tables.opens.length).set(tables.opens)
    new Float32Array(memory, weights, tables.weights.length).set(tables.weights)
    this.exports.setTables(K, tables.caseCount, transitions, startMax, followers, lastFollowers, followerMasks, lastFollowerMasks, opens, weights)
    this.exports.setScratch(base, hypA, hypB, this.tokensAt, this.featsAt, backPointers, backTags, this.vectorsAt)
    this.exports.setEntityStartMask(tables.entityStartMask)
    this.views()
  }

  /**
   * The home of the tagger's word-type vectors: a view of at least `floats` floats at the end of linear memory, where
   * the module reads them. The tagger's type cache writes each vector there as the type is made, so there is one copy
   * (not a JavaScript array mirrored into this memory). Growing keeps the contents (a WebAssembly memory grows in
   * place), but the old view is then detached: the cache asks again for more room and uses the view returned.
   */
  typeVectors(floats: number): Float32Array {
    // the vectorised sums read 16 floats past a vector's 17th (the lanes beyond the tags are not used)
    this.ensure(this.vectorsAt + 4 * floats + 64)
    this.views()
    const buffer = this.exports.memory.buffer
    return new Float32Array(buffer, this.vectorsAt, Math.floor((buffer.byteLength - this.vectorsAt - 64) / 4))
  }

  /** Renews the sentence views after the memory grew (see {@link typeVectors}); call before writing a sentence's inputs. */
  prepare(): void {
    this.views()
  }

  /** Decodes the sentence whose inputs are in {@link tokens} and {@link feats}; its tags are out[0, length). */
  decode(length: number, beam: number): Uint8Array {
    this.exports.decode(length, beam, this.outAt)
    return this.out
  }

  private ensure(bytes: number): void {
    const memory = this.exports.memory
    if (bytes > memory.buffer.byteLength) {
      // grow by at least half again, so that a growing type cache asks for room a few times only
      const pages = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE
      memory.grow(Math.max(pages, Math.ceil(memory.buffer.byteLength / PAGE / 2)))
    }
  }

  private views(): void {
    const buffer = this.exports.memory.buffer
    if (buffer === this.buffer) return
    this.buffer = buffer
    this.tokens = new Int32Array(buffer, this.tokensAt, TOKEN_FIELDS * TOKEN_CAPACITY)
    this.feats = new Int32Array(buffer, this.featsAt, FEATURE_CAPACITY)
    this.out = new Uint8Array(buffer, this.outAt, TOKEN_CAPACITY)
  }
}

function align(at: number, to: number): number {
  return Math.ceil(at / to) * to
}
