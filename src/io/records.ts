import {compareSpans, type Doc, type Span} from '../doc.ts'
import {
  ArticleRecord,
  EntityRecord,
  ErrorRecord,
  MoneyRecord,
  QuoteRecord,
  TokenRecord,
} from '../schema.ts'
import {createCodePointMapper} from './offsets.ts'
import {compileRecordJson, type RecordJson} from './record-json.ts'
import type {z} from 'zod'

/** The validated records one document turns into (as built; their JSON as written, in the schemas' key order, is {@link buildRecords}' `lines`). */
export interface DocRecords {
  article: ArticleRecord | null
  entities: EntityRecord[]
  quotes: QuoteRecord[]
  money: MoneyRecord[]
  errors: ErrorRecord[]
  /** the token layer, when the pipeline computed tags (`--layers tokens`) */
  tokens?: TokenRecord
}

/** A document's records as the JSONL text of each output file ('' when it has none), and how many records each holds. */
export interface DocLines {
  articles: string
  entities: string
  quotes: string
  money: string
  errors: string
  tokens: string
  counts: {articles: number; entities: number; quotes: number; money: number; errors: number; tokens: number}
}

/** The files of {@link DocLines} in the order {@link PackedLines} holds them, then the corpus-stage summary line. */
export const PACKED_FILES = ['articles', 'entities', 'quotes', 'money', 'errors', 'tokens', 'summaries'] as const

/**
 * A document's JSONL (and its corpus-stage summary line) as UTF-8 bytes, one file after another in
 * {@link PACKED_FILES} order: a worker thread hands a batch of them over in one transferred buffer, without a
 * copy, and the main thread writes them without decoding or encoding a string.
 */
export interface PackedLines {
  bytes: Uint8Array
  /** where each file's bytes end in `bytes` (the next one's start) */
  ends: number[]
  counts: DocLines['counts']
}

/** The bytes of one file of packed lines. */
export function packedFile(lines: PackedLines, index: number): Uint8Array {
  return lines.bytes.subarray(index === 0 ? 0 : lines.ends[index - 1]!, lines.ends[index]!)
}

/** Packs documents' lines and summary lines into one buffer (views into it, in order), for a transfer between threads. */
export function packLines(docs: ReadonlyArray<{lines: DocLines; summaryLine: string | null}>): {packed: PackedLines[]; buffer: ArrayBuffer} {
  // at most 3 UTF-8 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units); the text is encoded once
  // into a scratch buffer kept between batches and copied into one of the exact size (the buffer is moved to the
  // main thread, so it cannot be reused), instead of measuring every string's UTF-8 length first and then encoding it
  let bound = 0
  for (const d of docs) bound += linesLength(d.lines) + (d.summaryLine?.length ?? 0)
  bound *= 3
  if (bound > MAX_SCRATCH) return packMeasured(docs)
  if (scratch.length < bound) scratch = Buffer.allocUnsafeSlow(Math.max(bound, 2 * scratch.length))
  let at = 0
  const ranges = docs.map((d) => {
    const start = at
    const ends: number[] = []
    const l = d.lines
    for (const text of [l.articles, l.entities, l.quotes, l.money, l.errors, l.tokens, d.summaryLine ?? '']) {
      at += scratch.write(text, at, 'utf8')
      ends.push(at - start)
    }
    return {start, ends}
  })
  const buffer = new ArrayBuffer(at)
  const view = new Uint8Array(buffer)
  view.set(scratch.subarray(0, at))
  const packed = docs.map((d, i) => ({bytes: view.subarray(ranges[i]!.start, ranges[i + 1]?.start ?? at), ends: ranges[i]!.ends, counts: d.lines.counts}))
  return {packed, buffer}
}

// the scratch buffer of packLines: grown to the largest batch met, up to this size; a larger batch (a document of
// megabytes) is measured and encoded straight into its own buffer instead
const MAX_SCRATCH = 64 * 1024 * 1024
let scratch = Buffer.allocUnsafeSlow(0)

