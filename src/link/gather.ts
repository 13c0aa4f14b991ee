/**
 * One document's part in linking, gathered where the document is processed: its entity mentions per entity id
 * (label, mention count, spellings, roles, person cue keys) as the one flat list the linker adds
 * (GatheredMentions, ./linker.ts), so the main thread adds each document/entity pair once instead of every mention.
 */
import {compareSpans, isNameLabel, type Entity, type EntityLabel} from '../doc.ts'
import {findPersonCueKeys} from './person-cues.ts'

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

/** Gathers a document's entity mentions per entity id, in the order of each id's first mention (offset order), into the linker's flat list (GatheredMentions). */
export function gatherMentions(text: string, all: readonly Entity[]): Array<string | number> {
  // offset order, as the entity records are written, so the linker sees mentions in the same order wherever it runs;
  // the pairs are pushed into a literal, not made by `map`, whose result's elements kind varies with the input array:
  // meeting another kind sent summarize (one of a worker's larger compiles) back to be compiled again in each thread
  const sorted: Array<{e: Entity; i: number}> = []
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
    const cues = isNameLabel(e.label) ? findPersonCueKeys(text, e) : null
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
  return gathered
}
