/**
 * The quotes stage: quotations found from their marks (`findQuotes`), attributed to speakers
 * with a speech-verb lexicon and entity-backed names (`attributeSpeakers`).
 */
import {z} from 'zod'
import type {Stage} from '../stage.ts'
import {unwrapText} from '../segment/layout.ts'
import {findQuotes} from '../quotes/marks.ts'
import {attributeSpeakers} from '../quotes/speakers.ts'
import {closeLineHyphens, type ClosedView} from '../segment/line-hyphens.ts'
import {findTokens} from '../segment/segment-text.ts'
import type {Quote} from '../doc.ts'

/** Options of the quotes stage. */
export const QuotesOptions = z
  .object({
    /** keep quoted fragments that have no speech cue or speaker in their sentence (off: they are mostly scare quotes and titles) */
    keepUnattributedPartial: z.boolean().default(false),
    /** also report indirect speech ("X said the talks failed") as quotes of kind `indirect` */
    indirect: z.boolean().default(false),
    /** warn on quotes cut at their paragraph's end for lack of a closing mark */
    warnUnclosed: z.boolean().default(true),
  })
  .strict()
/** Input type of {@link QuotesOptions}. */
export type QuotesOptionsInput = z.input<typeof QuotesOptions>

/** Creates the quotes stage (requires text, paragraphs, tokens, line-end hyphens and entities; assigns quotes). */
export function createQuotes(options: QuotesOptionsInput = {}): Stage {
  const settings = Object.freeze(QuotesOptions.parse(options))
  return {
    name: 'quotes',
    // attribution reads the document's tokens as words (src/quotes/words.ts); it finds sentence ends among them itself
    requires: ['text', 'paragraphs', 'tokens', 'lineHyphens', 'entities'],
    assigns: ['quotes'],
    run(doc, ctx) {
      const paragraphs = doc.paragraphs ?? []
      // a wrap inside a paragraph reads as a space, so quotes and speakers cross it
      const text = unwrapText(doc.text, doc.paragraphs)
      const options = {keepUnattributedPartial: settings.keepUnattributedPartial, indirect: settings.indirect}
      // a word a wrapper broke with a hyphen ("an-" / "nounced") is read whole, in a view with the break closed
      const hyphens = doc.lineHyphens ?? []
      let quotes: Quote[]
      if (hyphens.length === 0) {
        const tokens = doc.tokens ?? []
        quotes = attributeSpeakers(text, findQuotes(text, paragraphs, tokens), {paragraphs, tokens, entities: doc.entities ?? []}, options)
      } else {
        const view = closeLineHyphens(text, hyphens)
        const inView = paragraphs.map(view.toView)
        const tokens = findTokens(view.text)
        const entities = (doc.entities ?? []).map(view.toView)
        quotes = attributeSpeakers(view.text, findQuotes(view.text, inView, tokens), {paragraphs: inView, tokens, entities}, options).map((quote) => quoteInText(quote, view, text))
      }
      if (settings.warnUnclosed) {
        for (const quote of quotes) {
          if (quote.unclosed) ctx.warn('quotes:unclosed', 'a quotation has no closing mark; it was cut at the end of its paragraph', quote)
        }
      }
      doc.quotes = quotes
    },
  }
}

/**
 * A quote found in the view with line-end hyphens closed, as spans of the text: its mention and cue are read from the
 * unwrapped text (a wrap a space, as every stage gives them; the records write the newline back).
 */
function quoteInText(quote: Quote, view: ClosedView, unwrapped: string): Quote {
  const {start, end} = view.toText(quote)
  const cueSpan = quote.cueSpan && view.toText(quote.cueSpan)
  const speaker = quote.speaker.start !== null && quote.speaker.end !== null ? view.toText({start: quote.speaker.start, end: quote.speaker.end}) : null
  return {
    ...quote,
    start,
    end,
    cue: cueSpan ? unwrapped.slice(cueSpan.start, cueSpan.end) : quote.cue,
    cueSpan,
    speaker: speaker ? {...quote.speaker, ...speaker, mention: unwrapped.slice(speaker.start, speaker.end)} : quote.speaker,
  }
}
