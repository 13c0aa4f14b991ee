import {mkdtemp, readFile, truncate, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import iconv from 'iconv-lite'
import {z} from 'zod'
import type {Doc} from '../../src/doc.ts'
import {prepareRun, runCorpus} from '../../src/run/batch.ts'
import type {Executor} from '../../src/run/executor.ts'
import {processToResult} from '../../src/run/process-doc.ts'
import {createPipeline, type Stage} from '../../src/stage.ts'
import {createLink} from '../../src/stages/link.ts'

// a toy pipeline: every capitalised word is a PERSON; "€N" is money; text containing CRASH throws
const toy: Stage = {
  name: 'toy',
  requires: ['text'],
  assigns: ['entities', 'money', 'quotes'],
  run(doc: Doc) {
    if (doc.text.includes('CRASH')) throw new Error('toy stage cannot handle CRASH')
    doc.entities = [...doc.text.matchAll(/\p{Lu}\p{Ll}+/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      label: 'PERSON' as const,
      canonical: m[0],
      entityId: `person:${m[0].toLowerCase()}`,
    }))
    doc.money = [...doc.text.matchAll(/€(\d+)/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      amount: Number(m[1]),
      value: m[1]!,
      currency: 'EUR',
      currencyAssumed: false,
    }))
    doc.quotes = []
  },
}
const pipeline = createPipeline('toy', [toy])

async function setup(files: Record<string, string | Uint8Array>) {
  const dir = await mkdtemp(join(tmpdir(), 'lede-run-'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  return dir
}
const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l))

