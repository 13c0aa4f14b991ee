import {describe, expect, it} from 'vitest'
import type {EntityLabel} from '../../src/doc.ts'
import {findTrimmedNames} from '../../src/entities/all-caps.ts'

describe('findTrimmedNames', () => {
  it.each([
    ['MET AT THE UNITED NATIONS ON TUESDAY', 'THE UNITED NATIONS', 'ORG', 'UNITED NATIONS'],
    ['ON THE\nNEW YORK STOCK EXCHANGE', 'THE\nNEW YORK STOCK EXCHANGE', 'ORG', 'NEW YORK STOCK EXCHANGE'],
    ['😀 THE WHITE HOUSE SAID', 'THE WHITE HOUSE', 'LOC', 'WHITE HOUSE'],
    // a mention that is only the determiner goes; THEODORE is no determiner; dates keep theirs
    ['THE THE BAND', 'THE THE', 'ORG', null],
    ['THEODORE ROOSEVELT', 'THEODORE ROOSEVELT', 'PERSON', 'THEODORE ROOSEVELT'],
    ['BY THE END OF THE YEAR', 'THE END OF THE YEAR', 'DATE', 'THE END OF THE YEAR'],
  ] as Array<[string, string, EntityLabel, string | null]>)('%j', (text, mention, label, expected) => {
    const start = text.indexOf(mention)
    const got = findTrimmedNames(text, [{start, end: start + mention.length, label}])
    expect(got.map((e) => text.slice(e.start, e.end))).toEqual(expected === null ? [] : [expected])
  })
})
