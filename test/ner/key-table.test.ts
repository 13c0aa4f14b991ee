import {describe, expect, it} from 'vitest'
import {hashKey, hashSlice, KeyTable} from '../../src/ner/key-table.ts'
import {filterAddAll, filterHas} from '../../src/text/hash-filter.ts'

describe('KeyTable', () => {
  const keys = ['w=minister', 'a1=m', 'a2=mi', 'z3=ter', 'x3=ter', '', 'ü=straße', '^ab', 'ab$']
  const table = new KeyTable()
  for (const key of keys) table.add(key)

  it('numbers keys in the order they were added and keeps one id per key', () => {
    expect(keys.map((k) => table.get(k))).toEqual(keys.map((_, i) => i))
    expect(table.add('a2=mi')).toBe(2)
    expect(table.size).toBe(keys.length)
  })

  it.each([
    ['w=', 'the minister said', 4, 12, 0],
    ['a2=', 'minister', 0, 2, 2],
    ['z3=', 'minister', 5, 8, 3],
    ['x3=', 'minister', 5, 8, 4],
    ['', 'xx', 1, 1, 5],
    ['ü=', 'die straße', 4, 10, 6],
    ['', '^abc$', 0, 3, 7],
    ['', '^ab$', 1, 4, 8],
    ['a2=', 'mx', 0, 2, -1],
    ['w=', 'minister', 0, 7, -1],
    ['z3', '=ter', 0, 4, 3],
    ['ü=', 'die Straße', 4, 10, -1],
  ])('finds %j + %j[%i, %i) as id %i without building the key', (prefix, value, start, end, id) => {
    expect(table.find(prefix, value, start, end)).toBe(id)
  })

  it('stays correct past many rehashes and on colliding hashes', () => {
    const big = new KeyTable()
    const words = Array.from({length: 5000}, (_, i) => `k${i.toString(36)}`)
    words.forEach((w) => big.add(w))
    expect(words.every((w, i) => big.get(w) === i && big.find('k', w, 1, w.length) === i)).toBe(true)
    expect(big.get('nope')).toBe(-1)
  })

  it('finds every key, and adds more, after compact() shrinks an oversized table', () => {
    const sized = new KeyTable(100_000)
    const words = Array.from({length: 3000}, (_, i) => `k${i.toString(36)}`)
    words.forEach((w) => sized.add(w))
    sized.compact()
    expect(words.every((w, i) => sized.get(w) === i && sized.find('k', w, 1, w.length) === i)).toBe(true)
    expect(sized.get('nope')).toBe(-1)
    const more = Array.from({length: 3000}, (_, i) => `m${i}`)
    expect(more.map((w) => sized.add(w))).toEqual(more.map((_, i) => words.length + i))
    expect([...words, ...more].every((w, i) => sized.get(w) === i)).toBe(true)
  })

  it('answers every lookup the same when frozen and thawed over copies of its arrays, and refuses new keys', () => {
    const built = new KeyTable(50)
    const words = Array.from({length: 700}, (_, i) => `w=${i.toString(36)}ß`)
    words.forEach((w) => built.add(w))
    built.compact()
    const frozen = built.freeze()
    const thawed = KeyTable.thaw({size: frozen.size, slots: Int32Array.from(frozen.slots), pool: Uint16Array.from(frozen.pool)})
    expect(thawed.size).toBe(words.length)
    expect(words.every((w, i) => thawed.get(w) === i && thawed.find('w=', w, 2, w.length) === i)).toBe(true)
    expect([thawed.get('w=nope'), thawed.find('w=', 'zz', 0, 2)]).toEqual([-1, -1])
    expect(thawed.add(words[3])).toBe(3)
    expect(() => thawed.add('w=new')).toThrow(/read-only/)
  })

  it('gives a hash filter that holds every key, frozen or not, and rules most absent keys out', () => {
    const table = new KeyTable()
    const keys = Array.from({length: 3000}, (_, i) => `word${i}`)
    for (const key of keys) table.add(key)
    const frozen = table.freeze()
    for (const source of [table, KeyTable.thaw(frozen)]) {
      const filter = new Int32Array(1 << 13)
      source.addToFilter(filter)
      for (const key of keys) expect(filterHas(filter, hashKey(key))).toBe(true)
      let passed = 0
      for (let i = 0; i < 10000; i++) if (filterHas(filter, hashKey(`absent${i}`))) passed++
      expect(passed).toBeLessThan(500)
    }
    expect(Array.from(table.keyHashes.subarray(0, keys.length))).toEqual(keys.map((key) => hashKey(key)))
  })

  it("sets the same filter bits as adding its keys' hashes one by one, plus an empty slot's", () => {
    const table = new KeyTable()
    for (let i = 0; i < 500; i++) table.add(`k${i}`)
    const fromTable = new Int32Array(1 << 11)
    table.addToFilter(fromTable)
    const fromKeys = new Int32Array(1 << 11)
    filterAddAll(fromKeys, table.keyHashes.subarray(0, table.size))
    filterAddAll(fromKeys, [-1])
    expect(fromTable).toEqual(fromKeys)
  })

  it('hashes a key in pieces the same as whole', () => {
    expect(hashSlice(hashSlice(7, 'a2=', 0, 3), 'xmiy', 1, 3)).toBe(hashSlice(7, 'a2=mi', 0, 5))
  })
})
