// The fast record writer must never let through a record zod rejects, and must write what zod's output would be.
import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {compileRecordJson} from '../../src/io/record-json.ts'
import {ArticleRecord, EntityRecord, InputArticle, MoneyRecord, QuoteRecord, TokenRecord} from '../../src/schema.ts'

const entity = {docId: 'd1', id: 'd1:e0', text: 'Anna 😀 Petrenko', start: 0, end: 15, label: 'PERSON', canonical: 'Anna Petrenko', entityId: 'person:anna-petrenko'}
const quote = {
  docId: 'd1',
  id: 'd1:q0',
  text: 'We will "win", she said\nagain',
  start: 3,
  end: 30,
  kind: 'direct',
  cue: 'said',
  cueLemma: 'say',
  cueStart: 40,
  cueEnd: 44,
  speaker: {mention: 'she', start: 36, end: 39, name: 'Anna Petrenko', entityId: 'person:anna-petrenko'},
}
const money = {docId: 'd1', id: 'd1:m0', text: '$1.5 million', start: 10, end: 22, amount: 1500000, value: '1500000', currency: 'USD', currencyAssumed: true}
const article = {
  id: 'd1',
  source: 'a/b.txt',
  title: null,
  text: 'Text\u2028with \u0000 odd characters \ud83d',
  removed: [{rule: 'clean:share', text: 'Share this'}],
  counts: {paragraphs: 1, sentences: 2, tokens: 3, entities: 0, quotes: 0, money: 0},
  warnings: [{code: 'clean:x', message: 'm', start: 1, end: 2}, {code: 'clean:y', message: 'n'}],
}
const tokens = {docId: 'd1', tokens: [{start: 0, end: 4, kind: 'word', sentence: 0, pos: 'NOUN', lemma: 'text'}, {start: 5, end: 6, kind: 'punct', sentence: null, pos: 'PUNCT', lemma: '.'}]}

const SCHEMAS = {entity: EntityRecord, quote: QuoteRecord, money: MoneyRecord, article: ArticleRecord, tokens: TokenRecord} as const
type Kind = keyof typeof SCHEMAS
const WRITERS = Object.fromEntries(Object.entries(SCHEMAS).map(([k, s]) => [k, compileRecordJson(s)])) as Record<Kind, ReturnType<typeof compileRecordJson>>

// what the output was before the fast path: zod's parsed copy, stringified
function zodJson(kind: Kind, record: unknown): string | null {
  const parsed = SCHEMAS[kind].safeParse(record)
  return parsed.success ? JSON.stringify(parsed.data) : null
}

const GOOD: Array<[string, Kind, unknown]> = [
  ['entity', 'entity', entity],
  ['entity with role', 'entity', {...entity, role: 'minister'}],
  ['entity, role undefined', 'entity', {...entity, role: undefined}],
  ['entity, keys out of order and one the schema does not name', 'entity', {extra: 1, ...Object.fromEntries(Object.entries(entity).reverse())}],
  ['entity, zero-length span at 0', 'entity', {...entity, start: 0, end: 0}],
  ['quote', 'quote', quote],
  ['quote, unclosed, no cue, no speaker', 'quote', {...quote, kind: 'partial', cue: null, cueLemma: null, cueStart: null, cueEnd: null, speaker: {mention: null, start: null, end: null, name: null, entityId: null}, unclosed: true}],
  ['money with every optional field', 'money', {...money, qualifier: 'about', min: 1, max: 2.5, per: 'year', equivalentOf: 'd1:m1', tableScale: 1000000, amount: -0.25, value: '-0.25'}],
  ['money, big amount', 'money', {...money, amount: 1e21, value: '1000000000000000000000'}],
  ['article', 'article', article],
  ['article with url, date, byline, dateline', 'article', {...article, url: 'http://x', date: '2020', byline: 'By X', dateline: {agency: 'AP', place: 'NAIROBI', start: 0, end: 7, extra: true}}],
  ['article, dateline null', 'article', {...article, dateline: null}],
  ['tokens', 'tokens', tokens],
]

