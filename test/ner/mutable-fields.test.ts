import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {markMutable, objectArray} from '../../src/ner/mutable-fields.ts'

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

describe('objectArray', () => {
  it('is an empty array that takes any value', () => {
    const array = objectArray<string | boolean | null>()
    expect(array).toEqual([])
    array.push('word', true, null)
    expect(array).toEqual(['word', true, null])
  })

  // V8's elements kind, asked of a child Node with its natives syntax: what the type registry relies on (a fresh
  // registry's first string pushed does not change its arrays' kind); `[]` is the control, of the small-integer kind
  it.each([
    ['objectArray()', 'object', `(${objectArray.toString()})()`],
    ['[]', 'smi', '[]'],
  ])('%s is made with the %s elements kind', (_, kind, make) => {
    const script = `const a = ${make}; console.log(%HasObjectElements(a) ? 'object' : %HasSmiElements(a) ? 'smi' : 'other')`
    const child = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], {encoding: 'utf8'})
    expect(child.stderr).toBe('')
    expect(child.stdout.trim()).toBe(kind)
  })
})
