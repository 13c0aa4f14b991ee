/**
 * The linking corpus stage: every document contributes its entity mentions (label, canonical name, person cues,
 * provisional id, role) in input order; at the end the linker joins spellings of one entity across
 * documents, gives each provisional id its final one, and the entity index is written beside the records.
 */
import {compareSpans, isNameLabel, type Doc, type EntityLabel} from '../doc.ts'
import {createLinker} from '../link/linker.ts'
import {findPersonCueKeys} from '../link/person-cues.ts'
import {ENTITY_INDEX_FILE, EntityIndexEntry} from '../schema.ts'
import type {CorpusResult, CorpusRun, CorpusStage} from '../stage.ts'

/**
 * One document's contribution: its id and its mentions `[label, canonical, entityId, role, cues]` in offset order;
 * `cues` are the name keys a title or honorific on the mention supports (person evidence for corpus labels), or null.
 */
export interface LinkSummary {
  docId: string
  mentions: Array<[EntityLabel, string, string, string | null, string[] | null]>
}

/** Creates the linking stage; memory grows with the distinct names of the corpus, not its documents. */
export function createLink(): CorpusStage<LinkSummary> {
  return {
    name: 'link',
    requires: ['entities', 'text'],
    summarize(doc: Doc): LinkSummary {
      // offset order, as the entity records are written, so the linker sees mentions in the same order wherever it runs
      const entities = (doc.entities ?? []).map((e, i) => ({e, i})).sort((x, y) => compareSpans(x.e, y.e) || x.i - y.i)
      return {
        docId: doc.id,
        mentions: entities.map(({e}) => [e.label, e.canonical, e.entityId, e.role ?? null, isNameLabel(e.label) ? findPersonCueKeys(doc.text, e) : null]),
      }
    },
    start(): CorpusRun<LinkSummary> {
      const linker = createLinker()
      return {
        add(summary) {
          // a plain literal per mention: in Node 20 a conditional spread costs microseconds, and this runs on the main thread for every mention of the corpus
          for (const [label, canonical, entityId, role, cues] of summary.mentions) {
            linker.add({docId: summary.docId, label, canonical, entityId, role: role ?? undefined, cues: cues ?? undefined})
          }
        },
        finish(): CorpusResult {
          const {idMap, index, relabels} = linker.finish()
          const entries: EntityIndexEntry[] = []
          const errors: NonNullable<CorpusResult['errors']> = []
          for (const entry of index) {
            const parsed = EntityIndexEntry.safeParse(entry)
            if (parsed.success) entries.push(parsed.data)
            else errors.push({source: ENTITY_INDEX_FILE, docId: null, stage: 'link', code: 'link:invalid-record', message: `${parsed.error.message}; record: ${JSON.stringify(entry)}`})
          }
          // only ids that change need replacing in the written records
          const changed = new Map<string, string>()
          for (const [from, to] of idMap) if (from !== to) changed.set(from, to)
          return {entityIds: changed, labels: relabels, files: {[ENTITY_INDEX_FILE]: entries}, errors}
        },
      }
    },
  }
}
