/**
 * Fuzzes the per-document stages of the default pipeline (`news`): real text (PolNeAR train/dev, CoNLL-2003 eng.train
 * documents from ../shared, or the built-in paragraphs below when ../shared is absent) cut, shuffled, re-cased and
 * sprinkled with odd characters, run through exactly what a worker does with a document (`processToResult`), and
 * every result checked against the invariants of the output contract (docs/fuzz.md). A failing input is minimised
 * (pieces deleted while the same violation stays) and printed, so it can go into its finder's table-driven tests.
 *
 *   npm run fuzz:stages -- [--cases 2000] [--seed 1] [--minutes 0] [--max-chars 4000] [--only salad,cut,...|shapes|news|signs|uni] [--no-minimise] [--json failures.json]
 *
 * Research tool, not shipped: it lives outside src/ and reads ../shared, never a held-out split.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createDoc, type Doc, type Span} from '../src/doc.ts'
import {scrubText} from '../src/io/decode.ts'
import {GROUP_APOSTROPHES, groupedIntegerSource} from '../src/text/digit-groups.ts'
import {processToResult} from '../src/run/process-doc.ts'
import {pipelineFor} from '../src/run/worker.ts'
import type {Pipeline} from '../src/stage.ts'
import {checkArticle, Failures, points as codePoints, type Article, type Entity, type Money, type Quote} from './check-output.ts'
import {parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'

// ---------------------------------------------------------------------------------------------------------------
// seeded PRNG (mulberry32): the same seed gives the same cases on every machine

/** A seeded pseudo-random source. */
export interface Rng {
  /** a float in [0, 1) */
  next(): number
  /** an integer in [0, n) */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** mulberry32: small, fast and good enough to pick mutations. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p}
}

// ---------------------------------------------------------------------------------------------------------------
// source texts

/** A few news-like paragraphs, written for this harness: what the fuzz test mutates when ../shared is absent. */
export const BUILT_IN_TEXTS: readonly string[] = [
  'WASHINGTON (AP) _ The Senate voted 52-48 on Tuesday to approve a $1.2 trillion spending bill, sending it to the House.\n\n"This is a good day for the country," Senate Majority Leader Jane Roe said after the vote. She added that the measure "keeps the lights on."\n\nCritics, including Sen. John Q. Public, R-Ohio, said the bill costs too much. "We cannot keep borrowing," he told reporters.',
  'LONDON, March 3 (Reuters) - Shares in Acme Holdings Plc fell 4.5 percent to 312 pence after the company said first-half profit dropped to 45 million pounds ($57 million) from 61 million a year earlier.\n\nChief executive Mary Smith told analysts the results were "disappointing but not surprising", citing weak demand in Europe and a stronger euro.',
  'And Peter said he would go. The U.S. Treasury, the IMF and the World Bank met in Paris on Friday, officials said.\n\n“We are ready,” said Dr. A. B. Jones of the Institute. ‘Not yet,’ replied Ms. Lee, who paid €6bn, ¥300 million and Rs 5 crore for the stake.',
  'By JOHN DOE\nAssociated Press Writer\n\nNEW YORK — Prices rose 0.3% in May, the Labor Department said, the largest gain since January. Economists polled by Dow Jones had expected 0.2%.\n\n"Inflation is back," said Ann Brown, an economist at Big Bank Corp. in New York.',
]

/** CoNLL-2003 documents (`-DOCSTART-` separated), each sentence a line, tokens joined as written text would be. */
export function readConllDocuments(path: string, limit = Infinity): string[] {
  const docs: string[] = []
  let sentences: string[] = []
  let tokens: string[] = []
  const endSentence = () => {
    if (tokens.length > 0) sentences.push(detokenise(tokens))
    tokens = []
  }
  const endDoc = () => {
    endSentence()
    if (sentences.length > 0) docs.push(sentences.join('\n'))
    sentences = []
  }
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endDoc()
      if (docs.length >= limit) break
    }
    else if (line.trim() === '') endSentence()
    else tokens.push(line.split(' ')[0]!)
  }
  endDoc()
  return docs
}

function detokenise(tokens: string[]): string {
  let out = ''
  for (const token of tokens) {
    const glue = out === '' || /^[.,;:!?%)\]}]$|^'s$|^n't$/.test(token) || /[([{$]$/.test(out)
    out += (glue ? '' : ' ') + token
  }
  return out
}

/** The texts to mutate: PolNeAR train and dev texts and CoNLL-2003 eng.train documents (never a test split); the built-in paragraphs when ../shared is absent. */
export function loadSources(shared: string, limit = Infinity): {texts: string[]; from: string} {
  const texts: string[] = []
  const from: string[] = []
  for (const split of ['train', 'dev']) {
    const dir = join(shared, 'polnear', split, 'text')
    if (!existsSync(dir)) continue
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()
    for (const name of names.slice(0, limit)) texts.push(readFileSync(join(dir, name), 'utf8'))
    from.push(`PolNeAR ${split} (${Math.min(names.length, limit)})`)
  }
  const conll = join(shared, 'conll2003', 'eng.train')
  if (existsSync(conll)) {
    const docs = readConllDocuments(conll, limit).slice(0, limit)
    texts.push(...docs)
    from.push(`CoNLL-2003 eng.train (${docs.length})`)
  }
  const extraction = join(shared, 'article-extraction', 'ground-truth.json')
  if (existsSync(extraction)) {
    const bodies = Object.values(JSON.parse(readFileSync(extraction, 'utf8')) as Record<string, {articleBody: string}>).map((p) => p.articleBody).slice(0, limit)
    texts.push(...bodies)
    from.push(`article-extraction ground truth (${bodies.length})`)
  }
  if (texts.length === 0) return {texts: [...BUILT_IN_TEXTS], from: 'built-in paragraphs (../shared absent)'}
  return {texts, from: from.join(', ')}
}

// ---------------------------------------------------------------------------------------------------------------
// mutations

const QUOTES = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '``', "''", '「', '」']
const PUNCT = ['.', ',', ';', ':', '!', '?', '-', '–', '—', '…', '(', ')', '[', ']', '{', '}', '/', '\\', '&', '*', '#', '@', '_', '|', '...', '--', '_ ', '•']
const ODD = [
  '😀', '👍🏽', '👨‍👩‍👧', '🇺🇸', '❤️', '©', '™', '𝐀𝐁𝐂', '𝔘𝔖', '𠀀𠀁', '𝟙𝟚𝟛',
  'e\u0301', '\u0301', 'a\u0308\u0323', '\u0300\u0301\u0302',
  '中华人民共和国', '北京市', '東京都', '한국', 'مرحبا بالعالم', 'שלום', '\u200f', '\u200e', '\u202e', '\u202c', '\u2066', '\u2069',
  '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u00a0', '\u2009', '\u3000', '\u2028', '\u2029', '\u0085', '\f', '\t', '\u000b', '\u0001', '\u0007', '\u001b',
  '\ufffd', '\uffff', '\ufffe', 'ﬁ', 'Å', 'İ', 'ß', 'ǅ', 'Ⅻ', '½', '²', '١٢٣', '१२३', '٫',
]
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00']
const NUMBERS = [
  '$1,2,3', '$1,000,000,000,000,000,000,000', '$0.000000001', '€.5bn', 'US$ 3.4.5 million', '£-5', '$$5', '5$', '$ billion', '$-', '$1-',
  '¥1e9', '₹ 1,23,456', 'Rs. 5 crore', '৳ 100', 'C$ 2.5', 'A$', 'HK$1.5bn', '$5-6 billion', '$5 to $', 'between $ and $7', '1.5 trillion dollars',
  'twenty-five million dollars', 'a million euros', '10 cents', '$.', '$,', '€', '£1.', '$1.5.', '1/2 million dollars', '$3 1/2', '$ 1 2 3',
  '99999999999999999999 USD', 'USD', 'EUR 12,5 Mio.', '12.345,67 €', '$1.2 billion-a-year', '-$5', '($5)', '$5m-$6m', '5,00,000 rupees',
  '1996-08-22', '22/08/1996', 'Aug. 22', 'Thursday', '1990s', "'96", '3:45 p.m.', '50%', '50 percent', '1st', '2nd', '10,000', '3.14', '0', '00000',
]
const WORDS = [
  'And', 'and', 'Mr.', 'Mrs.', 'Dr.', 'Sen.', 'Inc.', 'Corp.', 'U.S.', 'J.', 'A.', 'said', 'says', 'told', 'according to', 'he', 'she', 'they',
  'The', 'of', 'de', 'van', "O'Brien", 'McDonald', 'al-', 'bin', "'s", "n't", 'Jr.', 'III', '--', 'Reuters', '(AP)', 'BC-', '&QL;', '&AMP;', '&MD;',
  '&#8217;', '&#55357;', '&#xD800;', '&#0;', '&#1114112;', '&amp;', '&', 'c.1998 N.Y. Times News Service', 'NEW YORK', 'WASHINGTON _', 'Appropria-\ntions',
]

const NAMES = [
  'Peter', 'Smith', 'Jane', 'Roe', 'John', 'Q.', 'Public', 'Mary', 'Ann', 'Lee', 'Obama', 'Clinton', 'Trump', 'Paris', 'London', 'Germany', 'EU', 'IMF',
  'Acme', 'Holdings', 'Plc', 'Bank', 'of', 'America', 'New', 'York', 'Times', 'Sen.', 'Gov.', 'President', 'Minister', 'spokesman', 'Jr', 'Ltd',
  'J.P.', 'Morgan', 'A', 'I', 'O', 'X', 'Y', 'Z.', 'St.', 'Louis', 'Mc', "D'Amato", 'Al', 'Jean-Marie', 'Le', 'Pen', 'de', 'la', 'Cruz', 'MONDAY', 'Monday',
]

/** One mutation: a name (printed with a failing case) and what it does. */
interface Mutation {
  name: string
  apply(text: string, rng: Rng, sources: readonly string[]): string
}

/** Offsets of code-point boundaries (never inside a surrogate pair). */
function boundary(text: string, rng: Rng): number {
  let at = rng.int(text.length + 1)
  if (at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) at--
  return at
}

function insertAt(text: string, rng: Rng, piece: string, times = 1): string {
  let out = text
  for (let i = 0; i < times; i++) {
    const at = boundary(out, rng)
    out = out.slice(0, at) + piece + out.slice(at)
  }
  return out
}

