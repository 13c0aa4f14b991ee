import {describe, expect, it} from 'vitest'
import {removeWireCodes, removeWireHeaders} from '../../src/clean/wire-codes.ts'

describe('removeWireCodes', () => {
  it.each<[string, string, string, string[]]>([
    ['a line-end code', 'c.1998 N.Y. Times News Service &QL;', 'c.1998 N.Y. Times News Service', ['&QL;']],
    ['rails and a quad round a byline', '&UR; By JANE ROE &LR; &QC;', 'By JANE ROE', ['&UR;', '&LR;', '&QC;']],
    ['a slug line', 'BC-BRITAIN-IRELAND-TALKS-NYT &QL;', 'BC-BRITAIN-IRELAND-TALKS-NYT', ['&QL;']],
    ['control-byte escapes in a header', 'u a &Cx13;  &Cx11;  BC-TEST-NYT &LR;      04-12 0714', 'u a BC-TEST-NYT 04-12 0714', ['&Cx13;', '&Cx11;', '&LR;']],
    ['the em-dash code', 'the two companies &MD; a routine step', 'the two companies — a routine step', ['&MD;']],
    ['the tab code between columns', 'Yankees&HT;11&HT;3', 'Yankees\t11\t3', ['&HT;', '&HT;']],
    ['a code in a word', 'end&QL;', 'end', ['&QL;']],
    ['indentation of an uncoded line kept', '   PRISTINA, Serbia _ It rained. &QL;\n   Next.', '   PRISTINA, Serbia _ It rained.\n   Next.', ['&QL;']],
  ])('%s', (_name, text, expected, codes) => {
    expect(removeWireCodes(text)).toEqual({text: expected, codes})
  })

  it.each([
    ['a bare ampersand', 'Procter & Gamble and AT&T said R&D&QA; would grow.'],
    ['HTML references (the decoder reads those)', 'Tom &amp; Jerry &AMP; friends&#8217; show &nbsp; here'],
    ['a code-like word in lowercase', 'the &ql; and &ur; tags'],
    ['no ampersand at all', 'BELFAST, Northern Ireland _ Talks resumed.'],
  ])('leaves %s unchanged', (_name, text) => {
    expect(removeWireCodes(text)).toEqual({text, codes: []})
  })
})

describe('removeWireHeaders', () => {
  it('removes the lines that hold control escapes, whole, and nothing else', () => {
    const text = 'A4417 &Cx1f; taf-z\nu i &Cx13;  &Cx11;  BC-TEST-NYT &LR;      04-12 0341\nBC-TEST-NYT &QL;\nIt rained &amp; poured.'
    expect(removeWireHeaders(text)).toEqual({
      text: 'BC-TEST-NYT &QL;\nIt rained &amp; poured.',
      headers: ['A4417 &Cx1f; taf-z', 'u i &Cx13;  &Cx11;  BC-TEST-NYT &LR;      04-12 0341'],
    })
  })

  it('leaves text without escapes as it is', () => {
    expect(removeWireHeaders('Procter & Gamble &Co; said.')).toEqual({text: 'Procter & Gamble &Co; said.', headers: []})
  })
})
