import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {caseDateWords, DATE_RULES, findDates} from '../../src/dates/find-dates.ts'

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
    // every kind of word after "the" that a rule reads (only those wake the rules "the" triggers)
    [
      'the first half of 2025, the past two years, the same month, THE SUMMER, the third week, the 3rd day, the\u00a0beginning of this month, the\nmiddle of the decade',
      ['the first half of 2025', 'the past two years', 'the same month', 'THE SUMMER', 'the third week', 'the 3rd day', 'the\u00a0beginning of this month', 'the\nmiddle of the decade'],
    ],
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

  // findDates tries a rule only where one of its trigger words (or a digit) starts a word: check that no match of any
  // rule, run over the whole text the plain way, starts anywhere else
  it('wakes every rule wherever it can match', () => {
    // every word written in the patterns themselves ([Ee]arly -> early), not the trigger lists under test
    const words = [...new Set(DATE_RULES.flatMap((rule) => rule.pattern.source.replace(/\[([A-Z])([a-z])\]/g, '$2').match(/[A-Za-z]+/g) ?? []))]
    const vocabulary = [...words, ...words.map((w) => `${w}s`), ...words.map((w) => w.toUpperCase()), ...words.map((w) => w[0].toUpperCase() + w.slice(1))]
    vocabulary.push('1', '13', '2025', '1990s', '2014-2022', '2025-11-13', '13/11/2025', '3rd', '21st', 'day', 'days', 'year', 'week', 'of', 'and', 'half', 'ago', 'x', 'Mayo', 'é')
    const separators = [' ', ' ', ' ', ', ', '. ', '-', '\n', '\u00a0', '/', '(', "'s "]
    let seed = 7
    const pick = <T,>(list: readonly T[]): T => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
      return list[seed % list.length]
    }
    const texts = [readFileSync(new URL('../../corpus/001_e3b7a759f26948d1.txt', import.meta.url), 'utf8')]
    for (let t = 0; t < 400; t++) texts.push(Array.from({length: 30}, () => pick(vocabulary) + pick(separators)).join(''))
    let matches = 0
    for (const text of texts) {
      for (const rule of DATE_RULES) {
        const global = new RegExp(rule.pattern.source, rule.pattern.flags.replace('y', 'g'))
        for (const match of text.matchAll(global)) {
          matches++
          const first = /^[A-Za-z]+|^[0-9]/.exec(text.slice(match.index))?.[0] ?? ''
          const woken = /^[0-9]$/.test(first) ? rule.digits : rule.words.includes(first.toLowerCase())
          expect({match: match[0], woken}).toEqual({match: match[0], woken: true})
        }
      }
    }
    expect(matches).toBeGreaterThan(800)
  })
})

// "the" wakes the rules only before a word that can go on a DATE, read from the text in any case without a slice
// (the rules after it decide case: "End" after "The" is no edge, "TWO YEARS" is a span in any case)
describe('findDates after "the"', () => {
  it.each([
    ['THE END OF THE YEAR came', []],
    ['by The End of the year', []],
    ['The end of the year', ['The end of the year']],
    ['in the Same month', []],
    ['in the same month', ['the same month']],
    ['THE PAST TWO YEARS', ['TWO YEARS']],
    ['The Past year', ['Past year']],
    ['over the past two years', ['the past two years']],
    ['the SUMMER of 2025', ['the SUMMER of 2025']],
    ['the endless summer', []],
    ['the en of the year', []],
    ['the firsts week', []],
    ['the third week and the tenths', ['the third week']],
    ['the 1990s', ['the 1990s']],
    ['the', []],
    ['the ', []],
    ['the  past year', ['the  past year']],
  ])('%s', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })
})

