import {describe, expect, it} from 'vitest'
import {DocumentScratch, EncodeBuffers, encodeDocument, encodeSpans, TypeRegistry} from '../../src/ner/encode.ts'
import {buildGazetteer} from '../../src/ner/gazetteer.ts'
import {baseLexicon, indexLexicon, LEXICON_CATEGORIES} from '../../src/ner/lexicon.ts'

const lexicon = indexLexicon(baseLexicon())

/** Token spans of a space-separated text. */
function spansOf(text: string): {start: number; end: number}[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({start: m.index, end: m.index + m[0].length}))
}

describe('TypeRegistry words', () => {
  it.each([
    ['Paris', 'in Paris today', 3],
    ['“Paris”', 'x “Paris” y', 2],
    ['', 'abc', 1],
    ['é', 'café é', 5],
  ])('finds %j by its characters in a text as by the string', (word, text, at) => {
    const registry = new TypeRegistry(lexicon)
    const id = registry.wordOf(word)
    expect(registry.wordAt(text, at, at + word.length)).toBe(id)
    expect(registry.typeOfWord(id, false)).toBe(registry.typeOf(word, false))
  })

  it('keeps words apart and ids stable as the table grows past its first size', () => {
    const registry = new TypeRegistry(lexicon)
    const words = Array.from({length: 5000}, (_, i) => `w${i.toString(36)}`)
    // words that differ in one character, in case, or in length share many hash bits
    words.push('Paris', 'paris', 'PARIS', 'Pari', 'Parisx', 'a', 'A', 'aa')
    const ids = words.map((w) => registry.wordOf(w))
    expect(new Set(ids).size).toBe(words.length)
    const text = words.join(' ')
    let at = 0
    words.forEach((w, i) => {
      expect(registry.wordAt(text, at, at + w.length)).toBe(ids[i])
      at += w.length + 1
    })
  })

  it('makes one type per word and headline flag, only when asked', () => {
    const registry = new TypeRegistry(lexicon)
    const id = registry.wordOf('NATO')
    expect(registry.size).toBe(0)
    const plain = registry.typeOfWord(id, false)
    const headline = registry.typeOfWord(id, true)
    expect(plain).not.toBe(headline)
    expect(registry.typeOf('NATO', false)).toBe(plain)
    expect(registry.size).toBe(2)
    expect(registry.caps[headline]).toBe(true)
  })
})

describe('encodeSpans', () => {
  it.each([
    ['Kremlin spokesman Dmitry Peskov said on Friday that New York talks would resume .', [14]],
    ['RUSSIA SAYS TALKS WILL RESUME . Foreign Minister Sergey Lavrov said in Moscow that the talks would go on .', [6, 20]],
    ['The talks in Geneva ended . Geneva officials said that Lavrov and the New York Times disagreed .', [6, 18]],
  ])('encodes %j exactly as encodeDocument does from the words', (text, sentenceEnds) => {
    const gazetteer = buildGazetteer([
      {tokens: ['new', 'york'], type: 'LOC'},
      {tokens: ['new', 'york', 'times'], type: 'ORG'},
      {tokens: ['geneva'], type: 'LOC'},
    ])
    const spans = spansOf(text)
    const words = spans.map((s) => text.slice(s.start, s.end))
    const byWords = encodeDocument(words, sentenceEnds, new TypeRegistry(lexicon), gazetteer, gazetteer, new DocumentScratch())
    const registry = new TypeRegistry(lexicon)
    const scratch = new DocumentScratch()
    // twice with one registry: the second time every word and gazetteer lookup is cached
    for (let pass = 0; pass < 2; pass++) {
      const bySpans = encodeSpans(text, spans, sentenceEnds, registry, gazetteer, gazetteer, scratch)
      expect(bySpans).toEqual(byWords)
    }
  })
})