const splitSentences = (text: string) => text.split(/(?<=[.!?]["”’']?)\s+/)
const splitWords = (text: string) => text.split(/(\s+)/)

function mapWords(text: string, f: (word: string) => string): string {
  return splitWords(text).map((w) => (/^\s+$/.test(w) ? w : f(w))).join('')
}

function titleCase(word: string): string {
  const [first = '', ...rest] = [...word]
  return first.toUpperCase() + rest.join('').toLowerCase()
}

/** Every mutation a case may apply to its window of text, by name (`--only` picks some). */
export const MUTATIONS: readonly Mutation[] = [
  {name: 'cut', apply: (t, rng) => {
    const a = boundary(t, rng)
    const b = boundary(t, rng)
    return t.slice(Math.min(a, b), Math.max(a, b))
  }},
  {name: 'cut-start', apply: (t, rng) => t.slice(boundary(t, rng))},
  {name: 'cut-end', apply: (t, rng) => t.slice(0, boundary(t, rng))},
  {name: 'cut-units', apply: (t, rng) => t.slice(rng.int(t.length + 1))},
  {name: 'shuffle-sentences', apply: (t, rng) => {
    const s = splitSentences(t)
    for (let i = s.length - 1; i > 0; i--) {
      const j = rng.int(i + 1)
      ;[s[i], s[j]] = [s[j]!, s[i]!]
    }
    return s.join(rng.pick([' ', '\n', '\n\n']))
  }},
  {name: 'upper', apply: (t) => t.toUpperCase()},
  {name: 'lower', apply: (t) => t.toLowerCase()},
  {name: 'title', apply: (t) => mapWords(t, titleCase)},
  {name: 'flip-words', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.3) ? rng.pick([w.toUpperCase(), w.toLowerCase(), titleCase(w)]) : w))},
  {name: 'insert-punct', apply: (t, rng) => insertAt(t, rng, rng.pick(PUNCT), 1 + rng.int(8))},
  {name: 'insert-quotes', apply: (t, rng) => insertAt(t, rng, rng.pick(QUOTES), 1 + rng.int(5))},
  {name: 'remove-quotes', apply: (t, rng) => {
    const mark = rng.pick(['"', '“', '”', "'", '’', '‘'])
    return rng.chance(0.5) ? t.split(mark).join('') : t.replace(mark, '')
  }},
  {name: 'remove-punct', apply: (t, rng) => t.replace(rng.pick([/[.,;:]/g, /[.!?]/g, /[()[\]]/g, /[-–—]/g, /\s+/g]), rng.chance(0.5) ? '' : ' ')},
  {name: 'odd-chars', apply: (t, rng) => insertAt(t, rng, rng.pick(ODD), 1 + rng.int(6))},
  {name: 'odd-run', apply: (t, rng) => insertAt(t, rng, Array.from({length: 1 + rng.int(12)}, () => rng.pick(ODD)).join(rng.pick(['', ' '])))},
  {name: 'lone-surrogate', apply: (t, rng) => insertAt(t, rng, rng.pick(LONE), 1 + rng.int(3))},
  {name: 'zero-width-everywhere', apply: (t, rng) => [...t].join(rng.pick(['\u200b', '\u00ad', '\u200d', '\ufeff']))},
  {name: 'combining-everywhere', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.3) ? [...w].map((c) => c + '\u0301').join('') : w))},
  {name: 'astral-letters', apply: (t) => t.replace(/[A-Za-z]/g, (c) => String.fromCodePoint((c <= 'Z' ? 0x1d400 : 0x1d41a) + (c.toUpperCase().charCodeAt(0) - 65)))},
  {name: 'long-token', apply: (t, rng) => insertAt(t, rng, rng.pick(['a', 'A', '9', '.', '-', '"', '$', 'A.', 'Ab ', "'"]).repeat(200 + rng.int(5000)))},
  {name: 'one-line', apply: (t) => t.replace(/\s*\n\s*/g, ' ')},
  {name: 'hard-wrap', apply: (t, rng) => {
    const width = 20 + rng.int(60)
    return t.split('\n').map((line) => line.replace(new RegExp(`(.{1,${width}})(\\s+|$)`, 'g'), (_, a: string) => `${a}\n`).trimEnd()).join('\n')
  }},
  {name: 'hyphen-wrap', apply: (t, rng) => t.replace(/([a-z]{3})([a-z]{3,}) /g, (m, a: string, b: string) => (rng.chance(0.3) ? `${a}-\n${b}\n` : m))},
  {name: 'indent', apply: (t, rng) => t.replace(/\n/g, `\n${rng.pick(['  ', '\t', '    ', '\u3000'])}`)},
  {name: 'numbers', apply: (t, rng) => insertAt(t, rng, rng.pick(NUMBERS), 1 + rng.int(4))},
  {name: 'words', apply: (t, rng) => insertAt(t, rng, ` ${rng.pick(WORDS)} `, 1 + rng.int(6))},
  {name: 'replace-words', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.1) ? rng.pick(WORDS) : w))},
  {name: 'drop-words', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.2) ? '' : w))},
  {name: 'double-words', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.1) ? `${w} ${w}` : w))},
  {name: 'splice', apply: (t, rng, sources) => {
    const other = rng.pick(sources)
    const a = boundary(other, rng)
    return insertAt(t, rng, other.slice(a, a + 1 + rng.int(2000)))
  }},
  {name: 'repeat', apply: (t, rng) => {
    const a = boundary(t, rng)
    return t.slice(0, a) + t.slice(a, a + 1 + rng.int(300)).repeat(2 + rng.int(40)) + t.slice(a)
  }},
  {name: 'tiny', apply: (t, rng) => rng.pick(['', ' ', '\n', '.', '"', 'A', 'a', '$', '€', '😀', '\u0301', '\ud800', 'I', '-', "'", '“', '(', '1', 'Mr.', '$5', 'And', 'And A', 'said', t.slice(0, 1 + rng.int(3))])},
  {name: 'only-punct', apply: (t) => t.replace(/[\p{L}\p{N}]/gu, '')},
  {name: 'salad', apply: (t, rng) => {
    // a few words of the text among trigger words, names, marks and figures: the openings and adjacencies real text rarely has
    const own = t.split(/\s+/).filter(Boolean)
    const pools = [WORDS, PUNCT, QUOTES, NUMBERS, NAMES, NAMES, own.length > 0 ? own : NAMES, ODD]
    const n = 1 + rng.int(rng.chance(0.5) ? 8 : 60)
    let out = ''
    for (let i = 0; i < n; i++) out += rng.pick(rng.pick(pools)) + rng.pick([' ', ' ', ' ', '', '\n', '\n\n', ', ', '. '])
    return out
  }},
  {name: 'cut-at-word', apply: (t, rng) => {
    const starts = [...t.matchAll(/(?:^|\s)(?=\S)/g)].map((m) => m.index + m[0].length)
    const a = starts.length > 0 ? rng.pick(starts) : 0
    return t.slice(a, a + 1 + rng.int(1500))
  }},
  {name: 'lower-first', apply: (t) => t.replace(/(^|[.!?]\s+|\n)(\p{Lu})/gu, (_, a: string, b: string) => a + b.toLowerCase())},
  {name: 'nfd', apply: (t) => t.normalize('NFD')},
  {name: 'nfkc', apply: (t) => t.normalize('NFKC')},
  {name: 'fullwidth', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.4) ? w.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : w))},
  {name: 'homoglyphs', apply: (t, rng) => t.replace(/[aeopcxAEOPCX]/g, (c) => (rng.chance(0.3) ? 'аеорсхАЕОРСХ'['aeopcxAEOPCX'.indexOf(c)]! : c))},
  {name: 'other-digits', apply: (t, rng) => {
    const zero = rng.pick([0x660, 0x966, 0xff10, 0x1d7ce, 0x9e6])
    return t.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)))
  }},
  {name: 'odd-spaces', apply: (t, rng) => t.replace(/ /g, () => (rng.chance(0.3) ? rng.pick(['\u00a0', '\u2009', '\u3000', '\u202f', '  ', '\t']) : ' '))},
  {name: 'straight-curly', apply: (t, rng) => (rng.chance(0.5) ? t.replace(/[“”]/g, '"').replace(/[‘’]/g, "'") : t.replace(/"(\S)/g, '“$1').replace(/(\S)"/g, '$1”'))},
  {name: 'char-refs', apply: (t, rng) => t.replace(/[“”"’]/g, (c) => (rng.chance(0.5) ? `&#${c.charCodeAt(0)};` : c)) + ` &#${rng.pick([0, 1, 0xd800, 0xdfff, 0x10ffff, 0x110000, 0x1f600, 65, 8217])};${rng.pick(['', ' &#x', ' &', ' &amp', ' &#;', ' &#99999999999;'])}`},
  {name: 'wire-wrap', apply: (t, rng) => `${rng.pick(['BC-Senate-Vote,0512\n', '&QL;\n', 'BC-AP-Story-Slug &LR; &UR;\n', '', 'a0123 &Cx1f; BC-Fin\n'])}${rng.pick(['WASHINGTON (AP) _ ', 'LONDON, March 3 (Reuters) - ', 'NAIROBI, Kenya (AP) -- ', 'PARIS &MD; ', 'Tokyo, Japan, Dec. 1 - ', ''])}${t}${rng.pick(['\nNYT-12-02-98 1130EST', '\n(c.1998 N.Y. Times News Service)', '\nEND', '\n&QL;', ''])}`},
  {name: 'byline-headline', apply: (t, rng) => `${rng.pick(['By JOHN SMITH\n', 'By Jane Roe and Ann Lee, Associated Press\n', 'SENATE PASSES BILL\n\n', 'Photo: Reuters\n', 'Share this article\n', '• Item one\n• Item two\n'])}${t}`},
  {name: 'quote-sentences', apply: (t, rng) => splitSentences(t).map((s) => (rng.chance(0.3) ? rng.pick([`"${s}" ${rng.pick(['he said', 'said Jane Roe', 'she told reporters', 'according to officials', 'Smith said.'])}.`, `${rng.pick(['He said', 'Roe said:', 'They told CNN'])} "${s}`, `“${s}`, `'${s}'`, `"${s} 'nested' "`]) : s)).join(rng.pick([' ', '\n\n']))},
  {name: 'table', apply: (t, rng) => mapWords(t, (w) => (rng.chance(0.15) ? `${w}\t` : w)).replace(/\. /g, () => (rng.chance(0.3) ? '.\n' : '. '))},
  {name: 'no-spaces', apply: (t) => t.replace(/ /g, '')},
]

// ---------------------------------------------------------------------------------------------------------------
// shapes users bring: well-formed news pieces the mutations above rarely make (docs/fuzz.md, fuzz4)

const PREFIXES = ['$', 'US$', '€', '£', '¥', 'Rs ', '₹', 'HK$', 'C$', 'A$', 'USD ', 'EUR ', 'GBP ', 'CHF ', 'Rs. ', 'S$', 'R$', 'NZ$']
const SUFFIX_CODES = [' USD', ' EUR', ' GBP', ' JPY', ' CHF', ' INR', ' dollars', ' euros', ' pounds', ' yen', ' rupees', ' francs', '€', ' €', '$']
const MAGNITUDES = ['', '', 'm', 'bn', 'mn', 'k', ' million', ' billion', ' trillion', ' crore', ' lakh', 'M', 'B', ' mln', ' bln']
const THIN = ['\u2009', '\u202f', '\u00a0', ' ']

/** A figure written as users write them: grouped with commas, thin or no-break spaces, apostrophes, Indian lakhs or dots, with decimals either way. */
function shapedNumber(rng: Rng): string {
  const int = rng.pick([rng.int(10), rng.int(100), rng.int(1000), 1000 + rng.int(9000), rng.int(1_000_000), rng.int(100_000_000)])
  const digits = String(int)
  const group = (sep: string, indian = false) => {
    if (!indian) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep)
    const last = digits.slice(-3)
    const rest = digits.slice(0, -3)
    return rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, sep)}${sep}${last}` : last
  }
  const style = rng.int(7)
  const decimals = rng.chance(0.4) ? String(rng.int(100)).padStart(rng.pick([1, 2]), '0') : ''
  switch (style) {
    case 0: return group(',') + (decimals ? `.${decimals}` : '')
    case 1: return group(rng.pick(THIN)) + (decimals ? rng.pick([`,${decimals}`, `.${decimals}`]) : '')
    case 2: return group(',', true) + (decimals ? `.${decimals}` : '')
    case 3: return group("'") + (decimals ? `.${decimals}` : '')
    case 4: return group('.') + (decimals ? `,${decimals}` : '')
    case 5: return digits + (decimals ? `,${decimals}` : '')
    default: return digits + (decimals ? `.${decimals}` : '')
  }
}

/** An amount: prefix symbol or code, or number then code, symbol or currency word, with a magnitude. */
function shapedAmount(rng: Rng): string {
  const n = shapedNumber(rng)
  const mag = rng.pick(MAGNITUDES)
  return rng.chance(0.6) ? `${rng.pick(PREFIXES)}${n}${mag}` : `${n}${mag}${rng.pick(SUFFIX_CODES)}`
}

const MONTHS = ['January', 'February', 'March', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'Nov', 'Dec']
const PERCENTS = () => ['5%', '3.2%', '12.5 percent', '4,5 %', '0.25 per cent', '-3.5%', '−2%', '7pc', '1.5-2%', '5%-7%', 'between 5% and 7%']

/** A sentence of figures beside figures: ranges, percentages, conversions, dates and times next to amounts. */
function moneySentence(rng: Rng): string {
  const a = () => shapedAmount(rng)
  const p = () => rng.pick(PERCENTS())
  const m = () => rng.pick(MONTHS)
  const y = () => String(1990 + rng.int(40))
  const d = () => String(1 + rng.int(31))
  const n = () => shapedNumber(rng)
  return rng.pick([
    () => `Profit rose ${p()} to ${a()} in ${m()} ${n()}${rng.pick(['%', '€', ' euros', ' million', ''])} of it from ${m()}.`,
    () => `The deal is worth ${rng.pick(PREFIXES)}${1 + rng.int(9)}${rng.pick(['m', 'bn', ' million'])}${rng.pick(['-', '–', ' - ', ' to ', '-to-'])}${rng.pick(PREFIXES)}${10 + rng.int(90)}${rng.pick(['m', 'bn', ' million', ''])}, ${rng.pick(['analysts said', 'or ' + p() + ' of sales', 'up ' + p()])}.`,
    () => `Shares fell ${p()}, or ${a()}, on ${m()} ${d()}${rng.pick([', ' + y(), ' ' + y(), '', ',' + y()])} ${a()} ${rng.pick(['changed hands', 'was paid', ''])}.`,
    () => `It paid ${a()} (${a()}) for a ${p()} stake${rng.pick([', ' + p() + ' more than', ' at', ' in'])} ${m()} ${rng.pick([d(), y(), d() + ', ' + y(), n()])}.`,
    () => `Revenue: ${a()} (${p()}); costs ${a()}${rng.pick([' vs ', ' versus ', '/', ' against '])}${a()}; ${y()}/${String(rng.int(100)).padStart(2, '0')} ${a()}.`,
    () => `In ${m()} ${n()}${rng.pick(['%', ' million', ' people', '€', ' EUR', ''])} ${rng.pick(['were hired', 'was lost', 'left'])}, and ${rng.pick(['by', 'on', 'until'])} ${m()} ${d()}${rng.pick(['th', 'st', ''])} ${a()}.`,
    () => `Between ${a()} and ${a()}${rng.pick(['', ' a year', ' per share', ' a month'])} was ${rng.pick(['raised', 'spent'])} at ${1 + rng.int(12)}:${String(rng.int(60)).padStart(2, '0')}${rng.pick(['pm', ' a.m.', 'h', ''])} ${rng.pick(['GMT', 'ET', ''])}.`,
    () => `${rng.pick(PREFIXES)}${n()}${rng.pick(['-', '–', ' to '])}${n()}${rng.pick(MAGNITUDES)} ${rng.pick(['was', 'is', '(' + p() + ')'])} ${rng.pick(['Q3 ' + y(), 'FY' + y().slice(2), y() + '-' + y().slice(2), 'H1'])}.`,
  ])()
}

const SPEAKERS = ['he said', 'she said', 'said Jane Roe', 'Smith told reporters', 'said Mary Lee, a spokeswoman for the ministry', 'according to a statement', 'the minister added', 'a dit M. Dupont', 'sagte er']

/** A quotation as newspapers of several languages write it: curly, guillemets, low-high, corner brackets, nested, across paragraphs, dash turns. */
function quotePiece(rng: Rng, sources: readonly string[]): string {
  const words = () => {
    const text = rng.pick(sources)
    const start = boundary(text, rng)
    const piece = text.slice(start, start + 20 + rng.int(160)).replace(/\s+/g, ' ').trim()
    return piece || 'We will not back down'
  }
  const pairs: Array<[string, string]> = [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»'], ['« ', ' »'], ['„', '“'], ['„', '”'], ['‚', '‘'], ['»', '«'], ['「', '」'], ['『', '』'], ['‹', '›'], ['”', '”'], ["'", "'"]]
  const [o, c] = rng.pick(pairs)
  const [io, ic] = rng.pick(pairs)
  const who = rng.pick(SPEAKERS)
  return rng.pick([
    () => `${o}${words()},${c} ${who}. ${o}${words()}.${c}`,
    // a quotation running over paragraphs: each paragraph opens the mark, only the last closes it
    () => `${o}${words()}.\n\n${o}${words()}.\n\n${o}${words()},${c} ${who}.`,
    () => `${who[0]!.toUpperCase()}${who.slice(1)}: ${o}${words()} ${io}${words()}${ic} ${words()}.${c}`,
    () => `${o}${words()} ${io}${words()}${ic}${c}, ${who}.`,
    () => `${rng.pick(['—', '–', '-', '―'])} ${words()}, ${who}. ${words()}.`,
    () => `${o}${words()}${rng.pick(['...', '…', '?', '!', ' —'])}${c}\n${o}${words()}${c}`,
    () => `${o}${io}${words()}${ic} ${words()}${c} ${who}, ${o}${words()}${c}.`,
  ])()
}

/** Inserts `piece` at a sentence or paragraph boundary of `text` (or at its start or end). */
function insertSentence(text: string, rng: Rng, piece: string): string {
  const ends = [0, text.length, ...[...text.matchAll(/[.!?]["”’»]?(\s+)/g)].map((m) => m.index + m[0].length)]
  const at = rng.pick(ends)
  const sep = rng.pick([' ', '\n', '\n\n'])
  const before = at > 0 && !/\s/.test(text[at - 1]!) ? sep : ''
  return text.slice(0, at) + before + piece + (at < text.length ? sep : '') + text.slice(at)
}

/**
 * User-shaped pieces, not in {@link MUTATIONS} so earlier runs' seeds stay the cases they were: `--only shapes`
 * (or names) runs them.
 */
export const SHAPES: readonly Mutation[] = [
  {name: 'shape-money', apply: (t, rng) => {
    let out = t
    for (let i = 1 + rng.int(4); i > 0; i--) out = insertSentence(out, rng, moneySentence(rng))
    return out
  }},
  {name: 'shape-amounts', apply: (t, rng) => insertAt(t, rng, ` ${shapedAmount(rng)} `, 1 + rng.int(6))},
  {name: 'shape-numbers', apply: (t, rng) => t.replace(/\b\d[\d,.]*\b/g, (m) => (rng.chance(0.5) ? shapedNumber(rng) : m))},
  {name: 'shape-quotes', apply: (t, rng, sources) => {
    let out = t
    for (let i = 1 + rng.int(3); i > 0; i--) out = insertSentence(out, rng, quotePiece(rng, sources))
    return out
  }},
  {name: 'shape-marks', apply: (t, rng) => {
    // the text's own quotations re-marked in another convention
    const [o, c] = rng.pick([['«', '»'], ['« ', ' »'], ['„', '“'], ['「', '」'], ['»', '«'], ['‘', '’'], ['”', '”']] as const)
    return t.replace(/["“]([^"”\n]*)["”]/g, (_, inner: string) => `${o}${inner}${c}`)
  }},
]

// ---------------------------------------------------------------------------------------------------------------
// news-* shapes (fuzz6): what wire and web news carries around its sentences that neither the mutations nor the
// shape-* pieces make: narrative after a dash turn's attribution, embedded posts, interview transcripts, scores and
// tallies, market reports, trailers and corrections, titles with party and state

const PEOPLE = ['Jane Roe', 'John Doe', 'Ann Lee', 'Mary Major', 'Richard Miles', 'Sen. Jane Roe', 'the minister', 'a spokeswoman', 'Roe', 'he', 'she']
const NARRATIVE = [
  'telling reporters', 'adding that the talks would go on', 'speaking to reporters in the capital', 'citing a report', 'noting the vote',
  'referring to the strike', 'pointing to the polls', 'in an interview', 'on Monday', 'according to a transcript', 'as he left the building',
  'after the vote', 'without giving details', 'in a statement', 'at a news conference', 'before the meeting', 'while visiting troops',
]

/** Words of a source text for a quotation, with no quotation mark or line break in them. */
function quotedWords(rng: Rng, sources: readonly string[]): string {
  const text = rng.pick(sources)
  // from a word's start to a word's end, as a reporter quotes
  const at = boundary(text, rng)
  const start = at === 0 ? 0 : text.slice(at).search(/\s\S/) + at + 1
  const piece = text.slice(start, start + 15 + rng.int(120)).replace(/\S*$/, '').replace(/[\s"“”«»„]+/g, ' ').replace(/[\s,;:.!?]+$/, '').trim()
  return piece || 'We will not back down'
}

/** A dash turn whose attribution goes on with the narrative's words: a participle, a prepositional phrase, a second clause. */
function dashNarrative(rng: Rng, sources: readonly string[]): string {
  const who = rng.pick(PEOPLE)
  const verb = rng.pick(['said', 'told reporters', 'says', 'added', 'insisted'])
  const attribution = rng.pick([`${who} ${verb}`, `said ${who}`, `${who} ${verb}`])
  const q = () => quotedWords(rng, sources)
  const end = rng.pick(['.', '.', '!', '?', '…'])
  return rng.pick([
    () => `${rng.pick(['—', '–', '―'])} ${q()}, ${attribution}, ${rng.pick(NARRATIVE)}. ${q()}${end}`,
    () => `${rng.pick(['—', '–', '―'])} ${q()}, ${attribution} ${rng.pick(NARRATIVE)}. ${q()}${end}`,
    () => `${rng.pick(['—', '–', '―'])} ${q()}, ${attribution}, ${rng.pick(NARRATIVE)}.`,
    () => `${rng.pick(['—', '–', '―'])} ${q()}, ${attribution}, ${rng.pick(NARRATIVE)}, ${rng.pick(NARRATIVE)}. ${q()}${end}`,
    () => `${rng.pick(['—', '–', '―'])} ${q()}, ${attribution}. ${rng.pick(['He', 'She', 'The minister'])} ${rng.pick(['left', 'smiled', 'did not elaborate'])}, ${rng.pick(NARRATIVE)}.`,
  ])()
}

/** A social-media post embedded in an article, as its text survives extraction: the post, links, a signature line. */
function embeddedPost(rng: Rng, sources: readonly string[]): string {
  const handle = rng.pick(['janeroe', 'AP', 'Reuters', 'jdoe_99', 'MinistryX'])
  const date = rng.pick(['December 1, 2026', 'Dec 1, 2026', '1 December 2026', 'November 30, 2026', 'June 5, 2019'])
  const link = rng.pick(['pic.twitter.com/Ab3dE9xYz', 'https://t.co/xYz123AbC', 'https://example.com/story?id=5&ref=tw', '#Election2026', '@' + handle])
  return rng.pick([
    () => `${quotedWords(rng, sources)} ${link}

${rng.pick(['—', '–', '-'])} ${rng.pick(PEOPLE.slice(0, 5))} (@${handle}) ${date}`,
    () => `“${quotedWords(rng, sources)} ${link}”
— ${rng.pick(PEOPLE.slice(0, 5))} (@${handle}) ${date}`,
    () => `${rng.pick(PEOPLE.slice(0, 5))} (@${handle}) wrote on ${rng.pick(['X', 'Twitter', 'Facebook', 'Truth Social'])}: “${quotedWords(rng, sources)}” ${link}`,
    () => `A post shared by ${rng.pick(PEOPLE.slice(0, 5))} (@${handle}) on ${date} at ${1 + rng.int(12)}:${String(rng.int(60)).padStart(2, '0')}${rng.pick(['am', 'pm', ' PST', 'a.m. PDT'])}`,
  ])()
}

/** An interview transcript: speaker labels before each turn, in capitals or not, with a colon or a dash. */
function transcript(rng: Rng, sources: readonly string[]): string {
  const labels = rng.pick([['Q', 'A'], ['Q.', 'A.'], ['INTERVIEWER', 'ROE'], ['Reporter', 'Jane Roe'], ['HOST', 'DOE'], ['Question', 'Answer']])
  const sep = rng.pick([': ', ' — ', ': “', ':\n'])
  const close = sep.endsWith('“') ? '”' : ''
  const turns: string[] = []
  for (let i = 0, n = 2 + rng.int(4); i < n; i++) turns.push(`${labels[i % 2]}${sep}${quotedWords(rng, sources)}${rng.pick(['?', '.', '…', ''])}${close}`)
  return turns.join(rng.pick(['\n', '\n\n']))
}

/** Scores, tallies and results: figures joined by dashes that are neither dates nor ranges of money. */
function scores(rng: Rng): string {
  const n = () => String(rng.int(120))
  const s = () => `${rng.int(8)}-${rng.int(8)}`
  return rng.pick([
    () => `${rng.pick(['Arsenal', 'The Lakers', 'Spain', 'Roe'])} ${rng.pick(['beat', 'lost to', 'drew with', 'won'])} ${rng.pick(['Chelsea', 'Boston', 'Italy', 'Doe'])} ${rng.pick([s(), n() + '-' + n(), `${s()}, ${s()}, 7-6 (7-5)`, `${n()}–${n()}`])}${rng.pick([' on Sunday', ' in overtime', ' (2-1 agg.)', ''])}.`,
    () => `The bill passed ${rng.pick(['51-49', '218-212', '5-4', '12–3', '3-2-1'])}${rng.pick([' in the Senate', ', with two abstentions', ''])}; ${rng.pick(['52%-48%', '52-48 percent', '52.3% to 47.7%', '6,123,456 votes to 5,987,654'])}.`,
    () => `${rng.pick(['Roe', 'Doe'])} finished in ${rng.int(3)}:${String(rng.int(60)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}${rng.pick(['.45', ',3', ''])}, ${rng.pick(['a 5-1 favourite', 'at 9/2', 'at odds of 11-4', 'a 3-point lead', '+150'])}, on ${rng.pick(MONTHS)} ${1 + rng.int(28)}.`,
    () => `${rng.pick(['Record', 'Standings'])}: ${s()}-${rng.int(3)}, ${n()}-${n()} ${rng.pick(['overall', 'at home', '(.562)', ''])}; ${rng.pick(['No. 3', '#7', 'the 4th seed', '2nd'])}.`,
  ])()
}

/** A market report: index points and percentages, currency pairs and quotes, commodity prices, tickers, yields. */
function marketReport(rng: Rng): string {
  const pct = () => `${rng.pick(['', '-', '+', '−'])}${rng.int(9)}.${rng.int(99)}${rng.pick(['%', ' percent', ' pct', ' per cent'])}`
  const level = () => `${rng.int(40)},${String(rng.int(1000)).padStart(3, '0')}.${String(rng.int(100)).padStart(2, '0')}`
  return rng.pick([
    () => `The ${rng.pick(['Dow Jones Industrial Average', 'S&P 500', 'FTSE 100', 'Nikkei 225', 'DAX'])} ${rng.pick(['fell', 'rose', 'was flat at'])} ${rng.int(900)}.${rng.int(99)} points, or ${pct()}, to ${level()}.`,
    () => `${rng.pick(['EUR/USD', 'USD/JPY', 'GBP/USD', '$/¥', 'EURUSD=X', 'the euro'])} ${rng.pick(['traded at', 'was', 'at', 'rose to'])} ${rng.pick(['1.0845', '145.20', '$1.27', '¥145.2', '1,0845'])}${rng.pick([' yen', ' dollars', '', ' per dollar'])}${rng.pick([`, ${pct()}`, ' (+0.3%)', ''])}.`,
    () => `${rng.pick(['Brent crude', 'Gold', 'U.S. crude', 'Bitcoin', 'Wheat'])} ${rng.pick(['settled at', 'rose', 'fell'])} ${rng.pick(['$82.40 a barrel', '$1,945.30 an ounce', '$64,210', '82.40 dollars', '$5.85-1/4 a bushel', '$82.40/bbl'])}${rng.pick([`, ${pct()}`, ` (${pct()})`, ''])}.`,
    () => `Shares of ${rng.pick(['Acme Corp (NYSE: ACME)', 'Acme Corp (ACME.O)', 'Acme (ACME.N)', 'ACME', 'Acme Holdings Plc (LSE:ACM)'])} ${rng.pick(['rose', 'fell', 'jumped'])} ${pct()} to ${rng.pick(PREFIXES)}${rng.int(500)}.${rng.int(99)}${rng.pick(['', ' in premarket trading', ' after hours'])}.`,
    () => `The ${rng.pick(['10-year', '2-year', '30-year'])} ${rng.pick(['Treasury yield', 'Bund yield', 'gilt yield'])} ${rng.pick(['rose', 'fell'])} ${rng.int(20)} basis points to ${rng.int(6)}.${rng.int(999)}%${rng.pick([', its highest since 2007', ' (bps)', ''])}; ${rng.pick(['EPS', 'Q3 EPS', 'EBITDA'])} ${rng.pick(['$1.23 vs $1.10 est.', '€0.45/share', '$1.2bn (+12% y/y)'])}`,
  ])()
}

/** What ends or interrupts a wire or web story: credits, corrections, copyright lines, updates, contributions. */
function trailer(rng: Rng): string {
  return rng.pick([
    () => `(Reporting by ${rng.pick(PEOPLE.slice(0, 5))}${rng.pick([' in London', '', ' and Ann Lee in Paris'])}; ${rng.pick(['Editing by John Doe', 'Writing by Mary Major; Editing by Richard Miles', 'additional reporting by Ann Lee'])})`,
    () => `Correction: ${rng.pick(['An earlier version of this story', 'This article'])} misstated ${rng.pick(['the amount as $5 million. It was $5 billion.', 'the date of the vote as Dec. 1. It was Dec. 2.', 'the name of Ann Lee’s party.', "Roe's age. She is 54."])}`,
    () => `${rng.pick(['Copyright', '©', '(c)'])} ${2000 + rng.int(27)} ${rng.pick(['The Associated Press', 'Reuters', 'The New York Times Company'])}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.`,
    () => `${rng.pick(['___', '* * *', '—', '-- '])}\n${rng.pick(['Associated Press writer Ann Lee in London contributed to this report.', 'Jane Roe contributed reporting from Paris.', 'Follow Jane Roe on Twitter: @janeroe', 'This story has been updated to correct the spelling of a name.', 'UPDATE 2-', 'Updated at 3:45 p.m. ET'])}`,
    () => `${rng.pick(['Read more:', 'RELATED:', 'See also:', 'Watch:', 'ADVERTISEMENT'])} ${rng.pick(['“We will not back down,” minister says', 'Markets fall 2% as $5bn deal collapses', 'Dec. 1: what happened', 'Roe: a profile'])}`,
  ])()
}

/** Names with their titles, parties, states, ages and roles, as U.S. and wire copy writes them. */
function titledNames(rng: Rng): string {
  return rng.pick([
    () => `${rng.pick(['Sen.', 'Rep.', 'Gov.', 'Del.'])} ${rng.pick(['Jane Roe', 'John Doe', 'Ann Lee'])} (${rng.pick(['D', 'R', 'I'])}-${rng.pick(['Mass.', 'Texas', 'N.Y.', 'Calif.', 'Pa.', 'Ore.'])}) ${rng.pick(['said', 'told reporters', 'voted against it', 'said on Monday'])}.`,
    () => `${rng.pick(['Rep.', 'Sen.', 'State Sen.'])} ${rng.pick(['Jane Roe', 'John Doe'])}, ${rng.pick(['R', 'D'])}-${rng.pick(['Texas', 'Fla.', 'Ohio'])}, ${rng.pick(['said', 'called it a mistake', 'did not respond'])}.`,
    () => `${rng.pick(['Jane Roe', 'John Doe', 'Ann Lee'])}, ${18 + rng.int(80)}, of ${rng.pick(['Boston', 'Lagos', 'Springfield, Ill.'])}, ${rng.pick(['was charged', 'said', 'died Friday'])}${rng.pick([' on Dec. 1', '', ', police said'])}.`,
    () => `${rng.pick(['Mr.', 'Ms.', 'Dr.', 'Prof.'])} ${rng.pick(['Roe', 'Doe', 'Lee'])}${rng.pick(["'s", '’s', ''])} ${rng.pick(['lawyer', 'office', 'comments'])}, ${rng.pick(['a Democrat', 'a Republican', 'the former finance minister', 'who declined to comment'])}, ${rng.pick(['said', 'wrote', 'added'])} ${rng.pick(['that it was over', 'nothing', 'the same'])}.`,
  ])()
}

/**
 * News-shaped pieces (fuzz6), not in {@link MUTATIONS} nor in {@link SHAPES}, so every earlier seed of either stays
 * its case: `--only news` (or names) runs them.
 */
export const NEWS_SHAPES: readonly Mutation[] = [
  {name: 'news-dash-narrative', apply: (t, rng, sources) => insertSentence(t, rng, `\n\n${dashNarrative(rng, sources)}\n\n`)},
  {name: 'news-embedded-post', apply: (t, rng, sources) => insertSentence(t, rng, `\n\n${embeddedPost(rng, sources)}\n\n`)},
  {name: 'news-transcript', apply: (t, rng, sources) => insertSentence(t, rng, `\n\n${transcript(rng, sources)}\n\n`)},
  {name: 'news-scores', apply: (t, rng) => insertSentence(t, rng, scores(rng))},
  {name: 'news-markets', apply: (t, rng) => insertSentence(t, rng, marketReport(rng))},
  {name: 'news-trailer', apply: (t, rng) => (rng.chance(0.5) ? `${t}\n\n${trailer(rng)}` : insertSentence(t, rng, `\n\n${trailer(rng)}\n\n`))},
  {name: 'news-titles', apply: (t, rng) => insertSentence(t, rng, titledNames(rng))},
]

const SIGNS = ['-', '−', '+', '- ', '(', '(-', '–', '']
const SIGN_LABELS = ['Europe', 'Net income', 'Change', 'Q3', 'Revenue (y/y)', 'Asia-Pacific', 'Margin', 'Dow', 'S&P 500', 'FTSE 100']

/** A signed figure: a sign (or a bracket, a dash, a bullet's hyphen and space) before a percentage, count, amount or unit. */
function signedFigure(rng: Rng): string {
  const sign = rng.pick(SIGNS)
  const n = rng.chance(0.5) ? `${rng.int(100)}.${rng.int(10)}` : shapedNumber(rng)
  const figure = rng.pick([`${n}%`, `${n} percent`, n, `${n} points`, `${n} degrees`, `${rng.pick(PREFIXES)}${n}${rng.pick(MAGNITUDES)}`, `${n}-${rng.int(10)}%`])
  return `${sign}${figure}${sign.startsWith('(') ? ')' : ''}`
}

/** A results table or a markets line of signed figures: columns apart by spaces or tabs, rows opening with labels or bullets. */
function signedTable(rng: Rng): string {
  const rows: string[] = []
  for (let i = 2 + rng.int(5); i > 0; i--) {
    const lead = rng.chance(0.2) ? rng.pick(['- ', '-', '• ', '+ ']) : `${rng.pick(SIGN_LABELS)}${rng.pick(['  ', '\t', ': ', ' '])}`
    const cells: string[] = []
    for (let c = 1 + rng.int(3); c > 0; c--) cells.push(signedFigure(rng))
    rows.push(lead + cells.join(rng.pick(['  ', '\t', ' ', ' / '])))
  }
  return rows.join('\n')
}

/** A sentence of signed figures in prose: changes, ranges, years and scores beside them. */
function signedSentence(rng: Rng): string {
  const f = () => signedFigure(rng)
  const y = () => String(1990 + rng.int(40))
  return rng.pick([
    () => `Shares fell ${f()} on the day, after ${f()} a week ago.`,
    () => `The index closed ${f()} at ${f()} (${f()}), its worst run since ${y()}-${y().slice(2)}.`,
    () => `Temperatures of ${f()} and a wind chill of ${f()} were recorded.`,
    () => `A range of ${rng.int(10)}-${rng.int(10)}% and ${y()}-${y()} sales, a net rating of ${f()}; the score was ${rng.int(10)}-${rng.int(10)}.`,
    () => `Change: ${f()}; margin =${f()}; ${f()} in ${y()}.`,
  ])()
}

/**
 * Signed-figure pieces (fuzz7), in no earlier list, so every seed of the default, shapes and news runs stays its case:
 * `--only signs` (or names) runs them.
 */
export const SIGN_SHAPES: readonly Mutation[] = [
  {name: 'signs-table', apply: (t, rng) => insertSentence(t, rng, `\n\n${signedTable(rng)}\n\n`)},
  {name: 'signs-prose', apply: (t, rng) => insertSentence(t, rng, signedSentence(rng))},
]

// ---------------------------------------------------------------------------------------------------------------
// uni-* pieces (fuzz8): Unicode and layout around the figures, names and quotations the finders read: decomposed
// accents and marks on quote marks and digits, bidi controls and right-to-left text beside figures and names,
// full-width currency signs and digits, no-break and narrow spaces inside amounts and dates, very long lines and
// tokens, pipe and tab tables, quotations nested in other languages' marks, ASCII art

const BIDI = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']
const RTL_WORDS = ['مرحبا', 'الرئيس', 'دولار', 'שלום', 'הממשלה', 'שקל', 'تهران', 'ירושלים', '١٢٣', '٫', '٬']
const NB_SPACES = ['\u00a0', '\u202f', '\u2009', '\u2007', '\u2060']
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇺🇸', '𝐀', '🎉']

/** A full-width form of an ASCII string (U+FF01..U+FF5E), a space as U+3000. */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000')
}

/** An amount or date written with no-break, narrow or thin spaces where a typesetter puts them. */
function spacedFigure(rng: Rng): string {
  const s = () => rng.pick(NB_SPACES)
  const g = () => String(rng.int(1000)).padStart(3, '0')
  const lead = String(1 + rng.int(999))
  return rng.pick([
    () => `€${s()}${lead}`,
    () => `${lead}${s()}${g()}${s()}€`,
    () => `$${lead}${s()}${g()},${String(rng.int(100)).padStart(2, '0')}`,
    () => `${lead}${s()}${g()}${s()}${g()}${s()}${rng.pick(['€', 'EUR', 'CHF', 'Fr.', 'kr', 'zł', '₽', 'Kč'])}`,
    () => `${rng.pick(['CHF', 'EUR', 'USD', 'Rs.', '£', '¥'])}${s()}${lead}${rng.pick(['', `${s()}${g()}`, `,${String(rng.int(100)).padStart(2, '0')}`, `.${rng.int(10)}`])}${rng.pick(['', `${s()}million`, `${s()}Mio.`, `${s()}bn`])}`,
    () => `${1 + rng.int(28)}${s()}${rng.pick(['March', 'mars', 'Dec.', 'août'])}${s()}${1990 + rng.int(40)}`,
    () => `${rng.pick(['March', 'Dec.', 'Nov'])}${s()}${1 + rng.int(28)},${s()}${1990 + rng.int(40)}`,
    () => `${1 + rng.int(12)}${s()}${rng.pick(['p.m.', 'a.m.', 'h', 'pm'])}`,
    () => `${rng.int(100)}${rng.pick([',', '.'])}${rng.int(10)}${s()}%`,
    () => `${lead}${s()}${rng.pick(['km', 'kg', 'millions d’euros', 'dollars', 'percent'])}`,
  ])()
}

/** A figure or name wrapped in, or flanked by, bidi controls and right-to-left words. */
function bidiPiece(rng: Rng): string {
  const core = rng.pick([
    () => shapedAmount(rng), () => `${rng.int(100)}%`, () => `${1 + rng.int(28)} ${rng.pick(MONTHS)} ${1990 + rng.int(40)}`,
    () => rng.pick(PEOPLE.slice(0, 5)), () => `${rng.pick(['Acme Holdings Plc', 'the IMF', 'Bank of America'])}`, () => String(rng.int(1_000_000)),
  ])()
  const open = rng.pick(BIDI)
  const close = rng.pick(['\u2069', '\u202c', '\u200e', '\u200f', ''])
  const rtl = () => rng.pick(RTL_WORDS)
  return rng.pick([
    () => `${open}${core}${close}`,
    () => `${rtl()} ${open}${core}${close} ${rtl()}`,
    () => `${rtl()}${core}${rtl()}`,
    () => `${core}${open}`,
    () => `\u202e${core} ${rtl()}\u202c`,
    () => [...core].join(rng.pick(['\u200e', '\u200f'])),
  ])()
}

/** Marks on what the finders read as punctuation and figures: quote marks, digits, currency signs, full stops. */
function markFigures(text: string, rng: Rng): string {
  const mark = () => rng.pick(['\u0301', '\u0308', '\u0327', '\u0338', '\u20dd', '\u0300\u0323', '\u034f', '\ufe0f', '\u20e3'])
  return text.replace(/[0-9"“”‘’'«»$€£¥%.,]/g, (c) => (rng.chance(0.15) ? c + mark() : c))
}

/** A table as web pages and wire services send them: pipes (markdown), tabs, or space-aligned columns. */
function tablePiece(rng: Rng): string {
  const cell = () => rng.pick([
    () => shapedAmount(rng), () => `${rng.int(100)}.${rng.int(10)}%`, () => rng.pick(PEOPLE.slice(0, 5)), () => rng.pick(SIGN_LABELS),
    () => `${1 + rng.int(28)} ${rng.pick(MONTHS)}`, () => String(rng.int(10000)), () => '', () => '—', () => `“${rng.pick(['Yes', 'No', 'We will win'])}”`,
  ])()
  const cols = 2 + rng.int(4)
  const rows = Array.from({length: 2 + rng.int(6)}, () => Array.from({length: cols}, cell))
  switch (rng.int(4)) {
    case 0: {
      const line = (r: string[]) => `| ${r.join(' | ')} |`
      return [line(rows[0]!), `|${Array.from({length: cols}, () => rng.pick(['---', ':--', '--:', ':-:'])).join('|')}|`, ...rows.slice(1).map(line)].join('\n')
    }
    case 1: return rows.map((r) => r.join('\t')).join('\n')
    case 2: return rows.map((r) => r.map((c) => c.padEnd(18)).join('')).join('\n')
    default: return rows.map((r) => r.join(rng.pick(['|', ' ¦ ', '│', ' || ']))).join('\n')
  }
}

/** Quotations nested in other languages' marks, with attribution: German, French, Swiss, Spanish, Japanese, Polish. */
function nestedQuote(rng: Rng, sources: readonly string[]): string {
  const w = () => quotedWords(rng, sources)
  const [[o, c], [io, ic]] = rng.pick([
    [['„', '“'], ['‚', '‘']], [['«\u00a0', '\u00a0»'], ['‹\u00a0', '\u00a0›']], [['«', '»'], ['‹', '›']], [['»', '«'], ['›', '‹']],
    [['«', '»'], ['“', '”']], [['「', '」'], ['『', '』']], [['„', '”'], ['«', '»']], [['“', '”'], ['‘', '’']], [['«\u202f', '\u202f»'], ['“', '”']],
  ] as Array<[[string, string], [string, string]]>)
  const who = rng.pick(SPEAKERS)
  return rng.pick([
    () => `${o}${w()} ${io}${w()}${ic} ${w()}${c}, ${who}.`,
    () => `${who[0]!.toUpperCase()}${who.slice(1)}: ${o}${io}${w()}${ic}${c}`,
    () => `${o}${w()}, ${io}${w()}, ${o}${w()}${c}${ic}${c} ${who}.`,
    () => `${o}${w()}${c} ${who}. ${o}${w()} ${io}${w()}`,
    () => `${o}${w()}.\n\n${o}${io}${w()}${ic}.${c}`,
  ])()
}

/** ASCII art as it survives in plain-text news: boxes, rules, banners, arrows, shrugs, with figures and names inside. */
function asciiArt(rng: Rng): string {
  const inner = rng.pick([() => shapedAmount(rng), () => rng.pick(PEOPLE.slice(0, 5)), () => `${rng.int(100)}%`, () => 'BREAKING NEWS', () => `${1 + rng.int(28)} ${rng.pick(MONTHS)}`])()
  const w = inner.length + 4
  return rng.pick([
    () => `+${'-'.repeat(w)}+\n|  ${inner}  |\n+${'-'.repeat(w)}+`,
    () => `${'='.repeat(10 + rng.int(70))}\n${inner}\n${'='.repeat(10 + rng.int(70))}`,
    () => `${'*'.repeat(3 + rng.int(40))} ${inner} ${'*'.repeat(3 + rng.int(40))}`,
    () => `  /\\_/\\\n ( o.o )  ${inner}\n  > ^ <`,
    () => `¯\\_(ツ)_/¯ ${inner} -->> ${inner} <== (-_-) ${rng.pick(['o_O', '>_<', ':-)', ';-)', ':-(', '<3'])}`,
    () => `${inner}\n${rng.pick(['-', '~', '^', '_', '#'])[0]!.repeat(inner.length)}`,
    () => `┌${'─'.repeat(w)}┐\n│  ${inner}  │\n└${'─'.repeat(w)}┘`,
    () => Array.from({length: 3 + rng.int(5)}, (_, i) => `${' '.repeat(i)}${'#'.repeat(1 + rng.int(30))}${i === 1 ? ` ${inner}` : ''}`).join('\n'),
  ])()
}

/** A very long line: sentences or a token repeated with no line break (a page saved without paragraphs, a run-on list). */
function longLine(rng: Rng, sources: readonly string[]): string {
  return rng.pick([
    () => Array.from({length: 50 + rng.int(400)}, () => quotedWords(rng, sources)).join(rng.pick([' ', ', ', '; ', ' | ', ' • '])),
    () => `${rng.pick(['$', '€', '', 'Mr. ', '“'])}${rng.pick(['1', '9', '0', '1,000,', 'Ab', 'aB1', 'x-'])}`.repeat(100 + rng.int(3000)),
    () => `https://example.com/${'a/b-c_d?e=1&f=%20'.repeat(20 + rng.int(400))}`,
    () => Array.from({length: 100 + rng.int(800)}, () => `${rng.pick(PEOPLE.slice(0, 5))} ${shapedAmount(rng)}`).join(' '),
    () => `${rng.pick(['Jean-', 'al-', 'Smith-', 'co-'])}`.repeat(100 + rng.int(2000)) + rng.pick(['Marie', 'Roe', '']),
  ])()
}

