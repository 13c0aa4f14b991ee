/**
 * PolNeAR gold for direct quotes and the overlap scorer used by bench/quotes.ts.
 *
 * Conventions taken from how PolNeAR annotators mark quotations (see docs/quotes.md):
 * - a direct quote is an attribution Content whose text begins with a quote mark; its
 *   characters exclude the marks and surrounding whitespace at each segment's edges;
 * - one Content may be discontinuous: a quotation interrupted by its attribution
 *   ("A," she said, "b.") or continued in the next sentences or paragraphs of the same
 *   speaker is one Content with several segments, so consecutive predicted quotes that carry
 *   the same speaker mention (the same offsets) form one unit;
 * - a quoted fragment inside an indirect-speech Content ("said that ... 'x'") is not a
 *   direct-quote Content of its own: predictions inside such Contents are not counted.
 */
import type {Span} from '../src/doc.ts'
import {lookupCue} from '../src/quotes/cues.ts'
import {PRFScore} from '../src/eval/prf.ts'
import {createUtf16Mapper} from '../src/io/offsets.ts'

/** One text-bound annotation of a brat file, offsets as written (code points). */
export interface BratSpan {
  id: string
  label: string
  segments: Span[]
}

/** A parsed brat `.ann` file. */
export interface BratFile {
  spans: Map<string, BratSpan>
  /** event lines: role -> span id (e.g. {Attribution: 'T4', Content: 'T3', Source: 'T1'}) */
  events: Array<Record<string, string>>
}

/** Parses a brat standoff file by its tab-separated line prefixes (surface texts may contain newlines). */
export function parseBrat(ann: string): BratFile {
  const spans = new Map<string, BratSpan>()
  const events: Array<Record<string, string>> = []
  for (const m of ann.matchAll(/^(T\d+)\t([^\t ]+) ([\d ;]+)\t/gm)) {
    const segments = m[3]!
      .split(';')
      .map((part) => part.trim().split(/\s+/).map(Number))
      .map(([start, end]) => ({start: start!, end: end!}))
      .sort((a, b) => a.start - b.start || a.end - b.end)
    spans.set(m[1]!, {id: m[1]!, label: m[2]!, segments})
  }
  for (const m of ann.matchAll(/^(E\d+)\t([^\n]+)$/gm)) {
    const roles: Record<string, string> = {}
    for (const part of m[2]!.trim().split(/\s+/)) {
      const colon = part.lastIndexOf(':')
      if (colon > 0) roles[part.slice(0, colon)] = part.slice(colon + 1)
    }
    events.push(roles)
  }
  return {spans, events}
}

/** A gold direct quote: its character ranges (marks excluded) and the source's ranges. */
export interface GoldQuote {
  /** character ranges that count, in UTF-16 offsets, marks and edge whitespace excluded */
  ranges: Span[]
  chars: number
  /** the whole Content extent, for messages */
  extent: Span
  sources: Span[]
}

/** A gold Content that is not a direct quote (indirect speech, beliefs): predictions inside are not scored. */
export type GoldOther = Span[]

