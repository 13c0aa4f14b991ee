/**
 * Cross-document entity linking. The entities stage gives every mention a provisional id from its
 * own canonical name; the linker sees every distinct name once (memory grows with distinct names,
 * not documents), compares only names that share a blocking key, joins spellings of one entity
 * under explainable rules, and maps each provisional id to a final one. Before linking, a name a document
 * mentions weakly as a person where the corpus calls it something else, or the reverse, takes the corpus's label
 * ({@link CORPUS_LABELS}).
 */
import {doubleMetaphone} from '../adapters/natural.ts'
import {isNameLabel, type EntityLabel} from '../doc.ts'
import {acronymLetters, initialsSpell, wordInitials} from '../names/acronyms.ts'
import {givenNameInitials} from '../names/given-names.ts'
import {isGenderVariant, matchNames, MATCH_SETTINGS, profileName, shareRole, surnamesSimilar, type NameFunctions, type NameProfile} from './match.ts'
import {middlesCompatible, parsePersonName, type PersonName} from '../names/person-name.ts'
import {roleKey} from '../names/roles.ts'
import type {EntityIndexEntry} from '../schema.ts'
import {consonantSkeleton, nameKey, translitKey} from '../names/translit.ts'
import {createWeakLog, type WeakLog} from './weak-log.ts'

/** One entity mention as the run engine hands it to the linker. */
export interface LinkInput {
  docId: string
  label: EntityLabel
  canonical: string
  /** the provisional id the entities stage gave it */
  entityId: string
  role?: string
  /** name keys a title or honorific on this mention supports as a person's (`findPersonCueKeys`, person-cues.ts), if any */
  cues?: readonly string[]
}

/** A label the corpus gave a document's mentions of a name: the new label and the provisional id that goes with it. */
export interface Relabel {
  label: EntityLabel
  entityId: string
}

/** The linker's result: final ids for provisional ones, corpus-decided labels, and the corpus-wide entity index. */
export interface LinkResult {
  /** provisional entityId -> final entityId, for every id seen (identity when not merged) */
  idMap: Map<string, string>
  /**
   * docId -> (provisional entityId -> the label the corpus decided and its provisional id), for the few mentions
   * relabelled (see {@link CORPUS_LABELS}); the new provisional id is also a key of `idMap`
   */
  relabels: Map<string, Map<string, Relabel>>
  /** one entry per final entity, sorted by entityId */
  index: EntityIndexEntry[]
}

/**
 * Corpus label consistency: when a document names something only weakly (at most `weakMentions` mentions of the
 * name) and only as a person where the corpus calls it something else, or as something else where the corpus calls
 * it a person, the corpus's label wins. The corpus's label is the one at least `minDocuments` documents give the
 * name (each document votes with its own majority label for the name; a tie does not vote), and at least `minShare`
 * of the documents that vote. Person against non-person only: between ORG, LOC and MISC a name's label depends on
 * its use (a city and its team, a country and its government, an adjective and a place), and corpus votes there
 * lost F1 on eng.testa and eng.train (docs/ner.md). Votes count the recogniser's labels, and its mistakes repeat
 * across documents ("Muslims" or a company tagged PERSON in many), so the evidence must also say person: a
 * one-word name is relabelled a person only when at least `minCuedDocuments` documents write it with a title or
 * honorific ("Mr.", "Sen.", "President": `findPersonCueKeys`), and no name is relabelled away from person when any
 * document does.
 */
export const CORPUS_LABELS = {weakMentions: 2, minDocuments: 2, minShare: {numerator: 2, denominator: 3}, minCuedDocuments: 2}

/**
 * One document's mentions of one entity id, gathered where the document was processed: the label and spellings as
 * its mentions give them, in the order of the document's first mention of each (`spellings` and `roles` alternate a
 * value and how many mentions give it). Adding it is exactly adding each of those mentions one by one.
 */
export interface LinkEntityInput {
  docId: string
  /** the label of the document's first mention of the id */
  label: EntityLabel
  entityId: string
  /** how many of the document's mentions carry the id */
  mentions: number
  /** canonical name, count, canonical name, count, … in the order each first occurs */
  spellings: ReadonlyArray<string | number>
  /** role, count, … (mentions with a role only), or null when none has one */
  roles: ReadonlyArray<string | number> | null
  /** the union of the mentions' person cue keys, or null when no mention had cues (an empty array still marks the name cued) */
  cues: readonly string[] | null
}

