/**
 * Finds quoted stretches of text from their marks: straight and curly double and single quotes
 * (apostrophes told apart by what follows), guillemets, „low“ quotes, wire-service ``pairs'',
 * em-dash dialogue paragraphs, quotes continued over paragraphs, and quotes left unclosed.
 */
import type {Span, Token} from '../doc.ts'
import {lookupCue, lookupPhrasalCue, NO_INVERSION} from './cues.ts'
import {readQuoteWords, type Word} from './words.ts'
import {findCueAt as speakersCueAt, DETERMINERS, findPhraseAfter, isParticiple, PRONOUNS, findSubjectAfterQuote} from './phrases.ts'
import {countBefore} from '../text/search.ts'

/** How a quotation was marked. */
export type QuoteStyle = 'double' | 'single' | 'guillemet' | 'dash'

/** A quoted span found from its marks; `start`/`end` cover the quoted words without the marks. */
export interface QuoteSpan extends Span {
  /** `direct` when the quote stands as an utterance of its own, `partial` when it is embedded in narrative */
  kind: 'direct' | 'partial'
  style: QuoteStyle
  /** offset of the opening mark (the dash of a dialogue paragraph) */
  open: number
  /** offset just after the closing mark; equals `end` when the quote has none */
  close: number
  /** number of paragraphs the quote runs over */
  paragraphs: number
  /** set when the quote was never closed and was cut at its paragraph's end */
  unclosed?: boolean
}

type Family = 'd' | 's' | 'g'

/** A quote still open at a paragraph's end whose next paragraph opens with a mark of its family. */
interface Carried {
  mark: OpenMark
  paragraphs: number
  /** the paragraph its mark opened in, and the quotes closed there before it (its kind is decided by them) */
  markPara: Span
  siblings: readonly QuoteSpan[]
}

interface OpenMark {
  family: Family
  markStart: number
  markEnd: number
  /** opened by a low mark („ ‚), closed by a high one */
  low?: boolean
  /** a guillemet pair written »like this« */
  reversed?: boolean
  /** quote begins at its paragraph's start (after whitespace) */
  paragraphStart: boolean
  /** opened by a curly left double mark (“), or a straight one (") that only opens where it stands */
  opener?: boolean
  /** where the first such mark opened inside this quote while it was the outermost one open (see {@link findQuotes}) */
  nestedAt?: number
}

const MARK_CHARS = /["'`<«»‘’‚“”„‹›]/g
const OPENING_CONTEXT = new Set(['(', '[', '{', '<', '—', '–', '-', '/', '“', '‘', '«', '„', '‚', '‹', '"', "'", '`', '\u2015'])
const CLOSING_CONTEXT = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '…', '—', '–', '-', '/', '”', '’', '»', '›', '"', "'", '>', '*', '\u2015'])
// words that an apostrophe at their start elides: not an opening quote
const ELIDED = /^(?:(?:em|til|cause|n|tis|twas|bout|nother|ol)(?![\p{L}\p{N}])|\d)/iu

function isSpace(ch: string): boolean {
  return ch === '' || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u2009' || ch === '\u202f'
}

function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}]/u.test(ch)
}

