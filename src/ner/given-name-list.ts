/**
 * Rule J's given-name list (src/ner/given-name-join.ts, docs/ner.md nineteenth round): faker's first-name lists of all
 * its locales, lowercased, single words, written to models/given-names.txt by `npm run build:given-names`. Read on the
 * first question (a few milliseconds) and kept for the thread, so a document with no candidate pair costs nothing.
 */
import {readFileSync} from 'node:fs'

/** Where the given-name list lives, beside the shipped model. */
export const GIVEN_NAMES_URL = new URL('../../models/given-names.txt', import.meta.url)

let names: ReadonlySet<string> | null = null

/** The given-name list, read on first call and kept for the thread. */
export function givenNames(): ReadonlySet<string> {
  if (names) return names
  names = new Set(readFileSync(GIVEN_NAMES_URL, 'utf8').split('\n').filter(Boolean))
  return names
}

/** Whether a lowercased word is in the given-name list (see {@link givenNames}; the first call reads it). */
export function isGivenName(lowerWord: string): boolean {
  return givenNames().has(lowerWord)
}
