import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../../pipelines/index.ts'
import {createDoc, type Entity, type LayerName} from '../../src/doc.ts'
import {collectNow, processToResult} from '../../src/run/process-doc.ts'
import {createPipeline, type Stage} from '../../src/stage.ts'
import {createLink, type LinkSummary} from '../../src/stages/link.ts'

const root = new URL('../..', import.meta.url).pathname
const stage = (name: string, requires: LayerName[], assigns: LayerName[], run: Stage['run']): Stage => ({name, requires, assigns, run})

describe('processToResult', () => {
  const text = 'Anna Petrenko met Olga Ivanova.'
  const entity = (start: number, end: number, canonical: string): Entity => ({start, end, label: 'PERSON', canonical, entityId: `PERSON:${canonical}`})
  const cases: Array<{name: string; entities: Entity[]; linked: string[]; errors: string[]}> = [
    {name: 'every record valid', entities: [entity(0, 13, 'Anna Petrenko'), entity(18, 30, 'Olga Ivanova')], linked: ['Anna Petrenko', 'Olga Ivanova'], errors: []},
    // an entity whose record was not written (a span past the text) must not reach the linker and the entity index
    {name: 'one record rejected', entities: [entity(0, 13, 'Anna Petrenko'), entity(18, 99, 'Olga Ivanova')], linked: ['Anna Petrenko'], errors: ['write:bad-span']},
    {name: 'one record failing its schema', entities: [entity(0, 13, 'Anna Petrenko'), {...entity(18, 30, 'Olga Ivanova'), label: 'ALIEN' as Entity['label']}], linked: ['Anna Petrenko'], errors: ['write:invalid-record']},
  ]
  it.each(cases)('summarises for the corpus stages only the entities whose records are written: $name', ({entities, linked, errors}) => {
    const pipeline = createPipeline('test', [stage('entities', ['text'], ['entities'], (doc) => void (doc.entities = entities.map((e) => ({...e}))))], [createLink()])
    const result = processToResult(pipeline, createDoc({id: 'd1', source: 'd1.txt', text}))
    const summary = result.summaries![0] as LinkSummary
    // each entity here is one mention with its own id: [label, id, 1, 2, canonical, 1, -1, cues], cues -1 or a count and keys
    const canonicals: unknown[] = []
    for (let k = 0; k < summary.gathered.length; ) {
      canonicals.push(summary.gathered[k + 4])
      const cues = summary.gathered[k + 7] as number
      k += 8 + Math.max(cues, 0)
    }
    expect(canonicals).toEqual(linked)
    expect(result.lines.counts.entities).toBe(linked.length)
    expect(result.lines.errors.split('\n').filter(Boolean).map((l) => JSON.parse(l).code)).toEqual(errors)
  })
})

describe('record ids follow offset order', () => {
  // a stage may give its spans in any order; the records are written, and numbered, in offset order (ties in the
  // order given), whether the spans came sorted or not
  const text = 'Anna Petrenko met Olga Ivanova in Kyiv.'
  const e = (start: number, end: number, canonical: string): Entity => ({start, end, label: 'PERSON', canonical, entityId: `person:${canonical}`})
  const spans = [e(0, 13, 'Anna Petrenko'), e(18, 30, 'Olga Ivanova'), e(18, 30, 'Olga I.'), e(34, 38, 'Kyiv')]
  it.each([
    ['sorted', [0, 1, 2, 3]],
    ['reversed', [3, 2, 1, 0]],
    ['shuffled', [2, 0, 3, 1]],
  ])('%s', (_name, order) => {
    const given = order.map((i) => ({...spans[i]!}))
    const pipeline = createPipeline('test', [stage('entities', ['text'], ['entities'], (doc) => void (doc.entities = given))], [])
    const lines = processToResult(pipeline, createDoc({id: 'd1', source: 'd1.txt', text})).lines.entities.split('\n').filter(Boolean).map((l) => JSON.parse(l))
    // the two spans at 18-30 keep the order they were given in
    const tied = order.filter((i) => i === 1 || i === 2).map((i) => spans[i]!.canonical)
    expect(lines.map((r) => [r.id, r.canonical])).toEqual([['d1:e0', 'Anna Petrenko'], ['d1:e1', tied[0]], ['d1:e2', tied[1]], ['d1:e3', 'Kyiv']])
  })
})

