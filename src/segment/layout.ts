/**
 * Paragraph layout of a plain-text article, decided per document: one paragraph a line (scraped pages, JSONL
 * exports, research corpora) or hard-wrapped (wire archives, LDC-style corpora, e-mail newsletters, text
 * exports: lines broken at a fixed width inside paragraphs, paragraphs apart by a blank line or an indent).
 * In a hard-wrapped document a line break inside a paragraph is a wrap: later stages read it as a space.
 */
import {matchDateline} from '../dateline/find-dateline.ts'

/** What {@link detectLayout} found: whether lines are wrapped at a width, and the width. */
export interface Layout {
  wrapped: boolean
  /** the estimated wrap width in characters (0 when the document is not wrapped) */
  width: number
}

interface LineInfo {
  start: number
  /** length without trailing white space, indentation included */
  length: number
  indent: number
  blank: boolean
  /** where the text of the line starts and ends (indent and trailing space left out) */
  from: number
  to: number
  /** the rest is read only for lines that may be wraps (see {@link detail}) */
  detailed: boolean
  /** length of the first word (what a wrapper could not fit on the line before) */
  firstWord: number
  startsLower: boolean
  /** ends without a sentence stop or a colon: the sentence goes on */
  open: boolean
  /** ends on a word no sentence ends with ("and", "the", "for"): the line surely goes on */
  dangling: boolean
  /** the whole line is a dateline ("LONDON 1996-12-06"): it stands alone */
  dateline: boolean
  bullet: boolean
  /** has columns (two or more spaces, or a tab, between words): a table row */
  tabular: boolean
  /** ends on a letter and one hyphen ("Appropria-", "long-"; not "--", "30-" or " -"): a word a wrapper may have broken */
  hyphenated: boolean
  /** the first character after any opening quote or bracket is a letter */
  startsLetter: boolean
  /** starts with a mark that closes what came before (",", ";", ":", ")", "]"): no paragraph starts so */
  startsClosing: boolean
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x0c || code === 0x0b || code === 0x3000 || code === 0xfeff
}

function describeLines(text: string): LineInfo[] {
  const lines: LineInfo[] = []
  let start = 0
  for (;;) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let e = end
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--
    let s = start
    while (s < e && isSpace(text.charCodeAt(s))) s++
    lines.push({
      start,
      length: e - start,
      indent: s - start,
      blank: s >= e,
      from: s,
      to: e,
      detailed: false,
      firstWord: 0,
      startsLower: false,
      open: false,
      dangling: false,
      dateline: false,
      bullet: false,
      tabular: false,
      hyphenated: false,
      startsLetter: false,
      startsClosing: false,
    })
    if (end >= text.length) break
    start = end + 1
  }
  return lines
}

// a letter, then one hyphen (ASCII, U+2010 or a soft hyphen) ending the line: "--" and "30-" do not end so
const LINE_END_HYPHEN = /\p{L}[-\u2010\u00ad]$/u

