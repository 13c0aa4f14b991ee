import {describe, expect, it} from 'vitest'
import {acronymMatches, findAcronymDefinitions, findAcronymUses, mergeExpansions} from '../../src/names/acronyms.ts'
import type {EntitySpan} from '../../src/doc.ts'

function spanOf(text: string, needle: string, label: EntitySpan['label'] = 'ORG'): EntitySpan {
  const start = text.indexOf(needle)
  return {start, end: start + needle.length, label}
}

describe('findAcronymUses: whole words only, from an offset on, the same answer when asked again', () => {
  it.each([
    ['NABU and NABU; (NABU) NABUs xNABU NABU2 NABU.', 'NABU', 0, [0, 9, 16, 40]],
    ['NABU and NABU; (NABU) NABUs xNABU NABU2 NABU.', 'NABU', 1, [9, 16, 40]],
    ['U.S. and U.S. troops; U.S.A.', 'U.S', 0, [0, 9, 22]],
    ['AT&T, AT&T', 'AT&T', 2, [6]],
    ['ÉU et ÉU', 'ÉU', 0, [0, 6]],
    ['éNABU NABUé NABU', 'NABU', 0, [12]],
    ['no use here', 'NABU', 0, []],
    // a combining mark on the last or first letter makes another word (fuzz8 seed 6149775: "KSE" of "KSE" + U+0300 U+0301)
    ['KSE\u0300\u0301 KSE \u0301KSE 😀 KSE', 'KSE', 0, [6, 18]],
  ])('%j, %j from %i -> %j', (text, acronym, from, starts) => {
    for (let k = 0; k < 2; k++) expect(findAcronymUses(text, acronym, from).map((u) => u.start)).toEqual(starts)
  })
})

describe('acronymMatches', () => {
  it.each([
    ['NABU', 'National Anti-Corruption Bureau of Ukraine', true],
    ['SAP', "Specialized Anti-Corruption Prosecutor's Office", true],
    ['OHCHR', 'Office of the United Nations High Commissioner for Human Rights', true],
    ['OPEC', 'Organization of the Petroleum Exporting Countries', true],
    ['MoD', 'Ministry of Defence', true],
    ['EU', 'European Union', true],
    ['UN', 'European Union', false],
    ['NATO', 'National Bureau', false],
    ['X', 'Xerox Holdings', false],
  ])('%s ~ %s -> %s', (acronym, expansion, expected) => {
    expect(acronymMatches(acronym, expansion)).toBe(expected)
  })
})

