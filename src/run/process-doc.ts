/**
 * What one document turns into wherever it is processed (this thread, a worker thread, another machine):
 * its validated records, the summaries the corpus stages need, and the time each step took.
 */
import type {Doc} from '../doc.ts'
import {buildRecords, serializeRecords, type DocLines, type PackedLines} from '../io/records.ts'
import {processDoc, type Pipeline} from '../stage.ts'

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

/** Runs the document stages, turns the document into validated records and summarises it for the corpus stages; never throws. */
export function processToResult(pipeline: Pipeline, doc: Doc): DocResult & {lines: DocLines} {
  const timings = new Map<string, number>()
  try {
    processDoc(pipeline, doc, timings)
    const validating = performance.now()
    const {article, written, lines} = buildRecords(doc)
    // corpus stages see only what was written: a mention whose record failed validation is not linked or indexed
    const summaries = article === null ? null : pipeline.corpusStages.map((stage) => stage.summarize(written))
    timings.set('validate', performance.now() - validating)
    return {lines, failed: article === null, summaries, summaryLine: summaries ? `${JSON.stringify(summaries)}\n` : null, timings: Object.fromEntries(timings)}
  } catch (error) {
    // processDoc never throws, so this is record building or a summary failing
    return failedResult(doc, 'write:exception', String(error), Object.fromEntries(timings))
  }
}

/** The result of a document that could not be processed (a record that could not be built, a crashed worker): one error record, code `stage:rule`. */
export function failedResult(doc: Pick<Doc, 'id' | 'source'>, code: string, message: string, timings: Record<string, number> = {}): DocResult & {lines: DocLines} {
  const lines = serializeRecords({article: null, entities: [], quotes: [], money: [], errors: [{source: doc.source, docId: doc.id, stage: code.split(':')[0]!, code, message}]})
  return {lines, failed: true, summaries: null, summaryLine: null, timings}
}
