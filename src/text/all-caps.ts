/**
 * Documents written wholly in capitals (old wire and teletype archives, docs/all-caps.md). Case is what several finders
 * read a word's role from (a capital starts a name, a lowercase `said` is a speech verb, `Tuesday` is a weekday); in an
 * all-caps text every word looks like a name. Those finders detect the state once here and read a same-length copy
 * cased as mixed-case prose, so every span they find is a span of the text as written.
 */
import type {Span} from '../doc.ts'
import {CHAR_CLASS, CharClass} from './chars.ts'

// a text needs this many cased letters before its case says anything about how it is written
const MIN_CASED = 20
// lowercase letters allowed per cased letter: an all-caps archive text may keep the odd "McDONALD" or "(xx)"
const MAX_LOWER_SHARE = 0.02

const UPPER: number = CharClass.Upper
const LOWER: number = CharClass.Lower

let lastText: string | null = null
let lastAnswer = false

/** Whether `text` is written wholly in capitals: at least 20 cased letters, of which at most 2% are lowercase. */
export function isAllCaps(text: string): boolean {
  // the stages that ask share one answer per document text; mixed-case prose leaves the scan at its first words
  if (text === lastText) return lastAnswer
  const limit = text.length * MAX_LOWER_SHARE
  let upper = 0
  let lower = 0
  let answer: boolean | null = null
  for (let i = 0; i < text.length; i++) {
    const c = CHAR_CLASS[text.charCodeAt(i)]
    if (c === UPPER) upper++
    else if (c === LOWER && ++lower > limit) {
      answer = false
      break
    }
  }
  answer ??= upper + lower >= MIN_CASED && lower <= (upper + lower) * MAX_LOWER_SHARE
  lastText = text
  lastAnswer = answer
  return answer
}

/** Decides whether the word `text[start, end)` (a run of letters) is written with a capital in the mixed-case copy. */
export type Capitalise = (text: string, start: number, end: number) => boolean

// a character's lower or upper case when it has the same length (ß, ŉ and the like stay as written)
function sameLength(c: string, cased: string): string {
  return cased.length === c.length ? cased : c
}

/**
 * A copy of `text` of the same length cased as mixed-case prose: every letter lowercase but the first letter of each
 * word (a run of letters) that `capitalise` picks. Characters whose other case has another length, and every code
 * point above U+FFFF (emoji), stay as written, so offsets into the copy are offsets into `text`.
 */
export function recaseAllCaps(text: string, capitalise: Capitalise): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = CHAR_CLASS[text.charCodeAt(i)]
    if (c !== UPPER && c !== LOWER) {
      let j = i + 1
      while (j < text.length && CHAR_CLASS[text.charCodeAt(j)] !== UPPER && CHAR_CLASS[text.charCodeAt(j)] !== LOWER) j++
      out += text.slice(i, j)
      i = j
      continue
    }
    let end = i + 1
    while (end < text.length && (CHAR_CLASS[text.charCodeAt(end)] === UPPER || CHAR_CLASS[text.charCodeAt(end)] === LOWER)) end++
    const first = text[i]!
    out += capitalise(text, i, end) ? sameLength(first, first.toUpperCase()) : sameLength(first, first.toLowerCase())
    for (let k = i + 1; k < end; k++) out += sameLength(text[k]!, text[k]!.toLowerCase())
    i = end
  }
  return out
}

// quotation marks and brackets a word may stand behind
const MARKS = /["“”«»‘’„'()]/
const SENTENCE_END = /[.!?]/

/**
 * The capitals of mixed-case prose in an all-caps text: a word inside one of `names` (spans in text order), the first
 * word of a paragraph, of a sentence and of a quotation, and the pronoun "I".
 */
export function capitaliseProse(names: readonly Span[], paragraphs: readonly Span[]): Capitalise {
  let n = 0
  let p = 0
  return (text, start, end) => {
    while (n < names.length && names[n]!.end <= start) n++
    if (n < names.length && names[n]!.start <= start) return true
    if (end - start === 1 && (text[start] === 'I' || text[start] === 'i')) return true
    while (p < paragraphs.length && paragraphs[p]!.end <= start) p++
    const floor = p < paragraphs.length && paragraphs[p]!.start <= start ? paragraphs[p]!.start : 0
    // what stands before the word, white space and quotation marks skipped: an opening mark starts a quotation
    let j = start - 1
    let opened = false
    while (j >= floor) {
      const ch = text[j]!
      if (/\s/.test(ch)) j--
      else if (MARKS.test(ch)) {
        if (j === floor || /[\s(]/.test(text[j - 1]!)) opened = true
        j--
      } else break
    }
    return j < floor || opened || SENTENCE_END.test(text[j]!)
  }
}
