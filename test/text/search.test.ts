import {describe, expect, it} from 'vitest'
import {countBefore, lineEndWithin, lineStartWithin} from '../../src/text/search.ts'

describe('countBefore', () => {
  it.each([
    {items: [], x: 5, want: 0},
    {items: [1, 3, 5, 7], x: 0, want: 0},
    {items: [1, 3, 5, 7], x: 5, want: 2},
    {items: [1, 3, 5, 7], x: 6, want: 3},
    {items: [1, 3, 5, 7], x: 99, want: 4},
    {items: [2, 2, 2, 4], x: 2, want: 0},
    {items: [2, 2, 2, 4], x: 3, want: 3},
  ])('counts the items below $x in $items: $want', ({items, x, want}) => {
    expect(countBefore(items, (item) => item < x)).toBe(want)
  })

  it('agrees with a linear count on sorted spans', () => {
    const spans = Array.from({length: 200}, (_, i) => ({start: i * 3, end: i * 3 + (i % 4) + 1}))
    for (let offset = -2; offset < 620; offset++) {
      const linear = spans.filter((s) => s.end <= offset).length
      expect(countBefore(spans, (s) => s.end <= offset)).toBe(linear)
    }
  })
})

describe('lineStartWithin / lineEndWithin', () => {
  const text = 'first line\nsecond, a longer line of text\n\nfourth'
  // the unbounded rules they stand for
  const lineStart = (offset: number, window: number) => Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - window)
  const lineEnd = (offset: number, window: number) => {
    const index = text.indexOf('\n', offset)
    return Math.min(index < 0 ? text.length : index, offset + window)
  }

  it.each([
    [0, 240],
    [5, 240],
    [5, 2],
    [11, 240],
    [12, 240],
    [30, 240],
    [30, 3],
    [30, 19],
    [30, 20],
    [40, 240],
    [41, 240],
    [42, 240],
    [44, 1],
    [text.length, 240],
    [text.length, 0],
  ])('offset %i, window %i: as the unbounded rule', (offset, window) => {
    expect(lineStartWithin(text, offset, window)).toBe(lineStart(offset, window))
    expect(lineEndWithin(text, offset, window)).toBe(lineEnd(offset, window))
  })

  it('agrees with the unbounded rule at every offset and window of a text', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      for (const window of [0, 1, 3, 10, 48, 240]) {
        expect(lineStartWithin(text, offset, window)).toBe(lineStart(offset, window))
        expect(lineEndWithin(text, offset, window)).toBe(lineEnd(offset, window))
      }
    }
  })
})
