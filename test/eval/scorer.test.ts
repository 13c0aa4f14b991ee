import {describe, expect, it} from 'vitest'
import type {GoldMoneySpan, GoldQuoteSpan, GoldSpeakerSpan} from '../../src/eval/gold.ts'
import {
  isSpeakerRight,
  matchSpans,
  normaliseName,
  sameAmount,
  scoreMoney,
  scoreQuotes,
  scoreSpans,
  type LabeledSpan,
  type PredictedQuote,
} from '../../src/eval/scorer.ts'

const span = (start: number, end: number, label = 'X'): LabeledSpan => ({start, end, label})

describe('matchSpans', () => {
  it.each([
    ['exact', [span(0, 5)], [span(0, 5)], [[0, 0]]],
    ['exact', [span(0, 5)], [span(0, 4)], []],
    ['overlap', [span(0, 5)], [span(4, 9)], [[0, 0]]],
    ['overlap', [span(0, 5)], [span(5, 9)], []],
    // one prediction repays one gold span: the larger overlap wins
    ['overlap', [span(0, 5), span(6, 20)], [span(3, 18)], [[1, 0]]],
    // duplicate predictions: the second is unmatched
    ['exact', [span(0, 5)], [span(0, 5), span(0, 5)], [[0, 0]]],
    // equal overlaps: the earlier gold span wins
    ['overlap', [span(0, 4), span(5, 9)], [span(0, 9)], [[0, 0]]],
  ] as const)('%s %j vs %j pairs %j', (mode, gold, pred, pairs) => {
    expect(matchSpans(gold, pred, mode)).toEqual(pairs)
  })
})

describe('scoreSpans', () => {
  const gold = [span(0, 4, 'LOC'), span(10, 23, 'PERSON'), span(30, 36, 'ORG')]
  const pred = [span(0, 4, 'LOC'), span(16, 23, 'PERSON'), span(30, 36, 'LOC'), span(40, 44, 'DATE')]

  it.each([
    ['exact', true, {tp: 1, fp: 3, fn: 2}, {LOC: [1, 1, 0], PERSON: [0, 1, 1], ORG: [0, 0, 1], DATE: [0, 1, 0]}],
    ['overlap', true, {tp: 2, fp: 2, fn: 1}, {LOC: [1, 1, 0], PERSON: [1, 0, 0], ORG: [0, 0, 1], DATE: [0, 1, 0]}],
    ['exact', false, {tp: 2, fp: 2, fn: 1}, {LOC: [1, 0, 0], PERSON: [0, 1, 1], ORG: [1, 0, 0], DATE: [0, 1, 0]}],
  ] as const)('%s (labeled=%s) counts %j', (match, labeled, total, perLabel) => {
    const s = scoreSpans(gold, pred, {match, labeled})
    expect(s.total.toJSON()).toMatchObject(total)
    const counts = Object.fromEntries([...s.perLabel].map(([l, v]) => [l, [v.tp, v.fp, v.fn]]))
    expect(counts).toEqual(perLabel)
  })

  it('gives null scores when nothing was scored', () => {
    const s = scoreSpans([], [], {match: 'exact'})
    expect(s.total.toJSON()).toEqual({tp: 0, fp: 0, fn: 0, p: null, r: null, f: null})
  })
})

const goldSpeaker = (over: Partial<GoldSpeakerSpan>): GoldSpeakerSpan => ({
  mention: 'Kremlin spokesman Dmitry Peskov',
  name: 'Dmitry Peskov',
  nameAliases: [],
  mentionSpan: {start: 100, end: 131},
  headSpan: {start: 100, end: 131},
  ...over,
})
const predSpeaker = (over: Partial<PredictedQuote['speaker']>): PredictedQuote['speaker'] => ({mention: null, start: null, end: null, name: null, ...over})

