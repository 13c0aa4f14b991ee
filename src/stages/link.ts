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

// a value's count in an alternating [value, count, …] list, first occurrences in order
function countIn(list: Array<string | number>, value: string): void {
  for (let k = 0; k < list.length; k += 2) {
    if (list[k] === value) {
      list[k + 1] = (list[k + 1] as number) + 1
      return
    }
  }
  list.push(value, 1)
}

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

// one id's entry while a document is gathered: label, id, mention count, spellings and roles with their counts, cue keys
type GatherEntry = [EntityLabel, string, number, Array<string | number>, Array<string | number> | null, string[] | null]

/** A summary staged by an older lede, one tuple per mention `[label, canonical, entityId, role, cues]`; a resumed run may still hold one. */
interface MentionSummary {
  docId: string
  mentions: Array<[EntityLabel, string, string, string | null, string[] | null]>
}

/** Creates the linking stage; memory grows with the distinct names of the corpus, not its documents. */
export function createLink(): CorpusStage<LinkSummary> {
  return {
    name: 'link',
    requires: ['entities', 'text'],
    summarize(doc: Doc): LinkSummary {
      // offset order, as the entity records are written, so the linker sees mentions in the same order wherever it runs;
      // the pairs are pushed into a literal, not made by `map`, whose result's elements kind varies with the input array:
      // meeting another kind sent summarize (one of a worker's larger compiles) back to be compiled again in each thread
      const sorted: Array<{e: NonNullable<Doc['entities']>[number]; i: number}> = []
      const all = doc.entities ?? []
      for (let i = 0; i < all.length; i++) sorted.push({e: all[i]!, i})
      sorted.sort((x, y) => compareSpans(x.e, y.e) || x.i - y.i)
      const entities: GatherEntry[] = []
      const byId = new Map<string, GatherEntry>()
      for (const {e} of sorted) {
        let entry = byId.get(e.entityId)
        if (entry === undefined) {
          entry = [e.label, e.entityId, 0, [], null, null]
          byId.set(e.entityId, entry)
          entities.push(entry)
        }
        entry[2]++
        countIn(entry[3], e.canonical)
        if (e.role) countIn((entry[4] ??= []), e.role)
        const cues = isNameLabel(e.label) ? findPersonCueKeys(doc.text, e) : null
        if (cues !== null) {
          const union = (entry[5] ??= [])
          for (const key of cues) if (!union.includes(key)) union.push(key)
        }
      }
      const gathered: Array<string | number> = []
      for (const [label, entityId, mentions, spellings, roles, cues] of entities) {
        gathered.push(label, entityId, mentions, spellings.length, ...spellings)
        if (roles === null) gathered.push(-1)
        else gathered.push(roles.length, ...roles)
        if (cues === null) gathered.push(-1)
        else gathered.push(cues.length, ...cues)
      }
      return {docId: doc.id, gathered}
    },
    start(): CorpusRun<LinkSummary> {
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
    },
  }
}