describe('context aggregation', () => {
  const bit = (name: string, side: 'before' | 'after') =>
    1 << (LEXICON_CATEGORIES.indexOf(name as (typeof LEXICON_CATEGORIES)[number]) + (side === 'after' ? LEXICON_CATEGORIES.length : 0))
  const THE = 1 << (2 * LEXICON_CATEGORIES.length)
  const AFTER_CAPITAL = 1 << (2 * LEXICON_CATEGORIES.length + 2)
  const BEFORE_CAPITAL = 1 << (2 * LEXICON_CATEGORIES.length + 3)
  it.each([
    // the same word's other occurrence stands before an organisation head word
    ['Acme said so . Shares of Acme Corporation rose .', [4, 10], 0, bit('orgword', 'after') | BEFORE_CAPITAL],
    // the occurrence's own context is not its evidence: no other occurrence, nothing
    ['Shares of Acme Corporation rose .', [6], 2, 0],
    // after a title and after "the" elsewhere
    ['Zorblat spoke . He met Minister Zorblat . He met the Zorblat .', [3, 8, 13], 0, bit('title', 'before') | AFTER_CAPITAL | THE],
    // a context the token shares with the other occurrences still counts
    ['Acme Corporation said . Acme Corporation rose . Acme Corporation fell .', [4, 8, 12], 0, bit('orgword', 'after') | BEFORE_CAPITAL],
    // a lowercase word gets none
    ['the Acme plant . He saw the Acme deal .', [4, 10], 0, 0],
  ])('%j: token %#', (text, sentenceEnds, token, expected) => {
    const words = text.split(' ')
    const doc = encodeDocument(words, sentenceEnds as number[], new TypeRegistry(lexicon), null, null, new DocumentScratch())
    expect(doc.aggregate[token as number]).toBe(expected)
  })

  it('clears its counters between documents', () => {
    const registry = new TypeRegistry(lexicon)
    const scratch = new DocumentScratch()
    encodeDocument('Acme said . Acme Corporation rose .'.split(' '), [3, 7], registry, null, null, scratch)
    const next = encodeDocument('Acme said .'.split(' '), [3], registry, null, null, scratch)
    expect(next.aggregate[0]).toBe(0)
  })
})

// 3,000 capitalised words, ten initials over and over
const LONG_RUN = Array.from({length: 3000}, (_, i) => `Q${'abcdefghij'[i % 10]}x${i % 7}`).join(' ')