/** Inserts `piece` with an emoji before it now and then, so code-point and UTF-16 offsets differ after it. */
function withEmoji(rng: Rng, piece: string): string {
  return rng.chance(0.5) ? `${rng.pick(EMOJI)} ${piece}` : piece
}

/**
 * Unicode and layout pieces (fuzz8), in no earlier list, so every seed of the default, shapes, news and signs runs
 * stays its case: `--only uni` (or names) runs them.
 */
export const UNICODE_SHAPES: readonly Mutation[] = [
  {name: 'uni-nfd-marks', apply: (t, rng) => {
    const out = rng.chance(0.5) ? t.normalize('NFD') : t
    return markFigures(insertSentence(out, rng, withEmoji(rng, moneySentence(rng).normalize('NFD'))), rng)
  }},
  {name: 'uni-bidi', apply: (t, rng) => {
    let out = t
    for (let i = 1 + rng.int(5); i > 0; i--) out = insertAt(out, rng, ` ${withEmoji(rng, bidiPiece(rng))} `)
    // and now and then the controls on the text's own figures and capitalised words
    return rng.chance(0.5) ? out.replace(/\b(?:\d[\d,.]*|\p{Lu}\p{Ll}+)\b/gu, (m) => (rng.chance(0.2) ? `${rng.pick(BIDI)}${m}${rng.pick(BIDI)}` : m)) : out
  }},
  {name: 'uni-fullwidth-money', apply: (t, rng) => {
    const piece = () => {
      const amount = shapedAmount(rng)
      return rng.pick([
        () => fullWidth(amount), () => amount.replace(/\$/g, '＄').replace(/¥/g, '￥').replace(/£/g, '￡').replace(/¢/g, '￠'),
        () => `${rng.pick(['＄', '￥', '￡', '￦', '￠'])}${rng.chance(0.5) ? fullWidth(String(rng.int(100000))) : String(rng.int(100000))}${rng.pick(['', '億', '万', ' million', '円', '元'])}`,
        () => `${fullWidth(String(rng.int(1000)))}${rng.pick(['％', '%', ' ％', '円', '元', 'ドル', '月', '日'])}`,
        () => `${fullWidth(String(1990 + rng.int(40)))}年${fullWidth(String(1 + rng.int(12)))}月${fullWidth(String(1 + rng.int(28)))}日`,
      ])()
    }
    let out = t
    for (let i = 1 + rng.int(5); i > 0; i--) out = insertAt(out, rng, ` ${withEmoji(rng, piece())} `)
    return out
  }},
  {name: 'uni-nb-spaces', apply: (t, rng) => {
    let out = t
    for (let i = 1 + rng.int(5); i > 0; i--) out = insertSentence(out, rng, withEmoji(rng, `${rng.pick(['It cost', 'Le prix est de', 'On', 'Revenue was', 'Es kostet'])} ${spacedFigure(rng)}${rng.pick(['.', ',', '', ' et ', ' ('])} ${rng.chance(0.5) ? spacedFigure(rng) : ''}`))
    return out
  }},
  {name: 'uni-long-line', apply: (t, rng, sources) => insertSentence(rng.chance(0.3) ? t.replace(/\s*\n\s*/g, ' ') : t, rng, withEmoji(rng, longLine(rng, sources)))},
  {name: 'uni-table', apply: (t, rng) => insertSentence(t, rng, `\n\n${withEmoji(rng, tablePiece(rng))}\n\n`)},
  {name: 'uni-nested-quotes', apply: (t, rng, sources) => {
    let out = t
    for (let i = 1 + rng.int(3); i > 0; i--) out = insertSentence(out, rng, withEmoji(rng, nestedQuote(rng, sources)))
    return out
  }},
  {name: 'uni-ascii-art', apply: (t, rng) => insertSentence(t, rng, `\n${withEmoji(rng, asciiArt(rng))}\n`)},
]

