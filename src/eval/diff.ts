import type {Span} from '../doc.ts'
import {locateGold, type GoldFile} from './gold.ts'
import {createUtf16Mapper} from '../io/offsets.ts'
import {pairArticles, type Predictions} from './evaluate.ts'
import {isSpeakerRight, matchSpans, sameAmount} from './scorer.ts'

/*
 * The record-level side of `lede eval`: which gold spans were found, missed or found with the
 * wrong boundary, label, speaker or value, and which predictions are spurious. The same one-to-one
 * matching as the scorer (exact first, then overlap), so the page and the scores agree.
 */

/** How a gold or predicted record fared. */
export type Verdict = 'hit' | 'boundary' | 'label' | 'speaker' | 'value' | 'missed' | 'spurious'

/** One record of either side, with its UTF-16 span into the article text and what to show. */
export interface DiffItem extends Span {
  layer: 'entities' | 'quotes' | 'money'
  verdict: Verdict
  /** label, speaker name or normalised value as annotated on this side */
  detail: string
  /** the other side's detail when they disagree (label, speaker or value) */
  other?: string
}

/** One article's gold and predicted records side by side. */
export interface DocDiff {
  source: string
  docId: string
  title: string | null
  text: string
  gold: DiffItem[]
  pred: DiffItem[]
  /** counts of non-hits, for sorting the worst articles first */
  errors: number
}

