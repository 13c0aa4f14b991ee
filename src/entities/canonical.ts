/**
 * The canonical name of one mention taken alone: titles and honorifics out (into `role` when a
 * title), possessive and stray punctuation off, whitespace collapsed.
 */
import {isNameLabel, type EntityLabel, type EntitySpan, type Token} from '../doc.ts'
import {entityIdFor} from '../names/entity-id.ts'
import {findRoleAfter, findRoleBefore, splitTitle} from './role-phrase.ts'
import {CHAR_SCRIPT, isRegexSpace, Script} from '../text/chars.ts'

/** One mention's canonical name and role, before coreference. */
export interface CanonicalMention {
  canonical: string
  role?: string
}

const NEEDS_CLEANING = /[^\S ]| \s|^[\s"'“”‘’«»(\[]|[\s"“”«»)\],;:!?]$|[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]/

// characters that render as nothing inside a name: soft hyphen, zero-width space, zero-width (non-)joiner, word
// joiner, zero-width no-break space (which \s also matches: removed first, so "Ange\ufeffla" is not "Ange la"), and
// direction marks, embeddings, overrides and isolates (an override in "Del\u202egado" showed the name as "Delodag"
// wherever the canonical name was printed, in the review site's charts too)
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g

// a zero-width (non-)joiner beside a letter of a script that writes with them (Persian, Devanagari) is spelling
// there, kept; beside Latin letters, spaces or at an edge it is a stray from the page
function dropInvisible(ch: string, at: number, name: string): string {
  if (ch !== '\u200c' && ch !== '\u200d') return ''
  const script = (i: number) => (i >= 0 && i < name.length ? CHAR_SCRIPT[name.charCodeAt(i)]! : Script.None)
  return script(at - 1) === Script.Other || script(at + 1) === Script.Other ? ch : ''
}

// whether a name is written in other code points than its NFKC form: accents decomposed ("Jose\u0301"), full-width
// letters ("Ｊｏｓｅ"), ligatures ("Whitﬁeld"); an ASCII name never is
function needsNormalising(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x80) return name.normalize('NFKC') !== name
  return false
}

/**
 * Collapses whitespace, removes characters that render as nothing, writes the name in Unicode's NFKC form (a name's
 * canonical form is what a reader sees and types: "Jose\u0301" and "José", "Ｊｏｓｅ" and "Jose" are one; the mention's
 * text keeps what was written, so offsets hold) and trims quotes, brackets and trailing punctuation from a name.
 */
export function cleanName(name: string): string {
  // most names need nothing: no whitespace but single spaces, nothing invisible or decomposed, nothing to trim
  if (!NEEDS_CLEANING.test(name) && !needsNormalising(name)) return name
  return name
    .normalize('NFKC')
    .replace(INVISIBLE, dropInvisible)
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»(\[]+|[\s"“”«»)\],;:!?]+$/g, '')
    .trim()
}

/** Drops a trailing possessive ("Poland's" -> "Poland", "Wales'" -> "Wales"). */
export function stripPossessive(name: string): string {
  // both patterns end in an apostrophe or an s
  const last = name.charCodeAt(name.length - 1)
  if (last !== 39 && last !== 0x2019 && last !== 115 && last !== 83) return name
  return name.replace(/(?<=\p{L})['’][sS]?$/u, '').replace(/(?<=\p{L}) ['’][sS]$/u, '')
}

/** Whether a person name has at least two name words (a given name and a surname, or a surname with particles). */
export function isFullName(name: string): boolean {
  // words are the runs between whitespace (as split(/\s+/) makes them); each is tested once, at its first character
  let capitalised = 0
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    if ((i > 0 && !isRegexSpace(name.charCodeAt(i - 1))) || isRegexSpace(code)) continue
    const upper = code < 128 ? code >= 65 && code <= 90 : UPPER_START.test(name.slice(i, i + 2))
    if (upper && ++capitalised >= 2) return true
  }
  return false
}

const UPPER_START = /^\p{Lu}/u

// canonical names of non-person mentions by label and surface form (ORG and LOC drop a lowercase article, the rest
// do not), each with its entity id once asked for: the resolver then needs no second lookup by name for the id.
// Bounded over all labels together (a long-running process sees an open set of names): as many entries as the two
// caches of 50,000 names each that the label groups had before
const MAX_CANONICAL = 100_000
const surfaceNames = new Map<EntityLabel, Map<string, NamedId>>()
let surfaceCount = 0

/** A canonical name with the entity id its label gives it, made on first use (see {@link idOfNamed}). */
export interface NamedId {
  label: EntityLabel
  name: string
  id: string | undefined
}

/** The entity id of a {@link NamedId}: `entityIdFor(named.label, named.name)`, made once per entry. */
export function idOfNamed(named: NamedId): string {
  named.id ??= entityIdFor(named.label, named.name)
  return named.id
}

// a string with its own characters: V8 keeps a slice of 13 or more characters as a view on the string it was cut
// from, and a concatenation is copied into a flat string before it is sliced
function ownCopy(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1)
}

