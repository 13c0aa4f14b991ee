import {mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest'
import {evaluate, formatReport, pairArticles, scoreDocuments, type EvalProblem, type PredictedArticle, type Predictions} from '../../src/eval/evaluate.ts'
import {main} from '../../src/cli.ts'
import type {GoldFile} from '../../src/eval/gold.ts'
import type {EntityRecord, MoneyRecord, QuoteRecord} from '../../src/schema.ts'

const TEXT = '🇺🇦 Kyiv said “no deal” on Monday. Peskov said “€5 million is enough,” adding 💶.'
const DOC = 'd1'

// code-point offsets of the first occurrence of `needle` (after `from` UTF-16 units)
function cp(needle: string, from = 0): {text: string; start: number; end: number} {
  const at = TEXT.indexOf(needle, from)
  if (at < 0) throw new Error(`test text lacks ${needle}`)
  const start = Array.from(TEXT.slice(0, at)).length
  return {text: needle, start, end: start + Array.from(needle).length}
}

const GOLD: GoldFile = {
  source: 'news/a.txt',
  entities: [
    {text: 'Kyiv', label: 'LOC'},
    {text: 'Monday', label: 'DATE'},
    {text: 'Peskov', label: 'PERSON', canonical: 'Dmitry Peskov'},
  ],
  quotes: [
    {text: 'no deal', kind: 'partial', speaker: {mention: 'Kyiv', name: 'Kyiv'}},
    {text: '€5 million is enough,', kind: 'direct', speaker: {mention: 'Peskov', name: 'Dmitry Peskov'}},
  ],
  money: [{text: '€5 million', amount: 5e6, currency: 'EUR'}],
}

const article = (over: Partial<PredictedArticle['article']> = {}): PredictedArticle['article'] => ({
  id: DOC,
  source: 'a.txt',
  title: null,
  text: TEXT,
  removed: [],
  counts: {paragraphs: 1, sentences: 2, tokens: 20, entities: 3, quotes: 2, money: 1},
  warnings: [],
  ...over,
})
const entity = (needle: string, label: EntityRecord['label'], canonical = needle, i = 0): EntityRecord => ({
  docId: DOC,
  id: `${DOC}:e${i}`,
  ...cp(needle),
  label,
  canonical,
  entityId: canonical,
})
const quote = (needle: string, kind: QuoteRecord['kind'], speaker: string | null, name: string | null, i = 0): QuoteRecord => {
  const s = speaker === null ? null : cp(speaker)
  return {
    docId: DOC,
    id: `${DOC}:q${i}`,
    ...cp(needle),
    kind,
    cue: 'said',
    cueLemma: 'say',
    cueStart: null,
    cueEnd: null,
    speaker: {mention: speaker, start: s?.start ?? null, end: s?.end ?? null, name, entityId: name},
  }
}
const money = (needle: string, amount: number, currency: string, i = 0): MoneyRecord => ({
  docId: DOC,
  id: `${DOC}:m${i}`,
  ...cp(needle),
  amount,
  value: String(amount),
  currency,
  currencyAssumed: false,
})

const perfect = (): PredictedArticle => ({
  article: article(),
  entities: [entity('Kyiv', 'LOC'), entity('Monday', 'DATE', 'Monday', 1), entity('Peskov', 'PERSON', 'Dmitry Peskov', 2)],
  quotes: [quote('no deal', 'partial', 'Kyiv', 'Kyiv'), quote('€5 million is enough,', 'direct', 'Peskov', 'Dmitry Peskov', 1)],
  money: [money('€5 million', 5e6, 'EUR')],
})
const predictions = (articles: PredictedArticle[], over: Partial<Predictions> = {}): Predictions => ({
  articles,
  layers: {entities: true, quotes: true, money: true},
  speed: null,
  problems: [],
  ...over,
})

describe('scoreDocuments', () => {
  it('scores perfect code-point predictions at 100 on every layer', () => {
    const report = scoreDocuments([GOLD], predictions([perfect()]))
    expect(report.problems).toEqual([])
    expect(report.entities!.exact).toMatchObject({tp: 3, fp: 0, fn: 0, p: 1, r: 1, f: 1})
    expect(report.entities!.exact.perLabel.PERSON).toMatchObject({tp: 1, f: 1})
    expect(report.entities!.canonicalAcc).toEqual({correct: 2, total: 2, acc: 1})
    expect(report.quotes).toMatchObject({exact: {f: 1}, overlap: {f: 1}, speakerAcc: {acc: 1}, speaker: {f: 1}, kindAcc: {acc: 1}})
    expect(report.money).toMatchObject({exact: {f: 1}, valueAcc: {acc: 1}})
    expect(report.documents).toEqual({gold: 1, scored: 1, withoutPrediction: 0, predictedWithoutGold: 0})
  })

  it.each([
    [
      'a wrong label and a short span',
      (p: PredictedArticle) => {
        p.entities = [entity('Kyiv', 'ORG'), entity('Mon', 'DATE', 'Mon', 1), entity('Peskov', 'PERSON', 'Peskov', 2)]
      },
      {entities: {exact: {tp: 1, fp: 2, fn: 2}, overlap: {tp: 2, fp: 1, fn: 1}, canonicalAcc: {correct: 0, total: 1}}},
    ],
    [
      'a wrong speaker and a cut quote',
      (p: PredictedArticle) => {
        p.quotes = [quote('no deal', 'partial', 'Kyiv', 'Moscow'), quote('€5 million is enough', 'direct', 'Peskov', 'Dmitry Peskov', 1)]
      },
      {quotes: {exact: {tp: 1, fp: 1, fn: 1}, overlap: {tp: 2}, speakerAcc: {correct: 1, total: 2, acc: 0.5}, speaker: {tp: 1, fp: 1, fn: 1}}},
    ],
    [
      'indirect quotes are left out',
      (p: PredictedArticle) => {
        p.quotes.push(quote('adding', 'indirect', null, null, 2))
      },
      {quotes: {exact: {tp: 2, fp: 0, fn: 0}, skippedIndirect: 1}},
    ],
    [
      'a wrong money currency',
      (p: PredictedArticle) => {
        p.money = [money('€5 million', 5e6, 'USD')]
      },
      {money: {exact: {tp: 1}, valueAcc: {correct: 0, total: 1, acc: 0}}},
    ],
    [
      'numbers the gold does not annotate are left out and counted',
      (p: PredictedArticle) => {
        p.entities.push(entity('€5 million', 'MONEY', '€5 million', 3))
      },
      {entities: {exact: {tp: 3, fp: 0, fn: 0}, unannotated: {MONEY: 1}}},
    ],
    [
      'nothing predicted',
      (p: PredictedArticle) => {
        p.entities = []
        p.quotes = []
        p.money = []
      },
      {entities: {exact: {tp: 0, fp: 0, fn: 3, p: 0, r: 0, f: 0}}, quotes: {speakerAcc: {acc: null}}, money: {valueAcc: {acc: null}}},
    ],
  ])('%s', (_, change, expected) => {
    const p = perfect()
    change(p)
    expect(scoreDocuments([GOLD], predictions([p]))).toMatchObject(expected)
  })

  it('counts gold strings clean removed as false negatives, by name', () => {
    const p = perfect()
    p.article = article({text: TEXT.replace('on Monday', 'on this day')})
    p.entities = [] // offsets would no longer fit the edited text
    p.quotes = []
    p.money = []
    const report = scoreDocuments([GOLD], predictions([p]))
    expect(report.entities!.exact).toMatchObject({tp: 0, fn: 3})
    expect(report.entities!.exact.perLabel.DATE).toMatchObject({fn: 1})
    expect(report.problems.map((x) => x.message)).toContain('gold string not found: DATE "Monday" (maybe removed by clean)')
  })

  it('leaves a layer unscored when gold does not annotate it or the run lacks its file', () => {
    const {quotes: _q, ...noQuotes} = GOLD
    const report = scoreDocuments([{...noQuotes, money: [{text: '$9', amount: 9, currency: 'USD'}]}], predictions([perfect()], {layers: {entities: true, quotes: true, money: false}}))
    expect(report.quotes).toBeNull()
    expect(report.money).toBeNull()
    expect(report.entities).not.toBeNull()
    expect(report.perDoc[0]).toMatchObject({quotes: null, money: null})
    // gold strings of unscored layers are not reported
    expect(report.problems).toEqual([])
  })

  it('reports records whose text or offsets do not fit the article', () => {
    const p = perfect()
    p.entities.push({...entity('Kyiv', 'LOC', 'Kyiv', 3), text: 'Kiev'})
    p.entities.push({...entity('Kyiv', 'LOC', 'Kyiv', 4), start: 500, end: 504})
    const codes = scoreDocuments([GOLD], predictions([p])).problems.map((x) => x.code)
    expect(codes).toEqual(['eval:text-mismatch', 'eval:bad-offsets'])
  })

  it('pairs by source, falling back to the file name, and reports gold without an article', () => {
    const other = perfect()
    other.article = article({id: 'd2', source: 'b.txt'})
    const report = scoreDocuments([GOLD, {...GOLD, source: 'c.txt'}], predictions([perfect(), other]))
    expect(report.documents).toEqual({gold: 2, scored: 1, withoutPrediction: 1, predictedWithoutGold: 1})
    expect(report.errors).toEqual([
      {source: 'c.txt', code: 'eval:no-prediction', message: 'gold file for "c.txt" has no article in the run (failed, filtered out, or another corpus?)'},
    ])
  })

  // a gold source typed in NFC for a file name a Mac wrote in NFD (or the other way) looks the same and paired with nothing
  it.each([
    ['NFC gold, NFD file', 'news/Z\u00fcrich.txt', 'Zu\u0308rich.txt'],
    ['NFD gold, NFC file', 'news/Zu\u0308rich.txt', 'Z\u00fcrich.txt'],
    ['NFC gold, NFD file in a folder', 'Z\u00fcrich/a.txt', 'Zu\u0308rich/a.txt'],
  ])('pairs a gold source with the article whose name differs only by Unicode normalisation (%s)', (_name, source, runSource) => {
    const p = perfect()
    p.article = article({source: runSource})
    const report = scoreDocuments([{...GOLD, source}], predictions([p]))
    expect(report.errors).toEqual([])
    expect(report.documents.scored).toBe(1)
  })

  it.each([
    ['A.TXT', 'a.txt'],
    ['a.txt.gz', 'a.txt'],
    ['sub/A.txt', 'a.txt'],
  ])('names the run\'s article when the gold source %s differs from %s by letter case or .gz', (source, near) => {
    const report = scoreDocuments([{...GOLD, source}], predictions([perfect()]))
    expect(report.errors).toEqual([
      {source, code: 'eval:no-prediction', message: `gold file for "${source}" has no article in the run (failed, filtered out, or another corpus?); the run has "${near}": write the article's source as articles.jsonl gives it`},
    ])
  })
})

describe('pairArticles', () => {
  const sources = ['2019/jan/story.txt', '2020/jan/story.txt', 'other/a.txt', '2020/feed.jsonl:1']
  const run = () => predictions(sources.map((source, i) => ({...perfect(), article: article({id: `d${i}`, source})})))
  const ambiguous = (source: string, listed: string) =>
    `gold file for "${source}" matches 2 articles of the run equally (${listed}); not scored: write its "source" with the folder, or put the gold file in the subfolder the article is in (docs/gold.md)`
  it.each([
    ['the exact source', '2020/jan/story.txt', '2020/jan/story.txt', null],
    ['a flat name matching one article', 'a.txt', 'other/a.txt', null],
    ['a JSONL record by its line', 'feed.jsonl:1', '2020/feed.jsonl:1', null],
    ['a deeper corpus root: the most trailing parts', 'news/2019/jan/story.txt', '2019/jan/story.txt', null],
    ['a Windows path', '2019\\jan\\story.txt', '2019/jan/story.txt', null],
    ['a flat name matching two articles', 'story.txt', null, ambiguous('story.txt', '"2019/jan/story.txt", "2020/jan/story.txt"')],
    ['a shorter corpus root matching two', 'jan/story.txt', null, ambiguous('jan/story.txt', '"2019/jan/story.txt", "2020/jan/story.txt"')],
    ['no match at all', 'b.txt', null, null],
  ])('%s: %s pairs with %s', (_name, source, expected, message) => {
    const problems: EvalProblem[] = []
    const g = {...GOLD, source}
    expect(pairArticles([g], run(), problems).get(g)?.article.source ?? null).toBe(expected)
    expect(problems).toEqual(message === null ? [] : [{source, code: 'eval:ambiguous-source', message}])
  })

  it('reports an ambiguous gold file once, as an error, and scores the rest', () => {
    const report = scoreDocuments([{...GOLD, source: 'story.txt'}, {...GOLD, source: 'a.txt'}], run())
    expect(report.errors.map((e) => e.code)).toEqual(['eval:ambiguous-source'])
    expect(report.problems).toEqual([])
    expect(report.documents).toEqual({gold: 2, scored: 1, withoutPrediction: 1, predictedWithoutGold: 3})
  })
})

describe('lede eval on a corpus in subfolders', () => {
  afterEach(() => vi.restoreAllMocks())
  const data = new URL('../data/eval-subfolders/', import.meta.url).pathname

  // the fixture holds story.txt in two folders and a JSONL record; gold mirrors them (one saved as .JSON)
  it('scores each same-named article against its own gold, and refuses a flat gold that names both', async () => {
    const said: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (said.push(String(s)), true))
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const out = join(mkdtempSync(join(tmpdir(), 'lede-eval-sub-')), 'out')
    expect(await main(['run', join(data, 'corpus'), '--out', out, '--quiet'])).toBe(0)
    const json = join(out, 'report.json')
    expect(await main(['eval', '--gold', join(data, 'gold'), '--pred', out, '--json', json])).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as Awaited<ReturnType<typeof evaluate>>
    expect(report.documents).toEqual({gold: 3, scored: 3, withoutPrediction: 0, predictedWithoutGold: 0})
    expect(report.perDoc.map((d) => d.source).sort()).toEqual(['2019/jan/story.txt', '2020/feed.jsonl:1', '2020/jan/story.txt'])
    expect(await main(['eval', '--gold', join(data, 'gold-flat'), '--pred', out])).toBe(1)
    expect(said.join('')).toContain('story.txt  eval:ambiguous-source  gold file for "story.txt" matches 2 articles of the run equally ("2019/jan/story.txt", "2020/jan/story.txt")')
  }, 180_000)
})