// a date never runs across a blank line: the words after it open the next paragraph (fuzz finding, docs/fuzz.md);
// one line break inside a date stays allowed (hard-wrapped text)
describe('findDates across a blank line', () => {
  it.each([
    ['Nov\n\n4', []],
    ['The talks ended in November\n\n4 people were hurt in the clashes.', ['November']],
    ['Sunday,\n\nDecember 7, 2025', ['Sunday', 'December 7, 2025']],
    ['signed in 2014 -\n\n2022 was the year', ['2014', '2022']],
    ['more than\n\nthree years', ['three years']],
    ['last\n\nsummer', []],
    ['last\u2029\u2029summer', []],
    ['the end of\n\nthe year', []],
    ['signed on November\n13, 2025 in Kyiv', ['November\n13, 2025']],
    ['signed on November \n 13, 2025 in Kyiv', ['November \n 13, 2025']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })
})

// a day or year is never the integer part of a decimal: "in November 8.5%" is the month and a percentage, not the
// date November 8 (fuzz finding "November 8,9€", docs/fuzz.md: the DATE cut the figure 8,9€ and won the overlap),
// as the year rule already refused "2019.5"; a year written flush after the comma still ends a date's day
describe('findDates: no day or year cut out of a decimal', () => {
  it.each([
    ['November 8,9€', ['November']],
    ['Unemployment rose in November 8.5% of workers.', ['November']],
    ['Inflation in October 3.2 was high.', ['October']],
    ['Prices in June 1,5€ per litre.', ['June']],
    ['It was paid on Aug 2.5 times.', []],
    ['In November 2019,5€ went missing.', ['November']],
    ['Sales in May 12.5 million units.', ['May']],
    ['The event is on November 8,2019 in Paris.', ['November 8']],
    ['It ended on November 8. Then it began.', ['November 8']],
    ['It ended on Nov. 8, 2019. Then it began.', ['Nov. 8, 2019']],
    ['signed on November 8, 9 people died', ['November 8']],
    // nor a percentage (fuzz seed 9000071, shape-money: "Jan 8%" was the DATE "Jan 8" and no PERCENT)
    ['Jan 8%', []],
    ['It made $61B in Jan. 8% of it came from abroad.', []],
    ['In November 8 percent of workers left, and 9 per cent in May 3 pct.', ['November', 'May']],
    ['It closed on January 8 %-wise unchanged.', ['January']],
    ['It ended on November 8, 5% lower.', ['November 8']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })
})

// a combining mark belongs to the letter before it: a date word carrying one is another word, and no DATE ends
// between a letter and its marks (fuzz finding, docs/fuzz.md)
// an amount's number is no span of time (fuzz seed 9001776, shape-amounts: "$4 year" was the DATE "4 year" and the
// money figure $4 had no MONEY entity)
describe('findDates: no span of time from an amount', () => {
  it.each([
    ['$4 year', []],
    ['$ 4 year', []],
    ['€ 1996-08', []],
    ['It cost € 2019 in 2019-20.', ['2019-20']],
    ['R$\u00a05 years', []],
    ['A $5-year plan and a five-year plan.', ['five-year']],
    ['It cost €10 years ago, and £3 two years later.', ['two years']],
    ['It costs $4 a year for 3 years.', ['a year', '3 years']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })
})

// a span of time's number is read as the number finder reads one, grouped and with decimals (docs/fuzz.md, numfix:
// "2,000 years" was DATE "000 years", "1.5 years" DATE "5 years", "6'490 years" DATE "490 years")
describe('findDates: a span of time\'s number whole', () => {
  it.each([
    ['It is 2,000 years old.', ['2,000 years']],
    ['It lasted 1.5 years, or 18 months.', ['1.5 years', '18 months']],
    ["It is 6'490 years old, a 780’070-week term.", ["6'490 years", '780’070-week']],
    ['more than 1,200 days ago', ['more than 1,200 days ago']],
    ['the past 2,000 years', ['the past 2,000 years']],
    ['1,2 days and 3.4.5 weeks', []],
    // and grouped by no-break or narrow no-break spaces, as money reads them (numfix2: "5\u00a0000 years" was DATE "000 years")
    ['il y a 5\u00a0000 years, 10\u202f000 days ago', ['5\u00a0000 years', '10\u202f000 days ago']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })
})

describe('findDates and combining marks', () => {
  it.each([
    ['Monday\u0301', []],
    ['signed in 2022\u0301', []],
    ['on Nov. 4\u0301', []],
    ['the cafe\u0301 opened on Monday, November 3, 2025', ['Monday, November 3, 2025']],
    ['Jose\u0301 arrived last week', ['last week']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })
})

describe('caseDateWords', () => {
  // an all-caps text read through its same-length copy: spans are the text's own
  it.each([
    ['MET ON TUESDAY AT THE WHITE HOUSE', ['TUESDAY']],
    ['ROSE ON MONDAY, JUNE 5, 😀 AND FELL LAST FRIDAY', ['MONDAY, JUNE 5', 'LAST FRIDAY']],
    ['BY THE END OF THE YEAR, NOT BEFORE DEC. 5, 1996', ['THE END OF THE YEAR', 'DEC. 5, 1996']],
    ['STRAßE CLOSED IN MAY AND IN JUNE', ['MAY', 'JUNE']],
    // the verb and the noun are no months
    ['THE REASON MAY BE A MARCH ON THE CAPITAL IN MID-MARCH', ['MID-MARCH']],
    ['TALKS ON MAY 16, 2025 AND SINCE MARCH', ['MAY 16, 2025', 'MARCH']],
  ])('%s', (text, expected) => {
    const cased = caseDateWords(text)
    expect(cased.length).toBe(text.length)
    expect(findDates(cased).map((d) => text.slice(d.start, d.end))).toEqual(expected)
  })
})
