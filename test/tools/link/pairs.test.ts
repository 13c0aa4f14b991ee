import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {scorePairsIsolated, scorePairsPooled, type NamePair} from '../../../tools/link/score-pairs.ts'

const {pairs} = JSON.parse(readFileSync(new URL('../../link/pairs.json', import.meta.url), 'utf8')) as {pairs: NamePair[]}

describe('the name-pair suite', () => {
  it('has at least 100 pairs that must merge and 100 that must not', () => {
    expect(pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(100)
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(100)
  })

  it.each([
    ['isolated', scorePairsIsolated],
    ['pooled', scorePairsPooled],
  ] as const)('%s: precision >= 0.98 and recall >= 0.90', (_mode, scorer) => {
    const score = scorer(pairs)
    expect(score.precision).toBeGreaterThanOrEqual(0.98)
    expect(score.recall).toBeGreaterThanOrEqual(0.9)
  })
})
