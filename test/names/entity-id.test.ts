import {describe, expect, it} from 'vitest'
import {entityIdFor, nameSlug} from '../../src/names/entity-id.ts'

describe('nameSlug', () => {
  it.each([
    ['Dmitry Peskov', 'dmitry-peskov'],
    ['U.S.', 'us'],
    ['US', 'us'],
    ["O'Brien", 'obrien'],
    ['Türkiye', 'turkiye'],
    ['Украина', 'украина'],
    ['AT&T', 'at-and-t'],
    ['  Ursula  von der Leyen ', 'ursula-von-der-leyen'],
  ])('%s -> %s', (name, slug) => {
    expect(nameSlug(name)).toBe(slug)
  })
})

describe('entityIdFor', () => {
  it('is the label and the slug', () => {
    expect(entityIdFor('PERSON', 'Dmitry Peskov')).toBe('person:dmitry-peskov')
    expect(entityIdFor('ORG', 'U.S. Senate')).toBe('org:us-senate')
  })

  it('keeps long names readable, distinct and deterministic', () => {
    const a = entityIdFor('ORG', 'Office of the United Nations High Commissioner for Human Rights and Something Else Entirely')
    const b = entityIdFor('ORG', 'Office of the United Nations High Commissioner for Human Rights and Something Else Again')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^org:office-of-the-united-nations-[a-z-]+-[0-9a-f]{8}$/)
    expect(entityIdFor('ORG', 'Office of the United Nations High Commissioner for Human Rights and Something Else Entirely')).toBe(a)
  })

  it('hashes names with no letters or digits', () => {
    expect(entityIdFor('MISC', '—')).toMatch(/^misc:[0-9a-f]{8}$/)
  })

  it('keeps labels apart in its cache of made ids', () => {
    expect(entityIdFor('LOC', 'Georgia')).toBe('loc:georgia')
    expect(entityIdFor('PERSON', 'Georgia')).toBe('person:georgia')
    expect(entityIdFor('LOC', 'Georgia')).toBe('loc:georgia')
  })
})
