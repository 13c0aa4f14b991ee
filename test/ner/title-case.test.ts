import {describe, expect, it} from 'vitest'
import {countBodyCase, findHeadlineSpan, findTitleCaseView, mergeHeadlineReadings, readNormallyLower} from '../../src/ner/title-case.ts'
import {findParagraphs, findSentences, findTokens} from '../../src/segment/segment-text.ts'

// a small case prior standing in for the model's: 'l' = seen mostly in lower case in training text
const PRIOR: Record<string, string> = {
  bulls: 'c', clinch: 'l', top: 'l', seed: 'l', in: 'l', the: 'l', east: 'm', senators: 'l', press: 'l',
  tobacco: 'l', makers: 'l', on: 'l', ad: 'l', limits: 'l', over: 'l', tab: 'l', sues: 'l', apple: 'c',
  samsung: 'c', galaxy: 'c', storms: 'l', leave: 'l', trail: 'l', of: 'l', damage: 'l', across: 'l', alabama: 'c',
}
const priorOf = (word: string) => PRIOR[word]
const isPriorLower = (word: string) => PRIOR[word] === 'l'

function view(text: string): string | null {
  const firstLine = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')
  return findTitleCaseView(text, findTokens(text), {start: 0, end: firstLine}, isPriorLower)
}

describe('findTitleCaseView', () => {
  const cases: [string, string, string | null][] = [
    ['title case: common words lowered, names and the first word kept', 'Bulls Clinch Top Seed in the East', 'Bulls clinch top seed in the East'],
    ['title case with a normally lower first word', 'Senators Press Tobacco Makers on Ad Limits', 'Senators press tobacco makers on ad limits'],
    ['a place keeps its capital', 'Storms Leave Trail of Damage Across Alabama', 'Storms leave trail of damage across Alabama'],
    ['sentence case with names is not title case', 'Apple sues Samsung over Galaxy Tab', null],
    ['sentence case', 'Senators press tobacco makers on ad limits', null],
    ['capitals headline', 'SENATORS PRESS TOBACCO MAKERS ON AD LIMITS', null],
    ['only the headline line changes', 'Bulls Clinch Top Seed\nThe Bulls Clinch it.', 'Bulls clinch top seed\nThe Bulls Clinch it.'],
    ['one lowered word is not enough', 'Bulls Clinch', null],
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    const got = view(text)
    expect(got).toBe(expected)
    if (got !== null) expect(got.length).toBe(text.length)
  })

  it('does nothing without a headline', () => {
    const text = 'Bulls Clinch Top Seed in the East'
    expect(findTitleCaseView(text, findTokens(text), null, isPriorLower)).toBeNull()
  })
})

describe('findHeadlineSpan', () => {
  const cases: [string, string, string | null, {start: number; end: number} | null][] = [
    ['the first paragraph is the title', 'Bulls Clinch Top Seed\n\nCHICAGO (AP) - The Bulls won.', 'Bulls Clinch Top Seed', {start: 0, end: 21}],
    ['no title', 'Bulls Clinch Top Seed\n\nThe Bulls won.', null, null],
    ['title not in the text', 'The Bulls won.', 'Bulls Clinch Top Seed', null],
    ['indented title', '  Bulls Win\n\nThe Bulls won.', 'Bulls Win', {start: 2, end: 11}],
  ]
  it.each(cases)('%s', (_name, text, title, expected) => {
    expect(findHeadlineSpan(text, findParagraphs(text), title)).toEqual(expected)
  })
})

// a document's tokens, sentences and first-line headline, as recogniseEntities gets them
function readDoc(text: string) {
  const tokens = findTokens(text)
  const sentences = findSentences(text, findParagraphs(text), tokens)
  const firstLine = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')
  return {tokens, sentences, headline: {start: 0, end: firstLine}}
}

