import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {createDoc} from '../../src/doc.ts'
import {MoneyRecord} from '../../src/schema.ts'
import {buildRecords} from '../../src/io/records.ts'
import {createPipeline, processDoc} from '../../src/stage.ts'
import {findMoney} from '../../src/money/find-money.ts'
import {createSegment} from '../../src/stages/segment.ts'
import {createMoney} from '../../src/stages/money.ts'

const corpus = new URL('../../corpus/', import.meta.url)
const seed = (prefix: string): string => {
  const name = readdirSync(corpus).find((file) => file.startsWith(prefix))
  if (!name) throw new Error(`no seed ${prefix}`)
  return readFileSync(new URL(name, corpus), 'utf8')
}

describe('createMoney', () => {
  it('declares its layers and writes findMoney to the document', () => {
    const stage = createMoney()
    expect(stage).toMatchObject({name: 'money', requires: ['text', 'paragraphs', 'lineHyphens'], assigns: ['money']})
    const doc = createDoc({id: 'd', source: 'd.txt', text: 'It paid $5 million.'})
    processDoc(createPipeline('p', [createSegment(), stage]), doc)
    expect(doc.money).toEqual(findMoney(doc.text))
    expect(doc.messages).toEqual([])
  })

  it('passes defaultDollar through', () => {
    const doc = createDoc({id: 'd', source: 'd.txt', text: 'It paid $5 million.'})
    createMoney({defaultDollar: 'CAD'}).run(doc, {warn: () => {}})
    expect(doc.money?.[0]).toMatchObject({currency: 'CAD', currencyAssumed: true, value: '5000000'})
  })

  it.each([[{defaultDollar: 'usd'}], [{defaultDollar: 'DOLLAR'}], [{other: true}]])('rejects bad options %j at creation', (options) => {
    expect(() => createMoney(options as never)).toThrow()
  })

  it('scales the money in a table under a scale caption, not the prose after it; records keep code-point offsets', () => {
    // an astral character first: record offsets count code points, the Doc's UTF-16 units
    const text = '📈 Bank results for the quarter (in millions of dollars):\nNet income      $32,100    $30,500\n\nThe bank paid $32,100 in fees.\n'
    const doc = createDoc({id: 'd', source: 'd.txt', text})
    processDoc(createPipeline('p', [createSegment(), createMoney()]), doc)
    const records = buildRecords(doc).lines.money.trim().split('\n').map((line) => MoneyRecord.parse(JSON.parse(line)))
    const points = [...text]
    expect(records.map((r) => ({text: r.text, cut: points.slice(r.start, r.end).join(''), amount: r.amount, value: r.value, tableScale: r.tableScale}))).toEqual([
      {text: '$32,100', cut: '$32,100', amount: 32100000000, value: '32100000000', tableScale: 1000000},
      {text: '$30,500', cut: '$30,500', amount: 30500000000, value: '30500000000', tableScale: 1000000},
      {text: '$32,100', cut: '$32,100', amount: 32100, value: '32100', tableScale: undefined},
    ])
    expect(records[0]!.start).toBe(text.indexOf('$32,100') - 1)
  })

  it('writes an empty list when there is no money', () => {
    const doc = createDoc({id: 'd', source: 'd.txt', text: 'No figures here, only 24 hours and 2025.'})
    processDoc(createPipeline('p', [createSegment(), createMoney()]), doc)
    expect(doc.money).toEqual([])
  })
})

describe('money on the seed corpus', () => {
  it.each([
    ['000_', [{text: '€6 billion', value: '6000000000', currency: 'EUR', currencyAssumed: false}, {text: '$6.98 billion', value: '6980000000', currency: 'USD', currencyAssumed: true, equivalentOf: 0}]],
    ['001_', [{text: '$500 million', value: '500000000', currency: 'USD', currencyAssumed: true}]],
    ['002_', []],
    ['003_', []],
  ])('seed %s', (prefix, expected) => {
    const text = seed(prefix)
    const money = findMoney(text)
    expect(money.map((m) => ({text: text.slice(m.start, m.end), value: m.value, currency: m.currency, currencyAssumed: m.currencyAssumed, ...(m.equivalentOf !== undefined ? {equivalentOf: m.equivalentOf} : {})}))).toEqual(expected)
  })

  it('finds nothing in the licence number, hotline, "1000 for 1000", durations, dates or years', () => {
    const text = seed('000_') + seed('001_')
    const spans = findMoney(text).map((m) => text.slice(m.start, m.end))
    for (const notMoney of ['10120180008', '010-85061466', '1000 for 1000', 'May 16, 2025', '2022', 'hours']) {
      expect(text).toContain(notMoney)
      expect(spans.some((span) => span.includes(notMoney))).toBe(false)
    }
  })

  it('every figure makes a valid money record', () => {
    const text = seed('000_')
    // the seed holds figures, so the loop below asserts something
    expect(findMoney(text).length).toBeGreaterThan(0)
    for (const [index, m] of findMoney(text).entries()) {
      const record = {docId: 'd', id: `m${index}`, text: text.slice(m.start, m.end), ...m, equivalentOf: m.equivalentOf === undefined ? undefined : `m${m.equivalentOf}`}
      expect(MoneyRecord.safeParse(record).success).toBe(true)
    }
  })
})
