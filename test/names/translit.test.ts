import {describe, expect, it} from 'vitest'
import {consonantSkeleton, foldToken, nameKey, translitKey} from '../../src/names/translit.ts'

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

describe('foldToken', () => {
  // ASCII tokens take a shortcut (lowercase, ASCII apostrophes dropped); it must fold exactly as the full path does
  const FOLD: Record<string, string> = {ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', þ: 'th'}
  const fullFold = (t: string) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[łøßđæœıħþ]/g, (c) => FOLD[c] ?? c).replace(/['’ʼʹ`´‘]/g, '')
  it.each([
    ["O'Brien", 'obrien'],
    ['D`Arcy', 'darcy'],
    ['MCDONALD-SMITH', 'mcdonald-smith'],
    ['Łukasz', 'lukasz'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['Zelens’kyy', 'zelenskyy'],
  ])('%s -> %s', (token, folded) => {
    expect(foldToken(token)).toBe(folded)
    expect(foldToken(token)).toBe(fullFold(token))
  })
  it('folds every ASCII character as the full path does', () => {
    const all = Array.from({length: 128}, (_, c) => String.fromCharCode(c)).join('')
    for (let c = 0; c < 128; c++) expect(foldToken(all.slice(c) + all.slice(0, c))).toBe(fullFold(all.slice(c) + all.slice(0, c)))
  })
})
