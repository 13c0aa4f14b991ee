import {describe, expect, it} from 'vitest'
import {baseLexicon, indexLexicon} from '../../src/ner/lexicon.ts'
import {isUnknownName, NerTagger} from '../../src/ner/tagger.ts'
import {allowedAfter, IOB2_TAGS, decodeBilou, TAG_START, tagPosition} from '../../src/ner/tags.ts'
import {trainNer} from '../../tools/ner/train.ts'
import {DEFAULT_BEAM, loadModel, shippedTagger, tagTokens} from '../../src/ner/recognise.ts'
import {syntheticDocuments} from './synthetic.ts'

const docs = syntheticDocuments(24)
const {model} = trainNer(docs, {seed: 1, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon()})

describe('NerTagger decoding', () => {
  it.each([1, 2, 4, 8])('beam %i gives well-formed BILOU sequences that end every entity', (beam) => {
    const tagger = new NerTagger(model, {beam})
    for (const doc of docs) {
      const tags = tagger.tagDocument(doc.words, doc.sentenceEnds)
      let start = 0
      for (const end of doc.sentenceEnds) {
        let prev = TAG_START
        for (let i = start; i < end; i++) {
          expect(allowedAfter(prev, tags[i])).toBe(true)
          prev = tags[i]
        }
        expect([0, 1]).not.toContain(tagPosition(tags[end - 1]))
        start = end
      }
    }
  })

  it.each([1, 4])('beam %i recovers the training entities', (beam) => {
    const tagger = new NerTagger(model, {beam})
    for (const doc of docs.slice(0, 5)) {
      expect(decodeBilou(tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual(doc.entities)
    }
  })

  it('tags the same words the same way with a warm or a cold type cache', () => {
    const warm = new NerTagger(model, {beam: 4})
    for (const doc of docs) warm.tagDocument(doc.words, doc.sentenceEnds)
    const cold = new NerTagger(model, {beam: 4})
    const doc = docs[7]
    expect(warm.tagDocument(doc.words, doc.sentenceEnds)).toEqual(cold.tagDocument(doc.words, doc.sentenceEnds))
  })

  it.each([1, 4])('beam %i tags words given as spans of a text as it tags the words', (beam) => {
    const bySpans = new NerTagger(model, {beam})
    const byWords = new NerTagger(model, {beam})
    for (const doc of docs) {
      const text = doc.words.join(' ')
      let at = 0
      const spans = doc.words.map((word) => {
        const span = {start: at, end: at + word.length}
        at += word.length + 1
        return span
      })
      expect(bySpans.tagSpans(text, spans, doc.sentenceEnds)).toEqual(byWords.tagDocument(doc.words, doc.sentenceEnds))
    }
  })

  it('handles an empty document and one-token sentences', () => {
    const tagger = new NerTagger(model)
    expect(tagger.tagDocument([], [])).toEqual(new Uint8Array(0))
    expect(tagger.tagDocument(['Paris', '.'], [1, 2])).toHaveLength(2)
  })
})

describe('tagTokens with the shipped model', () => {
  it.each([
    [['Kremlin', 'spokesman', 'Dmitry', 'Peskov', 'said', 'on', 'Friday', '.'], ['B-LOC', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'O']],
    [['Shares', 'of', 'Acme', 'Corp', 'rose', 'in', 'New', 'York', '.'], ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-LOC', 'I-LOC', 'O']],
  ])('tags %j', (words, expected) => {
    const tags = tagTokens(words)
    // the person and the place must be exact; the rest is the model's call and only checked for shape
    expect(tags.slice(2, 4)).toEqual(expected.slice(2, 4))
    expect(tags).toHaveLength(words.length)
  })

  it('attaches lowercase name particles to the surname after them', () => {
    const words = 'Ursula von der Leyen spoke . They believe von der Leyen is right .'.split(' ')
    const tags = tagTokens(words, [6, words.length], shippedTagger())
    expect(tags.slice(0, 4)).toEqual(['B-PER', 'I-PER', 'I-PER', 'I-PER'])
    expect(tags.slice(8, 11)).toEqual(['B-PER', 'I-PER', 'I-PER'])
  })
})

describe('unknown names retried as people (shipped model)', () => {
  const plain = new NerTagger(loadModel(), {beam: DEFAULT_BEAM})
  const retried = new NerTagger(loadModel(), {beam: DEFAULT_BEAM, nameUnknown: true})
  const tag = (tagger: NerTagger, sentence: string) => {
    const words = sentence.split(' ')
    return Array.from(tagger.tagDocument(words, [words.length]), (t) => IOB2_TAGS[t])
  }

  // lone surnames the model alone leaves outside every entity (each checked first: the retry must be what finds it;
  // a new model can find some by itself, as the cluster model does "Budanov" here, the context-aggregation model
  // "Police arrested Okonkwo", the in-domain-gold model "Officials said Okonkwo had left the country" and the web-gold
  // model (9f3d290) "The committee expects Okonkwo to sign the deal before the deadline", and then the example changes;
  // the model shipped at a71a35d finds "Nobody believes Budanov would do that" itself, and no other frame tried
  // (nine frames, four surnames) was left to the retry, so that example was dropped; the model shipped with the
  // wire2 gold tags "I think Lindqvist will resign , said a source ." itself, and of 17 frames x 15 surnames tried one
  // was left to the retry, "That is what Lindqvist wants , he said ."; the model shipped with the web-style gold tags
  // that one too, and none of 28 frames x 30 surnames was left to the retry; of 17 prose frames x 40 surnames, 68 were
  // left outside every entity by the model and the retry named a person in 15 of them; the model shipped with the
  // wire98 gold tags both of those examples itself, and of the same 17 frames x 40 surnames 67 were left outside every
  // entity and the retry named a person in 21, two of which are below)
  it.each([
    ['Critics accuse Hrabal of ignoring warnings from staff .', 2],
    ['Colleagues remember Ekwueme as a patient teacher .', 2],
  ])('finds the person in %j', (sentence, at) => {
    expect(tag(plain, sentence)[at]).toBe('O')
    expect(tag(retried, sentence)[at]).toBe('B-PER')
  })

  it.each([
    // lowercase elsewhere in the document: an ordinary word
    ['Police arrested Gruber after the match , and gruber is a word here .', 2],
    // the model, made to name it, does not call it a person
    ['Thousands of Muslims marched after the match on Sunday .', 2],
  ])('leaves %j as the model tags it', (sentence, at) => {
    expect(tag(retried, sentence)[at]).toBe(tag(plain, sentence)[at])
  })

  it('changes nothing where no unknown name is left out', () => {
    for (const doc of docs) {
      expect(new NerTagger(model, {beam: 4, nameUnknown: true}).tagDocument(doc.words, doc.sentenceEnds)).toEqual(
        new NerTagger(model, {beam: 4}).tagDocument(doc.words, doc.sentenceEnds),
      )
    }
  })
})

describe('isUnknownName', () => {
  const resources = {lexicon: indexLexicon(baseLexicon()), casePrior: new Map([['paris', 'c']]), names: null}
  it.each([
    ['Budanov', true],
    ['Paris', false], // seen in training text
    ['budanov', false],
    ['BUDANOV', false],
    ['Al-Sayed', false], // hyphenated: the model's call
    ['Xi', false], // too short to judge by shape
    ['Minister', false], // a title in the lexicon
    // beyond ASCII the Unicode letter classes decide (the ASCII pre-check never answers for these)
    ['Émile', true],
    ['Łukasz', true],
    ['Ǆemal', true], // a Unicode uppercase digraph, then lowercase letters
    ['ǅemal', false], // the titlecase digraph is not \p{Lu}
    ['Ébé', true],
    ['Éb', false],
    ['1bc', false],
    ['\u{1D400}bc', true], // a mathematical capital outside the BMP (two code units)
  ])('%s -> %s', (word, expected) => {
    expect(isUnknownName(word, resources, resources.lexicon.flags.get(word.toLowerCase()) ?? 0)).toBe(expected)
  })
})
