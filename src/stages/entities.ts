/**
 * The entities stage: recognised names, dates and numbers (money included, as MONEY), one label per span and no
 * overlaps, resolved into entities with canonical names, roles and deterministic corpus-wide ids.
 */
import {z} from 'zod'
import type {Entity, EntitySpan, Span, Token} from '../doc.ts'
import {resolveOverlaps} from '../entities/overlaps.ts'
import {resolveMentions} from '../entities/resolve.ts'
import {recogniseEntities} from '../ner/recognise.ts'
import type {Stage} from '../stage.ts'
import {findMoney} from '../money/find-money.ts'
import {findDates} from './dates.ts'
import {findNumbers} from './numbers.ts'

/** Options of the entities stage. */
export const EntitiesOptions = z
  .object({
    /** find DATE entities too (default true) */
    dates: z.boolean().default(true),
    /** find MONEY, PERCENT, QUANTITY, TIME, ORDINAL and CARDINAL entities too (default true) */
    numbers: z.boolean().default(true),
  })
  .strict()
export type EntitiesOptions = z.input<typeof EntitiesOptions>

/** The finders the stage runs; tests and alternative pipelines may swap them. */
export interface EntityFinders {
  /** names: PERSON, ORG, LOC, MISC */
  recognise: (text: string, tokens: readonly Token[], sentences: readonly Span[]) => EntitySpan[]
  /** DATE spans */
  findDates: (text: string) => EntitySpan[]
  /** MONEY, PERCENT, QUANTITY, TIME, ORDINAL and CARDINAL spans; `money` holds the money layer's spans when an earlier stage found them */
  findNumbers: (text: string, money?: readonly Span[]) => EntitySpan[]
}

/** MONEY spans (the money layer's, or the money finder's when there is none), then the other numbers. */
export function findNumericEntities(text: string, money: readonly Span[] = findMoney(text)): EntitySpan[] {
  return [...money.map((m): EntitySpan => ({start: m.start, end: m.end, label: 'MONEY'})), ...findNumbers(text)]
}

const DEFAULT_FINDERS: EntityFinders = {
  recognise: (text, tokens, sentences) => recogniseEntities(text, tokens, sentences),
  findDates,
  findNumbers: findNumericEntities,
}

/** Finds a document's entities: recognised names, dates and numbers, overlaps resolved, then canonical names, roles and ids. */
export function findEntities(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  finders: EntityFinders,
  withDates = true,
  withNumbers = true,
  money?: readonly Span[],
): Entity[] {
  const names = finders.recognise(text, tokens, sentences)
  const dates = withDates ? finders.findDates(text) : []
  const numbers = withNumbers ? finders.findNumbers(text, money) : []
  return resolveMentions(text, resolveOverlaps(text, names, dates, numbers))
}

/** Creates the entities stage (requires tokens and sentences, assigns entities); `finders` replaces the default recogniser or date finder (optional). */
export function createEntities(options: EntitiesOptions = {}, finders: Partial<EntityFinders> = {}): Stage {
  const settings = EntitiesOptions.parse(options)
  const use: EntityFinders = {...DEFAULT_FINDERS, ...finders}
  return {
    name: 'entities',
    requires: ['tokens', 'sentences'],
    assigns: ['entities'],
    run(doc) {
      // MONEY entities reuse the money layer when the money stage ran first (as in the shipped pipelines)
      doc.entities = findEntities(doc.text, doc.tokens ?? [], doc.sentences ?? [], use, settings.dates, settings.numbers, doc.money)
    },
  }
}
