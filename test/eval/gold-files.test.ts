import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {scoreDocuments, type PredictedArticle} from '../../src/eval/evaluate.ts'
import {findWholeWord, locateGold, readGold, validateGold} from '../../src/eval/gold.ts'

/*
 * The hand-written gold fixtures in test/gold must validate and every string in them must be
 * found in the RAW seed article (corpus/<source>), so any failure to find one later is the
 * pipeline's cleaning, not a typo in the gold.
 */

const goldDir = new URL('../gold/', import.meta.url)
const corpusDir = new URL('../../corpus/', import.meta.url)
const files = readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()
const raw = (source: string) => readFileSync(new URL(source, corpusDir), 'utf8')

describe('test/gold', () => {
  it('has one gold file per seed article', () => {
    const seeds = readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).sort()
    const sources = files.map((f) => JSON.parse(readFileSync(new URL(f, goldDir), 'utf8')).source)
    expect(sources.sort()).toEqual(seeds)
  })

  it.each(files)('%s validates and every string is found in the raw seed text', (name) => {
    const result = validateGold(JSON.parse(readFileSync(new URL(name, goldDir), 'utf8')), name)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const gold = result.gold
    expect(name).toBe(gold.source.replace(/\.txt$/, '.json'))
    const text = raw(gold.source)
    const located = locateGold(gold, text)
    // no string missing, shadowed, or with a speaker mention out of reach
    expect(located.problems.map((p) => p.message)).toEqual([])
    // every listed entity string marks at least one mention; quotes and money are unique
    for (const e of gold.entities ?? []) expect(located.entities.some((s) => s.text === e.text && s.label === e.label), e.text).toBe(true)
    for (const q of gold.quotes ?? []) expect(findWholeWord(text, q.text), q.text).toHaveLength(1)
    for (const m of gold.money ?? []) expect(findWholeWord(text, m.text), m.text).toHaveLength(1)
    expect(located.quotes).toHaveLength(gold.quotes?.length ?? 0)
    expect(located.money).toHaveLength(gold.money?.length ?? 0)
    // the speaker's words sit next to their quote, in the same paragraph (one line in every seed)
    for (const q of located.quotes) {
      const m = q.speaker.mentionSpan
      if (!m) continue
      const between = text.slice(Math.min(m.end, q.end), Math.max(m.start, q.start))
      expect(between.includes('\n'), q.text).toBe(false)
    }
  })

  // boilerplate lines as the annotator judged them (1-based): cookie banners, captions, photo
  // credits, Cyrillic captions, the headline; no gold string may live only there
  const boilerplate: Record<string, number[]> = {
    '000_bf559d445b3d4308.txt': [1, 2, 3, 4, 5, 6],
    '001_e3b7a759f26948d1.txt': [1, 2, 3, 4, 5, 6, 7, 8, 9, 19, 20, 30, 31, 45, 46, 56, 57, 69, 71, 73, 83, 84, 90, 92],
    '002_ca2a2e5aed6c484b.txt': [1, 2],
    '003_e47be675eeaa7a6e.txt': [],
  }

  it.each(Object.entries(boilerplate))('%s: every gold string survives removing its boilerplate lines', (source, lines) => {
    const name = source.replace(/\.txt$/, '.json')
    const result = validateGold(JSON.parse(readFileSync(new URL(name, goldDir), 'utf8')), name)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const kept = raw(source)
      .split('\n')
      .filter((_, i) => !lines.includes(i + 1))
      .join('\n')
    expect(locateGold(result.gold, kept).problems.map((p) => p.message)).toEqual([])
  })

  it('scores predictions built from the gold itself at 100 on every layer', async () => {
    const gold = await readGold(goldDir.pathname)
    const articles: PredictedArticle[] = gold.map((g, d) => {
      const text = raw(g.source)
      const located = locateGold(g, text)
      const docId = `doc${d}`
      // the seeds hold no astral characters, so UTF-16 offsets are code points here
      expect(Array.from(text).length).toBe(text.length)
      return {
        article: {id: docId, source: g.source, title: null, text, removed: [], counts: {paragraphs: 0, sentences: 0, tokens: 0, entities: 0, quotes: 0, money: 0}, warnings: []},
        entities: located.entities.map((e, i) => ({docId, id: `${docId}:e${i}`, text: e.text, start: e.start, end: e.end, label: e.label, canonical: e.canonical, entityId: e.canonical})),
        quotes: located.quotes.map((q, i) => ({
          docId,
          id: `${docId}:q${i}`,
          text: q.text,
          start: q.start,
          end: q.end,
          kind: q.kind,
          cue: null,
          cueLemma: null,
          cueStart: null,
          cueEnd: null,
          speaker: {
            mention: q.speaker.mention,
            start: q.speaker.mentionSpan?.start ?? null,
            end: q.speaker.mentionSpan?.end ?? null,
            name: q.speaker.name,
            entityId: q.speaker.name,
          },
        })),
        money: located.money.map((m, i) => ({docId, id: `${docId}:m${i}`, text: m.text, start: m.start, end: m.end, amount: m.amount, value: String(m.amount), currency: m.currency, currencyAssumed: false})),
      }
    })
    const report = scoreDocuments(gold, {articles, layers: {entities: true, quotes: true, money: true}, speed: null, problems: []})
    expect(report.problems).toEqual([])
    expect([report.entities!.exact.f, report.entities!.overlap.f, report.quotes!.exact.f, report.money!.exact.f]).toEqual([1, 1, 1, 1])
    expect([report.quotes!.speakerAcc.acc, report.money!.valueAcc.acc, report.entities!.canonicalAcc.acc]).toEqual([1, 1, 1])
  })
})
