import {describe, expect, it} from 'vitest'
import {
  allowedAfter,
  BILOU_TAGS,
  encodeBilou,
  forEachMention,
  IOB2_TAGS,
  decodeBilou,
  decodeIob,
  TAG_START,
  tagId,
  type TokenSpan,
  wholeMentionType,
  writeMention,
} from '../../src/ner/tags.ts'

const span = (start: number, end: number, type: TokenSpan['type']): TokenSpan => ({start, end, type})

describe('decodeIob', () => {
  it.each([
    ['IOB1 run', ['I-PER', 'I-PER', 'O'], [span(0, 2, 'PER')]],
    ['IOB1 B- between two touching entities', ['I-LOC', 'B-LOC', 'I-LOC'], [span(0, 1, 'LOC'), span(1, 3, 'LOC')]],
    ['type change starts a new entity', ['I-ORG', 'I-MISC', 'O', 'I-PER'], [span(0, 1, 'ORG'), span(1, 2, 'MISC'), span(3, 4, 'PER')]],
    ['IOB2', ['B-PER', 'I-PER', 'B-PER', 'O', 'B-ORG'], [span(0, 2, 'PER'), span(2, 3, 'PER'), span(4, 5, 'ORG')]],
    ['all O', ['O', 'O'], []],
  ])('%s', (_name, tags, expected) => {
    expect(decodeIob(tags)).toEqual(expected)
  })

  it('rejects an unknown type', () => {
    expect(() => decodeIob(['I-FOO'])).toThrow(/unknown entity tag/)
  })
})

describe('BILOU', () => {
  it.each([
    [[span(0, 1, 'PER')], 3, ['U-PER', 'O', 'O']],
    [[span(0, 3, 'ORG')], 3, ['B-ORG', 'I-ORG', 'L-ORG']],
    [[span(1, 3, 'LOC'), span(3, 4, 'MISC')], 4, ['O', 'B-LOC', 'L-LOC', 'U-MISC']],
  ])('encodes %j over %i tokens and decodes back', (spans, length, names) => {
    const tags = encodeBilou(spans, length)
    expect(Array.from(tags, (t) => BILOU_TAGS[t])).toEqual(names)
    expect(decodeBilou(tags)).toEqual(spans)
  })

  it('decodes leniently: a B/I run without its L still ends at its last token', () => {
    expect(decodeBilou([tagId(0, 0), tagId(1, 0), 0])).toEqual([span(0, 2, 'PER')])
  })

  it.each([
    ['O', 'B-PER', true],
    ['B-PER', 'L-PER', true],
    ['B-PER', 'I-PER', true],
    ['B-PER', 'O', false],
    ['B-PER', 'L-ORG', false],
    ['L-PER', 'U-LOC', true],
    ['U-ORG', 'I-ORG', false],
    ['start', 'L-MISC', false],
    ['start', 'U-MISC', true],
  ])('%s -> %s allowed: %s', (prev, next, ok) => {
    const id = (name: string) => (name === 'start' ? TAG_START : BILOU_TAGS.indexOf(name))
    expect(allowedAfter(id(prev), id(next))).toBe(ok)
  })

  // one writer for every rule that relabels or trims a mention in place (consistency, edge trim, rule D)
  it.each([
    [1, 2, 1, ['O', 'U-ORG', 'O', 'O']],
    [0, 2, 0, ['B-PER', 'L-PER', 'O', 'O']],
    [0, 4, 2, ['B-LOC', 'I-LOC', 'I-LOC', 'L-LOC']],
    [2, 2, 0, ['O', 'O', 'O', 'O']],
    [3, 1, 0, ['O', 'O', 'O', 'O']],
  ])('writeMention over [%i, %i) of type %i', (start, end, type, names) => {
    const tags = new Uint8Array(4)
    writeMention(tags, start, end, type)
    expect(Array.from(tags, (t) => BILOU_TAGS[t])).toEqual(names)
  })

  // the one reading of mentions every pass shares (decodeBilou, consistency, edge trim, rules D and O, two-stage)
  const ids = (names: string) => (names === '' ? [] : names.split(' ').map((n) => BILOU_TAGS.indexOf(n)))
  it.each([
    ['well formed', 'U-PER O B-ORG I-ORG L-ORG U-LOC', [[0, 1, 0], [2, 5, 1], [5, 6, 2]]],
    ['B-I run without its L ends at its last tagged token', 'B-PER I-PER O', [[0, 2, 0]]],
    ['a lone I or L starts a mention', 'O I-LOC O L-MISC', [[1, 2, 2], [3, 4, 3]]],
    ['a tag of another type starts a new mention', 'B-PER L-ORG', [[0, 1, 0], [1, 2, 1]]],
    ['a B cuts an open mention', 'B-PER B-PER L-PER', [[0, 1, 0], [1, 3, 0]]],
    ['an I after an L starts a new mention', 'L-PER I-PER', [[0, 1, 0], [1, 2, 0]]],
    ['a run open at the end', 'O B-ORG I-ORG', [[1, 3, 1]]],
    ['all O', 'O O', []],
    ['empty', '', []],
  ])('forEachMention: %s', (_name, names, expected) => {
    const seen: number[][] = []
    forEachMention(ids(names), (start, end, type) => seen.push([start, end, type]))
    expect(seen).toEqual(expected)
    expect(decodeBilou(ids(names))).toEqual(expected.map(([start, end, type]) => ({start, end, type: ['PER', 'ORG', 'LOC', 'MISC'][type]})))
  })

  it('forEachMention reads [from, to) only, a mention cut by `to` ending there', () => {
    const seen: number[][] = []
    forEachMention(ids('U-PER B-ORG I-ORG L-ORG'), (start, end, type) => seen.push([start, end, type]), 1, 3)
    expect(seen).toEqual([[1, 3, 1]])
  })

  it('forEachMention lets the visitor rewrite the mention it is given', () => {
    const tags = Uint8Array.from(ids('B-PER L-PER U-LOC'))
    forEachMention(tags, (start, end) => writeMention(tags, start, end, 1))
    expect(Array.from(tags, (t) => BILOU_TAGS[t])).toEqual(['B-ORG', 'L-ORG', 'U-ORG'])
  })

  it.each([
    ['O U-PER O', 1, 2, 0],
    ['B-ORG I-ORG L-ORG', 0, 3, 1],
    ['B-ORG I-ORG L-ORG', 0, 2, -1],
    ['B-ORG I-ORG L-ORG', 1, 3, -1],
    ['B-ORG I-LOC L-ORG', 0, 3, -1],
    ['U-PER U-PER', 0, 2, -1],
    ['O O', 0, 1, -1],
    ['B-PER L-PER', 1, 1, -1],
  ])('wholeMentionType of %s over [%i, %i) is %i', (names, start, end, type) => {
    expect(wholeMentionType(ids(names), start, end)).toBe(type)
  })

  it('maps BILOU to IOB2 names', () => {
    expect(['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER'].map((n) => IOB2_TAGS[BILOU_TAGS.indexOf(n)])).toEqual(['O', 'B-PER', 'I-PER', 'I-PER', 'B-PER'])
  })
})
