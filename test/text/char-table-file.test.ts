import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {CHAR_TABLE_BYTES, encodeCharTables, readCharTables, writeCharTables} from '../../src/text/char-table-file.ts'
import {CHAR_CLASS, CHAR_LOWER, CHAR_SCRIPT, computeCharTables} from '../../src/text/chars.ts'

const KEY = '{"code":"abc","node":"20.0.0"}'
const tables = computeCharTables()
const folder = mkdtempSync(join(tmpdir(), 'lede-char-tables-'))
let made = 0
// writes bytes to a fresh file and returns its path
const fileOf = (bytes: Uint8Array): string => {
  const path = join(folder, `t${made++}.bin`)
  writeFileSync(path, bytes)
  return path
}
const good = encodeCharTables(KEY, tables)
const headerEnd = good.indexOf(0x0a) + 1

describe('readCharTables', () => {
  it('gives back the tables written under the same key', () => {
    const path = join(folder, 'written.bin')
    writeCharTables(path, KEY, tables)
    expect(Buffer.compare(Buffer.from(readCharTables(path, KEY)!), Buffer.from(tables))).toBe(0)
  })

  // every file a run must not use: it computes the tables instead (null), never throws
  it.each([
    ['no key (sources, not a build)', () => fileOf(good), null],
    ['no file', () => join(folder, 'missing.bin'), KEY],
    ['another key', () => fileOf(good), '{"code":"abd","node":"20.0.0"}'],
    ['a key that only starts the same', () => fileOf(good), KEY.slice(0, -1)],
    ['cut short', () => fileOf(good.subarray(0, good.length - 1)), KEY],
    ['one byte too many', () => fileOf(Buffer.concat([good, Buffer.from([0])])), KEY],
    ['a changed table byte', () => fileOf(Buffer.concat([good.subarray(0, headerEnd + 70000), Buffer.from([good[headerEnd + 70000]! ^ 1]), good.subarray(headerEnd + 70001)])), KEY],
    ['another format', () => fileOf(Buffer.from(good.toString('latin1').replace('lede-char-tables 1', 'lede-char-tables 2'), 'latin1')), KEY],
    ['no header line', () => fileOf(new Uint8Array(CHAR_TABLE_BYTES + 100).fill(65)), KEY],
    ['an empty file', () => fileOf(new Uint8Array(0)), KEY],
  ] as const)('ignores %s', (_case, path, key) => {
    expect(readCharTables(path(), key)).toBeNull()
  })
})

describe('writeCharTables', () => {
  it('replaces a file whole and leaves no temporary file beside it', () => {
    const path = join(folder, 'replaced.bin')
    writeFileSync(path, 'old')
    writeCharTables(path, KEY, tables)
    expect(readFileSync(path).length).toBe(good.length)
    expect(readFileSync(path).toString('latin1').includes('.tmp')).toBe(false)
  })

  it('refuses tables of the wrong size', () => {
    expect(() => encodeCharTables(KEY, new Uint8Array(10))).toThrow(/10 bytes/)
  })
})

describe('the tables chars.ts uses', () => {
  it('are the ones computeCharTables gives, in its layout', () => {
    expect(Buffer.compare(Buffer.from(CHAR_CLASS), Buffer.from(tables.subarray(0, 0x10000)))).toBe(0)
    expect(Buffer.compare(Buffer.from(CHAR_SCRIPT), Buffer.from(tables.subarray(0x10000, 0x20000)))).toBe(0)
    expect(Buffer.compare(Buffer.from(CHAR_LOWER.buffer, CHAR_LOWER.byteOffset, 0x20000), Buffer.from(tables.subarray(0x20000)))).toBe(0)
  })
})
