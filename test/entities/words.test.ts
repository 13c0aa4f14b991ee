import {describe, expect, it} from 'vitest'
import {isCapitalised, readRoleWords} from '../../src/entities/words.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

const read = (text: string, from = 0, to = text.length) => readRoleWords(text, findTokens(text), from, to).map((w) => [w.text, w.kind])

describe('readRoleWords: the document tokens as the role finder reads them', () => {
  it.each([
    ["Poland's Gen. Jan Roe", [['Poland', 'word'], ["'s", 'poss'], ['Gen.', 'word'], ['Jan', 'word'], ['Roe', 'word']]],
    ["the Joneses' U.S.-based firm", [['the', 'word'], ['Joneses', 'word'], ["'", 'poss'], ['U.S.-based', 'word'], ['firm', 'word']]],
    ["don't 1,250 D-N.Y.", [["don't", 'word'], ['1,250', 'word'], ['D-N.Y.', 'word']]],
    ['Inc. grew', [['Inc', 'word'], ['.', 'punct'], ['grew', 'word']]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it('cuts the tokens at the window edges, as the old character scan did', () => {
    expect(read('Washington spokesman', 4, 14)).toEqual([['ington', 'word'], ['spo', 'word']])
  })
})

describe('isCapitalised: ASCII answered without the regex, the rest by \\p{Lu}', () => {
  it.each([
    ['Doe', true],
    ['doe', false],
    ['', false],
    ['1st', false],
    ['"Doe', false],
    ['Émile', true],
    ['émile', false],
    ['Ǆ', true],
    ['ǅ', false],
    ['Ωmega', true],
    ['𝐀bc', true],
    ['𝐚bc', false],
  ])('%j -> %s', (word, expected) => {
    expect(isCapitalised(word)).toBe(expected)
    expect(isCapitalised(word)).toBe(/^\p{Lu}/u.test(word))
  })
})
