/**
 * SGML wire files, as newsroom and research archives of the 1990s and 2000s ship them (LDC's TDT, AQUAINT,
 * Gigaword, North American News Text, TIPSTER): one file holds one or many `<DOC>` … `</DOC>` elements with
 * `<DOCNO>`, `<DOCTYPE>`, `<DATE_TIME>`, `<HEADER>`, `<SLUG>`, `<HEADLINE>`, `<DATELINE>`, `<TEXT>` (often in
 * `<P>` paragraphs) and `<TRAILER>`. The markup is a small flat tag set, not general SGML (and rarely valid
 * XML: a bare `&` or an unclosed `<P>` is common), so it is read by this forgiving reader rather than an XML or
 * HTML parser. Character references and typesetting codes (`&AMP;`, `&QL;`) are left in the text: the `clean`
 * stage reads them, so a pasted wire story in a `.txt` file gets the same treatment.
 */
import {BYLINE_OPENING_WORDS, isCapitalsByline} from '../clean/capitals-byline.ts'

/** One `<DOC>` read from a wire file: the text lede processes and the fields it keeps. */
export interface WireDoc {
  /** 1-based line of the `<DOC>` tag */
  line: number
  /** `<DOCNO>`, `<DOCID>` or the `id` attribute of `<DOC>`, trimmed; null when the DOC has none */
  docno: string | null
  /** the headline on one line, null when none */
  title: string | null
  /** headline, byline block (unless left out), dateline (when not already the story's start) and story paragraphs, a blank line between paragraphs */
  text: string
  /** `<DATE_TIME>`, `<DATE>` or the like, as written */
  date: string | null
  /** `<BYLINE>`, or a `By …` line between the headline and the story */
  byline: string | null
  /** every other element by lowercase name (`slug`, `header`, `trailer`, `doctype`, …) and loose lines outside elements (`front`), as written */
  extra: Record<string, string | string[]>
  /** the DOC as written, for a content id when it has no DOCNO */
  raw: string
  /** what the reader repaired or left out, one message each */
  warnings: Array<{code: string; message: string}>
}

/** A part of a wire file that could not become a document. */
export interface WireError {
  line: number
  code: string
  message: string
}

/** How {@link splitWireFile} writes a DOC's text. */
export interface WireOptions {
  /** write the byline block (the `<BYLINE>` element, the loose lines between the headline and `<TEXT>`) into the text as a paragraph under the headline; default true, false keeps them in the fields only */
  bylineInText?: boolean
}

/** What {@link splitWireFile} finds in one file: documents and errors in file order; `end` is the offset in the file's text up to which it accounts for the text (for progress by bytes). */
export type WireItem = ({kind: 'doc'; doc: WireDoc} | {kind: 'error'; error: WireError}) & {end: number}

/** Whether a text is an SGML wire file: its first non-blank line opens with `<DOC>` (or `<DOC attr=…>`). */
export function looksLikeWireSgml(text: string): boolean {
  const start = text.search(/\S/)
  return start >= 0 && /^<DOC(?:>|\s[^>\n]*>)/i.test(text.slice(start, start + 200))
}

const DOC_TAG = /<(\/?)DOC(\s[^<>]*)?>/gi
const TAG = /<(\/?)([A-Za-z][\w.:-]*)((?:\s[^<>]*)?)\/?>/g
const ID_FIELDS = ['DOCNO', 'DOCID']
const TITLE_FIELDS = ['HEADLINE', 'HL', 'HEAD', 'TITLE']
const DATE_FIELDS = ['DATE_TIME', 'DATETIME', 'DATE', 'PUBDATE']
// elements that only wrap others: read through, as if their tags were not there
const WRAPPERS = new Set(['BODY'])

