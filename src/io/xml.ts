/**
 * News articles kept as XML, as newsroom and research archives keep them: NITF (the IPTC News Industry Text Format;
 * the New York Times Annotated Corpus is one NITF file per article), Reuters' RCV1-style NewsML 1 (`<newsitem>`) and
 * IPTC NewsML-G2 (`<newsItem>`, and `<newsMessage>`, which carries several items). The kind is decided by the root
 * element; other XML (an RSS feed, a sitemap) is no article and is left unread with its root named.
 *
 * The reader is a small one of its own, not linkedom's XML parser: linkedom repairs malformed XML without a word
 * (an unclosed `<p>` is closed, a mismatched tag read past), and a file that is not well-formed has to be an error
 * that says where. It reads elements, attributes, text, CDATA, comments, processing instructions and the doctype
 * (entities declared in its internal subset are used); the text is mapped as the SGML wire reader maps a DOC
 * (src/io/sgml.ts), so a byline and a dateline are kept and marked the same way.
 */
import {decodeReferences} from '../text/references.ts'
import {decodeBytes, scrubText, utf16Encoding, windows1252FromLatin1, type DecodeOptions, type DecodeResult, type IngestWarning} from './decode.ts'
import {joinWireText, lineCounter} from './sgml.ts'

/** The XML article formats lede reads, by root element. */
export type XmlKind = 'nitf' | 'newsml-rcv1' | 'newsml-g2' | 'newsml-g2-message'

/** An element read from an XML file: its name as written, its local name (no prefix), attributes, children and line. */
export interface XmlElement {
  name: string
  local: string
  attrs: Record<string, string>
  children: Array<XmlElement | string>
  line: number
  /** offsets of the element's start and end tags' ends in the file's text */
  start: number
  end: number
}

/** One article read from an XML file, with the fields lede keeps. */
export interface XmlArticle {
  /** 1-based line of the element the article was read from */
  line: number
  id: string | null
  title: string | null
  /** headline, byline block (unless left out), dateline (when the story does not start with it), paragraphs; a blank line between */
  text: string
  date: string | null
  url: string | null
  byline: string | null
  extra: Record<string, unknown>
  /** the article's element as written, for a content id when it has no id */
  raw: string
  warnings: IngestWarning[]
}

/** What {@link readXmlArticles} finds in a file: articles and errors in file order; `end` is the offset up to which the item accounts for the text. */
export type XmlItem = ({kind: 'doc'; article: XmlArticle} | {kind: 'error'; line: number; code: string; message: string}) & {end: number}

/** How {@link readXmlArticles} writes an article's text. */
export interface XmlOptions {
  /** write the byline into the text under the headline (default true), as the SGML reader does */
  bylineInText?: boolean
}

const ROOTS: ReadonlyMap<string, XmlKind> = new Map([
  ['nitf', 'nitf'],
  ['newsitem', 'newsml-rcv1'],
  ['newsItem', 'newsml-g2'],
  ['newsMessage', 'newsml-g2-message'],
])

