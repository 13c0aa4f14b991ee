/**
 * The words the role finder reads a few of either side of a mention: the document's tokens seen through
 * src/text/words.ts, with this reader's rules: a possessive ("'s" or a lone apostrophe) set apart
 * as 'poss', numbers read like words, and the period kept by initials, initialisms and listed titles.
 */
import type {Token} from '../doc.ts'
import {HONORIFICS, ROLE_ABBREVIATIONS} from '../names/roles.ts'
import {tokenIndexAt, readWords, type Word, type WordRules} from '../text/words.ts'

export type {Word}
// role readers find the token a scan starts at through this module, the one door from entities to the word view
export {tokenIndexAt}

// "Mr.", "Gen.", "U.S.", "V.": an initial, a word holding a period, an honorific or a role's abbreviation
function keepsPeriod(text: string, start: number, at: number): boolean {
  const word = text.slice(start, at)
  const lower = word.toLowerCase()
  return /^\p{Lu}$/u.test(word) || word.includes('.') || HONORIFICS.has(lower) || ROLE_ABBREVIATIONS.has(lower) || lower === 'st' || lower === 'jr' || lower === 'sr'
}

// inner hyphens, dots (U.S.) and apostrophes (O'Brien) join the parts of a word or a number alike
const joins = (code: number): boolean => code === 45 || code === 46 || code === 39 || code === 0x2019
const RULES: WordRules = {keepsPeriod, joinsWord: joins, joinsNumber: joins}

/** The words of `text[from, to)` from the document's tokens, possessives as 'poss'. */
export function readRoleWords(text: string, tokens: readonly Token[], from: number, to: number): Word[] {
  const words = readWords(text, tokens, from, to, RULES)
  for (const word of words) {
    if (word.kind === 'num') word.kind = 'word'
    else if (isPossessive(text, word)) word.kind = 'poss'
  }
  return words
}

// "'s" after a word, or a lone apostrophe ("the Joneses' house"); read in the text by the word's span (a word is
// `text[start, end)`), so that the words no reader looks at are never sliced out (see readWords)
function isPossessive(text: string, word: Word): boolean {
  const length = word.end - word.start
  if (length === 0) return false
  const first = text.charCodeAt(word.start)
  if (first !== 39 && first !== 0x2019) return false
  return length === 1 || (length === 2 && (text.charCodeAt(word.start + 1) | 0x20) === 0x73)
}

/** Whether a word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  // an ASCII first character answers without the regex (most words)
  const first = word.charCodeAt(0)
  if (first < 128) return first >= 65 && first <= 90
  return UPPER_START.test(word)
}

const UPPER_START = /^\p{Lu}/u
