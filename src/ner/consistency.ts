/**
 * Document-level consistency after decoding: a capitalised occurrence of a name the model left out gets the label
 * the model gave the same name (same lowercased words) elsewhere in the article, when at least two of those mentions
 * agree and none disagrees. The left-to-right decoder only sees earlier labels (the history features); this pass
 * also lets later mentions speak. Mentions the model did label are not relabelled: CoNLL labels a name by its use
 * ("NEW YORK" the dateline is LOC, "NEW YORK" the team is ORG), and a majority vote over such names lost 0.4 F1 on
 * eng.testa (docs/ner.md).
 */
import {TAG_O, tagId, tagPosition, tagType} from './tags.ts'

/** What {@link harmoniseDocument} reads about each token. */
export interface ConsistencyInput {
  /** an id per distinct lowercased word, so "Apple" and "APPLE" are the same name */
  lowerIds: ArrayLike<number>
  /** 1 for a capitalised word */
  capitalised: ArrayLike<number>
  /** 0 first in its sentence, 1 later, 2 in an all-caps headline */
  position: ArrayLike<number>
  /** exclusive end index of each sentence */
  sentenceEnds: readonly number[]
}

/** Mentions that must agree on a name's label before its untagged occurrences are tagged. */
export const MIN_VOTES = 2

// one distinct name of the document: where one mention of it is (to compare words), its length, and its votes
// (in half votes: a headline mention counts half, case says nothing there)
interface Name {
  start: number
  length: number
  votes: number[]
}

function sameWords(lowerIds: ArrayLike<number>, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (lowerIds[a + k] !== lowerIds[b + k]) return false
  return true
}

function write(tags: Uint8Array, start: number, end: number, type: number): void {
  if (end - start === 1) {
    tags[start] = tagId(3, type)
    return
  }
  tags[start] = tagId(0, type)
  for (let i = start + 1; i < end - 1; i++) tags[i] = tagId(1, type)
  tags[end - 1] = tagId(2, type)
}

/**
 * Rewrites `tags` (BILOU ids, one document) in place: an untagged occurrence of a name tagged at least
 * {@link MIN_VOTES} times with one label, capitalised, outside headlines and not part of a longer capitalised run,
 * gets that label. Returns how many tokens changed.
 */
export function harmoniseDocument(input: ConsistencyInput, tags: Uint8Array): number {
  const {lowerIds, capitalised, position, sentenceEnds} = input
  const length = lowerIds.length
  // names by first word; a document has few, so a short list per first word is searched linearly
  const byFirst = new Map<number, Name[]>()
  let mentions = 0
  let open = -1
  for (let i = 0; i < length; i++) {
    const tag = tags[i]
    if (tag === TAG_O) continue
    const at = tagPosition(tag)
    if (at === 0) open = i
    if (at !== 2 && at !== 3) continue
    const start = at === 3 ? i : open
    if (start < 0) continue
    const n = i + 1 - start
    let names = byFirst.get(lowerIds[start])
    if (!names) byFirst.set(lowerIds[start], (names = []))
    let name = names.find((x) => x.length === n && sameWords(lowerIds, x.start, start, n))
    if (!name) names.push((name = {start, length: n, votes: [0, 0, 0, 0]}))
    name.votes[tagType(tag)] += position[start] === 2 ? 1 : 2
    mentions++
    open = -1
  }
  if (mentions < MIN_VOTES) return 0
  // a name counts when at least MIN_VOTES mentions agree and none disagrees: one stray label is not spread
  let any = false
  for (const names of byFirst.values()) {
    for (const name of names) {
      let best = 0
      for (let t = 1; t < 4; t++) if (name.votes[t] > name.votes[best]) best = t
      let mixed = false
      for (let t = 0; t < 4; t++) if (t !== best && name.votes[t] > 0) mixed = true
      name.length = mixed || name.votes[best] < 2 * MIN_VOTES ? -name.length : name.length
      name.votes[0] = best
      any ||= name.length > 0
    }
    // longest first, so "Bank of Japan" is tried before "Bank"
    names.sort((a, b) => Math.abs(b.length) - Math.abs(a.length))
  }
  if (!any) return 0
  let changed = 0
  let sentence = 0
  for (let i = 0; i < length; i++) {
    if (tags[i] !== TAG_O || !capitalised[i] || position[i] === 2) continue
    const names = byFirst.get(lowerIds[i])
    if (!names) continue
    while (sentenceEnds[sentence] <= i) sentence++
    const sentenceStart = sentence === 0 ? 0 : sentenceEnds[sentence - 1]
    const sentenceEnd = sentenceEnds[sentence]
    for (const name of names) {
      // a name that does not count (split votes, or too few) is skipped; a shorter one may still match
      if (name.length < 0) continue
      const end = i + name.length
      if (end > sentenceEnd || !sameWords(lowerIds, name.start, i, name.length)) continue
      let free = true
      for (let j = i + 1; j < end && free; j++) free = tags[j] === TAG_O
      // the last word capitalised, and no capitalised word just before (other than a sentence's first) or after
      if (!free || !capitalised[end - 1]) continue
      if (i > sentenceStart && capitalised[i - 1] && position[i - 1] !== 0) continue
      if (end < sentenceEnd && capitalised[end]) continue
      write(tags, i, end, name.votes[0])
      changed += name.length
      i = end - 1
      break
    }
  }
  return changed
}