function linesLength(l: DocLines): number {
  return l.articles.length + l.entities.length + l.quotes.length + l.money.length + l.errors.length + l.tokens.length
}

// every string's UTF-8 length measured, then each encoded in place
function packMeasured(docs: ReadonlyArray<{lines: DocLines; summaryLine: string | null}>): {packed: PackedLines[]; buffer: ArrayBuffer} {
  const texts = (d: {lines: DocLines; summaryLine: string | null}) => [d.lines.articles, d.lines.entities, d.lines.quotes, d.lines.money, d.lines.errors, d.lines.tokens, d.summaryLine ?? '']
  let total = 0
  for (const d of docs) for (const text of texts(d)) total += Buffer.byteLength(text, 'utf8')
  const buffer = new ArrayBuffer(total)
  const view = Buffer.from(buffer)
  let at = 0
  const packed = docs.map((d) => {
    const start = at
    const ends: number[] = []
    for (const text of texts(d)) {
      at += view.write(text, at, 'utf8')
      ends.push(at - start)
    }
    return {bytes: view.subarray(start, at), ends, counts: d.lines.counts}
  })
  return {packed, buffer}
}

const compiledWriters = new WeakMap<z.ZodType, RecordJson>()

/**
 * Checks records against their schema and writes the JSONL text of those that pass: each line is
 * `JSON.stringify(schema.parse(record))`, from the schema's compiled fast path when it is sure and from zod otherwise;
 * a record zod rejects is left out and handed to `rejected` with zod's error.
 */
export function checkRecords(schema: z.ZodType, records: readonly unknown[], rejected: (record: unknown, error: z.ZodError) => void): {text: string; count: number} {
  let fast = compiledWriters.get(schema)
  if (fast === undefined) compiledWriters.set(schema, (fast = compileRecordJson(schema)))
  const lines = new JsonlText()
  for (const record of records) {
    const line = fast(record)
    if (line !== null) {
      lines.push(line)
      continue
    }
    const parsed = schema.safeParse(record)
    if (parsed.success) lines.push(JSON.stringify(parsed.data))
    else rejected(record, parsed.error)
  }
  return {text: lines.text(), count: lines.length}
}

/**
 * Serialises validated records to JSONL text, one line per record, where the document was processed: a worker
 * thread hands the main thread (which only writes) a few strings instead of a tree of objects to clone and stringify.
 */
export function serializeRecords(records: DocRecords): DocLines {
  const jsonl = (items: readonly unknown[]) => {
    let text = ''
    for (const item of items) text += `${JSON.stringify(item)}\n`
    return text
  }
  const tokens = records.tokens ? [records.tokens] : []
  const articles = records.article ? [records.article] : []
  return {
    articles: jsonl(articles),
    entities: jsonl(records.entities),
    quotes: jsonl(records.quotes),
    money: jsonl(records.money),
    errors: jsonl(records.errors),
    tokens: jsonl(tokens),
    counts: {articles: articles.length, entities: records.entities.length, quotes: records.quotes.length, money: records.money.length, errors: records.errors.length, tokens: tokens.length},
  }
}

/**
 * The output records of a document as JSONL lines (and its article record), and the document as they describe it: its entities, quotes and money
 * reduced to those whose records passed validation, so what is summarised for the corpus stages (the linker,
 * the entity index) is exactly what is written, never a mention whose record was rejected.
 */
