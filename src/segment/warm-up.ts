/**
 * The segment stage's warm-up (src/text/warm-up.ts): the tokenizer's and the paragraph finder's rarer paths run once
 * per thread before the first document, so V8 does not compile them again when a document first takes one.
 */
import {findParagraphs, findSentences, findTokens} from './segment-text.ts'
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

/**
 * Tokenizes a text that takes every rarer path of the tokenizer, once per thread, before the first document. V8
 * optimises `scanWord` after a few thousand words; a path it had not yet seen run (an address, an e-mail, a listed
 * abbreviation) then sent it back to the interpreter and it was compiled again, seven times per worker thread over
 * the bench's 4 MB corpus, each compile among the largest a worker makes. V8 records what a function does only once
 * it has run a while (about 8x its bytecode size): hence the rounds. findTokens keeps no state: tokens are the same.
 */
export const warmTokenizer: () => void = warmUpOnce(12, () => {
  findTokens(WARM_UP_TEXT)
  // paragraphs with spaces to trim at both ends, in a one-byte and a two-byte text: the trailing-space trim, met
  // first after findParagraphs was optimised, sent it back to be compiled again, up to four times per thread
  for (const text of WARM_PARAGRAPHS) findSentences(text, findParagraphs(text), findTokens(text))
})

const WARM_PARAGRAPHS = [
  '  Lead line.  \n\n Second one ends here. \t\nThird\u2028 Fourth \u2029Fifth.   ',
  '  \u201cLead\u201d line.  \n\n Second one ends here. \t\nThird\u2028 Fourth \u2029Fifth.   ',
]
