import {describe, expect, it} from 'vitest'
import {findDateline, matchDateline} from '../../src/dateline/find-dateline.ts'
import {findParagraphs} from '../../src/segment/segment-text.ts'

describe('matchDateline', () => {
  it.each([
    ['PARIS (Reuters) - France said on Monday it would act.', {place: 'PARIS', agency: 'Reuters'}, 'PARIS (Reuters)'],
    ['NAIROBI, Kenya (AP) _ A car bomb exploded on Friday.', {place: 'NAIROBI, Kenya', agency: 'AP'}, 'NAIROBI, Kenya (AP)'],
    ['LONDON 1996-12-06', {place: 'LONDON', date: '1996-12-06'}, 'LONDON 1996-12-06'],
    ['AL-AIN, United Arab Emirates 1996-12-06', {place: 'AL-AIN, United Arab Emirates', date: '1996-12-06'}, 'AL-AIN, United Arab Emirates 1996-12-06'],
    ['NICE , France 1996-08-30', {place: 'NICE, France', date: '1996-08-30'}, 'NICE , France 1996-08-30'],
    ['BEIJING, Nov. 13 (Xinhua) -- China said on Wednesday it would resume talks.', {place: 'BEIJING', date: 'Nov. 13', agency: 'Xinhua'}, 'BEIJING, Nov. 13 (Xinhua)'],
    ['MOSCOW, November 13 (Reuters) - Russia said it was ready.', {place: 'MOSCOW', date: 'November 13', agency: 'Reuters'}, 'MOSCOW, November 13 (Reuters)'],
    ['WASHINGTON — President Obama said on Tuesday that he would veto it.', {place: 'WASHINGTON'}, 'WASHINGTON'],
    ['WASHINGTON, Dec. 5 — The Senate voted on Thursday.', {place: 'WASHINGTON', date: 'Dec. 5'}, 'WASHINGTON, Dec. 5'],
    ['ST. LOUIS (AP) -- The Cardinals won again on Sunday.', {place: 'ST. LOUIS', agency: 'AP'}, 'ST. LOUIS (AP)'],
    ['KUALA LUMPUR, Malaysia (AFP) - Malaysia said on Friday it would act.', {place: 'KUALA LUMPUR, Malaysia', agency: 'AFP'}, 'KUALA LUMPUR, Malaysia (AFP)'],
    ['BERLIN (dpa) - Germany said on Monday it would act.', {place: 'BERLIN', agency: 'dpa'}, 'BERLIN (dpa)'],
    ['NEW DELHI: The government said on Monday it would act.', {place: 'NEW DELHI'}, 'NEW DELHI'],
    ['LONDON, 13 November 2025 (Reuters) - Britain said it would act.', {place: 'LONDON', date: '13 November 2025', agency: 'Reuters'}, 'LONDON, 13 November 2025 (Reuters)'],
    ['BELFAST, Northern Ireland _ Two days after the accord, talk turned to the marches.', {place: 'BELFAST, Northern Ireland'}, 'BELFAST, Northern Ireland'],
    ['NEW YORK _ Analysts spent the weekend on the deal.', {place: 'NEW YORK'}, 'NEW YORK'],
    ['NEW YORK (AP)', {place: 'NEW YORK', agency: 'AP'}, 'NEW YORK (AP)'],
    ['WASHINGTON, April 14', {place: 'WASHINGTON', date: 'April 14'}, 'WASHINGTON, April 14'],
    // a hyphen typed before the dash is no part of the place the span ends before (fuzz: "NBC-— Pr")
    ['NBC-— Pr', {place: 'NBC'}, 'NBC'],
    ['KABUL-– Afghan officials said on Monday the road had reopened.', {place: 'KABUL'}, 'KABUL'],
    ['BELFAST, Northern Ireland- — Talk turned to the marches.', {place: 'BELFAST, Northern Ireland'}, 'BELFAST, Northern Ireland'],
    // 2020 Reuters copy in CoNLL's token spacing (docs/ner.md, "Sports news", 2026-12-03 eve)
    ['BISHKEK , Jan 11 ( Reuters ) - Kyrgyz nationalist Sadyr Japarov won.', {place: 'BISHKEK', date: 'Jan 11', agency: 'Reuters'}, 'BISHKEK , Jan 11 ( Reuters )'],
    ['MADRID , Nov 22 ( Reuters ) - Real Madrid drew.', {place: 'MADRID', date: 'Nov 22', agency: 'Reuters'}, 'MADRID , Nov 22 ( Reuters )'],
    ['KANSAS CITY , Missouri , Jan 26 ( Reuters ) - The Chiefs won.', {place: 'KANSAS CITY, Missouri', date: 'Jan 26', agency: 'Reuters'}, 'KANSAS CITY , Missouri , Jan 26 ( Reuters )'],
  ])('%s', (text, fields, covered) => {
    const found = matchDateline(text)
    expect(found).toMatchObject(fields)
    expect(text.slice(found!.start, found!.end)).toBe(covered)
  })

  it.each([
    ['a capitals headline after a dash', 'CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .'],
    ['a results heading', 'SOCCER - JAPANESE LEAGUE RESULTS .'],
    ['a standings row', 'NEW YORK 59 75 .440 25'],
    ['a label', 'BREAKING: Trump says he will act'],
    ['an update label', 'UPDATE 2 - Oil prices rise on supply fears'],
    ['a sentence', 'The talks in PARIS (Reuters) - began'],
    ['a city alone with no date', 'LONDON'],
    ['an acronym of two letters', 'UN - The world body said'],
  ])('not %s', (_name, text) => {
    expect(matchDateline(text)).toBeNull()
  })
})

describe('findDateline', () => {
  it('finds the dateline below a headline, in document offsets', () => {
    const text = 'Car bomb kills five\n\nNAIROBI, Kenya (AP) _ A car bomb exploded outside the\nembassy on Friday, police said.'
    expect(findDateline(text, findParagraphs(text))).toEqual({place: 'NAIROBI, Kenya', agency: 'AP', start: 21, end: 40})
  })

  it('looks only at the first paragraphs', () => {
    const text = ['One.', 'Two.', 'Three.', 'Four.', 'PARIS (Reuters) - Late in the story.'].join('\n')
    expect(findDateline(text, findParagraphs(text))).toBeNull()
  })
})
