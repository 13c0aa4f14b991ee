/*
 * Scoring findMoney against two external money suites (Microsoft Recognizers-Text's currency spec and
 * Duckling's English AmountOfMoney corpus). The suites are read from ../shared by the benchmark and the
 * tests; nothing here holds their data, only how to read and score them, and the scope we declare.
 */
import type {Money} from '../../src/doc.ts'
import {findMoney} from '../../src/money/find-money.ts'

/** One Recognizers-Text spec record: `End` is inclusive. */
export interface RecognizersRecord {
  Input: string
  Results: {Text: string; Start: number; End: number; Resolution: {value: string | null; unit: string; isoCurrency?: string}}[]
  NotSupported?: string
}

/** One Duckling example group. */
export interface DucklingGroup {
  kind: 'simple' | 'between' | 'under' | 'above'
  unit: string
  value: {value?: number; min?: number; max?: number}
  examples: string[]
}

/** The Duckling suite file. */
export interface DucklingSuite {
  groups: DucklingGroup[]
  negative: string[]
}

/** A scored gold item. */
export interface ItemScore {
  suite: 'recognizers' | 'duckling'
  /** record index (Recognizers) or group index (Duckling) */
  group: number
  text: string
  gold: string
  predicted: string
  found: boolean
  amountRight: boolean
  currencyRight: boolean
  inScope: boolean
  reason?: string
}

// generic units name a family of currencies; a prediction in the family has the currency right
const DOLLARS = 'USD CAD AUD NZD HKD SGD TWD JMD BSD BBD BZD BMD BND KYD XCD FJD GYD LRD NAD SBD SRD TTD ZWL'.split(' ')
const UNIT_FAMILIES: Record<string, string[]> = {
  Dollar: DOLLARS,
  Unnamed: DOLLARS,
  Cent: [...DOLLARS, 'EUR'],
  Pound: 'GBP EGP LBP SYP SDG SSP FKP GIP CYP IEP'.split(' '),
  Pence: ['GBP', 'IEP'],
  Penny: ['GBP', 'IEP'],
  Franc: 'CHF FRF BEF LUF XOF XAF CDF RWF BIF GNF DJF KMF XPF'.split(' '),
  Dinar: 'IQD KWD BHD JOD LYD TND DZD RSD MKD'.split(' '),
  Riyal: ['SAR', 'QAR', 'YER'],
  Rial: ['IRR', 'OMR', 'YER'],
  Rupee: 'INR PKR LKR NPR MUR SCR'.split(' '),
  'Finnish markka': ['FIM'],
  Peseta: ['ESP'],
  'Netherlands guilder': ['NLG'],
}

// units counted in minor units by the suites: their values are hundredths of our amounts
const MINOR_UNITS = new Set(['Cent', 'Pence', 'Penny'])

