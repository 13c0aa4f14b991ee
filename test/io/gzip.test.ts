import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {findBinaryFile, readInputBytes, readInputLines, readPlainInput} from '../../src/io/gzip.ts'

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

describe('readPlainInput', () => {
  const sizes = (n: number) => Buffer.from('News text, line after line.\n'.repeat(Math.ceil(n / 28))).subarray(0, n)
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)])
  const nuls = Buffer.concat([Buffer.from('ab'), Buffer.alloc(10, 1), Buffer.from('cd')])
  const latin1 = Buffer.from('caf\xe9 r\xe9sum\xe9 '.repeat(10000), 'latin1')
  // what findBinaryFile and then readInputBytes gave, from one open
  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a short article', sizes(3000)],
    ['a file of exactly the first block', sizes(64 * 1024)],
    ['a file one byte longer than the first block', sizes(64 * 1024 + 1)],
    ['a file of 200 KB', sizes(200_000)],
    ['a PNG', png],
    ['control bytes', nuls],
    ['Latin-1 text longer than the first block', latin1],
    ['UTF-8 text with NUL padding', Buffer.concat([Buffer.from(text.slice(0, 500)), Buffer.alloc(40)])],
  ])('%s', async (_name, bytes) => {
    const dir = await files({'a.txt': bytes})
    const path = join(dir, 'a.txt')
    const binary = findBinaryFile(path)
    const read = readPlainInput(path)
    if (binary !== null) expect(read).toEqual({binary})
    else {
      const before = await readInputBytes(path, false)
      expect('bytes' in read && read.bytes.equals(before.bytes) && read.fileBytes === before.fileBytes).toBe(true)
    }
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
