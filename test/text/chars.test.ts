import {describe, expect, it} from 'vitest'
import {CHAR_LOWER, isLetterOrMark, isNumberChar, LETTER_LOWER} from '../../src/text/chars.ts'

// the quote lexer and the money scanner read their classes from this table; these checks make sure the
// table says exactly what the Unicode properties they used to test one character at a time say
describe('character table predicates', () => {
  it('isLetterOrMark is \\p{L} or \\p{M} for every UTF-16 code unit', () => {
    const wrong: number[] = []
    for (let code = 0; code < 65536; code++) if (isLetterOrMark(code) !== /[\p{L}\p{M}]/u.test(String.fromCharCode(code))) wrong.push(code)
    expect(wrong).toEqual([])
  })

  it('isNumberChar is \\p{N} for every UTF-16 code unit', () => {
    const wrong: number[] = []
    for (let code = 0; code < 65536; code++) if (isNumberChar(code) !== /\p{N}/u.test(String.fromCharCode(code))) wrong.push(code)
    expect(wrong).toEqual([])
  })

  it('LETTER_LOWER is CHAR_LOWER for letters and marks, 0 (which no letter lower-cases to) for every other code unit', () => {
    const wrong: number[] = []
    for (let code = 0; code < 65536; code++) {
      const want = isLetterOrMark(code) ? CHAR_LOWER[code]! : 0
      if (LETTER_LOWER[code] !== want || (isLetterOrMark(code) && want === 0)) wrong.push(code)
    }
    expect(wrong).toEqual([])
  })
})
