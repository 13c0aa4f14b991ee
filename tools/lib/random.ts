// The one seeded generator of the research code: benches build their corpora with it, training shuffles its
// sentences with it and the fault kit writes its fuzz corpus with it, so every run on every machine sees the
// same data. Kept outside src/ because shipped code needs no randomness.

/** mulberry32: a small deterministic generator of numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
