/**
 * The `segment` stage: paragraphs, tokens and sentences as spans, and the line-end hyphens of wrapped paragraphs.
 * The work is done in src/segment/segment-text.ts and src/segment/line-hyphens.ts; this stage only writes the four
 * layers.
 */
import {findParagraphs, findSentences, findTokens} from '../segment/segment-text.ts'
import {findLineHyphens} from '../segment/line-hyphens.ts'
import {isEnglishWord} from '../adapters/wink.ts'
import type {Stage} from '../stage.ts'
import {warmTokenizer} from '../segment/warm-up.ts'

/** Creates the `segment` stage: writes paragraphs, tokens, sentences and line-end hyphens over the (cleaned) text. */
export function createSegment(): Stage {
  warmTokenizer()
  return {
    name: 'segment',
    requires: ['text'],
    assigns: ['paragraphs', 'sentences', 'tokens', 'lineHyphens'],
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
    },
  }
}
