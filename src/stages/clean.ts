/**
 * The `clean` stage: removes scrape boilerplate and lifts the headline into `title`. The rules live in
 * src/clean/clean-text.ts (`cleanText`); this stage only writes their result to the document.
 */
import {CleanOptions, cleanWith} from '../clean/clean-text.ts'
import type {Stage} from '../stage.ts'
import {decodeReferences} from '../text/references.ts'

/** Creates the `clean` stage: writes the cleaned text, the title (an input title wins) and the removed lines. */
export function createClean(options: CleanOptions = {}): Stage {
  const settings = CleanOptions.parse(options)
  return {
    name: 'clean',
    requires: ['text', 'title'],
    assigns: ['text', 'title'],
    run(doc) {
      const title = doc.title !== null && settings.decodeReferences ? decodeReferences(doc.title).text : doc.title
      const result = cleanWith(doc.text, settings, title)
      doc.text = result.text
      doc.title = title ?? result.title
      doc.removed = result.removed
    },
  }
}
