/**
 * The `dateline` stage: finds the wire dateline at the start of the story (`PARIS (Reuters) -`, `LONDON 1996-12-06`)
 * and records it as data; the dateline stays in the text. The work is done by {@link findDateline}.
 */
import {findDateline} from '../dateline/find-dateline.ts'
import {closeLineHyphens} from '../segment/line-hyphens.ts'
import type {Stage} from '../stage.ts'

/** Creates the dateline stage (requires text, paragraphs and line hyphens, assigns dateline: the dateline found, or null). */
export function createDateline(): Stage {
  return {
    name: 'dateline',
    requires: ['text', 'paragraphs', 'lineHyphens'],
    assigns: ['dateline'],
    run(doc) {
      const hyphens = doc.lineHyphens ?? []
      if (hyphens.length === 0) {
        doc.dateline = findDateline(doc.text, doc.paragraphs ?? [])
        return
      }
      // a place a wrapper broke at a line's end ("LAGOS, Nige-" / "ria (Reuters) -") is read whole, as money, entities
      // and quotes read words, in a view with the break closed; the span is mapped back onto the text
      const view = closeLineHyphens(doc.text, hyphens)
      const found = findDateline(view.text, (doc.paragraphs ?? []).map(view.toView))
      doc.dateline = found && view.toText(found)
    },
  }
}
