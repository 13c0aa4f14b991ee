import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {z} from 'zod'
import {ENTITY_LABELS, isNameLabel, type EntityLabel, type Span} from '../doc.ts'
import {createUtf16Mapper} from '../io/offsets.ts'
import {explainNoFinishedRun} from '../io/output.ts'
import {ArticleRecord, EntityRecord, MoneyRecord, QuoteRecord} from '../schema.ts'
import {GOLD_ENTITY_LABELS, locateGold, readGold, type GoldFile, type GoldProblem} from './gold.ts'
import {Accuracy, PRFScore, type AccuracyJSON, type ScoreJSON} from './prf.ts'
import {normaliseName, scoreMoney, scoreQuotes, scoreSpans, type LabeledSpan, type PredictedMoney, type PredictedQuote} from './scorer.ts'

/*
 * `lede eval`: score a run's output folder against hand-written gold files. Records carry
 * code-point offsets into their article's `text`; they are turned into UTF-16 spans here, once,
 * so gold (located in UTF-16) and predictions are compared in one unit.
 */

/** Where to read gold files and a run's output. */
export interface EvalOptions {
  /** folder of gold `*.json` files */
  goldDir: string
  /** a run's output folder (articles.jsonl, entities.jsonl, quotes.jsonl, money.jsonl, manifest.json) */
  predDir: string
}

/** A problem met while evaluating, tied to a source when it concerns one article. */
export interface EvalProblem {
  source: string | null
  code: string
  message: string
}

/** An article of the run with its records. */
export interface PredictedArticle {
  article: ArticleRecord
  entities: EntityRecord[]
  quotes: QuoteRecord[]
  money: MoneyRecord[]
}

/** A run's output as read for evaluation. */
export interface Predictions {
  articles: PredictedArticle[]
  /** which layer files the run wrote; a layer without its file is not scored */
  layers: {entities: boolean; quotes: boolean; money: boolean}
  /** documents per second from manifest.json, when present */
  speed: {documents: number; totalMs: number; docsPerSecond: number | null} | null
  problems: EvalProblem[]
}

/** A score with its per-label breakdown. */
export type LabeledScoreJSON = ScoreJSON & {perLabel: Record<string, ScoreJSON>}

/** Entity scores over every scored document. */
export interface EntitiesReport {
  exact: LabeledScoreJSON
  overlap: LabeledScoreJSON
  /** canonical name right, over exact-matched mentions of names (dates and numbers excluded) */
  canonicalAcc: AccuracyJSON
  /** predicted mentions left unscored because their label is not among the gold file's annotated labels, by label */
  unannotated: Record<string, number>
}

/** Quote scores over every scored document. */
export interface QuotesReport {
  exact: ScoreJSON
  overlap: ScoreJSON
  /** speaker right, over overlap-matched quotes */
  speakerAcc: AccuracyJSON
  /** quote overlaps a gold quote and its speaker is right */
  speaker: ScoreJSON
  /** direct/partial right, over overlap-matched quotes */
  kindAcc: AccuracyJSON
  /** predicted quotes of kind `indirect`, left out because gold annotates only quoted speech */
  skippedIndirect: number
}

/** Money scores over every scored document. */
export interface MoneyReport {
  exact: ScoreJSON
  overlap: ScoreJSON
  /** amount and currency both right, over overlap-matched figures */
  valueAcc: AccuracyJSON
}

/** One document's scores. */
export interface DocReport {
  source: string
  docId: string
  entities: {exact: ScoreJSON; overlap: ScoreJSON} | null
  quotes: {exact: ScoreJSON; overlap: ScoreJSON; speakerAcc: AccuracyJSON} | null
  money: {exact: ScoreJSON; overlap: ScoreJSON; valueAcc: AccuracyJSON} | null
}