/**
 * A document's mentions gathered per entity id ({@link LinkEntityInput}) as one flat list, cheap to pass between
 * threads (no nested arrays to clone): per id, in the order of its first mention, `label, entityId, mentions, 2s,`
 * then s spelling/count pairs, then `2r` and r role/count pairs or `-1` (no role), then `c` and c cue keys or `-1`
 * (no cues).
 */
export type GatheredMentions = ReadonlyArray<string | number>

/** A corpus-level linker: `add` every mention, or each document's mentions gathered per id (`addDocument`), document by document, then `finish` once. */
export interface Linker {
  add(entity: LinkInput): void
  addDocument(docId: string, gathered: GatheredMentions): void
  finish(): LinkResult
}

// caps keep memory per distinct name bounded whatever the corpus size
const MAX_SPELLINGS = 8
const MAX_ROLES = 16
const MAX_COOCCURRING = 48
const MAX_INDEX_ROLES = 10
// an entity seen in at most this share of documents is distinctive company for co-occurrence evidence
const DISTINCTIVE_SHARE = 0.02

interface NameRecord {
  id: string
  /** the record's number in the order records were made, its key in the weak log */
  ordinal: number
  label: EntityLabel
  spellings: Map<string, number>
  roles: Map<string, number>
  mentions: number
  documents: number
  lastDoc: string | null
  /** people and organisations seen in the same documents (capped); empty for other labels */
  cooccurring: NameRecord[]
  /** the id without its label ("acme" for "org:acme"), shared by the name's ids under other labels; null for values */
  name: string | null
  /** mentions in the document being added */
  docMentions: number
  /** how many documents name it weakly and under this label alone (corpus labels); which ones, the weak log says */
  weakDocs: number
  /** the label votes of its name (shared by the name's ids under other labels); null for values */
  votes: NameVotes | null
}

/** A name's label votes (documents per label, NAME_LABELS order), and which document last touched it, for voteLabels. */
interface NameVotes {
  counts: number[]
  /** the serial of the last document that touched the name, and whether it touched it under two labels */
  doc: number
  mixed: boolean
}

const NO_ROLES: ReadonlyMap<string, number> = new Map()

const NAME_LABELS: readonly EntityLabel[] = ['PERSON', 'ORG', 'LOC', 'MISC']

// the name part of a provisional id ("org:acme" -> "acme"): ids are the label and a slug of the name
function namePart(id: string): string {
  return id.slice(id.indexOf(':') + 1)
}

// every rule the linker can apply, strongest evidence first: edges are applied in this order, so weak ones cannot pre-empt strong ones
const RULES = [
  'link:translit-key',
  'link:acronym',
  'link:given-name-equivalent+surname-translit',
  'link:place-variant',
  'link:given-name-equivalent+surname-jw',
  'link:given-name-equivalent+surname-prefix+role',
  'link:given-name-equivalent+surname-prefix+cooccurrence',
  'link:initial+surname',
  'link:surname-only+role',
  'link:surname-only+cooccurrence',
] as const

/** A candidate merge between two names (indices into the sorted records), with the index of its rule in RULES. */
interface Edge {
  a: number
  b: number
  rule: number
}

function ruleIndex(rule: string): number {
  const index = (RULES as readonly string[]).indexOf(rule)
  if (index < 0) throw new Error(`[link:unknown-rule] the matcher returned "${rule}", which RULES does not list; add it there`)
  return index
}

// `by` mentions at once decide as `by` single bumps would: the first one takes a free place or none does; true when
// the key took a new place
function bump(map: Map<string, number>, key: string, cap: number, by = 1): boolean {
  const count = map.get(key)
  if (count !== undefined) map.set(key, count + by)
  else if (map.size < cap) {
    map.set(key, by)
    return true
  }
  return false
}

/** Keys of a map sorted by count (descending), then alphabetically. */
function byCount(map: Map<string, number>): string[] {
  // most names have one spelling and no role: nothing to sort
  if (map.size <= 1) return [...map.keys()]
  return [...map.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([key]) => key)
}

/** Whether a canonical name is an acronym ("EU", "U.S.", "OPEC"). */
function isAcronym(name: string): boolean {
  const letters = name.replace(/[.&]/g, '')
  return /^\p{Lu}{2,8}$/u.test(letters) && /^[\p{Lu}.&]+$/u.test(name)
}

/**
 * The pure values the linker's finish needs of each spelling and role (transliteration keys, the person name parse,
 * whether a spelling is an acronym, the blocking keys of a surname or a place), each computed once. `warmSpelling` and
 * `warmRole` compute a name's values when it first arrives during the run, while the thread that adds documents
 * waits on the workers, so that finish, which the end of the run waits for, mostly looks them up (docs/scale.md,
 * tail). Pure functions of their argument, so the result is the same whenever they run.
 */
