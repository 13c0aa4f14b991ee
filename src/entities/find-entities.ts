/**
 * The work of the entities stage: recognised names, dates and numbers (money included, as MONEY), one label per
 * span and no overlaps, resolved into entities with canonical names, roles and deterministic corpus-wide ids.
 */
import type {Dateline, Entity, EntitySpan, Span, Token} from '../doc.ts'
import {placeNamesFrom, relabelDatelinePlaces, type PlaceNames} from './dateline-places.ts'
import {resolveOverlaps} from './overlaps.ts'
import {resolveMentions} from './resolve.ts'
import {recogniseEntities, shippedLexicon} from '../ner/recognise.ts'
import {findDates} from '../dates/find-dates.ts'
import {findNumbers} from '../numbers/find-numbers.ts'

/** The finders the stage runs; tests and alternative pipelines may swap them. */
export interface EntityFinders {
  /** names: PERSON, ORG, LOC, MISC; `headline` is the headline's span in the text, if it is there */
  recognise: (text: string, tokens: readonly Token[], sentences: readonly Span[], headline?: Span | null) => EntitySpan[]
  /** DATE spans */
  findDates: (text: string) => EntitySpan[]
  /** MONEY, PERCENT, QUANTITY, TIME, ORDINAL and CARDINAL spans; `money` holds the money layer's spans */
  findNumbers: (text: string, money: readonly Span[]) => EntitySpan[]
  /** known places and organisations, for the dateline's place (called only for a document with a dateline; default: the shipped model's lists) */
  placeNames?: () => PlaceNames
}

/** MONEY spans (the money layer's), then the other numbers. */
export function findNumericEntities(text: string, money: readonly Span[]): EntitySpan[] {
  return [...money.map((m): EntitySpan => ({start: m.start, end: m.end, label: 'MONEY'})), ...findNumbers(text)]
}

let shippedPlaceNames: PlaceNames | null = null

// the place and organisation lists stored in the shipped model, indexed once per process
function shippedNames(): PlaceNames {
  shippedPlaceNames ??= placeNamesFrom(shippedLexicon())
  return shippedPlaceNames
}

/** The shipped finders: the trained recogniser, the date rules and the number rules. */
export const DEFAULT_FINDERS: EntityFinders = {
  recognise: (text, tokens, sentences, headline) => recogniseEntities(text, tokens, sentences, undefined, headline ?? null),
  findDates,
  findNumbers: findNumericEntities,
  placeNames: shippedNames,
}

/** Finds a document's entities: recognised names (the dateline's place relabelled LOC, see dateline-places.ts), dates and numbers, overlaps resolved, then canonical names, roles and ids. */
export function findEntities(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  finders: EntityFinders,
  withDates = true,
  withNumbers = true,
  money: readonly Span[] = [],
  dateline: Dateline | null = null,
  headline: Span | null = null,
): Entity[] {
  const recognised = finders.recognise(text, tokens, sentences, headline)
  // a mention that is exactly the dateline's place, and a known place, is a place (issue 14: "CHICAGO (AP)" tagged ORG)
  const names = dateline ? relabelDatelinePlaces(text, recognised, dateline, (finders.placeNames ?? shippedNames)()) : recognised
  const dates = withDates ? finders.findDates(text) : []
  const numbers = withNumbers ? finders.findNumbers(text, money) : []
  // with numbers, the money layer's figures decide what is money (a name that merely looks like it, "Euro 96", stays)
  return resolveMentions(text, tokens, resolveOverlaps(text, names, dates, numbers, withNumbers))
}
