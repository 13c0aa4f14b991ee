// The tagger's beam decoder (NerTagger.beamSearch in src/ner/tagger.ts) in AssemblyScript, compiled to WebAssembly by
// `npm run build:wasm` into src/ner/beam-wasm-bytes.ts (not part of tsc's or the bundle's sources). No runtime, no
// allocation: JavaScript lays out linear memory (src/ner/wasm-decoder.ts) and passes the addresses in. Tag scores are
// float32 sums in the JavaScript decoder's order and the beam's sums float64 in its order, with its comparisons and
// tie rules, so the tags are bit for bit the same; any change to one decoder must be made to the other.

let K: i32 = 0
let K1: i32 = 0
let CASES: i32 = 0
let transitions: usize = 0 // f32[(K+1)(K+1)CASES K]
let startMax: usize = 0 // f64[(K+1)(K+1)CASES]
let followers: usize = 0 // u8[(K+1) K1]: count, then tags
let lastFollowers: usize = 0
let followerMasks: usize = 0 // i32[K+1]
let lastFollowerMasks: usize = 0
let opens: usize = 0 // u8[K+1]
let weights: usize = 0 // f32 token-feature rows
let base: usize = 0 // f32[K]
let hypA: usize = 0 // f64[64] scores, then i32[64] states
let hypB: usize = 0
let tokens: usize = 0 // i32[8] per token: five vector offsets (floats), case class, forced, feature count
let feats: usize = 0 // i32 feature row offsets (floats), token after token
let backPointers: usize = 0 // i32[length * beam]
let backTags: usize = 0 // u8[length * beam]
let vectors: usize = 0 // f32 word-type vectors

export function heapBase(): usize {
  return __heap_base
}

export function setTables(k: i32, cases: i32, transitionsAt: usize, startMaxAt: usize, followersAt: usize, lastFollowersAt: usize, followerMasksAt: usize, lastFollowerMasksAt: usize, opensAt: usize, weightsAt: usize): void {
  K = k
  K1 = k + 1
  CASES = cases
  transitions = transitionsAt
  startMax = startMaxAt
  followers = followersAt
  lastFollowers = lastFollowersAt
  followerMasks = followerMasksAt
  lastFollowerMasks = lastFollowerMasksAt
  opens = opensAt
  weights = weightsAt
}

export function setScratch(baseAt: usize, hypAAt: usize, hypBAt: usize, tokensAt: usize, featsAt: usize, backPointersAt: usize, backTagsAt: usize, vectorsAt: usize): void {
  base = baseAt
  hypA = hypAAt
  hypB = hypBAt
  tokens = tokensAt
  feats = featsAt
  backPointers = backPointersAt
  backTags = backTagsAt
  vectors = vectorsAt
}

// NerTagger.tokenScores for all K tags (K <= 20) at base[tag], four tags per f32x4: each lane's addition is the same
// binary32 addition in the same order (the five vectors -2..+2, then the feature rows), so every tag's score is the
// JavaScript sum bit for bit; the lanes past K (reading into the next row) fill base[K, 20), never read
@inline
function tokenScoresAll(rec: usize, fp: usize): void {
  const v0 = vectors + ((<usize>load<i32>(rec)) << 2)
  const v1 = vectors + ((<usize>load<i32>(rec, 4)) << 2)
  const v2 = vectors + ((<usize>load<i32>(rec, 8)) << 2)
  const v3 = vectors + ((<usize>load<i32>(rec, 12)) << 2)
  const v4 = vectors + ((<usize>load<i32>(rec, 16)) << 2)
  const fend = fp + ((<usize>load<i32>(rec, 28)) << 2)
  let a0 = f32x4.add(v128.load(v0), v128.load(v1))
  let a1 = f32x4.add(v128.load(v0, 16), v128.load(v1, 16))
  let a2 = f32x4.add(v128.load(v0, 32), v128.load(v1, 32))
  let a3 = f32x4.add(v128.load(v0, 48), v128.load(v1, 48))
  let a4 = f32x4.add(v128.load(v0, 64), v128.load(v1, 64))
  a0 = f32x4.add(a0, v128.load(v2))
  a1 = f32x4.add(a1, v128.load(v2, 16))
  a2 = f32x4.add(a2, v128.load(v2, 32))
  a3 = f32x4.add(a3, v128.load(v2, 48))
  a4 = f32x4.add(a4, v128.load(v2, 64))
  a0 = f32x4.add(a0, v128.load(v3))
  a1 = f32x4.add(a1, v128.load(v3, 16))
  a2 = f32x4.add(a2, v128.load(v3, 32))
  a3 = f32x4.add(a3, v128.load(v3, 48))
  a4 = f32x4.add(a4, v128.load(v3, 64))
  a0 = f32x4.add(a0, v128.load(v4))
  a1 = f32x4.add(a1, v128.load(v4, 16))
  a2 = f32x4.add(a2, v128.load(v4, 32))
  a3 = f32x4.add(a3, v128.load(v4, 48))
  a4 = f32x4.add(a4, v128.load(v4, 64))
  for (let f = fp; f < fend; f += 4) {
    const row = weights + ((<usize>load<i32>(f)) << 2)
    a0 = f32x4.add(a0, v128.load(row))
    a1 = f32x4.add(a1, v128.load(row, 16))
    a2 = f32x4.add(a2, v128.load(row, 32))
    a3 = f32x4.add(a3, v128.load(row, 48))
    a4 = f32x4.add(a4, v128.load(row, 64))
  }
  v128.store(base, a0)
  v128.store(base, a1, 16)
  v128.store(base, a2, 32)
  v128.store(base, a3, 48)
  v128.store(base, a4, 64)
  if (load<i32>(rec, 24) !== 0) store<f32>(base, -1e6)
}

