/**
 * The `segment` stage: paragraphs, tokens and sentences as spans, the line-end hyphens of wrapped paragraphs, and the
 * byline block's lines. The work is done in src/segment/segment-text.ts, src/segment/line-hyphens.ts and
 * src/clean/clean-text.ts (`findBylines`); this stage only writes the five layers.
 */
import {findParagraphs, findSentences, findTokens} from '../segment/segment-text.ts'
import {findLineHyphens} from '../segment/line-hyphens.ts'
import {findBylines} from '../clean/clean-text.ts'
import {isEnglishWord} from '../adapters/wink.ts'
import type {Stage} from '../stage.ts'
import {warmTokenizer} from '../segment/warm-up.ts'

/** Creates the `segment` stage: writes paragraphs, tokens, sentences, line-end hyphens and byline lines over the (cleaned) text. */
export function createSegment(): Stage {
  warmTokenizer()
  return {
    name: 'segment',
    requires: ['text'],
    assigns: ['paragraphs', 'sentences', 'tokens', 'lineHyphens', 'bylines'],
    run(doc) {
      const paragraphs = findParagraphs(doc.text)
      const tokens = findTokens(doc.text)
      doc.paragraphs = paragraphs
      doc.tokens = tokens
      doc.sentences = findSentences(doc.text, paragraphs, tokens)
      // words a wrapper broke at a line's end, found once for every stage that reads them whole (money, entities,
      // quotes); only line breaks inside a paragraph are read, so text that is not hard-wrapped gets [] and never
      // loads the lexicon
      doc.lineHyphens = findLineHyphens(doc.text, paragraphs, isEnglishWord)
      // the byline lines clean kept in the text (its rule, over the final text and the input's own byline): written
      // here, not by clean, because the plain pipeline has no clean stage and its quotes need them too
      doc.bylines = findBylines(doc.text, doc.meta.byline ?? null)
    },
  }
}