describe('name runs and acronyms', () => {
  const L = LEXICON_CATEGORIES.length
  const cat = (name: string, side: 'last' | 'first') =>
    1 << (LEXICON_CATEGORIES.indexOf(name as (typeof LEXICON_CATEGORIES)[number]) + (side === 'first' ? L : 0))
  const CONNECTED = 1 << (2 * L)
  const DEFINES = 1 << (2 * L + 1)
  const ACRONYM = 1 << (2 * L + 2)
  const ACRONYM_ORG = 1 << (2 * L + 3)
  it.each([
    // a word three places before an organisation head word sees it
    ['He met the Federal Energy Regulatory Commission .', 3, cat('orgword', 'last')],
    // the head word itself sees only the run's first word
    ['He met the Federal Energy Regulatory Commission .', 6, 0],
    // a connector joins the run ("Ministry of Defence"): the last word sees the first
    ['He met the Ministry of Defence .', 5, cat('orgword', 'first') | CONNECTED],
    // "and" joins no two names
    ['Acme Corporation and the Zorblat Agency met .', 4, cat('orgword', 'last')],
    ['Acme Corporation and Zorblat Agency met .', 1, 0],
    // a sentence-initial function word starts no run
    ['The Zorblat Agency met .', 0, 0],
    // but "and" counts for initials ("Securities and Exchange Commission", SEC)
    ['The Zorblat and Quux Commission ( ZQC ) met .', 6, ACRONYM | ACRONYM_ORG],
    // an acronym spelled out by a run of the document, which ends in an organisation head word
    ['The Zorblat Energy Commission ( ZEC ) met .', 5, ACRONYM | ACRONYM_ORG],
    ['The Zorblat Energy Commission ( ZEC ) met .', 2, cat('orgword', 'last') | DEFINES],
    // every word's initial counts too ("Department of Justice", DOJ), and the definition may come later
    ['DOJ said so . The Department of Justice agreed .', 0, ACRONYM | ACRONYM_ORG],
    // a lone capitalised word is no run, and an acronym nobody spells out gets nothing
    ['Acme said so . The ZEC met .', 0, 0],
    ['Acme said so . The ZEC met .', 6, 0],
    // acronym keys have at most 8 letters: an 8-word run defines one, a 9-word run only through its 8-word tail
    ['The Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ( ABGDEZET ) met .', 10, ACRONYM],
    ['The Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ( ABGDEZET ) met .', 1, DEFINES],
    ['The Iota Alpha Beta Gamma Delta Epsilon Zeta Eta Commission ( ABGDEZEC ) met .', 11, ACRONYM | ACRONYM_ORG],
    ['The Iota Alpha Beta Gamma Delta Epsilon Zeta Eta Commission ( ABGDEZEC ) met .', 1, cat('orgword', 'last') | DEFINES],
    ['The Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota ( ABGDEZETI ) met .', 1, 0],
  ])('%j: token %i', (text, token, expected) => {
    const words = text.split(' ')
    const ends = words.flatMap((w, i) => (w === '.' ? [i + 1] : []))
    const doc = encodeDocument(words, ends, new TypeRegistry(lexicon), null, null, new DocumentScratch())
    expect(doc.run[token]).toBe(expected)
  })

  // a run of 3,000 capitalised words (a names list) still defines the acronym of its tail (without a pass per tail)
  it.each([
    ['the acronym', `The ${LONG_RUN} Zorblat Energy Commission ( ZEC ) met .`, 3005, ACRONYM | ACRONYM_ORG],
    ["the run's first word", `The ${LONG_RUN} Zorblat Energy Commission ( ZEC ) met .`, 1, cat('orgword', 'last') | DEFINES],
    ['the acronym, "and" joining two runs', `The ${LONG_RUN} and Zorblat Energy Commission ( ZEC ) met .`, 3006, ACRONYM | ACRONYM_ORG],
  ])('a long run: %s', (_name, text, token, expected) => {
    const words = text.split(' ')
    const ends = words.flatMap((w, i) => (w === '.' ? [i + 1] : []))
    const doc = encodeDocument(words, ends, new TypeRegistry(lexicon), null, null, new DocumentScratch())
    expect(doc.run[token]).toBe(expected)
  })
})

describe('EncodeBuffers.release', () => {
  it.each([
    ['keeps arrays no larger than the bound', 500, 4096, 1024],
    ['lets go of arrays a long document grew', 5000, 4096, 0],
  ])('%s', (_, tokens, keep, size) => {
    const buffers = new EncodeBuffers()
    buffers.arrays(tokens)
    buffers.release(keep)
    expect(buffers.size).toBe(size)
    // and they grow again when the next document needs them
    expect(buffers.arrays(tokens).types.length).toBe(tokens)
  })

  it('encodes the same document alike before and after a release', () => {
    const registry = new TypeRegistry(lexicon)
    const gazetteer = buildGazetteer([{tokens: ['central', 'bank'], type: 'ORG'}])
    const scratch = new DocumentScratch()
    const buffers = new EncodeBuffers()
    const text = 'Maria Lopez met officials of the Central Bank in Lima on Monday .'
    const spans = spansOf(text)
    const first = structuredClone(encodeSpans(text, spans, [spans.length], registry, gazetteer, gazetteer, scratch, buffers))
    buffers.release(0)
    const second = encodeSpans(text, spans, [spans.length], registry, gazetteer, gazetteer, scratch, buffers)
    expect(second).toEqual(first)
  })
})
