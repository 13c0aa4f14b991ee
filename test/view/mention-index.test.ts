import {describe, expect, it} from 'vitest'
import {createMentionIndex} from '../../src/view/mention-index.ts'
import type {EntityRecord} from '../../src/schema.ts'

const mention = (docId: string, entityId: string, canonical: string, role?: string): EntityRecord => ({
  docId,
  id: `${docId}:e0`,
  text: canonical,
  start: 0,
  end: canonical.length,
  label: entityId.startsWith('person:') ? 'PERSON' : 'LOC',
  canonical,
  entityId,
  ...(role ? {role} : {}),
})

describe('createMentionIndex', () => {
  it.each([
    ['no mentions', [], []],
    [
      'one entity in two documents',
      [mention('a', 'person:x', 'Ann Lee'), mention('a', 'person:x', 'Ann Lee'), mention('b', 'person:x', 'Ann Lee', 'mayor')],
      [{entityId: 'person:x', label: 'PERSON', canonical: 'Ann Lee', aliases: [], roles: ['mayor'], mentions: 3, documents: 2, merges: []}],
    ],
    [
      'the most frequent spelling is the name, the others aliases (sorted), entities in the order first seen',
      [mention('a', 'loc:k', 'Kyiv'), mention('a', 'person:x', 'Ann Lee'), mention('b', 'loc:k', 'Kiev'), mention('c', 'loc:k', 'Kiev'), mention('c', 'loc:k', 'KYIV')],
      [
        {entityId: 'loc:k', label: 'LOC', canonical: 'Kiev', aliases: ['KYIV', 'Kyiv'], roles: [], mentions: 4, documents: 3, merges: []},
        {entityId: 'person:x', label: 'PERSON', canonical: 'Ann Lee', aliases: [], roles: [], mentions: 1, documents: 1, merges: []},
      ],
    ],
  ])('%s', (_, mentions, entries) => {
    const index = createMentionIndex()
    for (const m of mentions) index.add(m)
    expect(index.entries()).toEqual(entries)
  })
})
