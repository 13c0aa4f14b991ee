import {describe, expect, it} from 'vitest'
import {findMentionChanges, type Mention} from '../../../tools/ner/mention-diff.ts'

const m = (start: number, end: number, type: string): Mention => ({start, end, type})

describe('findMentionChanges', () => {
  it.each([
    ['nothing changed', [m(0, 4, 'PER')], [m(0, 4, 'PER')], [m(0, 4, 'PER')], []],
    ['a right mention lost', [m(0, 4, 'PER')], [], [m(0, 4, 'PER')], [['lost', 1, 0, -1, 0]]],
    ['a wrong mention lost', [m(0, 4, 'ORG')], [], [m(0, 4, 'PER')], [['lost', 1, 0, 0, -1]]],
    ['a right mention gained', [], [m(5, 9, 'LOC')], [m(5, 9, 'LOC')], [['gained', 0, 1, 1, 0]]],
    ['relabelled to the right label', [m(0, 4, 'ORG')], [m(0, 4, 'PER')], [m(0, 4, 'PER')], [['relabelled', 1, 1, 1, -1]]],
    ['two halves joined: one re-span', [m(0, 4, 'PER'), m(5, 9, 'PER')], [m(0, 9, 'PER')], [m(0, 9, 'PER')], [['re-spanned', 2, 1, 1, -2]]],
    ['one split in two', [m(0, 9, 'PER')], [m(0, 4, 'PER'), m(5, 9, 'PER')], [m(0, 9, 'PER')], [['re-spanned', 1, 2, -1, 2]]],
    ['a chain of overlaps is one change', [m(0, 4, 'ORG'), m(6, 9, 'ORG')], [m(2, 7, 'ORG')], [], [['re-spanned', 2, 1, 0, -1]]],
    ['separate changes in offset order', [m(10, 12, 'LOC')], [m(0, 2, 'LOC')], [], [['gained', 0, 1, 0, 1], ['lost', 1, 0, 0, -1]]],
  ])('%s', (_name, before, after, gold, expected) => {
    const changes = findMentionChanges(before, after, gold)
    expect(changes.map((c) => [c.kind, c.before.length, c.after.length, c.tp, c.fp])).toEqual(expected)
  })
})
