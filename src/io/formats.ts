/**
 * Which input formats `lede run` reads, decided by file name: `.txt`, `.jsonl`, `.html`/`.htm`, `.sgml`/`.sgm`
 * (SGML wire files), and each of them gzip-compressed (`.txt.gz`, `.jsonl.gz`, …), read as its plain twin. A file
 * with no extension (archives such as `19980601_NYT` or `nyt_eng_199807.gz`) is read when its content is an SGML
 * wire file, and a `.txt` whose first line is `<DOC>` is read as one (src/io/corpus.ts decides by content).
 */

/** The formats an input file can be in (after taking off a `.gz`). */
export type InputFormat = 'txt' | 'jsonl' | 'html' | 'sgml'

const EXTENSIONS: Array<[string, InputFormat]> = [
  ['.txt', 'txt'],
  ['.jsonl', 'jsonl'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.sgml', 'sgml'],
  ['.sgm', 'sgml'],
]

/** The extensions `lede run` reads, for help texts and messages. */
export const INPUT_EXTENSIONS: string[] = [...EXTENSIONS.map(([ext]) => ext), ...EXTENSIONS.map(([ext]) => `${ext}.gz`)]

/** The format of an input path and whether it is gzip-compressed, or null for a file lede does not read. */
export function inputFormat(path: string): {format: InputFormat; gzip: boolean} | null {
  let name = path.toLowerCase()
  const gzip = name.endsWith('.gz')
  if (gzip) name = name.slice(0, -3)
  for (const [ext, format] of EXTENSIONS) if (name.endsWith(ext)) return {format, gzip}
  return null
}

/** Whether a file name has no extension (or only a numeric one, `980601.0001`), the way wire archives name their files: such a file is read when its content is an SGML wire file. */
export function mayBeWireFile(path: string): boolean {
  let name = path.slice(path.lastIndexOf('/') + 1)
  if (name.toLowerCase().endsWith('.gz')) name = name.slice(0, -3)
  const dot = name.lastIndexOf('.')
  return name !== '' && !name.startsWith('.') && (dot < 0 || /^[0-9]+$/.test(name.slice(dot + 1)))
}
