import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {checkRecords} from '../../src/io/records.ts'
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
