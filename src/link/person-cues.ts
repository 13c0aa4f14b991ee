/**
 * Person cues for the linker's corpus labels: a mention written with a title or honorific ("Mr. Lee", "Sen. Lee",
 * "President Lee") is evidence that the name is a person's, whatever label
 * the recogniser gave it. The corpus stage counts the documents that show such evidence per name, so that a label the
 * recogniser got wrong in many documents ("Muslims" or a company tagged PERSON) is not spread by votes alone.
 */
import {stripPossessive} from '../entities/canonical.ts'
import {nameSlug} from '../names/entity-id.ts'
import {HONORIFICS, isHonorific, isRoleAbbreviation, isRoleHead, ROLE_ABBREVIATIONS, ROLE_HEADS} from '../names/roles.ts'
import {CHAR_CLASS, CharClass, isRegexSpace} from '../text/chars.ts'
import {buildFilter, filterHas} from '../text/hash-filter.ts'

// a name this long is a headline or a run-on span, not a person written with a title
const MAX_NAME_WORDS = 4

// a title: an honorific or abbreviated title ("Mr.", "Sen."), or a capitalised role noun ("President", "Senator")
function isTitle(word: string): boolean {
  let title = titles.get(word)
  if (title === undefined) {
    title = isHonorific(word) || isRoleAbbreviation(word) || (isRoleHead(word) && !word.endsWith('.') && UPPER_START.test(word))
    if (titles.size >= MAX_WORDS) titles.clear()
    titles.set(word, title)
  }
  return title
}

// what isTitle said of each word as written: two words per mention of a corpus that repeats its words; bounded
const MAX_WORDS = 50_000
const titles = new Map<string, boolean>()

const UPPER_START = /^\p{Lu}/u

// A title is a lexicon word (an honorific, an abbreviated title or a role head) once lowercased and stripped of a
// final period (roleWord); every other word of the corpus, most of the words read here ("said", "the", names), is
// turned away by a hash filter of the lexicon words (64 Kbit) before it is cut from the text and looked up. Only
// words of ASCII letters (and a final period) are hashed; any other word (hyphens, apostrophes, other letters) is
// looked up.
const LEXICON_BITS = buildFilter(
  [...HONORIFICS, ...ROLE_ABBREVIATIONS, ...ROLE_HEADS].map((word) => asciiHash(word, 0, word.length)).filter((h) => h !== -1),
  2048,
)

// a hash of text[start, end) in lower case (31 bits, never negative) when it is ASCII letters only (a final period
// left out), else -1
function asciiHash(text: string, start: number, end: number): number {
  if (end > start && text.charCodeAt(end - 1) === 46) end--
  if (end === start) return -1
  let h = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20
    if (code < 97 || code > 122) return -1
    h = (Math.imul(h, 31) + code) | 0
  }
  return h & 0x7fffffff
}

// whether text[start, end) is a title, without cutting it from the text when it cannot be one
function isTitleAt(text: string, start: number, end: number): boolean {
  if (end <= start) return false
  const h = asciiHash(text, start, end)
  if (h !== -1 && !filterHas(LEXICON_BITS, h)) return false
  return isTitle(text.slice(start, end))
}

// a letter as \p{L} reads one code unit: the shared character table's letter classes
function isLetter(code: number): boolean {
  const cls = CHAR_CLASS[code]
  return cls === CharClass.Upper || cls === CharClass.Lower || cls === CharClass.Letter
}

// the word just before a position on the same line, with nothing but spaces or tabs between, and a full stop after
// it if there is one ("Mr."), as where it starts (-1 when there is none) and ends. Read backwards by hand: this runs
// for every name mention of a corpus
function wordBefore(text: string, at: number): {start: number; end: number} {
  let end = at
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
  if (end === at || end === 0) return NO_WORD
  let start = end
  if (text.charCodeAt(start - 1) === 46) start--
  const stop = start
  while (start > 0 && stop - start < 24 && isLetter(text.charCodeAt(start - 1))) start--
  return start === stop ? NO_WORD : {start, end}
}
const NO_WORD = {start: -1, end: -1}

// where the mention's first word ends (whitespace before it skipped: `start` is where it starts)
function firstWordEnd(text: string, start: number, end: number): number {
  let i = start
  while (i < end && !isRegexSpace(text.charCodeAt(i))) i++
  return i
}

/**
 * The name keys (as the linker's provisional ids spell them, without the label) that a person cue on this mention
 * supports: the name without its titles, and each of its shorter beginnings and endings ("Sen. Debbie Wasserman
 * Schultz" also supports "debbie", "wasserman-schultz" and "schultz", the forms other mentions use). Null when the
 * mention has no cue: no title or honorific as its first word or as the word just before it. The role the entities
 * stage reads further away ("X, the company's official") is not a cue: it attaches to organisations too.
 */
export function findPersonCueKeys(text: string, mention: {start: number; end: number}): readonly string[] | null {
  // most mentions have no title: two words looked at, nothing split
  const before = wordBefore(text, mention.start)
  const titleBefore = before.start >= 0 && isTitleAt(text, before.start, before.end)
  if (!titleBefore) {
    let start = mention.start
    while (start < mention.end && isRegexSpace(text.charCodeAt(start))) start++
    if (!isTitleAt(text, start, firstWordEnd(text, start, mention.end))) return null
  }
  const words = text.slice(mention.start, mention.end).split(/\s+/).filter((w) => w.length > 0)
  let first = 0
  while (first < words.length - 1 && isTitle(words[first]!)) first++
  if (first === 0 && !titleBefore) return null
  const name = words.slice(first)
  if (name.length === 0 || name.length > MAX_NAME_WORDS) return null
  name[name.length - 1] = stripPossessive(name[name.length - 1]!)
  return keysOf(name.join(' '))
}

// the keys of a name (words joined by single spaces) by the name: the people of a corpus are written with their
// titles again and again, and each key costs a slug (a Unicode normalisation and six regular expressions); bounded,
// since a long run sees an open set of names. The arrays are shared: callers only read them
const MAX_NAMES = 50_000
const nameKeys = new Map<string, readonly string[]>()

function keysOf(joined: string): readonly string[] {
  let keys = nameKeys.get(joined)
  if (keys === undefined) {
    const name = joined.split(' ')
    const made: string[] = []
    const add = (part: string[]): void => {
      const key = nameSlug(part.join(' '))
      if (key !== '' && !made.includes(key)) made.push(key)
    }
    for (let i = 0; i < name.length; i++) add(name.slice(i))
    for (let i = 1; i < name.length; i++) add(name.slice(0, i))
    if (nameKeys.size >= MAX_NAMES) nameKeys.clear()
    // kept from a copy: the joined name may be a slice of a whole document
    nameKeys.set((' ' + joined).slice(1), made)
    keys = made
  }
  return keys
}
