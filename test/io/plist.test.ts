import {describe, expect, it} from 'vitest'
import {readBinaryPlist} from '../../src/io/plist.ts'
import {writeBinaryPlist} from '../helpers/bplist.ts'

describe('readBinaryPlist (on what the test helper writes)', () => {
  it('reads back dictionaries, arrays, ASCII and UTF-16 strings, long strings, data, integers and booleans', () => {
    const value = {a: 'ascii', b: 'naïve “quoted” 東京', c: 'x'.repeat(300), d: Buffer.from([0, 1, 2, 255]), e: [1, 200, 70000, true, false], f: {nested: ['deep']}}
    expect(readBinaryPlist(writeBinaryPlist(value))).toEqual(value)
  })
})

describe('readBinaryPlist refuses', () => {
  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['an HTML page', Buffer.from('<html><body><p>not a property list at all, only a page</p></body></html>')],
    ['a header and nothing else', Buffer.from('bplist00' + '\0'.repeat(40), 'latin1')],
  ])('%s, with an Error', (_name, bytes) => {
    expect(() => readBinaryPlist(bytes)).toThrow(Error)
  })
})

describe('readBinaryPlist on crafted files', () => {
  // a hand-made list: header, objects, offset table (1 byte each), trailer (offset size 1, reference size 1)
  const craft = (objects: number[][], top = 0) => {
    const body: number[] = []
    const offsets: number[] = []
    for (const o of objects) {
      offsets.push(8 + body.length)
      body.push(...o)
    }
    const trailer = Buffer.alloc(32)
    trailer.writeUInt8(1, 6)
    trailer.writeUInt8(1, 7)
    trailer.writeBigUInt64BE(BigInt(objects.length), 8)
    trailer.writeBigUInt64BE(BigInt(top), 16)
    trailer.writeBigUInt64BE(BigInt(8 + body.length), 24)
    return Buffer.concat([Buffer.from('bplist00', 'latin1'), Buffer.from(body), Buffer.from(offsets), trailer])
  }

  it('stops an array that contains itself (nesting cap) with an Error', () => {
    expect(() => readBinaryPlist(craft([[0xa1, 0]]))).toThrow(/nests deeper/)
  })

  it('stops shared references that expand without bound (each level of 14 references to the next, 8 levels: 14^7 objects)', () => {
    const levels = Array.from({length: 8}, (_, i) => [0xae, ...Array(14).fill(i + 1)])
    levels[7] = [0x09]
    expect(() => readBinaryPlist(craft(levels))).toThrow(/expands to more than/)
  })

  it('refuses a reference past the object count, a length past the file, and an unknown type', () => {
    expect(() => readBinaryPlist(craft([[0xa1, 7]]))).toThrow(/refers to object 7/)
    expect(() => readBinaryPlist(craft([[0x5e, 0x41]]))).toThrow(/longer than its file/)
    expect(() => readBinaryPlist(craft([[0x70]]))).toThrow(/unknown type/)
  })
})
