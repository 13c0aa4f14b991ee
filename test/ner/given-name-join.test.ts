import {describe, expect, it} from 'vitest'
import {isTitleCase, joinGivenNames} from '../../src/ner/given-name-join.ts'
import {NerTagger} from '../../src/ner/tagger.ts'
import {encodeBilou, decodeBilou, type TokenSpan} from '../../src/ner/tags.ts'
import type {NerDocument} from '../../tools/ner/conll.ts'
import {trainTinyModel} from './synthetic.ts'

// a stand-in list for the finder's cases (the real one, faker's, is tested in test/ner/given-name-list.test.ts)
const LIST = new Set(['roman', 'christian', 'german', 'paris', 'jan'])
const inList = (word: string) => LIST.has(word)

type Case = {
  name: string
  words: string
  spans: [number, number, TokenSpan['type']][]
  sentenceEnds?: number[]
  joined: [number, number, TokenSpan['type']][]
  joins: number
}

const cases: Case[] = [
  {name: 'a Title-case given name tagged MISC before a one-word PER', words: 'Roman Abramovich bought the club', spans: [[0, 1, 'MISC'], [1, 2, 'PER']], joined: [[0, 2, 'PER']], joins: 1},
  {name: 'the pair mid-sentence', words: 'Chancellor Christian Lindner said', spans: [[1, 2, 'MISC'], [2, 3, 'PER']], joined: [[1, 3, 'PER']], joins: 1},
  {name: 'two pairs in one document', words: 'Roman Abramovich met Christian Lindner', spans: [[0, 1, 'MISC'], [1, 2, 'PER'], [3, 4, 'MISC'], [4, 5, 'PER']], joined: [[0, 2, 'PER'], [3, 5, 'PER']], joins: 2},
  {name: 'not a multi-word PER (a nationality before a full name)', words: 'German Jan Ullrich won', spans: [[0, 1, 'MISC'], [1, 3, 'PER']], joined: [[0, 1, 'MISC'], [1, 3, 'PER']], joins: 0},
  {name: 'not a LOC word before a PER', words: 'Paris Abramovich spoke', spans: [[0, 1, 'LOC'], [1, 2, 'PER']], joined: [[0, 1, 'LOC'], [1, 2, 'PER']], joins: 0},
  {name: 'not an ORG word before a PER', words: 'Roman Abramovich spoke', spans: [[0, 1, 'ORG'], [1, 2, 'PER']], joined: [[0, 1, 'ORG'], [1, 2, 'PER']], joins: 0},
  {name: 'not an ALL-CAPS MISC word', words: 'ROMAN ABRAMOVICH SPOKE', spans: [[0, 1, 'MISC'], [1, 2, 'PER']], joined: [[0, 1, 'MISC'], [1, 2, 'PER']], joins: 0},
  {name: 'not a MISC word outside the list', words: 'Russian Abramovich spoke', spans: [[0, 1, 'MISC'], [1, 2, 'PER']], joined: [[0, 1, 'MISC'], [1, 2, 'PER']], joins: 0},
  {name: 'not across a sentence end', words: 'He is Roman Abramovich spoke', spans: [[2, 3, 'MISC'], [3, 4, 'PER']], sentenceEnds: [3, 5], joined: [[2, 3, 'MISC'], [3, 4, 'PER']], joins: 0},
  {name: 'not a MISC mention of two words', words: 'Roman Catholic Abramovich spoke', spans: [[0, 2, 'MISC'], [2, 3, 'PER']], joined: [[0, 2, 'MISC'], [2, 3, 'PER']], joins: 0},
  {name: 'not a PER before the MISC word', words: 'Abramovich Roman spoke', spans: [[0, 1, 'PER'], [1, 2, 'MISC']], joined: [[0, 1, 'PER'], [1, 2, 'MISC']], joins: 0},
  {name: 'not with a word between them', words: 'Roman , Abramovich', spans: [[0, 1, 'MISC'], [2, 3, 'PER']], joined: [[0, 1, 'MISC'], [2, 3, 'PER']], joins: 0},
  {name: 'not a mixed-case MISC word', words: 'RoMan Abramovich spoke', spans: [[0, 1, 'MISC'], [1, 2, 'PER']], joined: [[0, 1, 'MISC'], [1, 2, 'PER']], joins: 0},
]

const toSpans = (list: Case['spans']): TokenSpan[] => list.map(([start, end, type]) => ({start, end, type}))

describe('joinGivenNames (rule J)', () => {
  it.each(cases)('$name', ({words, spans, sentenceEnds, joined, joins}) => {
    const tokens = words.split(' ')
    const tags = encodeBilou(toSpans(spans), tokens.length)
    const asked: string[] = []
    const made = joinGivenNames((i) => tokens[i], tags, sentenceEnds ?? [tokens.length], (word) => (asked.push(word), inList(word)))
    expect(made).toBe(joins)
    expect(decodeBilou(tags)).toEqual(toSpans(joined))
    // the list is asked only about Title-case MISC words before a one-word PER, lowercased
    for (const word of asked) expect(word).toBe(word.toLowerCase())
  })

  it('asks the list nothing when no pair is there', () => {
    const tokens = 'Roman Abramovich spoke'.split(' ')
    const tags = encodeBilou(toSpans([[0, 2, 'PER']]), tokens.length)
    joinGivenNames((i) => tokens[i], tags, [3], () => {
      throw new Error('asked')
    })
    expect(decodeBilou(tags)).toEqual(toSpans([[0, 2, 'PER']]))
  })

  it.each([
    ['Roman', true],
    ['Zoë', true],
    ['Łukasz', true],
    ['ROMAN', false],
    ['roman', false],
    ['RoMan', false],
    ['R', false],
    ['Jean-Luc', false],
    ["O'Neil", false],
  ])('isTitleCase(%s) is %s', (word, expected) => {
    expect(isTitleCase(word as string)).toBe(expected)
  })
})

// the option end to end: a tiny model trained to tag "<given name> <surname>" as MISC + PER, tagging through
// tagDocument and tagSpans with the join off and on (the on side loads the real given-name list)
describe('NerTagger givenNameJoin', () => {
  const pairs: [string, string][] = [['Roman', 'Kowal'], ['Christian', 'Brandt']]
  const extra: NerDocument[] = Array.from({length: 16}, (_, d) => {
    const [first, last] = pairs[d % pairs.length]
    const words = ['Yesterday', first, last, 'said', 'the', 'deal', 'was', 'done', '.']
    return {words, sentenceEnds: [words.length], entities: [{start: 1, end: 2, type: 'MISC'}, {start: 2, end: 3, type: 'PER'}]}
  })
  const {model, doc, text, spans} = trainTinyModel(extra)

  it('leaves MISC + PER as the model tagged them when off (the default)', () => {
    const tagger = new NerTagger(model, {beam: 4})
    expect(decodeBilou(tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual(doc.entities)
    expect(decodeBilou(tagger.tagSpans(text, spans, doc.sentenceEnds))).toEqual(doc.entities)
    expect(tagger.givenNameJoins).toBe(0)
  })

  it('joins them into one PER and counts the joins when on', () => {
    const tagger = new NerTagger(model, {beam: 4, consistency: true, givenNameJoin: true})
    expect(decodeBilou(tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual([{start: 1, end: 3, type: 'PER'}])
    expect(decodeBilou(tagger.tagSpans(text, spans, doc.sentenceEnds))).toEqual([{start: 1, end: 3, type: 'PER'}])
    expect(tagger.givenNameJoins).toBe(2)
  })
})