/** Compares gold and predicted records of every paired article, record by record. */
export function diffDocuments(gold: readonly GoldFile[], predictions: Predictions): DocDiff[] {
  const pairs = pairArticles(gold, predictions, [])
  const out: DocDiff[] = []
  for (const g of gold) {
    const entry = pairs.get(g)
    if (!entry) continue
    const text = entry.article.text
    const at = createUtf16Mapper(text)
    const span = (r: {start: number; end: number}): Span | null => {
      const start = at(r.start)
      const end = at(r.end)
      return start === null || end === null || end < start ? null : {start, end}
    }
    const located = locateGold(g, text)
    const goldItems: DiffItem[] = []
    const predItems: DiffItem[] = []

    if (g.entities && predictions.layers.entities) {
      const labels = new Set<string>(g.entityLabels ?? ['PERSON', 'ORG', 'LOC', 'MISC', 'DATE'])
      const pred = entry.entities.filter((e) => labels.has(e.label)).flatMap((e) => (span(e) ? [{...span(e)!, label: e.label}] : []))
      const gs = located.entities
      const done = {g: new Set<number>(), p: new Set<number>()}
      const take = (pairsFound: Array<[number, number]>, verdict: Verdict) => {
        for (const [gi, pi] of pairsFound) {
          if (done.g.has(gi) || done.p.has(pi)) continue
          done.g.add(gi)
          done.p.add(pi)
          const other = gs[gi]!.label !== pred[pi]!.label ? pred[pi]!.label : undefined
          goldItems.push({...gs[gi]!, layer: 'entities', verdict, detail: gs[gi]!.label, ...(other ? {other} : {})})
          predItems.push({...pred[pi]!, layer: 'entities', verdict, detail: pred[pi]!.label, ...(other ? {other: gs[gi]!.label} : {})})
        }
      }
      const rest = <T>(items: readonly T[], used: Set<number>) => items.map((x, i) => ({x, i})).filter(({i}) => !used.has(i))
      take(matchSpans(gs, pred, 'exact', (a, b) => a.label === b.label), 'hit')
      // the remaining pairs, in the scorer's order of preference: right label wrong extent, then right extent wrong label
      const remaining = (mode: 'exact' | 'overlap', sameLabel: boolean) => {
        const gr = rest(gs, done.g)
        const pr = rest(pred, done.p)
        return matchSpans(
          gr.map((r) => r.x),
          pr.map((r) => r.x),
          mode,
          sameLabel ? (a, b) => a.label === b.label : undefined,
        ).map(([a, b]): [number, number] => [gr[a]!.i, pr[b]!.i])
      }
      take(remaining('overlap', true), 'boundary')
      take(remaining('exact', false), 'label')
      take(remaining('overlap', false), 'label')
      for (const {x} of rest(gs, done.g)) goldItems.push({start: x.start, end: x.end, layer: 'entities', verdict: 'missed', detail: x.label})
      for (const {x} of rest(pred, done.p)) predItems.push({start: x.start, end: x.end, layer: 'entities', verdict: 'spurious', detail: x.label})
    }

    if (g.quotes && predictions.layers.quotes) {
      const pred = entry.quotes
        .filter((q) => q.kind !== 'indirect')
        .flatMap((q) => {
          const s = span(q)
          if (!s) return []
          const sp = q.speaker.start !== null && q.speaker.end !== null ? span({start: q.speaker.start, end: q.speaker.end}) : null
          return [{...s, kind: q.kind, speaker: {mention: q.speaker.mention, start: sp?.start ?? null, end: sp?.end ?? null, name: q.speaker.name}}]
        })
      const gs = located.quotes
      const pairsFound = matchSpans(gs, pred, 'overlap')
      const gHit = new Set(pairsFound.map(([a]) => a))
      const pHit = new Set(pairsFound.map(([, b]) => b))
      const goldName = (i: number) => gs[i]!.speaker.name ?? gs[i]!.speaker.mention ?? 'no speaker'
      const predName = (i: number) => pred[i]!.speaker.name ?? pred[i]!.speaker.mention ?? 'no speaker'
      for (const [gi, pi] of pairsFound) {
        const right = isSpeakerRight(gs[gi]!.speaker, pred[pi]!.speaker, text)
        const exact = gs[gi]!.start === pred[pi]!.start && gs[gi]!.end === pred[pi]!.end
        const verdict: Verdict = !right ? 'speaker' : exact ? 'hit' : 'boundary'
        goldItems.push({start: gs[gi]!.start, end: gs[gi]!.end, layer: 'quotes', verdict, detail: goldName(gi), ...(right ? {} : {other: predName(pi)})})
        predItems.push({start: pred[pi]!.start, end: pred[pi]!.end, layer: 'quotes', verdict, detail: predName(pi), ...(right ? {} : {other: goldName(gi)})})
      }
      gs.forEach((q, i) => gHit.has(i) || goldItems.push({start: q.start, end: q.end, layer: 'quotes', verdict: 'missed', detail: goldName(i)}))
      pred.forEach((q, i) => pHit.has(i) || predItems.push({start: q.start, end: q.end, layer: 'quotes', verdict: 'spurious', detail: predName(i)}))
    }

    if (g.money && predictions.layers.money) {
      const pred = entry.money.flatMap((m) => (span(m) ? [{...span(m)!, amount: m.amount, currency: m.currency}] : []))
      const gs = located.money
      const pairsFound = matchSpans(gs, pred, 'overlap')
      const gHit = new Set(pairsFound.map(([a]) => a))
      const pHit = new Set(pairsFound.map(([, b]) => b))
      const show = (m: {amount: number; currency: string}) => `${m.currency} ${m.amount.toLocaleString('en-US', {maximumFractionDigits: 6})}`
      for (const [gi, pi] of pairsFound) {
        const a = gs[gi]!
        const b = pred[pi]!
        const right = a.currency === b.currency && sameAmount(a.amount, b.amount)
        const verdict: Verdict = !right ? 'value' : a.start === b.start && a.end === b.end ? 'hit' : 'boundary'
        goldItems.push({start: a.start, end: a.end, layer: 'money', verdict, detail: show(a), ...(right ? {} : {other: show(b)})})
        predItems.push({start: b.start, end: b.end, layer: 'money', verdict, detail: show(b), ...(right ? {} : {other: show(a)})})
      }
      gs.forEach((m, i) => gHit.has(i) || goldItems.push({start: m.start, end: m.end, layer: 'money', verdict: 'missed', detail: show(m)}))
      pred.forEach((m, i) => pHit.has(i) || predItems.push({start: m.start, end: m.end, layer: 'money', verdict: 'spurious', detail: show(m)}))
    }

    const byStart = (a: DiffItem, b: DiffItem) => a.start - b.start || a.end - b.end
    goldItems.sort(byStart)
    predItems.sort(byStart)
    const errors = goldItems.filter((i) => i.verdict !== 'hit').length + predItems.filter((i) => i.verdict === 'spurious').length
    out.push({source: entry.article.source, docId: entry.article.id, title: entry.article.title, text, gold: goldItems, pred: predItems, errors})
  }
  return out
}
