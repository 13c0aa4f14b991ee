/**
 * Entity spans placed by their text, standing in for the recogniser's output in the relabelling tests: written once
 * here (the review's D2: party-tags and dateline-places each had a copy).
 */
import type {EntityLabel, EntitySpan} from '../../src/doc.ts'

/**
 * The spans of `tagged` (each a string of `text` and its label) in order: each string's first occurrence at or after
 * the end of the one before, so a repeated name ("Chicago ... Chicago") is placed at its next occurrence.
 */
export function placeTaggedSpans(text: string, tagged: readonly (readonly [string, EntityLabel])[]): EntitySpan[] {
  const spans: EntitySpan[] = []
  let from = 0
  for (const [words, label] of tagged) {
    const start = text.indexOf(words, from)
    // a string not in the text is a mistake in the table, not a span at -1
    if (start < 0) throw new Error(`"${words}" is not in "${text}" after offset ${from}`)
    spans.push({start, end: start + words.length, label})
    from = start + words.length
  }
  return spans
}
