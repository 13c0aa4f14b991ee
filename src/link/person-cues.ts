/**
 * Person cues for the linker's corpus labels: a mention written with a title or honorific ("Mr. Lee", "Sen. Lee",
 * "President Lee") is evidence that the name is a person's, whatever label
 * the recogniser gave it. The corpus stage counts the documents that show such evidence per name, so that a label the
 * recogniser got wrong in many documents ("Muslims" or a company tagged PERSON) is not spread by votes alone.
 */
import {stripPossessive} from '../entities/canonical.ts'
import {nameSlug} from '../names/entity-id.ts'
import {isHonorific, isRoleAbbreviation, isRoleHead} from '../names/roles.ts'

// a name this long is a headline or a run-on span, not a person written with a title
const MAX_NAME_WORDS = 4

// the word just before a position on the same line, with nothing but spaces between (null when punctuation stands between)
const WORD_BEFORE = /(\p{L}+\.?)[ \t]+$/u

// a title: an honorific or abbreviated title ("Mr.", "Sen."), or a capitalised role noun ("President", "Senator")
function isTitle(word: string): boolean {
  return isHonorific(word) || isRoleAbbreviation(word) || (/^\p{Lu}/u.test(word) && !word.endsWith('.') && isRoleHead(word))
}

/**
 * The name keys (as the linker's provisional ids spell them, without the label) that a person cue on this mention
 * supports: the name without its titles, and each of its shorter beginnings and endings ("Sen. Debbie Wasserman
 * Schultz" also supports "debbie", "wasserman-schultz" and "schultz", the forms other mentions use). Null when the
 * mention has no cue: no title or honorific as its first word or as the word just before it. The role the entities
 * stage reads further away ("X, the company's official") is not a cue: it attaches to organisations too.
 */
export function findPersonCueKeys(text: string, mention: {start: number; end: number}): string[] | null {
  const words = text.slice(mention.start, mention.end).split(/\s+/).filter((w) => w.length > 0)
  let first = 0
  while (first < words.length - 1 && isTitle(words[first]!)) first++
  let cued = first > 0
  if (!cued) {
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, mention.start - 24), mention.start))
    cued = before !== null && isTitle(before[1]!)
  }
  if (!cued) return null
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
