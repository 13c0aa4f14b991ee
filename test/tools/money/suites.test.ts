import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {scoreDuckling, scoreRecognizers, tally, type DucklingSuite, type RecognizersRecord} from '../../../tools/money/suites.ts'

// the suites live in ../shared beside the repository and are never copied into it
const shared = new URL('../../../../shared/money/', import.meta.url)
const present = existsSync(new URL('recognizers-currency-en.json', shared)) && existsSync(new URL('duckling-amountofmoney-en.json', shared))
if (!present) console.warn('money suites skipped: ../shared/money is absent (see docs/money.md)')

describe.skipIf(!present)('external money suites (../shared/money)', () => {
  it('finds every Recognizers-Text news figure (records 0-94) with the right amount and currency', () => {
    const records = JSON.parse(readFileSync(new URL('recognizers-currency-en.json', shared), 'utf8')) as RecognizersRecord[]
    const scores = scoreRecognizers(records, 0, 94)
    const misses = scores.filter((s) => !(s.found && s.amountRight && s.currencyRight)).map((s) => `${s.group}: ${s.gold} got ${s.predicted}`)
    expect(misses).toEqual([])
    expect(scores.length).toBeGreaterThan(90)
  })

  it('gets at least 95% of the in-scope Duckling examples right', () => {
    const suite = JSON.parse(readFileSync(new URL('duckling-amountofmoney-en.json', shared), 'utf8')) as DucklingSuite
    const t = tally(scoreDuckling(suite).filter((s) => s.inScope))
    expect(t.right / t.total).toBeGreaterThanOrEqual(0.95)
  })
})