const OPENERS = '"“‘\'«(['
const DANGLING = /(?:^|\s)(?:and|or|but|nor|the|a|an|of|in|on|at|to|for|with|by|from|as|than|that)$/
// the same words in a line set in capitals (headlines, some wire archives); not "A", which ends "GROUP A" and "PLAN A"
// an opening bracket or quote ends no line a writer breaks: "( 79th minute )" broken after "("
const OPENING_END = /[([{“«]$/
const DANGLING_CAPITALS = /(?:^|\s)(?:AND|OR|BUT|NOR|THE|AN|OF|IN|ON|AT|TO|FOR|WITH|BY|FROM|AS|THAN|THAT)$/

/** Reads what only a line that may be a wrap needs (kept lazy: one-paragraph-a-line text rarely gets here). */
function detail(text: string, line: LineInfo): LineInfo {
  if (line.detailed) return line
  line.detailed = true
  const s = line.from
  const e = line.to
  let w = s
  while (w < e && !isSpace(text.charCodeAt(w))) w++
  let f = s
  while (f < e && OPENERS.includes(text[f]!)) f++
  const first = f < e ? text[f]! : ''
  const body = text.slice(s, e)
  line.firstWord = w - s
  line.open = !/[.!?:;…]["”’'»)\]]*$/.test(body)
  line.dangling = DANGLING.test(body) || (DANGLING_CAPITALS.test(body) && !/\p{Ll}/u.test(body)) || OPENING_END.test(body)
  line.dateline = body.length <= 80 && /[0-9]$/.test(body) && matchDateline(body) !== null
  line.startsLower = first !== '' && first !== first.toUpperCase() && first === first.toLowerCase()
  line.bullet = /^(?:[-*•·▪◦‣]|\d{1,2}[.)])\s/.test(body)
  line.tabular = COLUMNS.test(body)
  line.hyphenated = LINE_END_HYPHEN.test(body)
  line.startsLetter = first !== '' && /\p{L}/u.test(first)
  line.startsClosing = s < e && ',;:)]}'.includes(text[s]!)
  return line
}

// the end of a table row: a figure or a closing bracket
const ROW_END = /[0-9)]$/

// columns: two spaces or more, or a tab, between two words
const COLUMNS = /\S(?: {2,}|\t)\S/

/** Whether a line has columns (a table row); read without {@link detail}, for the width's lines. */
function isTableRow(text: string, line: LineInfo): boolean {
  return line.detailed ? line.tabular : COLUMNS.test(text.slice(line.from, line.to))
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

/** Decides whether a document is hard-wrapped: lines go on mid-sentence (the next one starts in lowercase), and lines that go on have a common maximum length. */
export function detectLayout(text: string): Layout {
  return layoutOf(text, describeLines(text))
}

function layoutOf(text: string, lines: LineInfo[]): Layout {
  const notWrapped = {wrapped: false, width: 0}
  // the width first, from lengths alone: lines of a paragraph each (hundreds of characters) end the question early
  const goOn: number[] = []
  for (let i = 0; i + 1 < lines.length; i++) if (!lines[i]!.blank && !lines[i + 1]!.blank) goOn.push(lines[i]!.length)
  if (goOn.length === 0) return notWrapped
  goOn.sort((a, b) => a - b)
  if (quantile(goOn, 0.95) > 200) return notWrapped
  // rows of a table going on into the next row are neither prose nor wraps: left out, their number would outweigh
  // the prose lines that stop mid-sentence, and their lengths would set the width (a story with a results table)
  goOn.length = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!
    const next = lines[i + 1]!
    if (!line.blank && !next.blank && !(isTableRow(text, line) && isTableRow(text, next))) goOn.push(line.length)
  }
  if (goOn.length === 0) return notWrapped
  goOn.sort((a, b) => a - b)
  const width = quantile(goOn, 0.95)
  if (width > 200 || width < 20) return notWrapped
  // hardly any line of a wrapped document runs past the width (a table row is no wrapped line: it may)
  let longer = 0
  let nonBlank = 0
  for (const line of lines) {
    if (line.blank) continue
    nonBlank++
    if (line.length > width + 8 && !isTableRow(text, line)) longer++
  }
  if (longer > Math.max(1, 0.05 * nonBlank)) return notWrapped
  // the widest line of the document: a wrapper fills each line it breaks as far as the next word allows
  let widest = 0
  for (const line of lines) if (!line.blank && line.length > widest) widest = line.length
  // lines that stop mid-sentence: the next starts in lowercase (strong), or the line has no final stop and is not a table row
  const midSentence: number[] = []
  // lines that go on, have no final stop and could not have taken the next line's first word within the widest line
  let fitted = 0
  // the one line that goes on, when only one does
  let only = -1
  let lowercase = 0
  // lines ending in a broken word ("Appropria-") that the next line goes on in lowercase ("tions"): only a wrapper
  // breaks a word at a line's end, so two of them say the document is wrapped whatever its lines' lengths
  let broken = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank) continue
    const next = lines[i + 1]
    if (next === undefined || next.blank) continue
    detail(text, line)
    detail(text, next)
    if (next.startsLower && !line.tabular) {
      lowercase++
      if (line.hyphenated) broken++
      midSentence.push(line.length)
    } else if (line.open && !line.tabular && !next.bullet) {
      // a line that ends on a word no sentence ends with ("in a", "WITH"), on an opening bracket, or on a word broken
      // by a hyphen before a letter ("QUALI-" / "FIER"), goes on as surely as one followed by lowercase: the only
      // evidence a text in capitals, or a short text whose lines go on before capitals, gives; counted only when the
      // next word would not have fitted on the line (a short "Results from the" above a table is a heading the source
      // broke, not a wrap). A list item's line that goes on so is wrapped too
      const sure = (line.dangling || next.startsClosing || (line.hyphenated && next.startsLetter)) && line.length + 1 + next.firstWord > width - Math.round(width * 0.1)
      if (line.bullet && !sure) continue
      if (sure) lowercase++
      if (line.length + 1 + next.firstWord > widest) {
        fitted++
        only = i
      }
      midSentence.push(line.length)
    }
  }
  if (midSentence.length === 0) return notWrapped
  midSentence.sort((a, b) => a - b)
  // a wrapper breaks lines mid-sentence when they are nearly full; one-paragraph-a-line text breaks where paragraphs end.
  // A line going on in lowercase is strong evidence; lines merely without a final stop (headings, labels) need numbers
  const typical = quantile(midSentence, 0.5)
  const strong = lowercase > 0 && midSentence.length >= 0.3 * goOn.length && typical >= 0.7 * width
  const weak = midSentence.length >= 3 && midSentence.length >= 0.5 * goOn.length && typical >= 0.85 * width
  const hyphenated = broken >= 2 && midSentence.length >= 0.3 * goOn.length
  // a short story (a few lines, or set in capitals) gives no lowercase continuation and too few lines for the numbers:
  // every line that goes on has no final stop and is full to the widest line (the next word would not have fitted)
  const full = fitted === goOn.length && widest >= 40 && (fitted >= 2 || shownWidth(lines, only))
  // a short story of one-line paragraphs but one, two lines whose first is the widest line: no other line shows
  // the width, so the sentence itself must say it goes on (see closesSentence); and the width must be one wrappers
  // use (a results line of 174 characters over "Halftime : 18-0 ." is a paragraph a line, not a wrap)
  const closing = fitted === 1 && goOn.length === 1 && widest >= 40 && widest <= MAX_SINGLE_WRAP && closesSentence(text, lines, only)
  if (!strong && !weak && !hyphenated && !full && !closing) return notWrapped
  return {wrapped: true, width}
}

