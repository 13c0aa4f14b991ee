/**
 * What one document turns into wherever it is processed (this thread, a worker thread, another machine):
 * its validated records, the summaries the corpus stages need, and the time each step took.
 */
import type {Doc} from '../doc.ts'
import {toRecords, type DocRecords} from '../io/records.ts'
import {processDoc, type Pipeline} from '../stage.ts'

/** A processed document, as plain data that can cross threads and machines. */
export interface DocResult {
  records: DocRecords
  /** one summary per corpus stage, in pipeline order; null when the document failed */
  summaries: unknown[] | null
  /** milliseconds per stage ('validate' included) */
  timings: Record<string, number>
}

/** Runs the document stages, turns the document into validated records and summarises it for the corpus stages; never throws. */
export function processToResult(pipeline: Pipeline, doc: Doc): DocResult {
  const timings = new Map<string, number>()
  try {
    processDoc(pipeline, doc, timings)
    const validating = performance.now()
    const records = toRecords(doc)
    timings.set('validate', performance.now() - validating)
    const summaries = records.article === null ? null : pipeline.corpusStages.map((stage) => stage.summarize(doc))
    return {records, summaries, timings: Object.fromEntries(timings)}
  } catch (error) {
    // processDoc never throws, so this is record building or a summary failing
    return failedResult(doc, 'write:exception', String(error), Object.fromEntries(timings))
  }
}

/** The result of a document that could not be processed (a record that could not be built, a crashed worker): one error record, code `stage:rule`. */
export function failedResult(doc: Pick<Doc, 'id' | 'source'>, code: string, message: string, timings: Record<string, number> = {}): DocResult {
  return {
    records: {article: null, entities: [], quotes: [], money: [], errors: [{source: doc.source, docId: doc.id, stage: code.split(':')[0]!, code, message}]},
    summaries: null,
    timings,
  }
}
