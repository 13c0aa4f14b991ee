import {describe, expect, it} from 'vitest'
import type {Entity} from '../../src/doc.ts'
import {gatherMentions} from '../../src/link/gather.ts'

const TEXT = 'Mr. Lee met Lee and Acme. Sen. Lee left.'
const LEE = {label: 'PERSON', canonical: 'Lee', entityId: 'person:lee'} as const
const ACME = {label: 'ORG', canonical: 'Acme', entityId: 'org:acme'} as const

// each row: the mentions (in any order) and the flat list: per id in the order of its first mention, label, id,
// mentions, 2 x spellings, spelling/count pairs, then 2 x roles and role/count pairs or -1, then cue keys or -1
const CASES: Array<[string, Entity[], Array<string | number>]> = [
  ['no mentions', [], []],
  ['one mention, no role, no cue', [{start: 12, end: 15, ...LEE}], ['PERSON', 'person:lee', 1, 2, 'Lee', 1, -1, -1]],
  ['a title gives the cue key', [{start: 4, end: 7, ...LEE}], ['PERSON', 'person:lee', 1, 2, 'Lee', 1, -1, 1, 'lee']],
  ['no cues for a non-name label', [{start: 20, end: 24, ...ACME, role: 'maker'}], ['ORG', 'org:acme', 1, 2, 'Acme', 1, 2, 'maker', 1, -1]],
  [
    'offset order, spellings and roles counted, cues united',
    [
      {start: 31, end: 34, ...LEE},
      {start: 20, end: 24, ...ACME, role: 'maker'},
      {start: 4, end: 7, ...LEE, role: 'envoy'},
      {start: 12, end: 15, ...LEE, canonical: 'J. Lee'},
    ],
    ['PERSON', 'person:lee', 3, 4, 'Lee', 2, 'J. Lee', 1, 2, 'envoy', 1, 1, 'lee', 'ORG', 'org:acme', 1, 2, 'Acme', 1, 2, 'maker', 1, -1],
  ],
]

describe('gatherMentions', () => {
  it.each(CASES)('%s', (_name, entities, expected) => {
    expect(gatherMentions(TEXT, entities)).toEqual(expected)
  })
})
