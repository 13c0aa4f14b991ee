/**
 * The only module that imports compromise: its word lexicon (first names, honorifics, places, ...) for the
 * entity recogniser's training, and its people/places/organizations finders as a baseline for bench/ner.ts.
 * Everything leaves as plain data with our half-open UTF-16 spans.
 */
import nlp from 'compromise'

/** A compromise entity over the input text; `type` uses CoNLL's names. */
export interface CompromiseEntity {
  start: number
  end: number
  type: 'PER' | 'LOC' | 'ORG'
}

interface CompromiseTerm {
  text: string
  offset: {start: number; length: number}
}

interface CompromiseMatch {
  terms: CompromiseTerm[]
}

/** compromise's lexicon inverted: tag name -> lowercase entries (single words or space-separated phrases), sorted. */
export function compromiseLexicon(): Record<string, string[]> {
  const lexicon = (nlp.world() as unknown as {model: {one: {lexicon: Record<string, string | string[]>}}}).model.one.lexicon
  const byTag: Record<string, string[]> = {}
  for (const [entry, value] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(value) ? value : [value]) (byTag[tag] ??= []).push(entry)
  }
  for (const list of Object.values(byTag)) list.sort()
  return byTag
}

/** compromise's people(), places() and organizations() over `text`, as spans sorted by start. */
export function findCompromiseEntities(text: string): CompromiseEntity[] {
  const doc = nlp(text)
  const out: CompromiseEntity[] = []
  const collect = (view: {json(options: object): unknown}, type: CompromiseEntity['type']) => {
    for (const match of view.json({offset: true}) as CompromiseMatch[]) {
      const terms = match.terms
      if (terms.length === 0) continue
      // spans from the first and last term: match-level offsets include trailing punctuation (compromise #1144)
      for (const term of terms) {
        const slice = text.slice(term.offset.start, term.offset.start + term.offset.length)
        if (slice !== term.text) throw new Error(`compromise offset mismatch: "${slice}" != "${term.text}"`)
      }
      const last = terms[terms.length - 1]
      out.push({start: terms[0].offset.start, end: last.offset.start + last.offset.length, type})
    }
  }
  collect(doc.people(), 'PER')
  collect(doc.places(), 'LOC')
  collect(doc.organizations(), 'ORG')
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}
