import {describe, expect, it} from 'vitest'
import {blankJsonComments, splitJsonValues, type JsonValue} from '../../src/io/json-values.ts'

async function split(text: string | Buffer, chunkSize = Infinity, maxBytes = 1 << 20): Promise<JsonValue[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize === Infinity ? bytes.length : chunkSize) yield bytes.subarray(i, chunkSize === Infinity ? bytes.length : i + chunkSize)
  }
  const values: JsonValue[] = []
  for await (const value of splitJsonValues(chunks(), maxBytes)) values.push(value)
  return values
}

// what a test compares: the text and where it stands
const brief = (values: JsonValue[]) =>
  values.map((v) => [v.text === null ? null : v.text.trim(), v.index, v.line, ...(v.empty ? ['empty'] : []), ...(v.cutOff ? ['cut off'] : []), ...(v.notes ? [v.notes.map((n) => `${n.kind}@${n.line}${'open' in n ? ' open' : ''}`).join(' ')] : [])])

describe('splitJsonValues', () => {
  it.each([
    ['an array of objects, one element each', '[{"a": 1}, {"b": [1, 2]}]', [['{"a": 1}', 0, 1], ['{"b": [1, 2]}', 1, 1]]],
    ['a pretty-printed array: each element by the line it starts on', '[\n  {\n    "a": 1\n  },\n  {\n    "b": 2\n  }\n]\n', [['{\n    "a": 1\n  }', 0, 2], ['{\n    "b": 2\n  }', 1, 5]]],
    ['brackets, braces, commas and escaped quotes inside strings are text', '[{"t": "a, b ] } [ {"}, {"t": "say \\"hi\\", ]"}]', [['{"t": "a, b ] } [ {"}', 0, 1], ['{"t": "say \\"hi\\", ]"}', 1, 1]]],
    ['an object alone', '{"text": "x"}', [['{"text": "x"}', null, 1]]],
    ['objects one per line (JSON Lines under a .json name)', '{"a": 1}\n{"a": 2}\n\n{"a": 3}', [['{"a": 1}', null, 1], ['{"a": 2}', null, 2], ['{"a": 3}', null, 4]]],
    ['objects written flush (concatenated JSON)', '{"a": 1}{"a": 2}', [['{"a": 1}', null, 1], ['{"a": 2}', null, 1]]],
    ['scalars and other values in an array, each a value', '[1, "two", null, [3]]', [['1', 0, 1], ['"two"', 1, 1], ['null', 2, 1], ['[3]', 3, 1]]],
    ['a top-level value that is no object runs to its line end', 'id,title\n1,x\n', [['id,title', null, 1], ['1,x', null, 2]]],
    ['an empty array', '[]', []],
    ['an empty file and white space', ' \n\t\n', []],
    ['a trailing comma loses nothing and is no element, but is noted on the last element', '[{"a": 1},]', [['{"a": 1}', 0, 1, 'trailing-comma@1']]],
    ['a trailing comma on a line of its own, pretty-printed', '[\n  {"a": 1},\n  {"a": 2},\n]\n', [['{"a": 1}', 0, 2], ['{"a": 2}', 1, 3, 'trailing-comma@4']]],
    ['a comma after an empty element before the close', '[{"a": 1},,]', [['{"a": 1}', 0, 1], ['', 1, 1, 'empty', 'trailing-comma@1']]],
    ['a // comment line before the array: skipped, noted on the first element', '// exported 2026-12-01\n[{"a": 1}, {"a": 2}]', [['{"a": 1}', 0, 2, 'comment@1'], ['{"a": 2}', 1, 2]]],
    ['/* */ comments before elements and after the array', '[/* one */ {"a": 1}, /* two\n */ {"a": 2}\n]\n/* bye */ // end', [['{"a": 1}', 0, 1, 'comment@1'], ['{"a": 2}', 1, 2, 'comment@1 comment@4 comment@4']]],
    ['a comment after an element, before its comma, is in the element (for the parser to refuse)', '[{"a": 1} // one\n, {"a": 2}]', [['{"a": 1} // one', 0, 1], ['{"a": 2}', 1, 2]]],
    ['comment-like text inside strings is text', '[{"u": "http://x.example/*a*/"}]', [['{"u": "http://x.example/*a*/"}', 0, 1]]],
    ['a lone slash is a value for the parser to refuse', '[/ {"a": 1}, {"a": 2}]', [['/ {"a": 1}', 0, 1], ['{"a": 2}', 1, 1]]],
    ['a slash at the end of the file', '{"a": 1}\n/', [['{"a": 1}', null, 1], ['/', null, 2, 'cut off']]],
    ['a block comment never closed: noted as open on the last record', '[{"a": 1}] /* and [{"a": 2}]', [['{"a": 1}', 0, 1, 'comment@1 open']]],
    ['a comment before a top-level object', '// one\n{"a": 1}', [['{"a": 1}', null, 2, 'comment@1']]],
    ['an empty element between commas is said', '[{"a": 1},,{"a": 2}]', [['{"a": 1}', 0, 1], ['', 1, 1, 'empty'], ['{"a": 2}', 2, 1]]],
    ['a missing comma: the two elements are one value, for the parser to refuse', '[{"a": 1} {"a": 2}, {"a": 3}]', [['{"a": 1} {"a": 2}', 0, 1], ['{"a": 3}', 1, 1]]],
    ['a byte-order mark before the array', '\uFEFF[{"a": 1}]', [['{"a": 1}', 0, 1]]],
    // JSON files joined with cat: each keeps its byte-order mark, which made the value after it one bad-json error
    ['a byte-order mark between two arrays: skipped, noted on the element after it', '\uFEFF[{"a": 1}]\n\uFEFF[{"a": 2}]', [['{"a": 1}', 0, 1], ['{"a": 2}', 0, 2, 'bom@2']]],
    ['a byte-order mark between two objects', '{"a": 1}\uFEFF{"a": 2}', [['{"a": 1}', null, 1], ['{"a": 2}', null, 1, 'bom@1']]],
    ['the start of a mark that is none is a value for the parser to refuse', Buffer.from([...Buffer.from('{"a": 1}\n'), 0xef, 0xbb, ...Buffer.from('x\n{"a": 2}')]), [['{"a": 1}', null, 1], ['\ufffdx', null, 2], ['{"a": 2}', null, 3]]],
    ['a file cut off inside an element', '[{"a": 1}, {"a": "tw', [['{"a": 1}', 0, 1], ['{"a": "tw', 1, 1, 'cut off']]],
    ['an array never closed after its last element: the element is whole, the missing close noted', '[{"a": 1}, {"a": 2}\n', [['{"a": 1}', 0, 1], ['{"a": 2}', 1, 1, 'unclosed-array@1']]],
    ['an array that ends on a comma at the end of the file', '[{"a": 1},\n', [['{"a": 1}', 0, 1, 'unclosed-array@1']]],
    ['two arrays one after another', '[{"a": 1}]\n[{"a": 2}]', [['{"a": 1}', 0, 1], ['{"a": 2}', 0, 2]]],
  ])('%s', async (_name, text, expected) => {
    expect(brief(await split(text))).toEqual(expected)
    // the same read a byte at a time: no value depends on where the file's chunks end
    expect(brief(await split(text, 1))).toEqual(expected)
  })

  it('numbers the top-level values, so the first array is the first whatever comes before it', async () => {
    const top = async (text: string) => (await split(text)).map((v) => v.top)
    expect(await top('\n\n[{"a": 1}, {"a": 2}]')).toEqual([0, 0])
    expect(await top('// c\n/* d */\n[{"a": 1}]')).toEqual([0])
    expect(await top('[{"a": 1}]\n[{"a": 2}]\n{"a": 3}')).toEqual([0, 1, 2])
    expect(await top('x\n[{"a": 1}]')).toEqual([0, 1])
  })

  it('decodes each element on its own, counting the bytes that are not UTF-8, and keeps multi-byte characters cut by a chunk', async () => {
    const bytes = Buffer.concat([Buffer.from('[{"t": "caf\u00e9 \u6771\u4eac"}, {"t": "'), Buffer.from([0xff]), Buffer.from('"}]')])
    for (const size of [1, 2, 3, 1000]) {
      const values = await split(bytes, size)
      expect(values.map((v) => [v.text, v.invalid])).toEqual([
        ['{"t": "caf\u00e9 \u6771\u4eac"}', 0],
        ['{"t": "\uFFFD"}', 1],
      ])
    }
  })

  it('does not keep an element past the limit: it is given by its size, and the elements after it are read', async () => {
    const big = `{"t": "${'x'.repeat(100)}"}`
    for (const size of [1, 7, 1000]) {
      const values = await split(`[{"a": 1}, ${big}, {"a": 2}]`, size, 64)
      expect(values.map((v) => [v.text, v.bytes, v.index])).toEqual([
        ['{"a": 1}', 8, 0],
        [null, big.length, 1],
        ['{"a": 2}', 8, 2],
      ])
    }
  })

  it('holds one element at a time: 5,000 elements stream through', async () => {
    const text = `[${Array.from({length: 5000}, (_, i) => `{"id": ${i}, "text": "story ${i}"}`).join(',\n')}]`
    let n = 0
    for (const v of await split(text, 4096)) {
      expect(JSON.parse(v.text!)).toEqual({id: n, text: `story ${n}`})
      expect(v.line).toBe(n + 1)
      n++
    }
    expect(n).toBe(5000)
  })
})

describe('blankJsonComments', () => {
  it.each([
    ['no comment', '{"a": 1}', null],
    ['"//" and "/*" inside strings are text', '{"url": "https://x.org/*a*/", "b": "\\"//"}', null],
    ['a line comment', '{"a": 1 // one\n}', {text: '{"a": 1       \n}', lines: [1]}],
    ['a block comment over two lines, then one on line 3', '{/* a\nb */"a": 1,\n/**/"b": 2}', {text: '{    \n    "a": 1,\n    "b": 2}', lines: [1, 3]}],
    ['a block comment never closed: a cut record, not a comment', '{"a": 1 /* cut', null],
  ])('%s', (_name, text, expected) => {
    expect(blankJsonComments(text)).toEqual(expected)
  })
})
