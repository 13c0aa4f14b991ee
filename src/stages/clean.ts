/**
 * The `clean` stage: removes scrape boilerplate and lifts the headline into `title`. The rules live in
 * src/clean/clean-text.ts (`cleanText`); this stage only writes their result to the document.
 */
import {CleanOptions, cleanWith} from '../clean/clean-text.ts'
import {warmClean} from '../clean/warm-up.ts'
import type {Stage} from '../stage.ts'
import {decodeReferences} from '../text/references.ts'
import {removeWireCodes} from '../clean/wire-codes.ts'
import {findSideColumns} from '../clean/side-columns.ts'

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
      // a page converted with its layout kept: every line mixes two columns (src/clean/side-columns.ts); said, not cut
      const columns = findSideColumns(doc.text)
      if (columns !== null) {
        ctx.warn('clean:side-columns', `the text looks laid out in columns side by side (${columns.lines} of its ${columns.of} lines with words have another column from character ${columns.column + 1}), as pdftotext -layout writes a page: each line is read across the columns, so their sentences, names and quotes come out mixed; convert the PDF without -layout (plain pdftotext keeps each column's lines together)`)
      }
      if (doc.text.trim() === '' && result.removed.length > 0) {
        ctx.warn('clean:emptied', `every line was removed as boilerplate (${result.removed.length} line${result.removed.length === 1 ? '' : 's'}, listed in removed): the article has no text left`)
      }
    },
  }
}
