/**
 * The `tags` stage (opt-in, `--layers tokens`): a Universal POS tag and a lemma for each of lede's own
 * tokens, from wink-nlp through {@link tagTokens} in src/adapters/wink.ts.
 */
import {tagTokens} from '../adapters/wink.ts'
import type {Stage} from '../stage.ts'

/** Creates the tags stage: assigns `doc.tags`, one entry per token. */
export function createTags(): Stage {
  return {
    name: 'tags',
    requires: ['text', 'tokens'],
    assigns: ['tags'],
    run(doc) {
      doc.tags = tagTokens(doc.text, doc.tokens!)
    },
  }
}
