import {z} from 'zod'
import {ENTITY_LABELS} from './doc.ts'

/*
 * zod is the source of truth for every record written and every gold file read: TypeScript
 * types come from z.infer and `lede schema` writes JSON Schema from these same objects.
 * Offsets in records are Unicode code points (what Python and DuckDB count), half-open.
 */

const offset = z.number().int().nonnegative()

/** Checks that a record's span is well-formed. */
function spanOrder<T extends {start: number; end: number}>(value: T, ctx: z.RefinementCtx): void {
  if (value.end < value.start) ctx.addIssue({code: 'custom', message: `end (${value.end}) is before start (${value.start})`, path: ['end']})
}

/** One article as read and cleaned. */
export const ArticleRecord = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1),
    title: z.string().nullable(),
    text: z.string(),
    url: z.string().optional(),
    date: z.string().optional(),
    byline: z.string().optional().describe('the author line as the input gave it (JSONL `byline`, a page\'s author metadata)'),
    meta: z.record(z.string(), z.unknown()).optional().describe('input fields lede does not interpret, kept as they came (JSONL fields; a page\'s site name and language)'),
    dateline: z
      .object({
        place: z.string().min(1).describe('the place as written, city and region: "NAIROBI, Kenya"'),
        date: z.string().optional().describe('the date as written: "1996-12-06", "Nov. 13"'),
        agency: z.string().optional().describe('the agency in parentheses: "Reuters", "AP"'),
        start: offset,
        end: offset,
      })
      .nullable()
      .optional()
      .describe('the wire dateline at the start of the story, kept in text (null: none; absent: not looked for)'),
    removed: z.array(z.object({rule: z.string(), text: z.string()})).describe('boilerplate that clean removed, in order'),
    counts: z.object({
      paragraphs: z.number().int().nonnegative(),
      sentences: z.number().int().nonnegative(),
      tokens: z.number().int().nonnegative(),
      entities: z.number().int().nonnegative(),
      quotes: z.number().int().nonnegative(),
      money: z.number().int().nonnegative(),
    }),
    warnings: z.array(z.object({code: z.string(), message: z.string(), start: offset.optional(), end: offset.optional()})),
  })
  .describe('articles.jsonl: one cleaned article')
export type ArticleRecord = z.infer<typeof ArticleRecord>

/** One entity mention. */
export const EntityRecord = z
  .object({
    docId: z.string().min(1),
    id: z.string().min(1),
    text: z.string().min(1),
    start: offset,
    end: offset,
    label: z.enum(ENTITY_LABELS),
    canonical: z.string().min(1),
    entityId: z.string().min(1),
    role: z.string().optional(),
  })
  .superRefine(spanOrder)
  .describe('entities.jsonl: one entity mention')
export type EntityRecord = z.infer<typeof EntityRecord>

/** One quotation with its speaker. */
export const QuoteRecord = z
  .object({
    docId: z.string().min(1),
    id: z.string().min(1),
    text: z.string().min(1),
    start: offset,
    end: offset,
    kind: z.enum(['direct', 'partial', 'indirect']),
    cue: z.string().nullable(),
    cueLemma: z.string().nullable(),
    cueStart: offset.nullable().describe('where the cue stands (null when no cue)'),
    cueEnd: offset.nullable(),
    speaker: z.object({
      mention: z.string().nullable(),
      start: offset.nullable(),
      end: offset.nullable(),
      name: z.string().nullable(),
      entityId: z.string().nullable(),
    }),
    unclosed: z.boolean().optional(),
  })
  .superRefine(spanOrder)
  .describe('quotes.jsonl: one quotation; text is the quoted words without the marks')
export type QuoteRecord = z.infer<typeof QuoteRecord>

