import {decodeIob, type TokenSpan} from '../../src/ner/tags.ts'

/** One CoNLL document: its words, where each sentence ends, and the gold entities over token indices. */
export interface NerDocument {
  words: string[]
  /** exclusive token index of each sentence's end, ascending; the last equals `words.length` */
  sentenceEnds: number[]
  entities: TokenSpan[]
}

/**
 * Reads CoNLL-2003 text (`word POS chunk NER` lines, blank lines between sentences, `-DOCSTART-` between
 * documents) into documents with IOB1 tags already turned into spans.
 */
export function readConll(text: string): NerDocument[] {
  const documents: NerDocument[] = []
  let words: string[] = []
  let tags: string[] = []
  let sentenceEnds: number[] = []
  const closeSentence = () => {
    if (sentenceEnds.length === 0 ? words.length > 0 : sentenceEnds[sentenceEnds.length - 1] < words.length) {
      sentenceEnds.push(words.length)
    }
  }
  const closeDocument = () => {
    closeSentence()
    if (words.length > 0) documents.push({words, sentenceEnds, entities: entitiesBySentence(tags, sentenceEnds)})
    words = []
    tags = []
    sentenceEnds = []
  }
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    if (trimmed === '') {
      closeSentence()
      continue
    }
    const fields = trimmed.split(/\s+/)
    if (fields[0] === '-DOCSTART-') {
      closeDocument()
      continue
    }
    if (fields.length < 2) throw new Error(`CoNLL line without a tag: "${trimmed}"`)
    words.push(fields[0])
    tags.push(fields[fields.length - 1])
  }
  closeDocument()
  return documents
}

// entities never cross a sentence boundary, so IOB is read one sentence at a time
function entitiesBySentence(tags: string[], sentenceEnds: number[]): TokenSpan[] {
  const entities: TokenSpan[] = []
  let start = 0
  for (const end of sentenceEnds) {
    for (const span of decodeIob(tags.slice(start, end))) {
      entities.push({start: span.start + start, end: span.end + start, type: span.type})
    }
    start = end
  }
  return entities
}
