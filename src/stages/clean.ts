/**
 * The `clean` stage: removes scrape boilerplate and lifts the headline into `title`. The rules live in
 * src/clean/clean-text.ts (`cleanText`); this stage only writes their result to the document.
 */
import {CleanOptions, cleanWith} from '../clean/clean-text.ts'
import type {Stage} from '../stage.ts'
import {decodeReferences} from '../text/references.ts'
import {removeWireCodes} from '../clean/wire-codes.ts'

/** Creates the `clean` stage: writes the cleaned text, the title (an input title wins) and the removed lines. */
export function createClean(options: CleanOptions = {}): Stage {
  const settings = CleanOptions.parse(options)
  return {
    name: 'clean',
    requires: ['text', 'title'],
    assigns: ['text', 'title'],
    run(doc) {
      // a title read from the input (an SGML HEADLINE) carries the same codes and references as the text
      const coded = doc.title !== null && !settings.disable.includes('wire-code') ? removeWireCodes(doc.title).text : doc.title
      const title = coded !== null && settings.decodeReferences ? decodeReferences(coded).text : coded
      const result = cleanWith(doc.text, settings, title)
      doc.text = result.text
      doc.title = title ?? result.title
      doc.removed = result.removed
    },
  }
}
