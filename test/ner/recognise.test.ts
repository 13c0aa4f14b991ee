import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {EntitySpan} from '../../src/doc.ts'
import {recogniseEntities, sentenceEndsOf} from '../../src/ner/recognise.ts'
import {findParagraphs, findSentences, findTokens} from '../../src/segment/segment-text.ts'

function recognise(text: string): EntitySpan[] {
  const tokens = findTokens(text)
  return recogniseEntities(text, tokens, findSentences(text, findParagraphs(text), tokens))
}

// every person named in each seed article (tests may use seed names; src/ may not)
const PEOPLE: Record<string, string[]> = {
  '000_bf559d445b3d4308.txt': [
    'Volodymyr Zelenskyy', 'Maria Zakharova', 'Zakharova', 'Serhiy Kyslytsya', 'Vladimir Putin', 'Dmitry Peskov',
    'Sergey Lavrov', 'Su Xiaohui', 'Su', 'Ursula von der Leyen', 'Von der Leyen', 'von der Leyen',
  ],
  '001_e3b7a759f26948d1.txt': [
    'Rodion Miroshnik', 'Miroshnik', 'Vladimir Putin', 'Marta Hurtado', 'Dmitry Peskov', 'Donald Trump', 'Trump',
    'Marco Rubio', 'Vladimir Oleinik', 'Oleinik', 'Timur Mindich', 'Mindich', 'German Galushchenko', 'Svetlana Grinchuk',
    'Vladimir Zelensky', 'Zelensky',
  ],
  '002_ca2a2e5aed6c484b.txt': ['Sergiy Kyslytsya', 'Kyslytsya', 'Vladimir Putin', 'Volodymyr Zelenskyy'],
  '003_e47be675eeaa7a6e.txt': ['Vladimir Putin', 'Dmitry Peskov', 'Peskov', 'Sergey Kislya', 'Kislya'],
}

// every whole-word occurrence of each name, except inside an occurrence of a longer listed name
function mentions(text: string, names: string[]): {name: string; start: number; end: number}[] {
  const found: {name: string; start: number; end: number}[] = []
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu')
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + name.length
      if (!found.some((m) => m.start <= start && end <= m.end)) found.push({name, start, end})
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

describe('recogniseEntities on the seed articles (shipped model)', () => {
  it.each(Object.entries(PEOPLE))('%s: every person mention is a PERSON with the exact span', (file, names) => {
    const text = readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8')
    const entities = recognise(text)
    const people = new Set(entities.filter((e) => e.label === 'PERSON').map((e) => `${e.start}:${e.end}`))
    const expected = mentions(text, names)
    expect(expected.length).toBeGreaterThanOrEqual(names.length)
    const missed = expected.filter((m) => !people.has(`${m.start}:${m.end}`)).map((m) => `${m.name}@${m.start}`)
    expect(missed).toEqual([])
  })

  // a lone unseen surname the model alone leaves out: found by the unknown-name retry (see NerTagger)
  it('001: finds "Yermak"', () => {
    const text = readFileSync(new URL('../../corpus/001_e3b7a759f26948d1.txt', import.meta.url), 'utf8')
    const entities = recognise(text)
    const at = text.indexOf('Yermak')
    expect(entities).toContainEqual({start: at, end: at + 'Yermak'.length, label: 'PERSON'})
  })

  it('gives labels from the output set and spans that start and end on tokens', () => {
    const text = readFileSync(new URL('../../corpus/000_bf559d445b3d4308.txt', import.meta.url), 'utf8')
    const tokens = findTokens(text)
    const starts = new Set(tokens.map((t) => t.start))
    const ends = new Set(tokens.map((t) => t.end))
    const entities = recognise(text)
    expect(entities.length).toBeGreaterThan(50)
    for (const e of entities) {
      expect(['PERSON', 'ORG', 'LOC', 'MISC']).toContain(e.label)
      expect(starts.has(e.start) && ends.has(e.end)).toBe(true)
    }
    expect(entities).toEqual(recognise(text))
  })

  it('returns nothing for no tokens', () => {
    expect(recogniseEntities('', [], [])).toEqual([])
  })
})

// a text opening "And Name" made the initials of an "and"-joined pair read before token 0 and threw: every entity of it lost
describe('recogniseEntities on a text that opens with "and" before a capitalised word', () => {
  it.each([
    ['And Barack Obama said the plan was sound.', 'Barack Obama'],
    ['and Angela Merkel agreed.', 'Angela Merkel'],
    ['And The Washington Post reported it. And Joe Biden agreed.', 'Joe Biden'],
  ])('%s', (text, name) => {
    const spans = recognise(text)
    expect(spans.map((s) => text.slice(s.start, s.end))).toContain(name)
  })
})

describe('sentenceEndsOf', () => {
  const tok = (start: number, end: number) => ({start, end})
  it.each([
    ['one sentence', [tok(0, 1), tok(2, 3)], [{start: 0, end: 3}], [2]],
    ['two sentences', [tok(0, 1), tok(2, 3), tok(4, 5)], [{start: 0, end: 3}, {start: 4, end: 5}], [2, 3]],
    ['no sentences', [tok(0, 1), tok(2, 3)], [], [2]],
    ['a token between sentences runs alone', [tok(0, 1), tok(2, 3), tok(4, 5)], [{start: 0, end: 1}, {start: 4, end: 5}], [1, 2, 3]],
  ])('%s', (_name, tokens, sentences, ends) => {
    expect(sentenceEndsOf(tokens, sentences)).toEqual(ends)
  })
})
