import {describe, expect, it} from 'vitest'
import {consonantSkeleton, nameKey, translitKey} from '../../src/names/translit.ts'

describe('translitKey: spellings of one name share a key', () => {
  it.each([
    [['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Zelenskyi', 'Zelenskii', 'Zelenskij'], 'zelenski'],
    [['Kyslytsya', 'Kislitsia', 'Kyslytsia'], 'kislitsia'],
    [['Yermak', 'Iermak', 'Jermak', 'Ermak'], 'ermak'],
    [['Odesa', 'Odessa'], 'odesa'],
    [['Gorbachev', 'Gorbachov', 'Gorbatschow'], 'gorbachev'],
    [['Shostakovich', 'Shostakovitch', 'Schostakowitsch'], 'shestakovich'],
    [['Khrushchev', 'Khrushchyov', 'Chruschtschow'], 'hrushev'],
    [['Fyodor', 'Fedor', 'Fiodor'], 'fedor'],
    [['Oksana', 'Oxana'], 'oksana'],
    [['Zelenskaya', 'Zelenska'], 'zelenska'],
    [['Chodorkowski', 'Khodorkovsky'], 'hodorkovski'],
  ])('%j -> %s', (spellings, key) => {
    for (const spelling of spellings) expect(translitKey(spelling), spelling).toBe(key)
  })

  it.each([
    ['Putin', 'Putina'],
    ['Kyiv', 'Kiev'],
    ['Ivanov', 'Ivanova'],
    ['Zelensky', 'Zelenska'],
  ])('%s and %s keep different keys', (a, b) => {
    expect(translitKey(a)).not.toBe(translitKey(b))
  })
})

describe('nameKey and consonantSkeleton', () => {
  it('keys each word of a name', () => {
    expect(nameKey('Volodymyr  Zelenskyy')).toBe('volodimir zelenski')
  })

  it.each([
    ['kiv', 'kv'],
    ['kiev', 'kv'],
    ['harkiv', 'grkv'],
    ['selenski', 'slnsk'],
    ['zelenski', 'slnsk'],
    ['shmihal', 'ʃmgl'],
  ])('%s -> %s', (key, skeleton) => {
    expect(consonantSkeleton(key)).toBe(skeleton)
  })
})
