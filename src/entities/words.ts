/**
 * A small word scanner for looking a few words either side of an entity mention (roles, titles,
 * acronyms), independent of the pipeline tokenizer so the finders stay pure functions of text.
 */
import {HONORIFICS, ROLE_ABBREVIATIONS} from '../names/roles.ts'

/** One scanned word or punctuation mark with its UTF-16 offsets. */
export interface Word {
  text: string
  start: number
  end: number
  /** 'word' (letters/digits), 'poss' ('s or ’s), or 'punct' */
  kind: 'word' | 'poss' | 'punct'
}

// a word may hold inner hyphens, dots (U.S.) and apostrophes followed by letters (O'Brien), but not a possessive 's
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’](?![sS](?![\p{L}\p{N}]))|[-.])[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|['’][sS](?![\p{L}\p{N}])|['’](?=\s)|[^\s\p{L}\p{N}]/gu

/** Scans `text.slice(start, end)` into words, possessives and punctuation with absolute offsets. */
export function scanWords(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = []
  const slice = text.slice(start, end)
  WORD.lastIndex = 0
  for (let match = WORD.exec(slice); match !== null; match = WORD.exec(slice)) {
    const s = start + match.index
    let value = match[0]
    let e = s + value.length
    const isWord = startsWithLetterOrNumber(value)
    // keep the period of an abbreviation or initial (Mr., Gen., U.S., V.) with its word
    if (isWord && text[e] === '.' && e < end && isAbbreviation(value)) {
      value += '.'
      e += 1
    }
    const kind: Word['kind'] = isWord ? 'word' : /^['’][sS]?$/.test(value) ? 'poss' : 'punct'
    // a period already swallowed by the previous word is not scanned again
    if (kind === 'punct' && value === '.' && words.length > 0 && words[words.length - 1].end > s) continue
    words.push({text: value, start: s, end: e, kind})
  }
  return words
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]/u

// ASCII decided by range, the rest by the Unicode regex
function startsWithLetterOrNumber(value: string): boolean {
  const code = value.charCodeAt(0)
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
  return LETTER_OR_NUMBER.test(value)
}

/** Whether a word before a period is an abbreviation or initial rather than a sentence end. */
function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase()
  return /^\p{Lu}$/u.test(word) || /\./.test(word) || HONORIFICS.has(lower) || ROLE_ABBREVIATIONS.has(lower) || lower === 'st' || lower === 'jr' || lower === 'sr'
}

/** Whether a word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}
