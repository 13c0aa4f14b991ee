/**
 * Pairwise decisions: are two canonical names (of the same label) one entity? Every yes names the
 * rule that made it, so an analyst can see why "Pyotr Tchaikovsky" joined "Petro Chaikovskyi".
 */
import {doubleMetaphone, jaroWinkler} from '../adapters/natural.ts'
import {isNameLabel, type EntityLabel} from '../doc.ts'
import {roleKey} from '../names/roles.ts'
import {middlesCompatible, parsePersonName, type PersonName} from '../names/person-name.ts'
import {consonantSkeleton, nameKey} from '../names/translit.ts'

/** What the matcher knows about one distinct name. */
export interface NameProfile {
  /** the provisional entity id */
  id: string
  label: EntityLabel
  canonical: string
  /** transliteration key of the whole name */
  key: string
  /** keys of every spelling seen under this id (the name's own key included) */
  keys: Set<string>
  /** parsed name, for PERSON */
  person?: PersonName
  /** comparable keys of the roles written next to this name */
  roleKeys: Set<string>
}

/** Evidence from outside the names themselves. */
export interface PairContext {
  /** distinctive entities both names appear with (rarely mentioned people or organisations); a number or a lazy count */
  sharedCooccurring?: number | (() => number)
}

/** Thresholds of the fuzzy surname rule, fixed from transliteration reasoning rather than fitted. */
export const MATCH_SETTINGS = {
  /** Jaro-Winkler similarity of surname keys for a spelling variant */
  surnameSimilarity: 0.9,
  /** shortest surname key compared fuzzily; shorter names must match exactly */
  minFuzzyLength: 4,
  /** longest length difference of surname keys for a spelling variant */
  maxLengthDifference: 2,
  /** shared leading letters of surname keys that, with a shared role, suggest a shortened spelling */
  minSharedPrefix: 4,
  /** distinctive co-occurring entities that count as context */
  minSharedCooccurring: 2,
} as const

/** The pure functions of a name and of a role that a profile is made of (the linker passes memoised ones). */
export interface NameFunctions {
  nameKey(name: string): string
  parsePersonName(name: string): PersonName
  roleKey(role: string): string
}

const DIRECT: NameFunctions = {nameKey, parsePersonName, roleKey}

/** Builds the matcher's profile of one distinct name. */
export function profileName(id: string, label: EntityLabel, canonical: string, roles: Iterable<string> = [], values: NameFunctions = DIRECT): NameProfile {
  const roleKeys = new Set<string>()
  for (const role of roles) {
    const key = values.roleKey(role)
    if (key) roleKeys.add(key)
  }
  const key = values.nameKey(canonical)
  // no spread of a conditional object literal: a profile is made for every distinct name of the corpus, at its end
  const profile: NameProfile = {id, label, canonical, key, keys: new Set([key]), roleKeys}
  if (label === 'PERSON') profile.person = values.parsePersonName(canonical)
  return profile
}

/** Whether both names carry a role naming the same office. */
export function shareRole(a: NameProfile, b: NameProfile): boolean {
  for (const key of a.roleKeys) if (b.roleKeys.has(key)) return true
  return false
}

/** Whether one surname key is the other's feminine form (Ivanov/Ivanova, Kowalski/Kowalska): relatives, not spellings. */
export function isGenderVariant(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.length === short.length + 1 && long.endsWith('a') && long.startsWith(short)) return true
  return a.length === b.length && a.slice(0, -3) === b.slice(0, -3) && ((a.endsWith('ski') && b.endsWith('ska')) || (a.endsWith('ska') && b.endsWith('ski')))
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

// Ukrainian h is Russian g (Shmyhal/Shmygal, Luhansk/Lugansk): compare with one letter for both; for people only
// inside a word, since a word-initial h/g is far more often two English names (Hill/Gill) than a transliteration
function hg(key: string): string {
  return key.replace(/(?<=[a-z])(?<![sctg])h/g, 'g')
}

function hgPlace(key: string): string {
  return key.replace(/(?<![sctg])h/g, 'g')
}

/** A pure function memoised in a bounded map: surnames recur across thousands of comparisons. */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(key)
      if (cache.size >= 50_000) cache.clear()
      cache.set(key, value)
    }
    return value
  }
}

const hgOf = memo(hg)
const initialOf = memo((key) => consonantSkeleton(key).charAt(0))
const soundOf = memo((key) => doubleMetaphone(key))

/** Whether two surname keys sound alike by Double Metaphone (any of the primary/alternate codes shared). */
function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = soundOf(a)
  const [b1, b2] = soundOf(b)
  return a1 !== '' && (a1 === b1 || a1 === b2 || (a2 !== '' && (a2 === b1 || a2 === b2)))
}

/**
 * Whether two surname keys end alike: a Slavic surname's suffix (-ko, -ski, -uk, -ov) identifies it, so a
 * different last letter means a different name, except Belarusian -ka for -ko (Lukashenka/Lukashenko).
 */
