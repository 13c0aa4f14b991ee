import {describe, expect, it} from 'vitest'
import {findHeadlineSpan, findTitleCaseView} from '../../src/ner/title-case.ts'
import {findParagraphs, findTokens} from '../../src/segment/segment-text.ts'

// a small case prior standing in for the model's: 'l' = seen mostly in lower case in training text
const PRIOR: Record<string, string> = {
  bulls: 'c', clinch: 'l', top: 'l', seed: 'l', in: 'l', the: 'l', east: 'm', senators: 'l', press: 'l',
  tobacco: 'l', makers: 'l', on: 'l', ad: 'l', limits: 'l', over: 'l', tab: 'l', sues: 'l', apple: 'c',
  samsung: 'c', galaxy: 'c', storms: 'l', leave: 'l', trail: 'l', of: 'l', damage: 'l', across: 'l', alabama: 'c',
}
const priorOf = (word: string) => PRIOR[word]

function view(text: string): string | null {
  const firstLine = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')
  return findTitleCaseView(text, findTokens(text), {start: 0, end: firstLine}, priorOf)
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
    expect(findTitleCaseView(text, findTokens(text), null, priorOf)).toBeNull()
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
