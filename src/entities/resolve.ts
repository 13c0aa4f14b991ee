/**
 * Within-document entity resolution: canonical names, roles, coreference of short mentions to
 * earlier full names, acronyms to their expansions, and deterministic entity ids.
 */
import {compareSpans, type Entity, type EntityLabel, type EntitySpan, type Token} from '../doc.ts'
import {parsePersonName, middlesCompatible, type PersonName} from '../names/person-name.ts'
import {translitKey} from '../names/translit.ts'
import {findAcronymDefinitions, findAcronymUses, mergeExpansions, type AcronymDefinition} from '../names/acronyms.ts'
import {idOfNamed, personMention, surfaceName, type NamedId} from './canonical.ts'
import {entityIdFor} from '../names/entity-id.ts'
import {countBefore} from '../text/search.ts'

interface Mention {
  start: number
  end: number
  label: EntityLabel
  /** the mention's own canonical name */
  canonical: string
  /** the canonical written out: the full name a short mention resolves to, else its own */
  resolved: string
  /** the name the entity id derives from, when not `resolved` (an acronym keeps its letters but takes its expansion's id) */
  idName: string | undefined
  role: string | undefined
  /** `resolved` with the label's id, once known: the id is then read from it instead of looked up by name */
  named: NamedId | undefined
}

interface Antecedent {
  canonical: string
  person: PersonName
  lastKey: string
  parsed: ParsedName
}

/**
 * Resolves recognised spans (sorted, non-overlapping) into entities: each gets a canonical name without
 * titles or possessive, the role written beside it (read from the document's `tokens`), and an id shared by
 * every mention of the same entity.
 */
export function resolveMentions(text: string, tokens: readonly Token[], spans: readonly EntitySpan[]): Entity[] {
  const definitions = findAcronymDefinitions(text, spans)
  const mentions: Mention[] = mergeExpansions(spans, definitions).map((span) => {
    // fields set in place, not spread in: an object literal with a spread costs several times more in V8. Every
    // mention has all eight fields, in one order: mentions of two shapes (with and without a role or an acronym's
    // id) sent resolvePeople and the mapping below back to V8's interpreter, to be compiled again, once per thread
    if (span.label !== 'PERSON') {
      // a name other than a person's is canonical by its surface form, and its entry carries the id
      const named = surfaceName(text, span)
      return {start: span.start, end: span.end, label: span.label, canonical: named.name, resolved: named.name, idName: undefined, role: undefined, named}
    }
    const {canonical, role} = personMention(text, tokens, span)
    return {start: span.start, end: span.end, label: span.label, canonical, resolved: canonical, idName: undefined, role: role || undefined, named: undefined}
  })
  // mergeExpansions gives its spans sorted: only acronym uses added as mentions put them out of order
  if (addAcronyms(text, mentions, definitions)) mentions.sort(compareSpans)
  resolvePeople(mentions)
  resolveOrganisationShortForms(mentions)
  return mentions.map((m) => {
    const entity: Entity = {
      start: m.start,
      end: m.end,
      label: m.label,
      // never blank: an entity record or index entry with an empty canonical would fail its schema
      canonical: m.resolved.trim() || text.slice(m.start, m.end).trim() || text.slice(m.start, m.end),
      entityId: idOf(m),
    }
    if (m.role) entity.role = m.role
    return entity
  })
}

// the id of a mention's entity: from its acronym's expansion, else its resolved name's (read from the name's entry
// when the mention still holds the one its id was kept for: an entry's label and name are the id's whole input)
function idOf(m: Mention): string {
  if (m.idName !== undefined) return entityIdFor(m.label, m.idName)
  const named = m.named
  if (named !== undefined && named.label === m.label && named.name === m.resolved) return idOfNamed(named)
  return entityIdFor(m.label, m.resolved)
}

/**
 * Gives acronyms defined in parentheses, and their later bare uses, the expansion's id; adds uses the recogniser missed
 * (at the end of `mentions`, and then says so: true).
 * Each use takes the last definition before it (a redefinition wins from there on); mentions are found through
 * maps and binary search, so a long document with many definitions stays linear.
 */
function addAcronyms(text: string, mentions: Mention[], definitions: readonly AcronymDefinition[]): boolean {
  // most documents define no acronym: nothing to index
  if (definitions.length === 0) return false
  const byExtent = new Map<string, Mention>()
  for (const m of mentions) byExtent.set(`${m.start}:${m.end}`, m)
  // the recognised mentions do not overlap one another: sorted by start, an overlap is found by binary search
  const sorted = [...mentions].sort(compareSpans)
  const added = new Map<number, Mention>()
  const overlapping = (use: {start: number; end: number}): Mention[] => {
    const found: Mention[] = []
    for (let k = countBefore(sorted, (mention) => mention.end <= use.start); k < sorted.length && sorted[k]!.start < use.end; k++) if (sorted[k]!.end > use.start) found.push(sorted[k]!)
    for (let at = use.start - MAX_ACRONYM; at < use.end; at++) {
      const m = added.get(at)
      if (m && m.start < use.end && use.start < m.end) found.push(m)
    }
    return found
  }
  // definitions of one acronym, in text order, with the mention of their expansion
  const groups = new Map<string, Array<{definition: AcronymDefinition; expansion: Mention}>>()
  for (const definition of definitions) {
    const expansion = byExtent.get(`${definition.expansion.start}:${definition.expansion.end}`)
    if (!expansion) continue
    let group = groups.get(definition.acronym)
    if (!group) groups.set(definition.acronym, (group = []))
    group.push({definition, expansion})
  }
  for (const [acronym, group] of groups) {
    const first = group[0]!.definition
    // every use from the first definition on, each with the last definition that covers it
    const positions = new Map<number, {start: number; end: number}>()
    for (const {definition} of group) positions.set(definition.start, {start: definition.start, end: definition.end})
    for (const use of findAcronymUses(text, acronym, first.end)) if (!positions.has(use.start)) positions.set(use.start, use)
    const uses = [...positions.values()].sort((a, b) => a.start - b.start)
    let d = -1
    for (const use of uses) {
      while (d + 1 < group.length && (group[d + 1]!.definition.end <= use.start || group[d + 1]!.definition.start === use.start)) d++
      if (d < 0) continue
      const {definition, expansion} = group[d]!
      const over = overlapping(use)
      // an acronym stays written as itself but shares its expansion's id
      if (over.length === 0) {
        const mention: Mention = {start: use.start, end: use.end, label: expansion.label, canonical: definition.acronym, resolved: definition.acronym, idName: expansion.resolved, role: undefined, named: undefined}
        mentions.push(mention)
        added.set(use.start, mention)
      } else if (over.length === 1 && over[0]!.start === use.start && over[0]!.end === use.end) {
        // the acronym names the organisation its expansion does, whatever label the recogniser guessed
        over[0]!.label = expansion.label
        over[0]!.idName = expansion.resolved
      }
    }
  }
  return added.size > 0
}

