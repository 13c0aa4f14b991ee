import {describe, expect, it} from 'vitest'
import {GIVEN_NAME_GROUPS, givenNameClass, givenNameInitials, givenNamesEquivalent} from '../../src/names/given-names.ts'
import {translitKey} from '../../src/names/translit.ts'

describe('given-name groups', () => {
  it('never assign one spelling to two groups', () => {
    for (const group of GIVEN_NAME_GROUPS) {
      for (const variant of group) expect(givenNameClass(variant), `${variant} in ${group[0]}`).toBe(translitKey(group[0]))
    }
  })

  it.each([
    ['Volodymyr', 'Vladimir', true],
    ['Serhiy', 'Sergey', true],
    ['Sergiy', 'Sergei', true],
    ['Oleksandr', 'Alexander', true],
    ['Mykola', 'Nikolai', true],
    ['Dmytro', 'Dmitry', true],
    ['Andriy', 'Andrei', true],
    ['Yuriy', 'Yuri', true],
    ['Olha', 'Olga', true],
    ['Vladimir', 'Vitaly', false],
    ['Oleksandr', 'Oleksandra', false],
    ['Yevhen', 'Yevheniia', false],
    ['Timur', 'Tymur', true],
    ['Timur', 'Rodion', false],
  ])('%s ~ %s -> %s', (a, b, expected) => {
    expect(givenNamesEquivalent(a, b)).toBe(expected)
  })

  it('knows the initials a name may be written with', () => {
    expect([...givenNameInitials('Oleksandr')].sort()).toEqual(['a', 'o'])
    expect(givenNameInitials('Volodymyr').has('v')).toBe(true)
  })
})