/** One generated input: the seed and mutations that made it, and its text as a reader hands it to the stages. */
export interface FuzzCase {
  seed: number
  source: number
  mutations: string[]
  text: string
}

/** The case of `seed`: a window of a source text with 1-4 mutations, scrubbed as the JSONL reader scrubs a `text` field. */
export function makeCase(seed: number, sources: readonly string[], maxChars = 4000, mutations: readonly Mutation[] = MUTATIONS): FuzzCase {
  const rng = createRng(seed)
  const source = rng.int(sources.length)
  let text = sources[source]!
  if (text.length > maxChars) {
    const start = boundary(text.slice(0, text.length - maxChars), rng)
    text = text.slice(start, start + maxChars)
  }
  const names: string[] = []
  const n = 1 + rng.int(4)
  for (let i = 0; i < n; i++) {
    const m = rng.pick(mutations)
    names.push(m.name)
    text = m.apply(text, rng, sources)
  }
  // a reader removes control characters and turns CR/CRLF into LF before any stage sees the text (src/io/decode.ts)
  return {seed, source, mutations: names, text: scrubText(text).text}
}

// ---------------------------------------------------------------------------------------------------------------
// invariants

/** A broken invariant: `kind` says which (the minimiser keeps it), `detail` says where. */
export interface Violation {
  kind: string
  detail: string
}

