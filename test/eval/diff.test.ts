import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {diffDocuments} from '../../src/eval/diff.ts'
import type {Predictions} from '../../src/eval/evaluate.ts'
import type {GoldFile} from '../../src/eval/gold.ts'
import {main} from '../../src/cli.ts'

const root = new URL('../..', import.meta.url).pathname

// code-point offsets: the emoji before the quote moves every UTF-16 offset by one
const text = '😀 "We will win," Ann Lee said. Bob Roe paid $5 in Paris.'
const cp = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length
const article = {id: 'd1', source: 'a.txt', title: null, text, removed: [], counts: {paragraphs: 1, sentences: 2, tokens: 12, entities: 3, quotes: 1, money: 1}, warnings: []}
const entity = (s: string, label: 'PERSON' | 'LOC' | 'ORG', n: number) => ({docId: 'd1', id: `d1:e${n}`, text: s, start: cp(s), end: cp(s) + Array.from(s).length, label, canonical: s, entityId: `x:${n}`})

const predictions: Predictions = {
  articles: [
    {
      article,
      // Ann Lee right; "Roe" has the wrong extent; Paris labelled ORG; "win" spurious
      entities: [entity('Ann Lee', 'PERSON', 0), entity('Roe', 'PERSON', 1), entity('Paris', 'ORG', 2), entity('win', 'PERSON', 3)],
      quotes: [
        {docId: 'd1', id: 'd1:q0', text: 'We will win,', start: cp('We will'), end: cp('We will') + 12, kind: 'direct', cue: 'said', cueLemma: 'say', cueStart: cp('said'), cueEnd: cp('said') + 4, speaker: {mention: 'Bob Roe', start: cp('Bob Roe'), end: cp('Bob Roe') + 7, name: 'Bob Roe', entityId: 'x:1'}},
      ],
      money: [{docId: 'd1', id: 'd1:m0', text: '$5', start: cp('$5'), end: cp('$5') + 2, amount: 5, value: '5', currency: 'CAD', currencyAssumed: false}],
    },
  ],
  layers: {entities: true, quotes: true, money: true},
  speed: null,
  problems: [],
}

const gold: GoldFile = {
  source: 'a.txt',
  entities: [
    {text: 'Ann Lee', label: 'PERSON'},
    {text: 'Bob Roe', label: 'PERSON'},
    {text: 'Paris', label: 'LOC'},
  ],
  quotes: [{text: 'We will win,', kind: 'direct', speaker: {mention: 'Ann Lee', name: 'Ann Lee'}}],
  money: [{text: '$5', amount: 5, currency: 'USD'}],
}

describe('diffDocuments', () => {
  const [diff] = diffDocuments([gold], predictions)
  const verdicts = (items: typeof diff.gold) => items.map((i) => [text.slice(i.start, i.end), i.layer, i.verdict, i.detail, i.other ?? null])

  it('marks every gold record with how it fared, on UTF-16 spans', () => {
    expect(verdicts(diff!.gold)).toEqual([
      ['We will win,', 'quotes', 'speaker', 'Ann Lee', 'Bob Roe'],
      ['Ann Lee', 'entities', 'hit', 'PERSON', null],
      ['Bob Roe', 'entities', 'boundary', 'PERSON', null],
      ['$5', 'money', 'value', 'USD 5', 'CAD 5'],
      ['Paris', 'entities', 'label', 'LOC', 'ORG'],
    ])
  })

  it('marks the predictions that match nothing as spurious', () => {
    expect(verdicts(diff!.pred).filter(([, , v]) => v === 'spurious')).toEqual([['win', 'entities', 'spurious', 'PERSON', null]])
    expect(diff!.errors).toBe(5)
  })
})

describe('lede eval --html', () => {
  afterEach(() => vi.restoreAllMocks())

  it('writes the report as a page with every gold article side by side', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const out = join(mkdtempSync(join(tmpdir(), 'lede-evalhtml-')), 'out')
    expect(await main(['run', join(root, 'corpus'), '--out', out, '--quiet'])).toBe(0)
    const page = join(out, 'eval.html')
    expect(await main(['eval', '--gold', join(root, 'test/gold'), '--pred', out, '--html', page])).toBe(0)
    const html = readFileSync(page, 'utf8')
    for (const source of ['000_bf559d445b3d4308.txt', '001_e3b7a759f26948d1.txt', '002_ca2a2e5aed6c484b.txt', '003_e47be675eeaa7a6e.txt']) expect(html).toContain(source)
    for (const label of ['PERSON', 'ORG', 'LOC', 'MISC', 'DATE']) expect(html).toMatch(new RegExp(`<span class="badge"[^>]*>${label}</span>`))
    expect(html).toMatch(/<h3>gold<\/h3>[\s\S]*<h3>lede<\/h3>/)
  }, 180_000)
})
