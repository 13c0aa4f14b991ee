import {describe, expect, it} from 'vitest'
import {buildFilter, filterAddAll, filterHas} from '../../src/text/hash-filter.ts'

describe('buildFilter / filterHas', () => {
  const hashes = [0, 31, 32, 65535, -1, 0x12345678, -0x7ffffff0]
  const filter = buildFilter(hashes, 2048)

  it.each(hashes)('holds %i, one of its hashes', (h) => {
    expect(filterHas(filter, h)).toBe(true)
  })

  it.each([1, 30, 33, 65534, 0x1234])('turns away %i, which no hash shares both bits of', (h) => {
    expect(filterHas(filter, h)).toBe(false)
  })

  it('holds nothing when empty, and takes any iterable', () => {
    expect(filterHas(buildFilter([], 2048), 0)).toBe(false)
    expect(buildFilter(new Set(hashes), 2048)).toEqual(filter)
  })

  it('rules out most absent hashes of a filter a few percent full', () => {
    const filter = buildFilter(Array.from({length: 3000}, (_, i) => Math.imul(i + 1, 0x9e3779b1)), 1 << 13)
    let passed = 0
    for (let i = 0; i < 10000; i++) if (filterHas(filter, Math.imul(i + 100_000, 0x85ebca6b))) passed++
    expect(passed).toBeLessThan(200)
  })
})

describe('filterAddAll', () => {
  it.each([
    {name: 'every hash', start: 0, step: 1, held: [10, 20, 30, 40]},
    {name: 'every other hash from the first (a KeyTable slot array)', start: 0, step: 2, held: [10, 30]},
    {name: 'every other hash from the second', start: 1, step: 2, held: [20, 40]},
  ])('adds $name', ({start, step, held}) => {
    const filter = new Int32Array(1024)
    filterAddAll(filter, [10, 20, 30, 40], start, step)
    expect(filter).toEqual(buildFilter(held, 1024))
  })

  it('adds to what a filter holds already', () => {
    const filter = buildFilter([7], 64)
    filterAddAll(filter, [8])
    expect([filterHas(filter, 7), filterHas(filter, 8)]).toEqual([true, true])
  })
})
