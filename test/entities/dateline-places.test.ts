import {describe, expect, it} from 'vitest'
import type {EntityLabel, EntitySpan} from '../../src/doc.ts'
import {findDatelineParts, placeNamesFrom, relabelDatelinePlaces, type PlaceNames} from '../../src/entities/dateline-places.ts'
import {findDateline} from '../../src/dateline/find-dateline.ts'
import {baseLexicon, withSources} from '../../src/ner/lexicon.ts'
import {shippedLexicon} from '../../src/ner/recognise.ts'
import {placeTaggedSpans} from '../helpers/tagged-spans.ts'

// a small lexicon built the way the model's is: cities, regions and countries from the data packages, organisations from compromise
const lexicon = withSources({...baseLexicon(), names: {PER: [], ORG: ['toyota', 'united nations'], LOC: [], MISC: []}}, {
  city: ['Chicago', 'Lisbon', 'Santiago', 'Houston', 'Toyota', 'New Delhi'],
  region: ['Texas', 'New York'],
  country: ['Kenya'],
})
const names = placeNamesFrom(lexicon)

// first paragraph of a story; the recogniser's labels for the names in it, in order
const cases: {name: string; text: string; tagged: [string, EntityLabel][]; want: EntityLabel[]}[] = [
  {name: 'a capitals city tagged ORG becomes LOC', text: 'CHICAGO (AP) -- The mayor spoke.', tagged: [['CHICAGO', 'ORG']], want: ['LOC']},
  {name: 'MISC too', text: 'LISBON, Nov. 13 (Reuters) - Rain fell.', tagged: [['LISBON', 'MISC']], want: ['LOC']},
  {name: 'a PERSON tag is not a matter of use: left alone', text: 'SANTIAGO, Nov. 13 (Reuters) - Rain fell.', tagged: [['SANTIAGO', 'PERSON']], want: ['PERSON']},
  {name: 'a region tagged ORG becomes LOC, and the city', text: 'HOUSTON, Texas (AP) _ Oil rose.', tagged: [['HOUSTON', 'ORG'], ['Texas', 'ORG']], want: ['LOC', 'LOC']},
  {name: 'a two-word city', text: 'NEW DELHI: The court ruled.', tagged: [['NEW DELHI', 'ORG']], want: ['LOC']},
  {name: 'a state as the city part', text: 'NEW YORK (Reuters) - Stocks fell.', tagged: [['NEW YORK', 'MISC']], want: ['LOC']},
  {name: 'an organisation dateline stays ORG', text: 'UNITED NATIONS 1996-08-22\nThe council met.', tagged: [['UNITED NATIONS', 'ORG']], want: ['ORG']},
  {name: 'a place that is also a known organisation stays', text: 'TOYOTA, Japan (AP) _ Sales rose.', tagged: [['TOYOTA', 'ORG']], want: ['ORG']},
  {name: 'a city not in the gazetteer stays', text: 'SPRINGFIELD (AP) -- The mayor spoke.', tagged: [['SPRINGFIELD', 'ORG']], want: ['ORG']},
  {name: 'a mention longer than the city stays', text: 'CHICAGO (AP) -- The mayor spoke.', tagged: [['CHICAGO (AP', 'ORG']], want: ['ORG']},
  {name: 'the same name later in the story is not the dateline', text: 'CHICAGO (AP) -- Chicago Bulls won. Chicago lost.', tagged: [['CHICAGO', 'ORG'], ['Chicago', 'ORG']], want: ['LOC', 'ORG']},
  {name: 'an agency tagged ORG stays', text: 'NAIROBI, Kenya (AP) _ Rain.', tagged: [['AP', 'ORG']], want: ['ORG']},
  {name: 'no dateline: nothing changes', text: 'Chicago said on Monday that it won.', tagged: [['Chicago', 'ORG']], want: ['ORG']},
]

describe('relabelDatelinePlaces', () => {
  it.each(cases)('$name', ({text, tagged, want}) => {
    const paragraphs = text.split('\n').reduce<{start: number; end: number}[]>((acc, line) => {
      const start = acc.length ? acc[acc.length - 1]!.end + 1 : 0
      return [...acc, {start, end: start + line.length}]
    }, [])
    const spans = placeTaggedSpans(text, tagged)
    const out = relabelDatelinePlaces(text, spans, findDateline(text, paragraphs), names)
    expect(out.map((s) => s.label)).toEqual(want)
    expect(out.map((s) => [s.start, s.end])).toEqual(spans.map((s) => [s.start, s.end]))
  })

  it('changes nothing without a dateline (the stage ran and found none, or never ran)', () => {
    const spans: EntitySpan[] = [{start: 0, end: 7, label: 'ORG'}]
    const never: PlaceNames = {isPlace: () => true, isOrganisation: () => false}
    expect(relabelDatelinePlaces('CHICAGO', spans, null, never)).toEqual(spans)
    expect(relabelDatelinePlaces('CHICAGO', spans, undefined, never)).toEqual(spans)
  })
})

describe('findDatelineParts', () => {
  it.each([
    ['CHICAGO (AP) -- Text.', ['CHICAGO']],
    ['HOUSTON, Texas (AP) _ Text.', ['HOUSTON', 'Texas']],
    ['BEIJING, Nov. 13 (Xinhua) -- Text.', ['BEIJING']],
    ['Headline\nNAIROBI, Kenya (AP) _ Rain fell.', ['NAIROBI', 'Kenya']],
  ])('%s', (text, want) => {
    const paragraphs = text.split('\n').reduce<{start: number; end: number}[]>((acc, line) => {
      const start = acc.length ? acc[acc.length - 1]!.end + 1 : 0
      return [...acc, {start, end: start + line.length}]
    }, [])
    const dateline = findDateline(text, paragraphs)!
    expect(findDatelineParts(text, dateline).map((s) => text.slice(s.start, s.end))).toEqual(want)
  })
})

describe('placeNamesFrom the shipped model', () => {
  it('knows GeoNames cities, states and countries case-insensitively as given lowercased, and compromise organisations', () => {
    const shipped = placeNamesFrom(shippedLexicon())
    for (const place of ['chicago', 'lisbon', 'houston', 'texas', 'new york', 'kenya']) expect(shipped.isPlace(place), place).toBe(true)
    expect(shipped.isPlace('united nations')).toBe(false)
    expect(shipped.isOrganisation('united nations')).toBe(true)
  })
})