interface NameValues extends NameFunctions {
  isAcronym(name: string): boolean
  /** the person blocking keys of a surname key: its consonant skeleton's and its sound's first three letters */
  surnameBlocks(surnameKey: string): readonly [string, string]
  /** the place blocking key of a name key (its consonant skeleton) */
  placeBlock(key: string): string
  warmSpelling(label: EntityLabel, spelling: string): void
  warmRole(role: string): void
}

/** A function of a string argument computed once per argument (its values are never undefined). */
function memoized<V>(compute: (argument: string) => V): (argument: string) => V {
  const cache = new Map<string, V>()
  return (argument) => {
    let value = cache.get(argument)
    if (value === undefined) cache.set(argument, (value = compute(argument)))
    return value
  }
}

function createNameValues(): NameValues {
  const values: NameValues = {
    nameKey: memoized(nameKey),
    // a parse is shared by the profiles of one spelling, which only read it
    parsePersonName: memoized(parsePersonName),
    roleKey: memoized(roleKey),
    isAcronym: memoized(isAcronym),
    surnameBlocks: memoized((surnameKey): readonly [string, string] => [consonantSkeleton(surnameKey).slice(0, 3), doubleMetaphone(surnameKey)[0].slice(0, 3)]),
    placeBlock: memoized(consonantSkeleton),
    warmSpelling(label, spelling) {
      const key = values.nameKey(spelling)
      values.isAcronym(spelling)
      if (label === 'PERSON') {
        const person = values.parsePersonName(spelling)
        if (person.given && !person.givenInitial) values.surnameBlocks(person.surnameKey)
      } else if (label === 'LOC') values.placeBlock(key)
    },
    warmRole(role) {
      values.roleKey(role)
    },
  }
  return values
}

/** Initials of a name's capitalised words (connectors skipped), for strict acronym matching. */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('')
    .toLowerCase()
}

/**
 * Creates a linker; memory is proportional to the distinct names added, plus 4 bytes for each name a document
 * mentions weakly and one docId reference per document (the weak log).
 */
