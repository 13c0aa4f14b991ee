/**
 * The `dateline` stage: finds the wire dateline at the start of the story (`PARIS (Reuters) -`, `LONDON 1996-12-06`)
 * and records it as data; the dateline stays in the text. The work is done by {@link findDateline}.
 */
import {findDateline} from '../dateline/find-dateline.ts'
import {openReadingView} from '../segment/reading-view.ts'
import type {Stage} from '../stage.ts'

/** Creates the dateline stage (requires text, paragraphs and line hyphens, assigns dateline: the dateline found, or null). */
export function createDateline(): Stage {
  return {
    name: 'dateline',
    requires: ['text', 'paragraphs', 'lineHyphens'],
    assigns: ['dateline'],
    run(doc) {
      // a place a wrapper broke at a line's end ("LAGOS, Nige-" / "ria (Reuters) -") is read whole, as money, entities
      // and quotes read words; the dateline is a line, so wraps stay newlines
      const view = openReadingView(doc, false)
      const found = findDateline(view.text, view.toView(doc.paragraphs ?? []))
      doc.dateline = found && view.spanToText(found)
    },
  }
}
