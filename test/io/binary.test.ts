import {describe, expect, it} from 'vitest'
import {gzipSync} from 'node:zlib'
import {findBinaryFormat} from '../../src/io/binary.ts'

const bytes = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

// a DOS header whose e_lfanew (at 0x3C) points at a 'PE\0\0' header, as every Windows program has
function windowsProgram(): Buffer {
  const head = Buffer.alloc(0x90)
  head.write('MZ', 0, 'latin1')
  head.writeUInt32LE(0x80, 0x3c)
  head.write('PE\0\0', 0x80, 'latin1')
  return head
}

function tar(): Buffer {
  const head = Buffer.alloc(512)
  head.write('notes.txt', 0, 'latin1')
  head.write('ustar\u000000', 257, 'latin1')
  return head
}

describe('findBinaryFormat', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'a JPEG image'],
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'a PNG image'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'a GIF image'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'a WebP image'],
    ['TIFF', bytes('II*', [0, 8, 0, 0, 0]), 'a TIFF image'],
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'a PDF document'],
    ['old Word document', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'a Microsoft Office (OLE2) document (.doc, .xls, .ppt, .msg)'],
    ['.docx (ZIP)', bytes('PK', [3, 4, 20, 0, 6, 0]), 'a ZIP archive (or a .docx, .xlsx, .odt or .epub, which are ZIP archives)'],
    ['gzip', gzipSync('Kyiv said.'), 'a gzip-compressed file'],
    ['bzip2', bytes('BZh91AY&SY', [0x12, 0x34]), 'a bzip2-compressed file'],
    ['xz', bytes([0xfd], '7zXZ', [0, 0, 4]), 'an xz-compressed file'],
    ['7-Zip', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'a 7-Zip archive'],
    ['tar', tar(), 'a tar archive'],
    ['SQLite', bytes('SQLite format 3', [0, 0x10, 0]), 'an SQLite database'],
    ['ELF', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'an ELF program or library'],
    ['Windows program', windowsProgram(), 'a Windows program or library (.exe, .dll)'],
    ['MP3 with ID3v2.4', bytes('ID3', [4, 0, 0, 0, 0, 0x21]), 'an MP3 audio file'],
    ['MP4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]), 'an MP4 or QuickTime video (or an HEIC image)'],
  ])('names %s', (_name, head, format) => {
    expect(findBinaryFormat(head)).toBe(format)
  })

  // a false match refuses a real article: the ASCII signatures need the rest of their header
  it.each([
    ['an article', 'Kyiv said on Tuesday it would resume talks.'],
    ['an article opening with MZ', 'MZ Holdings said on Tuesday it would sell its stake in the port operator.'],
    ['an article opening with BZh', 'BZh is the name of the fund.'],
    ['an article opening with ID3', 'ID3 is a gene, the researchers said.'],
    ['an article opening with RIFF', 'RIFF raff, the mayor called them, and the crowd laughed at him.'],
    ['an article opening with PK', 'PK said he would not stand again.'],
    ['the first line of a JSONL file', '{"id":"a1","text":"Kyiv said."}'],
    ['UTF-16LE text with a BOM', bytes([0xff, 0xfe], 'K\0y\0i\0v\0')],
    ['UTF-8 text with a BOM', bytes([0xef, 0xbb, 0xbf], 'Kyiv')],
    ['an empty file', ''],
  ])('finds none in %s', (_name, head) => {
    expect(findBinaryFormat(typeof head === 'string' ? Buffer.from(head) : head)).toBeNull()
  })
})
