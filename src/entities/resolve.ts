/**
 * Within-document entity resolution: canonical names, roles, coreference of short mentions to
 * earlier full names, acronyms to their expansions, and deterministic entity ids.
 */
import {compareSpans, type Entity, type EntityLabel, type EntitySpan} from '../doc.ts'
import {parsePersonName, middlesCompatible, type PersonName} from '../names/person-name.ts'
import {translitKey} from '../names/translit.ts'
import {findAcronymDefinitions, findAcronymUses, mergeExpansions, type AcronymDefinition} from '../names/acronyms.ts'
import {canonicalMention} from './canonical.ts'
import {entityIdFor} from '../names/entity-id.ts'

interface Mention {
  start: number
  end: number
  label: EntityLabel
  /** the mention's own canonical name */
  canonical: string
  /** the canonical written out: the full name a short mention resolves to, else its own */
  resolved: string
  /** the name the entity id derives from, when not `resolved` (an acronym keeps its letters but takes its expansion's id) */
  idName?: string
  role?: string
}

interface Antecedent {
  canonical: string
  person: PersonName
  lastKey: string
}

/**
 * Resolves recognised spans (sorted, non-overlapping) into entities: each gets a canonical name without
 * titles or possessive, the role written beside it, and an id shared by every mention of the same entity.
 */
export function resolveMentions(text: string, spans: readonly EntitySpan[]): Entity[] {
  const definitions = findAcronymDefinitions(text, spans)
  const mentions: Mention[] = mergeExpansions(spans, definitions).map((span) => {
    const {canonical, role} = canonicalMention(text, span)
    return {start: span.start, end: span.end, label: span.label, canonical, resolved: canonical, ...(role ? {role} : {})}
  })
  addAcronyms(text, mentions, definitions)
  mentions.sort(compareSpans)
  resolvePeople(mentions)
  resolveOrganisationShortForms(mentions)
  return mentions.map((m) => ({
    start: m.start,
    end: m.end,
    label: m.label,
    canonical: m.resolved,
    entityId: entityIdFor(m.label, m.idName ?? m.resolved),
    ...(m.role ? {role: m.role} : {}),
  }))
}

/** Gives acronyms defined in parentheses, and their later bare uses, the expansion's id; adds uses the recogniser missed. */
function addAcronyms(text: string, mentions: Mention[], definitions: readonly AcronymDefinition[]): void {
  for (const definition of definitions) {
    const expansion = mentions.find((m) => m.start === definition.expansion.start && m.end === definition.expansion.end)
    if (!expansion) continue
    const uses = [{start: definition.start, end: definition.end}, ...findAcronymUses(text, definition.acronym, definition.end)]
    for (const use of uses) {
      const overlapping = mentions.filter((m) => m.start < use.end && use.start < m.end)
      // an acronym stays written as itself but shares its expansion's id
      if (overlapping.length === 0) {
        mentions.push({start: use.start, end: use.end, label: expansion.label, canonical: definition.acronym, resolved: definition.acronym, idName: expansion.resolved})
      } else if (overlapping.length === 1 && overlapping[0].start === use.start && overlapping[0].end === use.end) {
        // the acronym names the organisation its expansion does, whatever label the recogniser guessed
        overlapping[0].label = expansion.label
        overlapping[0].idName = expansion.resolved
      }
    }
  }
}

/** Joins later short person mentions ("Doe", "von der Doe", "V. Doe", a unique first name) to the earlier full name. */
function resolvePeople(mentions: Mention[]): void {
  const antecedents: Antecedent[] = []
  for (const mention of mentions) {
    if (mention.label !== 'PERSON') continue
    const person = parsePersonName(mention.canonical)
    const words = person.surname.split(' ')
    const lastKey = translitKey(words[words.length - 1])
    if (person.given && !person.givenInitial) {
      // the same person written again with a middle name or another romanisation
      const same = antecedents.find(
        (a) => a.person.givenClass === person.givenClass && a.person.surnameKey === person.surnameKey && middlesCompatible(a.person, person),
      )
      if (same) mention.resolved = same.canonical
      else antecedents.push({canonical: mention.canonical, person, lastKey})
      continue
    }
    let candidates: Antecedent[]
    if (person.givenInitial) {
      const initial = translitKey(person.given ?? '').charAt(0)
      candidates = antecedents.filter((a) => a.person.surnameKey === person.surnameKey && a.person.givenKey?.charAt(0) === initial)
    } else if (words.length > 1) {
      candidates = antecedents.filter((a) => a.person.surnameKey === person.surnameKey)
    } else {
      candidates = antecedents.filter((a) => a.lastKey === lastKey)
      // a first name alone ("Li", "Margaret") when exactly one earlier full name starts with it
      if (candidates.length === 0) candidates = antecedents.filter((a) => a.person.givenKey === lastKey)
    }
    const distinct = new Set(candidates.map((a) => a.canonical))
    if (distinct.size === 1) mention.resolved = candidates[0].canonical
  }
}

/** Joins a one-word organisation mention ("the Bank" after "World Bank") to the one earlier multi-word organisation ending in that word. */
function resolveOrganisationShortForms(mentions: Mention[]): void {
  const seen: string[] = []
  for (const mention of mentions) {
    if (mention.label !== 'ORG') continue
    const words = mention.resolved.split(' ')
    if (words.length > 1) {
      if (!seen.includes(mention.resolved)) seen.push(mention.resolved)
      continue
    }
    const word = words[0]
    if (word.length < 4 || !/^\p{Lu}\p{Ll}/u.test(word)) continue
    const matches = seen.filter((name) => name.toLowerCase().endsWith(` ${word.toLowerCase()}`))
    if (matches.length === 1) mention.resolved = matches[0]
  }
}