describe('compileRecordJson: records that pass are written as zod would write them', () => {
  it.each(GOOD)('%s', (_name, kind, record) => {
    const expected = zodJson(kind, record)
    expect(expected).not.toBeNull()
    expect(WRITERS[kind](record)).toBe(expected)
  })
})

const BAD: Array<[string, Kind, unknown]> = [
  ['not an object', 'entity', 'entity'],
  ['null', 'entity', null],
  ['an array', 'entity', [entity]],
  ['empty text', 'entity', {...entity, text: ''}],
  ['empty canonical', 'entity', {...entity, canonical: ''}],
  ['missing entityId', 'entity', {...entity, entityId: undefined}],
  ['entityId null', 'entity', {...entity, entityId: null}],
  ['unknown label', 'entity', {...entity, label: 'ALIEN'}],
  ['label lower case', 'entity', {...entity, label: 'person'}],
  ['end before start', 'entity', {...entity, start: 9, end: 3}],
  ['negative start', 'entity', {...entity, start: -1}],
  ['fractional end', 'entity', {...entity, end: 15.5}],
  ['NaN start', 'entity', {...entity, start: Number.NaN}],
  ['infinite end', 'entity', {...entity, end: Number.POSITIVE_INFINITY}],
  ['unsafe integer end', 'entity', {...entity, end: 2 ** 53}],
  ['start as a string', 'entity', {...entity, start: '0'}],
  ['role null', 'entity', {...entity, role: null}],
  ['role a number', 'entity', {...entity, role: 3}],
  ['quote kind unknown', 'quote', {...quote, kind: 'reported'}],
  ['quote cue undefined', 'quote', {...quote, cue: undefined}],
  ['quote cueStart negative', 'quote', {...quote, cueStart: -3}],
  ['quote speaker missing', 'quote', {...quote, speaker: undefined}],
  ['quote speaker null', 'quote', {...quote, speaker: null}],
  ['quote speaker name undefined', 'quote', {...quote, speaker: {...quote.speaker, name: undefined}}],
  ['quote speaker start fractional', 'quote', {...quote, speaker: {...quote.speaker, start: 0.5}}],
  ['quote unclosed a string', 'quote', {...quote, unclosed: 'yes'}],
  ['money value not a decimal', 'money', {...money, value: '1,500,000'}],
  ['money value with exponent', 'money', {...money, value: '1e6'}],
  ['money currency lower case', 'money', {...money, currency: 'usd'}],
  ['money currency too long', 'money', {...money, currency: 'USDX'}],
  ['money amount NaN', 'money', {...money, amount: Number.NaN}],
  ['money amount infinite', 'money', {...money, amount: Number.NEGATIVE_INFINITY}],
  ['money min infinite', 'money', {...money, min: Number.POSITIVE_INFINITY}],
  ['money currencyAssumed missing', 'money', {...money, currencyAssumed: undefined}],
  ['money currencyAssumed a number', 'money', {...money, currencyAssumed: 1}],
  ['money tableScale zero', 'money', {...money, tableScale: 0}],
  ['money tableScale a fraction', 'money', {...money, tableScale: 0.5}],
  ['money end before start', 'money', {...money, start: 30}],
  ['article empty id', 'article', {...article, id: ''}],
  ['article title undefined', 'article', {...article, title: undefined}],
  ['article text null', 'article', {...article, text: null}],
  ['article dateline empty place', 'article', {...article, dateline: {place: '', start: 0, end: 1}}],
  ['article dateline negative end', 'article', {...article, dateline: {place: 'X', start: 0, end: -1}}],
  ['article removed not an array', 'article', {...article, removed: {rule: 'r', text: 't'}}],
  ['article removed item missing text', 'article', {...article, removed: [{rule: 'r'}]}],
  ['article sparse removed', 'article', {...article, removed: [, {rule: 'r', text: 't'}]}],
  ['article counts negative', 'article', {...article, counts: {...article.counts, money: -1}}],
  ['article counts missing one', 'article', {...article, counts: {...article.counts, tokens: undefined}}],
  ['article warning start fractional', 'article', {...article, warnings: [{code: 'c', message: 'm', start: 0.5}]}],
  ['article meta not a record', 'article', {...article, meta: 'x'}],
  ['tokens kind unknown', 'tokens', {...tokens, tokens: [{...tokens.tokens[0], kind: 'emoji'}]}],
  ['tokens sentence negative', 'tokens', {...tokens, tokens: [{...tokens.tokens[0], sentence: -1}]}],
]

