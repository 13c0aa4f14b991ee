import {describe, expect, it} from 'vitest'
import {markMutable} from '../../src/ner/mutable-fields.ts'

describe('markMutable', () => {
  const cases: [string, unknown][] = [
    ['a Float32Array', Float32Array.of(1.5, -2)],
    ['an Int32Array', Int32Array.of(7, 8, 9)],
    ['an empty Uint8Array', new Uint8Array(0)],
    ['an array', [3, 1, 2]],
    ['a number', 64],
    ['zero', 0],
  ]
  it.each(cases)('leaves %s as it was (the same object, the same contents)', (_, value) => {
    const object: Record<string, unknown> = {field: value, other: 'x'}
    const copy = ArrayBuffer.isView(value) || Array.isArray(value) ? Array.from(value as ArrayLike<number>) : value
    markMutable(object, ['field'])
    expect(object.field).toBe(value)
    if (ArrayBuffer.isView(value) || Array.isArray(value)) expect(Array.from(object.field as ArrayLike<number>)).toEqual(copy)
    expect(object.other).toBe('x')
  })

  it.each([
    ['a string', 'text'],
    ['null', null],
    ['a missing field', undefined],
  ])('refuses %s', (_, value) => {
    expect(() => markMutable({field: value}, ['field'])).toThrow(/markMutable: field field/)
  })
})
