import {describe, expect, it} from 'vitest'
import {createDoc} from '../../src/doc.ts'
import {createPipeline, processDoc} from '../../src/stage.ts'
import {createDateline} from '../../src/stages/dateline.ts'
import {createEntities} from '../../src/stages/entities.ts'
import {createMoney} from '../../src/stages/money.ts'
import {createQuotes} from '../../src/stages/quotes.ts'
import {createSegment} from '../../src/stages/segment.ts'

const pipeline = createPipeline('all-caps', [createSegment(), createDateline(), createMoney(), createEntities(), createQuotes()])

// each case as written in capitals, and the same text in mixed case, which must give the same quotes and speakers
describe('quotes in an all-caps document', () => {
  it.each([
    ['"WE ARE UNITED," CLINTON SAID. "THE TALKS WENT WELL."', [['WE ARE UNITED,', 'CLINTON', 'SAID'], ['THE TALKS WENT WELL.', 'CLINTON', 'SAID']]],
    ['"IT IS A GOOD DAY FOR INVESTORS," SAID JOHN SMITH, A SPOKESMAN FOR THE COMPANY.', [['IT IS A GOOD DAY FOR INVESTORS,', 'JOHN SMITH', 'SAID']]],
    // an emoji before the quotation: code-point offsets still land on the words
    ['😀 "WE WAITED SO LONG FOR THIS," MARY JONES TOLD REPORTERS ON MONDAY.', [['WE WAITED SO LONG FOR THIS,', 'MARY JONES', 'TOLD']]],
  ])('%s', (text, expected) => {
    const doc = processDoc(pipeline, createDoc({id: 'd', source: 'd', text}))
    const got = (doc.quotes ?? []).map((q) => [text.slice(q.start, q.end), q.speaker.mention, q.cue])
    expect(got).toEqual(expected)
    for (const q of doc.quotes ?? []) {
      expect(q.speaker.mention).toBe(text.slice(q.speaker.start!, q.speaker.end!))
      expect(q.cue).toBe(text.slice(q.cueSpan!.start, q.cueSpan!.end))
    }
  })
})

describe('dates in an all-caps document', () => {
  it.each([
    ['PRESIDENT CLINTON MET WITH PRIME MINISTER TONY BLAIR ON TUESDAY AT THE WHITE HOUSE.', ['TUESDAY']],
    ['MICROSOFT CORP. SHARES ROSE $2.50 ON MONDAY, JUNE 5, AND FELL AGAIN LAST FRIDAY 😀 IN NEW YORK.', ['MONDAY, JUNE 5', 'LAST FRIDAY']],
    // mixed case is read as written: a weekday in capitals inside prose is no date there, as before
    ['President Clinton met Prime Minister Tony Blair on TUESDAY at the White House.', []],
  ])('%s', (text, expected) => {
    const doc = processDoc(pipeline, createDoc({id: 'd', source: 'd', text}))
    expect((doc.entities ?? []).filter((e) => e.label === 'DATE').map((e) => text.slice(e.start, e.end))).toEqual(expected)
  })
})
