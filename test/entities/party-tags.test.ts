import {describe, expect, it} from 'vitest'
import type {EntityLabel} from '../../src/doc.ts'
import {findPartyTags, relabelPartyTags} from '../../src/entities/party-tags.ts'
import {findTokens} from '../../src/segment/segment-text.ts'
import {placeTaggedSpans} from '../helpers/tagged-spans.ts'

describe('findPartyTags', () => {
  // sentences written for the shape, none from a data set
  const cases: [string, string, string[]][] = [
    ['an AP abbreviation with its full stop, between commas', 'Sen. Jane Roe, D-Mass., said so.', ['D-Mass.']],
    ['a full state name in brackets', 'Rep. John Doe (R-Texas) disagreed.', ['R-Texas']],
    ['dotted initials', 'Sen. Mary Poe, R-S.C., and Rep. Ann Loe (D-N.Y.) met.', ['R-S.C.', 'D-N.Y.']],
    ['an initial and an AP abbreviation', 'Rep. Al Moe, D-W.Va., spoke.', ['D-W.Va.']],
    ['a postal code', 'Sen. Bob Coe (R-TX) spoke.', ['R-TX']],
    ['a two-word full name', 'Rep. Sue Zoe (D-New York) spoke.', ['D-New York']],
    ['an independent', 'Sen. Jim Boe (I-Vt.) spoke.', ['I-Vt.']],
    ['an AP abbreviation without its full stop', 'Sen. Tom Hoe (R-Tex) spoke.', ['R-Tex']],
    ['a city is not a state', 'Rep. Lee Koe (D-Fresno) spoke.', []],
    ['a product code is not a tag', 'The Isuzu D-Max and the Jaguar I-Pace sold well.', []],
    ['a letter inside a word is not a party', 'The AR-Texas line and X-Mass.', []],
    ['a longer word after the state is not a tag', 'The R-Texasville plan.', []],
  ]
  it.each(cases)('%s', (_name, text, want) => {
    expect(findPartyTags(text).map((s) => text.slice(s.start, s.end))).toEqual(want)
  })
})

describe('relabelPartyTags', () => {
  const cases: {name: string; text: string; tagged: [string, EntityLabel][]; want: [string, EntityLabel][]}[] = [
    {name: 'a tag tagged LOC becomes one MISC', text: 'Rep. Stan Loe (D-Mass.) said no.', tagged: [['Stan Loe', 'PERSON'], ['D-Mass.', 'LOC']], want: [['Stan Loe', 'PERSON'], ['D-Mass.', 'MISC']]},
    {name: 'a tag the model missed is added', text: 'Rep. Stan Loe (R-S.C.) said no.', tagged: [['Stan Loe', 'PERSON']], want: [['Stan Loe', 'PERSON'], ['R-S.C.', 'MISC']]},
    {name: 'a name taken with the tag keeps its part outside', text: 'Rep. Sue Zoe (D-New York) spoke.', tagged: [['Sue Zoe (D-New', 'PERSON']], want: [['Sue Zoe', 'PERSON'], ['D-New York', 'MISC']]},
    {name: 'a part of the tag tagged alone is dropped', text: 'Rep. Sue Zoe (D-New York) spoke.', tagged: [['Sue Zoe', 'PERSON'], ['York', 'LOC']], want: [['Sue Zoe', 'PERSON'], ['D-New York', 'MISC']]},
    {name: 'already MISC: unchanged', text: 'Sen. Jane Roe, D-Mass., said so.', tagged: [['Jane Roe', 'PERSON'], ['D-Mass.', 'MISC']], want: [['Jane Roe', 'PERSON'], ['D-Mass.', 'MISC']]},
    {name: 'no tag: unchanged', text: 'Massachusetts voted.', tagged: [['Massachusetts', 'LOC']], want: [['Massachusetts', 'LOC']]},
  ]
  it.each(cases)('$name', ({text, tagged, want}) => {
    const got = relabelPartyTags(text, findTokens(text), placeTaggedSpans(text, tagged)).map((m): [string, EntityLabel] => [text.slice(m.start, m.end), m.label])
    expect(got).toEqual(want)
  })

  it('leaves the full stop out when the tokenizer made it a sentence end', () => {
    const text = 'The bill was backed by Rep. Stan Loe, D-Mass.'
    const tokens = findTokens(text)
    const got = relabelPartyTags(text, tokens, []).map((m) => text.slice(m.start, m.end))
    expect(got.length).toBe(1)
    expect(tokens.some((t) => t.end === text.indexOf('D-Mass') + got[0]!.length)).toBe(true)
  })
})