/** Decodes one sentence of `length` tokens (laid out at `tokens` and `feats`) with a beam of `B`; tags to out[0, length). */
export function decode(length: i32, B: i32, out: usize): void {
  let count = 1
  let hypScore = hypA
  let hypState = hypA + 512
  let nextScore = hypB
  let nextState = hypB + 512
  store<f64>(hypScore, 0)
  store<i32>(hypState, K | (K << 8))
  let fp = feats
  const stride = <usize>(K * CASES)
  for (let t = 0; t < length; t++) {
    const rec = tokens + ((<usize>t) << 5)
    const cls = load<i32>(rec, 20)
    const last = t === length - 1
    const fol = last ? lastFollowers : followers
    const masks = last ? lastFollowerMasks : followerMasks
    let needed = 0
    for (let h = 0; h < count; h++) needed |= load<i32>(masks + ((<usize>(load<i32>(hypState + ((<usize>h) << 2)) & 255)) << 2))
    tokenScoresAll(rec, fp)
    fp += (<usize>load<i32>(rec, 28)) << 2
    const back = t * B
    let kept = 0
    let threshold = -Infinity
    let floor = -Infinity
    if (count >= B) {
      floor = Infinity
      for (let h = 0; h < B; h++) {
        const state = load<i32>(hypState + ((<usize>h) << 2))
        const prev = state & 255
        const k = <i32>load<u8>(fol + <usize>(prev * K1 + 1))
        const score = load<f64>(hypScore + ((<usize>h) << 3)) + <f64>load<f32>(base + ((<usize>k) << 2)) + <f64>load<f32>(transitions + ((<usize>((((state >> 8) * K1 + prev) * CASES + cls) * K + k)) << 2))
        if (score < floor) floor = score
      }
    }
    let startBase = -Infinity
    for (let m = needed & ENTITY_START_MASK; m !== 0; m &= m - 1) {
      const score = <f64>load<f32>(base + ((<usize>ctz(m)) << 2))
      if (score > startBase) startBase = score
    }
    for (let h = 0; h < count; h++) {
      const state = load<i32>(hypState + ((<usize>h) << 2))
      const prev = state & 255
      const prev2 = state >> 8
      const rowIndex = (prev2 * K1 + prev) * CASES + cls
      const row = transitions + ((<usize>(rowIndex * K)) << 2)
      const score0 = load<f64>(hypScore + ((<usize>h) << 3))
      const tail = (prev << 8) | (h << 16)
      const first = prev * K1 + 1
      let all = load<u8>(opens + prev) === 0
      if (!all) {
        const bound = score0 + startBase + load<f64>(startMax + ((<usize>rowIndex) << 3))
        all = bound >= floor && bound > threshold
      }
      const stop = all ? first + <i32>load<u8>(fol + <usize>(prev * K1)) : first + 1
      for (let x = first; x < stop; x++) {
        const k = <i32>load<u8>(fol + <usize>x)
        const score = score0 + <f64>load<f32>(base + ((<usize>k) << 2)) + <f64>load<f32>(row + ((<usize>k) << 2))
        if (score < floor || score <= threshold) continue
        let slot = kept < B ? kept++ : B - 1
        while (slot > 0 && load<f64>(nextScore + ((<usize>(slot - 1)) << 3)) < score) {
          store<f64>(nextScore + ((<usize>slot) << 3), load<f64>(nextScore + ((<usize>(slot - 1)) << 3)))
          store<i32>(nextState + ((<usize>slot) << 2), load<i32>(nextState + ((<usize>(slot - 1)) << 2)))
          slot--
        }
        store<f64>(nextScore + ((<usize>slot) << 3), score)
        store<i32>(nextState + ((<usize>slot) << 2), k | tail)
        if (kept === B) threshold = load<f64>(nextScore + ((<usize>(B - 1)) << 3))
      }
    }
    for (let h = 0; h < kept; h++) {
      const state = load<i32>(nextState + ((<usize>h) << 2))
      store<u8>(backTags + <usize>(back + h), <u8>(state & 255))
      store<i32>(backPointers + ((<usize>(back + h)) << 2), state >> 16)
      store<i32>(nextState + ((<usize>h) << 2), state & 0xffff)
    }
    const scoreSwap = hypScore
    hypScore = nextScore
    nextScore = scoreSwap
    const stateSwap = hypState
    hypState = nextState
    nextState = stateSwap
    count = kept
  }
  let h = 0
  for (let t = length - 1; t >= 0; t--) {
    const at = <usize>(t * B + h)
    store<u8>(out + <usize>t, load<u8>(backTags + at))
    h = load<i32>(backPointers + (at << 2))
  }
}

let ENTITY_START_MASK: i32 = 0

export function setEntityStartMask(mask: i32): void {
  ENTITY_START_MASK = mask
}
