import {describe, expect, it} from 'vitest'
import {Accuracy, PRFScore} from '../../src/eval/prf.ts'

describe('PRFScore', () => {
  it.each([
    // tp, fp, fn, p, r, f
    [0, 0, 0, null, null, null],
    [5, 0, 0, 1, 1, 1],
    [3, 1, 2, 0.75, 0.6, 2 / 3],
    [0, 4, 0, 0, 0, 0],
    [0, 0, 4, 0, 0, 0],
    [0, 2, 3, 0, 0, 0],
    [1, 1, 0, 0.5, 1, 2 / 3],
  ])('tp=%i fp=%i fn=%i gives p=%s r=%s f=%s', (tp, fp, fn, p, r, f) => {
    const score = new PRFScore(tp, fp, fn)
    const check = (actual: number | null, expected: number | null) =>
      expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 12)
    check(score.precision, p)
    check(score.recall, r)
    check(score.fscore, f)
    expect(score.toJSON()).toMatchObject({tp, fp, fn})
  })

  it('adds counts', () => {
    const total = new PRFScore().add(new PRFScore(1, 2, 3)).add({tp: 1, fp: 0, fn: 1})
    expect(total.toJSON()).toMatchObject({tp: 2, fp: 2, fn: 4})
  })

  it.each([
    [['a', 'b', 'c'], ['b', 'c', 'd'], {tp: 2, fp: 1, fn: 1}],
    [[], ['x'], {tp: 0, fp: 0, fn: 1}],
    [['x', 'x'], ['x'], {tp: 1, fp: 0, fn: 0}],
    [[], [], {tp: 0, fp: 0, fn: 0}],
  ])('scoreSet(%j, %j) counts %j', (cand, gold, counts) => {
    expect(new PRFScore().scoreSet(cand, gold).toJSON()).toMatchObject(counts)
  })
})

describe('Accuracy', () => {
  it.each([
    [[], null],
    [[true, true, false, true], 0.75],
    [[false], 0],
  ])('%j gives %s', (decisions, acc) => {
    const a = new Accuracy()
    for (const d of decisions) a.record(d)
    expect(a.acc).toBe(acc)
    expect(a.toJSON()).toEqual({correct: decisions.filter(Boolean).length, total: decisions.length, acc})
  })
})
