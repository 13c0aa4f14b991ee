/**
 * Builds rule J's given-name list (src/ner/given-name-list.ts, docs/ner.md nineteenth round) from `@faker-js/faker`:
 * the union over all its locales of every list under `person.first_name` (generic, female, male), lowercased,
 * deduplicated, single words only (an entry with a space can never be one token), sorted so the file is reproducible.
 */

// the part of faker's locale definitions read here (each list is an array of names)
interface LocaleDefinition {
  person?: {first_name?: readonly string[] | Partial<Record<string, readonly string[] | null>> | null}
}

/** The sorted, lowercased, single-word first names of all the given locales. */
export function collectGivenNames(locales: Readonly<Record<string, LocaleDefinition>>): string[] {
  const set = new Set<string>()
  for (const locale of Object.values(locales)) {
    const lists = locale.person?.first_name ?? {}
    // faker 10 groups them by sex (generic, female, male); a plain list is read too
    for (const list of Array.isArray(lists) ? [lists] : Object.values(lists)) {
      for (const name of list ?? []) if (!/\s/.test(name)) set.add(name.toLowerCase())
    }
  }
  return [...set].sort()
}

/** The list file's text: one name per line. */
export function formatGivenNames(names: readonly string[]): string {
  return names.join('\n') + '\n'
}
