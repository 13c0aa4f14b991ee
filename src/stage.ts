import type {z} from 'zod'
import type {Doc, DocMessage, EntityLabel, LayerName} from './doc.ts'

/** What a stage may do besides writing its layers: leave warnings on the document (a stage stops a document by throwing). */
export interface StageContext {
  /** records a warning on the document (`code` is `stage:rule`). */
  warn(code: string, message: string, span?: {start: number; end: number}): void
}

/** A pipeline step: a pure transformation of one document, declared with what it needs and sets. */
export interface Stage {
  /** kebab-case, unique in a pipeline */
  name: string
  requires: LayerName[]
  assigns: LayerName[]
  run(doc: Doc, ctx: StageContext): void
}

/** Raised when a pipeline definition cannot run (a missing layer, a duplicate stage name). */
export class PipelineError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PipelineError'
  }
}

/**
 * A corpus-level step (cross-document linking): it sees every document, in input order, only as the small
 * summary `summarize` makes of it where the document was processed (a worker thread or another machine),
 * and gives its result once at the end. `summarize` must be pure so summaries are the same wherever made;
 * `start` gives each run its own state, so one pipeline can serve many runs.
 */
export interface CorpusStage<Summary = unknown> {
  /** kebab-case, unique in a pipeline */
  name: string
  /** layers the summary reads; checked against the document stages' `assigns` */
  requires: LayerName[]
  /** what one finished document contributes: plain data (it crosses threads and machines) */
  summarize(doc: Doc): Summary
  /** a fresh accumulator for one run */
  start(): CorpusRun<Summary>
}

/** One run of a corpus stage: `add` each document's summary in input order (never a failed document's), then `finish` once. */
export interface CorpusRun<Summary = unknown> {
  add(summary: Summary): void
  finish(): CorpusResult
}

/** What a corpus stage gives back: ids to replace in the written records, files to add, problems found. */
export interface CorpusResult {
  /** final values for provisional `entityId`s (entities, and quote speakers); ids absent from the map are kept */
  entityIds?: ReadonlyMap<string, string>
  /**
   * labels the corpus decided for some documents' mentions: docId -> (provisional entityId -> new label and
   * provisional id); applied to entity records (label and entityId) and quote speakers (entityId) before `entityIds`
   */
  labels?: ReadonlyMap<string, ReadonlyMap<string, {label: EntityLabel; entityId: string}>>
  /** further JSONL files, by file name: records already checked against their schema */
  files?: Record<string, readonly unknown[]>
  /**
   * further JSONL files, by file name, whose records the run engine checks against `schema` as it writes them (each
   * line exactly `JSON.stringify(schema.parse(record))`, through the compiled fast path zod's schemas give, so a
   * record is walked once, not parsed into a copy and then stringified); a record that fails is not written and
   * becomes a `<stage>:invalid-record` error
   */
  recordFiles?: Record<string, {schema: z.ZodType; records: readonly unknown[]}>
  /** records that failed their schema, as error records */
  errors?: Array<{source: string; docId: string | null; stage: string; code: string; message: string}>
}

/** A checked, ordered list of stages: document stages, then corpus stages. */
export interface Pipeline {
  name: string
  stages: readonly Stage[]
  corpusStages: readonly CorpusStage[]
}

// layers every document has from ingest, before any stage runs
const INITIAL_LAYERS: LayerName[] = ['text', 'title']

/** Checks each stage's `requires` against earlier `assigns` and returns the pipeline, or throws naming the stage. */
export function createPipeline(name: string, stages: Stage[], corpusStages: CorpusStage[] = []): Pipeline {
  const available = new Set<LayerName>(INITIAL_LAYERS)
  const names = new Set<string>()
  for (const [index, stage] of stages.entries()) {
    if (names.has(stage.name)) {
      throw new PipelineError(`[pipeline:duplicate-stage] pipeline "${name}": stage "${stage.name}" (position ${index + 1}) appears twice`)
    }
    names.add(stage.name)
    const missing = stage.requires.filter((layer) => !available.has(layer))
    if (missing.length > 0) {
      const before = stages.slice(0, index).map((s) => s.name).join(', ') || 'nothing'
      throw new PipelineError(
        `[pipeline:missing-layer] pipeline "${name}": stage "${stage.name}" (position ${index + 1}) requires ${missing
          .map((m) => `"${m}"`)
          .join(', ')}, which no earlier stage assigns (before it: ${before}); add a stage that assigns it earlier in the list`,
      )
    }
    for (const layer of stage.assigns) available.add(layer)
  }
  for (const [index, stage] of corpusStages.entries()) {
    if (names.has(stage.name)) {
      throw new PipelineError(`[pipeline:duplicate-stage] pipeline "${name}": corpus stage "${stage.name}" (position ${index + 1}) reuses a stage name`)
    }
    names.add(stage.name)
    const missing = stage.requires.filter((layer) => !available.has(layer))
    if (missing.length > 0) {
      throw new PipelineError(
        `[pipeline:missing-layer] pipeline "${name}": corpus stage "${stage.name}" requires ${missing.map((m) => `"${m}"`).join(', ')}, which no document stage assigns`,
      )
    }
  }
  return {name, stages: Object.freeze([...stages]), corpusStages: Object.freeze([...corpusStages])}
}

/** Whether a fatal message has stopped this document. */
export function isFatal(doc: Doc): boolean {
  return doc.messages.some((m) => m.fatal)
}

/** Runs every stage on one document; a throw becomes a fatal message, never an exception. Returns ms per stage. */
export function processDoc(pipeline: Pipeline, doc: Doc, timings?: Map<string, number>): Doc {
  for (const stage of pipeline.stages) {
    if (isFatal(doc)) break
    const ctx = createContext(stage.name, doc)
    const started = performance.now()
    try {
      stage.run(doc, ctx)
    } catch (error) {
      const message: DocMessage = {
        stage: stage.name,
        code: `${stage.name}:exception`,
        message: `stage "${stage.name}" threw: ${error instanceof Error ? error.message : String(error)}`,
        fatal: true,
      }
      doc.messages.push(message)
    }
    if (timings) timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - started)
  }
  return doc
}

function createContext(stage: string, doc: Doc): StageContext {
  return {
    warn(code, message, span) {
      doc.messages.push({stage, code, message, fatal: false, ...(span ? {start: span.start, end: span.end} : {})})
    },
  }
}
