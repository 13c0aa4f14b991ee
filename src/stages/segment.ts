/**
 * The `segment` stage: paragraphs, tokens and sentences as spans. The work is done in
 * src/segment/segment-text.ts; this stage only writes the three layers.
 */
import {findParagraphs, findSentences, findTokens} from '../segment/segment-text.ts'
import type {Stage} from '../stage.ts'

/** Creates the `segment` stage: writes paragraphs, tokens and sentences over the (cleaned) text. */
export function createSegment(): Stage {
  return {
    name: 'segment',
    requires: ['text'],
    assigns: ['paragraphs', 'sentences', 'tokens'],
    run(doc) {
      const paragraphs = findParagraphs(doc.text)
      const tokens = findTokens(doc.text)
      doc.paragraphs = paragraphs
      doc.tokens = tokens
      doc.sentences = findSentences(doc.text, paragraphs, tokens)
    },
  }
}