/** Whether an unclosed quote ending at `end` was cut before an opening mark on its line, not at its paragraph's end. */
export function isCutBeforeOpeningMark(text: string, end: number): boolean {
  // findQuotes cuts such a quote before the “ (or opening ") nested in it, and its span's end is trimmed of spaces
  return /^[^\S\n]*[“"]/u.test(text.slice(end, end + 16))
}

/** Finds every quotation in `text`, paragraph by paragraph, in document order (linear in the text length). */
export function findQuotes(text: string, paragraphs: Span[], tokens: readonly Token[]): QuoteSpan[] {
  const paras = paragraphs.length > 0 ? paragraphs : [{start: 0, end: text.length}]
  const quotes: QuoteSpan[] = []
  // the unclosed quotes go in order by start; sorting the whole list at each one was quadratic on a text with an
  // unclosed quote in every paragraph. A stable sort of the list as it stood at the last one gives the same order
  // as sorting at each one (equal starts keep their order), and what came after was never sorted
  let sortedPrefix = 0
  let carried: Carried | null = null
  const marks: MarkMemo = {from: Infinity, at: -1}
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!
    const found: QuoteSpan[] = []
    let scanFrom = para.start
    let stack: OpenMark[] = []
    let carriedCount = 1
    // the quote carried into this paragraph, if any (where its mark opened)
    const carriedFrom: Carried | null = carried
    if (carried) {
      // the previous paragraph's quote continues: skip this paragraph's opening mark
      const markEnd = continuationMarkEnd(text, para, carried.mark.family)
      if (markEnd !== null) {
        stack = [carried.mark]
        carriedCount = carried.paragraphs + 1
        scanFrom = markEnd
      } else {
        if (emitUnclosed(text, quotes, carried.mark, paras[p - 1]!, carried.paragraphs, carried.markPara, carried.siblings)) sortedPrefix = quotes.length
      }
      carried = null
    }
    if (stack.length === 0) {
      const dialogue = findDialogue(text, para, tokens)
      if (dialogue.length > 0) {
        quotes.push(...dialogue)
        continue
      }
    }
    let result = scanParagraph(text, para, scanFrom, stack, found, carriedCount, marks)
    const next = paras[p + 1]
    // a “ (or a " that can only open) that never closes in its paragraph (nor goes on in the next), with another such
    // mark opened inside it, is a quote whose closing mark was mistyped (`“Let’s go.’ ...`) or whose paragraphs were
    // joined (a quote over paragraphs opens each and closes only the last): every quote after it nested in it and was
    // lost, all of an article's remaining quotes when its paragraphs were joined into one line. It is cut before the
    // inner mark, unclosed, and the paragraph is read again from there.
    while (result?.opener === true && result.nestedAt !== undefined && result.markStart >= para.start && !(next && continuationMarkEnd(text, next, result.family) !== null)) {
      const from = result.nestedAt
      classifyKinds(text, para, found)
      emitUnclosed(text, found, result, {start: para.start, end: from}, 1, para, found)
      found.sort((a, b) => a.start - b.start)
      result = scanParagraph(text, para, from, [], found, 1, marks)
    }
    classifyKinds(text, para, found)
    quotes.push(...found)
    if (result) {
      // the paragraph the mark opened in, and the quotes closed there before it
      const markPara: Span = carriedCount > 1 && carriedFrom ? carriedFrom.markPara : para
      const siblings: readonly QuoteSpan[] = carriedCount > 1 && carriedFrom ? carriedFrom.siblings : found
      if (next && continuationMarkEnd(text, next, result.family) !== null) carried = {mark: result, paragraphs: carriedCount, markPara, siblings}
      else if (emitUnclosed(text, quotes, result, para, carriedCount, markPara, siblings)) sortedPrefix = quotes.length
    }
  }
  if (sortedPrefix > 0) {
    const head = quotes.slice(0, sortedPrefix).sort((a, b) => a.start - b.start)
    for (let k = 0; k < sortedPrefix; k++) quotes[k] = head[k]!
  }
  return quotes
}

// where the opening mark that continues a quote ends, or null when the paragraph does not open with one
function continuationMarkEnd(text: string, para: Span, family: Family): number | null {
  let i = para.start
  while (i < para.end && isSpace(text[i]!)) i++
  const ch = text[i] ?? ''
  if (family === 'd') {
    if (ch === '“' || ch === '"' || ch === '„' || ch === '”') return i + 1
    if (text.startsWith("''", i) || text.startsWith('``', i)) return i + 2
  } else if (family === 's') {
    if (ch === '‘' || ch === "'" || ch === '‚' || ch === '’') return i + 1
  } else if (ch === '«' || ch === '»') return i + 1
  return null
}

/**
 * Adds an unclosed quote to the end of `out` (the caller sorts); false when the mark makes none. Its kind is decided as
 * for a closed one, by what stands before its mark in `markPara` among the quotes `siblings` closed there: until
 * 2026-12-01 only a mark opening its paragraph made it direct, so `…," Smith said. "The people are with us.` followed by
 * a narrative paragraph was a fragment without a cue of its own and was dropped.
 */
function emitUnclosed(text: string, out: QuoteSpan[], mark: OpenMark, para: Span, paragraphs: number, markPara: Span, siblings: readonly QuoteSpan[]): boolean {
  // an unclosed single quote mid-paragraph is more likely a stray apostrophe than speech
  if (mark.family === 's' && !mark.paragraphStart) return false
  const span = trim(text, mark.markEnd, para.end)
  if (span.end <= span.start) return false
  const quote: QuoteSpan = {
    start: span.start,
    end: span.end,
    kind: mark.paragraphStart ? 'direct' : 'partial',
    style: styleOf(mark.family),
    open: mark.markStart,
    close: span.end,
    paragraphs,
    unclosed: true,
  }
  if (quote.kind === 'partial') {
    // the siblings' kinds are settled already: classifying them again changes none, and only `quote` is kept
    const before = siblings.filter((q) => q.close <= quote.open).map((q) => ({...q}))
    before.push(quote)
    classifyKinds(text, markPara, before)
  }
  out.push(quote)
  return true
}

