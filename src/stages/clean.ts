/**
 * The `clean` stage: removes scrape boilerplate and lifts the headline into `title`. The rules live in
 * src/clean/clean-text.ts (`cleanText`); this stage only writes their result to the document.
 */
import {CleanOptions, cleanWith} from '../clean/clean-text.ts'
import type {Stage} from '../stage.ts'
import {decodeReferences} from '../text/references.ts'
import {warmUpOnce} from '../text/warm-up.ts'
import {removeWireCodes} from '../clean/wire-codes.ts'

// Lines with letters beyond the Basic Multilingual Plane and emoji, plain lines and blank ones: see warmClean.
const WARM_TEXT = [
  'HEADLINE IN CAPITALS',
  '',
  'A line of prose with \u{1D400}\u{1D401} letters and \u{1F600} emoji, \u00e9t\u00e9 and \u201cquotes\u201d.',
  '\u{20000}\u{20001} \u{1F1FA}\u{1F1F8} 5%',
  'plain ascii prose goes on here',
  '   ',
  'Last line.',
].join('\n')

// Cleans a short text with astral letters once per thread (a few rounds: V8 records what a function does only
// once it has run a while): the line measure met its first letter beyond U+FFFF after it was optimised and was
// compiled again in each worker thread. cleanWith keeps no state, so no document's result changes.
const warmClean = warmUpOnce(12, () => cleanWith(WARM_TEXT, CleanOptions.parse({}), null))

/** Creates the `clean` stage: writes the cleaned text, the title (an input title wins) and the removed lines. */
export function createClean(options: CleanOptions = {}): Stage {
  const settings = CleanOptions.parse(options)
  warmClean()
  return {
    name: 'clean',
    requires: ['text', 'title'],
    assigns: ['text', 'title', 'removed'],
    run(doc, ctx) {
      // a title read from the input (an SGML HEADLINE) carries the same codes and references as the text
      const coded = doc.title !== null && !settings.disable.includes('wire-code') ? removeWireCodes(doc.title).text : doc.title
      const title = coded !== null && settings.decodeReferences ? decodeReferences(coded).text : coded
      const result = cleanWith(doc.text, settings, title)
      doc.text = result.text
      doc.title = title ?? result.title
      doc.removed = result.removed
      // an article that had words and has none left is almost always a page of boilerplate, but it must not pass as an
      // ordinary empty result: the removed lines stay in the record, and the warning says where to look
      if (doc.text.trim() === '' && result.removed.length > 0) {
        ctx.warn('clean:emptied', `every line was removed as boilerplate (${result.removed.length} line${result.removed.length === 1 ? '' : 's'}, listed in removed): the article has no text left`)
      }
    },
  }
}
