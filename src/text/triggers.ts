/**
 * Trigger words found in one regex pass, for rule-based finders that only try their rules where a trigger starts
 * (the date and number finders): the entities stage scans a text once for the union of their triggers instead of
 * once per finder, and each finder reads the positions it cares about.
 */

/** Where triggers start and end in a text, with each trigger's word in lower case ('' for a digit), in text order. */
export interface Triggers {
  count: number
  starts: Int32Array
  ends: Int32Array
  words: string[]
}

// lower-case trigger words kept by a hash of their letters, so a match's word is read from the text without a slice
// and a lowercasing per match (a news text meets a trigger every ~40 characters, most of them "the"); open
// addressing, filled to half at most; a word longer than 12 units is not kept, so no kept string can be a view
// into a document's text
const SLOTS = 1024
const kept: Array<string | null> = new Array<string | null>(SLOTS).fill(null)
let keptCount = 0

// the ASCII letters text[start, end) in lower case, as one shared string per word
function lowerWord(text: string, start: number, end: number): string {
  let hash = 0
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + (text.charCodeAt(i) | 0x20)) | 0
  let slot = hash & (SLOTS - 1)
  for (let word = kept[slot]!; word !== null; word = kept[slot]!) {
    if (word.length === end - start && sameFolded(word, text, start)) return word
    slot = (slot + 1) & (SLOTS - 1)
  }
  const word = text.slice(start, end).toLowerCase()
  if (keptCount < SLOTS / 2 && word.length <= 12) {
    kept[slot] = word
    keptCount++
  }
  return word
}

// whether `word` (lower case) is the ASCII letters at `start`, in either case
function sameFolded(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== (text.charCodeAt(start + k) | 0x20)) return false
  return true
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

/**
 * The matches of a global trigger regex over `text`. Each match must be one ASCII digit, or one word of ASCII
 * letters (of a pattern's alternatives) after a word boundary, optionally followed by one space ("a " in "a
 * dozen"): its word is the match without that space, lowercased. (Patterns as `triggerSource` in
 * src/numbers/find-numbers.ts builds them; without the u flag, \b and case folding are ASCII-only.)
 */
export function scanTriggers(pattern: RegExp, text: string): Triggers {
  let starts = new Int32Array(256)
  let ends = new Int32Array(256)
  const words: string[] = []
  let count = 0
  pattern.lastIndex = 0
  // test() makes no match object: where the match starts is read back from its end, by the shape above (a
  // digit's match is that digit; a word starts after the last non-letter before its end, the word boundary)
  while (pattern.test(text)) {
    if (count === starts.length) {
      const grownStarts = new Int32Array(2 * count)
      const grownEnds = new Int32Array(2 * count)
      grownStarts.set(starts)
      grownEnds.set(ends)
      starts = grownStarts
      ends = grownEnds
    }
    const end = pattern.lastIndex
    const wordEnd = text.charCodeAt(end - 1) === 0x20 ? end - 1 : end
    const last = text.charCodeAt(wordEnd - 1)
    let start = wordEnd - 1
    if (last >= 48 && last <= 57) words.push('')
    else {
      while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--
      words.push(lowerWord(text, start, wordEnd))
    }
    starts[count] = start
    ends[count] = end
    count++
  }
  return {count, starts, ends, words}
}
