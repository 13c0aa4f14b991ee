/**
 * A reader of Apple binary property lists (`bplist00`), the format of Safari's `.webarchive`: dictionaries, arrays,
 * strings (ASCII and UTF-16), data, integers, reals, booleans, dates and UIDs. Every count and offset is checked
 * against the file, and the objects read are capped, since one object may be referenced many times (a crafted file
 * would otherwise expand without bound).
 */

/** A property list value: dictionaries as objects, data as Buffers, dates as Dates, UIDs as `{UID: n}`. */
export type PlistValue = string | number | bigint | boolean | null | Date | Buffer | PlistValue[] | {[key: string]: PlistValue}

// the most objects one read will produce (references counted each time they are followed): a page's archive of a few
// thousand subresources holds some tens of thousands
const MAX_READ = 1_000_000
// nested deeper than this is no archive Safari writes
const MAX_DEPTH = 64
// seconds from 1970 to 2001-01-01, the property list epoch
const EPOCH = 978_307_200

/** Reads a binary property list's top object; throws an Error saying why when the bytes are not one. */
export function readBinaryPlist(bytes: Buffer): PlistValue {
  if (bytes.length < 40 || bytes.toString('latin1', 0, 8) !== 'bplist00') throw new Error('not a binary property list (no "bplist00" header)')
  const trailer = bytes.length - 32
  const offsetSize = bytes[trailer + 6]!
  const refSize = bytes[trailer + 7]!
  const count = toNumber(bytes.readBigUInt64BE(trailer + 8))
  const top = toNumber(bytes.readBigUInt64BE(trailer + 16))
  const tableAt = toNumber(bytes.readBigUInt64BE(trailer + 24))
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) throw new Error('the property list trailer is corrupt (offset or reference size)')
  if (count === 0 || top >= count || tableAt < 8 || tableAt + count * offsetSize > trailer) throw new Error('the property list trailer is corrupt (object count or offset table)')
  const uint = (at: number, size: number): number => {
    if (at + size > bytes.length) throw new Error('the property list is cut off')
    let n = 0
    for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i]!
    return n
  }
  const offsetOf = (ref: number): number => {
    if (ref >= count) throw new Error(`the property list refers to object ${ref} of ${count}`)
    const at = uint(tableAt + ref * offsetSize, offsetSize)
    if (at < 8 || at >= tableAt) throw new Error('the property list has an object outside its object area')
    return at
  }
  let read = 0
  // a count in the low nibble, or 0xF and an integer object after the marker; returns [count, where the content starts]
  const lengthAt = (at: number, info: number): [number, number] => {
    if (info !== 0x0f) return [info, at + 1]
    const marker = uint(at + 1, 1)
    if (marker >> 4 !== 0x1) throw new Error('the property list has a bad length marker')
    const size = 1 << (marker & 0x0f)
    if (size > 8) throw new Error('the property list has a bad length marker')
    return [uint(at + 2, size), at + 2 + size]
  }
  const within = (start: number, length: number) => {
    if (start + length > tableAt) throw new Error('the property list has an object longer than its file')
  }
  const readObject = (ref: number, depth: number): PlistValue => {
    if (++read > MAX_READ) throw new Error(`the property list expands to more than ${MAX_READ} objects`)
    if (depth > MAX_DEPTH) throw new Error(`the property list nests deeper than ${MAX_DEPTH} levels`)
    const at = offsetOf(ref)
    const marker = uint(at, 1)
    const type = marker >> 4
    const info = marker & 0x0f
    switch (type) {
      case 0x0:
        if (info === 0x8) return false
        if (info === 0x9) return true
        return null
      case 0x1: {
        const size = 1 << info
        if (size > 16) throw new Error('the property list has a bad integer')
        within(at + 1, size)
        if (size < 8) return uint(at + 1, size)
        // 8 bytes are signed; 16 only for values beyond 64 bits unsigned, whose low 8 bytes are kept
        const value = bytes.readBigInt64BE(at + 1 + size - 8)
        return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value
      }
      case 0x2:
        within(at + 1, 1 << info)
        if (info === 2) return bytes.readFloatBE(at + 1)
        if (info === 3) return bytes.readDoubleBE(at + 1)
        throw new Error('the property list has a bad real number')
      case 0x3:
        within(at + 1, 8)
        return new Date((EPOCH + bytes.readDoubleBE(at + 1)) * 1000)
      case 0x4: {
        const [length, start] = lengthAt(at, info)
        within(start, length)
        return bytes.subarray(start, start + length)
      }
      case 0x5: {
        const [length, start] = lengthAt(at, info)
        within(start, length)
        return bytes.toString('latin1', start, start + length)
      }
      case 0x6: {
        const [units, start] = lengthAt(at, info)
        within(start, units * 2)
        return Buffer.from(bytes.subarray(start, start + units * 2)).swap16().toString('utf16le')
      }
      case 0x8:
        return {UID: uint(at + 1, info + 1)}
      case 0xa: {
        const [length, start] = lengthAt(at, info)
        within(start, length * refSize)
        return Array.from({length}, (_, i) => readObject(uint(start + i * refSize, refSize), depth + 1))
      }
      case 0xd: {
        const [length, start] = lengthAt(at, info)
        within(start, 2 * length * refSize)
        const dict: {[key: string]: PlistValue} = {}
        for (let i = 0; i < length; i++) {
          const key = readObject(uint(start + i * refSize, refSize), depth + 1)
          if (typeof key !== 'string') throw new Error('the property list has a dictionary key that is not a string')
          dict[key] = readObject(uint(start + (length + i) * refSize, refSize), depth + 1)
        }
        return dict
      }
      default:
        throw new Error(`the property list has an object of unknown type 0x${type.toString(16)}`)
    }
  }
  return readObject(top, 0)
}

function toNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('the property list trailer is corrupt (a count beyond any file)')
  return Number(n)
}
