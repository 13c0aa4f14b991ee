// A tiny writer of Apple binary property lists (`bplist00`), enough to build Safari web archives in tests:
// dictionaries, arrays, strings (ASCII or UTF-16), data (Buffers), integers and booleans. Object references are
// 2 bytes and offsets 4, so up to 65,535 objects and 4 GB; no object is shared.

type Plist = string | number | boolean | Buffer | Plist[] | {[key: string]: Plist}

/** Encodes a value as a binary property list. */
export function writeBinaryPlist(value: Plist): Buffer {
  const objects: Buffer[] = []
  // adds an object (its children first reserved, then filled in) and returns its index
  const add = (v: Plist): number => {
    const index = objects.length
    objects.push(Buffer.alloc(0))
    objects[index] = encode(v)
    return index
  }
  const ref = (i: number) => {
    const b = Buffer.alloc(2)
    b.writeUInt16BE(i)
    return b
  }
  const encode = (v: Plist): Buffer => {
    if (typeof v === 'boolean') return Buffer.from([v ? 0x09 : 0x08])
    if (typeof v === 'number') return integer(v)
    if (Buffer.isBuffer(v)) return Buffer.concat([head(0x40, v.length), v])
    if (typeof v === 'string') {
      if (/^[\x00-\x7f]*$/.test(v)) return Buffer.concat([head(0x50, v.length), Buffer.from(v, 'latin1')])
      const le = Buffer.from(v, 'utf16le')
      return Buffer.concat([head(0x60, le.length / 2), le.swap16()])
    }
    if (Array.isArray(v)) {
      const refs = v.map(add)
      return Buffer.concat([head(0xa0, refs.length), ...refs.map(ref)])
    }
    const keys = Object.keys(v)
    const keyRefs = keys.map((k) => add(k))
    const valueRefs = keys.map((k) => add(v[k]!))
    return Buffer.concat([head(0xd0, keys.length), ...keyRefs.map(ref), ...valueRefs.map(ref)])
  }
  add(value)
  const header = Buffer.from('bplist00', 'latin1')
  const offsets: number[] = []
  let at = header.length
  for (const o of objects) {
    offsets.push(at)
    at += o.length
  }
  const table = Buffer.alloc(offsets.length * 4)
  offsets.forEach((o, i) => table.writeUInt32BE(o, i * 4))
  const trailer = Buffer.alloc(32)
  trailer.writeUInt8(4, 6)
  trailer.writeUInt8(2, 7)
  trailer.writeBigUInt64BE(BigInt(objects.length), 8)
  trailer.writeBigUInt64BE(0n, 16)
  trailer.writeBigUInt64BE(BigInt(at), 24)
  return Buffer.concat([header, ...objects, table, trailer])
}

// a marker with its count: in the low nibble when under 15, else 0xF and an integer object after it
function head(marker: number, count: number): Buffer {
  return count < 15 ? Buffer.from([marker | count]) : Buffer.concat([Buffer.from([marker | 0x0f]), integer(count)])
}

function integer(n: number): Buffer {
  if (n >= 0 && n < 0x100) return Buffer.from([0x10, n])
  if (n >= 0 && n < 0x10000) {
    const b = Buffer.alloc(3)
    b.writeUInt8(0x11)
    b.writeUInt16BE(n, 1)
    return b
  }
  const b = Buffer.alloc(9)
  b.writeUInt8(0x13)
  b.writeBigInt64BE(BigInt(n), 1)
  return b
}

/** A Safari web archive of one page: its bytes, and optionally the charset, MIME type and address Safari records. */
export function webarchive(page: Buffer | string, options: {encoding?: string; mimeType?: string; url?: string; subresources?: number} = {}): Buffer {
  const main: {[key: string]: Plist} = {
    WebResourceData: Buffer.isBuffer(page) ? page : Buffer.from(page, 'utf8'),
    WebResourceFrameName: '',
    WebResourceMIMEType: options.mimeType ?? 'text/html',
    WebResourceURL: options.url ?? 'https://example.org/news/story.html',
  }
  if (options.encoding !== undefined) main.WebResourceTextEncodingName = options.encoding
  const subresources = Array.from({length: options.subresources ?? 1}, (_, i) => ({
    WebResourceData: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, i & 0xff]),
    WebResourceMIMEType: 'image/png',
    WebResourceURL: `https://example.org/img/${i}.png`,
  }))
  return writeBinaryPlist({WebMainResource: main, WebSubresources: subresources})
}
