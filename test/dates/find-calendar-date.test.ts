import {describe, expect, it} from 'vitest'
import {findCalendarDateEnd, type CalendarForm} from '../../src/dates/find-calendar-date.ts'
import {findDates} from '../../src/dates/find-dates.ts'

/** The date read from the first `^` in `marked` (the mark taken out), or null when none starts there. */
function readAt(marked: string, form?: CalendarForm): string | null {
  const start = marked.indexOf('^')
  const text = marked.slice(0, start) + marked.slice(start + 1)
  const end = findCalendarDateEnd(text, start, form)
  return end < 0 ? null : text.slice(start, end)
}

describe('findCalendarDateEnd', () => {
  it.each([
    // written: month with day and/or year, abbreviations with a day or year, day before month, weekday and edge before
    ['^November 13, 2025 in Kyiv', 'November 13, 2025'],
    ['^Nov. 8, 2019.', 'Nov. 8, 2019'],
    ['^Nov 8th', 'Nov 8th'],
    ['^February 2025', 'February 2025'],
    ['^Sept 2001', 'Sept 2001'],
    ['^December alone', 'December'],
    ['^Dec alone', null],
    ['^13 November 2025', '13 November 2025'],
    ['^5 of May', '5 of May'],
    ['^Monday, November 3, 2025', 'Monday, November 3, 2025'],
    ['^mid-November 8', 'mid-November 8'],
    ['^the end of November 2019', 'the end of November 2019'],
    // day and year ranges
    ['^November 31', 'November 31'],
    ['^November 32', 'November'],
    ['^November 0', 'November'],
    ['^November 08', 'November 08'],
    ['^November 1799', 'November'],
    ['^November 2100', 'November 2100'],
    ['^November 2101', 'November'],
    // a date's white space: any run, at most one line break
    ['^November  2019', 'November  2019'],
    ['^November\n2019', 'November\n2019'],
    ['^November \n 13, 2025', 'November \n 13, 2025'],
    ['^November\n\n2019', 'November'],
    ['^Nov\n\n4', null],
    ['^Aug\t2', 'Aug\t2'],
    // no day or year cut out of a decimal or grouped number; a year flush after the day's comma still ends the day
    ['^November 8,9€', 'November'],
    ['^November 8.5%', 'November'],
    ['^November 8,900 euros', 'November'],
    ['^November 8,2019 in Paris', 'November 8'],
    ['^November 2019,5€', 'November'],
    ['^November 8. Then', 'November 8'],
    // nor a percentage, after a day or a year, in either order of day and month (fuzz seeds 9000071, 6003137)
    ['^Jan 8%', null],
    ['^Dec 2079%', null],
    ['^November 2019%', 'November'],
    ['^November 2019 percent', 'November'],
    ['^November 8, 2019 pct', 'November 8'],
    ['^5 November 2019%', '5 November'],
    ['^5 November 2019,5€', '5 November'],
    ['^5 November 2019.5', '5 November'],
    ['^5 November 2019, prices', '5 November 2019'],
    ['^5 November 2019.', '5 November 2019'],
    // nor the first group of an apostrophe figure (numfix: the DATE's day cut "2'485", the check's cuts-figure)
    ["^March 2'485", 'March'],
    ["^Mar 2’485 votes", null],
    ["^March 2 '08", 'March 2'],
    // nor the first group of a figure grouped by a no-break or narrow space (numfix2, fuzz seed 4000386); a year or a
    // group of four after the space is no group
    ['^August 1\u00a0820%', 'August'],
    ['^Aug 12\u202f345 votes', null],
    ['^August 1\u00a02019', 'August 1\u00a02019'],
    ['^August 1\u00a01234', 'August 1'],
    // capitalised month names only, a word boundary on either side
    ['^NOVEMBER 8', null],
    ['^november 8', null],
    ['^Novembers', null],
    ['pre-^November 8', null],
    ['x^November 8', null],
    ['^December. 5', 'December'],
    // numeric dates
    ['^2025-11-13', '2025-11-13'],
    ['^1996-08-22 USD', '1996-08-22'],
    ['x^1996-08-22', null],
    ['.^1996-08-22', null],
    ['^1996-08-22x', null],
    ['^13/11/2025', '13/11/2025'],
    ['^11/13/25', '11/13/25'],
    // a start inside a date reads what starts there
    ['1996-08-^22', null],
    ['November ^13, 2025', null],
    ['', null],
  ])('%j', (marked, expected) => {
    expect(readAt(marked.includes('^') ? marked : `^${marked}`)).toBe(expected)
  })

  it.each([
    ['^2025-11-13', 'numeric', '2025-11-13'],
    ['^2025-11-13', 'written', null],
    ['^13 November', 'numeric', null],
    ['^13 November', 'written', '13 November'],
    ['^13 November', 'any', '13 November'],
  ] as const)('%j as %s', (marked, form, expected) => {
    expect(readAt(marked, form)).toBe(expected)
  })

  it('reads nothing from outside the text', () => {
    expect(findCalendarDateEnd('November 8', -1)).toBe(-1)
    expect(findCalendarDateEnd('November 8', 10)).toBe(-1)
  })
})

// the DATE finder's two calendar rules are this reader: every date it reads from a word start lies inside a DATE span
// (a start inside a date read before is not tried, as the DATE finder's rules do not overlap their own matches:
// "5 November 8" is the DATE "5 November" and the number 8)
describe('findCalendarDateEnd and findDates', () => {
  it('finds every date the reader reads inside a DATE span', () => {
    expect(findDates('5 November 8').map((d) => d.end)).toEqual([10])
    const words = ['November', 'Nov', 'Nov.', 'May', 'Monday,', 'mid-November', 'early', 'the end of', '8', '8th', '31', '32', '2019', '2019.5', '8,9', '1996-08-22', '13/11/2025', 'x', 'of', '5']
    const separators = [' ', ', ', '\n', '\n\n', '\u00a0', '-', '', '. ']
    let seed = 11
    const pick = <T,>(list: readonly T[]): T => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
      return list[seed % list.length]!
    }
    let read = 0
    for (let t = 0; t < 300; t++) {
      const text = Array.from({length: 12}, () => pick(words) + pick(separators)).join('')
      const dates = findDates(text)
      let after = 0
      for (let i = 0; i < text.length; i++) {
        if (i < after || (i > 0 && /[\w-]/.test(text[i - 1]!))) continue
        const end = findCalendarDateEnd(text, i)
        if (end < 0) continue
        after = end
        if (text.slice(i, end) === 'May') continue
        read++
        expect(dates.some((d) => d.start <= i && end <= d.end), JSON.stringify([text, text.slice(i, end)])).toBe(true)
      }
    }
    expect(read).toBeGreaterThan(300)
  })
})
