import {describe, expect, it} from 'vitest'
import {addDecimal, compareDecimal, decimalFromDigits, formatDecimal, multiplyDecimal, shiftDecimal} from '../../src/money/decimal.ts'

describe('decimal arithmetic', () => {
  it.each([
    ['6', '98', 9, '6980000000'],
    ['1250', '50', 0, '1250.5'],
    ['1', '20', -2, '0.012'],
    ['0', '5', 0, '0.5'],
    ['8', '10', 6, '8100000'],
    ['2', '38', 9, '2380000000'],
    ['12345678901234567890', '', 3, '12345678901234567890000'],
  ])('%s.%s × 10^%i is exactly %s', (integer, fraction, places, expected) => {
    expect(formatDecimal(shiftDecimal(decimalFromDigits(integer, fraction), places))).toBe(expected)
  })

  it('adds across scales and multiplies without drift', () => {
    expect(formatDecimal(addDecimal(decimalFromDigits('0', '1'), decimalFromDigits('0', '2')))).toBe('0.3')
    expect(formatDecimal(addDecimal(decimalFromDigits('13'), decimalFromDigits('0', '45')))).toBe('13.45')
    expect(formatDecimal(multiplyDecimal(decimalFromDigits('0', '5'), decimalFromDigits('1000000000')))).toBe('500000000')
  })

  it('compares', () => {
    expect(compareDecimal(decimalFromDigits('5'), decimalFromDigits('6'))).toBe(-1)
    expect(compareDecimal(decimalFromDigits('6', '0'), decimalFromDigits('6'))).toBe(0)
    expect(compareDecimal(decimalFromDigits('6', '01'), decimalFromDigits('6'))).toBe(1)
  })
})