export function buildRecords(doc: Doc): {article: ArticleRecord | null; written: Doc; lines: DocLines} {
  const errors: ErrorRecord[] = []
  // tested with `some` first: the empty array `filter` returns for almost every document has another elements kind
  // than one holding messages, and meeting the other kind made V8 compile buildRecords again in each thread
  if (doc.messages.some((m) => m.fatal)) {
    const fatal = doc.messages.filter((m) => m.fatal)
    // a failed document is written only to errors.jsonl, with every fatal message
    const records = {
      article: null,
      entities: [],
      quotes: [],
      money: [],
      errors: fatal.map((m) => ({source: doc.source, docId: doc.id, stage: m.stage, code: m.code, message: m.message})),
    }
    return {article: null, written: {...doc, entities: [], quotes: [], money: []}, lines: serializeRecords(records)}
  }
  const toPoint = createCodePointMapper(doc.text)
  // the record's JSON line: the fast writer derived from the schema when it is sure the record passes, else zod
  // itself (which writes the error record when it does not); both give JSON.stringify(schema.parse(record))
  const check = <S extends z.ZodType>(schema: S, fast: RecordJson, record: unknown, span: Span | null, kind: string, lines: JsonlText): z.infer<S> | null => {
    if (span && (span.start < 0 || span.end > doc.text.length || span.end < span.start)) {
      errors.push(writeError(doc, `write:bad-span`, `${kind} span [${span.start}, ${span.end}) lies outside the text (length ${doc.text.length})`))
      return null
    }
    const line = fast(record)
    if (line !== null) {
      lines.push(line)
      return record as z.infer<S>
    }
    const parsed = schema.safeParse(record)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')
      errors.push(writeError(doc, 'write:invalid-record', `${kind} record failed its schema: ${issues}; record: ${JSON.stringify(record)}`))
      return null
    }
    lines.push(JSON.stringify(parsed.data))
    return parsed.data
  }
  // records are built field by field in their schema's order, with no spread: in V8 an object literal with a
  // spread costs several times more, and this runs for every mention

  const entityLines = new JsonlText()
  const quoteLines = new JsonlText()
  const moneyLines = new JsonlText()
  const articleLines = new JsonlText()
  const tokenLines = new JsonlText()
  // a record is kept only as its line: a long document's records held ~170 bytes each until it was written
  const writtenEntities: NonNullable<Doc['entities']> = []
  const entities = doc.entities ?? []
  const entityOrder = sortedOrder(entities)
  for (let i = 0; i < entities.length; i++) {
    const e = entities[entityOrder === null ? i : entityOrder[i]!]!
    // every key present (an absent role is undefined, which the writer and JSON leave out as they leave out a missing
    // key): records of one shape keep the writer's property reads monomorphic
    const built: Record<string, unknown> = {docId: doc.id, id: `${doc.id}:e${i}`, text: doc.text.slice(e.start, e.end), start: toPoint(e.start), end: toPoint(e.end), label: e.label, canonical: e.canonical, entityId: e.entityId, role: e.role ? e.role : undefined}
    const record = check(
      EntityRecord,
      ENTITY_JSON,
      built,
      e,
      'entity',
      entityLines,
    )
    if (record) writtenEntities.push(e)
  }

  const writtenQuotes: NonNullable<Doc['quotes']> = []
  const quotes = doc.quotes ?? []
  const quoteOrder = sortedOrder(quotes)
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[quoteOrder === null ? i : quoteOrder[i]!]!
    const s = q.speaker
    const speaker = {
      mention: asWritten(doc.text, s.mention, s.start, s.end),
      start: s.start === null ? null : toPoint(s.start),
      end: s.end === null ? null : toPoint(s.end),
      name: s.name,
      entityId: s.entityId,
    }
    const built: Record<string, unknown> = {
      docId: doc.id,
      id: `${doc.id}:q${i}`,
      text: doc.text.slice(q.start, q.end),
      start: toPoint(q.start),
      end: toPoint(q.end),
      kind: q.kind,
      cue: q.cueSpan ? asWritten(doc.text, q.cue, q.cueSpan.start, q.cueSpan.end) : q.cue,
      cueLemma: q.cueLemma,
      cueStart: q.cueSpan ? toPoint(q.cueSpan.start) : null,
      cueEnd: q.cueSpan ? toPoint(q.cueSpan.end) : null,
      speaker,
      unclosed: q.unclosed ? true : undefined,
    }
    const record = check(
      QuoteRecord,
      QUOTE_JSON,
      built,
      q,
      'quote',
      quoteLines,
    )
    if (record) writtenQuotes.push(q)
  }

  const writtenMoney: NonNullable<Doc['money']> = []
  const moneyList = doc.money ?? []
  // ids follow sorted order, so a conversion's pointer is remapped through the sort
  const moneyOrder = sortedOrder(moneyList)
  const moneyId = new Map<number, string>()
  for (let i = 0; i < moneyList.length; i++) moneyId.set(moneyOrder === null ? i : moneyOrder[i]!, `${doc.id}:m${i}`)
  for (let i = 0; i < moneyList.length; i++) {
    const m = moneyList[moneyOrder === null ? i : moneyOrder[i]!]!
    const built: Record<string, unknown> = {
      docId: doc.id,
      id: `${doc.id}:m${i}`,
      text: doc.text.slice(m.start, m.end),
      start: toPoint(m.start),
      end: toPoint(m.end),
      amount: m.amount,
      value: m.value,
      currency: m.currency,
      currencyAssumed: m.currencyAssumed,
      qualifier: m.qualifier,
      min: m.min,
      max: m.max,
      per: m.per,
      equivalentOf: m.equivalentOf !== undefined ? moneyId.get(m.equivalentOf) : undefined,
      tableScale: m.tableScale,
    }
    const record = check(
      MoneyRecord,
      MONEY_JSON,
      built,
      m,
      'money',
      moneyLines,
    )
    if (record) writtenMoney.push(m)
  }

  const article = check(
    ArticleRecord,
    ARTICLE_JSON,
    {
      id: doc.id,
      source: doc.source,
      title: doc.title,
      text: doc.text,
      ...(doc.meta.url !== undefined ? {url: doc.meta.url} : {}),
      ...(doc.meta.date !== undefined ? {date: doc.meta.date} : {}),
      ...(doc.meta.byline !== undefined ? {byline: doc.meta.byline} : {}),
      ...(doc.meta.extra !== undefined && Object.keys(doc.meta.extra).length > 0 ? {meta: doc.meta.extra} : {}),
      ...(doc.dateline !== undefined ? {dateline: doc.dateline === null ? null : {...doc.dateline, start: toPoint(doc.dateline.start), end: toPoint(doc.dateline.end)}} : {}),
      removed: doc.removed ?? [],
      counts: {
        paragraphs: doc.paragraphs?.length ?? 0,
        sentences: doc.sentences?.length ?? 0,
        tokens: doc.tokens?.length ?? 0,
        entities: writtenEntities.length,
        quotes: writtenQuotes.length,
        money: writtenMoney.length,
      },
      warnings: doc.messages.map((m) => ({
        code: m.code,
        message: m.message,
        ...(m.start !== undefined && m.end !== undefined ? {start: toPoint(m.start), end: toPoint(m.end)} : {}),
      })),
    },
    null,
    'article',
    articleLines,
  )
  if (doc.tags && doc.tokens) {
    try {
      check(TokenRecord, TOKEN_JSON, tokenRecord(doc, toPoint), null, 'tokens', tokenLines)
    } catch (error) {
      // the token record is one line per article: 8 million tokens (an 8 Mi-character article of one-character tokens,
      // such as CJK text) pass the longest string V8 holds. Its other records are written; the error says why this is not
      if (!isStringTooLong(error)) throw error
      errors.push(writeError(doc, 'write:record-too-large', `the tokens record of this article (${doc.tokens.length} tokens) would be longer than the longest line Node.js can hold (${MAX_STRING_LENGTH} characters): it is not written, the article's other records are; split the article to get its tokens`))
    }
  }
  // in offset order, as written; a layer not computed stays not computed
  const written: Doc = {
    ...doc,
    ...(doc.entities !== undefined ? {entities: writtenEntities} : {}),
    ...(doc.quotes !== undefined ? {quotes: writtenQuotes} : {}),
    ...(doc.money !== undefined ? {money: writtenMoney} : {}),
  }
  const lines: DocLines = {
    articles: articleLines.text(),
    entities: entityLines.text(),
    quotes: quoteLines.text(),
    money: moneyLines.text(),
    errors: serializeRecords({article: null, entities: [], quotes: [], money: [], errors}).errors,
    tokens: tokenLines.text(),
    counts: {articles: articleLines.length, entities: entityLines.length, quotes: quoteLines.length, money: moneyLines.length, errors: errors.length, tokens: tokenLines.length},
  }
  return {article, written, lines}
}

