/**
 * Resolves a speaker pronoun ("he said") to the nearest earlier person of compatible gender,
 * with gender read from honorifics, gendered role nouns, surname morphology and pronouns
 * already resolved to that person.
 */
import type {Entity, Span} from '../doc.ts'
import {countBefore} from '../text/search.ts'
import {isRegexSpace} from '../text/chars.ts'

/** Grammatical gender used for pronoun agreement. */
export type Gender = 'male' | 'female'

const MALE_CUES = /\b(?:mr|sir|lord|king|prince|father|son|brother|husband|uncle|nephew|grandfather|businessman|spokesman|chairman|congressman|councilman|alderman|assemblyman|policeman|fireman|sportsman|statesman|anchorman|cameraman|boyfriend|monsignor|pope|duke|earl|baron|count|emperor|sultan|sheikh|actor|waiter|widower|gentleman|man|boy|himself|his)\.?$/i
const FEMALE_CUES = /\b(?:mrs|ms|miss|madam|madame|mme|lady|dame|queen|princess|mother|daughter|sister|wife|aunt|niece|grandmother|businesswoman|spokeswoman|chairwoman|congresswoman|councilwoman|alderwoman|assemblywoman|policewoman|sportswoman|stateswoman|anchorwoman|camerawoman|girlfriend|duchess|countess|baroness|empress|actress|waitress|widow|woman|girl|herself|her)\.?$/i
// Slavic and Baltic feminine surname endings (-ova, -eva, -skaya, -aite)
const FEMALE_SURNAME = /(?:ova|eva|skaya|aite|ienė|ytė)$/

// given names ending in -a that are usually men's
const MALE_IN_A = new Set(['joshua', 'luca', 'andrea', 'nikita', 'ilya', 'ilia', 'sasha', 'misha', 'kuzma', 'foma', 'jonah', 'noah', 'elijah', 'ezra', 'isa', 'musa', 'mustafa', 'hamza', 'osama', 'yahya', 'zakaria', 'attila', 'costa', 'garcia', 'dana', 'joshua'])

/** Keeps what is known about each person's gender and finds antecedents for pronouns. */
export class PronounResolver {
  private readonly persons: Entity[]
  // genders from resolved pronouns, for people whose mentions show none
  private readonly noted = new Map<string, Gender>()
  // the gender each person's mentions show (null: none), read in text order (the first evidence wins) only for the
  // people a pronoun is tested against: most documents have no pronoun speaker, and a pronoun stops at the nearest person
  private readonly shown = new Map<string, Gender | null>()
  private mentionsById: Map<string, Entity[]> | null = null

  /**
   * Builds a resolver over the document's PERSON entities that lie outside quotations;
   * `quoted` are the quotation extents, whose people are rarely the antecedent.
   */
  constructor(
    private readonly text: string,
    entities: readonly Entity[],
    quoted: readonly Span[],
  ) {
    const inside = insideAny(quoted)
    const persons = entities.filter((e) => e.label === 'PERSON' && !inside(e))
    // attribution passes its entities sorted: the stable sort would leave them as they are
    this.persons = isSortedByStart(persons) ? persons : persons.sort((a, b) => a.start - b.start)
  }

  // what the person's own mentions say, before anything noted
  private shownGender(entityId: string): Gender | null {
    let gender = this.shown.get(entityId)
    if (gender !== undefined) return gender
    if (this.mentionsById === null) {
      this.mentionsById = new Map()
      for (const person of this.persons) {
        const list = this.mentionsById.get(person.entityId)
        if (list) list.push(person)
        else this.mentionsById.set(person.entityId, [person])
      }
    }
    gender = null
    for (const mention of this.mentionsById.get(entityId) ?? []) {
      gender = this.readGender(mention) ?? null
      if (gender) break
    }
    this.shown.set(entityId, gender)
    return gender
  }

  private known(entityId: string): Gender | undefined {
    return this.shownGender(entityId) ?? this.noted.get(entityId)
  }

  /** Records gender evidence for a person (a resolved "she said"); what the person's mentions show stays first. */
  note(entityId: string, gender: Gender): void {
    if (this.known(entityId) === undefined) this.noted.set(entityId, gender)
  }