// what a well-known root element that is no article is, for the skip reason
const OTHER_ROOTS: ReadonlyMap<string, string> = new Map([
  ['rss', 'an RSS feed'],
  ['rdf:RDF', 'an RSS 1.0 (RDF) feed'],
  ['feed', 'an Atom feed'],
  ['urlset', 'a sitemap'],
  ['sitemapindex', 'a sitemap index'],
  ['html', 'a web page (name it .html to have it read as one)'],
  ['NewsML', 'a NewsML 1.x envelope (not read: only RCV1-style <newsitem> and NewsML-G2)'],
  ['packageItem', 'a NewsML-G2 package (it points at items and holds no text)'],
  ['conceptItem', 'a NewsML-G2 concept item (no article)'],
  ['knowledgeItem', 'a NewsML-G2 knowledge item (no article)'],
  ['catalog', 'a NewsML-G2 catalog (no article)'],
])

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*/y
// an attribute after white space, its value in either quotes (a "<" in a value is not well-formed)
const ATTR = /\s+([A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y

/** The XML kind lede reads a root element name as, or null for any other root. */
export function xmlKindOf(root: string): XmlKind | null {
  return ROOTS.get(root) ?? ROOTS.get(root.slice(root.indexOf(':') + 1)) ?? null
}

/** Why a file whose root element is `root` is not read (for the listing's skip reason). */
export function describeOtherRoot(root: string): string {
  const what = OTHER_ROOTS.get(root) ?? OTHER_ROOTS.get(root.slice(root.indexOf(':') + 1))
  return `XML whose root element is <${root}>${what ? `, ${what}` : ''}: not a news article format lede reads (an .xml is read when its root is <nitf>, <newsitem> (Reuters RCV1 NewsML), or <newsItem> or <newsMessage> (IPTC NewsML-G2))`
}

/**
 * The name of a file's root element from its first bytes (after the byte-order mark, XML declaration, doctype, comments
 * and processing instructions), or null when the bytes hold none or do not open as XML; UTF-16 is read as such.
 */
export function findXmlRoot(head: Uint8Array): string | null {
  const utf16 = utf16Encoding(head)
  let text: string
  try {
    text = utf16 !== null ? new TextDecoder(utf16.encoding).decode(head) : Buffer.from(head).toString('latin1')
  } catch {
    return null
  }
  let i = text.charCodeAt(0) === 0xfeff ? 1 : text.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++
    let next: number
    if (text.startsWith('<?', i)) next = text.indexOf('?>', i) + 2
    else if (text.startsWith('<!--', i)) next = text.indexOf('-->', i) + 3
    else if (text.startsWith('<!', i)) next = skipDoctype(text, i)
    else break
    // not closed within the head: no root to be seen
    if (next <= i) return null
    i = next
  }
  if (text[i] !== '<') return null
  NAME.lastIndex = i + 1
  return NAME.exec(text)?.[0] ?? null
}

// the end of a `<!DOCTYPE …>` opening at `at` (its internal subset in brackets, quoted strings read past), or -1
function skipDoctype(text: string, at: number): number {
  let depth = 0
  for (let i = at + 2; i < text.length; i++) {
    const c = text[i]
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1)
      if (close < 0) return -1
      i = close
    } else if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '>' && depth <= 0) return i + 1
  }
  return -1
}

/**
 * An XML file's bytes as text: UTF-16 and UTF-32 by their byte-order mark or zero bytes, else the charset the XML
 * declaration names (`encoding="ISO-8859-1"`, said by the warning `ingest:xml-charset`), else as every input is read.
 */
export function decodeXmlBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (utf16Encoding(bytes) !== null) return decodeBytes(bytes)
  const declared = /^(?:\u00ef\u00bb\u00bf)?\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(Buffer.from(bytes.subarray(0, 512)).toString('latin1'))?.[1]
  if (declared === undefined || /^utf-?8$/i.test(declared) || /^utf-?16/i.test(declared)) return decodeBytes(bytes, options)
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(declared)
  } catch {
    const read = decodeBytes(bytes, options)
    if ('error' in read) return read
    return {...read, warnings: [{code: 'ingest:xml-charset', message: `the XML declaration names the charset "${declared}", which lede does not know: read as the bytes are detected to be`}, ...read.warnings]}
  }
  // Node decodes windows-1252 (and iso-8859-1, latin1, which the WHATWG maps to it) as Latin-1: the curly quotes and
  // dashes of 0x80-0x9F, which files declared ISO-8859-1 hold as often as not, would be C1 controls, then removed
  const raw = decoder.decode(bytes)
  const scrubbed = scrubText(decoder.encoding === 'windows-1252' ? windows1252FromLatin1(raw) : raw)
  return {text: scrubbed.text, warnings: [{code: 'ingest:xml-charset', charset: decoder.encoding, message: `read as ${decoder.encoding} (the XML declaration says encoding="${declared}")`}, ...scrubbed.warnings]}
}

