import {describe, expect, it} from 'vitest'
import {formatDecimal} from '../../src/money/decimal.ts'
import {parseWrittenNumber} from '../../src/money/written.ts'

describe('parseWrittenNumber', () => {
  it.each([
    ['six billion', '6000000000', 9],
    ['twenty five', '25', 0],
    ['three hundred and fifty', '350', 0],
    ['a million', '1000000', 6],
    ['half a billion', '500000000', 9],
    ['a quarter million', '250000', 6],
    ['one and a half million', '1500000', 6],
    ['two million five hundred thousand', '2500000', 0],
    ['four crore', '40000000', 7],
    ['five lakhs', '500000', 5],
    ['a', '1', 0],
  ])('"%s" is %s', (words, value, pow) => {
    const parsed = parseWrittenNumber(words.split(' '))
    expect(parsed).not.toBeNull()
    expect(formatDecimal(parsed!.value)).toBe(value)
    expect(parsed!.pow).toBe(pow)
  })

  it.each([['five six'], ['twenty twelve'], ['million'], ['and five'], ['half hundred hundred']])('"%s" is no number', (words) => {
    expect(parseWrittenNumber(words.split(' '))).toBeNull()
  })
})