export function createLinker(): Linker {
  const records = new Map<string, NameRecord>()
  const weak = createWeakLog()
  let made = 0
  let totalDocs = 0
  let currentDoc: string | null = null
  let inDoc: NameRecord[] = []
  // corpus labels: the current document's named records, and every document's label votes per name
  let touched: NameRecord[] = []
  const votes = new Map<string, NameVotes>()
  // person evidence: the name keys the current document writes with a title, and per name the documents that do
  let docCues: Set<string> | null = null
  const cued = new Map<string, number>()
  const values = createNameValues()

  function flush(): void {
    // co-occurrence among the people and organisations of the finished document
    for (const record of inDoc) {
      for (const other of inDoc) {
        if (record.cooccurring.length >= MAX_COOCCURRING) break
        // a list, not a Set: at most 48 entries, searched in place, a third of a Set's memory per name (docs/scale.md, soak)
        if (other !== record && !record.cooccurring.includes(other)) record.cooccurring.push(other)
      }
    }
    inDoc = []
    if (touched.length > 0) voteLabels()
    if (docCues !== null) {
      for (const key of docCues) cued.set(key, (cued.get(key) ?? 0) + 1)
      docCues = null
    }
  }

  // each document votes once per name with the label most of its mentions have (a tie does not vote); a name it
  // gives one label and at most `weakMentions` mentions is remembered on its record, for finish to relabel
  function voteLabels(): void {
    // a record is touched once per document, so a name seen twice has two labels here (rare): counted apart. The
    // name's votes are found through its records (one Map lookup per new record, not three per document and name)
    let mixed: NameVotes[] | null = null
    for (const record of touched) {
      const name = record.votes!
      if (name.doc !== totalDocs) {
        name.doc = totalDocs
        name.mixed = false
      } else if (!name.mixed) {
        name.mixed = true
        ;(mixed ??= []).push(name)
      }
    }
    for (const record of touched) {
      const name = record.votes!
      if (name.mixed) continue
      name.counts[NAME_LABELS.indexOf(record.label)]++
      if (record.docMentions <= CORPUS_LABELS.weakMentions) {
        weak.add(currentDoc!, record.ordinal, record.docMentions)
        record.weakDocs++
      }
    }
    for (const name of mixed ?? []) {
      const counts = [0, 0, 0, 0]
      for (const record of touched) if (record.votes === name) counts[NAME_LABELS.indexOf(record.label)] += record.docMentions
      const best = counts.indexOf(Math.max(...counts))
      if (counts.filter((c) => c === counts[best]).length === 1) name.counts[best]++
    }
    touched = []
  }

  function votesOf(name: string): NameVotes {
    let found = votes.get(name)
    if (!found) votes.set(name, (found = {counts: [0, 0, 0, 0], doc: 0, mixed: false}))
    return found
  }

  // one document's mentions of one id: spellings in list[s0, s1), roles in list[r0, r1) (r0 < 0: no mention has a
  // role), cue keys in list[c0, c1) (c0 < 0: no mention had cues), as alternating value/count pairs for the first two
  function addGathered(docId: string, label: EntityLabel, entityId: string, mentions: number, list: ReadonlyArray<string | number>, s0: number, s1: number, r0: number, r1: number, c0: number, c1: number): void {
    if (docId !== currentDoc) {
      flush()
      currentDoc = docId
      totalDocs++
    }
    let record = records.get(entityId)
    if (!record) {
      const name = isNameLabel(label) ? namePart(entityId) : null
      record = {
        id: entityId,
        ordinal: made++,
        label,
        spellings: new Map(),
        roles: NO_ROLES as Map<string, number>,
        mentions: 0,
        documents: 0,
        lastDoc: null,
        cooccurring: [],
        name,
        docMentions: 0,
        weakDocs: 0,
        votes: name !== null ? votesOf(name) : null,
      }
      records.set(entityId, record)
    }
    record.mentions += mentions
    if (record.lastDoc !== docId) {
      record.documents++
      record.lastDoc = docId
      record.docMentions = 0
      if (label === 'PERSON' || label === 'ORG') inDoc.push(record)
      if (record.name !== null) touched.push(record)
    }
    record.docMentions += mentions
    if (c0 >= 0 && record.name !== null) {
      docCues ??= new Set()
      docCues.add(record.name)
      for (let k = c0; k < c1; k++) docCues.add(list[k] as string)
    }
    // a name's values are computed as its spellings and roles first arrive (createNameValues)
    for (let k = s0; k < s1; k += 2) {
      if (bump(record.spellings, list[k] as string, MAX_SPELLINGS, list[k + 1] as number) && record.name !== null) values.warmSpelling(record.label, list[k] as string)
    }
    if (r0 >= 0) {
      if (record.roles === NO_ROLES) record.roles = new Map()
      for (let k = r0; k < r1; k += 2) {
        if (bump(record.roles, list[k] as string, MAX_ROLES, list[k + 1] as number) && record.name !== null) values.warmRole(list[k] as string)
      }
    }
  }

  function addEntity(entity: LinkEntityInput): void {
    // one list holding the spellings, then the roles, then the cues, read by position
    const list: Array<string | number> = [...entity.spellings]
    const r0 = entity.roles === null ? -1 : list.length
    if (entity.roles !== null) list.push(...entity.roles)
    const r1 = entity.roles === null ? -1 : list.length
    const c0 = entity.cues === null ? -1 : list.length
    if (entity.cues !== null) list.push(...entity.cues)
    addGathered(entity.docId, entity.label, entity.entityId, entity.mentions, list, 0, entity.spellings.length, r0, r1, c0, entity.cues === null ? -1 : list.length)
  }

  function addDocument(docId: string, gathered: GatheredMentions): void {
    for (let k = 0; k < gathered.length; ) {
      const label = gathered[k] as EntityLabel
      const entityId = gathered[k + 1] as string
      const mentions = gathered[k + 2] as number
      const s0 = k + 4
      const s1 = s0 + (gathered[k + 3] as number)
      const roles = gathered[s1] as number
      const r0 = roles < 0 ? -1 : s1 + 1
      const r1 = roles < 0 ? -1 : r0 + roles
      const afterRoles = roles < 0 ? s1 + 1 : r1
      const cues = gathered[afterRoles] as number
      const c0 = cues < 0 ? -1 : afterRoles + 1
      const c1 = cues < 0 ? -1 : c0 + cues
      addGathered(docId, label, entityId, mentions, gathered, s0, s1, r0, r1, c0, c1)
      k = cues < 0 ? afterRoles + 1 : c1
    }
  }

  return {
    add(entity) {
      addEntity({
        docId: entity.docId,
        label: entity.label,
        entityId: entity.entityId,
        mentions: 1,
        spellings: [entity.canonical, 1],
        roles: entity.role ? [entity.role, 1] : null,
        cues: entity.cues ?? null,
      })
    },
    addDocument,
    finish() {
      flush()
      const relabels = relabelByCorpus(records, votes, cued, weak)
      return {...link([...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), totalDocs, values), relabels}
    },
  }
}