/** The longest string V8 holds (2^29 - 24 characters on 64-bit builds): a JSONL line cannot be longer. */
export const MAX_STRING_LENGTH = 2 ** 29 - 24

/** Whether an error is V8's refusal to make a string longer than {@link MAX_STRING_LENGTH} ('Invalid string length'). */
export function isStringTooLong(error: unknown): boolean {
  return error instanceof RangeError && /invalid string length/i.test(error.message)
}

/** Lines joined into flat text every this many lines (see {@link JsonlText}). */
const JSONL_CHUNK = 256

/**
 * One file's JSONL text, built line by line. A line from the record writers is a rope of a few dozen pieces (each
 * `t += …` is a V8 cons string), and a rope of ropes kept until the document is written held several times the
 * text's size (a 10 MB document: ~140 MB of cons cells for its 185,000 entity lines); `join` copies lines into one
 * flat string, so joining every few hundred lines lets their pieces go at once. Same text as `lines.join('')`.
 */
class JsonlText {
  private pending: string[] = []
  private readonly chunks: string[] = []
  length = 0

  push(line: string): void {
    this.pending.push(line)
    this.length++
    if (this.pending.length >= JSONL_CHUNK) this.flush()
  }

  /** every line pushed, each followed by a newline ('' when none) */
  text(): string {
    this.flush()
    return this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join('')
  }

