import {describe, expect, it} from 'vitest'
import type {EntityLabel} from '../../src/doc.ts'
import {isGenderVariant, matchNames, profileName, surnamesSimilar} from '../../src/link/match.ts'

const profile = (label: EntityLabel, name: string, roles: string[] = []) => profileName(`${label}:${name}`, label, name, roles)

describe('matchNames', () => {
  it.each([
    ['PERSON', 'Volodymyr Zelenskyy', 'Vladimir Zelensky', 'link:given-name-equivalent+surname-translit'],
    ['PERSON', 'Serhiy Kyslytsya', 'Sergiy Kyslytsya', 'link:given-name-equivalent+surname-translit'],
    ['PERSON', 'Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'link:translit-key'],
    ['PERSON', 'Wolodymyr Selenskyj', 'Volodymyr Zelensky', 'link:given-name-equivalent+surname-jw'],
    ['PERSON', 'Denys Shmyhal', 'Denis Shmygal', 'link:given-name-equivalent+surname-jw'],
    ['PERSON', 'Vladimir Vladimirovich Putin', 'Vladimir Putin', 'link:given-name-equivalent+surname-translit'],
    ['LOC', 'Kyiv', 'Kiev', 'link:place-variant'],
    ['LOC', 'Kharkiv', 'Kharkov', 'link:place-variant'],
    ['LOC', 'Odesa', 'Odessa', 'link:translit-key'],
    ['LOC', 'Lviv', 'Lvov', 'link:place-variant'],
    ['LOC', 'Luhansk', 'Lugansk', 'link:place-variant'],
  ] as const)('%s %s ~ %s -> %s', (label, a, b, rule) => {
    expect(matchNames(profile(label, a), profile(label, b))).toBe(rule)
  })

  it.each([
    ['PERSON', 'Vladimir Putin', 'Vladimir Zelensky'],
    ['PERSON', 'Vladimir Putin', 'Vladimir Oleinik'],
    ['PERSON', 'Vladimir Zelensky', 'Vladimir Oleinik'],
    ['PERSON', 'Vitali Klitschko', 'Wladimir Klitschko'],
    ['PERSON', 'Alexei Navalny', 'Yulia Navalnaya'],
    ['PERSON', 'Mikhail Fedorov', 'Mikhail Fedotov'],
    ['PERSON', 'Kim Jong Un', 'Kim Jong Il'],
    ['PERSON', 'John Hill', 'John Gill'],
    ['PERSON', 'Sergey Kislya', 'Serhiy Kyslytsya'],
    ['LOC', 'Niger', 'Nigeria'],
    ['LOC', 'Mali', 'Male'],
    ['ORG', 'European Commission', 'European Council'],
    ['DATE', 'May 2025', 'May 2025'],
  ] as const)('%s %s !~ %s', (label, a, b) => {
    expect(matchNames(profile(label, a), profile(label, b))).toBeNull()
  })

  it('joins a shortened surname only with a shared office as context', () => {
    const kislya = profile('PERSON', 'Sergey Kislya', ['Ukraine’s Deputy Foreign Minister'])
    const kyslytsya = profile('PERSON', 'Serhiy Kyslytsya', ["Ukraine's First Deputy Foreign Minister"])
    expect(matchNames(kislya, kyslytsya)).toBe('link:given-name-equivalent+surname-prefix+role')
    expect(matchNames(kislya, profile('PERSON', 'Serhiy Kyslytsya', ['Foreign Minister']))).toBeNull()
    expect(matchNames(kislya, profile('PERSON', 'Serhiy Kyslytsya'), {sharedCooccurring: 2})).toBe('link:given-name-equivalent+surname-prefix+cooccurrence')
  })

  it('never joins a feminine surname to the masculine one, even with a shared role', () => {
    expect(matchNames(profile('PERSON', 'Sasha Ivanov', ['minister']), profile('PERSON', 'Sasha Ivanova', ['minister']))).toBeNull()
  })
})

describe('surname helpers', () => {
  it.each([
    ['ivanov', 'ivanova', true],
    ['zelenski', 'zelenska', true],
    ['lukashenko', 'lukashenka', false],
  ])('isGenderVariant(%s, %s) -> %s', (a, b, expected) => {
    expect(isGenderVariant(a, b)).toBe(expected)
  })

  it.each([
    ['zelenski', 'selenski', true],
    ['lukashenko', 'lukashenka', true],
    ['fedorov', 'fedotov', false],
    ['hil', 'gil', false],
  ])('surnamesSimilar(%s, %s) -> %s', (a, b, expected) => {
    expect(surnamesSimilar(a, b)).toBe(expected)
  })
})
