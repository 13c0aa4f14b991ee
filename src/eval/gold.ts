import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'
import {ENTITY_LABELS, type EntityLabel, type Span} from '../doc.ts'

/*
 * Gold fixtures name their annotations by the strings they cover, not by offsets, so the same
 * file scores any cleaned version of an article: the evaluator finds each string in whatever text
 * the run kept. Rules (docs/gold.md): a string marks every whole-word occurrence unless
 * `occurrences`/`occurrence` picks some; longer strings claim text first and overlapping
 * occurrences are skipped; matching is case-sensitive; spans are UTF-16 offsets.
 */

const occurrenceIndex = z.number().int().nonnegative()
const iso4217 = z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as "USD"')

/** The entity labels a gold file annotates when it does not say: the names and DATE (numbers came later). */
export const GOLD_ENTITY_LABELS: readonly EntityLabel[] = ['PERSON', 'ORG', 'LOC', 'MISC', 'DATE']

/** One gold entity string: every whole-word occurrence is a mention unless `occurrences` narrows it. */
export const GoldEntity = z.strictObject({
  text: z.string().min(1),
  label: z.enum(ENTITY_LABELS),
  /** the name the mentions resolve to (defaults to `text`) */
  canonical: z.string().min(1).optional(),
  /** indexes among the string's whole-word occurrences, when not every occurrence is this entity */
  occurrences: z.array(occurrenceIndex).min(1).optional(),
})
export type GoldEntity = z.infer<typeof GoldEntity>

/** Who said a gold quote: the words in the article and the name they resolve to. */
export const GoldSpeaker = z
  .strictObject({
    /** the speaker's words as written, e.g. "he" or "the ministry spokesman John Smith"; null when the article names no one */
    mention: z.string().min(1).nullable(),
    /** the word inside `mention` a predicted mention must overlap when `name` is null (defaults to the whole mention) */
    head: z.string().min(1).optional(),
    /** the person or organisation, null when anonymous */
    name: z.string().min(1).nullable(),
    /** other names accepted as right, e.g. the organisation an unnamed spokesperson speaks for */
    nameAliases: z.array(z.string().min(1)).optional(),
  })
  .superRefine((speaker, ctx) => {
    if (speaker.head !== undefined && (speaker.mention === null || !speaker.mention.includes(speaker.head))) {
      ctx.addIssue({code: 'custom', path: ['head'], message: `head "${speaker.head}" must be part of the mention ${JSON.stringify(speaker.mention)}`})
    }
  })
export type GoldSpeaker = z.infer<typeof GoldSpeaker>

/** One gold quotation: the quoted words without the marks. */
export const GoldQuote = z.strictObject({
  text: z.string().min(1),
  kind: z.enum(['direct', 'partial']),
  speaker: GoldSpeaker,
  /** the index among the string's whole-word occurrences, when it occurs more than once */
  occurrence: occurrenceIndex.optional(),
})
export type GoldQuote = z.infer<typeof GoldQuote>

/** One gold monetary figure with its amount and ISO 4217 currency. */
export const GoldMoney = z.strictObject({
  text: z.string().min(1),
  amount: z.number().finite(),
  currency: iso4217,
  /** the index among the string's whole-word occurrences, when it occurs more than once */
  occurrence: occurrenceIndex.optional(),
})
export type GoldMoney = z.infer<typeof GoldMoney>

