/**
 * The only door to `@faker-js/faker`: its first-name lists as a given-name list for rule J (src/ner/given-name-join.ts,
 * docs/ner.md nineteenth round). The list is the union over all of faker's locales (`allLocales`) of every list under
 * `person.first_name` (generic, female, male), lowercased and deduplicated, single words only (an entry with a space
 * can never be one token). Importing faker's locales costs about 0.3 s of CPU, so nothing is loaded until the first
 * question, and then once per thread (each worker thread has its own module instances).
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

// the part of faker's locale definitions read here (each list is an array of names)
interface LocaleDefinition {
  person?: {first_name?: readonly string[] | Record<string, readonly string[] | undefined>}
}

let names: ReadonlySet<string> | null = null

/**
 * The given-name list, loaded on first call and kept for the thread. faker 10 ships only ES modules, which this
 * synchronous caller (the tagger) loads with require(): Node 20.19 or newer does that by default.
 */
export function givenNames(): ReadonlySet<string> {
  if (names) return names
  let allLocales: Record<string, LocaleDefinition>
  try {
    ;({allLocales} = require('@faker-js/faker') as {allLocales: Record<string, LocaleDefinition>})
  } catch (error) {
    if ((error as {code?: string}).code === 'ERR_REQUIRE_ESM') {
      throw new Error(`the given-name join needs Node.js 20.19 or newer (it loads @faker-js/faker, an ES module, synchronously); this is Node.js ${process.versions.node}`)
    }
    throw error
  }
  const set = new Set<string>()
  for (const locale of Object.values(allLocales)) {
    const lists = locale.person?.first_name ?? {}
    // faker 10 groups them by sex (generic, female, male); a plain list is read too
    for (const list of Array.isArray(lists) ? [lists] : Object.values(lists)) {
      for (const name of list ?? []) if (!/\s/.test(name)) set.add(name.toLowerCase())
    }
  }
  names = set
  return names
}

/** Whether a lowercased word is in the given-name list (see {@link givenNames}; the first call loads it). */
export function isGivenName(lowerWord: string): boolean {
  return givenNames().has(lowerWord)
}
