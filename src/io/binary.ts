/**
 * Known binary file formats by their signature (magic number) in the first bytes, so a picture, a PDF, an archive or
 * a program saved under a text name is refused at once, by name, instead of being read whole: some of them (a PDF of
 * mostly ASCII objects, a zip or tar of stored text files) are not damaged enough to fail the 30% rule of
 * src/io/decode.ts and came out as an article of junk.
 */

/** One signature: the bytes at `offset` (a number is a byte, a string its Latin-1 bytes). */
interface Signature {
  name: string
  offset: number
  bytes: Array<number | string>
}

// Every signature here is either non-ASCII or holds a control byte, or is long and specific enough ('%PDF-', 'GIF89a',
// 'ustar' at 257) that no article starts with it: a false match refuses a real article, so short ASCII ones ('BM', 'MZ'
// alone, 'fLaC', 'PAR1') are left out (those files are refused by their damaged bytes anyway, if at all).
const SIGNATURES: Signature[] = [
  {name: 'a JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff]},
  {name: 'a PNG image', offset: 0, bytes: [0x89, 'PNG\r\n', 0x1a, 0x0a]},
  {name: 'a GIF image', offset: 0, bytes: ['GIF87a']},
  {name: 'a GIF image', offset: 0, bytes: ['GIF89a']},
  {name: 'a WebP image', offset: 0, bytes: ['RIFF']} /* checked with WEBP below */,
  {name: 'a TIFF image', offset: 0, bytes: ['II*', 0]},
  {name: 'a TIFF image', offset: 0, bytes: ['MM', 0, '*']},
  {name: 'an icon file', offset: 0, bytes: [0, 0, 1, 0]},
  {name: 'a PDF document', offset: 0, bytes: ['%PDF-']},
  {name: 'a Microsoft Office (OLE2) document (.doc, .xls, .ppt, .msg)', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]},
  {name: 'a ZIP archive (or a .docx, .xlsx, .odt or .epub, which are ZIP archives)', offset: 0, bytes: ['PK', 3, 4]},
  {name: 'a ZIP archive (empty)', offset: 0, bytes: ['PK', 5, 6]},
  {name: 'a ZIP archive (spanned)', offset: 0, bytes: ['PK', 7, 8]},
  {name: 'a gzip-compressed file', offset: 0, bytes: [0x1f, 0x8b, 0x08]},
  {name: 'a bzip2-compressed file', offset: 0, bytes: ['BZh']} /* checked with the block magic below */,
  {name: 'an xz-compressed file', offset: 0, bytes: [0xfd, '7zXZ', 0]},
  {name: 'a Zstandard-compressed file', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd]},
  {name: 'a 7-Zip archive', offset: 0, bytes: ['7z', 0xbc, 0xaf, 0x27, 0x1c]},
  {name: 'a RAR archive', offset: 0, bytes: ['Rar!', 0x1a, 0x07]},
  {name: 'a tar archive', offset: 257, bytes: ['ustar']},
  {name: 'an SQLite database', offset: 0, bytes: ['SQLite format 3', 0]},
  {name: 'an ELF program or library', offset: 0, bytes: [0x7f, 'ELF']},
  {name: 'a Mach-O program or library', offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe]},
  {name: 'a Mach-O program or library', offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe]},
  {name: 'a Mach-O program or library (or a Java class file)', offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe]},
  {name: 'a WebAssembly module', offset: 0, bytes: [0, 'asm']},
  {name: 'an MP3 audio file', offset: 0, bytes: ['ID3']} /* checked with its version bytes below */,
  {name: 'an Ogg audio or video file', offset: 0, bytes: ['OggS', 0]},
  {name: 'an MP4 or QuickTime video (or an HEIC image)', offset: 4, bytes: ['ftyp']} /* checked with its box size below */,
]

const compiled = SIGNATURES.map((s) => ({name: s.name, offset: s.offset, bytes: Buffer.concat(s.bytes.map((b) => (typeof b === 'number' ? Buffer.from([b]) : Buffer.from(b, 'latin1'))))}))

// the signatures too short or too ASCII to trust alone, each with the rest of its header that must hold
const confirm: Record<string, (head: Uint8Array) => boolean> = {
  'a WebP image': (head) => latin1(head, 8, 12) === 'WEBP',
  // 'BZh', the block size '1'-'9', then the block magic 0x314159265359 ('1AY&SY')
  'a bzip2-compressed file': (head) => head[3]! >= 0x31 && head[3]! <= 0x39 && latin1(head, 4, 10) === '1AY&SY',
  // ID3v2.2-2.4: the major version, then a revision byte that is zero
  'an MP3 audio file': (head) => head[3]! >= 2 && head[3]! <= 4 && head[4] === 0,
  // the first box's 32-bit size starts with a zero byte for any box under 16 MB
  'an MP4 or QuickTime video (or an HEIC image)': (head) => head[0] === 0,
}

function latin1(head: Uint8Array, start: number, end: number): string {
  return head.length < end ? '' : Buffer.from(head.buffer, head.byteOffset + start, end - start).toString('latin1')
}

/**
 * The binary format a file's first bytes announce ('a PNG image', 'a ZIP archive …'), or null when they announce none
 * of the formats lede knows; a Windows program is recognised by its 'MZ' header pointing at a 'PE' one.
 */
export function findBinaryFormat(head: Uint8Array): string | null {
  for (const s of compiled) {
    if (head.length < s.offset + s.bytes.length) continue
    let match = true
    for (let i = 0; i < s.bytes.length && match; i++) match = head[s.offset + i] === s.bytes[i]
    if (match && (confirm[s.name]?.(head) ?? true)) return s.name
  }
  // 'MZ' is an ordinary start of text; a Windows executable's DOS header says where its 'PE\0\0' header is (at 0x3C)
  if (head[0] === 0x4d && head[1] === 0x5a && head.length >= 0x40) {
    const at = Buffer.from(head.buffer, head.byteOffset, head.byteLength).readUInt32LE(0x3c)
    if (latin1(head, at, at + 4) === 'PE\0\0') return 'a Windows program or library (.exe, .dll)'
  }
  return null
}