/** Whether a predicted ISO code matches a suite's unit (an ISO code, or a generic unit's family). */
export function currencyMatches(unit: string, iso: string | undefined, predicted: string): boolean {
  if (iso) return predicted === iso
  if (/^[A-Z]{3}$/.test(unit)) return predicted === unit
  return UNIT_FAMILIES[unit]?.includes(predicted) ?? false
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

function describe(money: Money | undefined, text: string): string {
  if (!money) return '(none)'
  const bounds = money.min !== undefined || money.max !== undefined ? ` [${money.min ?? ''}..${money.max ?? ''}]` : ''
  return `"${text.slice(money.start, money.end)}" ${money.value} ${money.currency}${money.currencyAssumed ? '?' : ''}${bounds}`
}

/** Scores every valued result of the Recognizers-Text records from `first` to `last` (inclusive). */
export function scoreRecognizers(records: RecognizersRecord[], first = 0, last = records.length - 1): ItemScore[] {
  const scores: ItemScore[] = []
  for (let index = first; index <= last && index < records.length; index++) {
    const record = records[index]
    const predicted = findMoney(record.Input)
    for (const result of record.Results) {
      // unit-only mentions ("a multibillion-dollar deal") carry no amount: not a figure to find
      if (result.Resolution.value === null || result.Resolution.value === undefined) continue
      const start = result.Start
      const end = result.End + 1
      const match = predicted.find((m) => m.start === start && m.end === end)
      const overlap = match ?? predicted.find((m) => m.start < end && m.end > start)
      const goldValue = Number(result.Resolution.value)
      const expected = MINOR_UNITS.has(result.Resolution.unit) ? goldValue / 100 : goldValue
      scores.push({
        suite: 'recognizers',
        group: index,
        text: record.Input,
        gold: `"${record.Input.slice(start, end)}" ${result.Resolution.value} ${result.Resolution.isoCurrency ?? result.Resolution.unit}`,
        predicted: describe(overlap, record.Input),
        found: match !== undefined,
        amountRight: match !== undefined && sameNumber(match.amount, expected),
        currencyRight: match !== undefined && currencyMatches(result.Resolution.unit, result.Resolution.isoCurrency, match.currency),
        inScope: true,
      })
    }
  }
  return scores
}

/**
 * Duckling examples we declare out of scope, with why: forms that do not occur in news copy or that
 * news copy would make ambiguous. Everything else in the corpus counts.
 */
export const DUCKLING_OUT_OF_SCOPE: ReadonlyMap<string, string> = new Map([
  ['42 bucks', 'slang ("bucks"): no currency named, chat phrasing'],
  ['around 42 bucks', 'slang ("bucks"): no currency named, chat phrasing'],
  ['exactly 42 bucks', 'slang ("bucks"): no currency named, chat phrasing'],
  ['20 Rupees 43', 'a bare number after the amount read as minor units: in news "20 rupees 43" is two numbers'],
  ['twenty rupees 43', 'a bare number after the amount read as minor units: in news it is two numbers'],
  ['$20 43', 'a bare number after the amount read as minor units: in news "$20 43" is two numbers'],
  ['20 dollar 43', 'a bare number after the amount read as minor units: in news it is two numbers'],
  ['twenty dollar and 43', 'a bare number after the amount read as minor units ("$20 and 43 people")'],
  ['US$3 and fourteen', 'a bare number after the amount read as minor units ("US$3 and fourteen others")'],
  ['3 GBP and one', 'a bare number after the amount read as minor units ("3 GBP and one")'],
  ['20 ringgit 43', 'a bare number after the amount read as minor units: in news it is two numbers'],
  ['twenty ringgit and 43', 'a bare number after the amount read as minor units ("twenty ringgit and 43 sen" is in scope)'],
  ['from 1 point 1 and one point three dollars', 'spoken decimals ("1 point 1") and "from ... and": speech transcripts, not news copy'],
  ['10 c', 'a spaced "c" after a number: in news it is degrees Celsius, a grade or a list label ("10c" glued is in scope)'],
  ['20 ac', '"ac" is no euro notation in English text'],
  ['20 €ur', '"€ur" is a stylised spelling, not news copy ("20€" and "20 euros" are in scope)'],
  ['42 egyptianpound', 'run-together words ("egyptianpound"): a typo form, not news copy'],
  ['42 Saudiriyal', 'run-together words ("Saudiriyal"): a typo form, not news copy'],
  ['42 geneh', 'transliterated Egyptian Arabic ("geneh"): not English news vocabulary'],
  ['42 genihat masriya', 'transliterated Egyptian Arabic ("genihat masriya"): not English news vocabulary'],
])

/** Undoes the Haskell string escapes the corpus extraction left in ("\x00a3\&10" is "£10"). */
export function decodeHaskellEscapes(example: string): string {
  return example.replace(/\u0000([0-9a-fA-F]*)\\&/g, (_, hex: string) => String.fromCodePoint(parseInt(`00${hex}`, 16)))
}

/** Scores every Duckling example; out-of-scope examples are scored too but flagged. */
export function scoreDuckling(suite: DucklingSuite): ItemScore[] {
  const scores: ItemScore[] = []
  suite.groups.forEach((group, index) => {
    for (const raw of group.examples) {
      const text = decodeHaskellEscapes(raw)
      const predicted = findMoney(text)
      // the figure covering most of the example is the one Duckling resolves
      const best = [...predicted].sort((a, b) => b.end - b.start - (a.end - a.start))[0]
      const scale = MINOR_UNITS.has(group.unit) ? 100 : 1
      let amountRight = false
      if (best) {
        const {value, min, max} = group.value
        if (group.kind === 'simple') amountRight = value !== undefined && sameNumber(best.amount * scale, value)
        else if (group.kind === 'between') {
          amountRight =
            min !== undefined && max !== undefined && best.min !== undefined && best.max !== undefined &&
            sameNumber(best.min * scale, min) && sameNumber(best.max * scale, max)
        }
        else if (group.kind === 'under') amountRight = max !== undefined && best.max !== undefined && sameNumber(best.max * scale, max)
        else amountRight = min !== undefined && best.min !== undefined && sameNumber(best.min * scale, min)
      }
      const reason = DUCKLING_OUT_OF_SCOPE.get(raw)
      const goldValue = group.kind === 'simple' ? `${group.value.value}` : `[${group.value.min ?? ''}..${group.value.max ?? ''}]`
      scores.push({
        suite: 'duckling',
        group: index,
        text,
        gold: `${group.kind} ${goldValue} ${group.unit}`,
        predicted: predicted.length > 1 ? `${predicted.length} figures: ${predicted.map((m) => describe(m, text)).join('; ')}` : describe(best, text),
        found: best !== undefined,
        amountRight,
        currencyRight: best !== undefined && currencyMatches(group.unit, undefined, best.currency),
        inScope: reason === undefined,
        ...(reason ? {reason} : {}),
      })
    }
  })
  return scores
}

/** Counts of a list of scores. */
export interface Tally {
  total: number
  found: number
  amount: number
  currency: number
  /** found with amount and currency right */
  right: number
}

/** Adds up scores. */
export function tally(scores: readonly ItemScore[]): Tally {
  const t: Tally = {total: 0, found: 0, amount: 0, currency: 0, right: 0}
  for (const s of scores) {
    t.total++
    if (s.found) t.found++
    if (s.amountRight) t.amount++
    if (s.currencyRight) t.currency++
    if (s.found && s.amountRight && s.currencyRight) t.right++
  }
  return t
}