function styleOf(family: Family): QuoteStyle {
  return family === 'd' ? 'double' : family === 's' ? 'single' : 'guillemet'
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isPadding(text[start]!)) start++
  while (end > start && isPadding(text[end - 1]!)) end--
  return {start, end}
}

/**
 * What a quote's text does not start or end with: the spaces of {@link isSpace}, and every other white space (U+3000
 * ideographic space, U+2000-U+200A, U+2028), zero-width character (U+200B, U+FEFF), soft hyphen, and direction mark
 * or embedding (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, which text mixing English with Arabic or Hebrew
 * carries: `"We are ready,\u200f"` kept the mark in the quote's text). Only the trim reads it, so which marks open
 * and close quotes is decided as before; a quote opened by `"` and U+FEFF was a padded record.
 */
function isPadding(ch: string): boolean {
  return isSpace(ch) || PADDING.test(ch)
}
const PADDING = /^[\s\u200b\u2060\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]$/

/**
 * The offset of the first quote mark or '<' at or after `from` (-1: none). `memo` keeps the last answer: there is no
 * mark between the offset a scan started from and the mark it found, so a later scan from inside that stretch has
 * the same answer. Without it, every paragraph without a mark scanned on to the next mark, often paragraphs away.
 */
function nextMark(text: string, from: number, memo: MarkMemo): number {
  if (memo.from <= from && (memo.at < 0 || memo.at >= from)) return memo.at
  MARK_CHARS.lastIndex = from
  const found = MARK_CHARS.exec(text)
  memo.from = from
  memo.at = found ? found.index : -1
  return memo.at
}

interface MarkMemo {
  from: number
  at: number
}

/**
 * Scans one paragraph with a stack of open marks; returns the outermost mark still open at
 * the paragraph's end (the caller decides whether it continues or is cut), or null.
 */
