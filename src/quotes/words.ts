/**
 * A small lexer for the narrative around a quote: attribution needs words, honorific
 * abbreviations kept whole ("Sen.", "U.S.") and possessives split off, whatever the
 * document tokenizer's conventions, so the few windows it reads are re-lexed here.
 */
import {isLetterOrMark, isNumberChar} from '../text/chars.ts'

/** A lexed word or punctuation mark with its offsets in the document text. */
export interface Word {
  start: number
  end: number
  text: string
  lower: string
  kind: 'word' | 'num' | 'punct'
  /** first character is an uppercase letter */
  upper: boolean
}

// abbreviations written with a final period that do not end a sentence
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col sgt capt maj adm prof rev st jr sr sec amb pres supt insp cmdr cpl pvt hon atty co corp inc ltd no vs messrs mme mlle gens reps sens cong del ald brig cdr mt ft'.split(' '),
)

// the project's character table (src/text/chars.ts) folded to this lexer's classes: 1 letter or mark, 2 number, 3 other
const CLASS = Uint8Array.from({length: 65536}, (_, code) => (isLetterOrMark(code) ? 1 : isNumberChar(code) ? 2 : 3))

function classOf(code: number): number {
  return CLASS[code]!
}

// separators that may join the parts of one word ("Boston-based", "U.S", "don't", "AT&T") or number ("1,250.50")
function joinsWord(code: number): boolean {
  return code === 45 || code === 39 || code === 0x2019 || code === 46 || code === 38
}
function joinsNumber(code: number): boolean {
  return code === 45 || code === 46 || code === 44 || code === 58 || code === 47
}

/** Lexes `text[start, end)` into words and punctuation, splitting possessive 's and keeping abbreviations whole. */
export function lexWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = []
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    // skip whitespace quickly
    if (code === 32 || code === 10 || code === 13 || code === 9 || code === 160) {
      i++
      continue
    }
    const cls = classOf(code)
    if (cls === 3) {
      // one punctuation mark or symbol (a surrogate pair stays whole)
      const size = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1
      pushWord(words, text, i, i + size, 'punct')
      i += size
      continue
    }
    const isLetter = cls === 1
    let j = i + 1
    for (;;) {
      while (j < end && classOf(text.charCodeAt(j)) !== 3) j++
      if (j + 1 < end && (isLetter ? joinsWord(text.charCodeAt(j)) : joinsNumber(text.charCodeAt(j))) && classOf(text.charCodeAt(j + 1)) !== 3) {
        j += 2
        continue
      }
      break
    }
    let wordEnd = j
    if (isLetter && wordEnd < end && text.charCodeAt(wordEnd) === 46) {
      const bare = text.slice(i, wordEnd).toLowerCase()
      const lastPart = bare.slice(bare.lastIndexOf('.') + 1)
      // "Sen." "U.S." "F." keep their period, as does an abbreviation before ")" or "," ("(D-Ore.)", "Pa., said")
      const after = text[wordEnd + 1] ?? ''
      if (ABBREVIATIONS.has(bare) || lastPart.length === 1 || after === ')' || after === ',' || after === ';') wordEnd++
    }
    // split possessive or contracted 's so "Smith's" gives "Smith" + "'s"
    if (isLetter && wordEnd - i > 2) {
      const last = text.charCodeAt(wordEnd - 1)
      const apostrophe = text.charCodeAt(wordEnd - 2)
      if ((last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019)) {
        pushWord(words, text, i, wordEnd - 2, 'word')
        pushWord(words, text, wordEnd - 2, wordEnd, 'word')
        i = wordEnd
        continue
      }
    }
    pushWord(words, text, i, wordEnd, isLetter ? 'word' : 'num')
    i = wordEnd
  }
  return words
}

function pushWord(words: Word[], text: string, start: number, end: number, kind: Word['kind']): void {
  const value = text.slice(start, end)
  const code = value.charCodeAt(0)
  const upper = code < 128 ? code >= 65 && code <= 90 : value[0] !== value[0]!.toLowerCase() && value[0] === value[0]!.toUpperCase()
  words.push({start, end, text: value, lower: value.toLowerCase(), kind, upper})
}
