import {describe, expect, it} from 'vitest'
import {isHonorific, isRoleHead, roleKey, rolesCompatible} from '../../src/names/roles.ts'

describe('isRoleHead', () => {
  it.each([
    ['President', true],
    ['spokesman', true],
    ['ambassador-at-large', true],
    ['Minister', true],
    ['CEO', true],
    ['Foreign', false],
    ['Kremlin', false],
    ['co-founder', true],
  ])('%s -> %s', (word, expected) => {
    expect(isRoleHead(word)).toBe(expected)
  })
})

describe('isHonorific', () => {
  it.each([
    ['Mr.', true],
    ['Mrs', true],
    ['Dr.', true],
    ['President', false],
  ])('%s -> %s', (word, expected) => {
    expect(isHonorific(word)).toBe(expected)
  })
})

describe('roleKey', () => {
  it.each([
    ["Ukraine's First Deputy Foreign Minister", 'deputy foreign minister'],
    ['First Deputy Foreign Minister of Ukraine', 'deputy foreign minister'],
    ['Kremlin spokesman', 'spokesperson'],
    ['press secretary', 'spokesperson'],
    ['US Secretary of State', 'secretary state'],
    ['Prime Minister', 'prime-minister'],
    ['Kremlin', ''],
  ])('%s -> %s', (role, expected) => {
    expect(roleKey(role)).toBe(expected)
  })
})

describe('rolesCompatible', () => {
  it.each([
    ['Deputy Foreign Minister', "Ukraine's First Deputy Foreign Minister", true],
    ['Kremlin spokesman', 'Kremlin spokesperson', true],
    ['Foreign Minister', 'Deputy Foreign Minister', false],
    ['President', 'Prime Minister', false],
    ['Kremlin', 'Kremlin', false],
  ])('%s ~ %s -> %s', (a, b, expected) => {
    expect(rolesCompatible(a, b)).toBe(expected)
  })
})