/** A malformed file: what is wrong and on which line. */
interface XmlFault {
  line: number
  message: string
}

/** What {@link parseXml} counts while reading references it had to guess at. */
interface EntityNotes {
  /** named references no XML predefines and the file does not declare, read by their HTML meaning, by name */
  guessed: Map<string, number>
  /** named references known nowhere, kept as written */
  unknown: Map<string, number>
  /** `&` that opens no reference, kept as written */
  bare: number
}

// a Map, not an object: `&constructor;` looked up in an object literal found Object's own function
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
])
// deeper than any article's markup (NITF's deepest paths are about 10 elements) and far from the stack's limit
const MAX_DEPTH = 1000

/** Parses an XML document into its root element, or says where it is not well-formed. */
export function parseXml(text: string): {root: XmlElement; notes: EntityNotes} | {fault: XmlFault} {
  const lineOf = lineCounter(text)
  const notes: EntityNotes = {guessed: new Map(), unknown: new Map(), bare: 0}
  const declared = new Map<string, string>()
  const decode = (raw: string) => (raw.includes('&') ? decodeEntities(raw, declared, notes) : raw)
  const fault = (at: number, message: string) => ({fault: {line: lineOf(at), message: `line ${lineOf(at)}: ${message}`}})
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  while (i < text.length) {
    const lt = text.indexOf('<', i)
    const end = lt < 0 ? text.length : lt
    if (end > i) {
      const piece = text.slice(i, end)
      if (stack.length === 0) {
        if (/\S/.test(piece)) return fault(i + piece.search(/\S/), root === null ? 'text before the root element' : 'text after the root element ends')
      } else stack.at(-1)!.children.push(decode(piece))
    }
    if (lt < 0) break
    i = lt
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4)
      if (close < 0) return fault(i, 'a comment (<!--) is never closed')
      i = close + 3
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9)
      if (close < 0) return fault(i, 'a CDATA section is never closed')
      if (stack.length === 0) return fault(i, 'a CDATA section outside the root element')
      stack.at(-1)!.children.push(text.slice(i + 9, close))
      i = close + 3
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2)
      if (close < 0) return fault(i, 'a processing instruction (<?) is never closed')
      i = close + 2
    } else if (text.startsWith('<!', i)) {
      if (stack.length > 0 || root !== null || !/^<!DOCTYPE\s/i.test(text.slice(i, i + 10))) return fault(i, 'a <! declaration where none may stand')
      const close = skipDoctype(text, i)
      if (close < 0) return fault(i, 'the <!DOCTYPE> is never closed')
      readInternalEntities(text.slice(i, close), declared)
      i = close
    } else if (text[i + 1] === '/') {
      NAME.lastIndex = i + 2
      const name = NAME.exec(text)?.[0]
      const close = text.indexOf('>', i)
      if (name === undefined || close < 0 || text.slice(NAME.lastIndex, close).trim() !== '') return fault(i, 'a closing tag that is not well-formed')
      const open = stack.pop()
      if (open === undefined) return fault(i, `</${name}> closes no element`)
      if (open.name !== name) return fault(i, `</${name}> where </${open.name}> (opened on line ${open.line}) should close first`)
      open.end = close + 1
      i = close + 1
    } else {
      NAME.lastIndex = i + 1
      const name = NAME.exec(text)?.[0]
      if (name === undefined) return fault(i, 'a "<" that opens no tag (write it &lt; in text)')
      if (root !== null && stack.length === 0) return fault(i, `a second root element <${name}> after the first ends`)
      const element: XmlElement = {name, local: name.slice(name.indexOf(':') + 1), attrs: {}, children: [], line: lineOf(i), start: i, end: -1}
      let j = NAME.lastIndex
      for (;;) {
        ATTR.lastIndex = j
        const m = ATTR.exec(text)
        if (m === null) break
        element.attrs[m[1]!] = decode(m[2] ?? m[3] ?? '').replace(/\s+/g, ' ')
        j = ATTR.lastIndex
      }
      while (/\s/.test(text[j] ?? '')) j++
      const selfClosing = text.startsWith('/>', j)
      if (!selfClosing && text[j] !== '>') return fault(i, `the start tag <${name}> is not well-formed (an attribute without quotes or an "=", or the tag not closed)`)
      // the readers below walk the tree recursively: a file nested past any article's depth (a generated or hostile
      // one) is refused here, where it would have overflowed the stack and ended the run
      if (stack.length >= MAX_DEPTH) return fault(i, `elements nested more than ${MAX_DEPTH} deep`)
      if (stack.length > 0) stack.at(-1)!.children.push(element)
      else root = element
      if (selfClosing) {
        element.end = j + 2
        i = j + 2
      } else {
        stack.push(element)
        i = j + 1
      }
    }
  }
  if (stack.length > 0) {
    const open = stack.at(-1)!
    return fault(text.length, `the file ends before <${open.name}> (opened on line ${open.line}) is closed (cut off?)`)
  }
  if (root === null) return {fault: {line: 1, message: 'the file holds no XML element'}}
  return {root, notes}
}

