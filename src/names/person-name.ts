/**
 * Splits a person's canonical name into given name, middle names and surname, with the
 * transliteration keys the matcher compares.
 */
import {givenNameClass} from './given-names.ts'
import {splitName, translitKey} from './translit.ts'

/** Lowercase particles that belong to the surname ("Charles de Gaulle", "Vincent van Gogh"). */
export const SURNAME_PARTICLES = new Set([
  'von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'des', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ben', 'ter', 'ten', 'zu', 'dos', 'das', 'do', 'af', 'av', 'y',
])

// generational suffixes carry no identity of their own here
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv'])

// East-Slavic patronymics sit between given name and surname and are dropped when comparing
const PATRONYMIC = /(?:ovich|evich|ovych|evych|yovych|ich|ych|ovna|evna|ivna|yivna|ichna|ovitch|evitch|owitsch|ewitsch)$/i

/** A parsed person name. */
export interface PersonName {
  /** the canonical name as given */
  name: string
  /** the given name, absent for a surname alone ("Ivanov", "de Gaulle") */
  given?: string
  /** true when the given name is only an initial ("A. Ivanov") */
  givenInitial: boolean
  /** middle names without patronymics, as transliteration keys */
  middle: string[]
  /** the surname with its particles */
  surname: string
  /** transliteration key of the surname (particles included) */
  surnameKey: string
  /** equivalence class of the given name, when there is one */
  givenClass?: string
  /** transliteration key of the given name */
  givenKey?: string
}

/** Parses a canonical person name; particles join the surname and a lone word is a surname. */
export function parsePersonName(name: string): PersonName {
  const words = splitName(name).filter((w) => !SUFFIXES.has(w.replace(/\./g, '').toLowerCase()))
  // surname = last word plus any lowercase particles right before it
  let surnameStart = Math.max(0, words.length - 1)
  // case-insensitive: a sentence may open with "De Gaulle"
  while (surnameStart > 0 && SURNAME_PARTICLES.has(words[surnameStart - 1].toLowerCase())) surnameStart--
  const surnameWords = words.slice(surnameStart)
  const surname = surnameWords.join(' ')
  const surnameKey = surnameWords.map(translitKey).join(' ')
  if (surnameStart === 0) return {name, givenInitial: false, middle: [], surname, surnameKey}
  const given = words[0]
  const givenInitial = /^\p{Lu}\.?$/u.test(given)
  const middle = words
    .slice(1, surnameStart)
    .filter((w) => !PATRONYMIC.test(w))
    .map((w) => translitKey(w))
    .filter((k) => k.length > 0)
  const parsed: PersonName = {name, given, givenInitial, middle, surname, surnameKey, givenKey: translitKey(given)}
  if (!givenInitial) parsed.givenClass = givenNameClass(given)
  return parsed
}

/** Whether the middle names of two parsed names can belong to one person (missing on either side is fine). */
export function middlesCompatible(a: PersonName, b: PersonName): boolean {
  if (a.middle.length === 0 || b.middle.length === 0) return true
  if (a.middle.length !== b.middle.length) return false
  return a.middle.every((m, i) => m === b.middle[i] || m.charAt(0) === b.middle[i].charAt(0) && (m.length === 1 || b.middle[i].length === 1))
}