describe('isSpeakerRight', () => {
  const anonymous = goldSpeaker({mention: 'one Moscow-based analyst', name: null, mentionSpan: {start: 50, end: 74}, headSpan: {start: 67, end: 74}})
  it.each([
    ['same name, other extent', goldSpeaker({}), predSpeaker({mention: 'Peskov', start: 125, end: 131, name: 'Dmitry Peskov'}), true],
    ['name differs only in case and spaces', goldSpeaker({}), predSpeaker({name: '  dmitry   PESKOV '}), true],
    ['pronoun resolved right', goldSpeaker({mention: 'he'}), predSpeaker({mention: 'he', start: 10, end: 12, name: 'Dmitry Peskov'}), true],
    ['right mention, unresolved name', goldSpeaker({}), predSpeaker({mention: 'Kremlin spokesman Dmitry Peskov', start: 100, end: 131, name: null}), false],
    ['wrong person', goldSpeaker({}), predSpeaker({name: 'Maria Zakharova'}), false],
    ['surname only is not the name', goldSpeaker({}), predSpeaker({name: 'Peskov'}), false],
    ['alias accepted', goldSpeaker({name: null, nameAliases: ['Russian Ministry of Foreign Affairs']}), predSpeaker({name: 'Russian Ministry of Foreign Affairs'}), true],
    ['alias typographic apostrophe', goldSpeaker({name: "Prosecutor's Office"}), predSpeaker({name: 'Prosecutor’s Office'}), true],
    ['anonymous: mention overlaps head', anonymous, predSpeaker({mention: 'analyst', start: 67, end: 74}), true],
    ['anonymous: wider mention overlaps head', anonymous, predSpeaker({mention: 'one Moscow-based analyst', start: 50, end: 74}), true],
    ['anonymous: mention misses head', anonymous, predSpeaker({mention: 'Moscow-based', start: 54, end: 66}), false],
    ['anonymous: invented name', anonymous, predSpeaker({mention: 'analyst', start: 67, end: 74, name: 'Moscow'}), false],
    ['anonymous: no speaker', anonymous, predSpeaker({}), false],
  ])('%s', (_, gold, pred, right) => {
    expect(isSpeakerRight(gold, pred)).toBe(right)
  })

  it('falls back to the mention words when the prediction has no offsets', () => {
    const text = ' '.repeat(50) + 'one Moscow-based analyst'
    expect(isSpeakerRight(anonymous, predSpeaker({mention: 'the analyst'}), text)).toBe(true)
    expect(isSpeakerRight(anonymous, predSpeaker({mention: 'the analysts'}), text)).toBe(false)
  })

  it('normalises names', () => {
    expect(normaliseName(' Ursula  von der\nLeyen ')).toBe('ursula von der leyen')
  })
})

describe('scoreQuotes', () => {
  const q = (start: number, end: number, kind: 'direct' | 'partial', name: string | null): GoldQuoteSpan => ({
    start,
    end,
    text: 'x',
    kind,
    speaker: goldSpeaker({name}),
  })
  const p = (start: number, end: number, kind: string, name: string | null): PredictedQuote => ({start, end, kind, speaker: predSpeaker({name})})

  it('scores spans exactly and by overlap, and speakers over overlap matches', () => {
    const gold = [q(0, 10, 'direct', 'A'), q(20, 30, 'partial', 'B'), q(40, 50, 'direct', 'C')]
    const pred = [p(0, 10, 'direct', 'A'), p(19, 30, 'partial', 'X'), p(60, 70, 'direct', 'C')]
    const s = scoreQuotes(gold, pred)
    expect(s.exact.toJSON()).toMatchObject({tp: 1, fp: 2, fn: 2})
    expect(s.overlap.toJSON()).toMatchObject({tp: 2, fp: 1, fn: 1})
    expect(s.speakerAcc.toJSON()).toEqual({correct: 1, total: 2, acc: 0.5})
    expect(s.speaker.toJSON()).toMatchObject({tp: 1, fp: 2, fn: 2})
    expect(s.kindAcc.toJSON()).toEqual({correct: 2, total: 2, acc: 1})
  })

  it('gives null speaker accuracy when no quote matched', () => {
    expect(scoreQuotes([q(0, 5, 'direct', 'A')], []).speakerAcc.acc).toBeNull()
  })
})

describe('scoreMoney', () => {
  const g = (start: number, end: number, amount: number, currency: string): GoldMoneySpan => ({start, end, text: 'x', amount, currency})

  it.each([
    ['all right', [{start: 0, end: 10, amount: 6e9, currency: 'EUR'}], {correct: 1, total: 1, acc: 1}, 1],
    ['wrong currency', [{start: 0, end: 10, amount: 6e9, currency: 'USD'}], {correct: 0, total: 1, acc: 0}, 1],
    ['wrong amount', [{start: 0, end: 10, amount: 6e6, currency: 'EUR'}], {correct: 0, total: 1, acc: 0}, 1],
    ['overlap only still judged', [{start: 1, end: 10, amount: 6e9, currency: 'EUR'}], {correct: 1, total: 1, acc: 1}, 0],
    ['float drift tolerated', [{start: 0, end: 10, amount: 6e9 + 1e-3, currency: 'EUR'}], {correct: 1, total: 1, acc: 1}, 1],
    ['nothing predicted', [], {correct: 0, total: 0, acc: null}, 0],
  ])('%s', (_, pred, valueAcc, exactTp) => {
    const s = scoreMoney([g(0, 10, 6e9, 'EUR')], pred)
    expect(s.valueAcc.toJSON()).toEqual(valueAcc)
    expect(s.exact.tp).toBe(exactTp)
  })

  it.each([
    [6980000000, 6.98 * 1e9, true],
    [0.1 + 0.2, 0.3, true],
    [500000000, 500000001, false],
    [0, 1e-12, true],
  ])('sameAmount(%d, %d) is %s', (a, b, same) => {
    expect(sameAmount(a, b)).toBe(same)
  })
})
