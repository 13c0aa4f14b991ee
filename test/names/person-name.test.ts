import {describe, expect, it} from 'vitest'
import {middlesCompatible, parsePersonName} from '../../src/names/person-name.ts'

describe('parsePersonName', () => {
  it.each([
    ['Ursula von der Leyen', 'Ursula', 'von der Leyen', false, []],
    ['Von der Leyen', undefined, 'Von der Leyen', false, []],
    ['Peskov', undefined, 'Peskov', false, []],
    ['V. Putin', 'V.', 'Putin', true, []],
    ['Vladimir Vladimirovich Putin', 'Vladimir', 'Putin', false, []],
    ['George W. Bush', 'George', 'Bush', false, ['v']],
    ['Martin Luther King Jr.', 'Martin', 'King', false, ['luther']],
  ] as const)('%s', (name, given, surname, initial, middle) => {
    const parsed = parsePersonName(name)
    expect(parsed.given).toBe(given)
    expect(parsed.surname).toBe(surname)
    expect(parsed.givenInitial).toBe(initial)
    expect(parsed.middle).toEqual(middle)
  })

  it('compares middle names only when both have them', () => {
    const w = parsePersonName('George W. Bush')
    expect(middlesCompatible(w, parsePersonName('George Bush'))).toBe(true)
    expect(middlesCompatible(w, parsePersonName('George Walker Bush'))).toBe(true)
    expect(middlesCompatible(w, parsePersonName('George H. W. Bush'))).toBe(false)
  })
})