describe('processToResult on a long document (a full garbage collection before its records are built)', () => {
  const seeds = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort()
  const doc = (file: string) => createDoc({id: file, source: file, text: readFileSync(join(root, 'corpus', file), 'utf8')})
  const tokenCount = (result: {lines: {articles: string}}) => JSON.parse(result.lines.articles).counts.tokens
  it.each([
    ['the news pipeline', {}],
    ['the news pipeline writing tokens', {layers: ['tokens' as const]}],
  ])('writes the same records and summaries as for a short one: %s', (_name, options) => {
    const pipeline = PIPELINES.news!.build(options)
    for (const file of seeds.slice(0, 2)) {
      const [shortDoc, longDoc] = [doc(file), doc(file)]
      const short = processToResult(pipeline, shortDoc, Infinity)
      const long = processToResult(pipeline, longDoc, 0)
      expect(long.lines).toEqual(short.lines)
      expect(long.summaries).toEqual(short.summaries)
      expect(tokenCount(long)).toBeGreaterThan(0)
    }
  })

  it('can collect garbage at once', () => {
    expect(collectNow()).toBe(true)
  })
})

// a text's records through the news pipeline, and where a figure stands in it in code points (records count code
// points, the text's indexOf UTF-16 units: after an emoji they differ); one helper for the two tables below
function recordsAfterEmoji(id: string, text: string) {
  const lines = processToResult(PIPELINES.news!.build({}), createDoc({id, source: `${id}.txt`, text})).lines
  const records = (file: string) => file.split('\n').filter(Boolean).map((l) => JSON.parse(l) as {text: string; start: number; end: number; label?: string; value?: string})
  const codePoint = (needle: string) => [...text.slice(0, text.indexOf(needle))].length
  // the one entity over the figure, whole, with its label and code-point offsets
  const expectOneEntity = (figure: string, label: string) => {
    const start = codePoint(figure)
    expect(records(lines.entities).filter((r) => r.start < start + [...figure].length && r.end > start)).toEqual([
      expect.objectContaining({text: figure, start, end: start + [...figure].length, label}),
    ])
  }
  return {lines, records, codePoint, expectOneEntity}
}

// figures grouped by no-break, narrow no-break and thin spaces after emoji (docs/fuzz.md, numfix2): each record's
// offsets count code points, and its text is the whole figure the number and money finders both read
describe('space-grouped figures after emoji, as records', () => {
  const {lines, records, codePoint, expectOneEntity} = recordsAfterEmoji('d1', 'Selon le recensement, 🎉 la ville compte 1\u202f234\u202f567 habitants 😀 et un budget de €2\u00a0500\u00a0000. 🎉🎉 Il a couru 12\u2009500,5 km.')
  it.each([
    ['1\u202f234\u202f567', 'CARDINAL'],
    ['€2\u00a0500\u00a0000', 'MONEY'],
    ['12\u2009500,5 km', 'QUANTITY'],
  ])('%j is one %s entity at its code-point offsets', (figure, label) => {
    expectOneEntity(figure, label)
  })
  it('writes the money record at the same code points', () => {
    const start = codePoint('€2\u00a0500\u00a0000')
    expect(records(lines.money).map((r) => [r.text, r.start, r.end])).toEqual([['€2\u00a0500\u00a0000', start, start + 10]])
  })
})

// a sign written flush before a figure is inside its entity and money record (docs/fuzz.md, fuzz7), at code points
// counted after emoji; a hyphen opening a line (a bullet) and brackets stay outside
describe('signed figures after emoji, as records', () => {
  const {lines, records, codePoint, expectOneEntity} = recordsAfterEmoji('d2', 'Sales by region 🎉 on the year:\n\nEurope 😀 -3%\nAsia 🎉🎉 −3.2%\nAmericas 😀 (3.1%)\nAfrica 🎉 +4%\n-5% was the bullet.\n\nNet income 😀 was -$4.5 million, and temperatures of -5 degrees.')
  it.each([
    ['-3%', 'PERCENT'],
    ['−3.2%', 'PERCENT'],
    ['3.1%', 'PERCENT'],
    ['+4%', 'PERCENT'],
    ['5%', 'PERCENT'],
    ['-$4.5 million', 'MONEY'],
    ['-5 degrees', 'QUANTITY'],
  ])('%j is one %s entity at its code-point offsets', (figure, label) => {
    expectOneEntity(figure, label)
  })
  it('writes the negative money record with its sign', () => {
    const start = codePoint('-$4.5 million')
    expect(records(lines.money).map((r) => [r.text, r.start, r.end, r.value])).toEqual([['-$4.5 million', start, start + 13, '-4500000']])
  })
})
