/**
 * The `dateline` stage: finds the wire dateline at the start of the story (`PARIS (Reuters) -`, `LONDON 1996-12-06`)
 * and records it as data; the dateline stays in the text. The work is done by {@link findDateline}.
 */
import {findDateline} from '../dateline/find-dateline.ts'
import type {Stage} from '../stage.ts'

export {findDateline, matchDateline} from '../dateline/find-dateline.ts'

/** Creates the dateline stage (requires text and paragraphs, assigns dateline: the dateline found, or null). */
export function createDateline(): Stage {
  return {
    name: 'dateline',
    requires: ['text', 'paragraphs'],
    assigns: ['dateline'],
    run(doc) {
      doc.dateline = findDateline(doc.text, doc.paragraphs ?? [])
    },
  }
}