function scanParagraph(text: string, para: Span, from: number, stack: OpenMark[], out: QuoteSpan[], paragraphs: number, memo: MarkMemo): OpenMark | null {
  const firstMark = nextMark(text, from, memo)
  if (firstMark < 0 || firstMark >= para.end) return stack.length > 0 ? stack[0]! : null
  const firstChar = firstNonSpace(text, para)
  // where each family's open marks sit in the stack, innermost last: `find` answers without walking the stack, which
  // unclosed marks of the other families can make as long as the paragraph (quadratic on one long line otherwise)
  const open: Record<Family, number[]> = {d: [], s: [], g: []}
  for (let k = 0; k < stack.length; k++) open[stack[k]!.family].push(k)
  const closeQuote = (index: number, markStart: number, markEnd: number): void => {
    const mark = stack[index]!
    stack.length = index
    for (const at of [open.d, open.s, open.g]) while (at.length > 0 && at[at.length - 1]! >= index) at.pop()
    if (index === 0) {
      const span = trim(text, mark.markEnd, markStart)
      if (span.end > span.start) {
        // the fields written out, not spread in: an object literal with a spread costs several times more in V8
        out.push({start: span.start, end: span.end, kind: 'partial', style: styleOf(mark.family), open: mark.markStart, close: markEnd, paragraphs})
      }
    }
  }
  const find = (family: Family): number => {
    const at = open[family]
    return at.length > 0 ? at[at.length - 1]! : -1
  }
  const push = (family: Family, markStart: number, markEnd: number, extra: Partial<OpenMark> = {}): void => {
    const outer = stack[0]
    // (a mark right after the outer one, `"“`, is the same opening doubled, not a quote inside it)
    if (extra.opener === true && outer?.opener === true && outer.nestedAt === undefined && text.slice(outer.markEnd, markStart).trim() !== '') outer.nestedAt = markStart
    open[family].push(stack.length)
    stack.push({family, markStart, markEnd, paragraphStart: markStart === firstChar, ...extra})
  }
  let i = from
  const end = para.end
  while (i < end) {
    // jump to the next quote mark or '<' (the native regex scan is far faster than a loop over characters)
    const next = nextMark(text, i, memo)
    if (next < 0 || next >= end) break
    i = next
    const ch = text[i]!
    if (ch === '<') {
      i = skipMarkup(text, i, end)
      continue
    }
    if (ch === '`') {
      const run = text.startsWith('``', i) ? 2 : 1
      if (run === 2) push('d', i, i + 2)
      else if (isWordChar(text[i + 1] ?? '')) push('s', i, i + 1)
      i += run
      continue
    }
    if (ch === "'") {
      let runEnd = i
      while (runEnd < end && text[runEnd] === "'") runEnd++
      const n = runEnd - i
      if (n === 1) {
        handleSingle(text, i, i + 1, para, stack, push, find, closeQuote)
      } else {
        const before = i > para.start ? text[i - 1]! : ''
        const after = runEnd < end ? text[runEnd]! : ''
        const closeLike = !isSpace(before) && !OPENING_CONTEXT.has(before)
        const pieces: Array<[Family, number, number]> = []
        // a run of apostrophes is doubles plus, when odd, one single; the inner single sits inside the doubles
        const odd = n % 2 === 1
        let pos = i
        if (odd && closeLike) {
          pieces.push(['s', pos, pos + 1])
          pos++
        }
        const doublesEnd = odd && !closeLike ? runEnd - 1 : runEnd
        while (pos + 2 <= doublesEnd) {
          pieces.push(['d', pos, pos + 2])
          pos += 2
        }
        if (pos < runEnd) pieces.push(['s', pos, pos + 1])
        for (const [family, s, e] of pieces) {
          if (family === 's') handleSingle(text, s, e, para, stack, push, find, closeQuote)
          else handleStraightDouble(s, e, before, after, push, find, closeQuote)
        }
      }
      i = runEnd
      continue
    }
    const before = i > para.start ? text[i - 1]! : ''
    const after = i + 1 < end ? text[i + 1]! : ''
    switch (ch) {
      case '"':
        handleStraightDouble(i, i + 1, i === para.start ? '' : before, after, push, find, closeQuote)
        break
      case '“': {
        const k = find('d')
        if (k >= 0 && stack[k]!.low) closeQuote(k, i, i + 1)
        else if (k >= 0 && !isSpace(before) && (isSpace(after) || CLOSING_CONTEXT.has(after)) && !OPENING_CONTEXT.has(before)) closeQuote(k, i, i + 1)
        // only a “ after a space or an opening bracket is an opener (`stand.“[HuffPost.]` closes with it)
        else push('d', i, i + 1, {opener: isSpace(before) || OPENING_CONTEXT.has(before)})
        break
      }
      case '”': {
        const k = find('d')
        if (k >= 0) closeQuote(k, i, i + 1)
        else if ((isSpace(before) || OPENING_CONTEXT.has(before)) && isWordChar(after)) push('d', i, i + 1)
        break
      }
      case '„':
        push('d', i, i + 1, {low: true})
        break
      case '‚':
        if (isSpace(before)) push('s', i, i + 1, {low: true})
        break
      case '«': {
        const k = find('g')
        if (k >= 0 && stack[k]!.reversed) closeQuote(k, i, i + 1)
        else push('g', i, i + 1)
        break
      }
      case '»': {
        const k = find('g')
        if (k >= 0 && !stack[k]!.reversed) closeQuote(k, i, i + 1)
        else if (isSpace(before) && isWordChar(after)) push('g', i, i + 1, {reversed: true})
        break
      }
      case '‹':
        push('s', i, i + 1)
        break
      case '›': {
        const k = find('s')
        if (k >= 0) closeQuote(k, i, i + 1)
        break
      }
      case '‘':
      case '’':
        handleSingle(text, i, i + 1, para, stack, push, find, closeQuote)
        break
      default:
        break
    }
    i++
  }
  // inner quotes never cross a paragraph break; only the outermost may continue
  return stack.length > 0 ? stack[0]! : null
}

type Push = (family: Family, markStart: number, markEnd: number, extra?: Partial<OpenMark>) => void
type Find = (family: Family) => number
type Close = (index: number, markStart: number, markEnd: number) => void

function handleStraightDouble(s: number, e: number, before: string, after: string, push: Push, find: Find, close: Close): void {
  // attribute values in leftover markup (id="...") are no quotes
  if (before === '=') return
  const openLike = (isSpace(before) || OPENING_CONTEXT.has(before)) && !isSpace(after)
  const closeLike = !isSpace(before) && (isSpace(after) || CLOSING_CONTEXT.has(after) || !isWordChar(after))
  const k = find('d')
  if (openLike && !closeLike) {
    push('d', s, e, {opener: e - s === 1})
  } else if (closeLike && !openLike) {
    if (k >= 0) close(k, s, e)
  } else if (k >= 0) {
    close(k, s, e)
  } else if (!isSpace(after)) {
    push('d', s, e)
  }
}