/** Splits a wire file into its documents, one at a time (an archive file holds thousands); every DOC gives a document or an error, and text outside the DOCs an error. */
export function* splitWireFile(text: string, options: WireOptions = {}): Generator<WireItem> {
  const bylineInText = options.bylineInText ?? true
  const lineOf = lineCounter(text)
  // what one step found, handed out before the next step reads on
  const items: WireItem[] = []
  const seen = new Map<string, number>()
  let open: {at: number; body: number; attrs: string} | null = null
  let last = 0
  const stray = (from: number, to: number) => {
    const piece = text.slice(from, to)
    const at = piece.search(/\S/)
    if (at < 0) return
    // SGML declarations and comments (`<!DOCTYPE …>`, `<!-- … -->`, `<?xml …?>`) are markup, not text
    if (/^\s*(?:<[!?][^>]*>\s*)+$/.test(piece)) return
    const line = lineOf(from + at)
    items.push({kind: 'error', error: {line, code: 'ingest:sgml-stray-text', message: `line ${line}: text outside any <DOC> element (${preview(piece.trim())}); not read`}, end: to})
  }
  // matchAll iterates a copy of the pattern: this generator yields between matches, and a shared lastIndex would let
  // another file's split, read meanwhile, move this one's place
  for (const m of text.matchAll(DOC_TAG)) {
    const closing = m[1] === '/'
    if (!closing) {
      if (open !== null) items.push({kind: 'error', error: unterminated(text, open, m.index, lineOf), end: m.index})
      else stray(last, m.index)
      open = {at: m.index, body: m.index + m[0].length, attrs: m[2] ?? ''}
      yield* drain(items)
      continue
    }
    if (open === null) {
      stray(last, m.index)
      const line = lineOf(m.index)
      last = m.index + m[0].length
      items.push({kind: 'error', error: {line, code: 'ingest:sgml-stray-text', message: `line ${line}: </DOC> with no <DOC> before it`}, end: last})
      yield* drain(items)
      continue
    }
    const line = lineOf(open.at)
    const end = m.index + m[0].length
    const item = {...readDoc(text.slice(open.body, m.index), open.attrs, line, text.slice(open.at, end), bylineInText), end}
    if (item.kind === 'doc' && item.doc.docno !== null) {
      const first = seen.get(item.doc.docno)
      if (first !== undefined) {
        yield {kind: 'error', error: {line, code: 'ingest:sgml-duplicate-docno', message: `line ${line}: DOCNO "${item.doc.docno}" was already used by the DOC at line ${first} of this file; this DOC is not read`}, end}
        open = null
        last = end
        continue
      }
      seen.set(item.doc.docno, line)
    }
    yield item
    open = null
    last = end
  }
  if (open !== null) items.push({kind: 'error', error: unterminated(text, open, text.length, lineOf), end: text.length})
  else stray(last, text.length)
  yield* drain(items)
}

function* drain(items: WireItem[]): Generator<WireItem> {
  for (const item of items) yield item
  items.length = 0
}

function unterminated(text: string, open: {at: number; body: number}, end: number, lineOf: (i: number) => number): WireError {
  const line = lineOf(open.at)
  const docno = /<DOCNO>\s*([^<]*?)\s*<\/DOCNO>/i.exec(text.slice(open.body, end))?.[1]
  const next = end < text.length ? `the next <DOC> at line ${lineOf(end)}` : 'the end of the file'
  return {line, code: 'ingest:sgml-unterminated', message: `line ${line}: <DOC>${docno ? ` (DOCNO "${docno}")` : ''} is not closed before ${next}; not read`}
}

interface Element {
  name: string
  content: string
  /** offset of the content inside the DOC */
  at: number
}

// the children of a DOC: elements (wrappers read through) and the loose text between them, each piece with its offset
function readChildren(body: string): {elements: Element[]; loose: Array<{text: string; at: number}>; unclosed: string[]} {
  const elements: Element[] = []
  const loose: Array<{text: string; at: number}> = []
  const unclosed: string[] = []
  let last = 0
  TAG.lastIndex = 0
  for (let m = TAG.exec(body); m !== null; m = TAG.exec(body)) {
    const name = m[2]!.toUpperCase()
    if (m.index < last) continue
    loose.push({text: body.slice(last, m.index), at: last})
    last = m.index + m[0].length
    if (WRAPPERS.has(name) || m[1] === '/') continue
    // the element runs to its own closing tag (wire elements do not nest in themselves)
    const close = new RegExp(`</${escapeRegExp(m[2]!)}\\s*>`, 'i')
    const rest = body.slice(last)
    const end = close.exec(rest)
    if (end === null) {
      unclosed.push(name)
      continue
    }
    elements.push({name, content: rest.slice(0, end.index), at: last})
    last += end.index + end[0].length
    TAG.lastIndex = last
  }
  loose.push({text: body.slice(last), at: last})
  return {elements, loose, unclosed}
}

