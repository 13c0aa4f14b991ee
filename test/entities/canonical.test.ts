import {describe, expect, it} from 'vitest'
import {canonicalMention, cleanName, idOfNamed, stripPossessive, surfaceName} from '../../src/entities/canonical.ts'
import {entityIdFor} from '../../src/names/entity-id.ts'
import type {EntityLabel} from '../../src/doc.ts'

describe('cleanName and stripPossessive', () => {
  // names that need no change (the common case, answered without a regex) beside ones that do
  it.each([
    ['Jane Doe', 'Jane Doe', 'Jane Doe'],
    [' Jane Doe', 'Jane Doe', ' Jane Doe'],
    ['Jane  Doe', 'Jane Doe', 'Jane  Doe'],
    ['Jane\nDoe', 'Jane Doe', 'Jane\nDoe'],
    ['Jane\u00a0Doe', 'Jane Doe', 'Jane\u00a0Doe'],
    ['"Jane Doe"', 'Jane Doe', '"Jane Doe"'],
    ['(NABU)', 'NABU', '(NABU)'],
    ['Doe,', 'Doe', 'Doe,'],
    ['Doe.', 'Doe.', 'Doe.'],
    ['U.S.', 'U.S.', 'U.S.'],
    ['Poland’s', 'Poland’s', 'Poland'],
    ["Poland's", "Poland's", 'Poland'],
    ["Wales'", "Wales'", 'Wales'],
    ['Jones s', 'Jones s', 'Jones s'],
    ["Jones 's", "Jones 's", 'Jones'],
    ['Doe ’s', 'Doe ’s', 'Doe'],
    ['James', 'James', 'James'],
    ['GLASS', 'GLASS', 'GLASS'],
    ['«Kyiv»', 'Kyiv', '«Kyiv»'],
    ['', '', ''],
    ['   ', '', '   '],
    ['Doe!?', 'Doe', 'Doe!?'],
    ["'Doe", 'Doe', "'Doe"],
    ['Doe\t', 'Doe', 'Doe\t'],
    // characters that render as nothing leave the canonical name (the mention's text keeps them)
    ['Angela Mer\u00adkel', 'Angela Merkel', 'Angela Mer\u00adkel'],
    ['Ange\u200dla Merkel', 'Angela Merkel', 'Ange\u200dla Merkel'],
    ['Angela Mer\u200ckel', 'Angela Merkel', 'Angela Mer\u200ckel'],
    ['Angela Mer\u200bkel', 'Angela Merkel', 'Angela Mer\u200bkel'],
    ['Angela\u2060 Merkel', 'Angela Merkel', 'Angela\u2060 Merkel'],
    ['Ange\ufeffla Merkel', 'Angela Merkel', 'Ange\ufeffla Merkel'],
    ['Angela \u200dMerkel', 'Angela Merkel', 'Angela \u200dMerkel'],
    ['Merkel\u200b’s', 'Merkel’s', 'Merkel\u200b’s'],
    // direction marks and overrides (an override showed "Del\u202egado" as "Delodag" wherever the name was printed)
    ['Maria Del\u202egado', 'Maria Delgado', 'Maria Del\u202egado'],
    ['Maria\u200f Delgado\u200e', 'Maria Delgado', 'Maria\u200f Delgado\u200e'],
    ['\u2067Maria Delgado\u2069', 'Maria Delgado', '\u2067Maria Delgado\u2069'],
    // written in NFKC: decomposed accents composed, full-width letters and ligatures as a reader types them
    ['Jose\u0301 A\u0301lvarez', 'José Álvarez', 'Jose\u0301 A\u0301lvarez'],
    ['José Álvarez', 'José Álvarez', 'José Álvarez'],
    ['Ｊｏｓｅ\u3000Ａｌｖａｒｅｚ', 'Jose Alvarez', 'Ｊｏｓｅ\u3000Ａｌｖａｒｅｚ'],
    ['Alan Whitﬁeld', 'Alan Whitfield', 'Alan Whitﬁeld'],
    ['Zoe\u0308\u00ad Roe', 'Zoë Roe', 'Zoe\u0308\u00ad Roe'],
    // a joiner beside a letter of a script that writes with one is spelling there, kept
    ['\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645'],
    ['\u0915\u094d\u200d\u0937', '\u0915\u094d\u200d\u0937', '\u0915\u094d\u200d\u0937'],
  ])('%j -> clean %j, without possessive %j', (name, clean, stripped) => {
    expect(cleanName(name)).toBe(clean)
    expect(stripPossessive(name)).toBe(stripped)
  })
})

