/**
 * Rule J of docs/ner.md (nineteenth round): a one-word MISC mention directly followed by a one-word PERSON mention
 * becomes, with it, one PERSON mention when the MISC word is a Title-case given name ("Roman" + "Abramovich"). A
 * first name spelled like a nationality or religion adjective is tagged MISC by the CoNLL-trained model; the
 * given-name list (a data package, see given-name-list.ts) is what tells it from an adjective before a
 * surname. Nothing else is joined: a multi-word PERSON after a MISC word ("German Jan Ullrich") is CoNLL's
 * nationality before a full name, and LOC or ORG words are never first names here.
 */
import {NER_TYPES, tagId} from './tags.ts'

const PER = NER_TYPES.indexOf('PER')
const MISC = NER_TYPES.indexOf('MISC')
const MISC_U = tagId(3, MISC)
const PER_U = tagId(3, PER)
const PER_B = tagId(0, PER)
const PER_L = tagId(2, PER)

// one uppercase letter, then only lowercase letters (at least one): "Roman", not "ROMAN", "RoMan" or "Jean-Luc"
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u

/** Whether `word` is Title-case in rule J's sense: one uppercase letter, then only lowercase letters. */
export function isTitleCase(word: string): boolean {
  return TITLE_CASE.test(word)
}

/**
 * Applies rule J to one document's BILOU tag ids in place: each one-word MISC mention (U-MISC) whose next token,
 * in the same sentence, is a one-word PERSON mention (U-PER) becomes B-PER + L-PER when the MISC word is Title-case
 * and `isGivenName` holds for it lowercased. `wordAt(i)` is token i's text; `sentenceEnds` holds the exclusive end
 * index of each sentence. `isGivenName` is called only for such candidates, so a list behind it can load lazily.
 * Returns the number of joins made.
 */
export function joinGivenNames(
  wordAt: (i: number) => string,
  tags: Uint8Array,
  sentenceEnds: readonly number[],
  isGivenName: (lowerWord: string) => boolean,
): number {
  let joins = 0
  let sentence = 0
  // the last token can start no pair
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tags[i] !== MISC_U || tags[i + 1] !== PER_U) continue
    while (sentence < sentenceEnds.length && sentenceEnds[sentence] <= i) sentence++
    // the pair must not straddle a sentence end (tokens past the last listed end count as one more sentence)
    if (sentence < sentenceEnds.length && sentenceEnds[sentence] === i + 1) continue
    const word = wordAt(i)
    if (!isTitleCase(word) || !isGivenName(word.toLowerCase())) continue
    tags[i] = PER_B
    tags[i + 1] = PER_L
    joins++
    i++
  }
  return joins
}
