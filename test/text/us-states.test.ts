import {createRequire} from 'node:module'
import {describe, expect, it} from 'vitest'
import {US_STATES} from '../../src/text/us-states.ts'

const require = createRequire(import.meta.url)

describe('US_STATES', () => {
  it('is the provinces package\'s US list, as written out', () => {
    const provinces = require('provinces') as {name: string; short: string; country: string}[]
    const us = provinces.filter((p) => p.country === 'US').map((p) => ({name: p.name, postal: p.short}))
    expect(US_STATES).toEqual(us)
  })

  it('holds the 50 states and the District of Columbia', () => {
    const names = new Set(US_STATES.map((s) => s.name))
    for (const name of ['Alabama', 'Massachusetts', 'New York', 'Texas', 'West Virginia', 'Wyoming', 'District of Columbia']) expect(names.has(name)).toBe(true)
    expect(US_STATES.length).toBeGreaterThanOrEqual(51)
  })
})
