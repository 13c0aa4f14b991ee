/**
 * The `clean` stage: removes scrape boilerplate and lifts the headline into `title`. The rules live in
 * src/clean/clean-text.ts (`cleanText`); this stage only writes their result to the document.
 */
import {CleanOptions, cleanWith} from '../clean/clean-text.ts'
import {warmClean} from '../clean/warm-up.ts'
import type {Stage} from '../stage.ts'
import {decodeReferences} from '../text/references.ts'
import {removeWireCodes} from '../clean/wire-codes.ts'

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
      // the input's own byline marks its line as the byline's, `By` or not (an SGML <BYLINE> with a bare name)
      const result = cleanWith(doc.text, settings, {title, byline: doc.meta.byline ?? null})
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