  private flush(): void {
    if (this.pending.length === 0) return
    this.pending.push('')
    this.chunks.push(this.pending.join('\n'))
    this.pending = []
  }
}

// tokens are in text order, and so are sentences: one sweep gives each token its sentence
function tokenRecord(doc: Doc, toPoint: (utf16: number) => number): TokenRecord {
  const tokens = doc.tokens!
  const tags = doc.tags!
  const sentences = doc.sentences ?? []
  let s = 0
  return {
    docId: doc.id,
    tokens: tokens.map((t, i) => {
      while (s < sentences.length && sentences[s]!.end <= t.start) s++
      const inSentence = s < sentences.length && sentences[s]!.start <= t.start
      const tag = tags[i] ?? {pos: 'X', lemma: doc.text.slice(t.start, t.end)}
      return {start: toPoint(t.start), end: toPoint(t.end), kind: t.kind, sentence: inSentence ? s : null, pos: tag.pos, lemma: tag.lemma}
    }),
  }
}

// stages read wraps as spaces; a mention or cue that crosses one is written as it stands in `text`, newline kept,
// so text[start:end] equals it like every other span's text
function asWritten(text: string, value: string | null, start: number | null, end: number | null): string | null {
  if (value === null || start === null || end === null) return value
  const written = text.slice(start, end)
  return written !== value && written.replace(/\n/g, ' ') === value ? written : value
}

/** The original indices of spans in offset order (ties keep their order), or null when they are in that order already. */
export function sortedOrder(items: readonly Span[]): number[] | null {
  // the stages give their spans in order: then no index array is made or sorted
  let sorted = true
  for (let k = 1; k < items.length && sorted; k++) sorted = compareSpans(items[k - 1]!, items[k]!) <= 0
  if (sorted) return null
  return items.map((_, i) => i).sort((a, b) => compareSpans(items[a]!, items[b]!) || a - b)
}

// each record type's fast writer, compiled once from its schema
const ENTITY_JSON = compileRecordJson(EntityRecord)
const QUOTE_JSON = compileRecordJson(QuoteRecord)
const MONEY_JSON = compileRecordJson(MoneyRecord)
const ARTICLE_JSON = compileRecordJson(ArticleRecord)
const TOKEN_JSON = compileRecordJson(TokenRecord)

function writeError(doc: Doc, code: string, message: string): ErrorRecord {
  return {source: doc.source, docId: doc.id, stage: 'write', code, message}
}
