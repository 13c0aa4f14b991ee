import {describe, expect, it} from 'vitest'
import {splitJoinedObjects, splitLoneCarriageReturns} from '../../src/io/jsonl-lines.ts'

describe('splitJoinedObjects', () => {
  it.each([
    ['two objects, nothing between', '{"a":1}{"b":2}', ['{"a":1}', '{"b":2}']],
    ['three with spaces and a tab', '{"a":1} {"b":[2]}\t{"c":"}{"}', ['{"a":1}', '{"b":[2]}', '{"c":"}{"}']],
    ['an escaped quote inside a string', '{"a":"x\\"}"}{"b":2}', ['{"a":"x\\"}"}', '{"b":2}']],
    ['one object is no join', '{"a":1}', null],
    ['text between the objects', '{"a":1},{"b":2}', null],
    ['an array is not an object', '[1]{"b":2}', null],
    ['an object cut short', '{"a":1}{"b":', null],
    ['a part JSON refuses', '{"a":1}{b:2}', null],
  ])('%s', (_name, line, expected) => {
    expect(splitJoinedObjects(line)).toEqual(expected)
  })
})

describe('splitLoneCarriageReturns', () => {
  async function* of(lines: string[]): AsyncGenerator<string> {
    yield* lines
  }
  it.each([
    ['a line JSON reads keeps its CRs', ['{"a":\r1}'], ['{"a":\r1}']],
    ['records joined by CRs are read apart', ['{"a":1}\r{"b":2}\r'], ['{"a":1}', '{"b":2}', '']],
    ['a part JSON refuses keeps the line whole', ['{"a":1}\r{"b":'], ['{"a":1}\r{"b":']],
    ['a line with no CR is untouched', ['{"a":1}', 'x'], ['{"a":1}', 'x']],
  ])('%s', async (_name, lines, expected) => {
    const out: unknown[] = []
    for await (const line of splitLoneCarriageReturns(of(lines), () => 0).lines) out.push(line)
    expect(out).toEqual(expected)
  })
})