describe('canonicalMention of names other than people: kept by surface form, the same answer every time', () => {
  // the answers are remembered by label group and surface form; the second reading of each must agree with the first
  it.each([
    ['the Pentagon', 'ORG', 'Pentagon'],
    ['the Pentagon', 'MISC', 'the Pentagon'],
    ['The Hague', 'LOC', 'The Hague'],
    ["Poland's", 'LOC', 'Poland'],
    ["Poland's", 'DATE', 'Poland'],
    ['"Kyiv",', 'LOC', 'Kyiv'],
    ['the', 'ORG', 'the'],
    ['two', 'CARDINAL', 'two'],
    ['the International Monetary Fund’s', 'ORG', 'International Monetary Fund'],
  ])('%j as %s -> %j', (raw, label, canonical) => {
    const text = `x ${raw} y`
    const span = {start: 2, end: 2 + raw.length, label: label as EntityLabel}
    expect(canonicalMention(text, [], span)).toEqual({canonical})
    expect(canonicalMention(`${text} again`, [], span)).toEqual({canonical})
  })
})

describe('surfaceName: one entry per label and surface form, carrying the id entityIdFor gives', () => {
  it.each([
    ['the Pentagon', 'ORG', 'Pentagon'],
    ['the Pentagon', 'MISC', 'the Pentagon'],
    ['the Pentagon', 'LOC', 'Pentagon'],
    ['U.S.', 'LOC', 'U.S.'],
    ["Poland's", 'DATE', 'Poland'],
    ['two', 'CARDINAL', 'two'],
    ['$5 million', 'MONEY', '$5 million'],
    ['"Kyiv",', 'LOC', 'Kyiv'],
  ])('%j as %s -> %j', (raw, label, canonical) => {
    const span = {start: 2, end: 2 + raw.length, label: label as EntityLabel}
    const named = surfaceName(`x ${raw} y`, span)
    expect(named).toMatchObject({label, name: canonical})
    expect(idOfNamed(named)).toBe(entityIdFor(label as EntityLabel, canonical))
    // the same entry again, from another text, with its id kept
    const again = surfaceName(`${raw} again`, {...span, start: 0, end: raw.length})
    expect(again).toBe(named)
    expect(again.id).toBe(entityIdFor(label as EntityLabel, canonical))
  })
})

describe('surfaceName is bounded over all labels together', () => {
  it('forgets its entries after 100,000 names of any labels, and answers the same after', () => {
    const first = surfaceName('x the Pentagon y', {start: 2, end: 14, label: 'ORG'})
    expect(surfaceName('the Pentagon', {start: 0, end: 12, label: 'ORG'})).toBe(first)
    const labels: EntityLabel[] = ['LOC', 'DATE', 'CARDINAL', 'MISC']
    for (let k = 0; k < 100_000; k++) {
      const raw = `Name${k}`
      surfaceName(raw, {start: 0, end: raw.length, label: labels[k % labels.length]!})
    }
    const again = surfaceName('the Pentagon', {start: 0, end: 12, label: 'ORG'})
    expect(again).not.toBe(first)
    expect(again).toEqual({label: 'ORG', name: 'Pentagon', id: undefined})
  })
})
