import {describe, expect, it} from 'vitest'
import {countBefore} from '../../src/text/search.ts'

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