describe('compileRecordJson: every record zod rejects is left to zod', () => {
  it.each(BAD)('%s', (_name, kind, record) => {
    expect(zodJson(kind, record)).toBeNull()
    expect(WRITERS[kind](record)).toBeNull()
  })
})

describe('compileRecordJson: what it does not understand it leaves to zod', () => {
  it('an article with meta (a record of unknown values) goes to zod, which accepts it', () => {
    const record = {...article, meta: {siteName: 'X', n: 1}}
    expect(WRITERS.article(record)).toBeNull()
    expect(zodJson('article', record)).not.toBeNull()
  })
  it.each([
    ['a loose object', z.looseObject({a: z.string()}), {a: 'x'}],
    ['a strict object', z.strictObject({a: z.string()}), {a: 'x'}],
    ['a union', z.object({a: z.union([z.string(), z.number()])}), {a: 'x'}],
    ['a transform', z.object({a: z.string().transform((s) => s.length)}), {a: 'x'}],
    ['an email format', z.object({a: z.email()}), {a: 'a@b.co'}],
    ['an integer format', z.object({a: z.int()}), {a: 1}],
    ['a uuid format', z.object({a: z.uuid()}), {a: '123e4567-e89b-12d3-a456-426614174000'}],
    ['a trimmed string', z.object({a: z.string().trim()}), {a: ' x '}],
    ['a multiple of', z.object({a: z.number().multipleOf(2)}), {a: 4}],
    ['a default', z.object({a: z.string().default('x')}), {}],
    ['a coerced number', z.object({a: z.coerce.number()}), {a: '1'}],
    ['the input article schema', InputArticle, {text: 'x'}],
  ])('%s', (_name, schema, record) => {
    expect(schema.safeParse(record).success).toBe(true)
    expect(compileRecordJson(schema)(record)).toBeNull()
  })
})

// every field of every good record replaced by odd values, one at a time: whenever the fast path answers,
// zod accepts the record and writes the same bytes
const ODD: unknown[] = [undefined, null, '', 'x', 'ALIEN', 'USD', '12.50', -1, 0, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, true, false, {}, [], [{}], {start: 0, end: 1}]

function mutations(record: unknown): unknown[] {
  if (typeof record !== 'object' || record === null) return []
  const out: unknown[] = []
  const entries = Array.isArray(record) ? record.map((v, i) => [String(i), v] as const) : Object.entries(record)
  for (const [key, value] of entries) {
    const replace = (v: unknown) => (Array.isArray(record) ? record.map((x, i) => (String(i) === key ? v : x)) : {...record, [key]: v})
    for (const odd of ODD) out.push(replace(odd))
    for (const inner of mutations(value)) out.push(replace(inner))
  }
  return out
}

describe('compileRecordJson: mutated records', () => {
  it.each(GOOD)('%s', (_name, kind, record) => {
    let answered = 0
    const all = mutations(record)
    for (const mutated of all) {
      const fast = WRITERS[kind](mutated)
      if (fast === null) continue
      answered++
      expect(fast).toBe(zodJson(kind, mutated))
    }
    // and the fast path is not a no-op: it answers for the mutations zod accepts (optional fields aside)
    expect(answered).toBeGreaterThan(0)
    expect(all.length).toBeGreaterThan(answered)
  })
})

