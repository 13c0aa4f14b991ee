import {describe, expect, it} from 'vitest'
import type {EntityLabel} from '../../src/doc.ts'
import {entityIdFor} from '../../src/names/entity-id.ts'
import {resolveOverlaps} from '../../src/entities/overlaps.ts'
import {resolveMentions} from '../../src/entities/resolve.ts'
import {createLinker, type LinkInput} from '../../src/link/linker.ts'
import {EntityIndexEntry} from '../../src/schema.ts'
import {readSeed, SEED_ENTRIES, spansFor} from '../entities/seed-spans.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

/** Links the four seed articles, resolved from hand-built spans. */
function linkSeeds() {
  const linker = createLinker()
  for (const name of Object.keys(SEED_ENTRIES).sort()) {
    const text = readSeed(name)
    for (const e of resolveMentions(text, findTokens(text), resolveOverlaps(text, spansFor(text, SEED_ENTRIES[name])))) {
      linker.add({docId: name, label: e.label, canonical: e.canonical, entityId: e.entityId, ...(e.role ? {role: e.role} : {})})
    }
  }
  return linker.finish()
}

describe('createLinker on the seed articles', () => {
  const {idMap, index} = linkSeeds()
  const final = (label: EntityLabel, name: string): string | undefined => idMap.get(entityIdFor(label, name))

  it('joins the three spellings of one deputy foreign minister', () => {
    const id = final('PERSON', 'Serhiy Kyslytsya')
    expect(final('PERSON', 'Sergiy Kyslytsya')).toBe(id)
    expect(final('PERSON', 'Sergey Kislya')).toBe(id)
    const entry = index.find((e) => e.entityId === id)!
    expect(entry.merges.map((m) => m.rule).sort()).toEqual([
      'link:given-name-equivalent+surname-prefix+role',
      'link:given-name-equivalent+surname-translit',
    ])
    expect(entry.documents).toBe(3)
  })

  it('joins Zelenskyy and Zelensky, and Kyiv and Kiev', () => {
    expect(final('PERSON', 'Volodymyr Zelenskyy')).toBe(final('PERSON', 'Vladimir Zelensky'))
    expect(final('LOC', 'Kyiv')).toBe(final('LOC', 'Kiev'))
  })

  it('keeps the three Vladimirs apart', () => {
    const ids = new Set(['Vladimir Putin', 'Vladimir Zelensky', 'Vladimir Oleinik'].map((n) => final('PERSON', n)))
    expect(ids.size).toBe(3)
  })

  it('writes index entries that pass the schema, sorted by id', () => {
    for (const entry of index) expect(EntityIndexEntry.safeParse(entry).success).toBe(true)
    const ids = index.map((e) => e.entityId)
    expect(ids).toEqual([...ids].sort())
    expect(new Set(idMap.values()).size).toBe(index.length)
  })

  it('is deterministic', () => {
    const again = linkSeeds()
    expect([...again.idMap]).toEqual([...idMap])
    expect(again.index).toEqual(index)
  })
})

