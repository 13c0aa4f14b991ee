/**
 * The corpus-wide entity list of a run written with `--no-link`, which has no entities-index.jsonl: gathered from
 * its mention records so the review site still counts, names and lists its entities (it showed "0 distinct
 * entities", "no names found" and speakers as raw ids such as "person:rodion-miroshnik").
 */
import type {EntityIndexEntry, EntityRecord} from '../schema.ts'

interface Gathered {
  label: EntityIndexEntry['label']
  names: Map<string, number>
  roles: Map<string, number>
  mentions: number
  documents: Set<string>
}

/** Gathers entity-index entries from mention records, one entry per entityId, as the linker's index would list them. */
export function createMentionIndex(): {add: (mention: EntityRecord) => void; entries: () => EntityIndexEntry[]} {
  const byId = new Map<string, Gathered>()
  return {
    add(mention) {
      let entry = byId.get(mention.entityId)
      if (!entry) byId.set(mention.entityId, (entry = {label: mention.label, names: new Map(), roles: new Map(), mentions: 0, documents: new Set()}))
      entry.names.set(mention.canonical, (entry.names.get(mention.canonical) ?? 0) + 1)
      if (mention.role) entry.roles.set(mention.role, (entry.roles.get(mention.role) ?? 0) + 1)
      entry.mentions++
      entry.documents.add(mention.docId)
    },
    entries() {
      // most frequent first, ties in the order first seen (Map order), as the index's canonical and roles are
      const ranked = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name)
      return [...byId].map(([entityId, e]) => {
        const [canonical, ...aliases] = ranked(e.names)
        return {entityId, label: e.label, canonical: canonical!, aliases: aliases.sort(), roles: ranked(e.roles).slice(0, 10), mentions: e.mentions, documents: e.documents.size, merges: []}
      })
    },
  }
}