/** One gold file: the annotations of one article; a missing layer is not annotated, `[]` means annotated and empty. */
export const GoldFile = z
  .strictObject({
    /** the article's source as the run reports it (the input path relative to the corpus folder) */
    source: z.string().min(1),
    /** free text for annotators */
    note: z.string().optional(),
    entities: z.array(GoldEntity).optional(),
    /** the entity labels the annotator marked (default {@link GOLD_ENTITY_LABELS}); predictions with other labels are not scored */
    entityLabels: z.array(z.enum(ENTITY_LABELS)).min(1).optional(),
    quotes: z.array(GoldQuote).optional(),
    money: z.array(GoldMoney).optional(),
  })
  .superRefine((gold, ctx) => {
    const annotated = new Set(gold.entityLabels ?? GOLD_ENTITY_LABELS)
    for (const [i, e] of (gold.entities ?? []).entries()) {
      if (!annotated.has(e.label)) ctx.addIssue({code: 'custom', path: ['entities', i, 'label'], message: `label ${e.label} is not in entityLabels`})
    }
    checkRepeats(gold.entities ?? [], 'entities', (e) => `${e.text}`, (e) => e.occurrences, ctx)
    checkRepeats(gold.quotes ?? [], 'quotes', (q) => q.text, (q) => (q.occurrence === undefined ? undefined : [q.occurrence]), ctx)
    checkRepeats(gold.money ?? [], 'money', (m) => m.text, (m) => (m.occurrence === undefined ? undefined : [m.occurrence]), ctx)
  })
export type GoldFile = z.infer<typeof GoldFile>

/** A gold file as read from disk, with the path it came from. */
export type GoldDoc = GoldFile & {path: string}

// the same string listed twice must split its occurrences, or one listing would silently win
function checkRepeats<T>(
  items: T[],
  layer: string,
  textOf: (item: T) => string,
  occurrencesOf: (item: T) => number[] | undefined,
  ctx: z.RefinementCtx,
): void {
  const seen = new Map<string, {index: number; occurrences: Set<number> | null}>()
  items.forEach((item, index) => {
    const text = textOf(item)
    const occurrences = occurrencesOf(item)
    if (occurrences && new Set(occurrences).size !== occurrences.length) {
      ctx.addIssue({code: 'custom', path: [layer, index, 'occurrences'], message: `occurrences of "${text}" repeat an index`})
    }
    const before = seen.get(text)
    if (!before) {
      seen.set(text, {index, occurrences: occurrences ? new Set(occurrences) : null})
      return
    }
    const clash = !occurrences || before.occurrences === null || occurrences.some((o) => before.occurrences!.has(o))
    if (clash) {
      ctx.addIssue({
        code: 'custom',
        path: [layer, index, 'text'],
        message: `"${text}" is already listed at ${layer}[${before.index}]; give both listings disjoint occurrence indexes`,
      })
    }
    if (before.occurrences && occurrences) for (const o of occurrences) before.occurrences.add(o)
  })
}

/** A gold file that failed to parse or validate, with one readable line per problem. */
export class GoldError extends Error {
  /** `eval:invalid-gold` */
  readonly code = 'eval:invalid-gold'
  readonly problems: string[]

  /** Builds the error from its problem lines. */
  constructor(problems: string[]) {
    super(`[eval:invalid-gold] ${problems.length} problem(s) in gold files:\n  ${problems.join('\n  ')}`)
    this.name = 'GoldError'
    this.problems = problems
  }
}

/** Validates parsed JSON against {@link GoldFile}, returning the file or one readable line per problem prefixed by `name`. */
export function validateGold(value: unknown, name: string): {ok: true; gold: GoldFile} | {ok: false; problems: string[]} {
  const parsed = GoldFile.safeParse(value)
  if (parsed.success) return {ok: true, gold: parsed.data}
  const problems = parsed.error.issues.map((issue) => `${name}: ${formatPath(issue.path) || '(file)'}: ${issue.message}`)
  return {ok: false, problems}
}

/** Parses one gold file's JSON text, throwing a {@link GoldError} that names the file and every problem. */
export function parseGold(json: string, name: string): GoldFile {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    // an empty file said "Unexpected end of JSON input"; V8 quotes the text around a bad token, new lines and all,
    // which broke the one line per problem
    if (json.trim() === '') throw new GoldError([`${name}: the file is empty (a gold file is one JSON object: {"source": ..., "entities": [...]}, see docs/gold.md)`])
    throw new GoldError([`${name}: not valid JSON: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`])
  }
  const result = validateGold(value, name)
  if (!result.ok) throw new GoldError(result.problems)
  return result.gold
}

