import {describe, expect, it} from 'vitest'
import {BINARY_SHARE, countInvalidUtf8, decodeBytes, scrubText} from '../../src/io/decode.ts'

const article = 'Kyiv said on Wednesday that talks would not resume before the winter. '.repeat(60)

describe('countInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 0],
    ['a valid 2-, 3- and 4-byte sequence', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], 0],
    ['lone continuation bytes', [0x41, 0x80, 0xbf, 0x42], 2],
    ['bytes never used in UTF-8', [0xc0, 0xc1, 0xf5, 0xff], 4],
    ['a truncated 3-byte sequence before ASCII', [0xe2, 0x82, 0x41], 2],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 3],
    ['an overlong 3-byte form', [0xe0, 0x80, 0x80], 3],
    ['a truncated sequence at the end', [0x41, 0xf0, 0x9f], 2],
  ])('%s', (_name, bytes, expected) => {
    expect(countInvalidUtf8(Uint8Array.from(bytes))).toBe(expected)
  })
})

describe('decodeBytes', () => {
  it('keeps a UTF-8 article with a few invalid bytes: U+FFFD in their place and a warning with the byte count', () => {
    // the 'é' (two bytes) marks the file as UTF-8, so the stray bytes are damage, not another encoding
    const bytes = Buffer.concat([Buffer.from(article.slice(0, 2000)), Buffer.from([0xff, 0xfe, 0x80, 0xc3]), Buffer.from(article.slice(2000)), Buffer.from('é')])
    const result = decodeBytes(bytes)
    expect(result).not.toHaveProperty('error')
    if ('error' in result) return
    expect(result.text.length).toBe(article.length + 5)
    expect(result.text.slice(2000, 2004)).toBe('\uFFFD\uFFFD\uFFFD\uFFFD')
    expect(result.warnings).toEqual([{code: 'ingest:invalid-utf8', message: '4 bytes are not valid UTF-8; each bad sequence was replaced by U+FFFD'}])
  })

  // a legacy 8-bit file: not UTF-8, and not one byte of it part of a UTF-8 sequence; Windows-1252 is Latin-1 with
  // printable characters (curly quotes, dashes, the euro) in place of the C1 controls, so it reads both
  it.each([
    ['Latin-1 accents', [...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owner Ren'), 0xe9, ...Buffer.from(' Dupont')], 'Café owner René Dupont', 2],
    ['curly quotes, a dash and the euro', [0x93, ...Buffer.from('Yes'), 0x94, ...Buffer.from(', she said '), 0x96, ...Buffer.from(' for '), 0x80, ...Buffer.from('5 million')], '\u201cYes\u201d, she said \u2013 for \u20ac5 million', 4],
    ['German with two high bytes in a row', [...Buffer.from('Gr'), 0xf6, 0xdf, ...Buffer.from('e in M'), 0xfc, ...Buffer.from('nchen')], 'Größe in München', 3],
    ['CRLF line ends', [...Buffer.from('Z'), 0xfc, ...Buffer.from('rich\r\nBern')], 'Zürich\nBern', 1],
  ])('reads %s as Windows-1252, with a warning', (_name, bytes, text, count) => {
    expect(decodeBytes(Uint8Array.from(bytes))).toEqual({
      text,
      warnings: [{code: 'ingest:windows-1252', message: `not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), ${count} byte${count === 1 ? '' : 's'} above ASCII`}],
    })
  })

  it.each([
    ['a valid UTF-8 character beside the stray byte', [...Buffer.from('Café '), 0xe9], 'Café \uFFFD'],
    ['a byte Windows-1252 leaves undefined (0x81)', [...Buffer.from('Caf'), 0x81, 0xe9, ...Buffer.from(' owner')], 'Caf\uFFFD\uFFFD owner'],
  ])('keeps U+FFFD, not Windows-1252, with %s', (_name, bytes, text) => {
    expect(decodeBytes(Uint8Array.from(bytes))).toMatchObject({text, warnings: [{code: 'ingest:invalid-utf8'}]})
  })

  // a NUL is a control byte as in any text (removed, with its warning), not a byte Windows-1252 leaves undefined
  it('reads a Windows-1252 file holding a NUL as Windows-1252, the NUL removed', () => {
    expect(decodeBytes(Uint8Array.from([...Buffer.from('Caf'), 0xe9, 0x00, ...Buffer.from(' owner')]))).toEqual({
      text: 'Café owner',
      warnings: [
        {code: 'ingest:windows-1252', message: 'not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), 1 byte above ASCII'},
        {code: 'ingest:control-characters', message: '1 control character (NUL and the like) removed'},
      ],
    })
  })

  it('removes a NUL and other control characters, with a warning', () => {
    const result = decodeBytes(Buffer.from(`Kyiv\u0000 said\u0002 it.\r\nNext\u0003 line.`))
    expect(result).toEqual({text: 'Kyiv said it.\nNext line.', warnings: [{code: 'ingest:control-characters', message: '3 control characters (NUL and the like) removed'}]})
  })

  it('keeps tabs, form feeds and newlines', () => {
    expect(decodeBytes(Buffer.from('a\tb\fc\n'))).toEqual({text: 'a\tb\fc\n', warnings: []})
  })

  it('reads UTF-16 without a byte-order mark from its zero bytes', () => {
    const result = decodeBytes(Buffer.from('Kyiv said €6 billion.', 'utf16le'))
    expect(result).toMatchObject({text: 'Kyiv said €6 billion.', warnings: [{code: 'ingest:utf16-without-bom'}]})
  })

  it.each([
    ['a PNG header and pixels', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({length: 512}, (_, i) => (i * 151 + 7) % 256))])],
    ['a zip header', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x08, 0x00])],
    ['invalid UTF-8 throughout', Buffer.from(Array.from({length: 300}, (_, i) => 0x80 + (i % 64)))],
  ])('refuses %s as not text', (_name, bytes) => {
    expect(decodeBytes(bytes)).toHaveProperty('error')
  })

  it(`refuses only past ${BINARY_SHARE * 100}% damaged bytes`, () => {
    const text = 'x'.repeat(70)
    expect(decodeBytes(Buffer.concat([Buffer.from(text), Buffer.alloc(29, 0xff)]))).not.toHaveProperty('error')
    expect(decodeBytes(Buffer.concat([Buffer.from(text), Buffer.alloc(31, 0xff)]))).toHaveProperty('error')
  })
})

describe('scrubText', () => {
  it('removes NULs from text that arrived decoded (JSONL)', () => {
    expect(scrubText('a\u0000b\r\nc')).toEqual({text: 'ab\nc', warnings: [{code: 'ingest:control-characters', message: '1 control character (NUL and the like) removed'}]})
    expect(scrubText('clean')).toEqual({text: 'clean', warnings: []})
  })
})
