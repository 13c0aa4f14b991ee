/**
 * Writers on the byline block (docs/all-caps.md, 2026-12-03 eve): a name in capitals alone on its line (`JANE DOE`,
 * a bare SGML `<BYLINE>`) reads to the recogniser as a label, often an ORG; on a byline line its shape says it is a
 * writer, so it is a PERSON whatever the recogniser said (src/clean/capitals-byline.ts reads the shape).
 */
import {isNameLabel, type EntitySpan, type Span} from '../doc.ts'
import {findCapitalsWriters} from '../clean/capitals-byline.ts'

/** Finds the writers' names in capitals on the byline lines `bylines` (clean's `findBylines`), in text order. */
export function findBylineWriters(text: string, bylines: readonly Span[]): Span[] {
  return bylines.flatMap((line) => findCapitalsWriters(text, line.start, line.end))
}

/** The recognised names with each writer's name one PERSON: names overlapping it give way to it. */
export function relabelWriters(names: readonly EntitySpan[], writers: readonly Span[]): EntitySpan[] {
  if (writers.length === 0) return [...names]
  const kept = names.filter((n) => !isNameLabel(n.label) || !writers.some((w) => n.start < w.end && n.end > w.start))
  const out = [...kept, ...writers.map((w): EntitySpan => ({start: w.start, end: w.end, label: 'PERSON'}))]
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}
