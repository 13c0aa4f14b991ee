import {describe, expect, it} from 'vitest'
import {countShingles, matchShingles, summariseShingles} from '../../../tools/html/shingles.ts'

describe('countShingles', () => {
  it.each([
    ['four-word windows of \\w+ tokens', 'a b, c d e', ['a b c d', 'b c d e']],
    ['one short shingle for fewer than four words', 'a b', ['a b']],
    ['none for no words', '— !', []],
    ['letters of any script and digits', 'Zürich 2024 café_x 東京', ['Zürich 2024 café_x 東京']],
  ])('%s', (_name, text, shingles) => {
    expect([...countShingles(text).keys()]).toEqual(shingles)
  })
})

describe('matchShingles', () => {
  it.each([
    ['identical texts', 'a b c d e', 'a b c d e', {tp: 1, fp: 0, fn: 0}],
    ['an extra tail', 'a b c d', 'a b c d e', {tp: 0.5, fp: 0.5, fn: 0}],
    ['a missing tail', 'a b c d e', 'a b c d', {tp: 0.5, fp: 0, fn: 0.5}],
    ['nothing predicted', 'a b c d', '', {tp: 0, fp: 0, fn: 1}],
    ['both empty', '', '', {tp: 0, fp: 0, fn: 0}],
  ])('%s', (_name, truth, predicted, expected) => {
    expect(matchShingles(truth, predicted)).toEqual(expected)
  })
})

describe('summariseShingles', () => {
  it('averages precision and recall over pages, then takes F1 of the means', () => {
    const s = summariseShingles([
      {tp: 1, fp: 0, fn: 0},
      {tp: 0.5, fp: 0.5, fn: 0},
      {tp: 0, fp: 0, fn: 1}, // nothing predicted: counts for recall only
    ])
    expect(s.precision).toBeCloseTo(0.75)
    expect(s.recall).toBeCloseTo(2 / 3)
    expect(s.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3))
  })
})
