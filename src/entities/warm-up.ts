/**
 * The entities stage's warm-ups (src/text/warm-up.ts): the overlap resolver's and the date finder's rarer branches
 * run once per thread before the first document, so V8 does not compile them again when a document first takes one.
 */
import type {EntitySpan} from '../doc.ts'
import {findDates} from '../dates/find-dates.ts'
import {warmUpOnce} from '../text/warm-up.ts'
import {resolveOverlaps} from './overlaps.ts'

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

/** Runs the overlap resolver's and then the date finder's warm-up, once per thread, before its first document (no answer changes). */
export function warmEntityFinders(): void {
  warmOverlaps()
  warmDates()
}
