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
 * letter or a digit. A soft hyphen (U+00AD) is always soft. Otherwise, with `head` the letters before the hyphen
 * and `tail` the letters after the break:
 * - the tail is a conjunction (`pre-`/`and post-war`, `two-`/`to three-year`): a suspended hyphen, left as written;
 * - the tail starts with a capital (`McCain-`/`Feingold`, `mid-`/`September`, a capitals headline) or a digit
 *   (`pre-`/`1990`), or the head is an initialism in capitals (`NATO-`/`led`): a compound, the hyphen stays;
 * - `head + tail` is an English word form (`appropriations`, `january`, `environmental`): soft, joined;
 * - both parts are words (`long`/`term`, `re`/`elected`, `x`/`ray`): a compound;
 * - the tail is no word on its own (`Schwarzen-`/`egger`, `announ-`/`ced`): soft, joined;
 * - else (`anti-`/`abortion`, the head no word, the tail one): a compound, the hyphen stays.
 * `isWord` answers for a lowercase word (the stages pass wink's English lexicon, src/adapters/wink.ts).
 */
export function findLineHyphens(text: string, paragraphs: readonly Span[], isWord: (word: string) => boolean): LineHyphen[] {
  const found: LineHyphen[] = []
  for (const paragraph of paragraphs) {
    let at = text.indexOf('\n', paragraph.start)
    while (at >= 0 && at < paragraph.end) {
      const hyphen = lineHyphenAt(text, paragraph, at, isWord)
      if (hyphen !== null) found.push(hyphen)
      at = text.indexOf('\n', at + 1)
    }
  }
  return found
}

function lineHyphenAt(text: string, paragraph: Span, newline: number, isWord: (word: string) => boolean): LineHyphen | null {
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
  if (firstClass === DIGIT || firstClass === UPPER) return {start: h, end: next, join: false}
  const head = text.slice(headStart, h)
  // an initialism in capitals before the hyphen ("NATO-led", "U.S.-based" has a period and never gets here)
  if (head.length >= 2 && head === head.toUpperCase() && head !== head.toLowerCase()) return {start: h, end: next, join: false}
  let tailEnd = next
  while (tailEnd < paragraph.end && isLetter(text.charCodeAt(tailEnd))) tailEnd++
  const headWord = head.toLowerCase()
  const tailWord = text.slice(next, tailEnd).toLowerCase()
  // a suspended hyphen ("pre- and post-war", "first- or second-graders") is followed by its conjunction
  if (SUSPENDED.has(tailWord)) return null
  if (isWord(headWord + tailWord)) return {start: h, end: next, join: true}
  if (isWord(tailWord)) return {start: h, end: next, join: false}
  return {start: h, end: next, join: true}
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