// the longest acronym a definition can hold, bounding the look-back for acronyms added as mentions
const MAX_ACRONYM = 16

// parsed person names by canonical name: a document repeats its people and a corpus repeats them across
// documents; bounded, since a long-running process sees an open set of names (the parse is a pure function)
const MAX_PARSED = 50_000
const parsedNames = new Map<string, ParsedName>()

interface ParsedName extends NamedId {
  person: PersonName
  /** the transliteration key of the surname's last word */
  lastKey: string
  /** the surname has more than one word ("von der Doe") */
  compound: boolean
}

function parsedName(name: string): ParsedName {
  let parsed = parsedNames.get(name)
  if (parsed === undefined) {
    if (parsedNames.size >= MAX_PARSED) parsedNames.clear()
    const person = parsePersonName(name)
    const words = person.surname.split(' ')
    parsed = {label: 'PERSON', name, id: undefined, person, lastKey: translitKey(words[words.length - 1]), compound: words.length > 1}
    parsedNames.set(name, parsed)
  }
  return parsed
}

/** Joins later short person mentions ("Doe", "von der Doe", "V. Doe", a unique first name) to the earlier full name; earlier names are indexed by key, so each mention costs the same however long the document. */
function resolvePeople(mentions: Mention[]): void {
  const bySurname = new Map<string, Antecedent[]>()
  const byLast = new Map<string, Antecedent[]>()
  const byGiven = new Map<string, Antecedent[]>()
  const push = (map: Map<string, Antecedent[]>, key: string | undefined, a: Antecedent) => {
    if (key === undefined) return
    const list = map.get(key)
    if (list) list.push(a)
    else map.set(key, [a])
  }
  const NONE: Antecedent[] = []
  for (const mention of mentions) {
    if (mention.label !== 'PERSON') continue
    const parsed = parsedName(mention.canonical)
    const {person, lastKey, compound} = parsed
    // the entry of the name written out carries its id; a mention resolved to an earlier name takes that one's
    mention.named = parsed
    const sameSurname = bySurname.get(person.surnameKey) ?? NONE
    if (person.given && !person.givenInitial) {
      // the same person written again with a middle name or another romanisation
      const same = sameSurname.find((a) => a.person.givenClass === person.givenClass && middlesCompatible(a.person, person))
      if (same) {
        mention.resolved = same.canonical
        mention.named = same.parsed
      } else {
        const antecedent = {canonical: mention.canonical, person, lastKey, parsed}
        push(bySurname, person.surnameKey, antecedent)
        push(byLast, lastKey, antecedent)
        push(byGiven, person.givenKey ?? undefined, antecedent)
      }
      continue
    }
    let candidates: Antecedent[]
    if (person.givenInitial) {
      const initial = translitKey(person.given ?? '').charAt(0)
      candidates = sameSurname.filter((a) => a.person.givenKey?.charAt(0) === initial)
    } else if (compound) {
      candidates = sameSurname
    } else {
      candidates = byLast.get(lastKey) ?? NONE
      // a first name alone ("Li", "Margaret") when exactly one earlier full name starts with it
      if (candidates.length === 0) candidates = byGiven.get(lastKey) ?? NONE
    }
    // exactly one distinct earlier name
    if (candidates.length > 0 && candidates.every((a) => a.canonical === candidates[0].canonical)) {
      mention.resolved = candidates[0].canonical
      mention.named = candidates[0].parsed
    }
  }
}

/** Joins a one-word organisation mention ("the Bank" after "World Bank") to the one earlier multi-word organisation ending in that word. */
function resolveOrganisationShortForms(mentions: Mention[]): void {
  // earlier multi-word names by their last word (lower case), each name once, in first-seen order
  const byLastWord = new Map<string, Set<string>>()
  for (const mention of mentions) {
    if (mention.label !== 'ORG') continue
    const space = mention.resolved.lastIndexOf(' ')
    if (space >= 0) {
      const last = mention.resolved.slice(space + 1).toLowerCase()
      let names = byLastWord.get(last)
      if (!names) byLastWord.set(last, (names = new Set()))
      names.add(mention.resolved)
      continue
    }
    const word = mention.resolved
    if (word.length < 4 || !/^\p{Lu}\p{Ll}/u.test(word)) continue
    const matches = byLastWord.get(word.toLowerCase())
    if (matches && matches.size === 1) mention.resolved = matches.values().next().value!
  }
}