describe('findAcronymDefinitions', () => {
  it('extends a split expansion to the parenthesis and merges its spans', () => {
    const text = 'the staff of the National Anti-Corruption Bureau of Ukraine (NABU) began. NABU said.'
    const spans = [spanOf(text, 'National Anti-Corruption Bureau'), spanOf(text, 'Ukraine', 'LOC')]
    const [definition] = findAcronymDefinitions(text, spans)
    expect(definition.acronym).toBe('NABU')
    expect(text.slice(definition.expansion.start, definition.expansion.end)).toBe('National Anti-Corruption Bureau of Ukraine')
    expect(mergeExpansions(spans, [definition]).map((s) => text.slice(s.start, s.end))).toEqual(['National Anti-Corruption Bureau of Ukraine'])
    expect(findAcronymUses(text, 'NABU', definition.end).map((u) => text.slice(u.start - 1, u.end))).toEqual([' NABU'])
  })

  // no expansion runs over a money figure (fuzz seed 5015184, "Hong' GBP7 Sg I(HSI)": merged into one MISC, the figure
  // lost its MONEY entity); a number or date inside a name still joins it
  it.each<[string, Array<[string, EntitySpan['label']]>, string[]]>([
    ["Hong' GBP7 Sg I(HSI)", [['Hong', 'MISC'], ['GBP7', 'MONEY'], ['Sg I', 'MISC']], []],
    ['the Euro Fund GBP5 Million Trust (EFT) said', [['Euro Fund', 'ORG'], ['GBP5 Million', 'MONEY'], ['Trust', 'ORG']], []],
    ['the Euro 2000 Organising Committee (EOC) said', [['Euro', 'MISC'], ['2000', 'DATE'], ['Organising Committee', 'ORG']], ['Euro 2000 Organising Committee']],
  ])('runs no expansion over a money figure: %j', (text, named, expected) => {
    const spans = named.map(([needle, label]) => spanOf(text, needle, label))
    expect(findAcronymDefinitions(text, spans).map((d) => text.slice(d.expansion.start, d.expansion.end))).toEqual(expected)
  })

  it('reaches back over capitalised words the recogniser left out', () => {
    const text = 'a spokeswoman for the Office of the United Nations High Commissioner for Human Rights (OHCHR), told'
    const [definition] = findAcronymDefinitions(text, [spanOf(text, 'United Nations High Commissioner for Human Rights')])
    expect(text.slice(definition.expansion.start, definition.expansion.end)).toBe('Office of the United Nations High Commissioner for Human Rights')
  })

  it.each([
    ['a dateline line above', 'BUCHAREST 1996-08-30\nThe National Bank of Romania ( BNR ) said'],
    ['a headline line above', 'Bank News\nNational Romania ( BNR ) said'],
  ])('never reaches across a line break: %s', (_name, text) => {
    // the same text with a space for the line break is the control: there the expansion does reach the line above, so
    // the row tests the line break (a loop over the definitions found asserted nothing when none was found)
    const expansions = (t: string) => {
      const spans = [spanOf(t, t.split(/[\n ]/)[0]!, 'LOC'), spanOf(t, t.includes('National Bank') ? 'National Bank of Romania' : 'National Romania')]
      return findAcronymDefinitions(t, spans).map((d) => t.slice(d.expansion.start, d.expansion.end))
    }
    expect(expansions(text)).toEqual([])
    const oneLine = text.replace('\n', ' ')
    expect(expansions(oneLine)).toEqual([oneLine.slice(0, oneLine.indexOf(' ('))])
  })

  it.each<[string, string, Array<[string, EntitySpan['label']]>, EntitySpan['label']]>([
    ['the acronym\'s own labels outvote the head', "Suu Kyi's National League for Democracy (NLD) met. The NLD won. NLD members left.", [['National League', 'MISC'], ['NLD', 'ORG']], 'ORG'],
    ['a tie keeps the head; names inside the expansion do not vote', 'the Bank of England (BoE) said.', [['Bank', 'ORG'], ['England', 'LOC'], ['BoE', 'LOC']], 'ORG'],
    ['two uses outvote the head', 'the Bank of England (BoE) said. BoE rates rose.', [['Bank', 'ORG'], ['England', 'LOC'], ['BoE', 'LOC']], 'LOC'],
    ['no labelled use keeps the head', 'the Bank of England (BoE) said.', [['Bank of England', 'ORG']], 'ORG'],
    ['people do not vote', 'the Open Society Foundations (OSF) said. OSF spent.', [['Open Society Foundations', 'ORG'], ['OSF', 'PERSON']], 'ORG'],
  ])('labels the expansion by vote: %s', (_name, text, labelled, expected) => {
    const spans: EntitySpan[] = []
    for (const [needle, label] of labelled) {
      // every whole occurrence of the needle gets the label
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        if (!/[\p{L}]/u.test(text[at + needle.length] ?? ' ')) spans.push({start: at, end: at + needle.length, label})
      }
    }
    spans.sort((a, b) => a.start - b.start)
    const [definition] = findAcronymDefinitions(text, spans)
    expect(definition!.expansion.label).toBe(expected)
  })

  it('ignores parentheses that are not an acronym of the name before them', () => {
    const text = 'Jane Roe (C) visits the European Commission (EC) and the Foo Bar (XYZ).'
    const spans = [spanOf(text, 'Jane Roe', 'PERSON'), spanOf(text, 'European Commission'), spanOf(text, 'Foo Bar')]
    expect(findAcronymDefinitions(text, spans).map((d) => d.acronym)).toEqual(['EC'])
  })
})
