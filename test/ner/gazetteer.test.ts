import {describe, expect, it} from 'vitest'
import {buildGazetteer, entryTokens, markGazetteer} from '../../src/ner/gazetteer.ts'

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

  it('marks the same with first-word nodes cached by word id', () => {
    const words = ['in', 'new', 'york', 'times', 'and', 'york', ',', 'new', 'york', 'said']
    const caps = [0, 1, 1, 1, 0, 1, 0, 1, 1, 0]
    const ids = words.map((w) => words.indexOf(w))
    const expected = new Uint32Array(words.length)
    markGazetteer(gazetteer, words, caps, 0, words.length, expected)
    const firstNodes: Parameters<typeof markGazetteer>[7] = []
    for (let pass = 0; pass < 2; pass++) {
      const out = new Uint32Array(words.length)
      markGazetteer(gazetteer, words, caps, 0, words.length, out, ids, firstNodes)
      expect(Array.from(out)).toEqual(Array.from(expected))
    }
  })

  it('splits entries like the tokenizer', () => {
    expect(entryTokens("Ben & Jerry's")).toEqual(['ben', '&', 'jerry', "'s"])
  })
})