const utf8Strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * A gold file's bytes as text: UTF-8 with or without a byte-order mark, or UTF-16 with one (what Windows Notepad
 * writes as "UTF-8 with BOM" and "Unicode"); other bytes throw a {@link GoldError} naming the file. Read as plain
 * UTF-8, the mark was an invisible character that JSON refused and UTF-16 a screen of replacement characters.
 */
export function decodeGoldBytes(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', {fatal: false, ignoreBOM: true}).decode(bytes.subarray(2))
  }
  // valid UTF-8 as bytes, but JSON refused its NULs with a quote of invisible characters
  if (bytes.includes(0)) throw new GoldError([`${name}: holds NUL bytes (UTF-16 without a byte-order mark?): save it as UTF-8, as docs/gold.md asks`])
  try {
    return utf8Strict.decode(bytes)
  } catch {
    throw new GoldError([`${name}: is not UTF-8 (saved in a legacy encoding such as Windows-1252?): save it as UTF-8, as docs/gold.md asks`])
  }
}

// a corpus in subfolders (2019/jan/story.txt, 2020/jan/story.txt) had its gold mirror them, and only the top folder
// was read; Windows tools save STORY.JSON, which the case-sensitive ".json" test left out: both scored nothing of theirs
/** Lists the gold files in `dir` and its subfolders: every file whose name ends in `.json` (any letter case), as sorted `/`-separated paths relative to `dir`. */
export async function listGoldFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, {withFileTypes: true})) {
      const rel = prefix + entry.name
      // dot folders (.git, .vscode) hold tools' files, never gold
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await walk(join(folder, entry.name), `${rel}/`)
      } else if (entry.name.toLowerCase().endsWith('.json')) found.push(rel)
    }
  }
  await walk(dir, '')
  return found.sort()
}

/**
 * The source a gold file stands for: its `source` as written, or, for a file in a subfolder of the gold folder whose
 * `source` names no folder, that subfolder's path and the name (gold `2019/jan/story.txt.json` with `"source":
 * "story.txt"` stands for `2019/jan/story.txt`), so same-named articles of two folders each get their own gold.
 */
export function resolveGoldSource(source: string, relPath: string): string {
  const slash = relPath.lastIndexOf('/')
  if (slash < 0 || /[\\/]/.test(source)) return source
  return `${relPath.slice(0, slash)}/${source}`
}

/** Reads and validates every gold file in `dir` and its subfolders (see {@link listGoldFiles}), throwing one {@link GoldError} listing all problems. */
export async function readGold(dir: string): Promise<GoldDoc[]> {
  let names: string[]
  try {
    names = await listGoldFiles(dir)
  } catch (error) {
    throw new GoldError([`${dir}: cannot read the gold folder: ${(error as Error).message}`])
  }
  const problems: string[] = []
  const docs: GoldDoc[] = []
  const sources = new Map<string, string>()
  for (const name of names) {
    const path = join(dir, name)
    try {
      const text = decodeGoldBytes(await readFile(path), name)
      // --gold and --pred swapped: a run's manifest read as gold gave zod's lines about "source" and unknown keys
      if (name === 'manifest.json' && isRunManifest(text)) {
        problems.push(`${name}: "${dir}" holds the output of a lede run (its manifest.json), not gold files: --gold takes the folder of hand-written gold files and --pred the run's output folder (swapped?)`)
        continue
      }
      const parsed = parseGold(text, name)
      const gold = {...parsed, source: resolveGoldSource(parsed.source, name)}
      const earlier = sources.get(gold.source)
      if (earlier) problems.push(`${name}: source "${gold.source}" is already annotated in ${earlier}`)
      else sources.set(gold.source, name)
      docs.push({...gold, path})
    } catch (error) {
      if (error instanceof GoldError) problems.push(...error.problems)
      else throw error
    }
  }
  if (problems.length > 0) throw new GoldError(problems)
  return docs
}

