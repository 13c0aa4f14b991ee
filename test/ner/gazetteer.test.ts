import {describe, expect, it} from 'vitest'
import {addOrgSources, buildCategoryGazetteer, buildExternalGazetteer, buildGazetteer, createGazetteerCache, entryTokens, externalEntries, buildIndexedGazetteer, type Gazetteer, indexEntries, indexExternal, markGazetteer, orgTokenLists, TOKEN_ENTRIES, tokenLists} from '../../src/ner/gazetteer.ts'
import {hashKey, KeyTable} from '../../src/ner/key-table.ts'
import {baseLexicon, EXTERNAL_CATEGORIES, ORG_SOURCE_CATEGORIES, withSources} from '../../src/ner/lexicon.ts'
import {NER_TYPES} from '../../src/ner/tags.ts'

// every two-word text of `words`, alone, before `tail` and after "bank of", marked by the indexed gazetteer exactly as by the trie
function expectSameMarks(plain: Gazetteer, indexed: Gazetteer, words: string[], tail: string[]): void {
  for (const a of words) {
    for (const b of words) {
      for (const text of [[a, b], [a, b, ...tail], ['bank', 'of', a, b]]) {
        const caps = text.map(() => 1)
        const expected = new Uint32Array(text.length)
        markGazetteer(plain, text, caps, 0, text.length, expected)
        const out = new Uint32Array(text.length)
        markGazetteer(indexed, text, caps, 0, text.length, out, text.map((w) => words.indexOf(w)), createGazetteerCache())
        expect(Array.from(out)).toEqual(Array.from(expected))
        // and with the words' hashes, which let the start and continuation filters rule words out
        const filtered = new Uint32Array(text.length)
        const ids = text.map((w) => words.indexOf(w))
        markGazetteer(indexed, text, caps, 0, text.length, filtered, ids, createGazetteerCache(), undefined, words.map((w) => hashKey(w)))
        expect(Array.from(filtered)).toEqual(Array.from(expected))
      }
    }
  }
}

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

  it('marks the same reading each word from a table of distinct words (wordIndex)', () => {
    const words = ['in', 'new', 'york', 'times', 'and', 'york', ',', 'new', 'york', 'said', 'new', 'times', 'york', 'york', 'times']
    const caps = [0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1]
    const distinct = [...new Set(words)].reverse()
    const wordIndex = words.map((w) => distinct.indexOf(w))
    const expected = new Uint32Array(words.length)
    markGazetteer(gazetteer, words, caps, 0, words.length, expected)
    const out = new Uint32Array(words.length)
    markGazetteer(gazetteer, distinct, caps, 0, words.length, out, wordIndex, createGazetteerCache(), wordIndex)
    expect(Array.from(out)).toEqual(Array.from(expected))
  })

  // the rule written out: every entry occurrence in words[from, to) holding a capitalised word marks its tokens
  function oracleMarks(entries: Array<{tokens: string[]; type: (typeof NER_TYPES)[number]}>, words: string[], caps: number[], from: number, to: number): number[] {
    const masks = words.map(() => 0)
    for (const {tokens, type} of entries) {
      const t = NER_TYPES.indexOf(type)
      for (let i = from; i + tokens.length <= to; i++) {
        if (!tokens.every((token, k) => words[i + k] === token)) continue
        if (!tokens.some((_, k) => caps[i + k])) continue
        if (tokens.length === 1) masks[i] |= 1 << (t * 4 + 3)
        else {
          masks[i] |= 1 << (t * 4)
          for (let k = 1; k < tokens.length - 1; k++) masks[i + k] |= 1 << (t * 4 + 1)
          masks[i + tokens.length - 1] |= 1 << (t * 4 + 2)
        }
      }
    }
    return masks
  }

  const longEntries: Array<{tokens: string[]; type: (typeof NER_TYPES)[number]}> = [
    {tokens: ['bank', 'of', 'the', 'new', 'york', 'area'], type: 'ORG'},
    {tokens: ['the', 'new', 'york'], type: 'LOC'},
    {tokens: ['new', 'york'], type: 'LOC'},
    {tokens: ['of'], type: 'MISC'},
    {tokens: ['area'], type: 'PER'},
  ]
  const long = buildGazetteer(longEntries)
  const text = ['the', 'bank', 'of', 'the', 'new', 'york', 'area', 'of', 'the', 'new', 'york']

  it.each([
    // which words are capitalised (a match marks only with one of them), and the stretch marked
    ['none', [], 0, 11],
    ['only the last word of the six-word entry', [6], 0, 11],
    ['only the first word of the six-word entry', [1], 0, 11],
    ['only a word six tokens after the entry starts', [7], 0, 11],
    ['the last word of the text', [10], 0, 11],
    ['the last word, with the stretch cut before it', [10], 0, 10],
    ['a word before the stretch', [0], 1, 11],
    ['every other word', [0, 2, 4, 6, 8, 10], 0, 11],
    ['every word', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, 9],
  ])('marks matches holding a capitalised word (%s), however far along the entry it is', (_, capitalisedAt, from, to) => {
    const caps = text.map((_, i) => ((capitalisedAt as number[]).includes(i) ? 1 : 0))
    const expected = oracleMarks(longEntries, text, caps, from, to)
    const out = new Uint32Array(text.length)
    markGazetteer(long, text, caps, from, to, out)
    expect(Array.from(out)).toEqual(expected)
    const cached = new Uint32Array(text.length)
    markGazetteer(long, text, caps, from, to, cached, text.map((w) => text.indexOf(w)), createGazetteerCache())
    expect(Array.from(cached)).toEqual(expected)
  })

  it('marks as the rule says under every capitalisation of a text', () => {
    const words = text.slice(1, 10)
    const ids = words.map((w) => words.indexOf(w))
    const cache = createGazetteerCache()
    for (let pattern = 0; pattern < 1 << words.length; pattern++) {
      const caps = words.map((_, i) => (pattern >> i) & 1)
      const out = new Uint32Array(words.length)
      markGazetteer(long, words, caps, 0, words.length, out, ids, cache)
      expect(Array.from(out)).toEqual(oracleMarks(longEntries, words, caps, 0, words.length))
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

  it('builds the external gazetteer straight from entry strings (one-word entries in a table) matching exactly as from its entries', () => {
    const lexicon = withSources(baseLexicon(), {city: ['kyiv', 'new york', 'são paulo', 'l’aquila', '', 'new'], brand: ['ben & jerry’s', 'acme', 'jean-paul']})
    lexicon.names.PER = ['o\'neill', 'anne-marie duff', 'acme', 'jean\u2010paul', 'york']
    lexicon.names.LOC = ['rio  de janeiro', 'york', 'new york\tcity', 'x\u00A0y', '\u2026']
    const plain = buildCategoryGazetteer(externalEntries(lexicon))
    const index = indexExternal(lexicon)
    // as a model file stores the tables: frozen, then read over copies of their arrays
    const thaw = (table: KeyTable) => {
      const frozen = table.freeze()
      return KeyTable.thaw({size: frozen.size, slots: Int32Array.from(frozen.slots), pool: Uint16Array.from(frozen.pool)})
    }
    const stored = {...index, words: thaw(index.words), heads: thaw(index.heads), later: thaw(index.later)}
    const words = [...new Set(externalEntries(lexicon).flatMap((e) => e.tokens)), 'the', 'city', 'x']
    // every entry in running text, and every ordered pair and triple of words
    const texts = [externalEntries(lexicon).flatMap((e) => ['the', ...e.tokens])]
    for (const a of words) for (const b of words) texts.push([a, b], [a, b, 'york'], ['new', a, b])
    for (const external of [buildExternalGazetteer(lexicon), buildExternalGazetteer(lexicon, stored)]) {
      expect(external.maxLength).toBe(plain.maxLength)
      for (const word of [...words, 'nope']) expect(external.later.has(word)).toBe(plain.later.has(word))
      for (const text of texts) {
        const caps = text.map(() => 1)
        const expected = new Uint32Array(text.length)
        markGazetteer(plain, text, caps, 0, text.length, expected)
        const out = new Uint32Array(text.length)
        markGazetteer(external, text, caps, 0, text.length, out)
        const cached = new Uint32Array(text.length)
        markGazetteer(external, text, caps, 0, text.length, cached, text.map((w) => words.indexOf(w)), createGazetteerCache())
        const filtered = new Uint32Array(text.length)
        markGazetteer(external, text, caps, 0, text.length, filtered, text.map((w) => words.indexOf(w)), createGazetteerCache(), undefined, words.map((w) => hashKey(w)))
        expect([Array.from(out), Array.from(cached), Array.from(filtered)]).toEqual([Array.from(expected), Array.from(expected), Array.from(expected)])
      }
    }
  })

  it('matches the harvested names from their stored index exactly as from their trie', () => {
    const entries = [
      {tokens: ['new', 'york'], type: 'LOC' as const},
      {tokens: ['new', 'york', 'times'], type: 'ORG' as const},
      {tokens: ['york'], type: 'PER' as const},
      {tokens: ['new'], type: 'MISC' as const},
      {tokens: ['bank', 'of', 'new', 'york'], type: 'ORG' as const},
      {tokens: ['x', '', 'y'], type: 'LOC' as const},
    ]
    const plain = buildGazetteer(entries)
    const lists = tokenLists(entries)
    const indexed = buildIndexedGazetteer(lists, indexEntries(lists, TOKEN_ENTRIES), TOKEN_ENTRIES)
    const words = ['new', 'york', 'times', 'bank', 'of', 'x', '', 'y', 'the']
    expectSameMarks(plain, indexed, words, ['york', 'times'])
  })

  it('reads the organisation lists through the harvested names\' index exactly as through the trie', () => {
    const lexicon = withSources(baseLexicon(), {university: ['Acme University', 'Acme', 'Bank of New York Mellon'], airline: ['Acme Air'], company: ['Boeing']})
    const entries = [{tokens: ['acme'], type: 'ORG' as const}, {tokens: ['bank', 'of', 'new', 'york'], type: 'ORG' as const}]
    const plain = addOrgSources(buildGazetteer(entries), lexicon)
    const lists = [...tokenLists(entries), ...orgTokenLists(lexicon)]
    const indexed = buildIndexedGazetteer(lists, indexEntries(lists, TOKEN_ENTRIES), TOKEN_ENTRIES)
    const words = ['acme', 'university', 'air', 'bank', 'of', 'new', 'york', 'mellon', 'boeing', 'the']
    expectSameMarks(plain, indexed, words, ['york', 'mellon'])
  })

  it('adds the organisation lists to a training-data gazetteer in the bits above the four types', () => {
    const lexicon = withSources(baseLexicon(), {university: ['Acme University', 'Acme'], airline: ['Acme Air']})
    const g = addOrgSources(buildGazetteer([{tokens: ['acme'], type: 'ORG'}]), lexicon)
    const university = NER_TYPES.length + ORG_SOURCE_CATEGORIES.indexOf('university')
    const airline = NER_TYPES.length + ORG_SOURCE_CATEGORIES.indexOf('airline')
    const out = new Uint32Array(3)
    markGazetteer(g, ['acme', 'university', 'air'], [1, 1, 1], 0, 3, out)
    const org = NER_TYPES.indexOf('ORG')
    // "acme": U of ORG and of university, B of "acme university"; "university": L of it; "air" matches nothing alone
    expect(Array.from(out)).toEqual([
      ((1 << (org * 4 + 3)) | (1 << (university * 4 + 3)) | (1 << (university * 4))) >>> 0,
      (1 << (university * 4 + 2)) >>> 0,
      0,
    ])
    const air = new Uint32Array(2)
    markGazetteer(g, ['acme', 'air'], [1, 1], 0, 2, air)
    expect(Array.from(air)).toEqual([
      ((1 << (org * 4 + 3)) | (1 << (university * 4 + 3)) | (1 << (airline * 4))) >>> 0,
      (1 << (airline * 4 + 2)) >>> 0,
    ])
  })

  it('leaves the gazetteer of a model without the organisation lists as it was', () => {
    const entries = [{tokens: ['acme'], type: 'ORG' as const}]
    expect(addOrgSources(buildGazetteer(entries), baseLexicon())).toEqual(buildGazetteer(entries))
  })
})