/** What `lede eval` reports and `lede eval --json <file>` writes; ratios are fractions in [0, 1], null when nothing was scored. */
export interface EvalReport {
  goldDir: string | null
  predDir: string | null
  documents: {gold: number; scored: number; withoutPrediction: number; predictedWithoutGold: number}
  entities: EntitiesReport | null
  quotes: QuotesReport | null
  money: MoneyReport | null
  speed: Predictions['speed']
  perDoc: DocReport[]
  /** gold strings not found, records that failed their schema or their text, missing layer files */
  problems: EvalProblem[]
  /** gold files whose article is missing from the run */
  errors: EvalProblem[]
}

/** Reads gold files and a run's output and scores them. */
export async function evaluate(options: EvalOptions): Promise<EvalReport> {
  const gold = await readGold(options.goldDir)
  const predictions = await readPredictions(options.predDir)
  return {...scoreDocuments(gold, predictions), goldDir: options.goldDir, predDir: options.predDir}
}

async function readJsonl<S extends z.ZodType>(
  path: string,
  schema: S,
  problems: EvalProblem[],
): Promise<Array<z.infer<S>> | null> {
  if (!existsSync(path)) return null
  const records: Array<z.infer<S>> = []
  const lines = (await readFile(path, 'utf8')).split('\n')
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    const where = `${basename(path)}:${i + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      problems.push({source: null, code: 'eval:invalid-record', message: `${where}: not valid JSON: ${(error as Error).message}`})
      return
    }
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ')
      problems.push({source: null, code: 'eval:invalid-record', message: `${where}: ${issues}`})
      return
    }
    records.push(parsed.data)
  })
  return records
}

/**
 * Reads a run's output folder; only articles.jsonl is required, a missing layer file leaves that layer unscored, unless
 * the run's manifest.json says the run wrote records into it (a folder copied in part): then nothing is scored.
 */
export async function readPredictions(dir: string): Promise<Predictions> {
  const problems: EvalProblem[] = []
  const articles = await readJsonl(join(dir, 'articles.jsonl'), ArticleRecord, problems)
  // an interrupted run's folder is named as such (finish it with --resume), as lede export and lede view name it
  if (articles === null) throw new Error(`[eval:no-articles] ${await explainNoFinishedRun(dir)}`)
  const written = await readWrittenCounts(join(dir, 'manifest.json'))
  const layer = async <S extends z.ZodType>(file: string, key: keyof ManifestOutputs, schema: S) => {
    const records = await readJsonl(join(dir, file), schema, problems)
    // a run folder copied without its entities.jsonl scored every gold entity as missed, or left the layer out, and
    // exited 0: the manifest says what the run wrote
    const rows = written?.[key] ?? 0
    if (rows > 0 && (records === null || records.length === 0)) {
      throw new Error(`[eval:missing-file] "${join(dir, file)}" is ${records === null ? 'missing' : 'empty'}, but manifest.json says the run wrote ${rows} records into it: copy the whole output folder (nothing was scored)`)
    }
    if (records === null) problems.push({source: null, code: 'eval:missing-file', message: `${file} not found in ${dir}: that layer is not scored`})
    return records
  }
  const entities = await layer('entities.jsonl', 'entities', EntityRecord)
  const quotes = await layer('quotes.jsonl', 'quotes', QuoteRecord)
  const money = await layer('money.jsonl', 'money', MoneyRecord)

  const byId = new Map<string, PredictedArticle>()
  const result: PredictedArticle[] = []
  for (const article of articles) {
    if (byId.has(article.id)) {
      problems.push({source: article.source, code: 'eval:duplicate-article', message: `article id ${article.id} appears twice in articles.jsonl; the first is used`})
      continue
    }
    const entry: PredictedArticle = {article, entities: [], quotes: [], money: []}
    byId.set(article.id, entry)
    result.push(entry)
  }
  const attach = <R extends {docId: string}>(records: R[] | null, file: string, push: (entry: PredictedArticle, r: R) => void) => {
    for (const record of records ?? []) {
      const entry = byId.get(record.docId)
      if (entry) push(entry, record)
      else problems.push({source: null, code: 'eval:unknown-doc', message: `${file}: record for docId ${record.docId}, which articles.jsonl does not hold`})
    }
  }
  attach(entities, 'entities.jsonl', (e, r) => e.entities.push(r))
  attach(quotes, 'quotes.jsonl', (e, r) => e.quotes.push(r))
  attach(money, 'money.jsonl', (e, r) => e.money.push(r))

  return {
    articles: result,
    layers: {entities: entities !== null, quotes: quotes !== null, money: money !== null},
    speed: await readSpeed(join(dir, 'manifest.json')),
    problems,
  }
}

// only the fields speed needs, so the evaluator does not break when the manifest grows
const ManifestSpeed = z.object({
  inputs: z.object({documents: z.number().int().nonnegative()}),
  timings: z.object({totalMs: z.number().nonnegative()}),
})

// only the record counts of the layers eval scores, read loosely: a manifest of another shape says nothing
const ManifestOutputs = z.object({entities: z.number().int(), quotes: z.number().int(), money: z.number().int()}).partial()
type ManifestOutputs = z.infer<typeof ManifestOutputs>

async function readWrittenCounts(path: string): Promise<ManifestOutputs | null> {
  try {
    const parsed = z.object({outputs: ManifestOutputs}).safeParse(JSON.parse(await readFile(path, 'utf8')))
    return parsed.success ? parsed.data.outputs : null
  } catch {
    return null
  }
}

async function readSpeed(path: string): Promise<Predictions['speed']> {
  if (!existsSync(path)) return null
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return null
  }
  const parsed = ManifestSpeed.safeParse(value)
  if (!parsed.success) return null
  const {documents} = parsed.data.inputs
  const {totalMs} = parsed.data.timings
  return {documents, totalMs, docsPerSecond: totalMs > 0 ? documents / (totalMs / 1000) : null}
}

// the path's folders and name, last first, in NFC, so "2019/jan/story.txt" and "jan\\story.txt" share two
function pathSegmentsFromEnd(path: string): string[] {
  return path.normalize('NFC').split(/[\\/]/).reverse()
}

function countSharedEndSegments(a: readonly string[], b: readonly string[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/**
 * Pairs each gold file with its article of the run by source (as written, then in NFC); failing that, with the one
 * article whose source shares the most trailing path parts (at least the file name) with it, for a run made from
 * another corpus root. Two or more articles sharing as many parts is an `eval:ambiguous-source` problem naming them,
 * and the gold file is left unpaired.
 */
export function pairArticles(gold: readonly GoldFile[], predictions: Predictions, problems: EvalProblem[]): Map<GoldFile, PredictedArticle | null> {
  const bySource = new Map<string, PredictedArticle[]>()
  // a source typed in NFC ("Zürich.txt") for a file whose name a Mac wrote in NFD looks the same on screen and paired
  // with nothing ("has no article in the run"): compared in NFC after the exact forms
  const bySourceNfc = new Map<string, PredictedArticle[]>()
  for (const entry of predictions.articles) {
    const push = (map: Map<string, PredictedArticle[]>, key: string) => map.set(key, [...(map.get(key) ?? []), entry])
    push(bySource, entry.article.source)
    push(bySourceNfc, entry.article.source.normalize('NFC'))
  }
  const segments = predictions.articles.map((entry) => pathSegmentsFromEnd(entry.article.source))
  const pairs = new Map<GoldFile, PredictedArticle | null>()
  for (const g of gold) {
    const named = [bySource.get(g.source), bySourceNfc.get(g.source.normalize('NFC'))].find((found) => found !== undefined && found.length > 0)
    if (named) {
      // the same source twice in articles.jsonl is one file read twice: either copy is that article
      if (named.length > 1) {
        problems.push({source: g.source, code: 'eval:ambiguous-source', message: `${named.length} articles match source "${g.source}"; the first is scored`})
      }
      pairs.set(g, named[0]!)
      continue
    }
    // before, a flat gold "story.txt" for a corpus holding 2019/jan/story.txt and 2020/jan/story.txt scored the first
    // one read against it: the wrong article half the time, behind one line among the problems
    const goldSegments = pathSegmentsFromEnd(g.source)
    let best = 0
    let found: PredictedArticle[] = []
    predictions.articles.forEach((entry, i) => {
      const shared = countSharedEndSegments(goldSegments, segments[i]!)
      if (shared === 0 || shared < best) return
      if (shared > best) found = []
      best = shared
      found.push(entry)
    })
    if (found.length > 1) {
      const listed = found.map((entry) => `"${entry.article.source}"`).join(', ')
      problems.push({
        source: g.source,
        code: 'eval:ambiguous-source',
        message: `gold file for "${g.source}" matches ${found.length} articles of the run equally (${listed}); not scored: write its "source" with the folder, or put the gold file in the subfolder the article is in (docs/gold.md)`,
      })
    }
    pairs.set(g, found.length === 1 ? found[0]! : null)
  }
  return pairs
}

// a gold source written "000.TXT" or "000.txt.gz" for the run's "000.txt" was only "no article in the run": the
// article whose file name differs by letter case or a .gz ending is named, so the fix is one look away
/** Returns the source of a predicted article whose file name equals `source`'s but for letter case and a `.gz` ending. */
export function findNearSource(source: string, articles: readonly PredictedArticle[]): string | undefined {
  const key = (path: string) => basename(path).toLowerCase().replace(/\.gz$/, '')
  return articles.find((entry) => key(entry.article.source) === key(source))?.article.source
}

interface SpanTotals {
  exact: PRFScore
  overlap: PRFScore
  exactByLabel: Map<string, PRFScore>
  overlapByLabel: Map<string, PRFScore>
}

function newTotals(): SpanTotals {
  return {exact: new PRFScore(), overlap: new PRFScore(), exactByLabel: new Map(), overlapByLabel: new Map()}
}

function addByLabel(into: Map<string, PRFScore>, from: Map<string, PRFScore>): void {
  for (const [label, score] of from) {
    if (!into.has(label)) into.set(label, new PRFScore())
    into.get(label)!.add(score)
  }
}

function labeledJSON(total: PRFScore, byLabel: Map<string, PRFScore>): LabeledScoreJSON {
  const known: string[] = [...ENTITY_LABELS]
  const labels = [...byLabel.keys()].sort((a, b) => {
    const ia = known.indexOf(a)
    const ib = known.indexOf(b)
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib) || a.localeCompare(b)
  })
  return {...total.toJSON(), perLabel: Object.fromEntries(labels.map((l) => [l, byLabel.get(l)!.toJSON()]))}
}

// unfound gold strings are false negatives at both match modes
function missingScore(problems: readonly GoldProblem[], layer: GoldProblem['layer']): {total: number; byLabel: Map<string, number>} {
  const byLabel = new Map<string, number>()
  let total = 0
  for (const p of problems) {
    if (p.layer !== layer || p.missing === 0) continue
    total += p.missing
    if (p.label) byLabel.set(p.label, (byLabel.get(p.label) ?? 0) + p.missing)
  }
  return {total, byLabel}
}

/** Scores already-read gold files against a run's predictions. */
export function scoreDocuments(gold: readonly GoldFile[], predictions: Predictions): EvalReport {
  const problems: EvalProblem[] = [...predictions.problems]
  const errors: EvalProblem[] = []
  const pairing: EvalProblem[] = []
  const pairs = pairArticles(gold, predictions, pairing)
  // a gold file that names several articles is left unscored: an error, said once, not also "no article in the run"
  const unpaired = new Set<string>()
  for (const p of pairing) {
    if (pairs.get(gold.find((g) => g.source === p.source)!) === null) {
      errors.push(p)
      unpaired.add(p.source!)
    } else problems.push(p)
  }
  const ent = newTotals()
  const canonicalAcc = new Accuracy()
  const unannotated = new Map<string, number>()
  const quoteTotals = {exact: new PRFScore(), overlap: new PRFScore(), speaker: new PRFScore(), speakerAcc: new Accuracy(), kindAcc: new Accuracy()}
  let skippedIndirect = 0
  const moneyTotals = {exact: new PRFScore(), overlap: new PRFScore(), valueAcc: new Accuracy()}
  const scored = {entities: false, quotes: false, money: false}
  const perDoc: DocReport[] = []
  const paired = new Set<PredictedArticle>()

  for (const g of gold) {
    const entry = pairs.get(g) ?? null
    if (!entry) {
      if (unpaired.has(g.source)) continue
      const near = findNearSource(g.source, predictions.articles)
      const hint = near === undefined ? '' : `; the run has "${near}": write the article's source as articles.jsonl gives it`
      errors.push({source: g.source, code: 'eval:no-prediction', message: `gold file for "${g.source}" has no article in the run (failed, filtered out, or another corpus?)${hint}`})
      continue
    }
    paired.add(entry)
    const {article} = entry
    const text = article.text
    const toUtf16 = createUtf16Mapper(text)
    const source = article.source
    // code points -> UTF-16, checking each record's span and text against its article
    const convert = (record: {start: number; end: number; text: string}, file: string, id: string): Span | null => {
      const start = toUtf16(record.start)
      const end = toUtf16(record.end)
      if (start === null || end === null || end < start) {
        problems.push({source, code: 'eval:bad-offsets', message: `${file} ${id}: [${record.start}, ${record.end}) lies outside the article text; record skipped`})
        return null
      }
      if (text.slice(start, end) !== record.text) {
        problems.push({source, code: 'eval:text-mismatch', message: `${file} ${id}: text ${JSON.stringify(record.text)} differs from the article's ${JSON.stringify(text.slice(start, end))} at [${record.start}, ${record.end}); scored by offsets`})
      }
      return {start, end}
    }
    const located = locateGold(g, text)
    // problems of a layer that is not scored would only confuse the report
    for (const p of located.problems) {
      if (g[p.layer] && predictions.layers[p.layer]) problems.push({source, code: p.code, message: p.message})
    }
    const doc: DocReport = {source, docId: article.id, entities: null, quotes: null, money: null}

    if (g.entities && predictions.layers.entities) {
      scored.entities = true
      const pred: Array<LabeledSpan & {canonical: string}> = []
      const annotated = new Set<string>(g.entityLabels ?? GOLD_ENTITY_LABELS)
      for (const r of entry.entities) {
        if (!annotated.has(r.label)) {
          unannotated.set(r.label, (unannotated.get(r.label) ?? 0) + 1)
          continue
        }
        const span = convert(r, 'entities.jsonl', r.id)
        if (span) pred.push({...span, label: r.label, canonical: r.canonical})
      }
      const exact = scoreSpans(located.entities, pred, {match: 'exact'})
      const overlap = scoreSpans(located.entities, pred, {match: 'overlap'})
      const missing = missingScore(located.problems, 'entities')
      for (const s of [exact, overlap]) {
        s.total.fn += missing.total
        for (const [label, n] of missing.byLabel) {
          if (!s.perLabel.has(label)) s.perLabel.set(label, new PRFScore())
          s.perLabel.get(label)!.fn += n
        }
      }
      for (const [gi, pi] of exact.pairs) {
        const goldEntity = located.entities[gi]!
        if (!isNameLabel(goldEntity.label)) continue
        canonicalAcc.record(normaliseName(goldEntity.canonical) === normaliseName(pred[pi]!.canonical))
      }
      ent.exact.add(exact.total)
      ent.overlap.add(overlap.total)
      addByLabel(ent.exactByLabel, exact.perLabel)
      addByLabel(ent.overlapByLabel, overlap.perLabel)
      doc.entities = {exact: exact.total.toJSON(), overlap: overlap.total.toJSON()}
    }

    if (g.quotes && predictions.layers.quotes) {
      scored.quotes = true
      const pred: PredictedQuote[] = []
      for (const r of entry.quotes) {
        if (r.kind === 'indirect') {
          skippedIndirect++
          continue
        }
        const span = convert(r, 'quotes.jsonl', r.id)
        if (!span) continue
        const speakerSpan =
          r.speaker.start !== null && r.speaker.end !== null && r.speaker.mention !== null
            ? convert({start: r.speaker.start, end: r.speaker.end, text: r.speaker.mention}, 'quotes.jsonl', `${r.id} speaker`)
            : null
        pred.push({
          ...span,
          kind: r.kind,
          speaker: {mention: r.speaker.mention, start: speakerSpan?.start ?? null, end: speakerSpan?.end ?? null, name: r.speaker.name},
        })
      }
      const s = scoreQuotes(located.quotes, pred, text)
      const missing = missingScore(located.problems, 'quotes').total
      for (const score of [s.exact, s.overlap, s.speaker]) score.fn += missing
      quoteTotals.exact.add(s.exact)
      quoteTotals.overlap.add(s.overlap)
      quoteTotals.speaker.add(s.speaker)
      quoteTotals.speakerAcc.add(s.speakerAcc)
      quoteTotals.kindAcc.add(s.kindAcc)
      doc.quotes = {exact: s.exact.toJSON(), overlap: s.overlap.toJSON(), speakerAcc: s.speakerAcc.toJSON()}
    }

    if (g.money && predictions.layers.money) {
      scored.money = true
      const pred: PredictedMoney[] = []
      for (const r of entry.money) {
        const span = convert(r, 'money.jsonl', r.id)
        if (span) pred.push({...span, amount: r.amount, currency: r.currency})
      }
      const s = scoreMoney(located.money, pred)
      const missing = missingScore(located.problems, 'money').total
      s.exact.fn += missing
      s.overlap.fn += missing
      moneyTotals.exact.add(s.exact)
      moneyTotals.overlap.add(s.overlap)
      moneyTotals.valueAcc.add(s.valueAcc)
      doc.money = {exact: s.exact.toJSON(), overlap: s.overlap.toJSON(), valueAcc: s.valueAcc.toJSON()}
    }
    perDoc.push(doc)
  }

  return {
    goldDir: null,
    predDir: null,
    documents: {
      gold: gold.length,
      scored: perDoc.length,
      withoutPrediction: errors.length,
      predictedWithoutGold: predictions.articles.filter((a) => !paired.has(a)).length,
    },
    entities: scored.entities
      ? {
          exact: labeledJSON(ent.exact, ent.exactByLabel),
          overlap: labeledJSON(ent.overlap, ent.overlapByLabel),
          canonicalAcc: canonicalAcc.toJSON(),
          unannotated: Object.fromEntries([...unannotated].sort(([a], [b]) => ENTITY_LABELS.indexOf(a as EntityLabel) - ENTITY_LABELS.indexOf(b as EntityLabel))),
        }
      : null,
    quotes: scored.quotes
      ? {
          exact: quoteTotals.exact.toJSON(),
          overlap: quoteTotals.overlap.toJSON(),
          speakerAcc: quoteTotals.speakerAcc.toJSON(),
          speaker: quoteTotals.speaker.toJSON(),
          kindAcc: quoteTotals.kindAcc.toJSON(),
          skippedIndirect,
        }
      : null,
    money: scored.money
      ? {exact: moneyTotals.exact.toJSON(), overlap: moneyTotals.overlap.toJSON(), valueAcc: moneyTotals.valueAcc.toJSON()}
      : null,
    speed: predictions.speed,
    perDoc,
    problems,
    errors,
  }
}