const MARK = /["“”‘’'«»„`]/
const EDGE = /[\s"“”‘’'«»„`]/

/** Reads the gold direct quotes and other Contents of one article (UTF-16 offsets); `indirect` are the other Contents whose cue is a speech verb. */
export function readGold(text: string, brat: BratFile): {quotes: GoldQuote[]; others: GoldOther[]; indirect: GoldQuote[]} {
  const mapper = createUtf16Mapper(text)
  const toUtf16 = (cp: number): number => {
    const utf16 = mapper(cp)
    if (utf16 === null) throw new RangeError(`brat offset ${cp} is outside the text (${text.length} UTF-16 units)`)
    return utf16
  }
  const convert = (segments: Span[]): Span[] => segments.map((s) => ({start: toUtf16(s.start), end: toUtf16(s.end)}))
  const sourceOf = new Map<string, string>()
  const cueOf = new Map<string, string>()
  for (const event of brat.events) {
    for (const [role, id] of Object.entries(event)) {
      if (role.startsWith('Content') && event['Source'] && !sourceOf.has(id)) sourceOf.set(id, event['Source'])
      if (role.startsWith('Content') && event['Cue'] && !cueOf.has(id)) cueOf.set(id, event['Cue'])
    }
  }
  const quotes: GoldQuote[] = []
  const others: GoldOther[] = []
  const indirect: GoldQuote[] = []
  const seen = new Set<string>()
  for (const span of brat.spans.values()) {
    if (!span.label.startsWith('Content')) continue
    const segments = convert(span.segments)
    const key = segments.map((s) => `${s.start}-${s.end}`).join(';')
    if (seen.has(key)) continue
    seen.add(key)
    const first = text.slice(segments[0]!.start, segments[0]!.end).trimStart()
    const sourceId = sourceOf.get(span.id)
    const source = sourceId ? brat.spans.get(sourceId) : undefined
    if (!MARK.test(first[0] ?? '')) {
      others.push(segments)
      const cue = brat.spans.get(cueOf.get(span.id) ?? '')
      const cueText = cue ? convert(cue.segments).map((c) => text.slice(c.start, c.end)).join(' ') : ''
      if (/\baccording to\b/i.test(cueText) || cueText.split(/[^\p{L}]+/u).some((w) => lookupCue(w.toLowerCase())?.class === 'speech')) {
        const chars = segments.reduce((sum, r) => sum + r.end - r.start, 0)
        if (chars > 0) indirect.push({ranges: segments, chars, extent: {start: segments[0]!.start, end: segments.at(-1)!.end}, sources: source ? convert(source.segments) : []})
      }
      continue
    }
    const ranges: Span[] = []
    for (const segment of segments) {
      let {start, end} = segment
      while (start < end && EDGE.test(text[start]!)) start++
      while (end > start && EDGE.test(text[end - 1]!)) end--
      if (end > start) ranges.push({start, end})
    }
    const chars = ranges.reduce((sum, r) => sum + r.end - r.start, 0)
    if (chars === 0) continue
    quotes.push({
      ranges,
      chars,
      extent: {start: segments[0]!.start, end: segments.at(-1)!.end},
      sources: source ? convert(source.segments) : [],
    })
  }
  quotes.sort((a, b) => a.extent.start - b.extent.start)
  indirect.sort((a, b) => a.extent.start - b.extent.start)
  return {quotes, others, indirect}
}

/** A predicted quote as the scorer sees it. */
export interface PredictedQuote extends Span {
  speaker: Span | null
  mention: string | null
}

/** Predicted quotes grouped into attribution units (one speaker mention between interrupted parts). */
export interface PredictedUnit {
  parts: PredictedQuote[]
  speaker: Span | null
  mention: string | null
}

/**
 * Groups consecutive predictions that share one speaker mention (the same offsets): an interrupted
 * quotation ("A," she said, "b") and a quotation continued in the next paragraph are one PolNeAR Content.
 */
export function groupPredictions(predicted: PredictedQuote[]): PredictedUnit[] {
  const sorted = [...predicted].sort((a, b) => a.start - b.start)
  const units: PredictedUnit[] = []
  for (const quote of sorted) {
    const last = units.at(-1)
    if (
      last &&
      quote.speaker &&
      last.speaker &&
      quote.speaker.start === last.speaker.start &&
      quote.speaker.end === last.speaker.end
    ) {
      last.parts.push(quote)
      continue
    }
    units.push({parts: [quote], speaker: quote.speaker, mention: quote.mention})
  }
  return units
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/** Characters of `gold` covered by the unit's parts. */
export function coveredChars(gold: GoldQuote, unit: PredictedUnit): number {
  let covered = 0
  for (const range of gold.ranges) for (const part of unit.parts) covered += overlap(range, part)
  return covered
}

/** The outcome of scoring one article at one threshold. */
export interface ArticleScore {
  tp: number
  fp: number
  fn: number
  /** gold index -> unit index, for matches at this threshold */
  matches: Map<number, number>
  /** units not matched and not inside another Content: spurious */
  spurious: number[]
  /** units not matched but inside a non-direct Content: not counted */
  ignored: number[]
}

/** Matches units to gold quotes one to one, greedily by covered characters, counting a match when coverage exceeds `threshold`. */
export function matchQuotes(gold: GoldQuote[], others: GoldOther[], units: PredictedUnit[], threshold: number): ArticleScore {
  const pairs: Array<[number, number, number]> = []
  for (let g = 0; g < gold.length; g++) {
    for (let u = 0; u < units.length; u++) {
      const covered = coveredChars(gold[g]!, units[u]!)
      if (covered / gold[g]!.chars > threshold) pairs.push([covered, g, u])
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const matches = new Map<number, number>()
  const usedUnits = new Set<number>()
  for (const [, g, u] of pairs) {
    if (matches.has(g) || usedUnits.has(u)) continue
    matches.set(g, u)
    usedUnits.add(u)
  }
  const spurious: number[] = []
  const ignored: number[] = []
  for (let u = 0; u < units.length; u++) {
    if (usedUnits.has(u)) continue
    const unit = units[u]!
    const size = unit.parts.reduce((sum, p) => sum + p.end - p.start, 0)
    let inside = 0
    for (const segments of others) for (const segment of segments) for (const part of unit.parts) inside += overlap(segment, part)
    if (size > 0 && inside / size >= 0.5) ignored.push(u)
    else spurious.push(u)
  }
  return {tp: matches.size, fp: spurious.length, fn: gold.length - matches.size, matches, spurious, ignored}
}

/** Whether the unit's speaker mention overlaps the gold source (the bench's speaker criterion). */
export function speakerRight(gold: GoldQuote, unit: PredictedUnit): boolean {
  if (!unit.speaker) return false
  return gold.sources.some((source) => overlap(source, unit.speaker!) > 0)
}

/** Precision, recall and F1 from counts (0 when undefined), by the project's one scorer (src/eval/prf.ts). */
export function prf(tp: number, fp: number, fn: number): {p: number; r: number; f: number} {
  const score = new PRFScore(tp, fp, fn)
  return {p: score.precision ?? 0, r: score.recall ?? 0, f: score.fscore ?? 0}
}