// an ORG's or LOC's canonical name: a lowercase article the recogniser kept is not part of the name ("the
// Pentagon"); "The Hague" keeps its capital
function articleNameOf(raw: string): string {
  return cleanName(stripPossessive(cleanName(raw))).replace(/^the\s+/, '') || cleanName(raw) || raw
}

/**
 * The canonical name of a mention other than a person's, with its id: a function of the label and the surface form
 * `text[start, end)` alone, kept per label (bounded) since a document and a corpus repeat them ("Washington", "the
 * Pentagon", "two"). The entry is shared: callers must not change it.
 */
export function surfaceName(text: string, span: EntitySpan): NamedId {
  const raw = text.slice(span.start, span.end)
  let cache = surfaceNames.get(span.label)
  if (cache === undefined) surfaceNames.set(span.label, (cache = new Map()))
  let named = cache.get(raw)
  if (named === undefined) {
    // kept from a copy: a slice of the text would keep the whole document alive in the cache
    const key = ownCopy(raw)
    const article = isNameLabel(span.label) && span.label !== 'MISC'
    const canonical = article ? articleNameOf(key) : cleanName(stripPossessive(cleanName(key))) || cleanName(key) || key
    if (surfaceCount >= MAX_CANONICAL) {
      for (const names of surfaceNames.values()) names.clear()
      surfaceCount = 0
    }
    named = {label: span.label, name: canonical, id: undefined}
    cache.set(key, named)
    surfaceCount++
  }
  return named
}

/** Canonicalises one mention: for people, titles inside the span become the role and a title written beside the name is kept as role. */
export function canonicalMention(text: string, tokens: readonly Token[], span: EntitySpan): CanonicalMention {
  // anything but a person's name is canonical by its label's rule and its words alone
  if (span.label !== 'PERSON') return {canonical: surfaceName(text, span).name}
  return personMention(text, tokens, span)
}

/** A person mention's canonical name and role: titles and roles are read from the tokens around it. */
export function personMention(text: string, tokens: readonly Token[], span: EntitySpan): CanonicalMention {
  const raw = text.slice(span.start, span.end)
  const titled = splitTitle(text, tokens, span.start, span.end)
  const canonical = cleanName(stripPossessive(raw.slice(titled.nameStart, titled.nameEnd))) || cleanName(raw) || raw
  const inner = titled.role ? {start: span.start + titled.role.start, end: span.start + titled.role.end} : undefined
  const before = findRoleBefore(text, tokens, span.start, span.end, isFullName(canonical))
  let role: string | undefined
  if (inner && before) role = text.slice(before.start, inner.end)
  else if (inner) role = text.slice(inner.start, inner.end)
  else if (before) role = before.text
  else role = findRoleAfter(text, tokens, span.end)?.text
  return role ? {canonical, role: cleanName(role)} : {canonical}
}
