import {describe, expect, it} from 'vitest'
import type {EntityLabel, EntitySpan} from '../../src/doc.ts'
import {findBylineWriters, relabelWriters} from '../../src/entities/bylines.ts'

describe('findBylineWriters', () => {
  it.each<[string, string[], string[]]>([
    ['By JANE DOE\nAssociated Press Writer\n\nStory.', ['By JANE DOE', 'Associated Press Writer'], ['JANE DOE']],
    ['TERRENCE OYELARAN\n\nStory.', ['TERRENCE OYELARAN'], ['TERRENCE OYELARAN']],
    ['By MARCUS WELLINGTON and PRIYA NAIR, Associated Press Writers\n\nStory.', ['By MARCUS WELLINGTON and PRIYA NAIR, Associated Press Writers'], ['MARCUS WELLINGTON', 'PRIYA NAIR']],
    ['By Jane Doe\n\nStory.', ['By Jane Doe'], []],
    ['JANE DOE\n\nStory.', [], []],
  ])('%j', (text, lines, expected) => {
    const bylines = lines.map((line) => ({start: text.indexOf(line), end: text.indexOf(line) + line.length}))
    expect(findBylineWriters(text, bylines).map((s) => text.slice(s.start, s.end))).toEqual(expected)
  })
})

describe('relabelWriters', () => {
  const text = 'TERRENCE OYELARAN, Associated Press\n\nStory by the river.'
  const span = (needle: string, label: EntityLabel): EntitySpan => ({start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, label})
  const writer = {start: 0, end: 'TERRENCE OYELARAN'.length}

  it.each<[string, EntitySpan[], string[]]>([
    ['an ORG becomes a PERSON', [span('TERRENCE OYELARAN', 'ORG'), span('Associated Press', 'ORG')], ['PERSON TERRENCE OYELARAN', 'ORG Associated Press']],
    ['pieces give way to the whole name', [span('TERRENCE', 'PERSON'), span('OYELARAN', 'LOC')], ['PERSON TERRENCE OYELARAN']],
    ['a name the recogniser missed is added', [span('Associated Press', 'ORG')], ['PERSON TERRENCE OYELARAN', 'ORG Associated Press']],
  ])('%s', (_name, names, expected) => {
    expect(relabelWriters(names, [writer]).map((e) => `${e.label} ${text.slice(e.start, e.end)}`)).toEqual(expected)
  })

  it('leaves the names alone with no writer', () => {
    const names = [span('TERRENCE OYELARAN', 'ORG')]
    expect(relabelWriters(names, [])).toEqual(names)
  })
})