function isRunManifest(text: string): boolean {
  try {
    return (JSON.parse(text) as {tool?: unknown} | null)?.tool === 'lede'
  } catch {
    return false
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}

// ---------------------------------------------------------------------------------------------
// locating strings

// letters, digits and combining marks make words; a hyphen between word characters joins them
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const HYPHENS = new Set(['-', '\u2010', '\u2011'])

function charBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const low = text.charCodeAt(index - 1)
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index)
  }
  return text[index - 1]!
}

function charAt(text: string, index: number): string {
  if (index >= text.length) return ''
  return String.fromCodePoint(text.codePointAt(index)!)
}

function isWordChar(ch: string): boolean {
  return ch !== '' && WORD_CHAR.test(ch)
}

// true when the text continues a word across `index` going left (the needle starts at index)
function joinsLeft(text: string, index: number): boolean {
  const prev = charBefore(text, index)
  if (isWordChar(prev)) return true
  return HYPHENS.has(prev) && isWordChar(charBefore(text, index - prev.length))
}

function joinsRight(text: string, index: number): boolean {
  const next = charAt(text, index)
  if (isWordChar(next)) return true
  return HYPHENS.has(next) && isWordChar(charAt(text, index + next.length))
}

/** Finds the non-overlapping whole-word occurrences of `needle` in `text`, left to right, as UTF-16 spans (case-sensitive). */
export function findWholeWord(text: string, needle: string): Span[] {
  if (needle === '') return []
  const checkStart = isWordChar(charAt(needle, 0))
  const checkEnd = isWordChar(charBefore(needle, needle.length))
  const spans: Span[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf(needle, from)
    if (start < 0) break
    const end = start + needle.length
    if ((checkStart && joinsLeft(text, start)) || (checkEnd && joinsRight(text, end))) {
      from = start + 1
      continue
    }
    spans.push({start, end})
    from = end
  }
  return spans
}

/** The layers of a gold file. */
export type GoldLayer = 'entities' | 'quotes' | 'money'

/** Why a gold string did not become (all of) its spans. */
export type GoldProblemCode = 'gold:not-found' | 'gold:occurrence-not-found' | 'gold:shadowed' | 'gold:mention-not-found'

/** A gold string the evaluator could not place; `missing` is how many false negatives it causes. */
export interface GoldProblem {
  layer: GoldLayer
  code: GoldProblemCode
  /** the gold string */
  text: string
  /** the entity label, for entities */
  label?: EntityLabel
  missing: number
  message: string
}

/** A located gold entity mention. */
export interface GoldEntitySpan extends Span {
  label: EntityLabel
  text: string
  canonical: string
}

/** A located gold speaker: the mention and its head as spans when found in the text. */
export interface GoldSpeakerSpan {
  mention: string | null
  name: string | null
  nameAliases: string[]
  mentionSpan: Span | null
  headSpan: Span | null
}

/** A located gold quotation. */
export interface GoldQuoteSpan extends Span {
  text: string
  kind: 'direct' | 'partial'
  speaker: GoldSpeakerSpan
}

/** A located gold monetary figure. */
export interface GoldMoneySpan extends Span {
  text: string
  amount: number
  currency: string
}

/** A gold file placed on one article text: spans for every string found, problems for the rest. */
export interface LocatedGold {
  entities: GoldEntitySpan[]
  quotes: GoldQuoteSpan[]
  money: GoldMoneySpan[]
  problems: GoldProblem[]
}

interface Wanted<T> {
  item: T
  text: string
  /** requested occurrence indexes, undefined for every occurrence */
  occurrences: number[] | undefined
}

interface Placed<T> extends Span {
  item: T
}