  /** The gender known for a person, if any. */
  genderOf(entityId: string): Gender | undefined {
    return this.known(entityId)
  }

  /** The nearest person mentioned before `position` whose gender does not contradict `gender`. */
  resolve(gender: Gender, position: number): Entity | null {
    // the last person ending before the pronoun
    const last = countBefore(this.persons, (person) => person.end <= position) - 1
    // "he": the nearest person not known to be a woman; "she": the nearest person known to be one when
    // there is such a person near, else the nearest of unknown gender (news names far more men than women)
    let unknown: Entity | null = null
    for (let i = last; i >= 0 && position - this.persons[i]!.end < 3000; i--) {
      const person = this.persons[i]!
      const known = this.known(person.entityId)
      if (known === gender) return person
      if (known) continue
      if (gender === 'male') return person
      if (!unknown) unknown = person
    }
    return unknown
  }

  private readGender(person: Entity): Gender | undefined {
    const previousWord = wordBefore(this.text, Math.max(0, person.start - 40), person.start)
    // the role's last word; most people have no role, and the cues never match an empty word
    const roleWord = person.role ? lastWord(person.role) : ''
    const mention = this.text.slice(person.start, person.end)
    if (MALE_CUES.test(previousWord) || (roleWord !== '' && MALE_CUES.test(roleWord))) return 'male'
    if (FEMALE_CUES.test(previousWord) || (roleWord !== '' && FEMALE_CUES.test(roleWord))) return 'female'
    if (/^(?:Mr|Sir)\.?\s/.test(mention)) return 'male'
    if (/^(?:Mrs|Ms|Miss|Dame|Lady)\.?\s/.test(mention)) return 'female'
    // a one-part name (no whitespace in it) shows nothing more
    const canonical = person.canonical
    const firstSpace = indexOfSpace(canonical)
    if (firstSpace < 0) return undefined
    const surname = lastWord(canonical)
    if (/^\p{Lu}/u.test(surname) && FEMALE_SURNAME.test(surname)) return 'female'
    // a given name ending in -a is mostly a woman's (Slavic, Romance, Germanic), with a few known exceptions
    const given = canonical.slice(0, firstSpace)
    if (/^\p{Lu}\p{Ll}+a$/u.test(given) && !MALE_IN_A.has(given.toLowerCase())) return 'female'
    return undefined
  }
}

/**
 * The last word of `text[from, to)` trimmed, words split at whitespace and commas: what
 * `text.slice(from, to).trim().split(/[\s,]+/).at(-1)` gives ('' after a trailing comma), without the array.
 */
function wordBefore(text: string, from: number, to: number): string {
  let end = to
  while (end > from && isRegexSpace(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > from && !isRegexSpace(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 44) start--
  return text.slice(start, end)
}

// whether spans are in order of their starts
function isSortedByStart(spans: readonly Span[]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k - 1]!.start > spans[k]!.start) return false
  return true
}

// the index of the first whitespace (as the regex \s reads it) in `text`, or -1
function indexOfSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (isRegexSpace(text.charCodeAt(i))) return i
  return -1
}

// what `text.split(/\s+/).at(-1)` gives: the text after its last whitespace ('' when it ends in whitespace)
function lastWord(text: string): string {
  let i = text.length
  while (i > 0 && !isRegexSpace(text.charCodeAt(i - 1))) i--
  return i === 0 ? text : text.slice(i)
}

/** A test of whether a span lies inside any of `extents`: extents sorted by start with running maximum ends, so each test is a binary search. */
function insideAny(extents: readonly Span[]): (span: Span) => boolean {
  const sorted = [...extents].sort((a, b) => a.start - b.start)
  const maxEnd: number[] = []
  for (const [i, extent] of sorted.entries()) maxEnd.push(Math.max(extent.end, i > 0 ? maxEnd[i - 1]! : -Infinity))
  return (span) => {
    // the extents starting at or before the span; one of them holds it when the largest end reaches the span's end
    const lo = countBefore(sorted, (extent) => extent.start <= span.start)
    return lo > 0 && maxEnd[lo - 1]! >= span.end
  }
}
