import {describe, expect, it} from 'vitest'
import {createWeakLog} from '../../src/link/weak-log.ts'

describe('createWeakLog', () => {
  const cases = [
    {
      why: 'gives each record its documents and mentions in the order added',
      adds: [['d1', 0, 1], ['d1', 2, 2], ['d2', 2, 1], ['d3', 0, 2], ['d3', 1, 1]] as const,
      wanted: [0, 2],
      expected: {0: {docIds: ['d1', 'd3'], mentions: [1, 2]}, 2: {docIds: ['d1', 'd2'], mentions: [2, 1]}},
    },
    {
      why: 'leaves out records not asked for, and asked-for records never added',
      adds: [['d1', 5, 1], ['d2', 6, 1]] as const,
      wanted: [6, 7],
      expected: {6: {docIds: ['d2'], mentions: [1]}},
    },
    {why: 'finds nothing in an empty log', adds: [] as const, wanted: [0], expected: {}},
  ]
  for (const {why, adds, wanted, expected} of cases) {
    it(why, () => {
      const log = createWeakLog()
      for (const [doc, record, mentions] of adds) log.add(doc, record, mentions)
      expect(Object.fromEntries(log.collect(new Set(wanted)))).toEqual(expected)
      expect(log.pairs).toBe(adds.length)
    })
  }

  it('refuses mentions and record numbers it cannot pack', () => {
    const log = createWeakLog()
    expect(() => log.add('d', 0, 0)).toThrow(/link:weak-log/)
    expect(() => log.add('d', 0, 5)).toThrow(/link:weak-log/)
    expect(() => log.add('d', -1, 1)).toThrow(/link:weak-log/)
    expect(() => log.add('d', 2 ** 30, 1)).toThrow(/link:weak-log/)
  })

  // the bound that keeps a linker's memory per document small (docs/scale.md, soak): 4 bytes a pair and one
  // docId reference per document, across chunk boundaries
  it('holds 3 million pairs of 100,000 documents in 4 bytes a pair and 8 a document, and reads them back', () => {
    const log = createWeakLog()
    for (let d = 0; d < 100_000; d++) for (let r = 0; r < 30; r++) log.add(`doc-${d}`, (d * 31 + r) % 50_000, 1 + ((d + r) % 2))
    expect(log.pairs).toBe(3_000_000)
    const needed = 3_100_000 * 4 + 100_000 * 8
    expect(log.bytes).toBeGreaterThanOrEqual(needed)
    expect(log.bytes).toBeLessThanOrEqual(needed + (1 << 20) * 4)
    const found = log.collect(new Set([0, 49_999]))
    // record 0 is (d * 31 + r) % 50000 = 0 for r = 0 at d = 0 and wherever d * 31 + r hits a multiple of 50000
    const zero: string[] = []
    for (let d = 0; d < 100_000; d++) for (let r = 0; r < 30; r++) if ((d * 31 + r) % 50_000 === 0) zero.push(`doc-${d}`)
    expect(found.get(0)!.docIds).toEqual(zero)
    expect(found.get(49_999)!.docIds.length).toBeGreaterThan(0)
  })
})
