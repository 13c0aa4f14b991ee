/**
 * The work of the entities stage: recognised names, dates and numbers (money included, as MONEY), one label per
 * span and no overlaps, resolved into entities with canonical names, roles and deterministic corpus-wide ids.
 */
import type {Dateline, Entity, EntitySpan, Span, Token} from '../doc.ts'
import {placeNamesFrom, relabelDatelinePlaces, type PlaceNames} from './dateline-places.ts'
import {relabelPartyTags} from './party-tags.ts'
import {resolveOverlaps} from './overlaps.ts'
import {resolveMentions} from './resolve.ts'
import {recogniseEntities, shippedLexicon} from '../ner/recognise.ts'
import {caseDateWords, DATE_TRIGGER_WORDS, findDates} from '../dates/find-dates.ts'
import {isAllCaps} from '../text/all-caps.ts'
import {findTrimmedNames} from './all-caps.ts'
import {relabelWriters} from './bylines.ts'
import {findNumbers, NUMBER_TRIGGER_WORDS, triggerSource} from '../numbers/find-numbers.ts'
import {scanTriggers, type Triggers} from '../text/triggers.ts'

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
  return [...money.map((m): EntitySpan => ({start: m.start, end: m.end, label: 'MONEY'})), ...findNumbers(text, sharedTriggers(text))]
}

// the date and number finders' trigger words in one regex: the stage scans a document once for both (the scan is
// most of what the finders cost), and each finder reads the triggers it knows (same spans as their own scans)
const NUMERIC_TRIGGER = new RegExp(triggerSource([...new Set([...DATE_TRIGGER_WORDS, ...NUMBER_TRIGGER_WORDS])]), 'gi')
let scannedText: string | null = null
let scanned: Triggers | null = null

/** Every trigger of the date and the number finders in `text` (src/text/triggers.ts), in one scan. */
export function scanNumericTriggers(text: string): Triggers {
  return scanTriggers(NUMERIC_TRIGGER, text)
}

// the triggers of the last text scanned: the stage runs the two finders one after the other on it
function sharedTriggers(text: string): Triggers {
  if (scanned === null || scannedText !== text) {
    scanned = scanNumericTriggers(text)
    scannedText = text
  }
  return scanned
}

/** DATE spans, read from the triggers the number finder shares. */
function findDatesShared(text: string): EntitySpan[] {
  return findDates(text, sharedTriggers(text))
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
  findDates: findDatesShared,
  findNumbers: findNumericEntities,
  placeNames: shippedNames,
}

/** Finds a document's entities: recognised names (`writers`, the byline block's writers in capitals, as PERSON; the dateline's place relabelled LOC, see dateline-places.ts; party-and-state tags one MISC, see party-tags.ts), dates and numbers, overlaps resolved, then canonical names, roles and ids. */
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
  writers: readonly Span[] = [],
): Entity[] {
  const allCaps = isAllCaps(text)
  // in capitals a leading "THE" is read into names ("THE UNITED NATIONS"); mixed case keeps it out (all-caps.ts)
  const found = allCaps ? findTrimmedNames(text, tokens, finders.recognise(text, tokens, sentences, headline)) : finders.recognise(text, tokens, sentences, headline)
  // a writer's name in capitals on the byline block is a PERSON, whatever the recogniser read (bylines.ts)
  const recognised = relabelWriters(found, writers)
  // a mention that is exactly the dateline's place, and a known place, is a place (issue 14: "CHICAGO (AP)" tagged ORG)
  const placed = dateline ? relabelDatelinePlaces(text, recognised, dateline, (finders.placeNames ?? shippedNames)()) : recognised
  // a party-and-state tag ("D-Mass.", "(R-Texas)") is one MISC, as the annotation guide reads it (see party-tags.ts)
  const names = relabelPartyTags(text, tokens, placed)
  // an all-caps text: month and weekday names read as prose writes them ("TUESDAY" a weekday, src/dates/find-dates.ts)
  const dates = withDates ? finders.findDates(allCaps ? caseDateWords(text) : text) : []
  const numbers = withNumbers ? finders.findNumbers(text, money) : []
  // with numbers, the money layer's figures decide what is money (a name that merely looks like it, "Euro 96", stays)
  return resolveMentions(text, tokens, resolveOverlaps(text, names, dates, numbers, withNumbers))
}
