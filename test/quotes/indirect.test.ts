import {findTokens} from '../../src/segment/segment-text.ts'
import {describe, expect, it} from 'vitest'
import type {Span} from '../../src/doc.ts'
import {findIndirect} from '../../src/quotes/indirect.ts'
import {findQuotes} from '../../src/quotes/marks.ts'
import {attributeSpeakers} from '../../src/quotes/speakers.ts'

function paragraphsOf(text: string): Span[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({start: m.index, end: m.index + m[0].length}))
}

function reported(text: string): Array<[string, string, string]> {
  return findIndirect(text, paragraphsOf(text), findTokens(text), findQuotes(text, paragraphsOf(text), findTokens(text))).map((s) => [text.slice(s.start, s.end), text.slice(s.speaker.start, s.speaker.end), s.cueText])
}

describe('findIndirect', () => {
  it.each([
    ['X said CLAUSE', 'Kremlin spokesman Ivan Petrov said Russia remains open to talks.', [['Russia remains open to talks', 'Kremlin spokesman Ivan Petrov', 'said']]],
    ['X said on DAY that CLAUSE', 'Jane Roe said on Wednesday that the plan will fail.', [['the plan will fail', 'Jane Roe', 'said']]],
    ['X told Y that CLAUSE', 'The ministry told reporters that the talks had stopped.', [['the talks had stopped', 'The ministry', 'told']]],
    ['CLAUSE, X told Y.', 'The talks had stopped long before, the Foreign Ministry told the newspaper.', [['The talks had stopped long before', 'Foreign Ministry', 'told']]],
    ['CLAUSE, X, a role, said.', 'The talks had stopped, Jane Roe, a spokeswoman for the office, said.', [['The talks had stopped', 'Jane Roe', 'said']]],
    ['According to X, CLAUSE.', 'According to the minister, the conflict can be stopped quickly.', [['the conflict can be stopped quickly', 'the minister', 'According to']]],
    ['X said, adding that CLAUSE (the participle shares the subject)', 'Belgium opposes the plan, warning that it could face legal risks.', [['it could face legal risks', 'Belgium', 'warning']]],
  ])('%s', (_name, text, expected) => {
    expect(reported(text)).toEqual(expected)
  })

  it.each([
    ['a passive cue', 'It cannot be ruled out that the talks will resume soon.'],
    ['an object, not a clause', 'The delegation proposed the creation of joint working groups.'],
    ['an infinitive', 'She said to wait for the results of the vote.'],
    ['a sentence holding a quotation', '"We will win," Jane Roe said on Monday after the vote.'],
    ['a belief', 'Analysts think the talks will fail soon enough.'],
  ])('ignores %s', (_name, text) => {
    expect(reported(text)).toEqual([])
  })

  it('is off by default in attributeSpeakers and reports kind "indirect" when asked', () => {
    const text = 'Jane Roe said the plan will fail.'
    const paragraphs = paragraphsOf(text)
    expect(attributeSpeakers(text, findQuotes(text, paragraphs, findTokens(text)), {paragraphs, tokens: findTokens(text)})).toEqual([])
    expect(attributeSpeakers(text, findQuotes(text, paragraphs, findTokens(text)), {paragraphs, tokens: findTokens(text)}, {indirect: true})).toEqual([
      {start: 14, end: 32, kind: 'indirect', cue: 'said', cueLemma: 'say', cueSpan: {start: 9, end: 13}, speaker: {mention: 'Jane Roe', start: 0, end: 8, name: null, entityId: null}},
    ])
  })
})
