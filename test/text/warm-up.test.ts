import {describe, expect, it} from 'vitest'
import {warmUpOnce} from '../../src/text/warm-up.ts'

describe('warmUpOnce', () => {
  it.each([
    ['runs the body its rounds on the first call', 12, 1, 12],
    ['does nothing on later calls', 12, 3, 12],
    ['one round', 1, 2, 1],
    ['no rounds', 0, 2, 0],
  ])('%s', (_name, rounds, calls, expected) => {
    let runs = 0
    const warm = warmUpOnce(rounds, () => runs++)
    for (let call = 0; call < calls; call++) warm()
    expect(runs).toBe(expected)
  })

  it('keeps each warm-up apart', () => {
    let a = 0
    let b = 0
    const warmA = warmUpOnce(2, () => a++)
    const warmB = warmUpOnce(3, () => b++)
    warmA()
    warmA()
    warmB()
    expect([a, b]).toEqual([2, 3])
  })
})
