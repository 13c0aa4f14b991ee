import {addDecimal, decimalFromInt, multiplyDecimal, shiftDecimal, type Decimal} from './decimal.ts'
import {TENS_WORDS, UNIT_WORDS, WRITTEN_MAGNITUDES} from './lexicon.ts'

/** A written-out number's exact value; `raw` and `pow` split "six billion" into 6 and 9 when it has that shape. */
export interface WrittenNumber {
  value: Decimal
  raw: Decimal
  pow: number
  /** whether a unit or tens word was written (a count, not only "a million") */
  counted: boolean
}

const HALF: Decimal = {units: 5n, scale: 1}
const QUARTER: Decimal = {units: 25n, scale: 2}

/** Words a written number may contain, besides "and" and the article. */
export function isNumberWord(word: string): boolean {
  return UNIT_WORDS.has(word) || TENS_WORDS.has(word) || word === 'hundred' || WRITTEN_MAGNITUDES.has(word) || word === 'half' || word === 'quarter'
}

/** Parses lower-case number words ("twenty", "five" or "half", "a", "billion"), or null when they do not form one number. */
export function parseWrittenNumber(words: readonly string[]): WrittenNumber | null {
  let total: Decimal = decimalFromInt(0)
  let current: Decimal | null = null
  let counted = false
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'magnitude' | 'fraction' = 'none'
  let magnitudes = 0
  let raw: Decimal | null = null
  let pow = 0
  let i = 0
  const first = words[0]
  const second = words[1]
  if (first === 'half') {
    current = HALF
    i = second === 'a' || second === 'an' ? 2 : 1
    last = 'fraction'
  } else if ((first === 'a' || first === 'an') && second === 'quarter') {
    current = QUARTER
    i = 2
    last = 'fraction'
  } else if (first === 'a' || first === 'an') {
    current = decimalFromInt(1)
    i = 1
    last = 'unit'
  }
  for (; i < words.length; i++) {
    const word = words[i]
    const unit = UNIT_WORDS.get(word)
    const tens = TENS_WORDS.get(word)
    if (unit !== undefined) {
      // "twenty five" is fine, "five six" and "twenty twelve" are not one number
      if (last === 'unit' || last === 'teen' || last === 'fraction' || (last === 'tens' && unit >= 10)) return null
      current = addDecimal(current ?? decimalFromInt(0), decimalFromInt(unit))
      last = unit >= 10 ? 'teen' : 'unit'
      counted = true
    } else if (tens !== undefined) {
      if (last === 'unit' || last === 'teen' || last === 'tens' || last === 'fraction') return null
      current = addDecimal(current ?? decimalFromInt(0), decimalFromInt(tens))
      last = 'tens'
      counted = true
    } else if (word === 'hundred') {
      // "a hundred", "three hundred"; a bare "hundred" ("a few hundred dollars") is no number
      if (current === null || last === 'hundred' || last === 'fraction') return null
      current = multiplyDecimal(current, decimalFromInt(100))
      last = 'hundred'
    } else if (WRITTEN_MAGNITUDES.has(word)) {
      if (current === null) return null
      const p = WRITTEN_MAGNITUDES.get(word)!
      total = addDecimal(total, shiftDecimal(current, p))
      raw = current
      pow = p
      magnitudes++
      current = null
      last = 'magnitude'
    } else if (word === 'and') {
      const next = words[i + 1]
      const fraction = words[i + 2]
      if ((next === 'a' || next === 'an') && (fraction === 'half' || fraction === 'quarter')) {
        if (current === null) return null
        current = addDecimal(current, fraction === 'half' ? HALF : QUARTER)
        last = 'fraction'
        i += 2
      } else if (last !== 'hundred' && last !== 'magnitude') {
        return null
      }
    } else {
      return null
    }
  }
  if (last === 'none') return null
  const value = current === null ? total : addDecimal(total, current)
  // only "N magnitude" keeps its split; "two million five hundred" is a plain value
  const simple = magnitudes === 1 && current === null && raw !== null
  return {value, raw: simple ? raw! : value, pow: simple ? pow : 0, counted}
}
