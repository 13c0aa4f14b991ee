import {existsSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {createDoc, type EntitySpan} from '../../src/doc.ts'
import {createPipeline, processDoc, type Stage} from '../../src/stage.ts'
import {findEntities, findNumericEntities} from '../../src/entities/find-entities.ts'
import {findMoney} from '../../src/money/find-money.ts'
import {createEntities, EntitiesOptions} from '../../src/stages/entities.ts'
import {findTokens} from '../../src/segment/segment-text.ts'
import {findLineHyphens} from '../../src/segment/line-hyphens.ts'
import {isEnglishWord} from '../../src/adapters/wink.ts'

const text = 'Kremlin spokesman Dmitry Peskov said on May 16, 2025 that €6 billion was too much. Peskov left.'

function at(needle: string, label: EntitySpan['label'], from = 0): EntitySpan {
  const start = text.indexOf(needle, from)
  return {start, end: start + needle.length, label}
}

const recognise = () => [at('Kremlin', 'ORG'), at('Dmitry Peskov', 'PERSON'), at('€6 billion', 'MISC'), at('May', 'PERSON'), at('Peskov', 'PERSON', 60)]
const findDates = () => [at('May 16, 2025', 'DATE')]

/** A stage that only sets the layers the entities stage requires. */
const layers: Stage = {name: 'layers', requires: [], assigns: ['paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines', 'money', 'dateline'], run(doc) {
  doc.paragraphs = [{start: 0, end: doc.text.length}]
  doc.bylines = []
  doc.lineHyphens = findLineHyphens(doc.text, doc.paragraphs, isEnglishWord)
  doc.dateline = null
  doc.tokens = findTokens(doc.text)
  doc.sentences = []
  doc.money = findMoney(doc.text)
}}

describe('createEntities', () => {
  it('declares its layers and checks its options', () => {
    const stage = createEntities({}, {recognise, findDates})
    expect(stage).toMatchObject({name: 'entities', requires: ['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines', 'money', 'dateline', 'title'], assigns: ['entities']})
    expect(createEntities({numbers: false}).requires).toEqual(['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines', 'dateline', 'title'])
    // without the dateline rule, a pipeline with no dateline stage is still valid
    expect(createEntities({numbers: false, datelinePlaces: false}).requires).toEqual(['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines', 'title'])
    expect(() => createEntities({dates: 'yes'} as unknown as EntitiesOptions)).toThrow()
    expect(() => createPipeline('p', [createEntities({}, {recognise, findDates})])).toThrow(/requires "paragraphs", "tokens", "sentences"/)
  })

  it('writes resolved entities: dates kept, money as MONEY not MISC, one span per place, short names joined', () => {
    const doc = processDoc(createPipeline('p', [layers, createEntities({}, {recognise, findDates})]), createDoc({id: 'd', source: 'd.txt', text}))
    expect(doc.messages).toEqual([])
    expect(doc.entities!.map((e) => [text.slice(e.start, e.end), e.label, e.canonical, e.entityId, e.role])).toEqual([
      ['Kremlin', 'ORG', 'Kremlin', 'org:kremlin', undefined],
      ['Dmitry Peskov', 'PERSON', 'Dmitry Peskov', 'person:dmitry-peskov', 'Kremlin spokesman'],
      ['May 16, 2025', 'DATE', 'May 16, 2025', 'date:may-16-2025', undefined],
      ['€6 billion', 'MONEY', '€6 billion', 'money:6-billion', undefined],
      ['Peskov', 'PERSON', 'Dmitry Peskov', 'person:dmitry-peskov', undefined],
    ])
  })

  it('leaves dates out when asked', () => {
    const entities = findEntities(text, [], [], {recognise, findDates, findNumbers: () => []}, false)
    expect(entities.some((e) => e.label === 'DATE')).toBe(false)
    expect(entities.find((e) => text.slice(e.start, e.end) === 'May')?.label).toBe('PERSON')
  })

  it('leaves numbers out when asked', () => {
    const doc = processDoc(createPipeline('p', [layers, createEntities({numbers: false}, {recognise, findDates})]), createDoc({id: 'd', source: 'd.txt', text}))
    expect(doc.entities!.map((e) => e.label)).toEqual(['ORG', 'PERSON', 'DATE', 'PERSON'])
  })

  it.each([
    // a longer span wins; a tie goes to the name, then the date
    ['In 2022 prices rose 5%, to 1,200 units, Boeing 737 sales fell.', [['2022', 'DATE'], ['5%', 'PERCENT'], ['1,200', 'CARDINAL'], ['Boeing 737', 'MISC']]],
    ['He paid $5 million, or 5 million dollars, on the third day.', [['$5 million', 'MONEY'], ['5 million dollars', 'MONEY'], ['third day', 'DATE']]],
  ])('settles names, dates and numbers in %j', (sentence, expected) => {
    const names = (t: string): EntitySpan[] => (t.includes('Boeing') ? [{start: t.indexOf('Boeing'), end: t.indexOf('Boeing') + 10, label: 'MISC'}] : [])
    const entities = findEntities(sentence, [], [], {recognise: names, findDates: (t) => (t.includes('2022') ? [{start: t.indexOf('2022'), end: t.indexOf('2022') + 4, label: 'DATE'}] : t.includes('third day') ? [{start: t.indexOf('third day'), end: t.indexOf('third day') + 9, label: 'DATE'}] : []), findNumbers: findNumericEntities}, true, true, findMoney(sentence))
    expect(entities.map((e) => [sentence.slice(e.start, e.end), e.label])).toEqual(expected)
  })
})

describe('createEntities with a dateline', () => {
  it("labels the dateline's city LOC when the recogniser tagged it ORG and it is a known place", () => {
    const wire = 'CHICAGO (AP) -- Chicago officials met.'
    const tagged = (): EntitySpan[] => [{start: 0, end: 7, label: 'ORG'}, {start: 16, end: 23, label: 'ORG'}]
    const placeNames = () => ({isPlace: (name: string) => name === 'chicago', isOrganisation: () => false})
    const withDateline: Stage = {name: 'dateline', requires: ['paragraphs'], assigns: ['dateline'], run(doc) {
      doc.dateline = {start: 0, end: 12, place: 'CHICAGO', agency: 'AP'}
    }}
    const doc = processDoc(createPipeline('p', [layers, withDateline, createEntities({}, {recognise: tagged, findDates: () => [], placeNames})]), createDoc({id: 'd', source: 'd.txt', text: wire}))
    expect(doc.entities!.map((e) => [wire.slice(e.start, e.end), e.label])).toEqual([['CHICAGO', 'LOC'], ['Chicago', 'ORG']])
  })
})

// the shipped model belongs to the recogniser; only invariants are checked here, since it is retrained
describe.skipIf(!existsSync(new URL('../../models/ner.bin', import.meta.url)))('createEntities with the shipped recogniser', () => {
  it('produces sorted, disjoint entities with ids derived from label and canonical', async () => {
    const {readFileSync} = await import('node:fs')
    const {findTokens, findParagraphs, findSentences} = await import('../../src/segment/segment-text.ts')
    const raw = readFileSync(new URL('../../corpus/000_bf559d445b3d4308.txt', import.meta.url), 'utf8')
    const tokens = findTokens(raw)
    const doc = createDoc({id: 'seed', source: 'seed.txt', text: raw})
    doc.tokens = tokens
    doc.sentences = findSentences(raw, findParagraphs(raw), tokens)
    doc.money = findMoney(raw)
    createEntities().run(doc, {warn() {}})
    const entities = doc.entities!
    expect(entities.length).toBeGreaterThan(10)
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]
      expect(e.canonical.length).toBeGreaterThan(0)
      expect(e.entityId.startsWith(`${e.label.toLowerCase()}:`)).toBe(true)
      if (i > 0) expect(e.start).toBeGreaterThanOrEqual(entities[i - 1].end)
    }
  })
})
