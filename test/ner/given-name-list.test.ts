import {readFileSync} from 'node:fs'
import {allLocales} from '@faker-js/faker'
import {describe, expect, it} from 'vitest'
import {givenNames, GIVEN_NAMES_URL, isGivenName} from '../../src/ner/given-name-list.ts'
import {collectGivenNames, formatGivenNames} from '../../tools/ner/given-names.ts'

describe("rule J's given-name list (models/given-names.txt)", () => {
  const names = givenNames()

  it('is what the installed faker gives (after upgrading it, run npm run build:given-names)', () => {
    expect(readFileSync(GIVEN_NAMES_URL, 'utf8')).toBe(formatGivenNames(collectGivenNames(allLocales)))
  })

  it('holds the union of every locale: more than 10,000 names', () => {
    expect(names.size).toBeGreaterThan(10_000)
  })

  it.each(['christian', 'roman', 'maria', 'john'])('contains %s', (name) => {
    expect(isGivenName(name)).toBe(true)
  })

  it('is lowercased, single words only', () => {
    expect([...names].filter((name) => name !== name.toLowerCase() || /\s/.test(name))).toEqual([])
  })

  it("answers no for words that are no one's first name", () => {
    expect(isGivenName('the')).toBe(false)
    expect(isGivenName('Christian')).toBe(false) // it asks about lowercased words
  })

  it('is read once and kept', () => {
    expect(givenNames()).toBe(names)
  })
})

describe('collectGivenNames', () => {
  it.each([
    ['grouped lists, deduplicated across locales, sorted', {a: {person: {first_name: {male: ['Jan', 'Piotr'], female: ['Anna']}}}, b: {person: {first_name: {generic: ['Jan']}}}}, ['anna', 'jan', 'piotr']],
    ['a plain list, names with a space left out', {a: {person: {first_name: ['Mary Ann', 'Ann']}}}, ['ann']],
    ['a locale without person names', {a: {}}, []],
  ])('%s', (_name, locales, expected) => {
    expect(collectGivenNames(locales)).toEqual(expected)
  })
})