/**
 * Decides the corpus's label for weakly named names (see {@link CORPUS_LABELS}) and moves those mentions to the
 * record of their new id, so the index counts them there. Depends only on the vote counts, never on document order.
 */
function relabelByCorpus(records: Map<string, NameRecord>, votes: ReadonlyMap<string, NameVotes>, cued: ReadonlyMap<string, number>, weakLog: WeakLog): Map<string, Map<string, Relabel>> {
  const relabels = new Map<string, Map<string, Relabel>>()
  const person = NAME_LABELS.indexOf('PERSON')
  const {numerator, denominator} = CORPUS_LABELS.minShare
  // the records to move, found before any is deleted, in id order (not the order documents came in)
  const weak = [...records.values()].filter((record) => record.weakDocs > 0).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // which records move is decided first (no decision depends on another's move: a target's label is the corpus's,
  // a source's is not), then their documents are read from the log in one pass, then they move in id order as before
  const moves: Array<{source: NameRecord; target: NameRecord; relabel: Relabel}> = []
  for (const source of weak) {
    const tally = votes.get(source.name!)!.counts
    let best = 0
    let total = 0
    for (let t = 0; t < tally.length; t++) {
      total += tally[t]
      if (tally[t] > tally[best]) best = t
    }
    // in whole numbers, so a share of exactly two thirds counts whatever the rounding
    if (tally[best] < CORPUS_LABELS.minDocuments || tally[best] * denominator < total * numerator) continue
    // person against non-person only (a document giving the corpus label itself never stored a weak document here)
    if ((source.label === 'PERSON') === (best === person)) continue
    // the person evidence must agree: titles in enough documents to make a person, in none to unmake one
    // (a name of two or more words is written like a person's, given name and surname: its shape is the evidence)
    const cuedDocs = cued.get(source.name!) ?? 0
    if (best === person ? !/\s/.test(byCount(source.spellings)[0] ?? '') && cuedDocs < CORPUS_LABELS.minCuedDocuments : cuedDocs > 0) continue
    const label = NAME_LABELS[best]
    const target = records.get(`${label.toLowerCase()}:${source.name}`)
    if (!target) continue
    moves.push({source, target, relabel: {label, entityId: target.id}})
  }
  const docsOf = weakLog.collect(new Set(moves.map((move) => move.source.ordinal)))
  for (const {source, target, relabel} of moves) {
    const {docIds, mentions} = docsOf.get(source.ordinal)!
    docIds.forEach((docId, k) => {
      let changes = relabels.get(docId)
      if (!changes) relabels.set(docId, (changes = new Map()))
      changes.set(source.id, relabel)
      const count = mentions[k]!
      source.mentions -= count
      source.documents--
      target.mentions += count
      target.documents++
    })
    // spellings and roles stay with the old id while it keeps mentions; an id left with none hands its spellings on
    if (source.mentions === 0) {
      records.delete(source.id)
      for (const spelling of byCount(source.spellings)) bump(target.spellings, spelling, MAX_SPELLINGS)
    }
  }
  return relabels
}

/** Links the collected names: candidate pairs by blocking, pairwise rules, constrained union, then short person names. */
function link(records: NameRecord[], totalDocs: number, values: NameValues): Omit<LinkResult, 'relabels'> {
  const profiles = records.map((record) => {
    // dates and numbers are never linked: no name to parse
    if (!isNameLabel(record.label)) return profileName(record.id, record.label, '', [], values)
    const spellings = record.spellings.size === 1 ? [...record.spellings.keys()] : byCount(record.spellings)
    const profile = profileName(record.id, record.label, spellings[0] ?? record.id, record.roles.keys(), values)
    for (const spelling of spellings.slice(1)) profile.keys.add(values.nameKey(spelling))
    return profile
  })
  const distinctive = Math.max(1, Math.floor(totalDocs * DISTINCTIVE_SHARE))
  const sharedCooccurring = (a: number, b: number): number => {
    const x = records[a].cooccurring
    let shared = 0
    for (const other of records[b].cooccurring) if (x.includes(other) && other.documents <= distinctive) shared++
    return shared
  }
  const clusters = new Clusters(profiles)
  for (const edge of candidateEdges(profiles, sharedCooccurring, values)) clusters.union(edge)
  for (const edge of shortPersonEdges(profiles, clusters, sharedCooccurring)) clusters.union(edge)
  return buildResult(records, profiles, clusters, values)
}

