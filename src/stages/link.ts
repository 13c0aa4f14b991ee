/**
 * The linking corpus stage: every document contributes its entity mentions (label, canonical name, person cues,
 * provisional id, role) in input order; at the end the linker joins spellings of one entity across
 * documents, gives each provisional id its final one, and the entity index is written beside the records.
 */
import type {Doc} from '../doc.ts'
import {gatherMentions} from '../link/gather.ts'
import type {CorpusStage} from '../stage.ts'
import {LINK_STAGE, startLink, type LinkSummary} from './link-run.ts'

export type {LinkSummary}

/** Creates the linking stage; memory grows with the distinct names of the corpus, not its documents. */
export function createLink(): CorpusStage<LinkSummary> {
  return {
    name: LINK_STAGE.name,
    requires: [...LINK_STAGE.requires],
    summarize(doc: Doc): LinkSummary {
      return {docId: doc.id, gathered: gatherMentions(doc.text, doc.entities ?? [])}
    },
    start: startLink,
  }
}
