import {describe, expect, it} from 'vitest'
import {GROUP_APOSTROPHES, GROUP_SPACES, groupedIntegerSource, hasSignBefore} from '../../src/text/digit-groups.ts'

// what a sticky pattern of the grammar reads from a figure's first digit (null: no grouped integer there)
function readFrom(source: string, text: string): string | null {
  const pattern = new RegExp(source, 'y')
  return pattern.exec(text)?.[0] ?? null
}

describe('groupedIntegerSource', () => {
  const every = groupedIntegerSource([...GROUP_APOSTROPHES, ...GROUP_SPACES])
  it.each([
    ['apostrophes', "1'250'000", "1'250'000"],
    ['curly apostrophes', '1\u2019250\u2019000', '1\u2019250\u2019000'],
    ['no-break spaces', '1\u00a0250\u00a0000', '1\u00a0250\u00a0000'],
    ['one separator throughout: a second kind ends the figure', "1'250\u00a0000", "1'250"],
    ['comma groups after the apostrophe (millions marked apart)', "2'710,828", "2'710,828"],
    ['comma groups after a space', '1\u00a0288,333', '1\u00a0288,333'],
    ['a group of four digits is none', "1'2345", null],
    ['a group of two digits is none', "12'34", null],
    ['four digits before the first separator', "1234'567", null],
    ['no separator at all', '1250', null],
  ])('%s: %j reads %j', (_name, text, expected) => {
    expect(readFrom(every, text)).toBe(expected)
  })

  it.each([
    ['a figure within the bound', "1'234'567", "1'234'567"],
    ['a longer run is cut at the bound', "1'234'567'890", "1'234'567"],
    ['a separator not asked for', '1\u00a0250\u00a0000', null],
  ])('with maxGroups 2 and apostrophes only, %s: %j reads %j', (_name, text, expected) => {
    expect(readFrom(groupedIntegerSource(["'"], 2), text)).toBe(expected)
  })
})

// the sign of a figure, one rule for the money and number finders (docs/fuzz.md, fuzz7): `|` marks the figure's start
describe('hasSignBefore', () => {
  it.each([
    ['fell -|3%', true],
    ['fell −|3%', true],
    ['fell +|3%', true],
    ['(-|3%)', true],
    ['[+|7%]', true],
    ['change: -|1.5%', true],
    ['x=+|2%', true],
    ['a\t-|6%', true],
    ['a\u00a0-|6%', true],
    ['−|3%', true],
    ['+|3%', true],
    ['up\n−|3%', true],
    ['up\n+|3%', true],
    ['-|3% opens the text', false],
    ['up\n-|3% a bullet', false],
    ['up\n  -|3% a bullet', false],
    ['- |3%', false],
    ['2-|3%', false],
    ['1990-|2000', false],
    ['10%-|15%', false],
    ['COVID-|19', false],
    ['A−|5%', false],
    ['5−|3', false],
    ['Q+|6%', false],
    ['--|3%', false],
    ['+-|4%', false],
    ['fell –|3%', false],
    ['fell —|3%', false],
    ['(|3.1%)', false],
    ['|3%', false],
  ])('%j: %s', (marked, expected) => {
    const start = marked.indexOf('|')
    expect(hasSignBefore(marked.replace('|', ''), start)).toBe(expected)
  })

  it('reads UTF-16 offsets after astral characters', () => {
    const text = '🎉 -3% 😀 −4%'
    expect(hasSignBefore(text, text.indexOf('3'))).toBe(true)
    expect(hasSignBefore(text, text.indexOf('4'))).toBe(true)
    expect(hasSignBefore(text, text.indexOf('%'))).toBe(false)
  })
})
