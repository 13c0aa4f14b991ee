/**
 * The text the stages that read words whole (money, entities, quotes, dateline) give their finders: a wrap inside a
 * paragraph read as a space (`unwrapText`, src/segment/layout.ts) and each line-end hyphen the segment stage found
 * closed (`closeLineHyphens`, src/segment/line-hyphens.ts), with the way back to the document's offsets. One place
 * for the rule, so a stage opens the view, calls its finder in it and maps what it found back.
 */
import type {Doc, Span, Token} from '../doc.ts'
import {unwrapText} from './layout.ts'
import {closeLineHyphens} from './line-hyphens.ts'
import {findTokens} from './segment-text.ts'

/** A document's text as a finder reads it, and the maps between the view's offsets and the text's. */
export interface ReadingView {
  /** what a finder reads: the text (unwrapped unless asked not to) with its line-end hyphens closed */
  readonly text: string
  /** the text the view was made from (unwrapped unless asked not to), in the document's own offsets */
  readonly source: string
  /** whether a line-end hyphen was closed: only then do the view's offsets differ from the text's */
  readonly closed: boolean
  /** the view's tokens: the document's token layer, or the view cut into tokens again when a break was closed */
  tokens(): Token[]
  /** spans of the text as spans of the view (the same array when nothing was closed) */
  toView<T extends Span>(spans: readonly T[]): T[]
  /** one span of the text as a span of the view */
  spanToView<T extends Span>(span: T): T
  /** spans found in the view as spans of the text (the same array when nothing was closed) */
  toText<T extends Span>(spans: T[]): T[]
  /** one span found in the view as a span of the text */
  spanToText<T extends Span>(span: T): T
}

/**
 * Opens the reading view of `doc`: its text with every wrap inside a paragraph a space (unless `unwrap` is false: the
 * dateline reads lines) and every line-end hyphen of its `lineHyphens` layer closed. Reads `paragraphs` only to
 * unwrap and `tokens` only when asked for them, so a stage still reads just the layers it declares.
 */
export function openReadingView(doc: Pick<Doc, 'text' | 'paragraphs' | 'lineHyphens' | 'tokens'>, unwrap = true): ReadingView {
  const source = unwrap ? unwrapText(doc.text, doc.paragraphs) : doc.text
  const hyphens = doc.lineHyphens ?? []
  if (hyphens.length === 0) {
    return {
      text: source,
      source,
      closed: false,
      tokens: () => doc.tokens ?? [],
      toView: <T extends Span>(spans: readonly T[]) => spans as T[],
      spanToView: (span) => span,
      toText: (spans) => spans,
      spanToText: (span) => span,
    }
  }
  // a word a wrapper broke with a hyphen ("Appropria-" / "tions") is read whole: the view is shorter than the text,
  // so it gets its own tokens and every span crosses into it and back
  const view = closeLineHyphens(source, hyphens)
  return {
    text: view.text,
    source,
    closed: true,
    tokens: () => findTokens(view.text),
    toView: (spans) => spans.map(view.toView),
    spanToView: view.toView,
    toText: (spans) => spans.map(view.toText),
    spanToText: view.toText,
  }
}