// the general entities a doctype's internal subset declares (`<!ENTITY mdash "&#8212;">`), by name; parameter
// entities (`%name;`) and external ones (SYSTEM) are not read
function readInternalEntities(doctype: string, declared: Map<string, string>): void {
  for (const m of doctype.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    if (!declared.has(m[1]!)) declared.set(m[1]!, decodeReferences(m[2] ?? m[3] ?? '').text)
  }
}

function decodeEntities(raw: string, declared: Map<string, string>, notes: EntityNotes): string {
  return raw.replace(/&(?:#([0-9]{1,8})|#x([0-9a-fA-F]{1,7})|([A-Za-z_:][\w.:-]*))?(;?)/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined, semi: string) => {
    if (semi === '' || (dec === undefined && hex === undefined && name === undefined)) {
      notes.bare++
      return whole
    }
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16)
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
      // a control character is no text (ingest removes those of a file's bytes); a carriage return is the line end
      // that follows it, and 0x80-0x9F written as references by Windows tools mean Windows-1252's quotes and dashes
      if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) return ''
      return code >= 0x80 && code <= 0x9f ? windows1252FromLatin1(String.fromCharCode(code)) : String.fromCodePoint(code)
    }
    const known = PREDEFINED.get(name!) ?? declared.get(name!)
    if (known !== undefined) return known
    // the DTD that declares it (NITF's declares the HTML and ISO entity sets) is not shipped: read by its HTML meaning
    const html = decodeReferences(whole)
    const tally = html.count > 0 ? notes.guessed : notes.unknown
    tally.set(name!, (tally.get(name!) ?? 0) + 1)
    return html.text
  })
}

/** The warnings for the references a file's reading had to guess at (none when there were none). */
function describeEntityNotes(notes: EntityNotes): IngestWarning[] {
  const out: IngestWarning[] = []
  const list = (m: Map<string, number>) => [...m.keys()].sort().map((n) => `&${n};`).join(', ')
  if (notes.guessed.size > 0) out.push({code: 'ingest:xml-entity', message: `named entities the file's DTD declares but the file does not ship (${list(notes.guessed)}) read by their HTML meanings`})
  if (notes.unknown.size > 0) out.push({code: 'ingest:xml-entity', message: `named entities lede does not know (${list(notes.unknown)}) kept as written`})
  if (notes.bare > 0) out.push({code: 'ingest:xml-entity', message: `${notes.bare} "&" that open${notes.bare === 1 ? 's' : ''} no reference (XML requires &amp;) kept as written`})
  return out
}

