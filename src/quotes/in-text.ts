/**
 * Quotes found in a reading view (src/segment/reading-view.ts) as spans of the document's text: the quote, its cue
 * and its speaker mapped back, the cue and the mention read again from the text they now index.
 */
import type {Quote} from '../doc.ts'
import type {ReadingView} from '../segment/reading-view.ts'

/**
 * Maps quotes found in `view` back onto the text it was made from; returns `quotes` itself when the view closed no
 * line-end hyphen. A cue and a mention are read from the unwrapped text (a wrap a space, as every stage gives them;
 * the records write the newline back).
 */
export function placeQuotesInText(quotes: Quote[], view: ReadingView): Quote[] {
  if (!view.closed) return quotes
  return quotes.map((quote) => {
    const {start, end} = view.spanToText(quote)
    const cueSpan = quote.cueSpan && view.spanToText(quote.cueSpan)
    const speaker = quote.speaker.start !== null && quote.speaker.end !== null ? view.spanToText({start: quote.speaker.start, end: quote.speaker.end}) : null
    return {
      ...quote,
      start,
      end,
      cue: cueSpan ? view.source.slice(cueSpan.start, cueSpan.end) : quote.cue,
      cueSpan,
      speaker: speaker ? {...quote.speaker, ...speaker, mention: view.source.slice(speaker.start, speaker.end)} : quote.speaker,
    }
  })
}
