import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {createDoc, type Entity, type Money, type Quote} from '../../src/doc.ts'
import {buildRecords, checkRecords, PACKED_FILES, packedFile, packLines, sortedOrder, type DocLines} from '../../src/io/records.ts'
import {EntityIndexEntry, EntityRecord, MoneyRecord, QuoteRecord} from '../../src/schema.ts'

const entry = (over: Record<string, unknown> = {}) => ({
  entityId: 'person:ann-lee',
  label: 'PERSON',
  canonical: 'Ann Lee',
  aliases: ['Lee'],
  roles: ['mayor'],
  mentions: 3,
  documents: 2,
  merges: [{alias: 'Lee', rule: 'link:surname-only+role'}],
  ...over,
})

describe('checkRecords: what a corpus stage hands the run engine to write', () => {
  it.each([
    ['good entries, as zod writes them', [entry(), entry({entityId: 'org:acme', label: 'ORG', canonical: 'Acme "Co"', merges: []})], 2, 0],
    ['an extra key (zod strips it)', [entry({extra: 1})], 1, 0],
    ['key order as the schema gives it', [{merges: [], documents: 1, mentions: 1, roles: [], aliases: [], canonical: 'X', label: 'LOC', entityId: 'loc:x'}], 1, 0],
    ['an empty canonical name (rejected)', [entry({canonical: ''}), entry()], 1, 1],
    ['a fractional count (rejected)', [entry({mentions: 1.5})], 0, 1],
    ['an unknown label (rejected)', [entry({label: 'THING'})], 0, 1],
  ])('%s', (_name, records, written, rejected) => {
    const errors: Array<{record: unknown; error: z.ZodError}> = []
    const {text, count} = checkRecords(EntityIndexEntry, records, (record, error) => errors.push({record, error}))
    const expected = records.flatMap((r) => {
      const parsed = EntityIndexEntry.safeParse(r)
      return parsed.success ? [`${JSON.stringify(parsed.data)}\n`] : []
    })
    expect(text).toBe(expected.join(''))
    expect(count).toBe(written)
    expect(errors).toHaveLength(rejected)
    for (const {record, error} of errors) expect(error.message).toBe(EntityIndexEntry.safeParse(record).error!.message)
  })

  it('writes what zod writes for a schema the fast path leaves to zod', () => {
    const schema = z.object({meta: z.record(z.string(), z.unknown()), n: z.number()})
    const {text, count} = checkRecords(schema, [{n: 1, meta: {b: 1, a: [2]}}], () => {})
    expect(text).toBe('{"meta":{"b":1,"a":[2]},"n":1}\n')
    expect(count).toBe(1)
  })
})

// a document's lines as the worker hands them over: each file's text, and the summary line
function lines(texts: string[]): {lines: DocLines; summaryLine: string | null} {
  const [articles, entities, quotes, money, errors, tokens, summary] = texts
  return {lines: {articles: articles!, entities: entities!, quotes: quotes!, money: money!, errors: errors!, tokens: tokens!, counts: {articles: 1, entities: 2, quotes: 0, money: 0, errors: 0, tokens: 0}}, summaryLine: summary === '' ? null : summary!}
}

describe('packLines', () => {
  // every file's bytes must be its text in UTF-8, whatever the characters: one, two, three and four bytes, lone
  // surrogates (written as U+FFFD, as Buffer writes them), empty files and empty documents
  const docs = [
    ['{"id":"a"}\n', '{"text":"Zoë"}\n{"text":"習近平"}\n', '', '', '', '', '[{"docId":"a"}]\n'],
    ['', '', '', '', '', '', ''],
    ['{"t":"😀 🇺🇦"}\n', '{"t":"broken \ud800 and \udc00"}\n', '{"q":"\u2028"}\n', '{"m":"€5"}\n', '{"e":"x"}\n', '', '[]\n'],
  ]
  it('writes each file as its UTF-8 bytes, documents one after another', () => {
    const {packed, buffer} = packLines(docs.map(lines))
    let total = 0
    packed.forEach((p, d) => {
      PACKED_FILES.forEach((_, f) => expect(Buffer.from(packedFile(p, f)).equals(Buffer.from(docs[d]![f]!, 'utf8'))).toBe(true))
      expect(p.counts.entities).toBe(2)
      total += p.bytes.byteLength
    })
    // one buffer holding exactly the documents' bytes, nothing more (it is moved to the main thread)
    expect(buffer.byteLength).toBe(total)
  })
  it('packs a batch larger than its scratch buffer the same way', () => {
    const big = 'x'.repeat(30_000_000) + '\n'
    const {packed} = packLines([lines([big, '', '', '', '', '', '[]\n']), lines(docs[0]!)])
    expect(packedFile(packed[0]!, 0).byteLength).toBe(big.length)
    expect(Buffer.from(packedFile(packed[1]!, 1)).toString('utf8')).toBe(docs[0]![1])
  })
})

describe('sortedOrder', () => {
  const span = (start: number, end: number) => ({start, end})
  it.each([
    {name: 'none', spans: [], order: null},
    {name: 'one', spans: [span(3, 5)], order: null},
    {name: 'in order, ties and nesting included', spans: [span(0, 2), span(0, 4), span(0, 4), span(5, 6)], order: null},
    {name: 'reversed', spans: [span(5, 6), span(2, 3), span(0, 1)], order: [2, 1, 0]},
    {name: 'equal spans keep the order given', spans: [span(8, 9), span(1, 4), span(8, 9), span(1, 4)], order: [1, 3, 0, 2]},
    {name: 'same start, shorter first', spans: [span(1, 9), span(1, 3)], order: [1, 0]},
  ])('$name', ({spans, order}) => {
    expect(sortedOrder(spans)).toEqual(order)
  })
})