// the widest a line wrapped on this evidence alone may be: wrappers break at 60 to 80 columns (fold 80, mail 72-78,
// textwrap 70), some archives at 100
const MAX_SINGLE_WRAP = 100

// a sentence's end: a stop, then any closing quotes or brackets
const SENTENCE_END = /[.!?…]["”’'»)\]]*$/

/**
 * Whether line `at`, the widest of the document and the only one going on, opens a sentence its next line ends: the
 * next line is shorter, ends on a stop and is no table row. A heading or label over a line (`Storm hits the coast` /
 * `Waves broke over the sea wall`) ends on no stop; a one-paragraph-a-line text's paragraphs outrun its heading.
 */
function closesSentence(text: string, lines: LineInfo[], at: number): boolean {
  const line = lines[at]!
  const next = lines[at + 1]!
  if (line.dateline || next.dateline || next.tabular || next.bullet || line.bullet || next.length >= line.length) return false
  return SENTENCE_END.test(text.slice(next.from, next.to))
}

/** Whether a line other than line `at` and the one after it is at least as long: the width is one the document shows elsewhere. */
function shownWidth(lines: LineInfo[], at: number): boolean {
  const length = lines[at]!.length
  for (let i = 0; i < lines.length; i++) if (i !== at && i !== at + 1 && !lines[i]!.blank && lines[i]!.length >= length) return true
  return false
}

// a capitalised word right before a line-end hyphen, and a capital opening the next line
const CAPITAL_HEAD = /(?:^|[^\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*[-\u2010\u00ad]$/u
const CAPITAL_START = /^\p{Lu}/u

// whether the line ends on a capitalised word and its hyphen and the next line opens on a capital: a compound of two
// capitalised words (a double-barrelled surname, `Austro-` / `Hungarian`) a wrapper broke at its own hyphen
function breaksCapitalCompound(text: string, line: LineInfo, next: LineInfo): boolean {
  return CAPITAL_START.test(text.slice(next.from, next.from + 1)) && CAPITAL_HEAD.test(text.slice(Math.max(line.from, line.to - 64), line.to))
}

/** Offsets of the line breaks that are wraps inside a paragraph (ascending); empty when the document is not hard-wrapped. */
export function findWraps(text: string): number[] {
  if (!text.includes('\n')) return []
  const lines = describeLines(text)
  const layout = layoutOf(text, lines)
  if (!layout.wrapped) return []
  const slack = Math.round(layout.width * 0.1)
  const wraps: number[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!
    const next = lines[i + 1]!
    if (line.blank || next.blank) continue
    detail(text, line)
    detail(text, next)
    // a dash opening the next line after a full line that goes on is the text's own dash, which did not fit
    // ("... the role they had scripted" / "- in the campaign ad"), not a list: a list item follows a stop or a colon
    if (next.bullet && !(text[next.from] === '-' && !line.bullet && line.open && !line.tabular && line.length + 2 > layout.width)) continue
    if (next.dateline || line.dateline) continue
    // an indented first line opens a paragraph; a table row never runs on into the next
    if (next.indent > line.indent + 1 && !next.startsLower) continue
    // an indented table row ending on a figure or a bracket, then a line indented alike: the table ends, a paragraph
    // opens (wire copy whose paragraphs and tables open indented: `   Le Havre  1  Caen  1` / `   Played Tuesday :`)
    if (line.tabular && line.indent >= 2 && next.indent === line.indent && !next.startsLower && ROW_END.test(text.slice(line.from, line.to))) continue
    if (line.tabular && next.tabular) continue
    // a wrapper breaks a line only when the next word would not fit on it; a capitalised word and a hyphen ending a
    // line before a capital ("Harrington-" / "Smith") is a compound name broken at its own hyphen, wherever it was
    // broken (no paragraph ends on a hyphen)
    if (next.startsLower || (line.dangling && !line.tabular) || line.length + 1 + next.firstWord > layout.width - slack || (line.hyphenated && !line.tabular && breaksCapitalCompound(text, line, next))) wraps.push(next.start - 1)
  }
  return wraps
}

/**
 * The text as later stages read it: every line break inside a paragraph (a wrap) becomes a space. Same length as
 * `text`, so every offset found in it indexes `text` too; the original newline stays in the article.
 */
export function unwrapText(text: string, paragraphs: readonly {start: number; end: number}[] | undefined): string {
  if (paragraphs === undefined || !text.includes('\n')) return text
  let out: string[] | null = null
  let from = 0
  for (const paragraph of paragraphs) {
    let at = text.indexOf('\n', paragraph.start)
    while (at >= 0 && at < paragraph.end) {
      out ??= []
      out.push(text.slice(from, at), ' ')
      from = at + 1
      at = text.indexOf('\n', at + 1)
    }
  }
  if (out === null) return text
  out.push(text.slice(from))
  return out.join('')
}
