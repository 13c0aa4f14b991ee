/**
 * Two-stage prediction aggregation (Ratinov & Roth 2009; docs/ner.md, twenty-seventh round): what a first decoding of
 * the document said about the same word elsewhere, before and after a token, as feature bits for a second decoding.
 */
import {forEachMention, tagType} from './tags.ts'

/** The bits of one token: 0..4 some other occurrence labelled O/PER/ORG/LOC/MISC, 5..9 their strict majority, 10..13 the longest other multi-word mention holding the word (its type), 14..16 the word's place there (first, inner, last). */
export const STAGE_TWO_BITS = 17

const LABELS = 5
const LONGEST_TYPE = 10
const PLACE = 14

/** What the stage-two features read of an encoded document. */
export interface StageTwoDocument {
  length: number
  sentenceEnds: readonly number[]
  lowerIds: Int32Array
  capitalised: Uint8Array
}

/** Reusable per-document arrays, grown on demand (a tagger aggregates one document at a time). */
export class StageTwoScratch {
  slotOf = new Map<number, number>()
  tokenSlot = new Int32Array(0)
  counts = new Int32Array(0)
  best = new Int32Array(0)
  second = new Int32Array(0)
  mentionOf = new Int32Array(0)
  mentionStart: number[] = []
  mentionEnd: number[] = []
  mentionType: number[] = []
}

/**
 * Fills `bits[0, doc.length)` with each capitalised token's stage-two bits from the first pass's BILOU `tags`, and
 * `redecode[s]` with 1 for each sentence s where a capitalised token disagrees with the rest of the document (another
 * occurrence of its word labelled otherwise, or a longer or differently typed mention elsewhere holding its word);
 * returns how many sentences are so marked.
 */
export function findStageTwoBits(doc: StageTwoDocument, tags: Uint8Array, bits: Uint32Array, redecode: Uint8Array, scratch = new StageTwoScratch()): number {
  const n = doc.length
  const {lowerIds, capitalised} = doc
  if (scratch.tokenSlot.length < n) {
    scratch.tokenSlot = new Int32Array(n * 2)
    scratch.mentionOf = new Int32Array(n * 2)
  }
  const slotOf = scratch.slotOf
  slotOf.clear()
  const tokenSlot = scratch.tokenSlot
  for (let i = 0; i < n; i++) {
    if (!capitalised[i]) {
      tokenSlot[i] = -1
      continue
    }
    let slot = slotOf.get(lowerIds[i])
    if (slot === undefined) slotOf.set(lowerIds[i], (slot = slotOf.size))
    tokenSlot[i] = slot
  }
  const slots = slotOf.size
  if (scratch.counts.length < slots * (LABELS + 1)) {
    scratch.counts = new Int32Array(slots * (LABELS + 1) * 2)
    scratch.best = new Int32Array(slots * 2)
    scratch.second = new Int32Array(slots * 2)
  }
  const counts = scratch.counts
  counts.fill(0, 0, slots * (LABELS + 1))
  const best = scratch.best
  const second = scratch.second
  best.fill(-1, 0, slots)
  second.fill(-1, 0, slots)
  // the mentions of the first pass, from its BILOU tags
  const mentionOf = scratch.mentionOf
  const starts = scratch.mentionStart
  const ends = scratch.mentionEnd
  const types = scratch.mentionType
  starts.length = ends.length = types.length = 0
  mentionOf.fill(-1, 0, n)
  forEachMention(tags, (start, end, type) => {
    for (let i = start; i < end; i++) mentionOf[i] = types.length
    starts.push(start)
    ends.push(end)
    types.push(type)
  }, 0, n)
  for (let i = 0; i < n; i++) {
    const slot = tokenSlot[i]
    if (slot >= 0) {
      counts[slot * (LABELS + 1) + tagType(tags[i]) + 1]++
      counts[slot * (LABELS + 1) + LABELS]++
    }
  }
  // per word, the longest mention of two or more tokens holding it, and the longest other one (the first on a tie)
  for (let m = 0; m < types.length; m++) {
    const length = ends[m] - starts[m]
    if (length < 2) continue
    for (let j = starts[m]; j < ends[m]; j++) {
      const slot = tokenSlot[j]
      if (slot < 0 || best[slot] === m || second[slot] === m) continue
      const b = best[slot]
      if (b < 0 || length > ends[b] - starts[b]) {
        second[slot] = b
        best[slot] = m
      } else if (second[slot] < 0 || length > ends[second[slot]] - starts[second[slot]]) second[slot] = m
    }
  }
  let marked = 0
  let start = 0
  for (let s = 0; s < doc.sentenceEnds.length; s++) {
    const end = doc.sentenceEnds[s]
    let disagrees = false
    for (let i = start; i < end; i++) {
      bits[i] = 0
      const slot = tokenSlot[i]
      if (slot < 0) continue
      const at = slot * (LABELS + 1)
      const others = counts[at + LABELS] - 1
      if (others === 0) continue
      const own = tagType(tags[i]) + 1
      let value = 0
      for (let label = 0; label < LABELS; label++) {
        const count = counts[at + label] - (label === own ? 1 : 0)
        if (count === 0) continue
        value |= 1 << label
        if (label !== own) disagrees = true
        if (2 * count > others) value |= 1 << (LABELS + label)
      }
      let m = best[slot]
      if (m >= 0 && m === mentionOf[i]) m = second[slot]
      if (m >= 0) {
        value |= 1 << (LONGEST_TYPE + types[m])
        let j = starts[m]
        while (tokenSlot[j] !== slot) j++
        value |= 1 << (PLACE + (j === starts[m] ? 0 : j === ends[m] - 1 ? 2 : 1))
        const mine = mentionOf[i]
        if (mine < 0 || types[mine] !== types[m] || ends[mine] - starts[mine] < ends[m] - starts[m]) disagrees = true
      }
      bits[i] = value
    }
    redecode[s] = disagrees ? 1 : 0
    if (disagrees) marked++
    start = end
  }
  return marked
}
