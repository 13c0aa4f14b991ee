/**
 * The `money` stage: finds monetary figures ("€6 billion", "$6.98 billion", "more than $5bn", "$70 a barrel")
 * and normalises each to an exact decimal amount and an ISO 4217 currency. The work is done by
 * {@link findMoney} in src/money/find-money.ts; this stage only writes its result to the document.
 */
import {findMoney} from '../money/find-money.ts'
import {MoneyOptions} from '../money/options.ts'
import {scaleTableMoney} from '../money/table-scale.ts'
import type {Stage} from '../stage.ts'
import {openReadingView} from '../segment/reading-view.ts'

/** Creates the money stage (requires text, paragraphs and line-end hyphens; assigns money): `defaultDollar` is what a bare `$` means (optional, USD), also "dollars" and "cents". */
export function createMoney(options: MoneyOptions = {}): Stage {
  const settings = MoneyOptions.parse(options)
  const finderOptions = Object.freeze({defaultDollar: settings.defaultDollar})
  return {
    name: 'money',
    // paragraphs tell wraps (read as spaces) from paragraph breaks; line-end hyphens are closed (segment finds them)
    requires: ['text', 'paragraphs', 'lineHyphens'],
    assigns: ['money'],
    run(doc) {
      // a wrap inside a paragraph reads as a space ("$5\nbillion" is one figure), a word a wrapper broke with a
      // hyphen ("$5 mil-" / "lion") whole
      const view = openReadingView(doc)
      // a table caption's scale ("in millions of dollars") is read on the lines of the text itself, which the view joins
      doc.money = scaleTableMoney(doc.text, view.toText(findMoney(view.text, finderOptions)))
    },
  }
}
