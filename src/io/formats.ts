/**
 * Which input formats `lede run` reads, decided by file name: `.txt`, `.jsonl`, `.json`, `.csv`/`.tsv` (spreadsheet
 * exports, one article per row), `.html`/`.htm`, `.mhtml`/`.mht`
 * and `.webarchive` (pages saved as one file), `.sgml`/`.sgm` (SGML wire files), `.xml` (NITF and NewsML articles), and each of them gzip-compressed
 * (`.txt.gz`, `.jsonl.gz`, …), read as its plain twin. A file
 * with no extension (archives such as `19980601_NYT` or `nyt_eng_199807.gz`) is read when its content is an SGML
 * wire file, and a `.txt` whose first line is `<DOC>` is read as one (src/io/corpus.ts decides by content); a
 * `.txt` that opens an HTML page ({@link looksLikeHtmlPage}) is read as a page.
 */

/** The formats an input file can be in (after taking off a `.gz`). */
export type InputFormat = 'txt' | 'jsonl' | 'json' | 'csv' | 'tsv' | 'html' | 'mhtml' | 'webarchive' | 'sgml' | 'xml'

const EXTENSIONS: Array<[string, InputFormat]> = [
  ['.txt', 'txt'],
  ['.jsonl', 'jsonl'],
  // an array of article objects (what scrapers and APIs export), an object alone, or JSON Lines under a .json name
  ['.json', 'json'],
  // a spreadsheet export: one article per row under a header row (src/io/csv.ts)
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.html', 'html'],
  ['.htm', 'html'],
  // a page saved as one file: MHTML is read (its page part), Safari's .webarchive too (its WebMainResource)
  ['.mhtml', 'mhtml'],
  ['.mht', 'mhtml'],
  ['.webarchive', 'webarchive'],
  ['.sgml', 'sgml'],
  ['.sgm', 'sgml'],
  // NITF and NewsML articles; an .xml of another kind (a feed, a sitemap) is skipped by its root element (src/io/xml.ts)
  ['.xml', 'xml'],
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

// what a saved page opens with: an optional byte-order mark, white space, comments (a browser's "saved from url" line)
// and XML declaration, then the doctype or the <html> tag; prose about markup does not open that way
const HTML_PAGE_START = /^\ufeff?(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html\b|html[\s>])/i
const UTF8_BOM_LATIN1 = '\u00ef\u00bb\u00bf'

/** Whether a file's first bytes (read as Latin-1) open an HTML page (`<!DOCTYPE html>` or `<html>` first): a `.txt` that does is a page saved under the wrong name. */
export function looksLikeHtmlPage(head: string): boolean {
  return HTML_PAGE_START.test(head.startsWith(UTF8_BOM_LATIN1) ? head.slice(3) : head)
}
