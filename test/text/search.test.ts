import {describe, expect, it} from 'vitest'
import {countBefore, hasSpanEdgeAt, lineEndWithin, lineStartWithin} from '../../src/text/search.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

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

describe('hasSpanEdgeAt', () => {
  const spans = [{start: 2, end: 5}, {start: 5, end: 6}, {start: 8, end: 12}, {start: 13, end: 13}]
  it.each([
    {offset: 2, edge: 'start', want: true},
    {offset: 5, edge: 'start', want: true},
    {offset: 5, edge: 'end', want: true},
    {offset: 6, edge: 'end', want: true},
    {offset: 6, edge: 'start', want: false},
    {offset: 8, edge: 'end', want: false},
    {offset: 12, edge: 'end', want: true},
    {offset: 13, edge: 'start', want: true},
    {offset: 13, edge: 'end', want: true},
    {offset: 0, edge: 'start', want: false},
    {offset: 99, edge: 'end', want: false},
    {offset: -1, edge: 'end', want: false},
  ] as const)('offset $offset, $edge: $want', ({offset, edge, want}) => {
    expect(hasSpanEdgeAt(spans, offset, edge)).toBe(want)
  })

  it('is false for no spans', () => {
    expect(hasSpanEdgeAt([], 0, 'start')).toBe(false)
    expect(hasSpanEdgeAt([], 0, 'end')).toBe(false)
  })

  it("agrees with a set of the tokens' edges at every offset of a text", () => {
    const text = 'Sen. Jane Roe, D-Mass., said so (R-S.C.); U.S.-led talks end.\n\n"Yes," said Rep. Al Moe, D-W.Va.'
    const tokens = findTokens(text)
    const starts = new Set(tokens.map((t) => t.start))
    const ends = new Set(tokens.map((t) => t.end))
    for (let offset = -1; offset <= text.length + 1; offset++) {
      expect(hasSpanEdgeAt(tokens, offset, 'start')).toBe(starts.has(offset))
      expect(hasSpanEdgeAt(tokens, offset, 'end')).toBe(ends.has(offset))
    }
  })
})
