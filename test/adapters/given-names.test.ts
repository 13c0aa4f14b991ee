import {describe, expect, it} from 'vitest'
import {givenNames, isGivenName} from '../../src/adapters/given-names.ts'

describe("faker's first names as a given-name list", () => {
  const names = givenNames()

  it('holds the union of every locale: more than 10,000 names', () => {
    expect(names.size).toBeGreaterThan(10_000)
  })

  it.each(['christian', 'roman', 'maria', 'john'])('contains %s', (name) => {
    expect(isGivenName(name)).toBe(true)
  })

  it('is lowercased, single words only', () => {
    expect([...names].filter((name) => name !== name.toLowerCase() || /\s/.test(name))).toEqual([])
  })

  it('answers no for words that are no one\'s first name', () => {
    expect(isGivenName('the')).toBe(false)
    expect(isGivenName('Christian')).toBe(false) // it asks about lowercased words
  })

  it('is loaded once and kept', () => {
    expect(givenNames()).toBe(names)
  })
})
