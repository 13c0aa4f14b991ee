/**
 * The quotes stage: quotations found from their marks (`findQuotes`), attributed to speakers
 * with a speech-verb lexicon and entity-backed names (`attributeSpeakers`).
 */
import {z} from 'zod'
import type {Stage} from '../stage.ts'
import {findQuotes, isCutBeforeOpeningMark} from '../quotes/marks.ts'
import {attributeSpeakers} from '../quotes/speakers.ts'
import {placeQuotesInText} from '../quotes/in-text.ts'
import {readCasedAsProse, placeQuotesInCase} from '../quotes/all-caps.ts'
import {openReadingView} from '../segment/reading-view.ts'

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

/** Creates the quotes stage (requires text, paragraphs, tokens, line-end hyphens, byline lines and entities; assigns quotes). */
export function createQuotes(options: QuotesOptionsInput = {}): Stage {
  const settings = Object.freeze(QuotesOptions.parse(options))
  return {
    name: 'quotes',
    // attribution reads the document's tokens as words (src/quotes/words.ts); it finds sentence ends among them itself
    // a writer's name in the byline lines is never a speaker nor a pronoun's antecedent
    requires: ['text', 'paragraphs', 'tokens', 'lineHyphens', 'bylines', 'entities'],
    assigns: ['quotes'],
    run(doc, ctx) {
      // a wrap inside a paragraph reads as a space, so quotes and speakers cross it; a word a wrapper broke with a
      // hyphen ("an-" / "nounced") is read whole
      const view = openReadingView(doc)
      const paragraphs = view.toView(doc.paragraphs ?? [])
      const tokens = view.tokens()
      const options = {keepUnattributedPartial: settings.keepUnattributedPartial, indirect: settings.indirect}
      const entities = view.toView(doc.entities ?? [])
      // an all-caps document is read as mixed-case prose (src/quotes/all-caps.ts): "SAID" a speech verb, names capitalised
      const read = readCasedAsProse(view.text, tokens, paragraphs, entities)
      const found = placeQuotesInCase(attributeSpeakers(read.text, findQuotes(read.text, paragraphs, read.tokens), {paragraphs, tokens: read.tokens, entities: read.entities, bylines: view.toView(doc.bylines ?? [])}, options), view.text, read.text, entities)
      const quotes = placeQuotesInText(found, view)
      if (settings.warnUnclosed) {
        for (const quote of quotes) {
          if (!quote.unclosed) continue
          if (isCutBeforeOpeningMark(doc.text, quote.end)) ctx.warn('quotes:unclosed', 'a quotation has no closing mark; it was cut before the next opening mark in its paragraph (its closing mark mistyped?)', quote)
          else ctx.warn('quotes:unclosed', 'a quotation has no closing mark; it was cut at the end of its paragraph', quote)
        }
      }
      doc.quotes = quotes
    },
  }
}