/**
 * The articles of an XML file: one for a NITF, an RCV1 `<newsitem>` or a NewsML-G2 `<newsItem>`, one per item of a
 * `<newsMessage>`; a file that is not well-formed, has another root or no text is an error that says so.
 */
export function readXmlArticles(text: string, options: XmlOptions = {}): {several: boolean; items: XmlItem[]} {
  const bylineInText = options.bylineInText ?? true
  const parsed = parseXml(text)
  if ('fault' in parsed) return {several: false, items: [{kind: 'error', line: parsed.fault.line, code: 'ingest:xml-malformed', message: `not well-formed XML, ${parsed.fault.message}: the file is not read`, end: text.length}]}
  const {root, notes} = parsed
  const kind = xmlKindOf(root.name)
  if (kind === null) return {several: false, items: [{kind: 'error', line: root.line, code: 'ingest:xml-unknown-root', message: describeOtherRoot(root.name), end: text.length}]}
  const fileWarnings = describeEntityNotes(notes)
  const read = (element: XmlElement, which: XmlKind): XmlItem => {
    const parts = which === 'nitf' ? readNitf(element) : which === 'newsml-rcv1' ? readRcv1(element) : readG2Item(element)
    if (typeof parts === 'string') return {kind: 'error', line: element.line, code: 'ingest:xml-no-text', message: `line ${element.line}: ${parts}; not read`, end: element.end}
    const {title, byline, dateline, paragraphs, ...fields} = parts
    // the byline goes in under the headline as the SGML reader writes a <BYLINE> element's words: clean and the quotes
    // stage know its line by meta.byline, so its names are found and never taken as a speaker
    const body = joinWireText({title, bylineBlock: bylineInText && byline !== null ? [byline] : [], dateline, paragraphs})
    return {kind: 'doc', article: {...fields, title, byline, text: body, line: element.line, raw: text.slice(element.start, element.end), warnings: fileWarnings}, end: element.end}
  }
  if (kind !== 'newsml-g2-message') return {several: false, items: [{...read(root, kind), end: text.length}]}
  const items: XmlItem[] = []
  const itemSet = child(root, 'itemSet')
  for (const element of itemSet ? elements(itemSet) : []) {
    if (element.local === 'newsItem') items.push(read(element, 'newsml-g2'))
    else items.push({kind: 'error', line: element.line, code: 'ingest:xml-not-article', message: `line ${element.line}: a <${element.name}> in the newsMessage's itemSet is no news article (only <newsItem> is read)`, end: element.end})
  }
  if (items.length === 0) return {several: false, items: [{kind: 'error', line: root.line, code: 'ingest:xml-no-text', message: 'the newsMessage holds no items (no <itemSet>, or an empty one)', end: text.length}]}
  items.at(-1)!.end = text.length
  return {several: true, items}
}

// what a reader finds in one article element, before its text is written
interface Parts {
  id: string | null
  title: string | null
  byline: string | null
  dateline: string | null
  paragraphs: string[]
  date: string | null
  url: string | null
  extra: Record<string, unknown>
}