describe('createLinker corpus labels', () => {
  // each row: one document's mentions as [label, canonical, person-cue keys ("Mr. Trump" gives ['trump'])]
  type Mention = [EntityLabel, string, string[]?]
  const linkDocs = (docs: Array<Array<Mention>>) => {
    const linker = createLinker()
    docs.forEach((mentions, d) => {
      for (const [label, canonical, cues] of mentions) linker.add({docId: `d${d}`, label, canonical, entityId: entityIdFor(label, canonical), ...(cues ? {cues} : {})})
    })
    return linker.finish()
  }
  const mr: string[] = ['trump']
  const relabelled = (result: ReturnType<typeof linkDocs>) => Object.fromEntries([...result.relabels].map(([doc, changes]) => [doc, Object.fromEntries([...changes].map(([id, r]) => [id, `${r.label} ${r.entityId}`]))]))

  it.each([
    {
      why: 'a person named once as an organisation takes the corpus label, and the index counts the mention there',
      docs: [[['PERSON', 'Trump', mr]], [['PERSON', 'Trump', mr], ['PERSON', 'Trump']], [['ORG', 'Trump'], ['LOC', 'Ohio']]],
      expected: {d2: {'org:trump': 'PERSON person:trump'}},
    },
    {
      why: 'a one-word name the corpus calls a person by votes alone, never written with a title, stays (the same mistake in many documents)',
      docs: [[['PERSON', 'Muslims']], [['PERSON', 'Muslims']], [['PERSON', 'Muslims']], [['MISC', 'Muslims']]],
      expected: {},
    },
    {
      why: 'a title in one document is not enough to make a one-word name a person',
      docs: [[['PERSON', 'Trump', mr]], [['PERSON', 'Trump']], [['ORG', 'Trump']]],
      expected: {},
    },
    {
      why: 'a name of two words needs no title: given name and surname are the evidence',
      docs: [[['PERSON', 'Anderson Cooper']], [['PERSON', 'Anderson Cooper']], [['ORG', 'Anderson Cooper']]],
      expected: {d2: {'org:anderson-cooper': 'PERSON person:anderson-cooper'}},
    },
    {
      why: 'a name some document writes with a title is not made a non-person',
      docs: [[['LOC', 'Romney']], [['LOC', 'Romney']], [['LOC', 'Romney']], [['PERSON', 'Romney']], [['ORG', 'Acme'], ['PERSON', 'Mitt Romney', ['mitt-romney', 'romney', 'mitt']]]],
      expected: {},
    },
    {
      why: 'without a title anywhere, a weak person mention of a place takes the corpus label',
      docs: [[['LOC', 'Romney']], [['LOC', 'Romney']], [['LOC', 'Romney']], [['PERSON', 'Romney']]],
      expected: {d3: {'person:romney': 'LOC loc:romney'}},
    },
    {
      why: 'a document that names it three times keeps its own label',
      docs: [[['PERSON', 'Trump']], [['PERSON', 'Trump']], [['ORG', 'Trump'], ['ORG', 'Trump'], ['ORG', 'Trump']]],
      expected: {},
    },
    {
      why: 'a document that also gives the corpus label keeps its other mentions (a use, not an error)',
      docs: [[['PERSON', 'Trump']], [['PERSON', 'Trump']], [['ORG', 'Trump'], ['PERSON', 'Trump']]],
      expected: {},
    },
    {
      why: 'one document is not a corpus, and two of four documents are not two thirds',
      docs: [[['PERSON', 'Trump']], [['ORG', 'Trump']], [['PERSON', 'Ford']], [['PERSON', 'Ford']], [['ORG', 'Ford']], [['LOC', 'Ford']]],
      expected: {},
    },
    {
      why: 'between organisations, places and misc names the corpus never decides (a city and its team)',
      docs: [[['LOC', 'Chicago']], [['LOC', 'Chicago']], [['LOC', 'Chicago']], [['ORG', 'Chicago']]],
      expected: {},
    },
  ] as Array<{why: string; docs: Array<Array<Mention>>; expected: Record<string, Record<string, string>>}>)('$why', ({docs, expected}) => {
    expect(relabelled(linkDocs(docs))).toEqual(expected)
  })

  it('moves the mentions in the index and drops an id left with none', () => {
    const {index, idMap} = linkDocs([[['PERSON', 'Trump', mr]], [['PERSON', 'Trump', mr]], [['ORG', 'Trump']]])
    expect(index.find((e) => e.entityId === 'org:trump')).toBeUndefined()
    expect(index.find((e) => e.entityId === 'person:trump')).toMatchObject({mentions: 3, documents: 3})
    expect(idMap.get('person:trump')).toBe('person:trump')
  })

  it('gives the same labels whatever the order of the documents', () => {
    const docs: Array<Array<Mention>> = [[['PERSON', 'Trump', mr]], [['ORG', 'Trump']], [['PERSON', 'Trump']], [['MISC', 'Trump'], ['ORG', 'Acme']], [['PERSON', 'Trump', mr]], [['PERSON', 'Trump']]]
    const forward = relabelled(linkDocs(docs))
    const backward = linkDocs([...docs].reverse())
    // document names follow positions, so compare the set of changes
    const flat = (r: Record<string, Record<string, string>>) => Object.values(r).flatMap((c) => Object.entries(c).map(([k, v]) => `${k} ${v}`)).sort()
    expect(flat(relabelled(backward))).toEqual(flat(forward))
    expect(flat(forward)).toEqual(['misc:trump PERSON person:trump', 'org:trump PERSON person:trump'])
  })
})

