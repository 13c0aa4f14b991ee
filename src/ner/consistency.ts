/**
 * Document-level consistency after decoding. Two repairs, both from names the model tagged elsewhere in the article:
 * - a capitalised occurrence of a name the model left out gets the label the model gave the same name (same
 *   lowercased words), when at least two of those mentions agree and none disagrees;
 * - an occurrence of a multi-word name the model tagged whole elsewhere, but here cut short or split into pieces
 *   ("Bank" + "Japan" where "Bank of Japan" is tagged), becomes that name, with its label.
 * - a mention labelled a person where at least two thirds of the name's mentions (two or more) are not, or the
 *   reverse, takes the majority label.
 * The left-to-right decoder only sees earlier labels (the history features); this pass also lets later mentions
 * speak. Otherwise a mention the model labelled over exactly its own words is not relabelled: CoNLL labels a name by
 * its use between ORG, LOC and MISC ("NEW YORK" the dateline is LOC, "NEW YORK" the team is ORG), and a majority vote
 * over every label lost 0.4 F1 on eng.testa (docs/ner.md); person against non-person is not a matter of use.
 */
import {forEachMention, NER_TYPES, TAG_O, tagId, tagPosition, wholeMentionType, writeMention} from './tags.ts'
import {warmUpOnce} from '../text/warm-up.ts'

const PER = NER_TYPES.indexOf('PER')

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

/** Mentions that must agree on a multi-word name's label before its cut or split occurrences are made whole. */
export const MIN_WHOLE_VOTES = 1

// one distinct name of the document: where one mention of it is (to compare words), its length, its votes (in half
// votes: a headline mention counts half, case says nothing there), and, once counted, its label and what it may repair
interface Name {
  start: number
  length: number
  votes: number[]
  label: number
  /** its untagged occurrences may be tagged */
  fills: boolean
  /** its cut or split occurrences may be made whole */
  wholes: boolean
  /** its mentions labelled a person against the majority, or the reverse, take the majority label */
  relabels: boolean
}

function sameWords(lowerIds: ArrayLike<number>, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (lowerIds[a + k] !== lowerIds[b + k]) return false
  return true
}

/**
 * Rewrites `tags` (BILOU ids, one document) in place: an untagged occurrence of a name tagged at least
 * {@link MIN_VOTES} times with one label, capitalised, outside headlines and not part of a longer capitalised run,
 * gets that label; then an occurrence of a multi-word name tagged whole at least {@link MIN_WHOLE_VOTES} times with
 * one label, where the model tagged only pieces of it (and nothing that reaches outside it), becomes that name.
 * Returns how many tokens changed.
 */
export function harmoniseDocument(input: ConsistencyInput, tags: Uint8Array, minWholeVotes = MIN_WHOLE_VOTES): number {
  const {lowerIds, position} = input
  // names by first word; a document has few, so a short list per first word is searched linearly
  const byFirst = new Map<number, Name[]>()
  let mentions = 0
  forEachMention(tags, (start, end, type) => {
    const n = end - start
    let names = byFirst.get(lowerIds[start])
    if (!names) byFirst.set(lowerIds[start], (names = []))
    let name = names.find((x) => x.length === n && sameWords(lowerIds, x.start, start, n))
    // every field set here, so all names share one hidden class (a field added later to a few made the repairs' compiled
    // code meet a second one and be thrown away)
    if (!name) names.push((name = {start, length: n, votes: [0, 0, 0, 0], label: 0, fills: false, wholes: false, relabels: false}))
    name.votes[type] += position[start] === 2 ? 1 : 2
    mentions++
  })
  if (mentions === 0) return 0
  // a name counts when enough mentions agree and none disagrees: one stray label is not spread
  let fills = false
  let wholes = false
  let relabels = false
  for (const names of byFirst.values()) {
    for (const name of names) {
      let best = 0
      for (let t = 1; t < 4; t++) if (name.votes[t] > name.votes[best]) best = t
      let mixed = false
      for (let t = 0; t < 4; t++) if (t !== best && name.votes[t] > 0) mixed = true
      name.label = best
      name.fills = !mixed && name.votes[best] >= 2 * MIN_VOTES
      // not people: a person named whole with a title the model took in ("Mr. Ban") would spread the title
      name.wholes = !mixed && name.length > 1 && best !== PER && name.votes[best] >= 2 * minWholeVotes
      fills ||= name.fills
      wholes ||= name.wholes
      if (mixed) {
        let total = 0
        for (let t = 0; t < 4; t++) total += name.votes[t]
        name.relabels = name.votes[best] >= 2 * MIN_VOTES && name.votes[best] * 3 >= total * 2
        relabels ||= name.relabels
      }
    }
    // longest first, so "Bank of Japan" is tried before "Bank"
    if (names.length > 1) names.sort((a, b) => b.length - a.length)
  }
  let changed = 0
  if (fills) changed += fillRepeats(input, tags, byFirst)
  if (wholes) changed += mendPieces(input, tags, byFirst)
  if (relabels) changed += relabelPeople(input, tags, byFirst)
  return changed
}

