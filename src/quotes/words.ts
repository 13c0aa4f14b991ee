/**
 * The words attribution reads: the document's tokens seen through src/text/words.ts, with this reader's rule for
 * which abbreviations keep their period ("Sen.", "U.S.", "F.", and any word before ")" "," ";" as in "(D-Ore.)").
 */
import type {Token} from '../doc.ts'
import {readWords, type Word, type WordRules} from '../text/words.ts'

export type {Word}

// abbreviations written with a final period that do not end a sentence
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col sgt capt maj adm prof rev st jr sr sec amb pres supt insp cmdr cpl pvt hon atty co corp inc ltd no vs messrs mme mlle gens reps sens cong del ald brig cdr mt ft'.split(' '),
)

// the longest abbreviation
const LONGEST = Math.max(...[...ABBREVIATIONS].map((word) => word.length))

// "Sen." "U.S." "F." keep their period, as does an abbreviation before ")" or "," ("(D-Ore.)", "Pa., said")
function keepsPeriod(text: string, start: number, at: number): boolean {
  // asked for every word before a full stop, most of them sentence ends: the mark after the period and, for an ASCII
  // word (whose lower case has its length), the length after its last period are read in place, and only a word short
  // enough to be in the list is sliced and lower-cased
  const after = text.charCodeAt(at + 1)
  if (after === 41 || after === 44 || after === 59) return true
  let lastPeriod = -1
  let i = start
  for (; i < at; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x80) break
    if (code === 46) lastPeriod = i
  }
  if (i < at) return keepsPeriodRead(text, start, at)
  if (at - (lastPeriod < 0 ? start : lastPeriod + 1) === 1) return true
  // the list holds no word with a period
  return lastPeriod < 0 && at - start <= LONGEST && ABBREVIATIONS.has(text.slice(start, at).toLowerCase())
}

// keepsPeriod for a word with a character outside ASCII, whose lower case may be longer than it
function keepsPeriodRead(text: string, start: number, at: number): boolean {
  const bare = text.slice(start, at).toLowerCase()
  const lastPart = bare.slice(bare.lastIndexOf('.') + 1)
  const after = text[at + 1] ?? ''
  return ABBREVIATIONS.has(bare) || lastPart.length === 1 || after === ')' || after === ',' || after === ';'
}

const RULES: WordRules = {
  keepsPeriod,
  // separators that may join the parts of one word ("Boston-based", "U.S", "don't", "AT&T") or number ("1,250.50")
  joinsWord: (code) => code === 45 || code === 39 || code === 0x2019 || code === 46 || code === 38,
  joinsNumber: (code) => code === 45 || code === 46 || code === 44 || code === 58 || code === 47,
}

/** The words of `text[start, end)` from the document's tokens: possessive 's apart, contractions and abbreviations whole. */
export function readQuoteWords(text: string, tokens: readonly Token[], start: number, end: number): Word[] {
  return readWords(text, tokens, start, end, RULES)
}