describe('createLinker rules', () => {
  const add = (linker: ReturnType<typeof createLinker>, docId: string, label: EntityLabel, canonical: string, role?: string): void => {
    const input: LinkInput = {docId, label, canonical, entityId: entityIdFor(label, canonical), ...(role ? {role} : {})}
    linker.add(input)
  }

  it('joins an acronym to the one name its initials spell', () => {
    const linker = createLinker()
    add(linker, 'a', 'ORG', 'European Union')
    add(linker, 'b', 'ORG', 'EU')
    add(linker, 'b', 'ORG', 'European Commission')
    const {idMap, index} = linker.finish()
    expect(idMap.get('org:eu')).toBe('org:european-union')
    expect(idMap.get('org:european-commission')).toBe('org:european-commission')
    expect(index.find((e) => e.aliases.includes('EU'))?.merges).toEqual([{alias: 'EU', rule: 'link:acronym'}])
  })

  it('joins a bare surname only to a unique full name sharing its role, and an initial to a unique full name', () => {
    const linker = createLinker()
    add(linker, 'a', 'PERSON', 'Jane Roe', 'Finance Minister')
    add(linker, 'b', 'PERSON', 'Roe', 'Finance Minister')
    add(linker, 'c', 'PERSON', 'J. Roe')
    add(linker, 'd', 'PERSON', 'Doe')
    add(linker, 'd', 'PERSON', 'John Doe')
    add(linker, 'e', 'PERSON', 'Mary Doe')
    add(linker, 'e', 'PERSON', 'Moe', 'Finance Minister')
    const {idMap} = linker.finish()
    expect(idMap.get('person:roe')).toBe(idMap.get('person:jane-roe'))
    expect(idMap.get('person:j-roe')).toBe(idMap.get('person:jane-roe'))
    expect(idMap.get('person:doe')).toBe('person:doe')
    expect(idMap.get('person:moe')).toBe('person:moe')
  })

  it('refuses a chain that would put two different people in one entity', () => {
    const linker = createLinker()
    add(linker, 'a', 'PERSON', 'Andriy Shevchenko')
    add(linker, 'b', 'PERSON', 'Andrei Shevchenko')
    add(linker, 'c', 'PERSON', 'Taras Shevchenko')
    add(linker, 'd', 'PERSON', 'Shevchenko', 'coach')
    const {idMap} = linker.finish()
    expect(idMap.get('person:andriy-shevchenko')).toBe(idMap.get('person:andrei-shevchenko'))
    expect(idMap.get('person:taras-shevchenko')).not.toBe(idMap.get('person:andriy-shevchenko'))
    expect(idMap.get('person:shevchenko')).toBe('person:shevchenko')
  })

  it('counts mentions and documents and keeps roles by frequency', () => {
    const linker = createLinker()
    add(linker, 'a', 'PERSON', 'Jane Roe', 'Finance Minister')
    add(linker, 'a', 'PERSON', 'Jane Roe')
    add(linker, 'b', 'PERSON', 'Jane Roe', 'Minister')
    add(linker, 'c', 'PERSON', 'Jane Roe', 'Minister')
    const [entry] = linker.finish().index
    expect(entry).toMatchObject({entityId: 'person:jane-roe', mentions: 4, documents: 3, roles: ['Minister', 'Finance Minister'], aliases: [], merges: []})
  })
})

describe('createLinker with a blank spelling', () => {
  it('never writes an index entry with an empty canonical', () => {
    const linker = createLinker()
    linker.add({docId: 'd1', label: 'CARDINAL', canonical: '', entityId: 'cardinal:eleven'})
    linker.add({docId: 'd1', label: 'PERSON', canonical: ' ', entityId: 'person:x'})
    linker.add({docId: 'd2', label: 'PERSON', canonical: 'X', entityId: 'person:x'})
    const {index} = linker.finish()
    expect(index.map((e) => [e.entityId, e.canonical])).toEqual([
      ['cardinal:eleven', 'eleven'],
      ['person:x', 'X'],
    ])
    for (const entry of index) expect(EntityIndexEntry.safeParse(entry).success).toBe(true)
  })
})
