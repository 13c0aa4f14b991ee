import {describe, expect, it} from 'vitest'
import {decodeReferences} from '../../src/text/references.ts'

describe('decodeReferences', () => {
  it.each([
    ['named', 'Procter &amp; Gamble', 'Procter & Gamble', 1],
    ['named in capitals (HTML5 lists &AMP;)', 'WORLDSOURCES, INC. &AMP; CO', 'WORLDSOURCES, INC. & CO', 1],
    ['capitals HTML lists only in lowercase', 'A&NBSP;B &EACUTE;TAT', 'A\u00a0B ÉTAT', 2],
    ['decimal', 'Kyiv&#8217;s', 'Kyiv’s', 1],
    ['hexadecimal, either case of x', 'it&#x2019;s &#X2014; ok', 'it’s — ok', 2],
    ['no-break space', '5&nbsp;million', '5\u00a0million', 1],
    ['an astral character', 'up &#x1F600;', 'up 😀', 1],
    ['double-encoded text decodes once', '&amp;amp;', '&amp;', 1],
  ])('%s', (_name, input, text, count) => {
    expect(decodeReferences(input)).toEqual({text, count})
  })

  it.each([
    ['ampersands in names', 'AT&T, S&P 500, R&D and M&A'],
    ['a reference without its semicolon', 'Barnes&noble &copy 2024 &amp here'],
    ['an unknown name', '&foo; &ZZZ;'],
    ['no ampersand at all', 'Kyiv said'],
  ])('leaves %s alone', (_name, input) => {
    expect(decodeReferences(input)).toEqual({text: input, count: 0})
  })
})
