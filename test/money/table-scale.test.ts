import {describe, expect, it} from 'vitest'
import {findMoney} from '../../src/money/find-money.ts'
import {findScaledTables, readCaptionScale, scaleTableMoney} from '../../src/money/table-scale.ts'

describe('readCaptionScale', () => {
  it.each([
    ['Bank results for the quarter (in millions of dollars):', 6],
    ['(in millions of U.S. dollars)', 6],
    ['(In thousands of euros)', 3],
    ['(in billions of Canadian dollars)', 9],
    ['(in millions)', 6],
    ['(Dollars in millions)', 6],
    ['(dollar amounts in thousands)', 3],
    ['($ millions)', 6],
    ['($m)', 6],
    ['(US$ million)', 6],
    ['(€ bn)', 9],
    ['(EUR millions)', 6],
    ['($000s)', 3],
    ['(000s omitted)', 3],
    ["(000's omitted)", 3],
    ['(in $ millions)', 6],
    ['(millions of dollars)', 6],
    ['In millions of dollars', 6],
    ['$ millions:', 6],
    ['Quarterly results (Q3) (in billions of euros)', 9],
  ])('%s → 10^%i', (line, pow) => {
    expect(readCaptionScale(line)).toBe(pow)
  })

  it.each([
    ['(in millions of shares)'],
    ['(in thousands of barrels)'],
    ['(in millions, except per share data)'],
    ['(in millions of dollars, except per-share amounts)'],
    ['(shares in millions)'],
    ['(millions of people)'],
    ['Revenue rose to $32,100 in millions of homes, the company said in a statement on Tuesday.'],
    ['The company (AP) said results were in line.'],
    ['(in 2025)'],
    ['(m)'],
  ])('%s → no scale', (line) => {
    expect(readCaptionScale(line)).toBe(0)
  })
})

const QA6 = 'Bank results for the quarter (in millions of dollars):\nNet income      $32,100    $30,500\nRevenue         $91,000    $88,250\n\nThe bank paid $32,100 in fees.\n'

describe('findScaledTables', () => {
  it.each([
    ['qa6 table: rows up to the blank line', QA6, [[QA6.indexOf('Net'), QA6.indexOf('\n\n'), 6]]],
    ['blank lines after the caption stay under it', '($ millions)\n\nSales\t1,200\nCosts\t900\n', [[14, 35, 6]]],
    ['the table ends at a line that is not a row', '(in thousands)\nA  $5\nB  $6\nIt paid $7 to them.\n', [[15, 26, 3]]],
    ['a caption followed by prose scales nothing', '(in millions of dollars)\nThe bank paid $32,100 in fees.\n', []],
    ['a dot leader and a rule are column gaps', '(in billions)\nNet income ..... $3\n| Sales | $4 |\n', [[14, 48, 9]]],
    ['no caption', 'Net income      $32,100    $30,500\n', []],
    ['CRLF lines', '($m)\r\nSales  $5\r\n\r\n', [[6, 16, 6]]],
  ])('%s', (_name, text, expected) => {
    expect(findScaledTables(text).map((t) => [t.start, t.end, t.pow])).toEqual(expected)
  })
})

describe('scaleTableMoney', () => {
  const run = (text: string) => scaleTableMoney(text, findMoney(text)).map((m) => ({text: text.slice(m.start, m.end), value: m.value, amount: m.amount, ...(m.tableScale ? {tableScale: m.tableScale} : {})}))

  it.each([
    ['qa6: cells scaled, prose after the blank line not', QA6, [
      {text: '$32,100', value: '32100000000', amount: 32100000000, tableScale: 1000000},
      {text: '$30,500', value: '30500000000', amount: 30500000000, tableScale: 1000000},
      {text: '$91,000', value: '91000000000', amount: 91000000000, tableScale: 1000000},
      {text: '$88,250', value: '88250000000', amount: 88250000000, tableScale: 1000000},
      {text: '$32,100', value: '32100', amount: 32100},
    ]],
    ['decimals and negatives stay exact', '(in thousands of euros)\nLoss   -€1,250.5   €0.25\n', [
      {text: '-€1,250.5', value: '-1250500', amount: -1250500, tableScale: 1000},
      {text: '€0.25', value: '250', amount: 250, tableScale: 1000},
    ]],
    ['a figure with its own magnitude, minor units or a range is left as written', '($ millions)\nA   $5 billion   50 cents   $5-6   $7\n', [
      {text: '$5 billion', value: '5000000000', amount: 5000000000},
      {text: '50 cents', value: '0.5', amount: 0.5},
      {text: '$5-6', value: '5', amount: 5},
      {text: '$7', value: '7000000', amount: 7000000, tableScale: 1000000},
    ]],
    ['a figure on the caption line is not scaled', 'Sales of $5 (in millions of dollars)\nA   $6\n', [
      {text: '$5', value: '5', amount: 5},
      {text: '$6', value: '6000000', amount: 6000000, tableScale: 1000000},
    ]],
    ['prose under a caption is not scaled', '(in millions of dollars)\nThe bank paid $32,100 in fees.\n', [
      {text: '$32,100', value: '32100', amount: 32100},
    ]],
  ])('%s', (_name, text, expected) => {
    expect(run(text)).toEqual(expected)
  })

  it('keeps spans unchanged', () => {
    const before = findMoney(QA6).map((m) => [m.start, m.end])
    expect(scaleTableMoney(QA6, findMoney(QA6)).map((m) => [m.start, m.end])).toEqual(before)
  })
})
