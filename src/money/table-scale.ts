/**
 * Table captions that give a scale: `$32,100` in a table captioned "(in millions of dollars)" is 32.1 billion
 * dollars, not 32,100 (docs/money.md, "Table captions that give a scale").
 */
import type {Money, Span} from '../doc.ts'
import {decimalFromDigits, formatDecimal, shiftDecimal} from './decimal.ts'
import {CURRENCY_NAMES, ISO_CODES} from './lexicon.ts'

/** A table under a scale caption: the span of its rows and the power of ten its caption gives. */
export interface ScaledTable extends Span {
  pow: number
}

// captions are short; a longer line is prose, and the bounded length keeps every regex below cheap
const MAX_CAPTION = 200
const MAX_WHOLE_LINE_CAPTION = 60

const MAGNITUDE_POW: ReadonlyMap<string, number> = new Map([
  ['thousand', 3], ['thousands', 3], ['000', 3], ['000s', 3], ["'000", 3], ["'000s", 3], ["000's", 3],
  ['million', 6], ['millions', 6], ['mln', 6], ['mn', 6], ['m', 6],
  ['billion', 9], ['billions', 9], ['bn', 9], ['bln', 9],
])
// the words a caption may put before "in millions" ("dollar amounts in millions") besides currency names and signs
const CAPTION_WORDS: ReadonlySet<string> = new Set(['amounts', 'amount', 'figures', 'all', 'numbers', 'values', 'data'])
// the dollar prefixes a caption writes before "$" ("US$ millions")
const DOLLAR_PREFIXES: ReadonlySet<string> = new Set(['', 'us', 'u.s.', 'c', 'a', 'hk', 'nz', 's'])

const IN_SCALE = /^(?:(.{1,30}) )?in (?:(\S{1,5}) ?)?(thousands|millions|billions|000s|'000s|000's)(?: of (.{1,40}))?$/
const SIGN_SCALE = /^(\S{1,5}?) ?(thousands?|millions?|billions?|mln|mn|m|bn|bln|000s?|'000s?|000's)$/
const OF_SCALE = /^(thousands|millions|billions) of (.{1,40})$/
const OMITTED = /^(?:in )?(?:\$ ?)?(?:000s?|'000s?|000's),? omitted$/

/** Whether a word names a currency: a currency name ("dollars", "euros") or an ISO code. */
function isCurrencyWord(word: string): boolean {
  return CURRENCY_NAMES.has(word) || ISO_CODES.has(word.toUpperCase())
}

/** Whether a short token is a currency sign or code as a caption writes it ("$", "US$", "€", "EUR"). */
function isCurrencySign(token: string): boolean {
  if (token.endsWith('$')) return DOLLAR_PREFIXES.has(token.slice(0, -1))
  if (token === '€' || token === '£' || token === '¥') return true
  return /^[a-z]{3}$/.test(token) && ISO_CODES.has(token.toUpperCase())
}

/** Whether words after "of" name a currency ("dollars", "U.S. dollars", "Canadian dollars"): its last word must. */
function namesCurrency(words: string): boolean {
  const list = words.split(' ')
  return list.length <= 3 && isCurrencyWord(list[list.length - 1]!)
}

/** The power of ten a caption phrase gives ("in millions of dollars" → 6, "$000s" → 3), 0 when it is none. */
export function readScalePhrase(phrase: string): number {
  const s = phrase.toLowerCase().replace(/\s+/g, ' ').trim()
  let m = IN_SCALE.exec(s)
  if (m) {
    const [, before, sign, magnitude, of] = m
    if (before !== undefined && !before.split(' ').every((w) => CAPTION_WORDS.has(w) || isCurrencyWord(w) || isCurrencySign(w) || w === 'dollar' || w === 'u.s.')) return 0
    if (sign !== undefined && !isCurrencySign(sign)) return 0
    if (of !== undefined && !namesCurrency(of)) return 0
    return MAGNITUDE_POW.get(magnitude!) ?? 0
  }
  m = SIGN_SCALE.exec(s)
  if (m) return isCurrencySign(m[1]!) ? (MAGNITUDE_POW.get(m[2]!) ?? 0) : 0
  m = OF_SCALE.exec(s)
  if (m) return namesCurrency(m[2]!) ? MAGNITUDE_POW.get(m[1]!)! : 0
  return OMITTED.test(s) ? 3 : 0
}

