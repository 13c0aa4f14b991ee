import {describe, expect, it} from 'vitest'
import {tokenIndexAt} from '../../src/text/words.ts'
import {countBefore} from '../../src/text/search.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

describe('tokenIndexAt: the first token ending after an offset', () => {
  const text = 'He said: "No, not   now." Then\nleft.'
  const tokens = findTokens(text)
  it.each([0, 1, 2, 3, 7, 8, 9, 10, 17, 18, 20, 25, text.length - 1, text.length, text.length + 5, -1])('offset %i', (offset) => {
    expect(tokenIndexAt(tokens, offset)).toBe(countBefore(tokens, (token) => token.end <= offset))
  })

  it('is 0 for no tokens', () => {
    expect(tokenIndexAt([], 3)).toBe(0)
  })
})
