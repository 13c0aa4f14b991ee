// The model-file check `lede run` and `lede worker` make before any thread starts: real files, each broken the
// way a checkout or a copy breaks them, and the shipped model itself.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {checkModelFile, MODEL_FORMAT, MODEL_MAGIC, MODEL_URL, ModelFileError, takeModelRead, type ModelRead} from '../../src/ner/model-file.ts'
import {parseModel} from '../../src/ner/model.ts'
import {loadModel} from '../../src/ner/recognise.ts'

const dir = mkdtempSync(join(tmpdir(), 'lede-model-file-'))
const shipped = readFileSync(MODEL_URL)
// a model file's first bytes: the magic, the header's length, then the header JSON with its format first
const modelStart = (magic: string, version: number) => {
  const header = Buffer.from(JSON.stringify({version, tagCount: 17}))
  const size = Buffer.alloc(4)
  size.writeUInt32LE(header.length)
  return gzipSync(Buffer.concat([Buffer.from(magic, 'latin1'), size, header]))
}

// the read and inflate bin/lede.js starts ahead of the check (plain JavaScript, loaded before any TypeScript)
const ahead = (await import('../../bin/model-read.js' as string)) as {readModelAhead(path: string): Promise<ModelRead>; startModelRead(path: string): void}
// the check's message on a file read ahead must be the one it gives reading the file itself
const messageOf = (check: () => void): string | null => {
  try {
    check()
    return null
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

describe('checkModelFile', () => {
  it('accepts the shipped model', () => {
    expect(() => checkModelFile()).not.toThrow()
    expect(() => checkModelFile(MODEL_URL.pathname)).not.toThrow()
  })

  it.each([
    ['a missing file', null, /the file is missing; restore it/],
    ['an empty file', Buffer.alloc(0), /is empty; restore it/],
    ['a Git LFS pointer', Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:0123\nsize 4488176\n'), /is a Git LFS pointer, not the model itself/],
    ['a text file', Buffer.from('not a model at all, just some text long enough'), /is not a lede NER model \(not gzip data\)/],
    ['gzip of something else', gzipSync(Buffer.from('{"some": "json file that is no model"}')), /is not a lede NER model; restore it/],
    ['a format-1 model', modelStart('LEDENER1', 1), /is of format 1, which this code no longer reads|of format 1/],
    ['a model of an unknown format', modelStart(MODEL_MAGIC, MODEL_FORMAT + 1), new RegExp(`is of format ${MODEL_FORMAT + 1}; this lede reads formats 5 and ${MODEL_FORMAT}`)],
    ['a damaged gzip stream', Buffer.concat([shipped.subarray(0, 10), Buffer.alloc(200, 0xff)]), /is damaged/],
  ])('refuses %s with a message saying what to do', async (name, bytes, message) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.bin`)
    if (bytes) writeFileSync(path, bytes)
    expect(() => checkModelFile(path)).toThrow(ModelFileError)
    expect(() => checkModelFile(path)).toThrow(message)
    const read = await ahead.readModelAhead(path)
    expect(messageOf(() => checkModelFile(path, read))).toBe(messageOf(() => checkModelFile(path)))
  })

  // damage past the first 64 KB (what the check read before): gzip's CRC-32 and length vouch for every byte
  const flipped = (at: number, length = 1) => {
    const copy = Buffer.from(shipped)
    for (let i = at; i < at + length; i++) copy[i] = copy[i]! ^ 0xff
    return copy
  }
  it.each([
    ['cut just after its first 64 KB', shipped.subarray(0, 70_000), /is cut short: its 70000 bytes end before its compressed data does; restore it/],
    ['cut in the middle', shipped.subarray(0, Math.floor(shipped.length / 2)), /is cut short: .* end before its compressed data does/],
    ['cut by its last byte', shipped.subarray(0, shipped.length - 1), /is cut short: .* end before its compressed data does/],
    ['with one byte flipped in the middle', flipped(Math.floor(shipped.length / 2)), /is damaged/],
    ['with 16 bytes flipped near the end', flipped(shipped.length - 4096, 16), /is damaged/],
    ['with its stored checksum flipped', flipped(shipped.length - 8), /is damaged: its contents do not match the checksum stored at its end \(incorrect data check\)/],
    ['with its stored length flipped', flipped(shipped.length - 2), /is damaged: its contents do not match the checksum stored at its end \(incorrect length check\)/],
  ])('refuses a copy of the shipped model %s', async (name, bytes, message) => {
    const path = join(dir, `shipped-${name.replace(/\W+/g, '-')}.bin`)
    writeFileSync(path, bytes)
    expect(() => checkModelFile(path)).toThrow(ModelFileError)
    expect(() => checkModelFile(path)).toThrow(message)
    expect(() => checkModelFile(path)).toThrow(/; restore it from the repository \(git checkout -- models\/ner\.bin, or git lfs pull\) or retrain it/)
    const read = await ahead.readModelAhead(path)
    expect(messageOf(() => checkModelFile(path, read))).toBe(messageOf(() => checkModelFile(path)))
  })

  it('takes the read started ahead once, for its own file only, and keeps its contents for the loader', async () => {
    const path = join(dir, 'ahead.bin')
    writeFileSync(path, shipped)
    ahead.startModelRead(path)
    expect(await takeModelRead(join(dir, 'other.bin'))).toBeUndefined()
    const read = await takeModelRead(path)
    expect(read?.raw?.subarray(0, MODEL_MAGIC.length).toString('latin1')).toBe(MODEL_MAGIC)
    expect(await takeModelRead(path)).toBeUndefined()
    expect(messageOf(() => checkModelFile(path, read))).toBeNull()
  })

  it('accepts an intact copy of the shipped model', () => {
    const path = join(dir, 'copy.bin')
    writeFileSync(path, shipped)
    expect(() => checkModelFile(path)).not.toThrow()
  })

  it('keeps what it inflated for the loader, which then reads the file no more', () => {
    const path = join(dir, 'kept.bin')
    writeFileSync(path, shipped)
    checkModelFile(path)
    rmSync(path)
    const kept = loadModel(path)
    const read = parseModel(shipped)
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
    expect(kept.meta).toEqual(read.meta)
    expect(bytes(kept.layout!.rows).equals(bytes(read.layout!.rows))).toBe(true)
    expect(bytes(kept.layout!.rowStart).equals(bytes(read.layout!.rowStart))).toBe(true)
  })
})