// longest strings first; ties keep file order, so the result never depends on sort stability
function placeStrings<T>(
  text: string,
  wanted: Wanted<T>[],
  layer: GoldLayer,
  labelOf: (item: T) => EntityLabel | undefined,
  problems: GoldProblem[],
): Placed<T>[] {
  const order = wanted.map((w, i) => ({w, i})).sort((a, b) => b.w.text.length - a.w.text.length || a.i - b.i)
  const claimed: Span[] = []
  const placed: Placed<T>[] = []
  for (const {w} of order) {
    const label = labelOf(w.item)
    const problem = (code: GoldProblemCode, missing: number, message: string): void => {
      problems.push({layer, code, text: w.text, ...(label ? {label} : {}), missing, message})
    }
    const found = findWholeWord(text, w.text)
    const what = `${layer === 'entities' ? `${label} ` : ''}"${abbreviate(w.text)}"`
    if (found.length === 0) {
      const unseen = findUnseenVariant(text, w.text)
      problem('gold:not-found', w.occurrences?.length ?? 1, `gold string not found: ${what} ${unseen ?? '(maybe removed by clean)'}`)
      continue
    }
    let chosen = found
    if (w.occurrences) {
      const absent = w.occurrences.filter((o) => o >= found.length)
      if (absent.length > 0) {
        problem(
          'gold:occurrence-not-found',
          absent.length,
          `gold occurrence(s) ${absent.join(', ')} of ${what} not found: the text has ${found.length} whole-word occurrence(s) (maybe removed by clean)`,
        )
      }
      chosen = w.occurrences.filter((o) => o < found.length).map((o) => found[o]!)
    }
    let kept = 0
    for (const span of chosen) {
      if (claimed.some((c) => c.start < span.end && span.start < c.end)) continue
      claimed.push(span)
      placed.push({...span, item: w.item})
      kept++
    }
    if (kept === 0 && chosen.length > 0) {
      problem('gold:shadowed', 0, `gold string ${what} is only found inside longer gold strings, so it marks nothing`)
    }
  }
  return placed.sort((a, b) => a.start - b.start || a.end - b.end)
}

// the occurrence of the speaker's words nearest the quote, outside it (earlier wins a tie)
function nearestOutside(text: string, needle: string, quote: Span): Span | null {
  let best: Span | null = null
  let bestGap = Infinity
  for (const span of findWholeWord(text, needle)) {
    if (span.start < quote.end && quote.start < span.end) continue
    const gap = span.end <= quote.start ? quote.start - span.end : span.start - quote.end
    if (gap < bestGap) {
      best = span
      bestGap = gap
    }
  }
  return best
}

/** Places a gold file's strings on an article text (UTF-16 spans), reporting every string it cannot place. */
export function locateGold(gold: GoldFile, text: string): LocatedGold {
  const problems: GoldProblem[] = []
  const entities = placeStrings(
    text,
    (gold.entities ?? []).map((e) => ({item: e, text: e.text, occurrences: e.occurrences})),
    'entities',
    (e) => e.label,
    problems,
  ).map(({start, end, item}) => ({start, end, label: item.label, text: item.text, canonical: item.canonical ?? item.text}))

  const quotes = placeStrings(
    text,
    (gold.quotes ?? []).map((q) => ({item: q, text: q.text, occurrences: q.occurrence === undefined ? undefined : [q.occurrence]})),
    'quotes',
    () => undefined,
    problems,
  ).map(({start, end, item}): GoldQuoteSpan => {
    const {mention, head, name, nameAliases} = item.speaker
    const mentionSpan = mention === null ? null : nearestOutside(text, mention, {start, end})
    let headSpan: Span | null = mentionSpan
    if (mentionSpan && head !== undefined && mention !== null) {
      const inner = findWholeWord(mention, head)[0] ?? {start: mention.indexOf(head), end: mention.indexOf(head) + head.length}
      headSpan = {start: mentionSpan.start + inner.start, end: mentionSpan.start + inner.end}
    }
    if (mention !== null && !mentionSpan) {
      problems.push({
        layer: 'quotes',
        code: 'gold:mention-not-found',
        text: item.text,
        missing: 0,
        message: `speaker mention "${mention}" of quote "${abbreviate(item.text)}" not found outside the quote`,
      })
    }
    return {start, end, text: item.text, kind: item.kind, speaker: {mention, name, nameAliases: nameAliases ?? [], mentionSpan, headSpan}}
  })

  const money = placeStrings(
    text,
    (gold.money ?? []).map((m) => ({item: m, text: m.text, occurrences: m.occurrence === undefined ? undefined : [m.occurrence]})),
    'money',
    () => undefined,
    problems,
  ).map(({start, end, item}) => ({start, end, text: item.text, amount: item.amount, currency: item.currency}))

  return {entities, quotes, money, problems}
}

