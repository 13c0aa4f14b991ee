// The record writers compiled from the schemas (src/io/record-json.ts) must write exactly what zod writes: the records
// of varied documents (the seed articles, fuzz-mutated news, escapes, emoji, lone surrogates, offsets past 65,536,
// the tokens layer) built with them and built with zod alone (every writer answering "not sure") are the same bytes.
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it, vi} from 'vitest'
import {loadSources, makeCase} from '../../scripts/fuzz-stages.ts'
import {createDoc, type Doc} from '../../src/doc.ts'
import {buildRecords} from '../../src/io/records.ts'
import {pipelineFor} from '../../src/run/worker.ts'
import {processDoc} from '../../src/stage.ts'

const shared = fileURLToPath(new URL('../../../shared', import.meta.url))
const corpus = fileURLToPath(new URL('../../corpus', import.meta.url))

// records.ts again, with a record-json.ts whose writers are never sure: every record goes through zod's parse
async function zodOnlyBuildRecords(): Promise<typeof buildRecords> {
  vi.resetModules()
  vi.doMock('../../src/io/record-json.ts', () => ({compileRecordJson: () => () => null}))
  try {
    return (await import('../../src/io/records.ts')).buildRecords
  } finally {
    vi.doUnmock('../../src/io/record-json.ts')
  }
}

// distinct articles one after another, past 65,536 characters (repeated paragraphs would be removed as page furniture)
const {texts: sources} = loadSources(shared, 40)
const long = sources.join('\n\n').slice(0, 90_000)
const TEXTS: Array<[string, string]> = [
  ...readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, string] => [`seed ${f}`, readFileSync(`${corpus}/${f}`, 'utf8')]),
  ['quotes, backslashes and control characters in names and text', 'John "Jack" O\\Brien met Anna\tSmith in Paris.\n\n"It is done," said John O\\Brien.\u0001 He paid €3 million.'],
  ['emoji, a lone surrogate and two-byte text', 'Anna 😀 Petrenko, the minister, said \u201cwe won\u201d in Kyiv \ud83d today. Ð Ñ Søren Kierkegaard paid ¥500.'],
  ['offsets past 65,536 (the cached number texts end there)', long],
]

function processed(pipeline: ReturnType<typeof pipelineFor>, id: string, text: string): Doc {
  return processDoc(pipeline, createDoc({id, source: `${id}.txt`, text}))
}

describe('the compiled record writers write what zod writes', () => {
  const pipeline = pipelineFor({name: 'news', options: {}})
  const withTokens = pipelineFor({name: 'news', options: {layers: ['tokens']}})

  it.each(TEXTS)('%s', async (name, text) => {
    const zodOnly = await zodOnlyBuildRecords()
    const long = name.startsWith('offsets')
    // the long one without the tokens layer: its one tokens line would hold every token of 90,000 characters
    for (const p of long ? [pipeline] : [pipeline, withTokens]) {
      const doc = processed(p, 'd-1', text)
      const fast = buildRecords(doc).lines
      expect(fast.errors).toBe('')
      expect(fast.counts.articles).toBe(1)
      expect(zodOnly(doc).lines).toEqual(fast)
      if (long && text.length > 70_000) expect(fast.entities).toMatch(/"start":[6-8]\d{4},/)
    }
  })

  it('on 50 fuzz-mutated news documents (PolNeAR train/dev from ../shared, else built-in paragraphs)', async () => {
    const zodOnly = await zodOnlyBuildRecords()
    const texts = sources.slice(0, 30)
    let records = 0
    for (let seed = 1; seed <= 50; seed++) {
      const doc = processed(seed % 4 === 0 ? withTokens : pipeline, `fuzz${seed}`, makeCase(seed, texts, 1500).text)
      const fast = buildRecords(doc).lines
      expect(zodOnly(doc).lines, `seed ${seed}`).toEqual(fast)
      records += fast.counts.entities + fast.counts.quotes + fast.counts.money
    }
    expect(records).toBeGreaterThan(200)
  })
})
