import {describe, expect, it} from 'vitest'
import {capitaliseProse, isAllCaps, recaseAllCaps} from '../../src/text/all-caps.ts'

describe('isAllCaps', () => {
  it.each([
    ['WASHINGTON (AP) -- PRESIDENT CLINTON MET WITH PRIME MINISTER TONY BLAIR.', true],
    ['Washington (AP) -- President Clinton met with Prime Minister Tony Blair.', false],
    // a headline in capitals over mixed-case prose is not an all-caps document
    ['CLINTON MEETS BLAIR\n\nPresident Clinton met with Prime Minister Tony Blair on Tuesday.', false],
    // too few cased letters to say
    ['NATO SAID', false],
    // the odd lowercase letter of an archive ("McDONALD") does not undo it
    ['THE COMPANY, McDONALD\'S CORP., SAID ITS SHARES ROSE ON THE NEW YORK STOCK EXCHANGE.', true],
    ['"WE ARE UNITED," 😀 CLINTON SAID ON TUESDAY IN WASHINGTON.', true],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(isAllCaps(text)).toBe(expected)
  })
})

describe('recaseAllCaps', () => {
  const none = () => false
  const all = () => true
  it.each([
    ['CLINTON SAID', none, 'clinton said'],
    ['CLINTON SAID', all, 'Clinton Said'],
    // offsets hold: ß (upper SS), an emoji (two UTF-16 units) and ŉ stay as written
    ['STRAßE 😀 SAID ŉ', none, 'straße 😀 said ŉ'],
    ["O'BRIEN-SMITH", all, "O'Brien-Smith"],
  ])('%j', (text, capitalise, expected) => {
    const out = recaseAllCaps(text, capitalise)
    expect(out).toBe(expected)
    expect(out.length).toBe(text.length)
  })
})

describe('capitaliseProse', () => {
  it.each([
    // names, the paragraph's first word, a quotation's first word, "I"
    ['"WE ARE UNITED," CLINTON SAID.', [{start: 17, end: 24}], '"We are united," Clinton said.'],
    ['HE SAID: "I AM HERE." THEN HE LEFT.', [], 'He said: "I am here." Then he left.'],
    ['😀 "WE WAITED," SHE SAID.', [], '😀 "We waited," she said.'],
  ])('%j', (text, names, expected) => {
    const paragraphs = [{start: 0, end: text.length}]
    expect(recaseAllCaps(text, capitaliseProse(names, paragraphs))).toBe(expected)
  })
})
