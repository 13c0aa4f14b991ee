import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {checkRecords, PACKED_FILES, packedFile, packLines, type DocLines} from '../../src/io/records.ts'
import {EntityIndexEntry} from '../../src/schema.ts'

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