// spans an analyst reads as words: they start and end on whole letters, without edge spaces, inside one paragraph
const ANNOTATIONS = new Set(['entities', 'money', 'cue', 'speaker', 'quotes'])
// a combining mark after a letter (or after another mark on one): a span edge there cuts the letter in two
const MARK = /^\p{M}/u
const LETTER_OR_MARK = /[\p{L}\p{M}]$/u

/** Whether offset `i` falls between a letter and a combining mark on it ("Jose" of "José" written e + U+0301). */
function cutsLetter(text: string, i: number): boolean {
  return i > 0 && MARK.test(text.slice(i, i + 1)) && LETTER_OR_MARK.test(text.slice(Math.max(0, i - 2), i))
}

/** Whether offset `i` falls between a character that is no letter, space or line break and a combining mark on it. */
function cutsOther(text: string, i: number): boolean {
  return i > 0 && MARK.test(text.slice(i, i + 1)) && /[^\p{L}\p{M}\s]$/u.test(text.slice(Math.max(0, i - 2), i))
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
/** Whether offset `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))
}

/** The code points `[start, end)` of `text`, as a record's code-point offsets mean them. */
function codePointSlice(points: readonly string[], start: number, end: number): string {
  return points.slice(start, end).join('')
}

// a figure of apostrophe groups where the number finder reads one: not after a letter, digit, "/ . , : '", nor a hyphen
// or dash glued to a word or number ("1996-34'699'479", "IMKB-52'945"), nor a digit and a space ("3 306'503": a later
// group of a figure grouped otherwise)
const APOSTROPHE_FIGURE = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}/.,:'’])(?<![\\p{L}\\p{M}\\p{N}][-–])(?<![\\p{N}]\\s)${groupedIntegerSource(GROUP_APOSTROPHES)}`, 'gu')