function handleSingle(text: string, s: number, e: number, para: Span, stack: OpenMark[], push: Push, find: Find, close: Close): void {
  const ch = text[s]!
  const before = s > para.start ? text[s - 1]! : ''
  const after = e < para.end ? text[e]! : ''
  // an apostrophe inside a word: city’s, don't
  if (isWordChar(before) && isWordChar(after)) return
  const openLike = (isSpace(before) || OPENING_CONTEXT.has(before)) && !isSpace(after)
  const closeLike = !isSpace(before) && !OPENING_CONTEXT.has(before) && !isWordChar(after)
  const k = find('s')
  if (ch === '‘') {
    if (k >= 0 && stack[k]!.low) return close(k, s, e)
    if (closeLike && !openLike && k >= 0) return close(k, s, e)
    if (ELIDED.test(text.slice(e, e + 5)) && !isSpace(after)) return
    return push('s', s, e)
  }
  if (closeLike && k >= 0) {
    // a plural possessive ("the players’ union") inside a single quote is no closer when a later one is
    if (/[sS]/.test(before) && after === ' ' && /\p{Ll}/u.test(text[e + 1] ?? '') && laterCloser(text, e, para.end)) return
    return close(k, s, e)
  }
  if (openLike && !closeLike) {
    if (ELIDED.test(text.slice(e, e + 5))) return
    // a straight apostrophe opening a quote must see a closer ahead in its paragraph
    if (laterCloser(text, e, para.end)) push('s', s, e)
  }
}

// where single closing-mark candidates and opening marks sit in the paragraph last asked about
let closerIndex: {text: string; start: number; end: number; closers: number[]; openers: number[]} | null = null

// whether a single closing mark (not inside a word) follows in the paragraph before the next opening one
function laterCloser(text: string, from: number, end: number): boolean {
  const start = Math.max(0, from)
  if (!closerIndex || closerIndex.text !== text || start < closerIndex.start || end !== closerIndex.end) {
    // built once per paragraph, so many apostrophes cost one pass, not one pass each
    const closers: number[] = []
    const openers: number[] = []
    let paraStart = start
    while (paraStart > 0 && text[paraStart - 1] !== '\n') paraStart--
    for (let j = paraStart; j < end; j++) {
      const c = text[j]!
      if (c === '’' || c === "'") {
        if (!(isWordChar(text[j - 1] ?? '') && isWordChar(text[j + 1] ?? '')) && !isSpace(text[j - 1] ?? '')) closers.push(j)
      } else if (c === '‘') openers.push(j)
    }
    closerIndex = {text, start: paraStart, end, closers, openers}
  }
  const closer = firstAtOrAfter(closerIndex.closers, start)
  const opener = firstAtOrAfter(closerIndex.openers, start)
  return closer !== undefined && (opener === undefined || closer < opener)
}

function firstAtOrAfter(sorted: number[], value: number): number | undefined {
  return sorted[countBefore(sorted, (x) => x < value)]
}

// skips an HTML/XML tag (`<tweet id="...">`) or an editorial stray mark (`<">`); returns the next offset
function skipMarkup(text: string, i: number, end: number): number {
  const next = text[i + 1] ?? ''
  if ((next === '"' || next === '«' || next === '»' || next === '“' || next === '”') && text[i + 2] === '>') return i + 3
  if (/[A-Za-z/!]/.test(next)) {
    const close = text.indexOf('>', i + 1)
    if (close > 0 && close < end && close - i < 600) return close + 1
  }
  return i + 1
}

function firstNonSpace(text: string, para: Span): number {
  let i = para.start
  while (i < para.end && isSpace(text[i]!)) i++
  return i
}

// a code point of Unicode's other symbols (emoji, dingbats, flags, ™) or what joins or modifies one (variation
// selectors, skin tones, ZWJ, keycaps, tags), as attribution skips them (src/quotes/speakers.ts)
const PICTOGRAPH_POINT = /^[\p{So}\p{Emoji_Modifier}\p{Mn}\p{Me}\u200d\u{e0020}-\u{e007f}]$/u

/** The offset of the last character at or before `j` (not before `floor`) that is neither white space nor part of a pictograph. */
function skipSpaceAndPictographs(text: string, floor: number, j: number): number {
  while (j >= floor) {
    const code = text.charCodeAt(j)
    if (isSpace(text[j]!)) {
      j--
      continue
    }
    // every such character is at or above U+00A6; a low surrogate is read with its high half
    if (code < 0xa6) return j
    const low = code >= 0xdc00 && code <= 0xdfff && j - 1 >= floor
    const point = low ? text.slice(j - 1, j + 1) : text[j]!
    if (!PICTOGRAPH_POINT.test(point)) return j
    j -= low ? 2 : 1
  }
  return j
}

