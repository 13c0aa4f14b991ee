import {describe, expect, it} from 'vitest'
import type {EntityLabel, EntitySpan} from '../../src/doc.ts'
import {findTrimmedNames} from '../../src/entities/all-caps.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

describe('findTrimmedNames', () => {
  it.each([
    ['MET AT THE UNITED NATIONS ON TUESDAY', 'THE UNITED NATIONS', 'ORG', 'UNITED NATIONS'],
    ['ON THE\nNEW YORK STOCK EXCHANGE', 'THE\nNEW YORK STOCK EXCHANGE', 'ORG', 'NEW YORK STOCK EXCHANGE'],
    ['😀 THE WHITE HOUSE SAID', 'THE WHITE HOUSE', 'LOC', 'WHITE HOUSE'],
    // a mention that is only the determiner goes; THEODORE is no determiner; dates keep theirs
    ['THE THE BAND', 'THE THE', 'ORG', null],
    ['THEODORE ROOSEVELT', 'THEODORE ROOSEVELT', 'PERSON', 'THEODORE ROOSEVELT'],
    // a preposition or a conjunction, too (2026-12-03 eve); OFFICE and TOM are no prepositions
    ['MINISTER OF ARCADIA JANE ROE SAID', 'OF ARCADIA JANE ROE', 'PERSON', 'ARCADIA JANE ROE'],
    ['BANK OF ARCADIA', 'OF', 'ORG', null],
    ['OFFICE DEPOT', 'OFFICE DEPOT', 'ORG', 'OFFICE DEPOT'],
    ['TOM ROE', 'TOM ROE', 'PERSON', 'TOM ROE'],
    ['BY THE END OF THE YEAR', 'THE END OF THE YEAR', 'DATE', 'THE END OF THE YEAR'],
    // a lone speech verb and a lone abbreviated title or honorific are no names (2026-12-03 eve)
    ['"WE ARE READY," THE PRESIDENT SAID.', 'SAID', 'PERSON', null],
    ['THE SPOKESMAN TOLD REPORTERS', 'TOLD', 'ORG', null],
    ['"WE ARE READY," SHE SAID.', 'SAID', 'ORG', null],
    // (the name after the title, which the tagger missed here, is then added as a PERSON)
    ['REP. JANE ROE SPOKE', 'REP.', 'MISC', 'JANE ROE'],
    ['SEN. ROE SPOKE', 'SEN', 'LOC', 'ROE'],
    // a title before a name stays out of it, as mixed case keeps "Sen." out
    ['SEN. JANE ROE SPOKE', 'SEN. JANE ROE', 'PERSON', 'JANE ROE'],
    ['MR. ROE SPOKE', 'MR. ROE', 'PERSON', 'ROE'],
    // a base form is often a noun, and a name holding a verb is a name
    ['THE REPORT WAS LATE', 'REPORT', 'ORG', 'REPORT'],
    ['EDWARD SAID WROTE', 'EDWARD SAID', 'PERSON', 'EDWARD SAID'],
  ] as Array<[string, string, EntityLabel, string | null]>)('%j', (text, mention, label, expected) => {
    const start = text.indexOf(mention)
    const got = findTrimmedNames(text, findTokens(text), [{start, end: start + mention.length, label}])
    expect(got.map((e) => text.slice(e.start, e.end))).toEqual(expected === null ? [] : [expected])
  })
})

// names the tagger missed in capitals, put back by their shape (docs/all-caps.md, 2026-12-03 eve); `given` are the
// tagger's mentions, written [LABEL words] in the text
describe('findTrimmedNames adds the names capitals hide', () => {
  function mentions(tagged: string): {text: string; spans: EntitySpan[]} {
    const spans: EntitySpan[] = []
    let text = ''
    for (const part of tagged.split(/(\[[A-Z]+ [^\]]+\])/)) {
      const m = /^\[([A-Z]+) ([^\]]+)\]$/.exec(part)
      if (m) {
        spans.push({start: text.length, end: text.length + m[2]!.length, label: m[1] as EntityLabel})
        text += m[2]
      } else text += part
    }
    return {text, spans}
  }

  it.each<[string, string, string[]]>([
    ['a surname after an abbreviated title', 'SEN. DOLE, R-KAN., SAID HE WAS NOT CONVINCED.', ['PERSON DOLE']],
    ['a given name and a surname after a title', 'GOV. MARIA ROE SIGNED THE BILL.', ['PERSON MARIA ROE']],
    ['a name after a role and its country, before a speech verb', 'FIRST DEPUTY FOREIGN MINISTER OF [LOC ARCADIA] VASYL KOVALENKO SAID ON MONDAY.', ['LOC ARCADIA', 'PERSON VASYL KOVALENKO']],
    ['a given name and a surname after a role', 'THE TALKS WERE LED BY PRESIDENT MARIA ROE OF ARCADIA.', ['PERSON MARIA ROE']],
    ['a lone surname of a person named in full', '[PERSON JANE ROE] ARRIVED. LATER ROE SAID NO, AND ROE’S AIDES AGREED.', ['PERSON JANE ROE', 'PERSON ROE', 'PERSON ROE']],
    // what is no name: a verb after a role, a run that ends on no speech verb, a word inside another mention
    ['a verb after a role', 'THE PRESIDENT SIGNED TRADE BILLS ON MONDAY.', []],
    ['words after a role with no speech verb after them', 'THE MINISTER OF FINANCE REFORM PLANS ANNOUNCED CUTS.', []],
    ['a role across a clause', 'HE MET THE MINISTER. MARIA ROE WAS NOT THERE.', []],
    ['a surname inside another name', '[PERSON JANE WHITE] VISITED THE [LOC WHITE HOUSE].', ['PERSON JANE WHITE', 'LOC WHITE HOUSE']],
    ['a surname of a one-word mention', '[PERSON ROE] ARRIVED. ROE SAID NO.', ['PERSON ROE']],
  ])('%s', (_name, tagged, expected) => {
    const {text, spans} = mentions(tagged)
    expect(findTrimmedNames(text, findTokens(text), spans).map((e) => `${e.label} ${text.slice(e.start, e.end)}`)).toEqual(expected)
  })
})