describe('buildRecords writes absent optional fields as zod writes a record without them', () => {
  // records are built with every key present (undefined when the field is absent); the lines must be exactly those of
  // records built without the key, as zod parses and JSON writes them
  const text = 'Ann Lee, the mayor, said "we pay $5 a barrel and about EUR 4-6 million" and "more'
  const entities: Entity[] = [
    {start: 0, end: 7, label: 'PERSON', canonical: 'Ann Lee', entityId: 'person:ann-lee', role: 'mayor'},
    {start: 13, end: 18, label: 'PERSON', canonical: 'mayor', entityId: 'person:mayor', role: ''},
    {start: 33, end: 35, label: 'MONEY', canonical: '$5', entityId: 'money:5'},
  ]
  const money: Money[] = [
    {start: 55, end: 70, amount: 4000000, value: '4000000', currency: 'EUR', currencyAssumed: false, qualifier: 'about', min: 4000000, max: 6000000},
    {start: 33, end: 35, amount: 5, value: '5', currency: 'USD', currencyAssumed: true, per: 'barrel', equivalentOf: 0},
  ]
  const speaker = {mention: 'Ann Lee', start: 0, end: 7, name: 'Ann Lee', entityId: 'person:ann-lee'}
  const quotes: Quote[] = [
    {start: 26, end: 70, kind: 'direct', cue: 'said', cueLemma: 'say', cueSpan: {start: 20, end: 24}, speaker},
    {start: 77, end: 81, kind: 'direct', cue: null, cueLemma: null, cueSpan: null, speaker, unclosed: true},
  ]
  const doc = {...createDoc({id: 'd1', source: 'd1.txt', text}), entities, money, quotes}
  const lines = buildRecords(doc).lines
  const zodLines = (schema: z.ZodType, records: object[]) => records.map((r) => `${JSON.stringify(schema.parse(r))}\n`).join('')
  it('entities: a role only when one is set', () => {
    expect(lines.entities).toBe(zodLines(EntityRecord, [
      {docId: 'd1', id: 'd1:e0', text: 'Ann Lee', start: 0, end: 7, label: 'PERSON', canonical: 'Ann Lee', entityId: 'person:ann-lee', role: 'mayor'},
      {docId: 'd1', id: 'd1:e1', text: 'mayor', start: 13, end: 18, label: 'PERSON', canonical: 'mayor', entityId: 'person:mayor'},
      {docId: 'd1', id: 'd1:e2', text: '$5', start: 33, end: 35, label: 'MONEY', canonical: '$5', entityId: 'money:5'},
    ]))
  })
  it('money: in offset order, the conversion pointing at its figure\'s new id', () => {
    expect(lines.money).toBe(zodLines(MoneyRecord, [
      {docId: 'd1', id: 'd1:m0', text: '$5', start: 33, end: 35, amount: 5, value: '5', currency: 'USD', currencyAssumed: true, per: 'barrel', equivalentOf: 'd1:m1'},
      {docId: 'd1', id: 'd1:m1', text: text.slice(55, 70), start: 55, end: 70, amount: 4000000, value: '4000000', currency: 'EUR', currencyAssumed: false, qualifier: 'about', min: 4000000, max: 6000000},
    ]))
  })
  it('quotes: unclosed only when set', () => {
    expect(lines.quotes).toBe(zodLines(QuoteRecord, [
      {docId: 'd1', id: 'd1:q0', text: text.slice(26, 70), start: 26, end: 70, kind: 'direct', cue: 'said', cueLemma: 'say', cueStart: 20, cueEnd: 24, speaker},
      {docId: 'd1', id: 'd1:q1', text: 'more', start: 77, end: 81, kind: 'direct', cue: null, cueLemma: null, cueStart: null, cueEnd: null, speaker, unclosed: true},
    ]))
    expect(lines.errors).toBe('')
  })
})

describe('a record longer than the longest string Node.js holds', () => {
  // an 8 Mi-character article of one-character tokens (',a' repeated: 8 million tokens) made V8 throw 'Invalid string
  // length' while its tokens line was built (measured once by hand: 133 s, 4.4 GB); here the tags throw that same error
  const tooLong = () => {
    throw new RangeError('Invalid string length')
  }
  const text = 'Ann Lee said it.'
  const base = () => ({
    ...createDoc({id: 'd1', source: 'd1.txt', text}),
    entities: [{start: 0, end: 7, label: 'PERSON' as const, canonical: 'Ann Lee', entityId: 'person:ann-lee'}],
    quotes: [],
    money: [],
    tokens: [{start: 0, end: 3, kind: 'word' as const, flags: 0}],
  })

  it.each([
    ['RangeError: Invalid string length', tooLong, 'write:record-too-large'],
  ])('the tokens record on %s: an error record, the article and its entities written', (_name, thrower, code) => {
    const tags = new Proxy([], {get: (target, key) => (key === 'length' ? 1 : typeof key === 'string' && /^\d+$/.test(key) ? thrower() : Reflect.get(target, key))})
    const {article, lines} = buildRecords({...base(), tags})
    expect(article).not.toBeNull()
    expect(lines.counts).toMatchObject({articles: 1, entities: 1, tokens: 0, errors: 1})
    expect(JSON.parse(lines.errors)).toMatchObject({source: 'd1.txt', docId: 'd1', stage: 'write', code})
    expect(JSON.parse(lines.errors).message).toMatch(/^the tokens record of this article \(1 tokens\) would be longer than the longest line Node\.js can hold \(536870888 characters\)/)
  })

  it('another error in the tokens record still fails the document as before', () => {
    const tags = new Proxy([], {get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? (() => { throw new TypeError('boom') })() : Reflect.get(target, key))})
    expect(() => buildRecords({...base(), tags})).toThrow('boom')
  })
})