describe('countBodyCase', () => {
  const cases: [string, string, string[], Record<string, {lower: number; capitalised: number}>][] = [
    ['mid-sentence uses counted, the headline not', 'Long Island Rail\n\nTrains on Long Island ran. The island was quiet.', ['island'], {island: {lower: 1, capitalised: 1}}],
    ['a sentence\'s first word is not the writer\'s choice', 'Top Seed\n\nTop teams won. Seed them.', ['top', 'seed'], {}],
    ['capitals are neither', 'Final Four\n\nThe FINAL was on. The final was late.', ['final'], {final: {lower: 1, capitalised: 0}}],
    ['words not asked for are not counted', 'Bulls Clinch\n\nThe Bulls clinch it.', [], {}],
  ]
  it.each(cases)('%s', (_name, text, words, expected) => {
    const {tokens, sentences, headline} = readDoc(text)
    expect(Object.fromEntries(countBodyCase(text, tokens, sentences, headline, new Set(words)))).toEqual(expected)
  })
})

describe('readNormallyLower (the body only raises a word)', () => {
  const prior: Record<string, string> = {long: 'l', island: 'l', new: 'l', york: 'c', final: 'l', four: 'l', tickets: 'l', council: 'l'}
  const cases: [string, string, string, boolean][] = [
    ['prior lower, body silent: lower', 'Final Four Tickets Sell\n\nFans want seats.', 'tickets', true],
    ['prior lower, body capitalises it in mid-sentence: raised', 'Final Four Tickets\n\nFans love the Final Four.', 'final', false],
    ['raised when capitalised as often as lower', 'Long Island Sells\n\nOn Long Island homes sell. The long wait ended.', 'long', false],
    ['not raised when lower more often', 'New York Stage\n\nA new show and a new cast open in New York.', 'new', true],
    ['the body never lowers a word the prior keeps', 'New York Stage\n\nThe show moved to york and then to york again.', 'york', false],
    ['a word the prior does not know stays as the prior says', 'Council Votes\n\nThe Penny rule passed.', 'penny', false],
    ['prior lower, body lower: lower', 'Council Votes Again\n\nThe council voted.', 'council', true],
  ]
  it.each(cases)('%s', (_name, text, word, expected) => {
    const {tokens, sentences, headline} = readDoc(text)
    expect(readNormallyLower(text, tokens, sentences, headline, (w) => prior[w])(word)).toBe(expected)
  })
})

describe('mergeHeadlineReadings', () => {
  type M = {start: number; end: number; label: string}
  const at = (text: string, s: string, label: string, from = 0): M => ({start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, label})
  const text = 'Senators Press Tobacco Makers in Ohio\n\nSenators in Ohio spoke.'
  const {tokens, headline} = readDoc(text)
  const lower = (w: string) => ['press', 'tobacco', 'makers', 'in'].includes(w)
  const body = at(text, 'Ohio', 'LOC', 40)
  const cases: [string, M[], M[], M[]][] = [
    [
      'a plain name with a normally lower word gives way to the view inside it',
      [at(text, 'Senators Press Tobacco Makers', 'ORG'), at(text, 'Ohio', 'LOC'), body],
      [at(text, 'Ohio', 'LOC'), body],
      [at(text, 'Ohio', 'LOC'), body],
    ],
    ['a plain name without one is kept, whatever the view says', [at(text, 'Ohio', 'LOC'), body], [at(text, 'Ohio', 'ORG'), body], [at(text, 'Ohio', 'LOC'), body]],
    ['the view invents nothing where the plain reading has no name', [body], [at(text, 'Makers', 'ORG'), body], [body]],
    ['outside the headline the view stands', [at(text, 'Ohio', 'LOC'), {...body, label: 'ORG'}], [at(text, 'Ohio', 'LOC'), body], [at(text, 'Ohio', 'LOC'), body]],
    ['the first word is not a fault', [at(text, 'Senators', 'MISC'), body], [body], [at(text, 'Senators', 'MISC'), body]],
  ]
  it.each(cases)('%s', (_name, plain, viewed, expected) => {
    expect(mergeHeadlineReadings(text, tokens, headline, lower, plain, viewed)).toEqual(expected)
  })
})
