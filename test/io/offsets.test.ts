import {describe, expect, it} from 'vitest'
import {createCodePointMapper, createUtf16Mapper, sliceCodePoints} from '../../src/io/offsets.ts'

describe('createCodePointMapper', () => {
  it.each([
    ['plain ASCII', 'Kyiv said no.', 5, 5],
    ['after one emoji', '🇺🇦 Kyiv', 5, 3],
    ['after a smiley', 'ok 😀 done', 6, 5],
    ['end of text', 'a😀b', 4, 3],
    ['BMP non-ASCII is one unit', '€6 billion', 2, 2],
  ])('%s', (_name, text, utf16, expected) => {
    expect(createCodePointMapper(text)(utf16)).toBe(expected)
  })

  it('gives spans that slice the same text by code points (as Python would)', () => {
    const text = 'Fans 🎉🎉 cheered “Zelenskyy” 👍 and paid €6 billion.'
    const map = createCodePointMapper(text)
    for (const word of ['cheered', 'Zelenskyy', '€6 billion', '👍']) {
      const start = text.indexOf(word)
      const end = start + word.length
      expect(sliceCodePoints(text, map(start), map(end))).toBe(word)
    }
  })

  it('rejects offsets outside the text', () => {
    expect(() => createCodePointMapper('a😀')(9)).toThrow(/outside the text/)
  })
})

describe('createUtf16Mapper', () => {
  it.each([
    ['abc', [0, 1, 3], [0, 1, 3]],
    ['👍a👍', [0, 1, 2, 3], [0, 2, 3, 5]],
    ['🇺🇦 x', [0, 1, 2, 3, 4], [0, 2, 4, 5, 6]],
  ])('maps code points of %j', (text, points, units) => {
    const map = createUtf16Mapper(text)
    expect(points.map(map)).toEqual(units)
  })

  it('returns null past the end', () => {
    expect(createUtf16Mapper('👍')(2)).toBeNull()
  })
})