/** Candidate pairs from blocking keys, each decided by the pairwise rules (never all pairs), sorted strongest rule first. */
function candidateEdges(profiles: readonly NameProfile[], sharedCooccurring: (a: number, b: number) => number, values: NameValues): Edge[] {
  const edges: Edge[] = []
  const n = profiles.length
  // a pair can share two blocks only as people sharing both their surname skeleton's block and their sound's: such a
  // pair is decided in the skeleton's block alone. (A Set of every pair decided overflowed at 2^24 pairs, "Set maximum
  // size exceeded", on a corpus of many people whose names share blocks: docs/scale.md, soak.)
  const skeletonBlock: Array<string | undefined> = new Array(n)
  const blocks = new Map<string, number[]>()
  const addTo = (key: string, index: number): void => {
    const block = blocks.get(key)
    if (block) block.push(index)
    else blocks.set(key, [index])
  }
  const acronyms: number[] = []
  const expansions = new Map<string, number[]>()
  for (let i = 0; i < n; i++) {
    const profile = profiles[i]
    if (!isNameLabel(profile.label) || profile.key === '') continue
    // identical transliteration keys of any spelling seen under this id, whatever the label's other rules
    for (const key of profile.keys) addTo(`key|${profile.label}|${key}`, i)
    const person = profile.person
    if (person?.given && !person.givenInitial) {
      // every person rule needs equivalent given names, so the given-name class is part of both keys
      const [skeleton, sound] = values.surnameBlocks(person.surnameKey)
      skeletonBlock[i] = `person|${skeleton}|${person.givenClass}`
      addTo(skeletonBlock[i]!, i)
      addTo(`person-sound|${sound}|${person.givenClass}`, i)
    } else if (profile.label === 'LOC') {
      addTo(`place|${values.placeBlock(profile.key)}`, i)
    }
    if (profile.label !== 'ORG' && profile.label !== 'LOC') continue
    if (values.isAcronym(profile.canonical)) acronyms.push(i)
    else if (profile.canonical.includes(' ')) {
      const key = `${profile.label}|${profile.canonical.charAt(0).toUpperCase()}`
      const list = expansions.get(key)
      if (list) list.push(i)
      else expansions.set(key, [i])
    }
  }
  const translitKey = ruleIndex('link:translit-key')
  for (const [key, block] of blocks) {
    if (block.length < 2) continue
    if (key.startsWith('key|')) {
      for (let k = 1; k < block.length; k++) edges.push({a: block[0], b: block[k], rule: translitKey})
      continue
    }
    const bySound = key.startsWith('person-sound|')
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const a = block[x]
        const b = block[y]
        // a pair may share two blocks; decide it once
        if (bySound && skeletonBlock[a] === skeletonBlock[b]) continue
        const rule = matchNames(profiles[a], profiles[b], {sharedCooccurring: () => sharedCooccurring(a, b)})
        if (rule) edges.push({a, b, rule: ruleIndex(rule)})
      }
    }
  }
  // an acronym joins the one multi-word name of its label whose initials spell it
  const acronymRule = ruleIndex('link:acronym')
  // each expansion's initials computed once, not once per acronym that looks at its pool
  const initials = new Map<number, string>()
  const initialsAt = (p: number): string => {
    let value = initials.get(p)
    if (value === undefined) initials.set(p, (value = initialsOf(profiles[p].canonical)))
    return value
  }
  // and each expansion's word initials once, for the looser match (a pool is searched by every acronym of its letter)
  const words = new Map<number, string[]>()
  const wordInitialsAt = (p: number): string[] => {
    let value = words.get(p)
    if (value === undefined) words.set(p, (value = wordInitials(profiles[p].canonical)))
    return value
  }
  for (const i of acronyms) {
    const letters = profiles[i].canonical.replace(/[.&]/g, '')
    const pool = expansions.get(`${profiles[i].label}|${letters.charAt(0)}`) ?? []
    const lower = letters.toLowerCase()
    let matches = pool.filter((p) => initialsAt(p) === lower)
    if (matches.length === 0) {
      const capitals = acronymLetters(letters)
      matches = pool.filter((p) => initialsSpell(capitals, wordInitialsAt(p)))
    }
    if (matches.length === 1) edges.push({a: Math.min(i, matches[0]), b: Math.max(i, matches[0]), rule: acronymRule})
  }
  return edges.sort((x, y) => x.rule - y.rule || x.a - y.a || x.b - y.b)
}

