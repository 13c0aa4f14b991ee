/**
 * Which input formats `lede run` reads, decided by file name: `.txt`, `.jsonl`, `.html`/`.htm`, and each of
 * them gzip-compressed (`.txt.gz`, `.jsonl.gz`, `.html.gz`, `.htm.gz`), read as its plain twin.
 */

/** The formats an input file can be in (after taking off a `.gz`). */
export type InputFormat = 'txt' | 'jsonl' | 'html'

const EXTENSIONS: Array<[string, InputFormat]> = [
  ['.txt', 'txt'],
  ['.jsonl', 'jsonl'],
  ['.html', 'html'],
  ['.htm', 'html'],
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
