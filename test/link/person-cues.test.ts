import {describe, expect, it} from 'vitest'
import {findPersonCueKeys} from '../../src/link/person-cues.ts'

// each row: a sentence with the mention marked by [brackets], and the keys it supports (null: no person cue)
const CASES: Array<[string, string[] | null]> = [
  ['Later [Mr. Okafor] said no.', ['okafor']],
  ['Later Mr. [Okafor] said no.', ['okafor']],
  ['[Sen. Ada Okafor] said no.', ['ada-okafor', 'okafor', 'ada']],
  ['President [Okafor]’s plan', ['okafor']],
  ['Then [Dr Ada Okafor-Bell] spoke.', ['ada-okafor-bell', 'okafor-bell', 'ada']],
  ['He met [Okafor] on Monday.', null],
  ['the official [Twitter] feed', null],
  ['a ruling on a Justice. [Senate] leaders met', null],
  ['Justice\n[Senate] leaders met', null],
  ['the [Muslims] of the city', null],
  ['[Mr. Trump Hotel Tower Plaza Grand] opened', null],
  // words turned away before any lookup (ASCII letters, a final period) and words always looked up: case, periods,
  // hyphens, apostrophes and other letters
  ['Later MR. [Okafor] said no.', ['okafor']],
  ['then miss [Okafor] said', ['okafor']],
  ['Gen. [Ada Okafor] said', ['ada-okafor', 'okafor', 'ada']],
  ['Gen [Ada Okafor] said', null],
  ['the president [Okafor] said', null],
  ['the President. [Okafor] said', null],
  ['[Vice-President Okafor] said', ['okafor']],
  ['Vice-President [Okafor] said', ['okafor']],
  ["the President's [Okafor] said", null],
  ['Señor [Okafor] said', null],
  ['Frau [Müller] sagte', ['muller']],
  ['[Lady Ada Okafor] and [Lady Ada Okafor]', ['ada-okafor', 'okafor', 'ada']],
  ['said [Okafor]', null],
]

describe('findPersonCueKeys', () => {
  it.each(CASES)('%s', (marked, expected) => {
    const start = marked.indexOf('[')
    const end = marked.indexOf(']') - 1
    const text = marked.replace('[', '').replace(']', '')
    expect(findPersonCueKeys(text, {start, end})).toEqual(expected)
  })
})
