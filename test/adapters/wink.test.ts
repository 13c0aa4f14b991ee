import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isEnglishWord, tagTokens} from '../../src/adapters/wink.ts'
import {createDoc} from '../../src/doc.ts'
import {createSegment} from '../../src/stages/segment.ts'
import type {StageContext} from '../../src/stage.ts'

const root = new URL('../..', import.meta.url).pathname

function segment(text: string) {
  const doc = createDoc({id: 't', source: 't', text})
  createSegment().run(doc, {} as StageContext)
  return doc
}

/** The hand-annotated gold: one `token<TAB>UPOS` line per lede token of news.txt. */
function readGold(): Array<[string, string]> {
  return readFileSync(`${root}/test/data/pos-gold/news.upos.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string])
}

describe('tagTokens (wink-nlp)', () => {
  it.each([
    ['The bank said', ['DET', 'NOUN', 'VERB'], ['the', 'bank', 'say']],
    ['The shares fell 8%.', ['DET', 'NOUN', 'VERB', 'NUM', 'SYM', 'PUNCT'], ['the', 'share', 'fall', '8', '%', '.']],
  ])('tags and lemmatises %j', (text, pos, lemmas) => {
    const doc = segment(text)
    const tags = tagTokens(text, doc.tokens!)
    expect(tags.map((t) => t.pos)).toEqual(pos)
    expect(tags.map((t) => t.lemma)).toEqual(lemmas)
  })

  it('keeps a proper noun as its own lemma', () => {
    const doc = segment('Omar Haddad owns a bakery.')
    expect(tagTokens(doc.text, doc.tokens!).slice(0, 2)).toEqual([
      {pos: 'PROPN', lemma: 'Omar'},
      {pos: 'PROPN', lemma: 'Haddad'},
    ])
  })

  it('stays aligned past emoji and returns one tag per token', () => {
    const text = 'Fans 🎉 cheered loudly 😀 as the team won.'
    const doc = segment(text)
    const tags = tagTokens(text, doc.tokens!)
    expect(tags).toHaveLength(doc.tokens!.length)
    const at = (word: string) => tags[doc.tokens!.findIndex((t) => text.slice(t.start, t.end) === word)]!
    expect(at('cheered')).toEqual({pos: 'VERB', lemma: 'cheer'})
    expect(at('won').lemma).toBe('win')
  })

  // wink leaves "cannot" before a comma whole with a null lemma (fuzz seed 11000191, --layers tokens: write:invalid-record)
  it.each([
    ['cannot,', 'cannot'],
    ['We cannot, he said.', 'cannot'],
  ])('gives every token of %j a lemma', (text, lemma) => {
    const doc = segment(text)
    const tags = tagTokens(text, doc.tokens!)
    expect(tags.every((t) => typeof t.lemma === 'string')).toBe(true)
    expect(tags[doc.tokens!.findIndex((t) => text.slice(t.start, t.end) === 'cannot')]!.lemma).toBe(lemma)
  })

  it('returns nothing for no tokens', () => {
    expect(tagTokens('', [])).toEqual([])
  })

  it('tags hand-annotated news at 85% or better (Universal POS, 291 tokens)', () => {
    const text = readFileSync(`${root}/test/data/pos-gold/news.txt`, 'utf8')
    const doc = segment(text)
    const gold = readGold()
    // the gold is written on lede's own tokens, so the two lists must agree token by token
    expect(doc.tokens!.map((t) => text.slice(t.start, t.end))).toEqual(gold.map(([token]) => token))
    const tags = tagTokens(text, doc.tokens!)
    const right = tags.filter((t, i) => t.pos === gold[i]![1]).length
    const accuracy = right / gold.length
    console.log(`POS accuracy on test/data/pos-gold: ${(accuracy * 100).toFixed(2)}% (${right}/${gold.length})`)
    expect(accuracy).toBeGreaterThanOrEqual(0.85)
  })
})

describe('isEnglishWord (the lexicon of wink-eng-lite-web-model)', () => {
  // the line-end hyphen finder (src/segment/line-hyphens.ts) relies on inflected forms being in, and fragments out
  it.each([
    ['appropriations', true],
    ['environmental', true],
    ['january', true],
    ['announced', true],
    ['term', true],
    ['tions', false],
    ['appropria', false],
    ['longterm', false],
    ['', false],
  ])('%j: %s', (word, known) => {
    expect(isEnglishWord(word)).toBe(known)
  })
})