/** Marks quotes that stand as utterances of their own as `direct`, the rest stay `partial`. */
function classifyKinds(text: string, para: Span, quotes: QuoteSpan[]): void {
  const first = firstNonSpace(text, para)
  const closes = new Set(quotes.map((q) => q.close))
  let previous: QuoteSpan | null = null
  for (const quote of quotes) {
    if (quote.open < para.start) {
      quote.kind = 'direct'
      previous = quote
      continue
    }
    let j = skipSpaceAndPictographs(text, para.start, quote.open - 1)
    // look through the closing marks of a quote before this one: '… Week.'' ''It was' starts a sentence
    while (j >= para.start && /["'”’»]/.test(text[j]!) && closes.has(j + 1)) {
      j--
      while (j >= para.start && /["'”’»]/.test(text[j]!)) j--
    }
    const prev = j >= para.start ? text[j]! : ''
    const startsUpper = /\p{Lu}/u.test(text[quote.start] ?? '')
    // (an emoji or other pictograph before it does not make it embedded: '😀 "We waited so long."' opens its paragraph)
    if (quote.open === first || j < para.start || prev === ':' || prev === '.' || prev === '!' || prev === '?' || prev === '…' || prev === ';') quote.kind = 'direct'
    else if ((prev === ',' || prev === '—' || prev === '–') && startsUpper) quote.kind = 'direct'
    else if (
      prev === ',' &&
      previous !== null &&
      previous.kind === 'direct' &&
      /[,—–―]$/.test(text.slice(previous.start, previous.end)) &&
      !/[.!?]/.test(text.slice(previous.close, quote.open))
    ) {
      // the second half of an interrupted quotation: "A," she said, "b."
      quote.kind = 'direct'
    }
    previous = quote
  }
}

const DASHES = new Set(['—', '–', '\u2015'])

/**
 * Finds the quotes of an em-dash dialogue paragraph ("— Text, — he said." or "— Text," he said.);
 * a dash paragraph without such a closing attribution is a list item, not speech.
 */
function findDialogue(text: string, para: Span, tokens: readonly Token[]): QuoteSpan[] {
  let i = firstNonSpace(text, para)
  if (!DASHES.has(text[i] ?? '') || !isSpace(text[i + 1] ?? 'x')) return []
  const out: QuoteSpan[] = []
  const budget = {checks: 24}
  let open = i
  let contentStart = i + 1
  while (contentStart < para.end) {
    const terminator = findDialogueEnd(text, tokens, contentStart, para.end, budget)
    if (!terminator && out.length === 0) {
      // no closing mark: "― A, said the minister. B." (the attribution is the turn's end, the rest continues it)
      const unclosed = findUnclosedAttribution(text, tokens, contentStart, para.end)
      if (!unclosed) break
      const span = trim(text, contentStart, unclosed.end)
      out.push({start: span.start, end: span.end, kind: 'direct', style: 'dash', open, close: unclosed.end, paragraphs: 1})
      const rest = trim(text, unclosed.resume, para.end)
      // what follows the attribution is the turn's words again only when it holds some: a stray closing mark after
      // "said on." is no quote of its own (fuzz finding "— n,said on.”")
      if (rest.end > rest.start && hasWordCharacter(text, rest.start, rest.end)) out.push({start: rest.start, end: rest.end, kind: 'direct', style: 'dash', open: rest.start, close: rest.end, paragraphs: 1})
      break
    }
    if (!terminator) {
      // a continuation after an attribution ("— A, — he said. — B.") runs to the paragraph's end
      if (out.length > 0) {
        const span = trim(text, contentStart, para.end)
        if (span.end > span.start) out.push({start: span.start, end: span.end, kind: 'direct', style: 'dash', open, close: span.end, paragraphs: 1})
      }
      break
    }
    const span = trim(text, contentStart, terminator.end)
    if (span.end > span.start) out.push({start: span.start, end: span.end, kind: 'direct', style: 'dash', open, close: terminator.close, paragraphs: 1})
    // another dialogue turn may follow the attribution: ". — More words"; only one that names its speaker, as the
    // speakers stage reads it, carries over to the next turn: after "said." alone the words after the dash would be
    // output with no mark and no attribution (fuzz finding "– ,” said.– s", seed 6002651)
    // and only after a plain attribution, as for an unclosed turn (findUnclosedAttribution): one holding a quotation
    // mark or a dash quotes or breaks off on its own (fuzz finding "– ,” said C“.– t", seed 5014962)
    const resume = findResume(text, terminator.close, para.end)
    if (resume === null || /[“”"«»„—–―]/u.test(text.slice(terminator.close, resume)) || !namesSpeaker(text, tokens, terminator.close, resume)) break
    open = resume
    contentStart = resume + 1
  }
  return out
}

// the end of a dialogue turn: a stray closing quote mark, or punctuation + dash, followed by an attribution
function findDialogueEnd(text: string, tokens: readonly Token[], from: number, end: number, budget: {checks: number}): {end: number; close: number} | null {
  let depth = 0
  // a dialogue paragraph has few candidate ends; past a couple of dozen it is something else
  const attributed = (at: number): boolean => budget.checks-- > 0 && hasAttribution(text, tokens, at, end)
  for (let j = from; j < end; j++) {
    const c = text[j]!
    if (c === '“' || c === '«' || c === '„') depth++
    else if ((c === '”' || c === '»') && depth > 0) depth--
    else if (c === '"') {
      const before = text[j - 1] ?? ''
      const after = text[j + 1] ?? ''
      const openLike = isSpace(before) && !isSpace(after)
      if (openLike) depth++
      else if (depth > 0) depth--
      else if (/[,.!?…]/.test(before) && isSpace(after) && attributed(j + 1)) return {end: j, close: j + 1}
    } else if ((c === '”' || c === '»') && depth === 0) {
      if (/[,.!?…]/.test(text[j - 1] ?? '') && isSpace(text[j + 1] ?? '') && attributed(j + 1)) return {end: j, close: j + 1}
    } else if (DASHES.has(c) && depth === 0 && isSpace(text[j - 1] ?? '') && isSpace(text[j + 1] ?? 'x')) {
      let k = j - 1
      while (k >= from && isSpace(text[k]!)) k--
      if (k >= from && /[,.!?…]/.test(text[k]!) && attributed(j + 1)) return {end: k + 1, close: j + 1}
    }
  }
  return null
}

// whether an attribution clause (a speech cue within a few words, before the sentence ends) follows
function hasAttribution(text: string, tokens: readonly Token[], from: number, end: number): boolean {
  // the cue may follow a long apposition ("X, a spokeswoman for the Office of …, told")
  const words = readQuoteWords(text, tokens, from, Math.min(end, from + 400))
  for (let w = 0; w < words.length && w < 40; w++) {
    const word = words[w]!
    if (word.kind === 'punct' && /[.!?]/.test(word.text)) return false
    const cue = lookupCue(word.lower)
    if (cue && cue.class !== 'belief' && !(word.upper && w > 0)) return true
    const phrasal = lookupPhrasalCue(word.lower)
    if (phrasal && words[w + 1]?.lower === phrasal.particle) return true
  }
  return false
}

/**
 * The attribution of a dash turn left without a closing dash or mark ("― We will not back down, said the minister. The
 * people are with us."): after `, ! ? …` (or a full stop, when the attribution is a short sentence of its own), a
 * clause whose speech verb comes within its first six words, running to the end of its sentence. Returns where the
 * quoted words end (after their punctuation) and where the quoted words resume: after the attribution's sentence, or
 * after a comma right after its verb ("— Taxes, Jane Roe said, will rise."); null when no such clause follows (a list
 * item or heading).
 */
function findUnclosedAttribution(text: string, tokens: readonly Token[], from: number, end: number): {end: number; resume: number} | null {
  const words = readQuoteWords(text, tokens, from, end)
  const sentenceEnd = (w: Word): boolean => w.kind === 'punct' && /^[.!?…]$/.test(w.text)
  // a dialogue turn has few candidate boundaries; past a dozen words in, the paragraph is something else
  for (let b = 1; b < words.length - 1 && b < 60; b++) {
    const mark = words[b]!
    if (mark.kind !== 'punct' || !/^[,.!?…]$/.test(mark.text) || words[b - 1]!.kind === 'punct') continue
    let close = b + 1
    while (close < words.length && sentenceEnd(words[close]!) === false && close - b <= 40) close++
    if (close - b > 40) continue
    const clause = words.slice(b + 1, close)
    // a boundary after a full stop is a new sentence: only a short one is an attribution ("… us. The minister said.")
    if (mark.text === '.' && clause.length > 6) continue
    const cueAt = clause.findIndex((word, w) => {
      if (w >= 6 || word.kind !== 'word') return false
      const cue = lookupCue(word.lower)
      if (cue === undefined || cue.class === 'belief' || word.upper || cue.form === 'gerund') return false
      // a cue that is also a noun, uninflected ("challenge", "comment", "report"), is the verb only after a pronoun
      // subject ("they claim"); after a name or noun ("the court challenge", "S challenge") it is the noun, and a
      // list item is no dialogue turn (fuzz finding "— e,S challenge")
      if (cue.nounLike && cue.form === 'base' && !(w === 1 && PRONOUNS.has(clause[0]!.lower))) return false
      // and the speakers stage must read the word as a verb too: a noun-like -s form needs a word before it ("— m,
      // charges he" is the noun; fuzz finding, seed 6000750)
      return speakersCueAt(words, b + 1 + w) !== null
    })
    // the cue needs words around it: a subject before it or after it ("said the minister"); words before it are a
    // subject only as a noun phrase opening with a name, a determiner or a pronoun ("Jane Roe said", "the minister
    // said", "he said"; not "then, are nine reasons")
    if (cueAt < 0 || clause.length < 2) continue
    const lead = clause[0]!
    if (cueAt > 0 && (clause.slice(0, cueAt).some((word) => word.kind === 'punct') || !(lead.upper || DETERMINERS.has(lead.lower) || PRONOUNS.has(lead.lower)))) continue
    // a verb first needs its subject right after it, led the same way ("said the minister", "said Jane Roe", "said
    // he"); "said on." names no speaker and is no attribution (fuzz finding "— n,said on.”")
    const subject = clause[1]!
    if (cueAt === 0 && !(subject.kind === 'word' && (subject.upper || DETERMINERS.has(subject.lower) || PRONOUNS.has(subject.lower)))) continue
    // and either must be the subject the speakers stage reads, or the turn is output with no cue and no speaker (fuzz
    // findings "&MD; s,C ed mention": "C ed" opens with a capital but is no noun phrase; "— a,tell you" names a
    // listener, "— a,said it. w" an object, seeds 5001795, 5001974)
    if (!readsSpeaker(words, b + 1, b + 1 + cueAt, close)) continue
    // "said that …" reports, it does not attribute the words before it
    if (clause[cueAt + 1]?.lower === 'that') continue
    // "— Taxes, Jane Roe said, will rise.": a comma right after the verb goes back to the quoted sentence (after "said
    // Jane Roe," an apposition may follow instead, which is the narrative's); a participle after it opens a clause of
    // the narrative ("— We will win, Smith said, telling reporters. The people are with us.": the turn resumes after
    // that sentence, as after any other attribution sentence), and so does a preposition or conjunction opening an
    // adjunct ("Smith said, in an interview.", "…, according to a transcript.", "…, as he left.")
    const comma = clause[cueAt + 1]
    const next = clause[cueAt + 2]
    if (comma?.text === ',' && cueAt > 0 && next && !next.upper && !isParticiple(next) && !ADJUNCT_OPENERS.has(next.lower)) return {end: mark.end, resume: next.start}
    // the turn resumes only after a plain attribution sentence: one holding a quotation mark or a dash ("Smith said
    // "at once.") quotes or breaks off on its own, and the words after it are no longer the turn's (fuzz finding
    // "– g,C said "at. d", as scripts/check-output.ts reads a resumed turn)
    const after = close < words.length ? words[close]!.end : end
    if (/[“”"«»„—–―]/u.test(text.slice(clause[0]!.start, after))) return {end: mark.end, resume: end}
    // nor one whose clause after a semicolon has a cue of its own: the speakers stage ends the sentence there and reads
    // that cue as a new statement, so the resumed words would be output with no attribution (fuzz finding "– n,T
    // hints;Say. e", seed 6005279)
    const semicolon = clause.findIndex((word) => word.text === ';')
    if (semicolon >= 0 && clause.slice(semicolon + 1).some((_word, k) => speakersCueAt(words, b + 2 + semicolon + k) !== null)) return {end: mark.end, resume: end}
    const resume = close + 1 < words.length ? words[close + 1]!.start : end
    return {end: mark.end, resume}
  }
  return null
}

// words that open an adjunct of the narrative after "X said," rather than the quoted sentence's rest
const ADJUNCT_OPENERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'as', 'without', 'according', 'from', 'outside'])

// whether the attribution in text[from, end) has a speech verb the speakers stage reads with a subject before it ("he
// said") or after it ("said the minister")
function namesSpeaker(text: string, tokens: readonly Token[], from: number, end: number): boolean {
  const words = readQuoteWords(text, tokens, from, end)
  // the cue may follow a long apposition, as hasAttribution reads it
  for (let w = 0; w < words.length && w < 40; w++) if (speakersCueAt(words, w) !== null) return readsSpeaker(words, 0, w, words.length)
  return false
}

// whether the speakers stage reads a speaker for the cue at words[cue] of the clause words[start, end): the subject
// before it when words come first ("he said", "the minister said"), else an inverted subject after it ("said the
// minister"; not after a verb that takes no inversion: "tell you" names a listener)
function readsSpeaker(words: Word[], start: number, cue: number, end: number): boolean {
  if (cue > start) return findSubjectAfterQuote(words, start, cue, false) !== null
  return !NO_INVERSION.has(lookupCue(words[cue]!.lower)?.lemma ?? '') && findPhraseAfter(words, cue + 1, end) !== null
}

// whether text[start, end) holds a letter or a digit
function hasWordCharacter(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(start, end))
}

function findResume(text: string, from: number, end: number): number | null {
  for (let j = from; j < end - 2; j++) {
    const c = text[j]!
    if (DASHES.has(c) && isSpace(text[j + 1]!) && /[.:]\s*$/.test(text.slice(Math.max(from, j - 3), j))) return j
  }
  return null
}
