/**
 * The entities stage: names, dates and numbers as entities with canonical names, roles and ids. The work is
 * done by `findEntities` in src/entities/find-entities.ts; this stage only writes its result.
 */
import {z} from 'zod'
import {DEFAULT_FINDERS, findEntities, type EntityFinders} from '../entities/find-entities.ts'
import type {LayerName} from '../doc.ts'
import type {Stage} from '../stage.ts'
import {warmEntityFinders} from '../entities/warm-up.ts'
import {findHeadlineSpan} from '../ner/title-case.ts'
import {openReadingView} from '../segment/reading-view.ts'
import {findBylineWriters} from '../entities/bylines.ts'

/** Options of the entities stage. */
export const EntitiesOptions = z
  .object({
    /** find DATE entities too (default true) */
    dates: z.boolean().default(true),
    /** find MONEY, PERCENT, QUANTITY, TIME, ORDINAL and CARDINAL entities too (default true) */
    numbers: z.boolean().default(true),
    /** relabel a dateline's place LOC when the recogniser tagged it ORG or MISC and it is a known place (default true; needs the dateline stage first) */
    datelinePlaces: z.boolean().default(true),
  })
  .strict()
export type EntitiesOptions = z.input<typeof EntitiesOptions>

/** Creates the entities stage (requires text, title, paragraphs, the byline lines, tokens, sentences, line-end hyphens, the dateline unless `datelinePlaces` is off and, for MONEY entities, money; assigns entities); `finders` replaces the default recogniser or date finder (optional). */
export function createEntities(options: EntitiesOptions = {}, finders: Partial<EntityFinders> = {}): Stage {
  const settings = EntitiesOptions.parse(options)
  warmEntityFinders()
  const use: EntityFinders = {...DEFAULT_FINDERS, ...finders}
  // MONEY entities take the money layer's spans, so the money stage must run first
  // the byline lines (segment's `bylines`) say where writers' names stand
  const requires: LayerName[] = settings.numbers ? ['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines', 'money'] : ['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines']
  // the dateline's place is relabelled LOC when it is a known place, so the dateline stage must run first;
  // a pipeline without a dateline stage turns the rule off rather than failing
  if (settings.datelinePlaces) requires.push('dateline')
  // a Title Case headline kept in the text is tagged in its truecased view, so the title must be known
  requires.push('title')
  return {
    name: 'entities',
    requires,
    assigns: ['entities'],
    run(doc) {
      // a wrap inside a paragraph reads as a space (names and dates cross it, canonical names carry a space), a word a
      // wrapper broke with a hyphen ("Appropria-" / "tions") whole
      const view = openReadingView(doc)
      const dateline = settings.datelinePlaces ? (doc.dateline ?? null) : null
      const money = settings.numbers ? (doc.money ?? []) : []
      // the headline, when clean kept it in the text, is tagged in its truecased view if it is in Title Case
      const headline = findHeadlineSpan(view.text, view.toView(doc.paragraphs ?? []), doc.title)
      // the byline block's writers named in capitals (segment's bylines layer: clean's byline lines)
      const writers = view.toView(findBylineWriters(doc.text, doc.bylines ?? []))
      const found = findEntities(view.text, view.tokens(), view.toView(doc.sentences ?? []), use, settings.dates, settings.numbers, view.toView(money), dateline && view.spanToView(dateline), headline, writers)
      doc.entities = view.toText(found)
    },
  }
}
