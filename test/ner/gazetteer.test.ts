import {describe, expect, it} from 'vitest'
import {buildCategoryGazetteer, buildExternalGazetteer, buildGazetteer, createGazetteerCache, entryTokens, externalEntries, markGazetteer} from '../../src/ner/gazetteer.ts'
import {baseLexicon, EXTERNAL_CATEGORIES, withSources} from '../../src/ner/lexicon.ts'

describe('gazetteer', () => {
  const gazetteer = buildGazetteer([
    {tokens: ['new', 'york'], type: 'LOC'},
    {tokens: ['new', 'york', 'times'], type: 'ORG'},
    {tokens: ['york'], type: 'PER'},
  ])

  it.each([
    // words, capitalised flags, expected masks (bit = type * 4 + B0 I1 L2 U3)
    [['in', 'new', 'york', 'times'], [0, 1, 1, 1], [0, (1 << 8) | (1 << 4), (1 << 10) | (1 << 5) | (1 << 3), 1 << 6]],
    [['new', 'york'], [0, 0], [0, 0]],
    [['york', 'x'], [1, 0], [1 << 3, 0]],
  ])('marks %j', (words, caps, masks) => {
    const out = new Uint32Array(words.length)
    markGazetteer(gazetteer, words, caps, 0, words.length, out)
    expect(Array.from(out)).toEqual(masks)
  })

  it('marks the same with first-word nodes and continuations cached by word id', () => {
    const words = ['in', 'new', 'york', 'times', 'and', 'york', ',', 'new', 'york', 'said', 'new', 'times', 'york', 'york', 'times']
    const caps = [0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1]
    const ids = words.map((w) => words.indexOf(w))
    const expected = new Uint32Array(words.length)
    markGazetteer(gazetteer, words, caps, 0, words.length, expected)
    const cache = createGazetteerCache()
    for (let pass = 0; pass < 2; pass++) {
      const out = new Uint32Array(words.length)
      markGazetteer(gazetteer, words, caps, 0, words.length, out, ids, cache)
      expect(Array.from(out)).toEqual(Array.from(expected))
    }
  })

  it('splits entries like the tokenizer', () => {
    expect(entryTokens("Ben & Jerry's")).toEqual(['ben', '&', 'jerry', "'s"])
  })

  it('marks categories beyond the four types, up to the 32nd bit', () => {
    const g = buildCategoryGazetteer([
      {tokens: ['acme'], category: 7},
      {tokens: ['acme', 'bank'], category: 1},
    ])
    const out = new Uint32Array(2)
    markGazetteer(g, ['acme', 'bank'], [1, 1], 0, 2, out)
    expect(Array.from(out)).toEqual([((1 << 31) | (1 << 4)) >>> 0, 1 << 6])
    expect(() => buildCategoryGazetteer([{tokens: ['x'], category: 8}])).toThrow(/out of range/)
  })

  it('numbers a lexicon\'s external lists by EXTERNAL_CATEGORIES, data-package lists after compromise\'s', () => {
    const lexicon = withSources(baseLexicon(), {city: ['Kyiv', 'kyiv', ' Lviv'], brand: ['Acme Corp']})
    lexicon.names.ORG = ['united nations']
    expect(lexicon.sources).toEqual({city: ['kyiv', 'lviv'], brand: ['acme corp']})
    expect(externalEntries(lexicon)).toEqual([
      {tokens: ['united', 'nations'], category: EXTERNAL_CATEGORIES.indexOf('ORG')},
      {tokens: ['kyiv'], category: EXTERNAL_CATEGORIES.indexOf('city')},
      {tokens: ['lviv'], category: EXTERNAL_CATEGORIES.indexOf('city')},
      {tokens: ['acme', 'corp'], category: EXTERNAL_CATEGORIES.indexOf('brand')},
    ])
  })

  it('builds the external gazetteer straight from entry strings exactly as from its entries', () => {
    const lexicon = withSources(baseLexicon(), {city: ['kyiv', 'new york', 'são paulo', 'l’aquila', ''], brand: ['ben & jerry’s', 'acme']})
    lexicon.names.PER = ['o\'neill', 'anne-marie duff', 'acme']
    lexicon.names.LOC = ['rio  de janeiro', 'york', 'new york\tcity', 'x\u00A0y', '\u2026']
    expect(buildExternalGazetteer(lexicon)).toEqual(buildCategoryGazetteer(externalEntries(lexicon)))
  })
})
