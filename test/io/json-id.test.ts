import {describe, expect, it} from 'vitest'
import {findIntegerIdLiteral} from '../../src/io/json-id.ts'

describe('findIntegerIdLiteral', () => {
  it.each([
    ['{"id":12345678901234567890,"text":"a"}', '12345678901234567890'],
    ['{ "id" : -9007199254740993 , "text":"a"}', '-9007199254740993'],
    ['{"text":"a","id":1729876543210987654}', '1729876543210987654'],
    // not the outer object's id: nested, or inside a string
    ['{"meta":{"id":12345678901234567890},"text":"a"}', null],
    ['{"text":"\\"id\\":12345678901234567890","x":1}', null],
    ['{"id":"12345678901234567890","text":"a"}', null],
    // not a whole number as written: JSON.parse's value is the answer
    ['{"id":1.5e30,"text":"a"}', null],
    ['{"text":"a"}', null],
    // repeated keys: the last, as JSON.parse
    ['{"id":1,"id":12345678901234567891,"text":"a"}', '12345678901234567891'],
  ])('%s -> %s', (line, literal) => expect(findIntegerIdLiteral(line)).toBe(literal))
})