function endingsAgree(x: string, y: string): boolean {
  const a = x.charAt(x.length - 1)
  const b = y.charAt(y.length - 1)
  if (a === b) return true
  return x.endsWith('ko') && y.endsWith('ka') || x.endsWith('ka') && y.endsWith('ko')
}

/** Whether two surname keys are spellings of one surname by string similarity and sound. */
export function surnamesSimilar(a: string, b: string): boolean {
  const x = hgOf(a)
  const y = hgOf(b)
  if (x === y) return true
  if (Math.min(x.length, y.length) < MATCH_SETTINGS.minFuzzyLength) return false
  if (Math.abs(x.length - y.length) > MATCH_SETTINGS.maxLengthDifference) return false
  if (isGenderVariant(a, b)) return false
  if (initialOf(x) !== initialOf(y)) return false
  if (!endingsAgree(x, y)) return false
  return jaroWinkler(x, y) >= MATCH_SETTINGS.surnameSimilarity && soundAlike(x, y)
}

/**
 * Decides whether two full person names are one person: equivalent given names and a surname that is the
 * same under transliteration, similar in spelling and sound, or (with a shared role or distinctive company)
 * a shortened spelling. Returns the rule id, or null.
 */
export function matchPersons(a: NameProfile, b: NameProfile, context: PairContext = {}): string | null {
  const pa = a.person
  const pb = b.person
  if (!pa || !pb) return null
  if (a.key === b.key) return 'link:translit-key'
  if (!pa.given || !pb.given || pa.givenInitial || pb.givenInitial) return null
  if (pa.givenClass !== pb.givenClass || !middlesCompatible(pa, pb)) return null
  if (pa.surnameKey === pb.surnameKey) return 'link:given-name-equivalent+surname-translit'
  if (surnamesSimilar(pa.surnameKey, pb.surnameKey)) return 'link:given-name-equivalent+surname-jw'
  if (isGenderVariant(pa.surnameKey, pb.surnameKey)) return null
  if (commonPrefix(hgOf(pa.surnameKey), hgOf(pb.surnameKey)) < MATCH_SETTINGS.minSharedPrefix) return null
  if (!endingsAgree(pa.surnameKey, pb.surnameKey)) return null
  if (shareRole(a, b)) return 'link:given-name-equivalent+surname-prefix+role'
  const shared = typeof context.sharedCooccurring === 'function' ? context.sharedCooccurring() : (context.sharedCooccurring ?? 0)
  if (shared >= MATCH_SETTINGS.minSharedCooccurring) return 'link:given-name-equivalent+surname-prefix+cooccurrence'
  return null
}

// vowel alternations between Ukrainian and Russian forms of a place name, inside a word (closed syllable)
const CLOSED_ALTERNATIONS = new Set(['i|e', 'i|o', 'i|ie', 'e|ie', 'e|i', 'o|i', 'ie|i', 'ie|e'])
// and at its end (Vinnytsia/Vinnitsa: Ukrainian -ia for Russian -a or -ye; Roma/Rome)
const FINAL_ALTERNATIONS = new Set(['a|ia', 'ia|a', 'ia|ie', 'ie|ia', 'e|ie', 'ie|e', 'ia|e', 'e|ia', 'a|e', 'e|a'])

/** Whether two place-name words differ only by the regular Ukrainian/Russian vowel alternations (Lviv/Lvov, Ternopil/Ternopol). */
function placeWordVariant(a: string, b: string): boolean {
  const x = hgPlace(a).match(/[aeiou]+|[^aeiou]+/g) ?? []
  const y = hgPlace(b).match(/[aeiou]+|[^aeiou]+/g) ?? []
  if (x.length !== y.length || x.length < 2) return false
  let changes = 0
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue
    const vowel = /^[aeiou]/.test(x[i]) && /^[aeiou]/.test(y[i])
    // consonants and the first letter must agree
    if (!vowel || i === 0) return false
    const pair = `${x[i]}|${y[i]}`
    const final = i === x.length - 1
    if (final ? !FINAL_ALTERNATIONS.has(pair) : !CLOSED_ALTERNATIONS.has(pair)) return false
    changes++
  }
  return changes <= 2
}

/** Decides whether two place names are one place: the same transliteration key or a regular vowel alternation. */
export function matchPlaces(a: NameProfile, b: NameProfile): string | null {
  if (a.key === b.key) return 'link:translit-key'
  const wa = a.key.split(' ')
  const wb = b.key.split(' ')
  if (wa.length !== wb.length) return null
  let variant = false
  for (let i = 0; i < wa.length; i++) {
    if (wa[i] === wb[i]) continue
    if (!placeWordVariant(wa[i], wb[i])) return null
    variant = true
  }
  return variant ? 'link:place-variant' : 'link:translit-key'
}

/** Decides whether two distinct names of the same label are one entity; returns the rule id or null. */
export function matchNames(a: NameProfile, b: NameProfile, context: PairContext = {}): string | null {
  if (a.label !== b.label || !isNameLabel(a.label)) return null
  if (a.label === 'PERSON') return matchPersons(a, b, context)
  if (a.label === 'LOC') return matchPlaces(a, b)
  return null
}