// NITF 3.x: head/title, head/docdata (doc-id, date.issue, series), head/pubdata, head/meta; body/body.head (hedline,
// byline, dateline, abstract), body/body.content (blocks of <p>), body/body.end (tagline)
function readNitf(nitf: XmlElement): Parts | string {
  const head = child(nitf, 'head')
  const body = child(nitf, 'body')
  const bodyHead = body ? child(body, 'body.head') : undefined
  const content = body ? child(body, 'body.content') : undefined
  const docdata = head ? child(head, 'docdata') : undefined
  const pubdata = head ? child(head, 'pubdata') : undefined
  const hedline = bodyHead ? child(bodyHead, 'hedline') : undefined
  const id = attr(docdata && child(docdata, 'doc-id'), 'id-string')
  const title = words(hedline && child(hedline, 'hl1')) ?? words(head && child(head, 'title'))
  const bylines = bodyHead ? children(bodyHead, 'byline') : []
  // the NYT corpus gives each byline twice: as printed (class="print_byline", `By JANE DOE`) and normalised (`Doe, Jane`)
  const printed = bylines.find((b) => b.attrs.class !== 'normalized_byline') ?? bylines[0]
  const byline = words(printed)
  const dateline = words(bodyHead && child(bodyHead, 'dateline'))
  // the NYT corpus's full_text block repeats its lead_paragraph block: the full text alone when there is one
  const blocks = content ? children(content, 'block') : []
  const full = blocks.filter((b) => b.attrs.class === 'full_text')
  const paragraphs = content ? readBlockParagraphs(full.length > 0 ? {...content, children: full} : content) : []
  const extra: Record<string, unknown> = {format: 'nitf'}
  for (const meta of head ? children(head, 'meta') : []) if (meta.attrs.name !== undefined && meta.attrs.content !== undefined) extra[meta.attrs.name] = meta.attrs.content
  put(extra, 'subtitle', words(hedline && child(hedline, 'hl2')))
  put(extra, 'abstract', words(bodyHead && child(bodyHead, 'abstract')))
  put(extra, 'series', attr(bodyHead && child(bodyHead, 'series'), 'series.name') ?? attr(docdata && child(docdata, 'series'), 'series.name'))
  put(extra, 'tagline', words(body && child(body, 'body.end')))
  put(extra, 'publication', attr(pubdata, 'name'))
  if (bylines.length > 1) extra.bylines = bylines.map((b) => words(b)).filter((b) => b !== null)
  const classifiers = docdata ? findAll(docdata, (e) => ['classifier', 'person', 'org', 'location', 'object.title', 'event', 'function'].includes(e.local)) : []
  if (classifiers.length > 0) extra.classifiers = classifiers.map((c) => `${c.local}${c.attrs.type ? `/${c.attrs.type}` : ''}: ${words(c) ?? ''}`)
  if (paragraphs.length === 0) return `the NITF article${id ? ` "${id}"` : ''} has no body text (no paragraphs in <body.content>)`
  const date = attr(pubdata, 'date.publication') ?? attr(docdata && child(docdata, 'date.issue'), 'norm')
  const url = attr(pubdata, 'ex-ref') ?? null
  return {id, title, byline, dateline, paragraphs, date, url: url !== null && /^https?:\/\//.test(url) ? url : null, extra}
}

// RCV1 (Reuters Corpus Volume 1): <newsitem itemid date> with <title>, <headline>, <byline>, <dateline>, <text> of
// <p>, <copyright> and <metadata> (<codes class> of <code code>, <dc element value>)
function readRcv1(item: XmlElement): Parts | string {
  const id = item.attrs.itemid ?? null
  const headline = words(child(item, 'headline'))
  const title = headline ?? words(child(item, 'title'))
  const byline = words(child(item, 'byline'))
  const dateline = words(child(item, 'dateline'))
  const body = child(item, 'text')
  const paragraphs = body ? readBlockParagraphs(body) : []
  if (paragraphs.length === 0) return `the newsitem${id ? ` "${id}"` : ''} has no text (no paragraphs in <text>)`
  const extra: Record<string, unknown> = {format: 'newsml-rcv1'}
  if (headline !== null) put(extra, 'title', words(child(item, 'title')))
  put(extra, 'copyright', words(child(item, 'copyright')))
  put(extra, 'lang', item.attrs['xml:lang'] ?? null)
  const metadata = child(item, 'metadata')
  if (metadata) {
    const codes: Record<string, string[]> = {}
    for (const group of children(metadata, 'codes')) codes[group.attrs.class ?? ''] = children(group, 'code').map((c) => c.attrs.code ?? '')
    if (Object.keys(codes).length > 0) extra.codes = codes
    const dc: Record<string, string> = {}
    for (const e of children(metadata, 'dc')) if (e.attrs.element !== undefined) dc[e.attrs.element] = e.attrs.value ?? ''
    if (Object.keys(dc).length > 0) extra.dc = dc
  }
  return {id, title, byline, dateline, paragraphs, date: item.attrs.date ?? null, url: null, extra}
}

// NewsML-G2 <newsItem guid>: itemMeta (itemClass, versionCreated, firstCreated), contentMeta (headline, by, creator,
// dateline, located, slugline, subject, language, contentCreated), contentSet (inlineXML of NITF or XHTML, inlineData)
function readG2Item(item: XmlElement): Parts | string {
  const id = item.attrs.guid ?? null
  const itemMeta = child(item, 'itemMeta')
  const contentMeta = child(item, 'contentMeta')
  const contentSet = child(item, 'contentSet')
  let title = words(contentMeta && child(contentMeta, 'headline'))
  const creatorName = (() => {
    const creator = contentMeta && child(contentMeta, 'creator')
    return creator ? (words(child(creator, 'name')) ?? creator.attrs.literal ?? null) : null
  })()
  let byline = words(contentMeta && child(contentMeta, 'by')) ?? creatorName
  let dateline = words(contentMeta && child(contentMeta, 'dateline'))
  const extra: Record<string, unknown> = {format: 'newsml-g2'}
  let paragraphs: string[] = []
  // the first content a reader of text can use: inline NITF or XHTML, else plain text inline
  const parts = contentSet ? elements(contentSet) : []
  for (const part of parts) {
    const type = (part.attrs.contenttype ?? '').toLowerCase()
    if (part.local === 'inlineXML') {
      const inner = elements(part)[0]
      if (inner === undefined) continue
      if (inner.local === 'nitf') {
        const nitf = readNitf(inner)
        if (typeof nitf === 'string') continue
        paragraphs = nitf.paragraphs
        // the item's contentMeta outranks what its NITF says of itself
        title ??= nitf.title
        byline ??= nitf.byline
        dateline ??= nitf.dateline
      } else {
        const bodies = inner.local === 'html' ? children(inner, 'body') : [inner]
        paragraphs = bodies.flatMap((b) => readBlockParagraphs(b))
        // an XHTML body opening with its headline repeats the title
        if (title !== null && paragraphs[0] === title) paragraphs = paragraphs.slice(1)
      }
    } else if (part.local === 'inlineData' && (type === '' || type.startsWith('text/plain'))) {
      paragraphs = textOf(part).split(/\n[ \t]*\n/).map((p) => p.trim()).filter((p) => p !== '')
    } else continue
    if (paragraphs.length > 0) {
      extra.contenttype = type
      break
    }
  }
  const itemClass = attr(itemMeta && child(itemMeta, 'itemClass'), 'qcode')
  put(extra, 'itemClass', itemClass)
  put(extra, 'version', item.attrs.version ?? null)
  put(extra, 'slugline', words(contentMeta && child(contentMeta, 'slugline')))
  put(extra, 'language', attr(contentMeta && child(contentMeta, 'language'), 'tag') ?? item.attrs['xml:lang'] ?? null)
  put(extra, 'located', words(contentMeta && child(contentMeta, 'located')))
  put(extra, 'provider', attr(itemMeta && child(itemMeta, 'provider'), 'qcode') ?? attr(itemMeta && child(itemMeta, 'provider'), 'literal'))
  const subjects = contentMeta ? children(contentMeta, 'subject') : []
  if (subjects.length > 0) extra.subjects = subjects.map((s) => [s.attrs.qcode, words(child(s, 'name'))].filter((x) => x).join(' '))
  if (paragraphs.length === 0) return `the newsItem${id ? ` "${id}"` : ''}${itemClass ? ` (${itemClass})` : ''} has no text (no inline NITF, XHTML or plain text in its <contentSet>)`
  const date = words(contentMeta && child(contentMeta, 'contentCreated')) ?? words(itemMeta && child(itemMeta, 'firstCreated')) ?? words(itemMeta && child(itemMeta, 'versionCreated'))
  const link = itemMeta ? children(itemMeta, 'link').find((l) => /^https?:\/\//.test(l.attrs.href ?? '')) : undefined
  return {id, title, byline, dateline, paragraphs, date, url: link?.attrs.href ?? null, extra}
}

// elements whose words are one paragraph each; what is not one of them is read through for them, and words
// standing loose beside them are a paragraph of their own
const PARAGRAPHS = new Set(['p', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'tr', 'caption'])
// parts of an article's body that are not its story: pictures and their credits, notes to editors
const NOT_STORY = new Set(['media', 'media-reference', 'media-caption', 'media-producer', 'media-metadata', 'note', 'img', 'figure', 'script', 'style'])

/** The paragraphs of an article's body: `<p>` and the other paragraph elements (NITF's and XHTML's), one each, in order. */
function readBlockParagraphs(body: XmlElement): string[] {
  const out: string[] = []
  const walk = (element: XmlElement) => {
    let loose = ''
    const flush = () => {
      const flat = oneLine(loose)
      if (flat !== '') out.push(flat)
      loose = ''
    }
    for (const node of element.children) {
      if (typeof node === 'string') {
        loose += node
        continue
      }
      if (NOT_STORY.has(node.local)) continue
      if (PARAGRAPHS.has(node.local)) {
        flush()
        const line = node.local === 'tr' ? elements(node).map((c) => oneLine(textOf(c))).join('\t') : node.local === 'pre' ? textOf(node).replace(/^\n+|\s+$/g, '') : paragraphText(node)
        if (line.trim() !== '') out.push(line)
      } else if (INLINE.has(node.local)) loose += textOf(node)
      else {
        flush()
        walk(node)
      }
    }
    flush()
  }
  walk(body)
  return out
}
// markup inside a paragraph (NITF's inline elements, XHTML's): its words stay in the line
const INLINE = new Set(['a', 'em', 'strong', 'b', 'i', 'u', 'span', 'person', 'org', 'location', 'event', 'function', 'object.title', 'virtloc', 'chron', 'copyrite', 'money', 'num', 'frac', 'sub', 'sup', 'q', 'classifier', 'alt-code', 'pronounce', 'lang', 'abbr', 'cite', 'code', 'small', 'big', 'br'])

// a paragraph on one line, a <br/> kept as a line break
function paragraphText(element: XmlElement): string {
  const pieces: string[] = []
  const walk = (e: XmlElement) => {
    for (const node of e.children) {
      // a line break in the file is white space, as a browser reads it; only <br/> breaks the line
      if (typeof node === 'string') pieces.push(node.replace(/\s+/g, ' '))
      else if (node.local === 'br') pieces.push('\n')
      else if (!NOT_STORY.has(node.local)) walk(node)
    }
  }
  walk(element)
  return pieces.join('').split('\n').map(oneLine).filter((l) => l !== '').join('\n')
}

function textOf(element: XmlElement): string {
  return element.children.map((node) => (typeof node === 'string' ? node : textOf(node))).join('')
}

function words(element: XmlElement | undefined): string | null {
  return element ? oneLine(textOf(element)) || null : null
}

function attr(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attrs[name]?.trim()
  return value ? value : null
}

function put(extra: Record<string, unknown>, key: string, value: string | null): void {
  if (value !== null) extra[key] = value
}

function elements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string')
}

function child(element: XmlElement, local: string): XmlElement | undefined {
  return elements(element).find((c) => c.local === local)
}

function children(element: XmlElement, local: string): XmlElement[] {
  return elements(element).filter((c) => c.local === local)
}

function findAll(element: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  return elements(element).flatMap((c) => [...(test(c) ? [c] : []), ...findAll(c, test)])
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

