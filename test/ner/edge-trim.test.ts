import {describe, expect, it} from 'vitest'
import {findTrimmedMention, trimEdgeMarks} from '../../src/ner/edge-trim.ts'
import {NerTagger} from '../../src/ner/tagger.ts'
import {encodeBilou, decodeBilou, type TokenSpan} from '../../src/ner/tags.ts'
import type {NerDocument} from '../../tools/ner/conll.ts'
import {trainTinyModel} from './synthetic.ts'

type Case = {
  name: string
  words: string
  spans: [number, number, TokenSpan['type']][]
  trimmed: [number, number, TokenSpan['type']][]
  changed: number
}

// invented names; each case is one shape of rule P (docs/ner.md, twenty-first round)
const cases: Case[] = [
  {name: 'a wrapping pair of angle brackets', words: 'see < The Quiet Garden > tonight', spans: [[1, 6, 'MISC']], trimmed: [[2, 5, 'MISC']], changed: 1},
  {name: 'a wrapping pair of round brackets', words: 'the ( Norvale Trust ) said', spans: [[1, 5, 'ORG']], trimmed: [[2, 4, 'ORG']], changed: 1},
  {name: 'wrapping curly quotes', words: 'the film “ Harbour Lights ” opened', spans: [[2, 6, 'MISC']], trimmed: [[3, 5, 'MISC']], changed: 1},
  {name: 'wrapping straight double quotes', words: 'the film " Harbour Lights " opened', spans: [[2, 6, 'MISC']], trimmed: [[3, 5, 'MISC']], changed: 1},
  {name: 'a stray opening bracket first', words: 'droid ( Tamsin spoke', spans: [[1, 3, 'PER']], trimmed: [[2, 3, 'PER']], changed: 1},
  {name: 'a stray straight quote last', words: "playing Moonfall Saga ' now", spans: [[1, 4, 'MISC']], trimmed: [[1, 3, 'MISC']], changed: 1},
  {name: 'a closing bracket first', words: ') Brenford Mills said', spans: [[0, 3, 'ORG']], trimmed: [[1, 3, 'ORG']], changed: 1},
  {name: 'an opening bracket last', words: 'Brenford Mills ( BM )', spans: [[0, 3, 'ORG']], trimmed: [[0, 2, 'ORG']], changed: 1},
  {name: 'a stray closing curly quote last', words: 'at Calder Works ” said', spans: [[1, 4, 'ORG']], trimmed: [[1, 3, 'ORG']], changed: 1},
  {name: 'a mark alone is removed', words: 'he said ( and', spans: [[2, 3, 'ORG']], trimmed: [], changed: 1},
  {name: 'a trimmed mention of one word is a U tag', words: '< Orlen > won', spans: [[0, 3, 'ORG']], trimmed: [[1, 2, 'ORG']], changed: 1},
  {name: 'not a closing bracket whose partner is inside', words: 'the Workers Party ( Renewal ) won', spans: [[1, 6, 'ORG']], trimmed: [[1, 6, 'ORG']], changed: 0},
  {name: 'not an opening quote whose partner is inside', words: '" Red " Tamsin Oduya spoke', spans: [[0, 5, 'PER']], trimmed: [[0, 5, 'PER']], changed: 0},
  {name: 'not a mark inside the mention', words: 'the Calder : Second Harvest show', spans: [[1, 5, 'MISC']], trimmed: [[1, 5, 'MISC']], changed: 0},
  {name: 'not a word with a mark in it', words: "O'Brien 's firm", spans: [[0, 2, 'PER']], trimmed: [[0, 2, 'PER']], changed: 0},
  {name: 'not other punctuation at an edge', words: 'Calder Works . said', spans: [[0, 3, 'ORG']], trimmed: [[0, 3, 'ORG']], changed: 0},
  // an emoji or other pictograph is never part of a name (qatext audit, 2026-12-01: "Maria Gomez 👩‍👩‍👧" was a PERSON)
  {name: 'an emoji last', words: 'fan Marta Selin 👩‍👩‍👧 said', spans: [[1, 4, 'PER']], trimmed: [[1, 3, 'PER']], changed: 1},
  {name: 'a flag first', words: '🇬🇧 Brenford Mills said', spans: [[0, 3, 'ORG']], trimmed: [[1, 3, 'ORG']], changed: 1},
  {name: 'a trademark sign and an emoji with a skin tone last', words: 'Orlen ™ 💪🏽 won', spans: [[0, 3, 'ORG']], trimmed: [[0, 1, 'ORG']], changed: 1},
  {name: 'an emoji alone is removed', words: 'said 🎉 now', spans: [[1, 2, 'MISC']], trimmed: [], changed: 1},
  {name: 'not an emoji inside the mention', words: 'the Calder 🎉 Harvest show', spans: [[1, 4, 'MISC']], trimmed: [[1, 4, 'MISC']], changed: 0},
  {name: 'two mentions, each trimmed on its own', words: '( Tamsin met < Orlen Group >', spans: [[0, 2, 'PER'], [3, 7, 'ORG']], trimmed: [[1, 2, 'PER'], [4, 6, 'ORG']], changed: 2},
]

const toSpans = (list: Case['spans']): TokenSpan[] => list.map(([start, end, type]) => ({start, end, type}))

describe('trimEdgeMarks (rule P)', () => {
  it.each(cases)('$name', ({words, spans, trimmed, changed}) => {
    const tokens = words.split(' ')
    const tags = encodeBilou(toSpans(spans), tokens.length)
    expect(trimEdgeMarks((i) => tokens[i], tags)).toBe(changed)
    expect(decodeBilou(tags)).toEqual(toSpans(trimmed))
  })

  it.each([
    ['< A >', [1, 2]],
    ['( ( A ) )', [2, 3]],
    ["' A '", [1, 2]],
    ['‘ A ’', [1, 2]],
    ['« A', [1, 2]],
    ['A »', [0, 1]],
    ['( )', [1, 1]],
  ])('findTrimmedMention(%s) keeps %j', (words, kept) => {
    const tokens = (words as string).split(' ')
    expect(findTrimmedMention((i) => tokens[i], 0, tokens.length)).toEqual(kept)
  })
})

// the option end to end: a tiny model trained to take the "(" before a name into the PER mention, tagging through
// tagDocument and tagSpans with the trim off and on
describe('NerTagger edgeTrim', () => {
  const names = ['Tamsin', 'Oduya']
  const extra: NerDocument[] = Array.from({length: 16}, (_, d) => {
    const words = ['The', 'droid', '(', names[d % names.length], 'said', 'so', '.']
    return {words, sentenceEnds: [words.length], entities: [{start: 2, end: 4, type: 'PER'}]}
  })
  const {model, doc, text, spans} = trainTinyModel(extra)

  it('leaves the bracket in the mention when off (the default)', () => {
    const tagger = new NerTagger(model, {beam: 4})
    expect(decodeBilou(tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual(doc.entities)
    expect(decodeBilou(tagger.tagSpans(text, spans, doc.sentenceEnds))).toEqual(doc.entities)
    expect(tagger.edgeTrims).toBe(0)
  })

  it('trims it and counts the trims when on', () => {
    const tagger = new NerTagger(model, {beam: 4, consistency: true, givenNameJoin: true, edgeTrim: true})
    expect(decodeBilou(tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual([{start: 3, end: 4, type: 'PER'}])
    expect(decodeBilou(tagger.tagSpans(text, spans, doc.sentenceEnds))).toEqual([{start: 3, end: 4, type: 'PER'}])
    expect(tagger.edgeTrims).toBe(2)
  })
})