// a mention labelled a person where two thirds of the same name's mentions are not, or the reverse, takes the majority label
function relabelPeople(input: ConsistencyInput, tags: Uint8Array, byFirst: Map<number, Name[]>): number {
  const {lowerIds} = input
  let changed = 0
  forEachMention(tags, (start, end, type) => {
    const n = end - start
    const name = byFirst.get(lowerIds[start])?.find((x) => x.length === n && sameWords(lowerIds, x.start, start, n))
    if (!name?.relabels) return
    if (type === name.label || (type === PER) === (name.label === PER)) return
    writeMention(tags, start, end, name.label)
    changed += n
  })
  return changed
}

// untagged occurrences of a name tagged consistently elsewhere take its label
function fillRepeats(input: ConsistencyInput, tags: Uint8Array, byFirst: Map<number, Name[]>): number {
  const {lowerIds, capitalised, position, sentenceEnds} = input
  const length = lowerIds.length
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
      if (!name.fills) continue
      const end = i + name.length
      if (end > sentenceEnd || !sameWords(lowerIds, name.start, i, name.length)) continue
      let free = true
      for (let j = i + 1; j < end && free; j++) free = tags[j] === TAG_O
      // the last word capitalised, and no capitalised word just before (other than a sentence's first) or after
      if (!free || !capitalised[end - 1]) continue
      if (i > sentenceStart && capitalised[i - 1] && position[i - 1] !== 0) continue
      if (end < sentenceEnd && capitalised[end]) continue
      writeMention(tags, i, end, name.label)
      changed += name.length
      i = end - 1
      break
    }
  }
  return changed
}

// occurrences of a multi-word name tagged whole elsewhere, where the model tagged only pieces inside it, are made whole
function mendPieces(input: ConsistencyInput, tags: Uint8Array, byFirst: Map<number, Name[]>): number {
  const {lowerIds, capitalised, position, sentenceEnds} = input
  const length = lowerIds.length
  let changed = 0
  let sentence = 0
  for (let i = 0; i < length; i++) {
    // a name made whole starts with a capital (a stray "the" tagged into one mention is not spread) outside headlines
    if (!capitalised[i] && position[i] !== 2) continue
    const names = byFirst.get(lowerIds[i])
    if (!names) continue
    // a mention that starts before i and is still open here (I or L) would be cut
    const at = tags[i] === TAG_O ? -1 : tagPosition(tags[i])
    if (at === 1 || at === 2) continue
    while (sentenceEnds[sentence] <= i) sentence++
    const sentenceEnd = sentenceEnds[sentence]
    for (const name of names) {
      if (!name.wholes) continue
      const end = i + name.length
      // the last word capitalised too ("Pirelli cables" tagged whole once is not spread)
      if (end > sentenceEnd || !capitalised[end - 1] || !sameWords(lowerIds, name.start, i, name.length)) continue
      if (wholeMentionType(tags, i, end) === name.label) {
        i = end - 1
        break
      }
      // the model tagged something here, and every mention it tagged ends inside the name (none reaches past it)
      let tagged = false
      for (let j = i; j < end; j++) tagged ||= tags[j] !== TAG_O
      const last = tags[end - 1] === TAG_O ? -1 : tagPosition(tags[end - 1])
      if (!tagged || last === 0 || last === 1) continue
      writeMention(tags, i, end, name.label)
      changed += name.length
      i = end - 1
      break
    }
  }
  return changed
}

// a document of one sentence in which "Acme Big Corp" (ids 1 2 4) is tagged ORG twice, left out a third time and cut
// to "Corp" a fourth, and "Lee" (id 3) is once a person and three times not: every repair runs
const WARM_ORG = [tagId(0, 1), tagId(1, 1), tagId(2, 1), TAG_O]
const WARM_TAGS = [...WARM_ORG, ...WARM_ORG, TAG_O, TAG_O, TAG_O, TAG_O, TAG_O, TAG_O, tagId(3, 1), TAG_O, tagId(3, PER), tagId(3, 1), tagId(3, 1), tagId(3, 1)]
const WARM_IDS = [1, 2, 4, 0, 1, 2, 4, 0, 1, 2, 4, 0, 1, 2, 4, 0, 3, 3, 3, 3]
/**
 * Runs {@link harmoniseDocument}'s repairs on a small made-up document (once per thread, from the tagger's
 * constructor): a thread meets its first document that needs a multi-word repair only after the pass was compiled,
 * which threw the compiled code away and had it compiled again. The arrays are of the kinds the tagger passes, and
 * nothing is kept, so no answer changes.
 */
export const warmConsistency: () => void = warmUpOnce(20, () => {
  const capitalised = Uint8Array.from(WARM_IDS, (id) => (id === 0 ? 0 : 1))
  const position = Uint8Array.from(WARM_IDS, (_, i) => (i === 0 ? 0 : 1))
  const input: ConsistencyInput = {lowerIds: Int32Array.from(WARM_IDS), capitalised, position, sentenceEnds: [WARM_IDS.length]}
  harmoniseDocument(input, Uint8Array.from(WARM_TAGS))
})

