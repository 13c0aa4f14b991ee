import {stat} from 'node:fs/promises'
import {join} from 'node:path'
import PQueue from 'p-queue'
import {processDoc, type Pipeline} from '../stage.ts'
import {listCorpus, readCorpus} from '../io/corpus.ts'
import {ENTITY_INDEX_FILE, openOutput, replaceJsonField, type CloseOptions} from '../io/output.ts'
import {toRecords, type DocRecords} from '../io/records.ts'
import {Manifest, type ErrorRecord} from '../schema.ts'
import {VERSION} from '../version.ts'
import type {Linker} from '../link/linker.ts'
import {EntityIndexEntry} from '../link/schema.ts'

/** How far a run has got, for progress displays. */
export interface Progress {
  documents: number
  bytesDone: number
  bytesTotal: number
  elapsedMs: number
}

/** What `runCorpus` needs: where to read, where to write, and which pipeline. */
export interface RunOptions {
  corpusDir: string
  outDir: string
  pipeline: Pipeline
  /** the pipeline's options as given, recorded in the manifest */
  options?: Record<string, unknown>
  /** documents in flight at once (default 4) */
  concurrency?: number
  onProgress?: (progress: Progress) => void
  /** joins spellings of one entity across documents (cross-document entity ids); none when absent */
  linker?: Linker
}

/** The outcome of a run: its manifest and the exit code the CLI should use. */
export interface RunResult {
  manifest: Manifest
  /** 0 when every input became an article, 1 when any input or record failed (see errors.jsonl) */
  exitCode: 0 | 1
}

type Result = {kind: 'doc'; records: DocRecords} | {kind: 'error'; error: ErrorRecord}

/** Runs the pipeline over every input of a corpus folder, streaming records to the output folder in input order; one bad document never stops the run. */
export async function runCorpus(options: RunOptions): Promise<RunResult> {
  const started = performance.now()
  const concurrency = options.concurrency ?? 4
  // an output folder inside the corpus folder must not be read back as input
  const listing = await listCorpus(options.corpusDir, [options.outDir])
  let bytesTotal = 0
  for (const path of listing.inputs) bytesTotal += (await stat(join(options.corpusDir, path))).size
  const out = await openOutput(options.outDir)
  const timings = new Map<string, number>()
  for (const stage of options.pipeline.stages) timings.set(stage.name, 0)

  // results may finish out of order; they are written strictly in input order
  const pending = new Map<number, Result>()
  let nextToWrite = 0
  let writing: Promise<void> = Promise.resolve()
  let documents = 0
  let failedDocuments = 0
  let rejected = 0
  let bytesDone = 0
  const flush = () => {
    writing = writing.then(async () => {
      while (pending.has(nextToWrite)) {
        const result = pending.get(nextToWrite)!
        pending.delete(nextToWrite)
        nextToWrite++
        if (result.kind === 'error') await out.writeError(result.error)
        else {
          const writingStarted = performance.now()
          for (const e of result.records.entities) options.linker?.add(e)
          await out.writeDoc(result.records)
          addTime(timings, 'write', writingStarted)
        }
      }
    })
    return writing
  }

  const queue = new PQueue({concurrency})
  let sequence = 0
  for await (const item of readCorpus(options.corpusDir, listing)) {
    const seq = sequence++
    if (item.kind === 'error') {
      pending.set(seq, {kind: 'error', error: item.error})
      bytesDone += item.bytes
      rejected++
      await flush()
      continue
    }
    documents++
    // p-queue tasks must never reject: processDoc turns every throw into a fatal message
    void queue.add(async () => {
      let records: DocRecords
      try {
        processDoc(options.pipeline, item.doc, timings)
        const validating = performance.now()
        records = toRecords(item.doc)
        addTime(timings, 'validate', validating)
      } catch (error) {
        records = {
          article: null,
          entities: [],
          quotes: [],
          money: [],
          errors: [{source: item.doc.source, docId: item.doc.id, stage: 'write', code: 'write:exception', message: String(error)}],
        }
      }
      if (records.article === null) failedDocuments++
      bytesDone += item.bytes
      pending.set(seq, {kind: 'doc', records})
      options.onProgress?.({documents: seq + 1, bytesDone, bytesTotal, elapsedMs: performance.now() - started})
      await flush()
    })
    // bounded look-ahead keeps memory flat however large the corpus
    await queue.onSizeLessThan(concurrency)
  }
  await queue.onIdle()
  await flush()

  let finish: CloseOptions = {}
  let entityIndex: number | undefined
  if (options.linker) {
    const linkStarted = performance.now()
    const linked = linkFinish(options.linker)
    finish = linked.finish
    entityIndex = linked.indexCount
    for (const error of linked.errors) await out.writeError(error)
    timings.set('link', performance.now() - linkStarted)
  }
  const totalMs = performance.now() - started
  const round = (n: number) => Math.round(n * 100) / 100
  const manifest: Manifest = Manifest.parse({
    tool: 'lede',
    version: VERSION,
    pipeline: options.pipeline.name,
    stages: options.pipeline.stages.map((s) => s.name),
    options: options.options ?? {},
    corpus: options.corpusDir,
    inputs: {files: listing.inputs.length, bytes: bytesTotal, documents, rejected, skippedFiles: listing.skipped},
    outputs: {
      articles: out.counts.articles,
      entities: out.counts.entities,
      quotes: out.counts.quotes,
      money: out.counts.money,
      ...(entityIndex !== undefined ? {entityIndex} : {}),
    },
    errors: out.counts.errors,
    failedDocuments,
    timings: {
      totalMs: round(totalMs),
      stagesMs: Object.fromEntries([...timings].map(([name, ms]) => [name, round(ms)])),
      megabytesPerSecond: round(bytesTotal / 1e6 / (totalMs / 1000)),
    },
  })
  await out.close(manifest, finish)
  return {manifest, exitCode: out.counts.errors > 0 ? 1 : 0}
}

// final entity ids replace the provisional ones in every record that carries one
function linkFinish(linker: Linker): {finish: CloseOptions; indexCount: number; errors: ErrorRecord[]} {
  const {idMap, index: entries} = linker.finish()
  const index: EntityIndexEntry[] = []
  const errors: ErrorRecord[] = []
  for (const entry of entries) {
    const parsed = EntityIndexEntry.safeParse(entry)
    if (parsed.success) index.push(parsed.data)
    else errors.push({source: ENTITY_INDEX_FILE, docId: null, stage: 'link', code: 'link:invalid-record', message: `${parsed.error.message}; record: ${JSON.stringify(entry)}`})
  }
  const remap = (id: string) => idMap.get(id) ?? id
  const finish: CloseOptions = {
    transform: {
      // entity records carry one entityId; quote records one, inside speaker (null when unresolved)
      entities: (line) => replaceJsonField(line, 'entityId', remap),
      quotes: (line) => replaceJsonField(line, 'entityId', remap),
    },
    extraFiles: {[ENTITY_INDEX_FILE]: index},
  }
  return {finish, indexCount: index.length, errors}
}

function addTime(timings: Map<string, number>, name: string, since: number): void {
  timings.set(name, (timings.get(name) ?? 0) + performance.now() - since)
}
