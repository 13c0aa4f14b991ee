import {describe, expect, it} from 'vitest'
import {readAirlines, readUniversities} from '../../src/adapters/gazetteers.ts'

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
