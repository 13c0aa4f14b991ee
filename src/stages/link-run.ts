/**
 * The linking stage's run (`start`, `add`, `finish`): what the thread that writes the output needs of linking. Apart
 * from ./link.ts, whose `summarize` reads documents (`gatherMentions`, ../link/gather.ts: person cues, role phrases, the
 * character tables), so that a main thread whose documents are processed elsewhere loads the linker without the document-reading code.
 */
import type {EntityLabel, LayerName} from '../doc.ts'
import {createLinker} from '../link/linker.ts'
import {ENTITY_INDEX_FILE, EntityIndexEntry} from '../schema.ts'
import type {CorpusResult, CorpusRun} from '../stage.ts'

/** The linking stage's name and the layers its summary reads. */
export const LINK_STAGE: {readonly name: 'link'; readonly requires: readonly LayerName[]} = {name: 'link', requires: ['entities', 'text']}

/**
 * One document's contribution: its id and its mentions gathered per entity id, in the order of each id's first
 * mention (offset order), as one flat list (see GatheredMentions): label, id, mention count, spellings and roles
 * with their counts, and the name keys a title or honorific on a mention supports (person evidence for corpus
 * labels). Gathered where the document was processed, so the main thread adds each document/entity pair once
 * instead of every mention (359k mentions, 189k pairs per 20 MB), and receives no nested arrays to clone.
 */
export interface LinkSummary {
  docId: string
  gathered: Array<string | number>
}

/** A summary staged by an older lede, one tuple per mention `[label, canonical, entityId, role, cues]`; a resumed run may still hold one. */
interface MentionSummary {
  docId: string
  mentions: Array<[EntityLabel, string, string, string | null, string[] | null]>
}

/** One run of the linking stage: each document's summary added in input order, then the final ids, relabels and entity index. */
export function startLink(): CorpusRun<LinkSummary> {
  const linker = createLinker()
  return {
    add(summary) {
      if ('mentions' in summary) {
        const legacy = summary as unknown as MentionSummary
        for (const [label, canonical, entityId, role, cues] of legacy.mentions) {
          linker.add({docId: legacy.docId, label, canonical, entityId, role: role ?? undefined, cues: cues ?? undefined})
        }
        return
      }
      linker.addDocument(summary.docId, summary.gathered)
    },
    finish(): CorpusResult {
      const {idMap, index, relabels} = linker.finish()
      // only ids that change need replacing in the written records
      const changed = new Map<string, string>()
      for (const [from, to] of idMap) if (from !== to) changed.set(from, to)
      // the index is checked against its schema as it is written (an entry that fails is a link:invalid-record error)
      return {entityIds: changed, labels: relabels, recordFiles: {[ENTITY_INDEX_FILE]: {schema: EntityIndexEntry, records: index}}}
    },
  }
}