describe('the manifest\'s charset counts', () => {
  const ru = 'Президент России заявил в четверг, что правительство выделит пять миллиардов рублей на строительство новых школ в Москве. Мы должны думать о будущем наших детей, сказал он журналистам.\n'
  it.each([
    ['UTF-8 only', {'a.txt': 'Anna paid €7.'}, {}, {}],
    [
      'KOI8-R detected twice, a Windows-1252 fallback once, UTF-8 not counted',
      {'a.txt': iconv.encode(ru, 'koi8-r'), 'b.txt': iconv.encode(ru.replace('четверг', 'среду'), 'koi8-r'), 'c.txt': Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owner')]), 'd.txt': 'Anna paid €7.'},
      {'koi8-r': 2, 'windows-1252': 1},
      {detected: 2, fallback: 1},
    ],
    // a Classic Mac OS file (CR line ends) is Mac OS Roman, detected from its line ends (it was the Windows-1252 fallback)
    [
      'Mac OS Roman with CR line ends detected, the same bytes with CRLF the Windows-1252 fallback',
      {'m.txt': Buffer.from([...Buffer.from('Caf'), 0x8e, ...Buffer.from(' owners said '), 0xd2, ...Buffer.from('no'), 0xd3, 0x0d]), 'w.txt': Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owners said no'), 0x0d, 0x0a])},
      {macintosh: 1, 'windows-1252': 1},
      {detected: 1, fallback: 1},
    ],
    ['a wire file in windows-1251: each of its documents', {'w.sgml': iconv.encode(`<DOC>\n<DOCNO> A1 </DOCNO>\n<TEXT>\n${ru}</TEXT>\n</DOC>\n<DOC>\n<DOCNO> A2 </DOCNO>\n<TEXT>\n${ru}</TEXT>\n</DOC>\n`, 'windows-1251')}, {'windows-1251': 2}, {detected: 2}],
    // before, a page read by its own <meta charset> (and an MHTML part by its header) was not counted: no guess, but
    // still a decoding from a legacy charset the manifest did not account for
    [
      'pages read by their <meta charset>, an MHTML part by its header; a page declaring one charset but saved in UTF-8 is not counted',
      {
        'p.html': iconv.encode(`<html><head><meta charset="koi8-r"><title>Школы</title></head><body><article><p>${ru}</p></article></body></html>`, 'koi8-r'),
        'q.html': iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><article><p>Caf\u00e9 owners in the old town said on Thursday that the new rules would cost them dearly this year.</p></article></body></html>`, 'latin1'),
        'r.html': `<html><head><meta charset="windows-1251"></head><body><article><p>${ru}</p></article></body></html>`,
        's.mht': Buffer.concat([
          Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\nContent-Type: text/html; charset="windows-1251"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
          iconv.encode(`<html><body><article><p>${ru}</p></article></body></html>`, 'windows-1251'),
          Buffer.from('\r\n--B--\r\n'),
        ]),
      },
      {'koi8-r': 1, 'windows-1251': 1, 'windows-1252': 1},
      {declared: 3},
    ],
  ])('%s', async (_name, files, charsets, choices) => {
    const corpus = await setup(files)
    const {manifest} = await runCorpus({corpusDir: corpus, outDir: join(corpus, 'out'), pipeline})
    expect(manifest.inputs.rejected).toBe(0)
    expect(manifest.inputs.charsets).toEqual(charsets)
    expect(manifest.inputs.charsetChoices).toEqual(choices)
    const written = JSON.parse(await readFile(join(corpus, 'out', 'manifest.json'), 'utf8')).inputs
    expect(written.charsets).toEqual(charsets)
    expect(written.charsetChoices).toEqual(choices)
  })
})

describe('runCorpus', () => {
  const files = {
    'b.txt': 'Olena 😀 paid €5 to Maria.',
    'a.txt': 'Anna paid €7.',
    'c.txt': 'Ivan says CRASH.',
    'd.txt': '\u0000\u0001\u0002\u0003\u0004bin',
  }

  it('writes every record in input order with code-point offsets, and accounts for failures', async () => {
    const corpus = await setup(files)
    const out = join(corpus, 'out')
    const result = await runCorpus({corpusDir: corpus, outDir: out, pipeline})
    expect(result.exitCode).toBe(1)
    const articles = await lines(join(out, 'articles.jsonl'))
    expect(articles.map((a) => a.source)).toEqual(['a.txt', 'b.txt'])
    const entities = await lines(join(out, 'entities.jsonl'))
    expect(entities.map((e) => e.text)).toEqual(['Anna', 'Olena', 'Maria'])
    // code points, as Python slices: the emoji is one character
    const b = articles[1]
    for (const e of entities.filter((x) => x.docId === b.id)) expect([...b.text].slice(e.start, e.end).join('')).toBe(e.text)
    const money = await lines(join(out, 'money.jsonl'))
    expect(money.map((m) => [m.text, m.amount, m.currency])).toEqual([['€7', 7, 'EUR'], ['€5', 5, 'EUR']])
    const errors = await lines(join(out, 'errors.jsonl'))
    expect(errors.map((e) => [e.source, e.stage, e.code])).toEqual([
      ['c.txt', 'toy', 'toy:exception'],
      ['d.txt', 'ingest', 'ingest:not-text'],
    ])
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({
      pipeline: 'toy',
      inputs: {files: 4, documents: 3, rejected: 1},
      outputs: {articles: 2, entities: 3, quotes: 0, money: 2},
      errors: 2,
      failedDocuments: 1,
    })
  })

  it('lists in the manifest what each multi-document file (SGML wire file, JSONL) gave', async () => {
    const doc = (no: string, text: string) => `<DOC>\n<DOCNO> ${no} </DOCNO>\n<TEXT>\n${text}\n</TEXT>\n</DOC>\n`
    const corpus = await setup({
      'wire.sgml': `${doc('W1', 'Anna paid €7.')}<DOC>\n<DOCNO> W2 </DOCNO>\n</DOC>\n${doc('W3', 'Maria left.')}`,
      'recs.jsonl': `${JSON.stringify({id: 'r1', text: 'Ivan spoke.'})}\nnot json\n`,
      'a.txt': 'Olena paid €5.',
    })
    const out = join(corpus, 'out')
    await runCorpus({corpusDir: corpus, outDir: out, pipeline, concurrency: 3})
    const articles = await lines(join(out, 'articles.jsonl'))
    expect(articles.map((a) => a.source)).toEqual(['a.txt', 'recs.jsonl:1', 'wire.sgml:1', 'wire.sgml:10'])
    expect(articles.slice(1).map((a) => a.id)).toEqual(['r1', 'W1', 'W3'])
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.inputs).toMatchObject({
      files: 3,
      documents: 4,
      rejected: 2,
      splitFiles: [
        {path: 'recs.jsonl', documents: 1, rejected: 1},
        {path: 'wire.sgml', documents: 2, rejected: 1},
      ],
    })
  })

  it('is deterministic: the same corpus gives byte-identical JSONL', async () => {
    const corpus = await setup(files)
    const read = async (out: string) => Promise.all(['articles', 'entities', 'quotes', 'money', 'errors'].map((f) => readFile(join(out, `${f}.jsonl`), 'utf8')))
    const o1 = await mkdtemp(join(tmpdir(), 'lede-o1-'))
    const o2 = await mkdtemp(join(tmpdir(), 'lede-o2-'))
    await runCorpus({corpusDir: corpus, outDir: o1, pipeline, concurrency: 1})
    await runCorpus({corpusDir: corpus, outDir: o2, pipeline, concurrency: 8})
    expect(await read(o1)).toEqual(await read(o2))
  })

  it('exits 0 when everything succeeds', async () => {
    const corpus = await setup({'a.txt': 'Anna paid €7.'})
    expect((await runCorpus({corpusDir: corpus, outDir: join(corpus, 'out'), pipeline})).exitCode).toBe(0)
  })

  it('loses only the document a worker cannot process, not the rest of its batch', async () => {
    // a worker that dies on any batch holding a document it cannot process (as one out of memory on a very long
    // document does): the batch's other documents are processed again one by one and written as usual
    const corpus = await setup({'a.txt': 'Anna paid €7.', 'b.txt': 'Olena met HUGE Maria.', 'c.txt': 'Ivan paid €3.', 'd.txt': 'Petro left.'})
    const batches: number[] = []
    const executor: Executor = {
      async run(docs) {
        batches.push(docs.length)
        if (docs.some((d) => d.text.includes('HUGE'))) throw new Error('Worker terminated due to reaching memory limit: JS heap out of memory')
        return docs.map((d) => processToResult(pipeline, d))
      },
      workersAlive: () => 1,
      async close() {},
    }
    const out = join(corpus, 'out')
    const result = await runCorpus({corpusDir: corpus, outDir: out, pipeline, executor, batchSize: 4})
    expect(result.exitCode).toBe(1)
    expect(batches).toEqual([4, 1, 1, 1, 1])
    expect((await lines(join(out, 'articles.jsonl'))).map((a) => a.source)).toEqual(['a.txt', 'c.txt', 'd.txt'])
    const errors = await lines(join(out, 'errors.jsonl'))
    expect(errors.map((e) => [e.source, e.code])).toEqual([['b.txt', 'run:worker-failed']])
    expect(errors[0].message).toMatch(/out of memory .*NODE_OPTIONS=--max-old-space-size/)
    expect(result.manifest.inputs.documents).toBe(4)
  })
})

// "Name/LABEL" marks a name with its label; a quote "..." is spoken by the document's first name
const marked: Stage = {
  name: 'marked',
  requires: ['text'],
  assigns: ['entities', 'money', 'quotes'],
  run(doc: Doc) {
    doc.entities = [...doc.text.matchAll(/(\p{Lu}\p{Ll}+)\/(PERSON|ORG)/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[1]!.length,
      label: m[2] as 'PERSON' | 'ORG',
      canonical: m[1]!,
      entityId: `${m[2]!.toLowerCase()}:${m[1]!.toLowerCase()}`,
    }))
    doc.money = []
    const first = doc.entities[0]
    const quote = /"([^"]+)"/.exec(doc.text)
    doc.quotes =
      quote && first
        ? [
            {
              start: quote.index + 1,
              end: quote.index + quote[0].length - 1,
              kind: 'direct' as const,
              cue: null,
              cueLemma: null,
              cueSpan: null,
              speaker: {mention: first.canonical, start: first.start, end: first.end, name: first.canonical, entityId: first.entityId},
            },
          ]
        : []
  },
}

describe('runCorpus with the linking stage', () => {
  it('writes the label the corpus decided for a weakly named name, in entity records, quote speakers and the index', async () => {
    // "Mr." before the name in two documents: the person evidence a one-word name needs (src/link/person-cues.ts)
    const corpus = await setup({
      'a.txt': 'Mr. Trump/PERSON spoke.',
      'b.txt': 'Mr. Trump/PERSON won.',
      'c.txt': 'Trump/ORG lost as Acme/ORG rose. "We lost," it said.',
    })
    const out = join(corpus, 'out')
    await runCorpus({corpusDir: corpus, outDir: out, pipeline: createPipeline('marked', [marked], [createLink()])})
    const entities = await lines(join(out, 'entities.jsonl'))
    expect(entities.map((e) => [e.text, e.label, e.entityId])).toEqual([
      ['Trump', 'PERSON', 'person:trump'],
      ['Trump', 'PERSON', 'person:trump'],
      ['Trump', 'PERSON', 'person:trump'],
      ['Acme', 'ORG', 'org:acme'],
    ])
    const quotes = await lines(join(out, 'quotes.jsonl'))
    expect(quotes.map((q) => q.speaker.entityId)).toEqual(['person:trump'])
    const index = await lines(join(out, 'entities-index.jsonl'))
    expect(index.map((e) => [e.entityId, e.label, e.mentions, e.documents])).toEqual([
      ['org:acme', 'ORG', 1, 1],
      ['person:trump', 'PERSON', 3, 3],
    ])
  })
})

describe('runCorpus with a corpus stage that hands records to check', () => {
  it('writes the records that pass their schema (as zod writes them) and an error record for each that fails', async () => {
    const corpus = await setup({'a.txt': 'Anna paid €7.', 'b.txt': 'Olena paid €5.'})
    const out = join(corpus, 'out')
    const Row = z.object({doc: z.string().min(1), n: z.number().int()})
    const counting = {
      name: 'counting',
      requires: ['text' as const],
      summarize: (doc: Doc) => doc.id,
      start() {
        const ids: string[] = []
        return {
          add: (id: string) => void ids.push(id),
          finish: () => ({recordFiles: {'rows.jsonl': {schema: Row, records: [...ids.map((doc, n) => ({n, doc})), {doc: '', n: 0.5}]}}}),
        }
      },
    }
    const result = await runCorpus({corpusDir: corpus, outDir: out, pipeline: createPipeline('toy', [toy], [counting])})
    expect(result.exitCode).toBe(1)
    const rows = await readFile(join(out, 'rows.jsonl'), 'utf8')
    const articles = await lines(join(out, 'articles.jsonl'))
    expect(rows).toBe(articles.map((a, n) => `${JSON.stringify({doc: a.id, n})}\n`).join(''))
    const errors = await lines(join(out, 'errors.jsonl'))
    expect(errors.map((e) => [e.source, e.stage, e.code])).toEqual([['rows.jsonl', 'counting', 'counting:invalid-record']])
    expect(errors[0].message).toMatch(/; record: \{"doc":"","n":0\.5\}$/)
  })
})

describe('runCorpus: the executor closes once the last result is in', () => {
  // its worker threads then end while this thread finishes the corpus stages and commits, not after; closed once
  it.each([
    ['closes before the corpus stage finishes, once', false, ['run', 'close', 'finish'], 0],
    ['a close that fails still fails the run, after the output is written', true, ['run', 'close', 'finish'], 1],
  ])('%s', async (_what, failClose, order, rejections) => {
    const corpus = await setup({'a.txt': 'Anna paid €7.', 'b.txt': 'Olena paid €5.'})
    const events: string[] = []
    let closes = 0
    const executor: Executor = {
      async run(docs) {
        if (!events.includes('run')) events.push('run')
        return docs.map((d) => processToResult(pipeline, d))
      },
      workersAlive: () => 1,
      async close() {
        closes++
        events.push('close')
        if (failClose) throw new Error('close failed')
      },
    }
    const finishing = {
      name: 'finishing',
      requires: ['text' as const],
      summarize: (doc: Doc) => doc.id,
      start: () => ({add: () => {}, finish: () => (events.push('finish'), {})}),
    }
    const out = join(corpus, 'out')
    const run = runCorpus({corpusDir: corpus, outDir: out, pipeline: createPipeline('toy', [toy], [finishing]), executor})
    let failed = 0
    await run.catch((error: Error) => {
      expect(error.message).toBe('close failed')
      failed++
    })
    expect(failed).toBe(rejections)
    expect(events).toEqual(order)
    expect(closes).toBe(1)
    expect((await lines(join(out, 'articles.jsonl'))).length).toBe(2)
  })
})

describe('runCorpus: a folder of the corpus that cannot be read', () => {
  // its files were never read, so "every input was processed" (exit 0) would be false: it is an error record, and the
  // manifest still lists it as skipped (it is no file, so files = documents + rejected still holds)
  it('writes an ingest:unreadable-folder error naming it, and exits 1', async () => {
    const corpus = await setup({'a.txt': 'Anna paid €7.'})
    const out = join(corpus, 'out')
    const prepared = await prepareRun({corpusDir: corpus, outDir: out, pipeline})
    // root reads any folder, so the listing's finding is given directly: what listCorpus records for EACCES
    prepared.listing.skipped.push('locked/')
    prepared.listing.reasons['locked/'] = 'folder cannot be read: EACCES'
    prepared.listing.unreadable = ['locked/']
    const result = await runCorpus({corpusDir: corpus, outDir: out, pipeline, prepared})
    expect(result.exitCode).toBe(1)
    expect(await lines(join(out, 'errors.jsonl'))).toEqual([
      {source: 'locked/', docId: null, stage: 'ingest', code: 'ingest:unreadable-folder', message: 'folder cannot be read (EACCES): the files in it were not read'},
    ])
    expect(result.manifest.inputs).toMatchObject({files: 1, documents: 1, rejected: 0, skippedFiles: ['locked/']})
    expect(result.manifest.errors).toBe(1)
  })
})

describe('runCorpus: manifest.timings.megabytesPerSecond', () => {
  it('counts the bytes read as documents, not a file refused for its size nor one refused as not text', async () => {
    const a = 'Anna paid €7. '.repeat(20_000)
    const b = 'Olena paid €5 to Maria. '.repeat(20_000)
    const corpus = await setup({'a.txt': a, 'b.txt': b, 'c.txt': '\u0000\u0001\u0002\u0003\u0004bin'})
    // a sparse file past the longest string Node.js can make: refused as ingest:too-large from its size, never read
    await writeFile(join(corpus, 'huge.txt'), '')
    await truncate(join(corpus, 'huge.txt'), 600_000_000)
    const result = await runCorpus({corpusDir: corpus, outDir: join(corpus, 'out'), pipeline})
    const {timings, inputs} = result.manifest
    expect(inputs.bytes).toBeGreaterThan(600_000_000)
    const docBytes = Buffer.byteLength(a) + Buffer.byteLength(b)
    expect(timings.megabytesPerSecond).toBeGreaterThan(0)
    // both sides rounded to hundredths
    expect(Math.abs(timings.megabytesPerSecond - docBytes / 1e6 / (timings.totalMs / 1000))).toBeLessThan(0.011)
  })
})
