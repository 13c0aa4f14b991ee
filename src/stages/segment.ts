/**
 * The `segment` stage: paragraphs, tokens and sentences as spans, and the line-end hyphens of wrapped paragraphs.
 * The work is done in src/segment/segment-text.ts and src/segment/line-hyphens.ts; this stage only writes the four
 * layers.
 */
import {findParagraphs, findSentences, findTokens} from '../segment/segment-text.ts'
import {findLineHyphens} from '../segment/line-hyphens.ts'
import {isEnglishWord} from '../adapters/wink.ts'
import type {Stage} from '../stage.ts'
import {warmUpOnce} from '../text/warm-up.ts'

// Text that takes the tokenizer through its rarer paths (addresses, e-mail, initialisms, listed abbreviations,
// dollar prefixes, clitics written apart, astral letters, emoji): see warmTokenizer.
const WARM_UP_TEXT = [
  'The U.S.-led talks, e.g. at 9 a.m., met non-U.S. and D-N.Y. staff of the G.O.P. in Paris-based AT&T offices.',
  'See https://example.org/a?b=1, http://example.com. or www.example.net; write to jane.doe@example.org, desk@Example.COM or j_doe.',
  'Mr. J. A. Smith, Gen. Ray Jr. and Dr. Lee of Acme Inc. said on Jan. 5 and Sun., Jan. 6, that Sun. The Sun. Sputnik V.',
  'Sen. Ann Roe, R-Wis., and No. 5 of ST. LOUIS, Mo.-based, paid C$ 0.45, US$5 and HK$ 12 for 1,250.50 at 3:45 on 11/13.',
  "1. Miss Stamper 3-1\nO'Brien's don't they're Lord 's BRITAIN 'S 'so' ... -- !!! ``quoted'' 020-7946-0958 COVID-19.",
  'Caf\u00e9 na\u0303o \u{1D400}\u{1D401} \u{1F600}\u{1F3FD} \u{1F1FA}\u{1F1F8} 5% # @ \u00a7 \u2020 e\u0301 \u2018x\u2019 end.',
].join('\n')

// Tokenizes a text that takes every rarer path of the tokenizer, once per thread, before the first document. V8
// optimises `scanWord` after a few thousand words; a path it had not yet seen run (an address, an e-mail, a listed
// abbreviation) then sent it back to the interpreter and it was compiled again, seven times per worker thread over
// the bench's 4 MB corpus, each compile among the largest a worker makes. V8 records what a function does only once
// it has run a while (about 8x its bytecode size): hence the rounds. findTokens keeps no state: tokens are the same.
const warmTokenizer = warmUpOnce(12, () => {
  findTokens(WARM_UP_TEXT)
  // paragraphs with spaces to trim at both ends, in a one-byte and a two-byte text: the trailing-space trim, met
  // first after findParagraphs was optimised, sent it back to be compiled again, up to four times per thread
  for (const text of WARM_PARAGRAPHS) findSentences(text, findParagraphs(text), findTokens(text))
})

const WARM_PARAGRAPHS = [
  '  Lead line.  \n\n Second one ends here. \t\nThird\u2028 Fourth \u2029Fifth.   ',
  '  \u201cLead\u201d line.  \n\n Second one ends here. \t\nThird\u2028 Fourth \u2029Fifth.   ',
]

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