/** Union-find over name indices that refuses merges joining two different people. */
class Clusters {
  private readonly parent: Int32Array
  private readonly members: Array<number[] | undefined>
  /** accepted edges, for explaining each merge */
  readonly accepted: Edge[] = []

  constructor(private readonly profiles: readonly NameProfile[]) {
    this.parent = Int32Array.from(profiles, (_, i) => i)
    this.members = profiles.map((_, i) => [i])
  }

  find(index: number): number {
    let root = index
    while (this.parent[root] !== root) root = this.parent[root]
    // path compression
    let node = index
    while (node !== root) {
      const next = this.parent[node]
      this.parent[node] = root
      node = next
    }
    return root
  }

  membersOf(root: number): readonly number[] {
    return this.members[root] ?? []
  }

  union(edge: Edge): boolean {
    const ra = this.find(edge.a)
    const rb = this.find(edge.b)
    if (ra === rb || !this.compatible(ra, rb)) return false
    const [big, small] = this.membersOf(ra).length >= this.membersOf(rb).length ? [ra, rb] : [rb, ra]
    this.parent[small] = big
    this.members[big] = [...this.membersOf(big), ...this.membersOf(small)]
    this.members[small] = undefined
    this.accepted.push(edge)
    return true
  }

  /** Two clusters may merge only when every pair of their full person names could be one person (no chains of near misses). */
  private compatible(ra: number, rb: number): boolean {
    for (const x of this.membersOf(ra)) {
      const px = this.profiles[x].person
      if (!px?.given || px.givenInitial) continue
      for (const y of this.membersOf(rb)) {
        const py = this.profiles[y].person
        if (!py?.given || py.givenInitial) continue
        if (px.givenClass !== py.givenClass || !middlesCompatible(px, py)) return false
        if (px.surnameKey === py.surnameKey || surnamesSimilar(px.surnameKey, py.surnameKey)) continue
        const prefix = MATCH_SETTINGS.minSharedPrefix
        const sx = px.surnameKey
        const sy = py.surnameKey
        if (isGenderVariant(sx, sy) || sx.slice(0, prefix) !== sy.slice(0, prefix) || sx.charAt(sx.length - 1) !== sy.charAt(sy.length - 1)) return false
      }
    }
    return true
  }
}

/**
 * Edges for a surname alone or an initial and surname: to the one person cluster with that surname; an initial
 * must fit the cluster's given name, and a bare surname also needs a shared role or distinctive company.
 */
function shortPersonEdges(profiles: readonly NameProfile[], clusters: Clusters, sharedCooccurring: (a: number, b: number) => number): Edge[] {
  const bySurname = new Map<string, Set<number>>()
  for (let i = 0; i < profiles.length; i++) {
    const person = profiles[i].person
    if (!person?.given || person.givenInitial) continue
    const root = clusters.find(i)
    const set = bySurname.get(person.surnameKey)
    if (set) set.add(root)
    else bySurname.set(person.surnameKey, new Set([root]))
  }
  const edges: Edge[] = []
  for (let i = 0; i < profiles.length; i++) {
    const person = profiles[i].person
    if (!person || (person.given && !person.givenInitial)) continue
    const roots = bySurname.get(person.surnameKey)
    if (!roots || roots.size !== 1) continue
    const [root] = roots
    const fullNames = clusters.membersOf(root).filter((m) => profiles[m].person?.given && !profiles[m].person!.givenInitial)
    const edge = (rule: string): Edge => ({a: root, b: i, rule: ruleIndex(rule)})
    if (person.givenInitial) {
      const initial = translitKey(person.given ?? '').charAt(0)
      if (fullNames.some((m) => givenNameInitials(profiles[m].person!.given!).has(initial))) edges.push(edge('link:initial+surname'))
    } else if (fullNames.some((m) => shareRole(profiles[m], profiles[i]))) {
      edges.push(edge('link:surname-only+role'))
    } else if (fullNames.some((m) => sharedCooccurring(m, i) >= MATCH_SETTINGS.minSharedCooccurring)) {
      edges.push(edge('link:surname-only+cooccurrence'))
    }
  }
  return edges
}

