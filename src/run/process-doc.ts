/**
 * What one document turns into wherever it is processed (this thread, a worker thread, another machine):
 * its validated records, the summaries the corpus stages need, and the time each step took.
 */
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import type {Doc} from '../doc.ts'
import {buildRecords, isStringTooLong, MAX_STRING_LENGTH, serializeRecords, type DocLines, type PackedLines} from '../io/records.ts'
import {processDoc, type Pipeline} from '../stage.ts'

/**
 * A document at least this long (UTF-16 code units) is followed by one full garbage collection before its records
 * are built. Its stages leave hundreds of megabytes of garbage (the tagger's arrays, intermediate layers), which V8,
 * having raised its heap limit while they ran, did not collect before record building allocated the whole output on
 * top of it: that was where a long document's peak memory was (docs/scale.md, mainspeed3). A full collection costs
 * tens of milliseconds, nothing beside the seconds such a document takes, and news articles (a few thousand
 * characters) never reach it.
 */
export const COLLECT_BEFORE_RECORDS_CHARS = 1_000_000

let collectGarbage: (() => void) | null | undefined

/** One full garbage collection, when the runtime allows one (V8's `gc`, exposed to a fresh context; else nothing). */
export function collectNow(): boolean {
  if (collectGarbage === undefined) {
    try {
      // the flag exposes `gc` to contexts created after it is set: one fresh context hands it over
      setFlagsFromString('--expose-gc')
      const gc: unknown = runInNewContext('gc')
      collectGarbage = typeof gc === 'function' ? (gc as () => void) : null
    } catch {
      collectGarbage = null
    }
  }
  collectGarbage?.()
  return collectGarbage !== null
}

/** A processed document, as plain data that can cross threads and machines. */
export interface DocResult {
  /** the validated records, already serialised as JSONL (the main thread only writes them); packed as bytes (summary line included) when they come from a worker thread */
  lines: DocLines | PackedLines
  /** true when the document became no article (its errors are in `lines.errors`) */
  failed: boolean
  /** one summary per corpus stage, in pipeline order; null when the document failed */
  summaries: unknown[] | null
  /** `summaries` as one JSON line, staged for a resume (in `lines` when they are packed) */
  summaryLine: string | null
  /** milliseconds per stage ('validate' included: record building, zod, summaries, serialisation) */
  timings: Record<string, number>
}

/**
 * Runs the document stages, turns the document into validated records and summarises it for the corpus stages; never
 * throws. A document of `collectFromChars` or more is followed by a full garbage collection before its records are built.
 */
export function processToResult(pipeline: Pipeline, doc: Doc, collectFromChars = COLLECT_BEFORE_RECORDS_CHARS): DocResult & {lines: DocLines} {
  const timings = new Map<string, number>()
  try {
    processDoc(pipeline, doc, timings)
    const validating = performance.now()
    if (doc.text.length >= collectFromChars) collectNow()
    const {article, written, lines} = buildRecords(doc)
    // corpus stages see only what was written: a mention whose record failed validation is not linked or indexed
    const summaries = article === null ? null : pipeline.corpusStages.map((stage) => stage.summarize(written))
    timings.set('validate', performance.now() - validating)
    return {lines, failed: article === null, summaries, summaryLine: summaries ? `${JSON.stringify(summaries)}\n` : null, timings: Object.fromEntries(timings)}
  } catch (error) {
    // processDoc never throws, so this is record building or a summary failing
    if (isStringTooLong(error)) return failedResult(doc, 'write:record-too-large', `a record of this article would be longer than the longest line Node.js can hold (${MAX_STRING_LENGTH} characters), so none is written: split the article (${String(error)})`, Object.fromEntries(timings))
    return failedResult(doc, 'write:exception', String(error), Object.fromEntries(timings))
  }
}

/** The result of a document that could not be processed (a record that could not be built, a crashed worker): one error record, code `stage:rule`. */
export function failedResult(doc: Pick<Doc, 'id' | 'source'>, code: string, message: string, timings: Record<string, number> = {}): DocResult & {lines: DocLines} {
  const lines = serializeRecords({article: null, entities: [], quotes: [], money: [], errors: [{source: doc.source, docId: doc.id, stage: code.split(':')[0]!, code, message}]})
  return {lines, failed: true, summaries: null, summaryLine: null, timings}
}
