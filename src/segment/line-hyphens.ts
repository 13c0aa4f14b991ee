/**
 * Words a wrapper broke at a line's end with a hyphen, in a hard-wrapped document (src/segment/layout.ts):
 * `Appropria-` / `tions` is one word broken (a soft break: read `Appropriations`), `long-` / `term` a compound
 * that happened to end a line (read `long-term`). `text` never changes (only `clean` may change it, and its
 * newlines are what tells the layout); the `segment` stage writes the breaks once as the `lineHyphens` layer, and
 * the stages that read words whole (money, entities, quotes) see a **reading view** in which each such break is
 * closed, their spans mapped back onto `text` (see {@link closeLineHyphens}).
 */
import type {LineHyphen, Span} from '../doc.ts'
import {CHAR_CLASS, CharClass} from '../text/chars.ts'

export type {LineHyphen}

const UPPER: number = CharClass.Upper
const LOWER: number = CharClass.Lower
const LETTER: number = CharClass.Letter
const MARK: number = CharClass.Mark
const DIGIT: number = CharClass.Digit

function isLetter(code: number): boolean {
  const cls = CHAR_CLASS[code]!
  return cls === UPPER || cls === LOWER || cls === LETTER || (cls === MARK && code !== 0x00ad)
}

// spaces and tabs on either side of a line break (a wrapped line's trailing space, the next line's indent)
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0
}

// words that follow a suspended hyphen's space ("pre- and post-war", "two- to three-year")
const SUSPENDED: ReadonlySet<string> = new Set(['and', 'or', 'nor', 'to', 'than', 'but'])

const HYPHEN = 0x2d
const HYPHEN_U = 0x2010
const SOFT_HYPHEN = 0x00ad

/**
 * The line-end hyphens of `text`'s wrapped paragraphs (line breaks inside a paragraph span), each with whether the
 * break is soft. Only a hyphen right after a letter counts (`--`, `30-`, ` -` are dashes and figures); the word
 * before it must not be part of an address (`/`, `@`, `://`, `www.`), and the next line must go on with a
 * letter or a digit. A soft hyphen (U+00AD) is always soft; a digit after the break (`pre-`/`1990`) keeps the
 * hyphen. Otherwise, with `head` the letters before the hyphen and `tail` the letters after the break:
 * - the tail is a conjunction (`pre-`/`and post-war`, `two-`/`to three-year`): a suspended hyphen, left as written;
 * - the document writes the word elsewhere whole (`Schwarzenegger`, `PolitiFact`) more often than with this hyphen
 *   (`re-election`), or the other way round: as the document writes it;
 * - both parts in capitals (`GOVERN-`/`MENT`, a headline or an archive set in capitals): soft when `head + tail`
 *   is an English word form, a compound when the tail is one (`NATO-`/`LED`), soft when neither part is
 *   (`INTERNATIO-`/`NAL`, a head of 3 letters or more), else a compound;
 * - the tail starts with a capital (`McCain-`/`Feingold`, `mid-`/`September`), or the head is an initialism in
 *   capitals (`NATO-`/`led`): a compound, the hyphen stays;
 * - `head + tail` is an English word form (`appropriations`, `january`, `environmental`): soft, joined;
 * - the tail is a word and the head a capitalised fragment of a name (`Fergu-`/`son`, `Hono-`/`lulu`: 3 letters or
 *   more, no English word, not first in its sentence, written nowhere else in the document on its own): soft;
 * - both parts are words (`long`/`term`, `re`/`elected`, `x`/`ray`), or the tail is (`anti-`/`abortion`): a compound;
 * - the tail is no word on its own (`Milose-`/`vic`, `announ-`/`ced`): soft, joined.
 * `isWord` answers for a lowercase word (the segment stage passes wink's English lexicon, src/adapters/wink.ts).
 */
export function findLineHyphens(text: string, paragraphs: readonly Span[], isWord: (word: string) => boolean): LineHyphen[] {
  const found: LineHyphen[] = []
  const written = new WrittenWords(text)
  for (const paragraph of paragraphs) {
    let at = text.indexOf('\n', paragraph.start)
    while (at >= 0 && at < paragraph.end) {
      const hyphen = lineHyphenAt(text, paragraph, at, isWord, written)
      if (hyphen !== null) found.push(hyphen)
      at = text.indexOf('\n', at + 1)
    }
  }
  return found
}