/** Picks each cluster's final id and writes the id map and index. */
function buildResult(records: readonly NameRecord[], profiles: readonly NameProfile[], clusters: Clusters, values: NameValues): Omit<LinkResult, 'relabels'> {
  const byRoot = new Map<number, number[]>()
  for (let i = 0; i < records.length; i++) {
    const root = clusters.find(i)
    const list = byRoot.get(root)
    if (list) list.push(i)
    else byRoot.set(root, [i])
  }
  const adjacent = new Map<number, Edge[]>()
  for (const edge of clusters.accepted) {
    for (const end of [edge.a, edge.b]) {
      const list = adjacent.get(end)
      if (list) list.push(edge)
      else adjacent.set(end, [edge])
    }
  }
  const idMap = new Map<string, string>()
  const index: EntityIndexEntry[] = []
  for (const members of byRoot.values()) {
    // most names join nothing: their entry is the record's own, with no merged spellings, roles or counts to add up
    if (members.length === 1) {
      index.push(singleEntry(records[members[0]], profiles[members[0]], values))
      idMap.set(records[members[0]].id, records[members[0]].id)
      continue
    }
    let sorted = members
    if (members.length > 1) {
      // the head names the entity: a written-out name before an acronym, then the most mentioned, then the smallest id
      const acronymOnly = new Map(members.map((m) => [m, [...records[m].spellings.keys()].every((spelling) => values.isAcronym(spelling)) ? 1 : 0]))
      sorted = [...members].sort((x, y) => acronymOnly.get(x)! - acronymOnly.get(y)! || records[y].mentions - records[x].mentions || x - y)
    }
    const head = records[sorted[0]]
    for (const member of members) idMap.set(records[member].id, head.id)
    // the index names an entity by its most frequent spelling, preferring a written-out name to an acronym
    // never empty: a blank spelling (a mention whose name cleaned away to nothing) gives way to any other, then to the id's name
    const spellings = byCount(head.spellings).filter((spelling) => spelling.trim() !== '')
    const canonical =
      spellings.find((spelling) => !values.isAcronym(spelling)) ??
      spellings[0] ??
      (profiles[sorted[0]].canonical.trim() || head.id.slice(head.id.indexOf(':') + 1) || head.id)
    const aliases = new Set<string>()
    const roles = new Map<string, number>()
    let mentions = 0
    let documents = 0
    for (const member of sorted) {
      for (const spelling of records[member].spellings.keys()) if (spelling !== canonical) aliases.add(spelling)
      for (const [role, count] of records[member].roles) roles.set(role, (roles.get(role) ?? 0) + count)
      mentions += records[member].mentions
      documents += records[member].documents
    }
    const ruleOf = members.length > 1 ? explainMerges(sorted[0], adjacent) : new Map<number, number>()
    index.push({
      entityId: head.id,
      label: head.label,
      canonical,
      aliases: [...aliases].sort(),
      roles: byCount(roles).slice(0, MAX_INDEX_ROLES),
      mentions,
      documents,
      merges: sorted.slice(1).map((member) => ({alias: profiles[member].canonical, rule: RULES[ruleOf.get(member) ?? 0]})),
    })
  }
  index.sort((x, y) => (x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0))
  return {idMap, index}
}

/** The index entry of a name that joined no other: what buildResult writes for a cluster of one, without its merging. */
function singleEntry(record: NameRecord, profile: NameProfile, values: NameValues): EntityIndexEntry {
  const spellings = byCount(record.spellings).filter((spelling) => spelling.trim() !== '')
  // one spelling is the canonical name whether or not it is an acronym
  const canonical =
    (spellings.length === 1 ? spellings[0] : spellings.find((spelling) => !values.isAcronym(spelling))) ??
    spellings[0] ??
    (profile.canonical.trim() || record.id.slice(record.id.indexOf(':') + 1) || record.id)
  const aliases: string[] = []
  for (const spelling of record.spellings.keys()) if (spelling !== canonical) aliases.push(spelling)
  return {
    entityId: record.id,
    label: record.label,
    canonical,
    aliases: aliases.sort(),
    roles: byCount(record.roles).slice(0, MAX_INDEX_ROLES),
    mentions: record.mentions,
    documents: record.documents,
    merges: [],
  }
}

/** The rule by which each member joined: the edge that first reaches it walking the accepted edges from the cluster's head. */
function explainMerges(head: number, adjacent: Map<number, Edge[]>): Map<number, number> {
  const ruleOf = new Map<number, number>()
  const visited = new Set([head])
  const queue = [head]
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]
    for (const edge of adjacent.get(node) ?? []) {
      const other = edge.a === node ? edge.b : edge.a
      if (visited.has(other)) continue
      visited.add(other)
      ruleOf.set(other, edge.rule)
      queue.push(other)
    }
  }
  return ruleOf
}
