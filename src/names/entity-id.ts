/**
 * Deterministic, corpus-wide entity ids derived from label and canonical name alone, so two
 * documents processed apart give the same id to the same name with no shared state.
 */
import type {EntityLabel} from '../doc.ts'

const MAX_SLUG = 72

// most names are ASCII letters and digits in words split by one space or hyphen ("Jane Roe", "Jean-Luc Roe"):
// the rules below only lower-case such a name and turn its spaces into hyphens, so it skips their seven passes (a
// worker meets every new name here once, most of them of this shape)
const PLAIN_NAME = /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/

/** A readable, case-, accent- and punctuation-insensitive key of a name ("U.S." and "US" -> "us"). */
export function nameSlug(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase().replaceAll(' ', '-')
  return name
    .normalize('NFKD')
    // combining marks and the characters that render as nothing (soft hyphen, zero-width space and (non-)joiners,
    // word joiner, U+FEFF, direction marks and overrides) are no part of the key: "Mer\u00adkel" is merkel, not mer-kel
    .replace(/[\p{M}\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu, '')
    .toLowerCase()
    // dots of abbreviations and apostrophes join their letters: U.S. -> us, O'Brien -> obrien
    .replace(/(?<=\p{L})\.(?=\p{L}|$|\s)/gu, '')
    .replace(/['’ʼ`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** FNV-1a 32-bit hash as 8 hex digits: short, stable and dependency-free. */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

// ids already made, by label: a document repeats its names, and a corpus repeats them across documents
const MAX_CACHED = 100_000
const cache = new Map<EntityLabel, Map<string, string>>()

/** The provisional entity id of a canonical name: `person:jane-roe`; long or unsluggable names get a hash. */
export function entityIdFor(label: EntityLabel, canonical: string): string {
  let ids = cache.get(label)
  if (!ids) cache.set(label, (ids = new Map()))
  let id = ids.get(canonical)
  if (id === undefined) {
    // bounded: a long-running process sees an open set of names
    if (ids.size >= MAX_CACHED) ids.clear()
    id = makeEntityId(label, canonical)
    ids.set(canonical, id)
  }
  return id
}

function makeEntityId(label: EntityLabel, canonical: string): string {
  const slug = nameSlug(canonical)
  const prefix = label.toLowerCase()
  if (slug.length === 0) return `${prefix}:${shortHash(canonical)}`
  if (slug.length > MAX_SLUG) {
    // cut at a word boundary and add a hash of the whole slug so long names stay distinct
    const cut = slug.slice(0, MAX_SLUG)
    const head = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut
    return `${prefix}:${head}-${shortHash(slug)}`
  }
  return `${prefix}:${slug}`
}
