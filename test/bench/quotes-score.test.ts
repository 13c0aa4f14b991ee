import {describe, expect, it} from 'vitest'
import {coveredChars, groupPredictions, matchQuotes, parseBrat, prf, readGold, speakerRight, type PredictedQuote} from '../../bench/quotes-score.ts'

describe('parseBrat', () => {
  it('reads spans by their tab-separated prefix, even when a surface text runs over lines', () => {
    const ann = [
      'T1\tSource 0 8\tJane Roe',
      'T2\tCue 9 13\tsaid',
      'T3\tContent 15 30;32 40\t"first part',
      'second part"',
      'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
      'T4\tContent 50 60\tmore',
      '',
    ].join('\n')
    const brat = parseBrat(ann)
    expect([...brat.spans.keys()]).toEqual(['T1', 'T2', 'T3', 'T4'])
    expect(brat.spans.get('T3')).toEqual({id: 'T3', label: 'Content', segments: [{start: 15, end: 30}, {start: 32, end: 40}]})
    expect(brat.events).toEqual([{Attribution: 'T2', Content: 'T3', Cue: 'T2', Source: 'T1'}])
  })

  it('sorts discontinuous segments', () => {
    expect(parseBrat('T1\tContent 20 30;0 10\tx\n').spans.get('T1')!.segments).toEqual([
      {start: 0, end: 10},
      {start: 20, end: 30},
    ])
  })
})

describe('readGold', () => {
  const text = 'Jane Roe said: "We will win." She thinks they will lose.'
  const ann = [
    'T1\tSource 0 8\tJane Roe',
    'T2\tCue 9 13\tsaid',
    'T3\tContent 15 29\t"We will win."',
    'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
    'T4\tSource 30 33\tShe',
    'T5\tCue 34 40\tthinks',
    'T6\tContent 41 56\tthey will lose.',
    'E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4',
  ].join('\n')

  it('keeps contents that begin with a quote mark as direct quotes, marks excluded', () => {
    const gold = readGold(text, parseBrat(ann))
    expect(gold.quotes).toHaveLength(1)
    expect(gold.quotes[0]).toMatchObject({ranges: [{start: 16, end: 28}], chars: 12, sources: [{start: 0, end: 8}]})
    expect(text.slice(16, 28)).toBe('We will win.')
  })

  it('keeps the other contents for not scoring fragments inside them', () => {
    expect(readGold(text, parseBrat(ann)).others).toEqual([[{start: 41, end: 56}]])
  })
})

const gold = (ranges: Array<[number, number]>, sources: Array<[number, number]> = []) => ({
  ranges: ranges.map(([start, end]) => ({start, end})),
  chars: ranges.reduce((sum, [s, e]) => sum + e - s, 0),
  extent: {start: ranges[0]![0], end: ranges.at(-1)![1]},
  sources: sources.map(([start, end]) => ({start, end})),
})
const predicted = (start: number, end: number, speaker: [number, number] | null = null): PredictedQuote => ({
  start,
  end,
  speaker: speaker ? {start: speaker[0], end: speaker[1]} : null,
  mention: speaker ? 'x' : null,
})

describe('groupPredictions', () => {
  it('joins consecutive quotes that share a speaker mention (an interrupted or continued quotation)', () => {
    const units = groupPredictions([predicted(0, 10, [12, 20]), predicted(30, 40, [12, 20]), predicted(50, 60, [62, 70])])
    expect(units.map((u) => u.parts.length)).toEqual([2, 1])
  })

  it('keeps quotes without a speaker apart', () => {
    expect(groupPredictions([predicted(0, 10), predicted(20, 30)])).toHaveLength(2)
  })
})

describe('matchQuotes', () => {
  it('counts a match when coverage exceeds the threshold, one to one', () => {
    const golds = [gold([[0, 100]]), gold([[200, 300]])]
    const units = groupPredictions([predicted(0, 50), predicted(60, 90), predicted(200, 290)])
    const loose = matchQuotes(golds, [], units, 0.3)
    expect([loose.tp, loose.fp, loose.fn]).toEqual([2, 1, 0])
    const strict = matchQuotes(golds, [], units, 0.8)
    expect([strict.tp, strict.fp, strict.fn]).toEqual([1, 2, 1])
  })

  it('measures coverage over all segments of a discontinuous quote', () => {
    const g = gold([[0, 10], [20, 30]])
    expect(coveredChars(g, groupPredictions([predicted(0, 10, [12, 18]), predicted(20, 30, [12, 18])])[0]!)).toBe(20)
  })

  it('does not count a fragment inside an indirect-speech content as spurious', () => {
    const score = matchQuotes([], [[{start: 0, end: 100}]], groupPredictions([predicted(40, 60)]), 0.3)
    expect([score.tp, score.fp, score.ignored]).toEqual([0, 0, [0]])
  })

  it('judges the speaker by overlap with the gold source', () => {
    const g = gold([[0, 10]], [[12, 20]])
    expect(speakerRight(g, groupPredictions([predicted(0, 10, [15, 25])])[0]!)).toBe(true)
    expect(speakerRight(g, groupPredictions([predicted(0, 10, [30, 40])])[0]!)).toBe(false)
    expect(speakerRight(g, groupPredictions([predicted(0, 10)])[0]!)).toBe(false)
  })
})

describe('prf', () => {
  it.each([
    [8, 2, 2, {p: 0.8, r: 0.8, f: 0.8}],
    [0, 0, 0, {p: 0, r: 0, f: 0}],
  ])('tp %i fp %i fn %i', (tp, fp, fn, expected) => {
    const result = prf(tp, fp, fn)
    expect(result.p).toBeCloseTo(expected.p)
    expect(result.r).toBeCloseTo(expected.r)
    expect(result.f).toBeCloseTo(expected.f)
  })
})