const COMPAT_SIGN = /[\ufe69\uff04\uffe0\uffe1\uffe5\uffe6]/
const COMPAT_SIGN_ALL = new RegExp(COMPAT_SIGN.source, 'g')

/** Runs one text as a worker runs a document and checks every invariant; the output JSON is returned for the determinism check. */
export function checkText(pipeline: Pipeline, text: string, id = 'fuzz'): {violations: Violation[]; output: string} {
  const violations: Violation[] = []
  const add = (kind: string, detail: string) => violations.push({kind, detail})
  const doc = createDoc({id, source: `${id}.jsonl:1`, text})
  const result = processToResult(pipeline, doc)
  const lines = result.lines
  for (const line of lines.errors.split('\n').filter(Boolean)) {
    const error = JSON.parse(line) as {code: string; message: string}
    add(`error:${error.code}`, error.message.slice(0, 300))
  }
  for (const message of doc.messages) if (message.fatal && !lines.errors.includes(message.code)) add(`fatal:${message.code}`, message.message.slice(0, 300))
  const out = doc.text
  // UTF-16 spans on the document, every layer
  const spanLayers: Array<[string, ReadonlyArray<Span> | undefined, boolean]> = [
    ['paragraphs', doc.paragraphs, false],
    ['sentences', doc.sentences, true],
    ['tokens', doc.tokens, true],
    ['lineHyphens', doc.lineHyphens, true],
    ['entities', doc.entities, true],
    ['quotes', doc.quotes, false],
    ['money', doc.money, true],
    ['dateline', doc.dateline ? [doc.dateline] : [], true],
    ['cue', doc.quotes?.flatMap((q) => (q.cueSpan ? [q.cueSpan] : [])), true],
    ['speaker', doc.quotes?.flatMap((q) => (q.speaker.start !== null && q.speaker.end !== null ? [{start: q.speaker.start, end: q.speaker.end}] : [])), true],
  ]
  for (const [layer, spans, nonEmpty] of spanLayers) {
    for (const s of spans ?? []) {
      const where = `${layer} [${s.start}, ${s.end}) of ${out.length}`
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= out.length && (nonEmpty ? s.start < s.end : s.start <= s.end))) {
        add(`span:${layer}:out-of-range`, where)
      } else if (splitsPair(out, s.start) || splitsPair(out, s.end)) {
        add(`span:${layer}:splits-surrogate-pair`, `${where}: ${JSON.stringify(out.slice(Math.max(0, s.start - 2), s.end + 2))}`)
      } else if (ANNOTATIONS.has(layer) && s.start < s.end) {
        const inner = out.slice(s.start, s.end)
        // a mark belongs to the letter before it: a span that starts on one, or ends before one, cuts a letter in two ("Jose" of "José" written e + U+0301)
        if (cutsLetter(out, s.start) || cutsLetter(out, s.end)) add(`span:${layer}:splits-combining-mark`, `${where}: ${JSON.stringify(out.slice(Math.max(0, s.start - 3), s.end + 3))}`)
        // (fuzz8) and none ends before a mark on a digit, sign or mark of its own ("5%" of "5%" + U+0308): its last
        // character is another one with the mark
        else if (cutsOther(out, s.end)) add(`span:${layer}:ends-before-mark`, `${where}: ${JSON.stringify(out.slice(Math.max(0, s.start - 3), s.end + 3))}`)
        if (/^\s|\s$/.test(inner)) add(`span:${layer}:edge-space`, `${where}: ${JSON.stringify(inner)}`)
        if (layer !== 'quotes' && inner.includes('\n\n')) add(`span:${layer}:crosses-paragraph`, `${where}: ${JSON.stringify(inner.slice(0, 200))}`)
      }
    }
  }
  // layers that are one reading of the text: no two spans overlap (entities: docs/entities.md, one label per span)
  for (const [layer, spans] of [['sentences', doc.sentences], ['tokens', doc.tokens], ['entities', doc.entities], ['money', doc.money]] as const) {
    const sorted = [...(spans ?? [])].sort((a, b) => a.start - b.start || a.end - b.end)
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end) {
        add(`span:${layer}:overlap`, `[${sorted[i - 1]!.start}, ${sorted[i - 1]!.end}) ${JSON.stringify(out.slice(sorted[i - 1]!.start, sorted[i - 1]!.end))} and [${sorted[i]!.start}, ${sorted[i]!.end}) ${JSON.stringify(out.slice(sorted[i]!.start, sorted[i]!.end))}`)
        break
      }
    }
  }
  // a figure is one mention (fuzz6): no entity starts or ends between two of its digits, and no clock time ends before
  // a colon and more digits ("14:30:00" was TIME 14:30 and CARDINAL 00; "3:1" may well be two numbers), and a percentage standing as a word ("fell -3.5%", "68%-31%", "(5%)")
  // is inside some entity (both had none)
  // well-formed apostrophe figures, not a later group of a figure grouped otherwise ("3 306'503": after a digit and one separator)
  const figures = [...out.matchAll(APOSTROPHE_FIGURE)].map((m) => ({start: m.index, end: m.index + m[0].length}))
  for (const e of doc.entities ?? []) {
    for (const at of [e.start, e.end]) {
      // (an apostrophe figure is one number to every finder, src/text/digit-groups.ts: an edge inside it cuts it)
      const group = figures.some((f) => f.start < at && at < f.end)
      if (group || (/[0-9]/.test(out[at - 1] ?? '') && (/[0-9]/.test(out[at] ?? '') || (e.label === 'TIME' && at === e.end && /^:[0-9]/.test(out.slice(at, at + 2)))))) {
        add('span:entities:cuts-figure', `[${e.start}, ${e.end}) ${e.label} ${JSON.stringify(out.slice(e.start, e.end))} in ${JSON.stringify(out.slice(Math.max(0, e.start - 8), e.end + 8))}`)
      }
    }
  }
  for (const m of out.matchAll(/(?<=^|[\s(\[“"‘«—–]|[\s(%]-)[0-9]+(?:\.[0-9]+)?%(?![\p{L}\p{M}\p{N}])/gu)) {
    const start = m.index
    const end = start + m[0].length
    // (a currency symbol before it makes an amount of it, "$ 3%" read as USD 3: garbage either way, the money finder's call)
    const taken = (doc.entities ?? []).some((e) => e.label === 'MONEY' && e.start < end && e.end > start)
    if (!taken && !(doc.entities ?? []).some((e) => e.start <= start && e.end >= end)) add('span:entities:percent-missed', `${JSON.stringify(m[0])} in ${JSON.stringify(out.slice(Math.max(0, start - 12), end + 12))}`)
  }
  // a sign written flush before a number is the number's (docs/fuzz.md, fuzz7), restated here apart from the finders'
  // shared rule: -, − or + after a space, tab, no-break space, ( [ : or = (− and + also at a line's start; a hyphen
  // opening a line is a bullet); a percentage, quantity or count starting right after it left the sign out
  for (const m of out.matchAll(/(?<=^|[\n\u2028\u2029])[−+](?=[0-9])|(?<=[ \t\u00a0(\[:=])[-−+](?=[0-9])/gu)) {
    let i = m.index - 1
    while (i >= 0 && (out[i] === ' ' || out[i] === '\t')) i--
    if (m[0] === '-' && (i < 0 || /[\n\u2028\u2029]/u.test(out[i]!))) continue
    const e = (doc.entities ?? []).find((x) => x.start === m.index + 1 && (x.label === 'PERCENT' || x.label === 'QUANTITY' || x.label === 'CARDINAL'))
    if (e) add('span:entities:sign-outside', `[${e.start}, ${e.end}) ${e.label} ${JSON.stringify(out.slice(e.start, e.end))} in ${JSON.stringify(out.slice(Math.max(0, e.start - 12), e.end + 8))}`)
  }
  // records: their text is what their code-point offsets cover; no two records of a layer cover the same span
  const articleLine = lines.articles.split('\n').find(Boolean)
  if (articleLine !== undefined) {
    const article = JSON.parse(articleLine) as {text: string}
    const points = [...article.text]
    const records = (file: string) => file.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)
    for (const [layer, file] of [['entity', lines.entities], ['quote', lines.quotes], ['money', lines.money]] as const) {
      const seen = new Set<string>()
      for (const r of records(file)) {
        const start = r.start as number
        const end = r.end as number
        if (r.text !== codePointSlice(points, start, end)) add(`record:${layer}:text-not-slice`, `[${start}, ${end}) ${JSON.stringify(r.text)} vs ${JSON.stringify(codePointSlice(points, start, end))}`)
        const key = `${start}:${end}${layer === 'entity' ? '' : ''}`
        if (seen.has(key)) add(`record:${layer}:duplicate`, `[${start}, ${end}) ${JSON.stringify(r.text)}${layer === 'entity' ? ` ${String(r.label)}` : ''}`)
        seen.add(key)
        if (layer === 'quote') {
          const speaker = r.speaker as {mention: string | null; start: number | null; end: number | null}
          if (speaker.start !== null && speaker.mention !== codePointSlice(points, speaker.start, speaker.end!)) add('record:speaker:text-not-slice', `${JSON.stringify(speaker.mention)} at [${speaker.start}, ${speaker.end})`)
          if (r.cueStart !== null && r.cue !== codePointSlice(points, r.cueStart as number, r.cueEnd as number)) add('record:cue:text-not-slice', `${JSON.stringify(r.cue)} at [${String(r.cueStart)}, ${String(r.cueEnd)})`)
        }
      }
    }
    // and every check scripts/check-output.ts makes of a run's records (quotes inside their marks, speakers, cues, money values, ids, counts)
    const failures = new Failures(1)
    checkArticle(failures, {a: JSON.parse(articleLine) as Article, cps: codePoints(out), e: records(lines.entities) as Entity[], q: records(lines.quotes) as Quote[], m: records(lines.money) as Money[]})
    for (const [kind, examples] of failures.examples) add(`output:${kind}`, examples[0] ?? '')
  } else if (violations.length === 0) {
    add('no-article', 'no article record and no error')
  }
  // a currency sign in its compatibility form (full-width ＄ ￥ ￡ ￦ ￠, small ﹩: fuzz8) is that sign: the money found is
  // the money found with each written as its NFKC form, one code unit for one, so at the same offsets
  if (COMPAT_SIGN.test(out)) {
    const folded = out.replace(COMPAT_SIGN_ALL, (c) => c.normalize('NFKC'))
    const plain = processToResult(pipeline, createDoc({id, source: `${id}.jsonl:1`, text: folded})).lines.money
    const figures = (file: string) => file.split('\n').filter(Boolean).map((l) => {
      const {text: _text, ...rest} = JSON.parse(l) as Record<string, unknown>
      return JSON.stringify(rest)
    }).join('\n')
    if (figures(lines.money) !== figures(plain)) add('output:money:compat-sign', `${JSON.stringify(lines.money.slice(0, 300))} vs ${JSON.stringify(plain.slice(0, 300))}`)
  }
  const output = JSON.stringify({articles: lines.articles, entities: lines.entities, quotes: lines.quotes, money: lines.money, errors: lines.errors, summaries: result.summaryLine})
  return {violations, output}
}

/** Checks a text twice (the second run must give the same JSON) and returns every violation. */
export function checkTwice(pipeline: Pipeline, text: string): Violation[] {
  const first = checkText(pipeline, text)
  const second = checkText(pipeline, text)
  if (first.output !== second.output) first.violations.push({kind: 'nondeterministic', detail: 'the same text gave other output the second time'})
  return first.violations
}

// ---------------------------------------------------------------------------------------------------------------
// minimising

/**
 * Deletes pieces of `text` (halves, then smaller chunks, down to single code units) while `fails` holds, then tries
 * lower-casing: a small input that still breaks the same invariant (ddmin, Zeller and Hildebrandt 2002, deletions only).
 */
export function minimise(text: string, fails: (text: string) => boolean, budget = 3000): string {
  let current = text
  let calls = 0
  const tryText = (candidate: string) => {
    if (calls >= budget || candidate === current) return false
    calls++
    if (!fails(candidate)) return false
    current = candidate
    return true
  }
  // first whole lines, then chunks of shrinking size
  let lines = current.split('\n')
  for (let i = 0; i < lines.length && lines.length > 1; ) {
    const candidate = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n')
    if (tryText(candidate)) lines = current.split('\n')
    else i++
  }
  for (let size = Math.max(1, current.length >> 1); size >= 1; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
    for (let at = 0; at < current.length; ) {
      if (!tryText(current.slice(0, at) + current.slice(at + size))) at += size
    }
    if (calls >= budget) break
  }
  // then whitespace runs to one space
  tryText(current.replace(/\s+/g, ' '))
  return current
}

// ---------------------------------------------------------------------------------------------------------------
// command line

const SPEC = {
  name: 'fuzz:stages',
  about:
    'Feeds mutated real text (PolNeAR train/dev, CoNLL-2003 eng.train, article-extraction ground truth from ../shared) through\n' +
    'the news pipeline as a worker processes a document, checks every invariant (docs/fuzz.md) and minimises each failure.\n' +
    'Exit 1 when any invariant failed.',
  options: {
    cases: {type: 'string', default: '2000', check: 'number', description: 'cases to run (each run twice, the second must give the same output)'},
    seed: {type: 'string', default: '1', check: 'number', description: "first case's seed: the case k after it has this seed + k, reproducible anywhere"},
    minutes: {type: 'string', value: '<m>', check: 'number', description: 'run for this many minutes instead of a number of cases'},
    'max-chars': {type: 'string', default: '4000', check: 'number', description: 'longest window of a source text a case starts from'},
    only: {type: 'string', value: '<m1,m2>', description: 'only these mutations (comma-separated names; a wrong name lists them; shapes = every shape-* piece, news = every news-* piece, signs = every signs-* piece, uni = every uni-* piece, which the default run leaves out)'},
    'no-minimise': {type: 'boolean', default: false, description: 'report failures without minimising them'},
    json: {type: 'string', value: '<file>', description: 'write the failures (kind, seed, mutations, minimal input) to this file'},
  },
  example: 'npm run fuzz:stages -- --minutes 10 --seed 1000 --json /tmp/fuzz.json',
} satisfies ScriptSpec

async function main(): Promise<void> {
  const {values} = parseScriptArgs(SPEC)
  const options = {
    cases: Number(values.cases),
    seed: Number(values.seed),
    minutes: values.minutes === undefined ? 0 : Number(values.minutes),
    maxChars: Number(values['max-chars']),
    minimise: !values['no-minimise'],
    json: values.json ?? null,
    only: values.only === undefined ? null : values.only.split(','),
  }
  const shared = fileURLToPath(new URL('../../shared', import.meta.url))
  const {texts, from} = loadSources(shared)
  const every = [...MUTATIONS, ...SHAPES, ...NEWS_SHAPES, ...SIGN_SHAPES, ...UNICODE_SHAPES]
  const mutations = options.only === null ? MUTATIONS : every.filter((m) => options.only!.includes(m.name) || (options.only!.includes('shapes') && SHAPES.includes(m)) || (options.only!.includes('news') && NEWS_SHAPES.includes(m)) || (options.only!.includes('signs') && SIGN_SHAPES.includes(m)) || (options.only!.includes('uni') && UNICODE_SHAPES.includes(m)))
  if (mutations.length === 0) {
    console.error(`fuzz-stages: --only names no mutation; they are: ${every.map((m) => m.name).join(', ')} (and shapes: every shape-*; news: every news-*; signs: every signs-*; uni: every uni-*)`)
    process.exitCode = 2
    return
  }
  const news = pipelineFor({name: 'news', options: {}})
  // every fourth case also through the opt-in token layer (the tags stage)
  const withTokens = pipelineFor({name: 'news', options: {layers: ['tokens']}})
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const deadline = options.minutes > 0 ? started + options.minutes * 60_000 : Infinity
  console.log(`fuzz-stages: ${texts.length} source texts from ${from}; seeds ${options.seed}..; ${options.minutes > 0 ? `${options.minutes} min` : `${options.cases} cases`}`)
  const failures = new Map<string, {kind: string; seed: number; mutations: string[]; detail: string; count: number; minimal?: string}>()
  const outputs = new Map<number, string>()
  let n = 0
  let chars = 0
  const seedEnd = options.minutes > 0 ? Infinity : options.seed + options.cases
  for (let seed = options.seed; seed < seedEnd && performance.now() < deadline; seed++, n++) {
    const c = makeCase(seed, texts, options.maxChars, mutations)
    const pipeline = seed % 4 === 3 ? withTokens : news
    chars += c.text.length
    const first = checkText(pipeline, c.text, `fuzz${seed}`)
    const second = checkText(pipeline, c.text, `fuzz${seed}`)
    const violations = [...first.violations]
    if (first.output !== second.output) violations.push({kind: 'nondeterministic', detail: 'the same text gave other output the second time'})
    // every 50th case is run once more at the end, after thousands of other documents went through the same pipeline
    if (seed % 50 === 0) outputs.set(seed, first.output)
    const kinds = new Set<string>()
    for (const v of violations) {
      if (kinds.has(v.kind)) continue
      kinds.add(v.kind)
      const known = failures.get(v.kind)
      if (known) {
        known.count++
        continue
      }
      const failure = {kind: v.kind, seed, mutations: c.mutations, detail: v.detail, count: 1} as {kind: string; seed: number; mutations: string[]; detail: string; count: number; minimal?: string}
      failures.set(v.kind, failure)
      console.log(`\n[${v.kind}] seed ${seed} (${c.mutations.join(', ')}; ${c.text.length} chars): ${v.detail}`)
      if (options.minimise) {
        const fails = (text: string) => checkTwice(pipeline, text).some((w) => w.kind === v.kind)
        failure.minimal = minimise(c.text, fails)
        console.log(`  minimal (${failure.minimal.length} chars): ${JSON.stringify(failure.minimal)}`)
      }
    }
    if (n % 500 === 499) console.log(`  ... ${n + 1} cases, ${failures.size} kinds of failure, ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  for (const [seed, output] of outputs) {
    const again = checkText(seed % 4 === 3 ? withTokens : news, makeCase(seed, texts, options.maxChars, mutations).text, `fuzz${seed}`).output
    if (again !== output) {
      console.log(`\n[nondeterministic-across-run] seed ${seed}: other output after the rest of the run`)
      failures.set(`nondeterministic-across-run:${seed}`, {kind: 'nondeterministic-across-run', seed, mutations: [], detail: '', count: 1})
    }
  }
  const cpu = process.cpuUsage(cpuStarted)
  const digest = createHash('sha256').update([...failures.keys()].sort().join('\n')).digest('hex').slice(0, 8)
  console.log(`\nfuzz-stages: ${n} cases (${(chars / 1e6).toFixed(2)} M chars, each run twice) in ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${failures.size} kinds of failure${failures.size > 0 ? ` (${digest})` : ''}`)
  for (const f of failures.values()) console.log(`  ${f.kind}: ${f.count} case(s), first seed ${f.seed}${f.minimal !== undefined ? `, minimal ${JSON.stringify(f.minimal)}` : ''}`)
  if (options.json) writeFileSync(options.json, `${JSON.stringify([...failures.values()], null, 2)}\n`)
  process.exitCode = failures.size > 0 ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
