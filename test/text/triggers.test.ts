import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {DATE_TRIGGER_WORDS, findDates} from '../../src/dates/find-dates.ts'
import {scanNumericTriggers} from '../../src/entities/find-entities.ts'
import {findNumbers, NUMBER_TRIGGER_WORDS, triggerSource} from '../../src/numbers/find-numbers.ts'
import {scanTriggers} from '../../src/text/triggers.ts'

// the entities stage scans a document once for the date and the number finders' triggers together; each finder
// must then find exactly what its own scan finds

// a seeded generator of texts made of the finders' words, digits, units, separators and near misses
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const PIECES = [
  ...DATE_TRIGGER_WORDS, ...NUMBER_TRIGGER_WORDS, 'The', 'THE', 'A', 'Dozen', 'dozen', 'hundred', 'million', 'years', 'year', 'day', 'days',
  'ago', 'percent', '%', 'km', 'miles', 'GMT', 'a.m.', 'p.m.', "o'clock", 'morning', 'of', 'end', 'half', 'st', 'th', '1990s', '2025', '13',
  '5', '1,250.50', '3:45', '12:30', '11/13/2025', '2025-11-13', 'mid-2025', 'three-year', 'x2020', '_2020', 'é2020', 'café', 'another', 'no',
  'one', 'per', 'split', 'second', 'Mayday', 'May', 'said', 'Smith', '$', '€', '-', '–', '.', ',', '/', "'", '"', '(', ')', '\n', '\t', '',
]
const GLUE = [' ', ' ', ' ', ' ', '', '-', ', ', '. ', '\n', '  ', '/', "'s "]
function randomText(random: () => number): string {
  const n = 5 + Math.floor(random() * 60)
  let text = ''
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(random() * PIECES.length)]! + GLUE[Math.floor(random() * GLUE.length)]!
  return text
}

const SEEDS = '../shared/seeds'
const seedTexts = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${SEEDS}/${f}`, 'utf8')) : []

describe('one trigger scan for dates and numbers', () => {
  const random = mulberry32(20261130)
  const texts = [
    'a dozen A Dozen a  hundred 5 5s mid-2025 the 1990s The end of the year _2020 x2020 é2020 2020é A hundred an hour the Same month 3rd',
    'café2020 12:30 p.m. this morning ONE another no one THE FIRST WEEK at 12:30 GMTone 12:30 local timeline',
    'Between 1990 and 2000, about two-thirds of a million people, 3.5 million barrels a day, in the past two years.',
    ...seedTexts,
    ...Array.from({length: 3000}, () => randomText(random)),
  ]
  it('finds the same dates as the date finder alone', () => {
    for (const text of texts) expect(findDates(text, scanNumericTriggers(text)), text).toEqual(findDates(text))
  })
  it('finds the same numbers as the number finder alone', () => {
    for (const text of texts) expect(findNumbers(text, scanNumericTriggers(text)), text).toEqual(findNumbers(text))
  })
  it('finds every trigger in text order, each a digit or a lowercase word', () => {
    const t = scanTriggers(/\b(?:[0-9]|a (?=dozen)|(?:the|a)(?![A-Za-z]))/gi, 'The 5 a dozen, A year. the')
    expect(Array.from(t.starts.subarray(0, t.count))).toEqual([0, 4, 6, 15, 23])
    expect(Array.from(t.ends.subarray(0, t.count))).toEqual([3, 5, 8, 16, 26])
    expect(t.words).toEqual(['the', '', 'a', 'a', 'the'])
  })
  // the scan reads each match's start back from its end (no match object): the same triggers as exec() finds, for
  // the dates' and numbers' own patterns and the shared one, words in any case, at the text's edges and after
  // non-ASCII letters (which do not make a word boundary in a pattern without the u flag)
  const exact = (pattern: RegExp, text: string) => {
    const want: Array<[number, number, string]> = []
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const code = text.charCodeAt(m.index)
      want.push([m.index, m.index + m[0].length, code >= 48 && code <= 57 ? '' : m[0].trimEnd().toLowerCase()])
    }
    return want
  }
  const found = (t: ReturnType<typeof scanTriggers>) => Array.from({length: t.count}, (_, i) => [t.starts[i]!, t.ends[i]!, t.words[i]!])
  const SHARED = new RegExp(triggerSource([...new Set([...DATE_TRIGGER_WORDS, ...NUMBER_TRIGGER_WORDS])]), 'gi')
  const CASES: Array<[string, string]> = [
    ['words in three cases', 'The THE the tHe thEFT theory'],
    ['a digit at either edge', '5 and 7'],
    ['a before a scale word', 'A Dozen, a hundred, a  hundred, a dozens'],
    ['after non-ASCII letters and underscores', 'éthe _the 9the xthe café2020 naïve-first'],
    ['long trigger words', 'SEVENTEENTH Thousandth previous Wednesday September'],
    ['an empty text', ''],
    ['no trigger', 'nothing here at all'],
    ['astral letters and surrogates', '𝐀the 😀 the 𝟓 5'],
  ]
  it.each(CASES)('reads each trigger as exec() does: %s', (_, text) => {
    expect(found(scanTriggers(SHARED, text))).toEqual(exact(SHARED, text))
  })
  it('reads each trigger as exec() does on generated texts', () => {
    for (const text of texts) expect(found(scanTriggers(SHARED, text)), text).toEqual(exact(SHARED, text))
  })
})
