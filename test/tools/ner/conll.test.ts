import {describe, expect, it} from 'vitest'
import {readConll} from '../../../tools/ner/conll.ts'

const SAMPLE = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

Paris NNP I-NP I-LOC
Rome NNP I-NP B-LOC
`

describe('readConll', () => {
  const docs = readConll(SAMPLE)

  it('splits documents at -DOCSTART- and sentences at blank lines', () => {
    expect(docs).toHaveLength(2)
    expect(docs[0].words).toEqual(['EU', 'rejects', 'German', 'call', '.', 'Peter', 'Blackburn'])
    expect(docs[0].sentenceEnds).toEqual([5, 7])
    expect(docs[1].sentenceEnds).toEqual([2])
  })

  it.each([
    [0, [{start: 0, end: 1, type: 'ORG'}, {start: 2, end: 3, type: 'MISC'}, {start: 5, end: 7, type: 'PER'}]],
    [1, [{start: 0, end: 1, type: 'LOC'}, {start: 1, end: 2, type: 'LOC'}]],
  ])('reads IOB1 entities of document %i', (index, entities) => {
    expect(docs[index].entities).toEqual(entities)
  })
})
