import {describe, expect, it} from 'vitest'
import {buildHashBits, mayHoldHash} from '../../src/text/hash-bits.ts'

describe('buildHashBits / mayHoldHash', () => {
  const hashes = [0, 31, 32, 65535, -1, 0x12345678, -0x7ffffff0]
  const bits = buildHashBits(hashes)

  it.each(hashes)('holds %i, one of its hashes', (h) => {
    expect(mayHoldHash(bits, h)).toBe(true)
  })

  it.each([1, 30, 33, 65534, 0x1234])('turns away %i, which no hash shares the bit of', (h) => {
    expect(mayHoldHash(bits, h)).toBe(false)
  })

  it('counts only the low 16 bits of a hash', () => {
    expect(mayHoldHash(bits, 0x10000)).toBe(true)
    expect(mayHoldHash(buildHashBits([]), 0)).toBe(false)
  })
})
