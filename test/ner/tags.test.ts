import {describe, expect, it} from 'vitest'
import {
  allowedAfter,
  BILOU_TAGS,
  encodeBilou,
  IOB2_TAGS,
  decodeBilou,
  decodeIob,
  TAG_START,
  tagId,
  type TokenSpan,
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

  it('maps BILOU to IOB2 names', () => {
    expect(['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER'].map((n) => IOB2_TAGS[BILOU_TAGS.indexOf(n)])).toEqual(['O', 'B-PER', 'I-PER', 'I-PER', 'B-PER'])
  })
})
