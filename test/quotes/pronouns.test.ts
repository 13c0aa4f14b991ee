import {describe, expect, it} from 'vitest'
import type {Entity} from '../../src/doc.ts'
import {PronounResolver} from '../../src/quotes/pronouns.ts'

function person(text: string, surface: string, canonical = surface, role?: string): Entity {
  const start = text.indexOf(surface)
  return {start, end: start + surface.length, label: 'PERSON', canonical, entityId: canonical, ...(role ? {role} : {})}
}

describe('PronounResolver', () => {
  it.each([
    ['Mr. Ivan Petrov', 'male'],
    ['Ms. Jane Roe', 'female'],
    ['spokeswoman Jane Roe', 'female'],
    ['chairman Ivan Petrov', 'male'],
    ['Anna Ivanova', 'female'],
    ['Ivan Petrov', undefined],
    ['Nikita Petrov', undefined],
  ])('reads the gender of %s', (text, gender) => {
    const name = text.replace(/^(?:Mr\.|Ms\.|spokeswoman|chairman) /, '')
    const resolver = new PronounResolver(text, [person(text, name)], [])
    expect(resolver.genderOf(name)).toBe(gender)
  })

  it('prefers a woman for "she" and the nearest person not known to be a woman for "he"', () => {
    const text = 'Anna Ivanova met Ivan Petrov. She said'
    const resolver = new PronounResolver(text, [person(text, 'Anna Ivanova'), person(text, 'Ivan Petrov')], [])
    expect(resolver.resolve('female', text.length)?.canonical).toBe('Anna Ivanova')
    expect(resolver.resolve('male', text.length)?.canonical).toBe('Ivan Petrov')
  })

  it('learns from resolved pronouns', () => {
    const text = 'Ivan Petrov spoke. Sasha Roe spoke.'
    const resolver = new PronounResolver(text, [person(text, 'Ivan Petrov'), person(text, 'Sasha Roe')], [])
    resolver.note('Sasha Roe', 'female')
    expect(resolver.resolve('male', text.length)?.canonical).toBe('Ivan Petrov')
  })

  it('ignores people named inside quotations', () => {
    const text = 'Ivan Petrov said "Jane Roe is wrong." He added'
    const resolver = new PronounResolver(text, [person(text, 'Ivan Petrov'), person(text, 'Jane Roe')], [{start: 17, end: 36}])
    expect(resolver.resolve('male', text.length)?.canonical).toBe('Ivan Petrov')
  })
})