describe('a string field written again', () => {
  // the writer reuses the JSON of the string it wrote last in the same field: a sequence of records where fields
  // repeat, change, need escaping and come back must each be written as zod's output would be
  const write = compileRecordJson(EntityRecord)
  const docId = 'd'.repeat(64)
  it.each([
    ['first', {...entity, docId}],
    ['same docId, other fields', {...entity, docId, id: `${docId}:e1`, text: 'Kyiv', end: 4, label: 'LOC', canonical: 'Kyiv', entityId: 'loc:kyiv'}],
    ['an equal docId built apart', {...entity, docId: 'd'.repeat(32) + 'd'.repeat(32)}],
    ['another docId', {...entity, docId: 'e'.repeat(64)}],
    ['values needing escapes', {...entity, docId: 'x"\\\n', canonical: 'A "B"\u2028', text: 'A\tB'}],
    ['back to the first', {...entity, docId}],
    ['an invalid value after a valid one', {...entity, docId: ''}],
    ['the valid one again', {...entity, docId}],
  ])('%s', (_name, record) => {
    expect(write(record)).toBe(zodJson('entity', record))
  })
})

describe('strings written without JSON.stringify when nothing needs escaping', () => {
  // the writer puts a string between quotes itself unless it holds a character JSON.stringify escapes: every such
  // class, and characters that look as if they might need it but do not, must give zod's bytes
  const write = compileRecordJson(EntityRecord)
  it.each([
    ['plain ASCII', 'Donald J. Trump'],
    ['a quote', 'the "Gang of Eight"'],
    ['a backslash', 'C:\\path'],
    ['a newline and a tab', 'line\none\ttwo'],
    ['every control character', Array.from({length: 32}, (_, c) => String.fromCharCode(c)).join('')],
    ['DEL, which JSON leaves as it is', 'a\u007fb'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['accents and CJK', 'Zoë Šimić 習近平'],
    ['a surrogate pair', 'flag 🇺🇦 and 😀'],
    ['a lone high surrogate', 'broken \ud83d here'],
    ['a lone low surrogate', 'broken \ude00 here'],
    ['a lone surrogate at the end', 'end \ud800'],
    ['a slash and angle brackets', '</script> & a/b'],
  ])('%s', (_name, value) => {
    const record = {...entity, text: value, canonical: value, entityId: `person:${value}`}
    expect(write(record)).toBe(zodJson('entity', record))
  })
})

describe('constant text gathered across branches, loops and nested objects', () => {
  // the writer appends a line's constant pieces (braces, keys, commas, quotes) together with the next value; every
  // place where what comes next depends on the record (an optional or nullable field, a boolean, an array item, an
  // optional field first or last in a nested object) must still give zod's bytes
  const inner = z.object({a: z.string().optional(), b: z.number(), c: z.boolean().optional()})
  const schema = z.object({
    first: z.string().optional(),
    flag: z.boolean(),
    nested: inner,
    list: z.array(z.object({x: z.string().nullable(), y: z.boolean()})),
    maybe: z.string().nullable(),
    empty: z.array(z.number()),
    last: z.string().optional(),
  })
  const write = compileRecordJson(schema)
  const base = {flag: true, nested: {b: 1}, list: [{x: 'p', y: false}, {x: null, y: true}], maybe: null, empty: []}
  it.each([
    ['every optional field absent', base],
    ['the first field present', {...base, first: 'f"q'}],
    ['the last field present', {...base, last: 'z'}],
    ['both', {...base, first: '', last: 'line\nbreak', flag: false}],
    ['nested object with both optional fields', {...base, nested: {a: 'A', b: -2.5, c: false}}],
    ['nested object with only the last optional field', {...base, nested: {b: 0, c: true}}],
    ['empty list, maybe a string', {...base, list: [], maybe: 'm', empty: [1, 2, 3]}],
    ['one item with an escaped string', {...base, list: [{x: '\u2028"\\', y: true}]}],
  ])('%s', (_name, record) => {
    const parsed = schema.safeParse(record)
    expect(parsed.success).toBe(true)
    expect(write(record)).toBe(JSON.stringify(parsed.data))
  })
})
