/**
 * Checks a `lede run` output folder for records that do not say what their offsets say: every span must slice the
 * article text (in Unicode code points, as a user's Python would) to the record's own text, quotes must sit inside
 * their marks, speakers and cues must slice to their words, money values must parse, and records of one kind must
 * not overlap. It reads the JSONL files only (no lede code), so it checks the output as a user meets it.
 *
 *   node --import tsx scripts/check-output.ts <out-dir> [--examples 5] [--json]
 *
 * Exit 0 when nothing is wrong, 1 when a check failed (each failure counted by kind, with examples), 2 on usage.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

type Span = {start: number; end: number}
/** An article record, as far as the checks read it. */
export type Article = {id: string; text: string; dateline: ({place: string} & Span) | null; counts: Record<string, number>}
/** An entity record, as far as the checks read it. */
export type Entity = Span & {docId: string; id: string; text: string; label: string; entityId: string}
type Speaker = Span & {mention: string | null; name: string | null; entityId: string | null}
/** A quote record, as far as the checks read it. */
export type Quote = Span & {docId: string; id: string; text: string; kind: string; cue: string | null; cueStart: number | null; cueEnd: number | null; speaker: Speaker | null; unclosed?: boolean}
/** A money record, as far as the checks read it. */
export type Money = Span & {docId: string; id: string; text: string; amount: number; value: string; currency: string; min?: number; max?: number; equivalentOf?: string}

// opening and closing marks any quote style of docs/quotes.md uses; dashes open em-dash dialogue
const OPENERS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '`', '—', '–', '―', '‚'])
const CLOSERS = new Set(['"', '”', '“', '’', '‘', "'", '»', '«', '›', '‹', '—', '–', '―'])

/** Reads a JSONL file into objects (an absent file is empty). */
function readJsonl<T>(path: string): T[] {
  let raw: string
  try {
    raw = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  return raw.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as T)
}

/** Collects failures by kind, keeping a few examples of each. */
export class Failures {
  readonly counts = new Map<string, number>()
  readonly examples = new Map<string, string[]>()
  checks = 0
  constructor(readonly keep: number) {}
  check(ok: boolean, kind: string, example: () => string): void {
    this.checks++
    if (ok) return
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1)
    const list = this.examples.get(kind) ?? []
    if (list.length < this.keep) list.push(example())
    this.examples.set(kind, list)
  }
}

/** Returns code points of a text as an array, so slices count astral characters as one. */
export function points(text: string): string[] {
  return Array.from(text)
}

/**
 * Whether `written` starts with `place` as the dateline finder reads it: a line break inside a paragraph reads as a
 * space, and a line-end hyphen may be closed ("Nige-\nria" reads "Nigeria", "long-\nterm" reads "long-term").
 */
function readsAs(written: string, place: string): boolean {
  const from = (i: number, j: number): boolean => {
    if (j === place.length) return true
    if (i >= written.length) return false
    if (written[i] === '-' && written[i + 1] === '\n') {
      let k = i + 2
      while (written[k] === ' ' || written[k] === '\t') k++
      if (from(k, j) || (place[j] === '-' && from(k, j + 1))) return true
    }
    if (written[i] === '\n') return place[j] === ' ' && from(i + 1, j + 1)
    return written[i] === place[j] && from(i + 1, j + 1)
  }
  return from(0, 0)
}

/** The span from a quote's cue to its speaker mention (either first), or null when it has neither. */
function attribution(r: Quote): Span | null {
  const spans: Span[] = []
  if (r.cueStart !== null && r.cueEnd !== null) spans.push({start: r.cueStart, end: r.cueEnd})
  if (r.speaker && r.speaker.start !== null && r.speaker.end !== null) spans.push({start: r.speaker.start, end: r.speaker.end})
  if (spans.length === 0) return null
  return {start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end))}
}

function slice(cps: string[], start: number, end: number): string {
  return cps.slice(start, end).join('')
}