function readDoc(body: string, attrs: string, line: number, raw: string, bylineInText: boolean): {kind: 'doc'; doc: WireDoc} | {kind: 'error'; error: WireError} {
  const {elements, loose, unclosed} = readChildren(body)
  const warnings: WireDoc['warnings'] = []
  const take = (names: string[]) => {
    for (const name of names) {
      const found = elements.find((e) => e.name === name)
      if (found) return found
    }
    return undefined
  }
  const attrId = /\bid\s*=\s*"([^"]*)"|\bid\s*=\s*'([^']*)'|\bid\s*=\s*([^\s"'>]+)/i.exec(attrs)
  const docnoElement = take(ID_FIELDS)
  const docno = oneLine(docnoElement?.content ?? attrId?.[1] ?? attrId?.[2] ?? attrId?.[3] ?? '') || null
  const textElements = elements.filter((e) => e.name === 'TEXT')
  if (textElements.length === 0) {
    const why = unclosed.includes('TEXT') ? '<TEXT> is not closed' : 'it has no <TEXT> element'
    return {kind: 'error', error: {line, code: 'ingest:sgml-no-text', message: `line ${line}: the DOC${docno ? ` "${docno}"` : ''} is not an article: ${why}; not read`}}
  }
  const titleElement = take(TITLE_FIELDS)
  const title = titleElement ? oneLine(stripTags(titleElement.content).text) || null : null
  const dateElement = take(DATE_FIELDS)
  const date = dateElement ? oneLine(dateElement.content) || null : null
  const datelineElement = elements.find((e) => e.name === 'DATELINE')
  const dateline = datelineElement ? oneLine(datelineElement.content) || null : null
  const bylineElement = elements.find((e) => e.name === 'BYLINE')
  let byline = bylineElement ? oneLine(bylineElement.content) || null : null

  const paragraphs: string[] = []
  let markup = 0
  for (const element of textElements) {
    const {text, tags} = stripTags(element.content, true)
    markup += tags
    paragraphs.push(...readParagraphs(text))
  }
  if (markup > 0) warnings.push({code: 'ingest:sgml-markup', message: `${markup} tag${markup === 1 ? '' : 's'} inside <TEXT> other than <P> removed (their words kept)`})
  if (paragraphs.length === 0) return {kind: 'error', error: {line, code: 'ingest:empty', message: `line ${line}: the DOC${docno ? ` "${docno}"` : ''} has an empty <TEXT>; not read`}}

  const extra: WireDoc['extra'] = {}
  const used = new Set<Element>([...textElements, ...[docnoElement, titleElement, dateElement, datelineElement, bylineElement].filter((e) => e !== undefined)])
  for (const element of elements) {
    if (used.has(element)) continue
    const key = element.name.toLowerCase()
    const value = element.content.trim()
    const before = extra[key]
    extra[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value]
  }
  // loose lines (a byline, a copyright line, a desk code between the headline and the story) are kept as written
  const front = loose.flatMap((piece) => splitLines(piece.text))
  if (front.length > 0) {
    extra.front = front
    byline ??= front.find((l) => /^By\s+\p{Lu}/u.test(l)) ?? null
  }
  for (const name of unclosed) warnings.push({code: 'ingest:sgml-unclosed', message: `<${name}> is not closed; its tag was ignored and its words kept in meta.front`})

  const bylineBlock = bylineInText ? readBylineBlock(loose, textElements[0]!, titleElement, bylineElement) : []
  return {kind: 'doc', doc: {line, docno, title, text: joinWireText({title, bylineBlock, dateline, paragraphs}), date, byline, extra, raw, warnings}}
}

/** An article's text as wire readers write it (SGML here, NITF and NewsML in src/io/xml.ts): the headline, the byline block, the dateline when the story does not start with it, then the story's paragraphs, a blank line between each. */
export function joinWireText(parts: {title: string | null; bylineBlock: string[]; dateline: string | null; paragraphs: string[]}): string {
  const out: string[] = []
  if (parts.title !== null) out.push(parts.title)
  // the byline block goes where a pasted wire story has it, under the headline, so clean and the quotes stage read it
  // as they read that story's (bylineInText keeps its names, findBylines keeps them from being speakers)
  if (parts.bylineBlock.length > 0) out.push(parts.bylineBlock.join('\n'))
  // a dateline kept apart from the story goes on its own line above it, where the dateline stage finds it
  const first = parts.paragraphs[0]?.replace(/\s+/g, ' ') ?? ''
  if (parts.dateline !== null && !first.startsWith(parts.dateline)) out.push(parts.dateline)
  out.push(...parts.paragraphs)
  return out.join('\n\n')
}