// characters a screen does not show, by name
const UNSEEN: Record<string, string> = {
  '\u00ad': 'soft hyphen',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'zero-width no-break space',
}
// the Latin ligatures PDF text keeps (pdftotext, copy and paste), which a screen shows as their letters
const LIGATURES: Record<string, string> = {'\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st'}

// a full-width form of an ASCII character (U+FF01-U+FF5E), as text from Chinese, Japanese or Korean sources writes them
const FULL_WIDTH = /[\uff01-\uff5e]/u
const COMBINING = /\p{M}/u

/**
 * Says how the text writes a gold string that was not found as typed, when it is there with characters a screen
 * does not show or shows as others (soft hyphens, zero-width characters, ligatures, runs of spaces, accents written
 * apart from their letters (NFD) or with them, full-width letters) between its letters; null when it is not. An
 * annotator types what the screen shows, so such a string looked present and was not.
 */
export function findUnseenVariant(text: string, needle: string): string | null {
  const fold = (s: string): {folded: string; from: number[]} => {
    let folded = ''
    const from: number[] = []
    for (let i = 0; i < s.length; ) {
      const ch = String.fromCodePoint(s.codePointAt(i)!)
      const at = i
      i += ch.length
      if (UNSEEN[ch] !== undefined) continue
      if (/\s/u.test(ch)) {
        if (folded.endsWith(' ')) continue
        folded += ' '
        from.push(at)
        continue
      }
      // compatibility decomposition: "é" and "e\u0301" fold alike, a ligature to its letters, "Ｊ" to "J"
      const letters = LIGATURES[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch : ch.normalize('NFKD'))
      folded += letters
      for (let k = 0; k < letters.length; k++) from.push(at)
    }
    return {folded, from}
  }
  const wanted = fold(needle).folded.trim()
  if (wanted === '') return null
  const hay = fold(text)
  const at = hay.folded.indexOf(wanted)
  if (at < 0) return null
  const start = hay.from[at]!
  const last = hay.from[at + wanted.length - 1]!
  const end = last + String.fromCodePoint(text.codePointAt(last)!).length
  const written = text.slice(start, end)
  if (written === needle) return null
  const code = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  const odd = [...new Set([...written].filter((ch) => UNSEEN[ch] !== undefined || LIGATURES[ch] !== undefined || COMBINING.test(ch)))]
  const names = odd.map((ch) => (COMBINING.test(ch) ? `${code(ch)} combining mark (an accent written apart from its letter, Unicode NFD)` : `${code(ch)} ${UNSEEN[ch] ?? `ligature ${ch}`}`))
  if (FULL_WIDTH.test(written)) names.push('full-width letters (U+FF01-U+FF5E)')
  // the gold typed with accents apart (NFD) where the text composes them
  if (!COMBINING.test(written) && COMBINING.test(needle.normalize('NFD')) && written.normalize('NFD') === needle.normalize('NFD')) names.push('its accents composed with their letters (Unicode NFC), where the gold string writes them apart')
  const shown = JSON.stringify(abbreviate(written)).replace(/[\u00ad\u200b-\u200d\u2060\ufeff]|\p{M}/gu, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`)
  return `(the text writes it as ${shown}${names.length > 0 ? `, with ${names.join(', ')}` : ''}, which looks alike on screen: write the gold string as the text has it (JSON may spell such characters as \\u00ad))`
}

/** Shortens a long string for messages. */
export function abbreviate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
