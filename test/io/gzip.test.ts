import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {readInputBytes, readInputLines} from '../../src/io/gzip.ts'

async function files(entries: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-gzip-'))
  for (const [name, content] of Object.entries(entries)) await writeFile(join(dir, name), content)
  return dir
}

const text = 'Kyiv said “€6 billion”.\nSecond line 🙂\n'.repeat(5000)
const gz = gzipSync(text)

describe('readInputBytes', () => {
  it('gives a .gz the bytes of its plain twin, and counts file bytes read', async () => {
    const dir = await files({'a.txt': text, 'a.txt.gz': gz})
    const plain = await readInputBytes(join(dir, 'a.txt'), false)
    const packed = await readInputBytes(join(dir, 'a.txt.gz'), true)
    expect(packed.bytes.equals(plain.bytes)).toBe(true)
    expect(packed.fileBytes).toBe(gz.length)
  })

  it.each([
    ['not gzip at all', Buffer.from('plain text pretending')],
    ['an archive cut in its header', gz.subarray(0, 8)],
  ])('rejects %s with a zlib error', async (_name, bytes) => {
    const dir = await files({'bad.gz': bytes})
    await expect(readInputBytes(join(dir, 'bad.gz'), true)).rejects.toMatchObject({code: expect.stringMatching(/^Z_/)})
  })

  it('gives what a cut-off archive decompressed to before the cut, with zlib\'s message', async () => {
    const dir = await files({'cut.gz': gz.subarray(0, gz.length >> 1)})
    const {bytes, damaged} = await readInputBytes(join(dir, 'cut.gz'), true)
    expect(damaged).toBe('unexpected end of file')
    expect(bytes.length).toBeGreaterThan(0)
    expect(Buffer.from(text).subarray(0, bytes.length).equals(bytes)).toBe(true)
  })
})

describe('readInputBytes: a file too long to be one text', () => {
  // a string holds at most buffer.constants.MAX_STRING_LENGTH characters: a longer input cannot be decoded, and must
  // fail alone (a named error) instead of throwing RangeError out of the corpus reader and ending the run
  it.each([
    ['a plain file over the limit', 'a.txt', Buffer.alloc(40, 0x61), false],
    ['a .gz whose content is over the limit', 'a.txt.gz', gzipSync(Buffer.alloc(40, 0x61)), true],
  ])('rejects %s with code LEDE_TOO_LARGE', async (_name, name, bytes, gzip) => {
    const dir = await files({[name]: bytes})
    await expect(readInputBytes(join(dir, name), gzip, 32)).rejects.toMatchObject({code: 'LEDE_TOO_LARGE', message: expect.stringMatching(/more than 32 bytes/)})
  })
  it.each([
    ['a plain file at the limit', 'a.txt', Buffer.alloc(32, 0x61), false],
    ['a .gz at the limit', 'a.txt.gz', gzipSync(Buffer.alloc(32, 0x61)), true],
  ])('reads %s', async (_name, name, bytes, gzip) => {
    const dir = await files({[name]: bytes})
    expect((await readInputBytes(join(dir, name), gzip, 32)).bytes.length).toBe(32)
  })
})

describe('readInputLines', () => {
  // a line longer than the longest string Node.js holds (536,870,888 bytes) ended the file's reading with a RangeError;
  // the same code is tested here with a small cap, the line cut at every chunk boundary the stream gives
  it.each([
    ['a long line in the middle', ['{"text":"a"}', 'x'.repeat(200_000), '{"text":"b"}'], ['{"text":"a"}', {tooLong: 200_000}, '{"text":"b"}']],
    ['a long last line without a newline', ['{"text":"a"}', 'y'.repeat(150_000)], ['{"text":"a"}', {tooLong: 150_000}]],
    ['two long lines in a row', ['z'.repeat(70_000), 'z'.repeat(130_000), 'ok'], [{tooLong: 70_000}, {tooLong: 130_000}, 'ok']],
    ['a line of exactly the cap', ['q'.repeat(65_536), 'ok'], ['q'.repeat(65_536), 'ok']],
    ['a line one byte over the cap', ['q'.repeat(65_537), 'ok'], [{tooLong: 65_537}, 'ok']],
  ])('%s: reported by its length, the lines after it read', async (_name, lines, expected) => {
    for (const gzip of [false, true]) {
      const body = Buffer.from(lines.join('\n') + (lines.at(-1)!.length > 100_000 && !lines.at(-1)!.startsWith('{') ? '' : '\n'))
      const dir = await files({'a.jsonl': gzip ? gzipSync(body) : body})
      const out: Array<string | {tooLong: number}> = []
      for await (const line of readInputLines(join(dir, 'a.jsonl'), gzip, 65_536).lines) out.push(line)
      expect(out).toEqual(expected)
    }
  })

  it('gives a .gz the lines of its plain twin', async () => {
    const dir = await files({'a.jsonl': text, 'a.jsonl.gz': gz})
    const collect = async (path: string, gzip: boolean) => {
      const out: Array<string | {tooLong: number}> = []
      for await (const line of readInputLines(path, gzip).lines) out.push(line)
      return out
    }
    expect(await collect(join(dir, 'a.jsonl.gz'), true)).toEqual(await collect(join(dir, 'a.jsonl'), false))
  })

  // JSON is UTF-8: a line with bytes that are not is read with U+FFFD in their place, and how many there were is told
  // for that line, so the article can carry the warning a .txt file gets (it came out silently repaired)
  it.each([
    ['plain', false],
    ['gzip', true],
  ])('counts the invalid UTF-8 bytes of each line (%s), across chunk boundaries and CRLF', async (_name, gzip) => {
    const long = 'é'.repeat(70_000) // longer than a read chunk, two bytes a character
    const bytes = Buffer.concat([
      Buffer.from('{"text":"Caf'), Buffer.from([0xe9]), Buffer.from('"}\r\n'),
      Buffer.from(`{"text":"${long}"}\n`),
      Buffer.from('{"text":"ok"}\n'),
      Buffer.from('{"t":"'), Buffer.from([0xff, 0xfe]), Buffer.from(long), Buffer.from([0x80]), Buffer.from('"}'),
    ])
    const dir = await files({'a.jsonl': gzip ? gzipSync(bytes) : bytes})
    const reader = readInputLines(join(dir, 'a.jsonl'), gzip)
    const seen: [string, number][] = []
    for await (const line of reader.lines) if (typeof line === 'string') seen.push([line.length > 20 ? `${line.slice(0, 8)}…${line.length}` : line, reader.lineInvalidBytes()])
    expect(seen).toEqual([
      ['{"text":"Caf\uFFFD"}', 1],
      [`{"text":…${long.length + 11}`, 0],
      ['{"text":"ok"}', 0],
      [`{"t":"\uFFFD\uFFFD…${long.length + 11}`, 3],
    ])
  })

  it('throws from the loop on a corrupt archive', async () => {
    const dir = await files({'bad.jsonl.gz': gz.subarray(0, 200)})
    const read = async () => {
      for await (const _line of readInputLines(join(dir, 'bad.jsonl.gz'), true).lines) void _line
    }
    await expect(read()).rejects.toMatchObject({code: expect.stringMatching(/^Z_/)})
  })
})
