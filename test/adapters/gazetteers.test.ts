import {describe, expect, it} from 'vitest'
import {readAirlines, readGazetteerSources, readUniversities} from '../../src/adapters/gazetteers.ts'

describe('organisation lists from data packages', () => {
  const universities = readUniversities()
  const airlines = readAirlines()

  it.each(['Harvard University', 'Stanford University', 'Massachusetts Institute of Technology'])('lists the university %s', (name) => {
    expect(universities).toContain(name)
  })

  it('keeps swot lines that are names, not domains, addresses or notes, and drops bracketed glosses', () => {
    expect(universities.length).toBeGreaterThan(10_000)
    for (const name of universities) {
      expect(name).not.toMatch(/[@/:()<>]|\.(edu|ac|com|org)\b/)
      expect(name.split(' ').length).toBeLessThanOrEqual(8)
    }
  })

  it.each(['Lufthansa', 'Ryanair', 'Delta Air Lines'])('lists the active airline %s, and no "Unknown"', (name) => {
    expect(airlines).toContain(name)
    expect(airlines).not.toContain('Unknown')
  })
})

describe('country list with and without the ISO two-letter codes (docs/ner.md, thirty-third round)', () => {
  const withCodes = readGazetteerSources()
  const withoutCodes = readGazetteerSources({countryCodes: false})

  it.each([
    ['VA', true, false],
    ['ID', true, false],
    ['GT', true, false],
    ['US', true, false],
    ['UK', true, true],
    ['USA', true, true],
    ['UAE', true, true],
    ['DRC', true, true],
    ['Vatican City', true, true],
    ['Indonesia', true, true],
  ])('%s: in the default list %s, without codes %s', (name, before, after) => {
    expect(withCodes.country.includes(name)).toBe(before)
    expect(withoutCodes.country.includes(name)).toBe(after)
  })

  it('leaves out only two-letter spellings and changes no other list', () => {
    const kept = new Set(withoutCodes.country)
    const removed = new Set(withCodes.country.filter((name) => !kept.has(name)))
    expect(removed.size).toBeGreaterThan(200)
    for (const name of removed) expect(name).toMatch(/^[A-Z]{2}$/)
    for (const category of Object.keys(withCodes) as (keyof typeof withCodes)[]) {
      if (category !== 'country') expect(withoutCodes[category]).toEqual(withCodes[category])
    }
  })
})