function validSpan(cps: string[], span: Span): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= cps.length
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/** Reports pairs of records of one kind that overlap, in one document (records sorted by start). */
function checkNoOverlap(f: Failures, kind: string, records: (Span & {id: string; text: string})[]): void {
  const sorted = [...records].sort((a, b) => a.start - b.start || a.end - b.end)
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!
    const b = sorted[i]!
    f.check(!overlaps(a, b), `${kind}:overlap`, () => `${a.id} [${a.start},${a.end}) ${JSON.stringify(a.text)} / ${b.id} [${b.start},${b.end}) ${JSON.stringify(b.text)}`)
  }
}

// (and what the quotes stage's trim reads as padding since 9998900, src/quotes/marks.ts: a soft hyphen, word joiner,
// direction mark or embedding between a mark and the quote's text; fuzz8 seeds 6101864, 6102232)
function isWhite(ch: string | undefined): boolean {
  return ch !== undefined && /^[\s\u00a0\u200b-\u200d\u2028\u2029\ufeff\u00ad\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u.test(ch)
}

// words in -ing that are nouns, pronouns or prepositions rather than participles
const ING_WORDS = new Set(`nothing something anything everything during according including regarding concerning following
  morning evening meeting building spending funding spring string`.split(/\s+/))

/** Whether a text opens with a participle in -ing of more than five letters, in lower case ("telling reporters"). */
function opensWithParticiple(text: string): boolean {
  const word = /^\p{Ll}+/u.exec(text)?.[0] ?? ''
  return word.length > 5 && word.endsWith('ing') && !ING_WORDS.has(word)
}

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/

/** Runs every check on one article and its records (`cps`: the article text's code points). */
export function checkArticle(f: Failures, {a, cps, e, q, m}: {a: Article; cps: string[]; e: Entity[]; q: Quote[]; m: Money[]}): void {
  const at = (s: Span) => `${a.id} [${s.start},${s.end})`
  // counts say how many records the article has
  f.check(a.counts.entities === e.length && a.counts.quotes === q.length && a.counts.money === m.length, 'article:counts', () =>
    `${a.id} counts ${JSON.stringify(a.counts)} vs ${e.length}/${q.length}/${m.length}`)
  if (a.dateline) {
    const dl = a.dateline
    f.check(validSpan(cps, dl) && readsAs(slice(cps, dl.start, dl.end), dl.place), 'dateline:slice', () =>
      `${at(dl)} place ${JSON.stringify(dl.place)} slice ${JSON.stringify(slice(cps, dl.start, dl.end))}`)
  }
  for (const [kind, records] of [['entity', e], ['quote', q], ['money', m]] as const) {
    for (const r of records) {
      const ok = validSpan(cps, r)
      f.check(ok, `${kind}:span-out-of-text`, () => `${r.id} ${at(r)} length ${cps.length}`)
      if (!ok) continue
      const got = slice(cps, r.start, r.end)
      f.check(got === r.text, `${kind}:slice`, () => `${r.id} text ${JSON.stringify(r.text)} slice ${JSON.stringify(got)}`)
      f.check(r.end > r.start && r.text.trim() === r.text, `${kind}:empty-or-padded`, () => `${r.id} ${JSON.stringify(r.text)}`)
    }
    // ids are <docId>:<letter><n> in offset order
    const letter = kind === 'entity' ? 'e' : kind === 'quote' ? 'q' : 'm'
    records.forEach((r, i) => f.check(r.id === `${a.id}:${letter}${i}`, `${kind}:id-order`, () => `${r.id} at index ${i}`))
    for (let i = 1; i < records.length; i++) {
      const p = records[i - 1]!
      const r = records[i]!
      f.check(p.start < r.start || (p.start === r.start && p.end <= r.end), `${kind}:offset-order`, () => `${p.id} then ${r.id}`)
    }
  }
  checkNoOverlap(f, 'entity', e)
  checkNoOverlap(f, 'quote', q)
  checkNoOverlap(f, 'money', m)

  for (const r of q) {
    if (!validSpan(cps, r)) continue
    if (r.kind !== 'indirect') {
      // a quote's text sits inside its marks: the nearest character before it (white space skipped) opens it
      // (or, in a dash dialogue turn without closing marks, the quote's own attribution stands between its parts:
      // "— Taxes, Jane Roe said, will rise." has "Taxes," closed by the attribution and "will rise." opened by it)
      const said = attribution(r)
      let i = r.start - 1
      while (i >= 0 && isWhite(cps[i])) i--
      let k = i
      while (k >= 0 && (isWhite(cps[k]) || cps[k] === ',' || cps[k] === '.')) k--
      // the attribution's sentence may go on past its cue and speaker ("— A, said the minister on Monday. B."): the
      // turn resumes after that sentence's end, when the quote before shares the attribution and only plain words
      // stand between (fuzz finding "&MD; s,C state Jy. I"), a hard wrap among them ("— e, she said, Gray-⏎s. i", fuzz seed
      // 5001623: the paragraph goes on over a single line break, so does the sentence), its full stop maybe the speaker
      // mention's last character ("– ,” said r.– t", seed 5014962); or a new dash opens the next turn after that sentence
      // ("— A,” he said. — B.", which runs to its paragraph's end as the first turn would)
      const before = q[q.indexOf(r) - 1]
      const resumed =
        said !== null &&
        (k === said.end - 1 ||
          (before !== undefined && r.cueStart !== null && before.cueStart === r.cueStart && said.end < r.start && /^(?:[^\n“”"«»„—–―]|\n(?![^\S\n]*\n))*[.!?…]\s*(?:[—–―]\s+)?$/u.test(slice(cps, /[.!?…]/u.test(cps[said.end - 1] ?? '') ? said.end - 1 : said.end, r.start))))
      // words resumed right after the attribution's comma go back to the quoted sentence ("— Taxes, Jane Roe said, will
      // rise."); a participle there opens the narrative's clause, not the quote's ("— We will win, Smith said, telling
      // reporters. The people are with us." output "telling reporters. …" as the turn's words)
      if (said !== null && k === said.end - 1 && cps[i] === ',') {
        f.check(!opensWithParticiple(r.text), 'quote:resumed-participle', () => `${r.id} after ${JSON.stringify(slice(cps, said.start, r.start))} text ${JSON.stringify(r.text.slice(0, 40))}`)
        // and so does an adjunct ("— We will win, Smith said, in an interview. The people are with us.")
        f.check(!/^(?:in|at|during|according to|as|while|without)\s/u.test(r.text), 'quote:resumed-adjunct', () => `${r.id} after ${JSON.stringify(slice(cps, said.start, r.start))} text ${JSON.stringify(r.text.slice(0, 40))}`)
      }
      f.check((i >= 0 && OPENERS.has(cps[i]!)) || resumed, 'quote:no-open-mark', () => `${r.id} before ${JSON.stringify(slice(cps, Math.max(0, r.start - 12), r.start))} text ${JSON.stringify(r.text.slice(0, 40))}`)
      if (!r.unclosed) {
        let j = r.end
        while (j < cps.length && isWhite(cps[j])) j++
        // words resumed after the attribution run to their paragraph's end, where no mark closes them (the white space
        // after them holds the line break, fuzz finding "― p,he said. t\na")
        // (a dash turn closes at its attribution, which may open with an article its speaker mention leaves out: "— We
        // will win, the Kremlin said." names "Kremlin"; fuzz finding "– 3, the T said ", seed 6006107)
        f.check((j < cps.length && CLOSERS.has(cps[j]!)) || (said !== null && (j === said.start || /^(?:the|a|an)\s+$/iu.test(slice(cps, j, said.start)))) || (resumed && (j === cps.length || /[\n\u2028\u2029]/u.test(slice(cps, r.end, j)))), 'quote:no-close-mark', () => `${r.id} after ${JSON.stringify(slice(cps, r.end, r.end + 12))} text …${JSON.stringify(r.text.slice(-40))}`)
      }
    }
    if (r.cue !== null) {
      const cue = {start: r.cueStart!, end: r.cueEnd!}
      f.check(validSpan(cps, cue) && slice(cps, cue.start, cue.end) === r.cue, 'quote:cue-slice', () =>
        `${r.id} cue ${JSON.stringify(r.cue)} slice ${JSON.stringify(slice(cps, cue.start, cue.end))}`)
      f.check(!overlaps(cue, r), 'quote:cue-inside-quote', () => `${r.id} cue ${JSON.stringify(r.cue)} ${at(cue)} quote ${at(r)}`)
    } else {
      f.check(r.cueStart === null && r.cueEnd === null, 'quote:cue-offsets-without-cue', () => r.id)
    }
    const s = r.speaker
    // an unattributed quote carries a speaker whose fields are all null
    if (s && s.mention !== null) {
      f.check(validSpan(cps, s) && slice(cps, s.start, s.end) === s.mention, 'speaker:slice', () =>
        `${r.id} mention ${JSON.stringify(s.mention)} slice ${JSON.stringify(slice(cps, s.start, s.end))}`)
      f.check(!overlaps(s, r), 'speaker:inside-quote', () => `${r.id} mention ${JSON.stringify(s.mention)} ${at(s)} quote ${at(r)}`)
      f.check(q.every((o) => !overlaps(s, o)), 'speaker:inside-a-quote', () => `${r.id} mention ${JSON.stringify(s.mention)} ${at(s)}`)
      if (s.entityId !== null) {
        // a named speaker points at an entity of this article; unless the mention is a pronoun, one mention of it lies in the speaker's words
        const same = e.filter((x) => x.entityId === s.entityId)
        f.check(same.length > 0, 'speaker:entity-missing', () => `${r.id} ${s.entityId}`)
        const pronoun = /^(he|she|they|it|we|i)$/i.test(s.mention)
        if (!pronoun) f.check(same.some((x) => overlaps(x, s)), 'speaker:no-mention-in-span', () => `${r.id} mention ${JSON.stringify(s.mention)} entity ${s.entityId}`)
      }
    }
  }

  const moneyIds = new Map(m.map((x, i) => [x.id, i] as const))
  for (const r of m) {
    f.check(DECIMAL.test(r.value), 'money:value-shape', () => `${r.id} ${JSON.stringify(r.value)}`)
    f.check(Number(r.value) === r.amount, 'money:amount-value', () => `${r.id} amount ${r.amount} value ${r.value}`)
    f.check(/^[A-Z]{3}$/.test(r.currency), 'money:currency', () => `${r.id} ${r.currency}`)
    f.check(/[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|dozen|\ba\s|\ban\s/i.test(r.text),
      'money:no-number', () => `${r.id} ${JSON.stringify(r.text)}`)
    if (r.min !== undefined && r.max !== undefined) f.check(r.min <= r.max, 'money:min-above-max', () => `${r.id} ${r.min}..${r.max}`)
    if (r.min !== undefined && r.max !== undefined) f.check(r.amount === r.min, 'money:range-amount', () => `${r.id} amount ${r.amount} min ${r.min}`)
    if (r.equivalentOf !== undefined) {
      const k = moneyIds.get(r.equivalentOf)
      f.check(k !== undefined && k < moneyIds.get(r.id)! && m[k]!.currency !== r.currency, 'money:equivalent-of', () => `${r.id} -> ${r.equivalentOf}`)
    }
    // README: a MONEY entity has the same span as its money record, unless a name inside the figure took its place
    f.check(e.some((x) => (x.label === 'MONEY' && x.start === r.start && x.end === r.end) || (x.label !== 'MONEY' && x.start >= r.start && x.end <= r.end)), 'money:no-money-entity', () => `${r.id} ${JSON.stringify(r.text)}`)
  }
  for (const x of e) {
    if (x.label === 'MONEY') f.check(m.some((r) => r.start === x.start && r.end === x.end), 'entity:money-without-record', () => `${x.id} ${JSON.stringify(x.text)}`)
  }
}

function main(): number {
  const args = process.argv.slice(2)
  const usage = 'usage: node --import tsx scripts/check-output.ts <out-dir> [--examples 5] [--json]\n'
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage +
      'Checks every record of a lede run output: code-point spans slice the article text to the record text, quotes inside their marks, speakers and cues, money values, overlaps.\n' +
      'Exit 0 when every check passed, 1 when one failed, 2 on a usage error.\n')
    return args.length === 0 ? 2 : 0
  }
  // a mistyped option was ignored (exit 0 on a folder it never checked as asked): one line and exit 2, as every script does
  let parsed
  try {
    parsed = parseArgs({args, options: {examples: {type: 'string', default: '5'}, json: {type: 'boolean'}}, allowPositionals: true, strict: true})
  } catch (error) {
    process.stderr.write(`check-output: ${(error instanceof Error ? error.message : String(error)).split('. ')[0]}\n${usage}`)
    return 2
  }
  const examples = Number(parsed.values.examples)
  if (parsed.positionals.length !== 1 || !Number.isInteger(examples) || examples < 0) {
    process.stderr.write(`check-output: ${parsed.positionals.length !== 1 ? `give one output folder (${parsed.positionals.length} given)` : `--examples takes a whole number, not "${parsed.values.examples}"`}\n${usage}`)
    return 2
  }
  const dir = parsed.positionals[0]!
  const f = new Failures(examples)
  const articles = readJsonl<Article>(join(dir, 'articles.jsonl'))
  const entities = readJsonl<Entity>(join(dir, 'entities.jsonl'))
  const quotes = readJsonl<Quote>(join(dir, 'quotes.jsonl'))
  const money = readJsonl<Money>(join(dir, 'money.jsonl'))
  const byDoc = new Map<string, {a: Article; cps: string[]; e: Entity[]; q: Quote[]; m: Money[]}>()
  for (const a of articles) byDoc.set(a.id, {a, cps: points(a.text), e: [], q: [], m: []})
  const doc = (kind: string, r: {docId: string; id: string}) => {
    const d = byDoc.get(r.docId)
    f.check(d !== undefined, `${kind}:unknown-doc`, () => r.id)
    return d
  }
  for (const e of entities) doc('entity', e)?.e.push(e)
  for (const q of quotes) doc('quote', q)?.q.push(q)
  for (const m of money) doc('money', m)?.m.push(m)

  for (const d of byDoc.values()) checkArticle(f, d)

  const failed = [...f.counts.values()].reduce((s, n) => s + n, 0)
  if (parsed.values.json) {
    process.stdout.write(JSON.stringify({articles: articles.length, entities: entities.length, quotes: quotes.length, money: money.length, checks: f.checks, failed, counts: Object.fromEntries(f.counts), examples: Object.fromEntries(f.examples)}, null, 1) + '\n')
  } else {
    process.stdout.write(`${dir}: ${articles.length} articles, ${entities.length} entities, ${quotes.length} quotes, ${money.length} money; ${f.checks} checks, ${failed} failed\n`)
    for (const [kind, n] of [...f.counts].sort((a, b) => b[1] - a[1])) {
      process.stdout.write(`  ${kind}: ${n}\n`)
      for (const line of f.examples.get(kind) ?? []) process.stdout.write(`    ${line}\n`)
    }
  }
  return failed === 0 ? 0 : 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main()
