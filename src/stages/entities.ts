/**
 * The entities stage: names, dates and numbers as entities with canonical names, roles and ids. The work is
 * done by `findEntities` in src/entities/find-entities.ts; this stage only writes its result.
 */
import {z} from 'zod'
import {DEFAULT_FINDERS, findEntities, type EntityFinders} from '../entities/find-entities.ts'
import type {EntitySpan, LayerName} from '../doc.ts'
import {resolveOverlaps} from '../entities/overlaps.ts'
import {findDates} from '../dates/find-dates.ts'
import type {Stage} from '../stage.ts'
import {warmUpOnce} from '../text/warm-up.ts'
import {findHeadlineSpan} from '../ner/title-case.ts'
import {openReadingView} from '../segment/reading-view.ts'

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

// resolveOverlaps is optimised after some hundreds of documents; a span met after that on a branch V8 had not yet
// seen run (a name beyond ASCII, a name inside a money figure) sent it back to be compiled again, twice per worker
// thread on the bench's 4 MB corpus, each compile among a worker's larger ones. Calls when the stage is first built
// take every branch first (V8 records what a function does only once it has run a while: hence the rounds); it
// keeps no state, so no answer changes.
const WARM_TEXT = 'Acme paid C$ 0.45, \u20ac1 and 3 to Jos\u00e9 \u00c9 on Jan. 5 1999'
const WARM_NAMES: EntitySpan[] = [
  {start: 0, end: 4, label: 'ORG'},
  {start: 10, end: 12, label: 'MISC'},
  {start: 13, end: 17, label: 'ORG'},
  {start: 19, end: 21, label: 'ORG'},
  {start: 31, end: 35, label: 'PERSON'},
  {start: 34, end: 34, label: 'PERSON'},
  {start: 36, end: 37, label: 'PERSON'},
  {start: 46, end: 52, label: 'DATE'},
]
const WARM_NUMBERS: EntitySpan[] = [
  {start: 10, end: 17, label: 'MONEY'},
  {start: 13, end: 17, label: 'CARDINAL'},
  {start: 19, end: 21, label: 'CARDINAL'},
  {start: 26, end: 27, label: 'CARDINAL'},
  {start: 27, end: 27, label: 'CARDINAL'},
]
const WARM_DATES: EntitySpan[] = [{start: 41, end: 52, label: 'DATE'}, {start: 19, end: 21, label: 'DATE'}, {start: 45, end: 45, label: 'DATE'}]
const warmOverlaps = warmUpOnce(100, () => {
  resolveOverlaps(WARM_TEXT, WARM_NAMES, WARM_DATES, WARM_NUMBERS, true)
  resolveOverlaps(WARM_TEXT, WARM_NAMES, WARM_DATES, WARM_NUMBERS, false)
})

// the date finder joins overlapping candidates ("last summer" + "summer 2025"); met first after it was optimised,
// that join sent findDates back to be compiled again in each thread. It keeps no state either.
const warmDates = warmUpOnce(12, () => findDates(WARM_DATE_TEXT))

const WARM_DATE_TEXT = 'It rose last summer 2025, on Monday, Jan. 5, 2021 at 3 p.m. and in the fall of 2019; not in May.'

/** Creates the entities stage (requires text, title, paragraphs, tokens, sentences, line-end hyphens, the dateline unless `datelinePlaces` is off and, for MONEY entities, money; assigns entities); `finders` replaces the default recogniser or date finder (optional). */
export function createEntities(options: EntitiesOptions = {}, finders: Partial<EntityFinders> = {}): Stage {
  const settings = EntitiesOptions.parse(options)
  warmOverlaps()
  warmDates()
  const use: EntityFinders = {...DEFAULT_FINDERS, ...finders}
  // MONEY entities take the money layer's spans, so the money stage must run first
  const requires: LayerName[] = settings.numbers ? ['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'money'] : ['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens']
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
      const found = findEntities(view.text, view.tokens(), view.toView(doc.sentences ?? []), use, settings.dates, settings.numbers, view.toView(money), dateline && view.spanToView(dateline), headline)
      doc.entities = view.toText(found)
    },
  }
}
