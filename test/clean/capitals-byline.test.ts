import {describe, expect, it} from 'vitest'
import {findCapitalsWriters, isCapitalsByline} from '../../src/clean/capitals-byline.ts'

describe('isCapitalsByline', () => {
  it.each<[string, boolean]>([
    ['JANE DOE', true],
    ['  MARCUS WELLINGTON  ', true],
    ['JANE DOE, Associated Press', true],
    ['JANE DOE, AP Business Writer', true],
    ['JANE DOE and PRIYA NAIR', true],
    ["MARY O'NEILL", true],
    ['JEAN-PAUL ROUX', true],
    ['JOHN Q. PUBLIC', true],
    // a `By` line is clean's own byline rule, not this one
    ['By JANE DOE', false],
    // not a name in capitals: mixed case, one word, a surname first, a deck, a function word, a role, a figure
    ['Jane Doe', false],
    ['JANE', false],
    ['DOE JANE', false],
    ['JORDAN SIGNS ACCORD', false],
    ['GRANT WINS AGAIN', false],
    ['MARK OF THE BEAST', false],
    ['JANE DOE SAID', false],
    ['PRESIDENT JANE DOE', false],
    ['JANE DOE 2024', false],
    ['JANE DOE.', false],
    // a tail after the comma is an agency or a desk: a few words opening with a capital
    ['JANE DOE, who covers the council', false],
    ['JANE DOE, One Two Three Four Five Six Seven', false],
  ])('%j -> %s', (line, expected) => {
    expect(isCapitalsByline(line)).toBe(expected)
  })
})

describe('findCapitalsWriters', () => {
  it.each<[string, string[]]>([
    ['By JANE DOE', ['JANE DOE']],
    ['By JANE DOE, Associated Press Writer', ['JANE DOE']],
    ['By MARCUS WELLINGTON and PRIYA NAIR, Associated Press Writers', ['MARCUS WELLINGTON', 'PRIYA NAIR']],
    ['Written by JANE DOE & JOHN ROE', ['JANE DOE', 'JOHN ROE']],
    ['TERRENCE OYELARAN', ['TERRENCE OYELARAN']],
    // mixed case and agencies are the recogniser's: no writer read here
    ['By Jane Doe', []],
    ['Associated Press Writer', []],
    ['c.1998 N.Y. Times News Service', []],
    ['By JANE DOE and', []],
  ])('%j -> %j', (line, expected) => {
    expect(findCapitalsWriters(line, 0, line.length).map((s) => line.slice(s.start, s.end))).toEqual(expected)
  })

  it('reads only the line it is given', () => {
    const text = 'Headline here\nBy JANE DOE\nBody'
    const start = text.indexOf('By')
    expect(findCapitalsWriters(text, start, start + 'By JANE DOE'.length).map((s) => text.slice(s.start, s.end))).toEqual(['JANE DOE'])
  })
})