// the lines of the byline block in file order, from the loose lines after the headline (the DOC's start without one)
// and before the first <TEXT> and the <BYLINE> element's words on one line (first when it stands elsewhere). The
// element is kept with or without `By`: its markup says it is a byline, and clean and the quotes stage know its line
// by `meta.byline` (docs/wire.md, 2026-12-03 pm). Of the loose lines only a line opening as a byline (`By …`) or naming
// its writers in capitals with no `By` (`JANE DOE`, since 2026-12-03 eve), the line under it (`Associated Press Writer`)
// and the wire's copyright line go in: another loose line is not known to be a byline, so a `he said` could take a name
// on it as its speaker (docs/wire.md, "Bylines outside <TEXT>")
function readBylineBlock(loose: Array<{text: string; at: number}>, text: Element, title: Element | undefined, byline: Element | undefined): string[] {
  const from = title ? title.at + title.content.length : 0
  const found: Array<{at: number; lines: string[]; element: boolean}> = loose.filter((piece) => piece.at >= from && piece.at < text.at).map((piece) => ({at: piece.at, lines: splitLines(piece.text), element: false}))
  if (byline) {
    const words = oneLine(stripTags(byline.content).text)
    const inside = byline.at >= from && byline.at < text.at
    if (words !== '') found.push({at: inside ? byline.at : -1, lines: [words], element: true})
  }
  const lines = found.sort((a, b) => a.at - b.at).flatMap((piece) => piece.lines.map((line) => ({line, element: piece.element})))
  // a loose writer named in capitals (`JANE DOE`, `JANE DOE, Associated Press`) is read as clean reads it under a
  // headline (src/clean/capitals-byline.ts, docs/all-caps.md 2026-12-03 eve), so its name is never a speaker
  const opens = (i: number) => i >= 0 && (BYLINE_OPENING.test(lines[i]!.line) || (!lines[i]!.element && isCapitalsByline(lines[i]!.line)))
  return lines.filter(({line, element}, i) => element || opens(i) || opens(i - 1) || WIRE_COPYRIGHT.test(line)).map(({line}) => line)
}
// clean's words (one list, so a loose `Author: Jane Doe` is the byline here that it is under a headline in a text file)
const BYLINE_OPENING = new RegExp(`^(?:${BYLINE_OPENING_WORDS})\\s*:?\\s+\\p{Lu}`, 'iu')
const WIRE_COPYRIGHT = /^c\. ?(?:19|20)[0-9]{2} \p{Lu}/u

function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '')
}

/**
 * The story's paragraphs: `<P>` elements when there are any, else blocks between blank lines; inside a block an
 * indented line after flush-left ones starts a new paragraph (archives that mark paragraphs by indentation only).
 * Lines are trimmed; a hard-wrapped paragraph keeps its line breaks.
 */
export function readParagraphs(text: string): string[] {
  const pieces = /<P(?:\s[^<>]*)?>/i.test(text) ? text.split(/<\/?P(?:\s[^<>]*)?>/i) : [text]
  const out: string[] = []
  for (const piece of pieces) {
    for (const block of piece.split(/\n[ \t]*\n/)) {
      const lines = block.split('\n').filter((l) => l.trim() !== '')
      if (lines.length === 0) continue
      const indents = lines.map((l) => /^[ \t]*/.exec(l)![0].length)
      const least = Math.min(...indents)
      let paragraph: string[] = []
      for (const [i, line] of lines.entries()) {
        if (i > 0 && indents[i]! > least && paragraph.length > 0) {
          out.push(paragraph.join('\n'))
          paragraph = []
        }
        paragraph.push(line.trim())
      }
      if (paragraph.length > 0) out.push(paragraph.join('\n'))
    }
  }
  return out
}

// markup other than <P> inside a field is structure, not words: the tags go, their content stays
function stripTags(text: string, keepP = false): {text: string; tags: number} {
  let tags = 0
  const out = text.replace(/<\/?[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/?>/g, (tag) => {
    if (keepP && /^<\/?P[\s>]/i.test(tag)) return tag
    tags++
    return ' '
  })
  return {text: out, tags}
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function preview(text: string): string {
  const flat = oneLine(text)
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A function from offsets in `text` to 1-based line numbers, by binary search over the line starts. */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
