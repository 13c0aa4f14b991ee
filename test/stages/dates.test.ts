import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {findDates} from '../../src/stages/dates.ts'

const texts = (text: string) => findDates(text).map((d) => text.slice(d.start, d.end))

describe('findDates', () => {
  it.each([
    ['visits the brigade in the region, Ukraine, November 13, 2025. /VCG', ['November 13, 2025']],
    ['The ministry said on Wednesday that it will not negotiate.', ['Wednesday']],
    ['The Commission must submit a proposal by mid-December.', ['mid-December']],
    ['The first meeting took place on May 16, 2025 and ended.', ['May 16, 2025']],
    ['talks resumed, which were interrupted in 2022.', ['2022']],
    ['This year, direct negotiations resumed.', ['This year']],
    ['Since last summer, Ukraine has focused on partners.', ['last summer']],
    ['In February 2025, a meeting escalated.', ['February 2025']],
    ['held three rounds in May, June, and July 2025.', ['May, June, and July 2025']],
    ['in May and in June', ['May', 'June']],
    ['announced on November 12th by the deputy minister', ['November 12th']],
    ['before the end of the year, citing the lack of progress', ['the end of the year']],
    ['With this year\'s peace talks ending', ['this year']],
    ['since the summer, the focus has been', ['the summer']],
    ['after a three-year break', ['three-year']],
    ['going on for more than three years', ['more than three years']],
    ['As the war enters its third year, the toll mounts', ['its third year']],
    ['Earlier this month, the Duma named individuals', ['Earlier this month']],
    ['on 13 November 2025 and on 2025-11-14', ['13 November 2025', '2025-11-14']],
    ['during the 1990s and in mid-2025', ['the 1990s', 'mid-2025']],
    ['last Friday and yesterday', ['last Friday', 'yesterday']],
    ['from 2014-2022 the war', ['2014-2022']],
    ['Dec. 5, 1996 and Sept 2001', ['Dec. 5, 1996', 'Sept 2001']],
  ])('%s', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })

  it.each([
    ['the "1000 for 1000" scheme'],
    ['within 24 hours after taking office'],
    ['May I ask a question?'],
    ['They may agree, said Mar Roxas.'],
    ['It cost $2025 and 1,999.50 euros, up 2020%.'],
    ['Dec is a name, and Jan Kowalski spoke.'],
    ['day by day'],
  ])('finds no date in %s', (text) => {
    expect(findDates(text)).toEqual([])
  })

  it('returns sorted, non-overlapping DATE spans', () => {
    const text = readFileSync(new URL('../../corpus/001_e3b7a759f26948d1.txt', import.meta.url), 'utf8')
    const dates = findDates(text)
    expect(dates.length).toBeGreaterThan(8)
    for (let i = 0; i < dates.length; i++) {
      expect(dates[i].label).toBe('DATE')
      if (i > 0) expect(dates[i].start).toBeGreaterThanOrEqual(dates[i - 1].end)
    }
    expect(texts(text)).toEqual(expect.arrayContaining(['November 12', 'November 13', 'May 16, 2025', 'February 2025', 'In March'.slice(3)]))
  })
})
