/** A small deterministic synthetic NER corpus, so training tests run without ../shared. */
import type {NerDocument} from '../../tools/ner/conll.ts'
import type {TokenSpan} from '../../src/ner/tags.ts'
import {baseLexicon} from '../../src/ner/lexicon.ts'
import {trainNer} from '../../tools/ner/train.ts'

const FIRST = ['John', 'Maria', 'Peter', 'Anna', 'Ivan', 'Olga', 'Carlos', 'Fatima']
const LAST = ['Smith', 'Novak', 'Garcia', 'Petrov', 'Okafor', 'Larsen', 'Moreau', 'Tanaka']
const CITY = ['Paris', 'Lagos', 'Oslo', 'Lima', 'Hanoi', 'Quito']
const ORG = [['Acme', 'Corp'], ['Globex', 'Inc'], ['Initech', 'Bank'], ['Vandelay', 'Industries']]
const NATION = ['French', 'Nigerian', 'Norwegian', 'Peruvian']

/** `count` documents of a few templated sentences each, generated from a fixed recipe. */
export function syntheticDocuments(count: number): NerDocument[] {
  const docs: NerDocument[] = []
  for (let d = 0; d < count; d++) {
    const words: string[] = []
    const entities: TokenSpan[] = []
    const sentenceEnds: number[] = []
    const add = (parts: (string | [string[], TokenSpan['type']])[]) => {
      for (const part of parts) {
        if (typeof part === 'string') words.push(part)
        else {
          entities.push({start: words.length, end: words.length + part[0].length, type: part[1]})
          words.push(...part[0])
        }
      }
      sentenceEnds.push(words.length)
    }
    const first = FIRST[d % FIRST.length]
    const last = LAST[(d * 3) % LAST.length]
    const city = CITY[(d * 5) % CITY.length]
    const org = ORG[d % ORG.length]
    const nation = NATION[(d * 7) % NATION.length]
    add([[[first, last], 'PER'], 'said', 'on', 'Monday', 'in', [[city], 'LOC'], '.'])
    add(['Shares', 'of', [org, 'ORG'], 'rose', 'after', 'the', [[nation], 'MISC'], 'report', '.'])
    add([[[last], 'PER'], 'told', 'reporters', 'that', [org, 'ORG'], 'would', 'open', 'an', 'office', 'in', [[city], 'LOC'], '.'])
    docs.push({words, sentenceEnds, entities})
  }
  return docs
}

/**
 * A tiny model trained on the synthetic corpus plus `extra` (documents that teach one shape), and the first extra
 * document as text with one space between words and its words' character spans, for tagging through tagSpans too.
 */
export function trainTinyModel(extra: NerDocument[]) {
  const {model} = trainNer([...syntheticDocuments(16), ...extra], {seed: 1, epochs: 4, minCount: 1, folds: 3, lexicon: baseLexicon()})
  const doc = extra[0]
  const spans: {start: number; end: number}[] = []
  for (const word of doc.words) {
    const start = spans.length === 0 ? 0 : spans[spans.length - 1].end + 1
    spans.push({start, end: start + word.length})
  }
  return {model, doc, text: doc.words.join(' '), spans}
}
