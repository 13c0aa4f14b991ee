/**
 * Person cues for the linker's corpus labels: a mention written with a title or honorific ("Mr. Lee", "Sen. Lee",
 * "President Lee") is evidence that the name is a person's, whatever label
 * the recogniser gave it. The corpus stage counts the documents that show such evidence per name, so that a label the
 * recogniser got wrong in many documents ("Muslims" or a company tagged PERSON) is not spread by votes alone.
 */
import {stripPossessive} from '../entities/canonical.ts'
import {nameSlug} from '../names/entity-id.ts'
import {isHonorific, isRoleAbbreviation, isRoleHead} from '../names/roles.ts'
import {CHAR_CLASS, CharClass, isRegexSpace} from '../text/chars.ts'

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

// a letter as \p{L} reads one code unit: the shared character table's letter classes
function isLetter(code: number): boolean {
  const cls = CHAR_CLASS[code]
  return cls === CharClass.Upper || cls === CharClass.Lower || cls === CharClass.Letter
}

// the word just before a position on the same line, with nothing but spaces or tabs between, and a full stop after
// it if there is one ("Mr."); '' when none. Read backwards by hand: this runs for every name mention of a corpus
function wordBefore(text: string, at: number): string {
  let end = at
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
  if (end === at || end === 0) return ''
  let start = end
  if (text.charCodeAt(start - 1) === 46) start--
  const stop = start
  while (start > 0 && stop - start < 24 && isLetter(text.charCodeAt(start - 1))) start--
  return start === stop ? '' : text.slice(start, end)
}

// the mention's first word (whitespace around it skipped)
function firstWord(text: string, start: number, end: number): string {
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++
  let i = start
  while (i < end && !isRegexSpace(text.charCodeAt(i))) i++
  return text.slice(start, i)
}

/**
 * The name keys (as the linker's provisional ids spell them, without the label) that a person cue on this mention
 * supports: the name without its titles, and each of its shorter beginnings and endings ("Sen. Debbie Wasserman
 * Schultz" also supports "debbie", "wasserman-schultz" and "schultz", the forms other mentions use). Null when the
 * mention has no cue: no title or honorific as its first word or as the word just before it. The role the entities
 * stage reads further away ("X, the company's official") is not a cue: it attaches to organisations too.
 */
export function findPersonCueKeys(text: string, mention: {start: number; end: number}): string[] | null {
  // most mentions have no title: two words looked at, nothing split
  const before = wordBefore(text, mention.start)
  if (!(before !== '' && isTitle(before)) && !isTitle(firstWord(text, mention.start, mention.end))) return null
  const words = text.slice(mention.start, mention.end).split(/\s+/).filter((w) => w.length > 0)
  let first = 0
  while (first < words.length - 1 && isTitle(words[first]!)) first++
  if (first === 0 && !(before !== '' && isTitle(before))) return null
  const name = words.slice(first)
  if (name.length === 0 || name.length > MAX_NAME_WORDS) return null
  name[name.length - 1] = stripPossessive(name[name.length - 1]!)
  const keys: string[] = []
  const add = (part: string[]): void => {
    const key = nameSlug(part.join(' '))
    if (key !== '' && !keys.includes(key)) keys.push(key)
  }
  for (let i = 0; i < name.length; i++) add(name.slice(i))
  for (let i = 1; i < name.length; i++) add(name.slice(0, i))
  return keys
}
