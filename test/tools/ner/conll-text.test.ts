import {describe, expect, it} from 'vitest'
import {conllText, mapCleanedOffsets} from '../../../tools/ner/conll-text.ts'

describe('conllText', () => {
  it('joins words with spaces, one sentence a line, and places the gold entities on that text', () => {
    const {text, entities} = conllText({
      words: ['EU', 'rejects', 'German', 'call', 'Peter', 'Blackburn'],
      sentenceEnds: [4, 6],
      entities: [
        {start: 0, end: 1, type: 'ORG'},
        {start: 2, end: 3, type: 'MISC'},
        {start: 4, end: 6, type: 'PER'},
      ],
    })
    expect(text).toBe('EU rejects German call\nPeter Blackburn\n')
    expect(entities.map((e) => [text.slice(e.start, e.end), e.type])).toEqual([
      ['EU', 'ORG'],
      ['German', 'MISC'],
      ['Peter Blackburn', 'PER'],
    ])
  })
})

describe('mapCleanedOffsets', () => {
  const input = 'one two  \n- - - -\nthree four\nfive\n'
  const output = 'one two\nthree four\nfive\n'
  const cases: Array<[string, number]> = [
    ['o', 0],
    ['two', 4],
    ['three', 18],
    ['four', 24],
    ['five', 29],
  ]
  it.each(cases)('maps %s back to its offset in the input', (word, inInput) => {
    const back = mapCleanedOffsets(input, output)
    expect(back(output.indexOf(word))).toBe(inInput)
    expect(input.slice(inInput, inInput + word.length)).toBe(word)
  })

  it('refuses a kept line clean changed', () => {
    expect(() => mapCleanedOffsets('a b\n', 'a c\n')).toThrow(/changed a kept line/)
  })
})