/** One monetary figure. */
export const MoneyRecord = z
  .object({
    docId: z.string().min(1),
    id: z.string().min(1),
    text: z.string().min(1),
    start: offset,
    end: offset,
    amount: z.number().finite(),
    value: z.string().regex(/^-?\d+(\.\d+)?$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    currencyAssumed: z.boolean(),
    qualifier: z.string().optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    per: z.string().optional(),
    equivalentOf: z.string().optional().describe('id of the money record this one converts'),
    tableScale: z.number().int().positive().optional().describe('the multiplier a table caption ("in millions of dollars") applied; amount and value include it'),
  })
  .superRefine(spanOrder)
  .describe('money.jsonl: one monetary figure, amount as a number and value as an exact decimal string')
export type MoneyRecord = z.infer<typeof MoneyRecord>

/** One entity of the corpus-wide index the linker writes: its final id, names, roles and how its spellings were joined. */
export const EntityIndexEntry = z
  .object({
    entityId: z.string().min(1),
    label: z.enum(ENTITY_LABELS),
    canonical: z.string().min(1).describe('the most frequent spelling of the most mentioned name'),
    aliases: z.array(z.string()).describe('other spellings joined to this entity, sorted'),
    roles: z.array(z.string()).describe('roles written next to the entity, most frequent first (at most 10)'),
    mentions: z.number().int().nonnegative(),
    documents: z
      .number()
      .int()
      .nonnegative()
      .describe('documents mentioning the entity (a document that uses two of its spellings counts once per spelling)'),
    merges: z
      .array(z.object({alias: z.string(), rule: z.string()}))
      .describe('each joined spelling and the rule that joined it (link:translit-key, link:place-variant, ...)'),
  })
  .describe('entity-index.jsonl: one entity across the corpus')
export type EntityIndexEntry = z.infer<typeof EntityIndexEntry>
/** The corpus-wide entity index written after linking. */
export const ENTITY_INDEX_FILE = 'entities-index.jsonl'

/** The token layer of one article (written only with `--layers tokens`). */
export const TokenRecord = z
  .object({
    docId: z.string().min(1),
    tokens: z.array(
      z.object({
        start: offset,
        end: offset,
        kind: z.enum(['word', 'number', 'punct', 'symbol']),
        sentence: z.number().int().nonnegative().nullable().describe('index of the sentence holding the token, null when none does'),
        pos: z.string().describe('Universal POS tag (UPOS), from wink-nlp'),
        lemma: z.string(),
      }),
    ),
  })
  .describe('tokens.jsonl: the tokens of one article with sentence index, part of speech and lemma')
export type TokenRecord = z.infer<typeof TokenRecord>

/** A document or record that could not be processed, and why. */
export const ErrorRecord = z
  .object({
    source: z.string(),
    docId: z.string().nullable(),
    stage: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .describe('errors.jsonl: one failure, with the input it came from')
export type ErrorRecord = z.infer<typeof ErrorRecord>

/** The run's summary. */
export const Manifest = z
  .object({
    tool: z.literal('lede'),
    version: z.string(),
    complete: z.literal(true).describe('written only when the whole output set was finished and moved into place together'),
    pipeline: z.string(),
    stages: z.array(z.string()),
    options: z.record(z.string(), z.unknown()),
    corpus: z.string(),
    inputs: z.object({
      files: z.number().int().describe('input files read (.txt, .jsonl, .json, .html, .htm, .mhtml, .mht, .sgml, .sgm, .xml, SGML wire files with no extension, and their .gz twins)'),
      bytes: z.number().int(),
      documents: z.number().int().describe('articles that entered the pipeline'),
      rejected: z.number().int().describe('inputs that could not become a document (see errors.jsonl, stage ingest)'),
      skippedFiles: z.array(z.string()).describe('files and folders (ending in /) in the corpus folder that were not read'),
      skipped: z
        .array(z.object({path: z.string(), reason: z.string()}))
        .describe('the same paths as skippedFiles, each with why it was not read (not a format lede reads, a link loop, a lede output folder, a version-control or operating-system metadata folder such as .git/ or __MACOSX/ listed once as a folder, …)'),
      splitFiles: z
        .array(z.object({path: z.string(), documents: z.number().int(), rejected: z.number().int()}))
        .optional()
        .describe('each input file that holds several documents (JSONL, SGML wire files, a NewsML-G2 newsMessage): the documents it gave and its parts rejected (errors.jsonl, source "<path>:<line>")'),
      charsets: z
        .record(z.string(), z.number().int().nonnegative())
        .optional()
        .describe('documents read from bytes that are not UTF-8 or UTF-16, by the charset they were read in (WHATWG name: declared by a page\'s <meta charset>, an MHTML part\'s header, a web archive or an XML declaration (ingest:xml-charset); detected, warning ingest:charset-detected (UTF-32, recognised by its byte-order mark or its 4-byte units, ingest:utf32; Mac OS Roman, "macintosh", from lines ending in a carriage return alone, ingest:mac-roman); given with --encoding, ingest:charset-given; or the Windows-1252 fallback, ingest:windows-1252); {} when none. A wire file\'s documents count one each'),
      charsetChoices: z
        .partialRecord(z.enum(['declared', 'detected', 'given', 'fallback']), z.number().int().nonnegative())
        .optional()
        .describe('the documents counted in charsets, by how their charset was chosen: declared (the page\'s <meta charset>, an MHTML part\'s or a web archive\'s), detected (UTF-32 and Mac OS Roman too), given (--encoding) or fallback (Windows-1252); the counts add up to those of charsets'),
    }),
    outputs: z.object({
      articles: z.number().int(),
      entities: z.number().int(),
      quotes: z.number().int(),
      money: z.number().int(),
      entityIndex: z.number().int().optional().describe('entities in entities-index.jsonl, when linking ran'),
    }),
    errors: z.number().int(),
    failedDocuments: z.number().int().describe('documents a stage failed on: documents = articles + failedDocuments'),
    resumedAfter: z.number().int().optional().describe('set when the run was resumed: inputs whose records the interrupted run had already written'),
    timings: z.object({
      totalMs: z.number(),
      stagesMs: z.record(z.string(), z.number()),
      megabytesPerSecond: z.number().describe('bytes this process read as documents (a file refused, for its size or as not text, counts none) per second of totalMs, in MB'),
    }),
  })
  .describe('manifest.json: what ran, on what, and what came out')
export type Manifest = z.infer<typeof Manifest>

/** A text field of an input record that other tools write as a string, as null, or not at all. */
const optionalText = z.string().nullish()

// what a "text" that is neither a string nor a list of strings holds, so the message names the element to fix
function describeTextValue(value: unknown): string {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`)
  if (!Array.isArray(value)) return `expected a string or a list of paragraph strings, received ${kind(value)}`
  const at = value.findIndex((v) => typeof v !== 'string')
  return `a list of paragraphs must hold strings only: element ${at} is ${kind(value[at])}`
}

/** One article of a JSONL corpus file, as other tools and lede itself write them: extra fields are kept. */
export const InputArticle = z
  .looseObject({
    id: z
      .union([z.string().min(1), z.number().finite()])
      .nullish()
      .describe('a string or a number (written as its decimal string); absent or null: an id from the content'),
    title: optionalText,
    text: z
      .union([z.string(), z.array(z.string())], {error: (issue) => describeTextValue(issue.input)})
      .nullish()
      .describe('the article text; a record has text or html. A list of strings (the paragraphs, as several scrapers write them) is read as one text, its paragraphs joined by blank lines, with the warning ingest:text-list'),
    html: optionalText.describe('a saved web page or fragment, extracted like an .html file; used when text is absent'),
    url: optionalText,
    date: optionalText,
    byline: optionalText,
    meta: z.record(z.string(), z.unknown()).nullish().describe('fields kept from an earlier run; merged into the article\'s meta'),
  })
  .refine((r) => r.text != null || typeof r.html === 'string', {message: 'a record needs a "text" or an "html" string', path: ['text']})
export type InputArticle = z.infer<typeof InputArticle>

/** Every record type by output file, for `lede schema`. */
export const RECORD_SCHEMAS = {
  article: ArticleRecord,
  entity: EntityRecord,
  quote: QuoteRecord,
  money: MoneyRecord,
  'entity-index': EntityIndexEntry,
  error: ErrorRecord,
  token: TokenRecord,
  manifest: Manifest,
  'input-article': InputArticle,
} as const
