import {describe, expect, it} from 'vitest'
import {readQuoteWords} from '../../src/quotes/words.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

const lexWords = (text: string, start: number, end: number) => readQuoteWords(text, findTokens(text), start, end)

describe('readQuoteWords: the document tokens as attribution reads them', () => {
  it.each([
    ["Kremlin spokesman Ivan Petrov's aide", ['Kremlin', 'spokesman', 'Ivan', 'Petrov', "'s", 'aide']],
    ['Sen. Jane Roe (D-Ore.), said', ['Sen.', 'Jane', 'Roe', '(', 'D-Ore.', ')', ',', 'said']],
    ['the U.S. and Mr. Smith.', ['the', 'U.S.', 'and', 'Mr.', 'Smith', '.']],
    ['a 46-year-old Moscow-based analyst', ['a', '46-year-old', 'Moscow-based', 'analyst']],
    ["don't stop 1,250.50 now", ["don't", 'stop', '1,250.50', 'now']],
    ['players’ union — «x»', ['players', '’', 'union', '—', '«', 'x', '»']],
    // what the tokenizer splits and attribution reads whole: contractions, flush separators; runs of marks one by one
    ["they're (D-N.Y.) AT&T ''no''...", ["they're", '(', 'D-N.Y.', ')', 'AT&T', "'", "'", 'no', "'", "'", '.', '.', '.']],
    // the tokenizer's abbreviations that attribution does not keep, and the reverse
    ['in Jan. 5 Pa., x', ['in', 'Jan', '.', '5', 'Pa.', ',', 'x']],
    // combining marks written on an abbreviation's period stay with it, kept or not (docs/fuzz.md, fuzz8: the word
    // ended between two marks, "Gov.\u0323" and "\u0300", and the speaker mention cut the mark sequence)
    ['Gov.\u0323\u0300 said', ['Gov.\u0323\u0300', 'said']],
    ['Gov.\u0301 said', ['Gov.\u0301', 'said']],
    ['😀 Sen.\u0323\u0300 Roe', ['😀', 'Sen.\u0323\u0300', 'Roe']],
    ['in Jan.\u0323\u0300 5', ['in', 'Jan', '.\u0323\u0300', '5']],
    // and marks on a bracket or other mark stay with it: the speaker mention "(R-Wis.)" ended before one (fuzz8 seed 6111463)
    ['Ryan (R-Wis.)\u0301 said', ['Ryan', '(', 'R-Wis.', ')\u0301', 'said']],
    ['I)\u0301said', ['I', ')\u0301', 'said']],
    ['😀 ...\u0301\u0300 “\u20dd', ['😀', '.', '.', '.\u0301\u0300', '“\u20dd']],
  ])('%s', (text, expected) => {
    expect(lexWords(text, 0, text.length).map((w) => w.text)).toEqual(expected)
  })

  it('keeps offsets into the text and flags capitals', () => {
    const text = 'xx He said.'
    const words = lexWords(text, 3, text.length)
    expect(words.map((w) => [w.start, w.end, w.upper, w.kind])).toEqual([
      [3, 5, true, 'word'],
      [6, 10, false, 'word'],
      [10, 11, false, 'punct'],
    ])
    expect(words.every((w) => text.slice(w.start, w.end) === w.text)).toBe(true)
  })

  it('keeps a surrogate pair whole', () => {
    expect(lexWords('a 😀 b', 0, 6).map((w) => w.text)).toEqual(['a', '😀', 'b'])
  })
})

describe('readQuoteWords: which words keep the period after them', () => {
  it.each([
    // the list, in any case; a longer word or one with a period inside is not in it
    ['MR. Roe went.', ['MR.', 'Roe', 'went', '.']],
    ['Messrs. Roe and Poe.', ['Messrs.', 'Roe', 'and', 'Poe', '.']],
    ['Messrsx. Roe', ['Messrsx', '.', 'Roe']],
    // one letter after the last period, as in initials and "U.S."
    ['U.S. F. Roe', ['U.S.', 'F.', 'Roe']],
    ['U.SA. Roe', ['U.', 'SA', '.', 'Roe']],
    // a word before ")" "," ";"
    ['(D-Ore.), Pa.; Roe.', ['(', 'D-Ore.', ')', ',', 'Pa.', ';', 'Roe', '.']],
    // outside ASCII the lower case decides: "İ" lower-cases to two units, so it is no one-letter word
    ['É. Roe İ. Poe', ['É.', 'Roe', 'İ', '.', 'Poe']],
    ['Dré. x', ['Dré', '.', 'x']],
    ['end.', ['end', '.']],
  ])('%s', (text, expected) => {
    expect(lexWords(text, 0, text.length).map((w) => w.text)).toEqual(expected)
  })
})