describe('formatReport', () => {
  it('prints scores x100 with 2 decimals and null as a dash', () => {
    const p = perfect()
    p.entities = [entity('Kyiv', 'LOC')]
    p.money = []
    const text = formatReport(scoreDocuments([GOLD], predictions([p])))
    expect(text).toMatch(/^entities\s+100\.00\s+33\.33\s+50\.00\s+100\.00\s+33\.33\s+50\.00\s+3\s+1$/m)
    expect(text).toMatch(/^ {2}DATE\s+0\.00\s+0\.00\s+0\.00/m)
    expect(text).toMatch(/^money value accuracy .*\s-\s+\(0\/0\)$/m)
    expect(text).toMatch(/^speaker accuracy .*100\.00\s+\(2\/2\)$/m)
  })
})

describe('evaluate', () => {
  const root = mkdtempSync(join(tmpdir(), 'lede-eval-'))
  afterAll(() => rmSync(root, {recursive: true, force: true}))
  const goldDir = join(root, 'gold')
  const predDir = join(root, 'out')
  mkdirSync(goldDir)
  mkdirSync(predDir)
  const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '')

  it('reads gold and a run folder and reports speed from the manifest', async () => {
    writeFileSync(join(goldDir, 'a.json'), JSON.stringify(GOLD))
    const p = perfect()
    writeFileSync(join(predDir, 'articles.jsonl'), jsonl([p.article]))
    writeFileSync(join(predDir, 'entities.jsonl'), jsonl([...p.entities, {docId: 'zz', id: 'zz:e0', text: 'x', start: 0, end: 1, label: 'LOC', canonical: 'x', entityId: 'x'}]))
    writeFileSync(join(predDir, 'quotes.jsonl'), jsonl(p.quotes) + '{"broken": \n')
    writeFileSync(join(predDir, 'money.jsonl'), jsonl(p.money))
    writeFileSync(
      join(predDir, 'manifest.json'),
      JSON.stringify({
        tool: 'lede',
        version: '0.1.0',
        pipeline: 'default',
        stages: [],
        options: {},
        corpus: 'x',
        inputs: {files: 1, documents: 4},
        outputs: {articles: 1, entities: 3, quotes: 2, money: 1},
        errors: 0,
        failedDocuments: 0,
        timings: {totalMs: 2000, stagesMs: {}, megabytesPerSecond: 1},
      }),
    )
    const report = await evaluate({goldDir, predDir})
    expect(report.entities!.exact.f).toBe(1)
    expect(report.quotes!.exact.f).toBe(1)
    expect(report.speed).toEqual({documents: 4, totalMs: 2000, docsPerSecond: 2})
    expect(report.problems.map((x) => x.code)).toEqual(['eval:invalid-record', 'eval:unknown-doc'])
    expect(report.problems[0]!.message).toMatch(/^quotes\.jsonl:3: not valid JSON/)
    expect(formatReport(report)).toContain('speed: 2.0 docs/s')
  })

  it('leaves out a layer whose file is missing and fails clearly without articles.jsonl', async () => {
    rmSync(join(predDir, 'money.jsonl'))
    // the manifest says the run wrote a money record: the folder is a partial copy, and nothing is scored (it was
    // the layer left out, exit 0)
    await expect(evaluate({goldDir, predDir})).rejects.toThrow(/^\[eval:missing-file\] ".*money\.jsonl" is missing, but manifest\.json says the run wrote 1 records into it: copy the whole output folder \(nothing was scored\)$/)
    writeFileSync(join(predDir, 'money.jsonl'), '')
    await expect(evaluate({goldDir, predDir})).rejects.toThrow(/money\.jsonl" is empty, but manifest\.json says/)
    // without a manifest (a folder made by hand) the layer is left out, as before
    rmSync(join(predDir, 'money.jsonl'))
    rmSync(join(predDir, 'manifest.json'))
    const report = await evaluate({goldDir, predDir})
    expect(report.money).toBeNull()
    expect(report.problems.map((x) => x.code)).toContain('eval:missing-file')
    rmSync(join(predDir, 'articles.jsonl'))
    await expect(evaluate({goldDir, predDir})).rejects.toThrow(/\[eval:no-articles\]/)
    // an interrupted run's folder says so, and how to finish it
    mkdirSync(join(predDir, 'lede-staging.incomplete'))
    await expect(evaluate({goldDir, predDir})).rejects.toThrow(/^\[eval:no-articles\] ".*" holds no finished run, only an interrupted one \(lede-staging\.incomplete\/\): finish it first with the same lede run command plus --resume$/)
  })
})
