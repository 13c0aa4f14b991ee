/**
 * The linking corpus stage: every document contributes its entity mentions (label, canonical name, person cues,
 * provisional id, role) in input order; at the end the linker joins spellings of one entity across
 * documents, gives each provisional id its final one, and the entity index is written beside the records.
 */
import {compareSpans, isNameLabel, type Doc, type EntityLabel} from '../doc.ts'
import {findPersonCueKeys} from '../link/person-cues.ts'
import type {CorpusStage} from '../stage.ts'
import {LINK_STAGE, startLink, type LinkSummary} from './link-run.ts'

export type {LinkSummary}

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

// one id's entry while a document is gathered: label, id, mention count, spellings and roles with their counts, cue keys
type GatherEntry = [EntityLabel, string, number, Array<string | number>, Array<string | number> | null, string[] | null]

/** Creates the linking stage; memory grows with the distinct names of the corpus, not its documents. */
export function createLink(): CorpusStage<LinkSummary> {
  return {
    name: LINK_STAGE.name,
    requires: [...LINK_STAGE.requires],
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
    start: startLink,
  }
}
