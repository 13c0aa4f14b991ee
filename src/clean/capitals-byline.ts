/**
 * Writers' names set in capitals on a byline line (docs/all-caps.md, 2026-12-03 eve): `By JANE DOE`, a bare
 * `JANE DOE` under a headline, `JANE DOE, Associated Press`, `JANE DOE and JOHN ROE`. Wire copy and many papers set the
 * writer's name in capitals over mixed-case prose; read as a name on its own, such a line is a label to the recogniser
 * (an ORG, or edge chrome to clean), so its shape is read here: a name is two to four words in capitals, the first a
 * given name, none a function word, a role or a speech verb (a capitals deck, `JORDAN SIGNS ACCORD`, is no name).
 */
import type {Span} from '../doc.ts'
import {isGivenName} from '../ner/given-name-list.ts'
import {isRoleHead} from '../names/roles.ts'

// a word of a name in capitals: letters, an inner apostrophe or hyphen (O'NEILL, JEAN-PAUL), or an initial (Q.)
const NAME_WORD = /^(?:\p{Lu}\.|\p{Lu}(?:[\p{Lu}]|['’-]\p{Lu})*)$/u
/** The words that open a byline line (`By`, `Written by`, `Author:`), one list for clean's byline rule and this file. */
export const BYLINE_OPENING_WORDS = 'by|written by|author|authors|reporting by|text by|words by'
// the opening of a byline line and the white space after it
const BY = new RegExp(`^(?:${BYLINE_OPENING_WORDS})\\s*:?\\s+`, 'iu')
// words that join two writers' names
const JOINS = new Set(['and', '&'])
// words no writer's name holds: function words and the verbs a capitals deck is made of
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'is', 'are', 'was', 'were', 'be', 'will', 'not', 'no',
  'and', 'or', 'but', 'new', 'says', 'said', 'wins', 'win', 'signs', 'sign', 'backs', 'urges', 'calls', 'sets', 'gets', 'over', 'after', 'up',
  'down', 'out', 'off', 'into', 'more', 'most', 'all', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'news', 'press', 'writer',
  'staff', 'service', 'times', 'post', 'daily', 'weekly', 'report', 'reports', 'update', 'live', 'breaking', 'exclusive', 'opinion', 'analysis',
])
const MAX_NAME_WORDS = 4
// a tail after a comma (an agency, a desk: "Associated Press", "AP Business Writer", "Staff Writer"): a few words
const MAX_TAIL_WORDS = 6

interface Word {
  start: number
  end: number
  text: string
}

function splitWords(text: string, from: number, to: number): Word[] {
  const out: Word[] = []
  const re = /\S+/g
  re.lastIndex = from
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const end = Math.min(to, m.index + m[0].length)
    out.push({start: m.index, end, text: text.slice(m.index, end)})
  }
  return out
}

function isNameWord(word: string): boolean {
  return NAME_WORD.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase()) && !isRoleHead(word.toLowerCase())
}

// the length of the name in capitals opening `words` (0: none): two to four name words, the first a given name
function readName(words: readonly Word[], at: number): number {
  const first = words[at]
  if (first === undefined || !isNameWord(first.text) || !isGivenName(first.text.toLowerCase())) return 0
  let n = 1
  while (n < MAX_NAME_WORDS && at + n < words.length && isNameWord(words[at + n]!.text)) n++
  // a lone initial does not end a name ("JOHN Q."); a name is at least a given name and one more word
  while (n > 1 && /^\p{Lu}\.$/u.test(words[at + n - 1]!.text)) n--
  return n >= 2 ? n : 0
}

/**
 * Finds the writers' names in capitals on a byline line `text[start, end)`, each name's span: after an optional `By`,
 * one name or several joined by `and` or `&`, up to a comma (what follows it is the agency or the desk).
 */
export function findCapitalsWriters(text: string, start: number, end: number): Span[] {
  const line = text.slice(start, end)
  const by = BY.exec(line.trimStart())
  const from = start + (line.length - line.trimStart().length) + (by ? by[0].length : 0)
  const comma = text.indexOf(',', from)
  const stop = comma >= 0 && comma < end ? comma : end
  const words = splitWords(text, from, stop)
  const names: Span[] = []
  let i = 0
  while (i < words.length) {
    const n = readName(words, i)
    if (n === 0) return []
    const last = words[i + n - 1]!
    names.push({start: words[i]!.start, end: last.end})
    i += n
    if (i === words.length) break
    if (!JOINS.has(words[i]!.text.toLowerCase())) return []
    i++
    if (i === words.length) return []
  }
  return names
}

/**
 * Whether a line (trimmed, no wrap inside) is a byline with no `By` whose writers' names are in capitals:
 * `JANE DOE`, `JANE DOE, Associated Press`, `JANE DOE and JOHN ROE`; no digit, no final stop, a short tail.
 */
export function isCapitalsByline(line: string): boolean {
  const text = line.trim()
  if (text.length === 0 || text.length > 100 || /[0-9]/.test(text) || /[.!?:;]$/.test(text) || BY.test(text)) return false
  const names = findCapitalsWriters(text, 0, text.length)
  if (names.length === 0) return false
  const rest = text.slice(names[names.length - 1]!.end).trim()
  if (rest === '') return true
  // the tail after a comma: an agency or a desk, a few words opening with a capital
  return rest.startsWith(',') && /^,\s*\p{Lu}/u.test(rest) && rest.slice(1).trim().split(/\s+/).length <= MAX_TAIL_WORDS
}