// ---------------------------------------------------------------------------------------------
// the human table

function pct(value: number | null): string {
  return value === null ? '-' : (value * 100).toFixed(2)
}

function accLine(name: string, acc: AccuracyJSON): string {
  return `${name.padEnd(62)}${pct(acc.acc).padStart(7)}  (${acc.correct}/${acc.total})`
}

function row(name: string, exact: ScoreJSON, overlap: ScoreJSON): string {
  const cells = [exact.p, exact.r, exact.f].map((v) => pct(v).padStart(7)).join('')
  const cellsOverlap = [overlap.p, overlap.r, overlap.f].map((v) => pct(v).padStart(7)).join('')
  const gold = String(exact.tp + exact.fn).padStart(6)
  const pred = String(exact.tp + exact.fp).padStart(6)
  return `${name.padEnd(14)}${cells}   ${cellsOverlap}${gold}${pred}`
}

/** Renders a report as a plain-text table: P, R and F1 x100 to 2 decimals per layer and label, exact span and overlap, then accuracies and problems. */
export function formatReport(report: EvalReport): string {
  const d = report.documents
  const lines: string[] = []
  lines.push(
    `lede eval: ${d.gold} gold document(s), ${d.scored} scored, ${d.withoutPrediction} without a predicted article, ${d.predictedWithoutGold} predicted article(s) without gold (skipped)`,
  )
  if (report.goldDir || report.predDir) lines.push(`gold: ${report.goldDir ?? '-'}   predictions: ${report.predDir ?? '-'}`)
  lines.push('')
  lines.push(`${''.padEnd(14)}${'---- exact span ----'.padStart(21)}   ${'----- overlap ------'.padStart(21)}`)
  lines.push(`${'layer'.padEnd(14)}${['P', 'R', 'F'].map((h) => h.padStart(7)).join('')}   ${['P', 'R', 'F'].map((h) => h.padStart(7)).join('')}${'gold'.padStart(6)}${'pred'.padStart(6)}`)
  if (report.entities) {
    const e = report.entities
    lines.push(row('entities', e.exact, e.overlap))
    for (const label of Object.keys(e.exact.perLabel)) {
      lines.push(row(`  ${label}`, e.exact.perLabel[label]!, e.overlap.perLabel[label] ?? e.exact.perLabel[label]!))
    }
  } else lines.push('entities      not scored')
  if (report.quotes) lines.push(row('quotes', report.quotes.exact, report.quotes.overlap))
  else lines.push('quotes        not scored')
  if (report.money) lines.push(row('money', report.money.exact, report.money.overlap))
  else lines.push('money         not scored')
  lines.push('')
  if (report.quotes) {
    const q = report.quotes
    lines.push(accLine('speaker accuracy (over overlap-matched quotes)', q.speakerAcc))
    lines.push(
      `${'speaker P/R/F (quote overlaps and speaker right)'.padEnd(62)}${pct(q.speaker.p).padStart(7)}${pct(q.speaker.r).padStart(7)}${pct(q.speaker.f).padStart(7)}`,
    )
    lines.push(accLine('quote kind accuracy (over overlap-matched quotes)', q.kindAcc))
    if (q.skippedIndirect > 0) lines.push(`indirect quotes skipped (gold annotates quoted speech only): ${q.skippedIndirect}`)
  }
  if (report.money) lines.push(accLine('money value accuracy (amount and currency, overlap-matched)', report.money.valueAcc))
  if (report.entities) {
    lines.push(accLine('entity canonical accuracy (exact matches of names)', report.entities.canonicalAcc))
    const skipped = Object.entries(report.entities.unannotated)
    if (skipped.length > 0) {
      lines.push(`entities not scored (label not annotated in gold): ${skipped.map(([label, n]) => `${label} ${n}`).join(', ')}`)
    }
  }
  if (report.speed) {
    const s = report.speed
    lines.push(`speed: ${s.docsPerSecond === null ? '-' : s.docsPerSecond.toFixed(1)} docs/s (${s.documents} documents in ${s.totalMs.toFixed(0)} ms, from manifest.json)`)
  }
  if (report.errors.length > 0) {
    lines.push('', `errors (${report.errors.length}):`)
    for (const e of report.errors) lines.push(`  ${e.source ?? '-'}  ${e.code}  ${e.message}`)
  }
  if (report.problems.length > 0) {
    lines.push('', `problems (${report.problems.length}):`)
    for (const p of report.problems) lines.push(`  ${p.source ?? '-'}  ${p.code}  ${p.message}`)
  }
  return lines.join('\n')
}