/**
 * How often the document writes a word (lower case, letters on neither side) or two parts joined by a hyphen on one
 * line (`re-election`); a word right before a line-end hyphen is not counted, being what is decided. Counted in one
 * pass over the lowercased text on first use (most documents have no line-end hyphen to decide): searching the text
 * again for each broken word made a long wrapped document quadratic (4.4 M characters with 11,090 breaks: 25.7 s).
 */
class WrittenWords {
  private counts: Map<string, number> | null = null
  constructor(private readonly text: string) {}

  count(word: string): number {
    this.counts ??= countWritten(this.text.toLowerCase())
    return this.counts.get(word) ?? 0
  }
}

// every maximal run of letters, and every two runs joined by one hyphen, with how often each stands not before a
// line-end hyphen: a letters-only word has letters on neither side exactly where it is a maximal run
function countWritten(lower: string): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (key: string, end: number) => {
    if (!endsLine(lower, end)) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  let i = 0
  while (i < lower.length) {
    if (!isLetter(lower.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    while (i < lower.length && isLetter(lower.charCodeAt(i))) i++
    const word = lower.slice(start, i)
    add(word, i)
    if (lower.charCodeAt(i) === HYPHEN && i + 1 < lower.length && isLetter(lower.charCodeAt(i + 1))) {
      let after = i + 1
      while (after < lower.length && isLetter(lower.charCodeAt(after))) after++
      add(`${word}-${lower.slice(i + 1, after)}`, after)
    }
  }
  return counts
}

function endsLine(text: string, at: number): boolean {
  const mark = text.charCodeAt(at)
  if (mark !== HYPHEN && mark !== HYPHEN_U && mark !== SOFT_HYPHEN) return false
  let i = at + 1
  while (i < text.length && isBlank(text.charCodeAt(i))) i++
  return i < text.length && text.charCodeAt(i) === 0x0a
}

function isCapitals(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase()
}

// a past participle or an -ing form ("based", "led", "leaning")
const PARTICIPLE = /(?:ed|ing)$/

// marks after which a word starts a sentence (a capital there says nothing of a name)
const SENTENCE_OPENERS = '.!?:;"\u201c\u2018(['

// whether the word at `start` is the first of its sentence (or paragraph)
function opensSentence(text: string, paragraph: Span, start: number): boolean {
  let i = start - 1
  while (i >= paragraph.start && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0a)) i--
  return i < paragraph.start || SENTENCE_OPENERS.includes(text[i]!)
}

function lineHyphenAt(text: string, paragraph: Span, newline: number, isWord: (word: string) => boolean, written: WrittenWords): LineHyphen | null {
  let h = newline - 1
  while (h > paragraph.start && isBlank(text.charCodeAt(h))) h--
  const mark = text.charCodeAt(h)
  if (mark !== HYPHEN && mark !== HYPHEN_U && mark !== SOFT_HYPHEN) return null
  if (h - 1 < paragraph.start || !isLetter(text.charCodeAt(h - 1))) return null
  let next = newline + 1
  while (next < paragraph.end && isBlank(text.charCodeAt(next))) next++
  if (next >= paragraph.end) return null
  const first = text.charCodeAt(next)
  const firstClass = CHAR_CLASS[first]!
  if (!isLetter(first) && firstClass !== DIGIT) return null
  // the word before the hyphen, and the run of non-space characters it ends (an address is left as written)
  let headStart = h - 1
  while (headStart > paragraph.start && isLetter(text.charCodeAt(headStart - 1))) headStart--
  let chunkStart = headStart
  while (chunkStart > paragraph.start && !isBlank(text.charCodeAt(chunkStart - 1)) && text.charCodeAt(chunkStart - 1) !== 0x0a) chunkStart--
  const chunk = text.slice(chunkStart, h)
  if (/[/@]|:\/\/|www\./i.test(chunk)) return null
  if (mark === SOFT_HYPHEN) return {start: h, end: next, join: isLetter(first)}
  if (firstClass === DIGIT) return {start: h, end: next, join: false}
  const head = text.slice(headStart, h)
  let tailEnd = next
  while (tailEnd < paragraph.end && isLetter(text.charCodeAt(tailEnd))) tailEnd++
  const tail = text.slice(next, tailEnd)
  const headWord = head.toLowerCase()
  const tailWord = tail.toLowerCase()
  const lowerTail = firstClass !== UPPER
  // both parts in capitals: a headline, or an archive set in capitals ("GOVERN-" / "MENT")
  const capitals = head.length >= 2 && tail.length >= 2 && isCapitals(head) && isCapitals(tail)
  // a suspended hyphen ("pre- and post-war", "first- or second-graders") is followed by its conjunction
  if ((lowerTail || capitals) && SUSPENDED.has(tailWord)) return null
  // what the document writes elsewhere: the word whole, or the two parts with this hyphen
  const whole = written.count(headWord + tailWord) - written.count(`${headWord}-${tailWord}`)
  if (whole !== 0) return {start: h, end: next, join: whole > 0}
  if (capitals) {
    if (isWord(headWord + tailWord)) return {start: h, end: next, join: true}
    if (isWord(tailWord)) return {start: h, end: next, join: false}
    // neither part a word ("INTERNATIO-" / "NAL"); a short head may be an initialism or a name's part ("UR-" / "REHMAN")
    return {start: h, end: next, join: head.length >= 3 && !isWord(headWord)}
  }
  if (!lowerTail) return {start: h, end: next, join: false}
  // an initialism in capitals before the hyphen ("NATO-led", "U.S.-based" has a period and never gets here)
  if (head.length >= 2 && isCapitals(head)) return {start: h, end: next, join: false}
  if (isWord(headWord + tailWord)) return {start: h, end: next, join: true}
  if (isWord(tailWord)) return {start: h, end: next, join: isNameFragment(text, paragraph, headStart, head, headWord, tailWord, isWord, written)}
  return {start: h, end: next, join: true}
}

// a capitalised head that is no English word, not first in its sentence, and nowhere else in the document on its
// own ("Fergu-" / "son"; "Putin-" / "backed" has Putin elsewhere, "Anti-" / "abortion" opens a sentence); a tail
// that is a participle makes the usual compound of a name ("Denver-" / "based", "Iowa-" / "led", "Kremlin-" /
// "leaning")
function isNameFragment(text: string, paragraph: Span, headStart: number, head: string, headWord: string, tailWord: string, isWord: (word: string) => boolean, written: WrittenWords): boolean {
  if (head.length < 3 || CHAR_CLASS[head.charCodeAt(0)] !== UPPER || isCapitals(head)) return false
  if (PARTICIPLE.test(tailWord)) return false
  if (isWord(headWord) || written.count(headWord) > 0) return false
  return !opensSentence(text, paragraph, headStart)
}

/** A reading view with line-end hyphens closed, and the way back to the offsets of the text it was made from. */
export interface ClosedView {
  /** the view: shorter than the text by the characters each closed break took out */
  text: string
  /** a view span as a span of the original text (a span ending at a closed break ends before it) */
  toText<T extends Span>(span: T): T
  /** a span of the original text as a view span */
  toView<T extends Span>(span: T): T
}

/**
 * Closes each line-end hyphen of `hyphens` in `view` (the text, or its unwrapped view of the same length): a soft
 * break loses the hyphen, the line break and the next line's indent (`Appropria-\ntions` reads `Appropriations`),
 * a compound keeps its hyphen (`long-\nterm` reads `long-term`). Returns `view` itself (and identity maps) when
 * there is nothing to close.
 */
export function closeLineHyphens(view: string, hyphens: readonly LineHyphen[]): ClosedView {
  if (hyphens.length === 0) return {text: view, toText: (span) => span, toView: (span) => span}
  // each cut: where it starts in the original, how many characters it takes, and where it falls in the view
  const from: number[] = []
  const length: number[] = []
  const at: number[] = []
  const parts: string[] = []
  let cursor = 0
  let removed = 0
  for (const hyphen of hyphens) {
    const start = hyphen.join ? hyphen.start : hyphen.start + 1
    parts.push(view.slice(cursor, start))
    from.push(start)
    length.push(hyphen.end - start)
    at.push(start - removed)
    removed += hyphen.end - start
    cursor = hyphen.end
  }
  parts.push(view.slice(cursor))
  // a view offset `v` lies after every cut whose view position is before it (for an end) or at it (for a start)
  const toOriginal = (v: number, isEnd: boolean): number => {
    let shift = 0
    for (let i = 0; i < at.length && (isEnd ? at[i]! < v : at[i]! <= v); i++) shift += length[i]!
    return v + shift
  }
  const toClosed = (t: number): number => {
    let shift = 0
    for (let i = 0; i < from.length && from[i]! < t; i++) shift += Math.min(length[i]!, t - from[i]!)
    return t - shift
  }
  return {
    text: parts.join(''),
    toText: (span) => {
      const start = toOriginal(span.start, false)
      // an empty span at a cut would otherwise end before it starts
      return {...span, start, end: Math.max(start, toOriginal(span.end, true))}
    },
    toView: (span) => ({...span, start: toClosed(span.start), end: toClosed(span.end)}),
  }
}
