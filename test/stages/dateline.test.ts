import {describe, expect, it} from 'vitest'
import {createDoc} from '../../src/doc.ts'
import {createPipeline, processDoc} from '../../src/stage.ts'
import {createDateline} from '../../src/stages/dateline.ts'
import {createSegment} from '../../src/stages/segment.ts'

// a hard-wrapped wire story (lines of ~60 characters), its first line as given
const wrapped = (first: string) =>
  `${first}\ntown of Kano after a long fight with the rebels in the north of\nthe country, a fight that lasted for many weeks and left dozens\n` +
  'of people dead and many more wounded, officials said on Friday.\n\nThe rebels had held the town since early last year, when they\n' +
  'drove out the government forces after a siege of three months.'

const datelineOf = (text: string) => {
  const doc = createDoc({id: 'd', source: 'd.txt', text})
  processDoc(createPipeline('p', [createSegment(), createDateline()]), doc)
  return doc.dateline && {...doc.dateline, written: text.slice(doc.dateline.start, doc.dateline.end)}
}

describe('createDateline', () => {
  it('declares its layers', () => {
    expect(createDateline()).toMatchObject({name: 'dateline', requires: ['text', 'paragraphs', 'lineHyphens'], assigns: ['dateline']})
  })

  // a place a wrapper broke with a line-end hyphen is read whole, as money, entities and quotes read words (fuzz finding
  // "ORK, E-\nand\n1996-08-22 ...", docs/fuzz.md: the place was read through the break as written, "Nige- ria")
  it.each([
    [wrapped('LAGOS, Nige-\nria (Reuters) - The army said on Thursday it had seized the'), {place: 'LAGOS, Nigeria', agency: 'Reuters', written: 'LAGOS, Nige-\nria (Reuters)'}],
    [wrapped('JOHANNESBURG, South Af-\nrica (Reuters) - The army said on Thursday it had seized the'), {place: 'JOHANNESBURG, South Africa', agency: 'Reuters', written: 'JOHANNESBURG, South Af-\nrica (Reuters)'}],
    [wrapped('LAGOS, Nigeria (Reuters) - The army said on Thursday it had seized the'), {place: 'LAGOS, Nigeria', agency: 'Reuters', written: 'LAGOS, Nigeria (Reuters)'}],
    ['ORK, E-\nand\n1996-08-22\nSir Mark Pr one ana-\nt', {place: 'ORK, E- and', date: '1996-08-22', written: 'ORK, E-\nand\n1996-08-22'}],
  ])('%j', (text, expected) => {
    expect(datelineOf(text)).toMatchObject(expected)
  })
})
