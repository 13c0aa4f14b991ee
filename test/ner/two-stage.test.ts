import {describe, expect, it} from 'vitest'
import {baseLexicon} from '../../src/ner/lexicon.ts'
import {NerTagger} from '../../src/ner/tagger.ts'
import {encodeBilou, type TokenSpan} from '../../src/ner/tags.ts'
import {findStageTwoBits, STAGE_TWO_BITS, type StageTwoDocument} from '../../src/ner/two-stage.ts'
import type {NerDocument} from '../../tools/ner/conll.ts'
import {trainNer} from '../../tools/ner/train.ts'
import {syntheticDocuments} from './synthetic.ts'

// bit names of STAGE_TWO_BITS (see two-stage.ts): labels of the other occurrences, their majority, the longest other
// mention holding the word and the word's place in it
const NAMES = ['O', 'PER', 'ORG', 'LOC', 'MISC', 'mO', 'mPER', 'mORG', 'mLOC', 'mMISC', 'lPER', 'lORG', 'lLOC', 'lMISC', 'first', 'inner', 'last']

/** A document of sentences split on " / ", words split on spaces; capitalised as written, the lowercased word its id. */
function documentOf(text: string): {doc: StageTwoDocument; words: string[]} {
  const words: string[] = []
  const sentenceEnds: number[] = []
  for (const sentence of text.split(' / ')) {
    words.push(...sentence.split(' '))
    sentenceEnds.push(words.length)
  }
  const ids = new Map<string, number>()
  const lowerIds = Int32Array.from(words, (w) => {
    const lower = w.toLowerCase()
    if (!ids.has(lower)) ids.set(lower, ids.size)
    return ids.get(lower)!
  })
  const capitalised = Uint8Array.from(words, (w) => (/^[A-Z]/.test(w) ? 1 : 0))
  return {doc: {length: words.length, sentenceEnds, lowerIds, capitalised}, words}
}

type Case = {
  name: string
  text: string
  /** the first pass's mentions: [start, end) token indexes and a type */
  mentions: [number, number, TokenSpan['type']][]
  /** token index -> names of its set bits (tokens not listed have none) */
  bits: Record<number, string[]>
  redecode: number[]
}

// invented names; each case is one shape of the stage-two features (docs/ner.md, twenty-seventh round)
const cases: Case[] = [
  {name: 'a word seen once has no bits', text: 'Tamsin Oduya spoke', mentions: [[0, 2, 'PER']], bits: {}, redecode: [0]},
  {
    name: 'agreeing occurrences: their label and majority, no second decoding',
    text: 'Orlen rose / Orlen fell',
    mentions: [[0, 1, 'ORG'], [2, 3, 'ORG']],
    bits: {0: ['ORG', 'mORG'], 2: ['ORG', 'mORG']},
    redecode: [0, 0],
  },
  {
    name: 'a lone O occurrence among ORG ones is decoded again, and so are the others',
    text: 'Orlen rose / Orlen fell / Orlen held',
    mentions: [[0, 1, 'ORG'], [2, 3, 'ORG']],
    bits: {0: ['O', 'ORG'], 2: ['O', 'ORG'], 4: ['ORG', 'mORG']},
    redecode: [1, 1, 1],
  },
  {
    name: 'a tie among the other occurrences has no majority',
    text: 'Calder rose / Calder fell / Calder held',
    mentions: [[0, 1, 'LOC'], [2, 3, 'ORG'], [4, 5, 'ORG']],
    bits: {0: ['ORG', 'mORG'], 2: ['ORG', 'LOC'], 4: ['ORG', 'LOC']},
    redecode: [1, 1, 1],
  },
  {
    name: 'the longest other mention holding the word, and its place there',
    text: 'the Brenford Mills Group said / Brenford fell / Mills rose',
    mentions: [[1, 4, 'ORG'], [5, 6, 'LOC'], [7, 8, 'PER']],
    bits: {1: ['LOC', 'mLOC'], 2: ['PER', 'mPER'], 5: ['ORG', 'mORG', 'lORG', 'first'], 7: ['ORG', 'mORG', 'lORG', 'inner']},
    redecode: [1, 1, 1],
  },
  {
    name: 'a shorter mention of the same type disagrees; the whole mention itself does not count',
    text: 'Norvale Trust sold / Trust bought',
    mentions: [[0, 2, 'ORG'], [3, 4, 'ORG']],
    bits: {1: ['ORG', 'mORG'], 3: ['ORG', 'mORG', 'lORG', 'last']},
    redecode: [0, 1],
  },
  {
    name: 'lowercase words have no bits',
    text: 'the trust sold / the Trust bought / the Trust sold',
    mentions: [[4, 5, 'ORG']],
    bits: {4: ['O', 'mO'], 7: ['ORG', 'mORG']},
    redecode: [0, 1, 1],
  },
]

describe('findStageTwoBits', () => {
  it.each(cases)('$name', ({text, mentions, bits, redecode}) => {
    const {doc} = documentOf(text)
    const tags = encodeBilou(mentions.map(([start, end, type]) => ({start, end, type})), doc.length)
    const out = new Uint32Array(doc.length)
    const again = new Uint8Array(doc.sentenceEnds.length)
    const marked = findStageTwoBits(doc, tags, out, again)
    const named: Record<number, string[]> = {}
    out.forEach((value, i) => {
      if (value !== 0) named[i] = NAMES.filter((_, bit) => value & (1 << bit))
    })
    expect(named).toEqual(bits)
    expect([...again]).toEqual(redecode)
    expect(marked).toBe(redecode.filter(Boolean).length)
  })

  it('names every bit', () => expect(NAMES).toHaveLength(STAGE_TWO_BITS))
})

describe('NerTagger twoStage', () => {
  const docs = syntheticDocuments(24)
  const options = {seed: 1, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon()}
  const plain = trainNer(docs, options).model
  // stage-one tags from a model of the other half (as train:ner --stage1 does with two folds)
  const half = (f: number) => trainNer(docs.filter((_, d) => d % 2 !== f), options).model
  const folds = [new NerTagger(half(0), {beam: 4}), new NerTagger(half(1), {beam: 4})]
  const stageOne = new Map<NerDocument, Uint8Array>(docs.map((doc, d) => [doc, folds[d % 2].tagDocument(doc.words, doc.sentenceEnds)]))
  const twoStage = trainNer(docs, {...options, stageOne}).model

  it('decodes a model without the stage-two features once, with the same tags', () => {
    const once = new NerTagger(plain, {beam: 4})
    const asked = new NerTagger(plain, {beam: 4, twoStage: true})
    for (const doc of docs) expect(asked.tagDocument(doc.words, doc.sentenceEnds)).toEqual(once.tagDocument(doc.words, doc.sentenceEnds))
    expect(asked.twoStageSentences).toBe(0)
  })

  it('trains the stage-two features and decodes disagreeing sentences again, deterministically', () => {
    expect(twoStage.features.some((name) => name.startsWith('s2='))).toBe(true)
    expect(twoStage.meta.twoStage).toBeDefined()
    const a = new NerTagger(twoStage, {beam: 4, twoStage: true})
    const b = new NerTagger(twoStage, {beam: 4, twoStage: true})
    for (const doc of docs) expect(a.tagDocument(doc.words, doc.sentenceEnds)).toEqual(b.tagDocument(doc.words, doc.sentenceEnds))
    expect(a.twoStageSentences).toBe(b.twoStageSentences)
  })

  it('refuses a training document without stage-one tags', () => {
    expect(() => trainNer(docs, {...options, stageOne: new Map()})).toThrow(/no stage-one tags/)
  })
})
