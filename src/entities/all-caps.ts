/**
 * Names in an all-caps document (docs/all-caps.md): mixed case keeps a determiner out of a name ("the United Nations"),
 * but in capitals the tagger reads "THE UNITED NATIONS" as one name; its leading "THE" is kept out here, as in mixed
 * case. A title that begins with "The" ("The Real Deal") loses it too: in capitals the two cannot be told apart.
 */
import {isNameLabel, type EntitySpan} from '../doc.ts'

// "THE" and the white space after it, at a mention's start
const LEADING_THE = /^THE\s+/

/** Finds the name mentions of an all-caps text with a leading "THE" trimmed; a mention that is only "THE" is dropped. */
export function findTrimmedNames(text: string, names: readonly EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = []
  for (const name of names) {
    if (!isNameLabel(name.label)) {
      out.push(name)
      continue
    }
    let start = name.start
    for (let m = LEADING_THE.exec(text.slice(start, name.end)); m !== null; m = LEADING_THE.exec(text.slice(start, name.end))) start += m[0].length
    if (text.slice(start, name.end) === 'THE') continue
    out.push(start === name.start ? name : {...name, start})
  }
  return out
}