/** The power of ten a caption line gives: a parenthesised scale phrase in it, or the whole short line as one; 0 when none. */
export function readCaptionScale(line: string): number {
  if (line.length > MAX_CAPTION) return 0
  let open = line.indexOf('(')
  while (open >= 0) {
    const close = line.indexOf(')', open + 1)
    if (close < 0) break
    const pow = readScalePhrase(line.slice(open + 1, close))
    if (pow) return pow
    open = line.indexOf('(', close + 1)
  }
  const whole = line.trim().replace(/:$/, '')
  return whole.length <= MAX_WHOLE_LINE_CAPTION ? readScalePhrase(whole) : 0
}

// a column gap between two cells: a tab or two spaces between non-spaces, a rule "|", or a dot leader
const COLUMN_GAP = /\S(?: {2,}|\t)\S|\||\.{4,}/

/** Whether a line is a table row: it holds a column gap. */
function isTableRow(line: string): boolean {
  return COLUMN_GAP.test(line)
}

/** Finds the tables under a scale caption: each one's rows, from the line after the caption to the last row before a blank line or a line that is not a row. */
export function findScaledTables(text: string): ScaledTable[] {
  const tables: ScaledTable[] = []
  let pow = 0
  let table: ScaledTable | null = null
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '')
    const blank = line.trim() === ''
    if (pow && !blank && isTableRow(line)) {
      if (table) table.end = lineEnd
      else table = {start: lineStart, end: lineEnd, pow}
    } else {
      // blank lines right after a caption stay under it; anything else closes the table (or the unused caption)
      if (!(pow && blank && !table)) {
        if (table) tables.push(table)
        table = null
        pow = blank ? 0 : readCaptionScale(line)
      }
    }
    lineStart = lineEnd + 1
  }
  if (table) tables.push(table)
  return tables
}

/** Whether a figure is written as a bare number with its currency: its digits alone give its value ("$32,100", not "$5 million", "50 cents"). */
function isWrittenBare(text: string, money: Money): boolean {
  if (money.min !== undefined || money.max !== undefined || money.per !== undefined) return false
  const span = text.slice(money.start, money.end)
  const first = span.search(/\d/)
  if (first < 0) return false
  let last = span.length - 1
  while (last > first && !/\d/.test(span[last]!)) last--
  const digits = span.slice(first, last + 1).replace(/[,'\u2019 \u00a0\u202f\u2009]/g, '')
  const match = /^(\d+)(?:\.(\d+))?$/.exec(digits)
  if (!match) return false
  return formatDecimal(decimalFromDigits(match[1]!, match[2] ?? '')) === money.value.replace(/^-/, '')
}

/** Applies a table caption's scale to the money figures in the table's rows (amount, exact value and `tableScale`); spans are unchanged. */
export function scaleTableMoney(text: string, money: Money[]): Money[] {
  if (money.length === 0) return money
  const tables = findScaledTables(text)
  if (tables.length === 0) return money
  let t = 0
  for (const figure of money) {
    while (t < tables.length && tables[t]!.end <= figure.start) t++
    const table = tables[t]
    if (!table || figure.start < table.start || !isWrittenBare(text, figure)) continue
    const negative = figure.value.startsWith('-')
    const [integer, fraction = ''] = figure.value.replace(/^-/, '').split('.')
    const value = formatDecimal(shiftDecimal(decimalFromDigits(integer!, fraction), table.pow))
    figure.value = negative ? `-${value}` : value
    figure.amount = Number(figure.value)
    figure.tableScale = 10 ** table.pow
  }
  return money
}
