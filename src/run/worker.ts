/** What a worker thread (or a distributed worker) does with a batch: build the named pipeline once, process each document. */
import {Piscina} from 'piscina'
import {PIPELINES} from '../../pipelines/index.ts'
import {adoptCheckedFiles} from '../ner/checked-files.ts'
import {adoptSharedTypes} from '../ner/shared-types.ts'
import {adoptBuiltTypes} from '../ner/type-vectors.ts'
import {packLines, type DocLines} from '../io/records.ts'
import type {Pipeline} from '../stage.ts'
import type {PipelineSpec, WorkerTask} from './executor.ts'
import {collectNow, processToResult, type DocResult} from './process-doc.ts'
import {trace, traceMemory} from '../io/trace.ts'
import {measureDecoderMemory} from '../ner/wasm-decoder.ts'

// the start-up timeline (LEDE_TRACE): this thread's modules are loaded and evaluated here
trace('worker-module-loaded')
let firstDone = false
// documents this thread has done (for the memory trace)
let docsDone = 0
const built = new Map<string, Pipeline>()

// the files the thread that started this one checked (see createThreadPool); none when this module runs elsewhere
adoptCheckedFiles((Piscina.workerData as {checkedFiles?: unknown} | undefined)?.checkedFiles)
// the word-type vectors the pool's threads share (see createThreadPool); none with one thread or elsewhere
adoptSharedTypes((Piscina.workerData as {sharedTypes?: unknown} | undefined)?.sharedTypes)
// the memory the build's word-type vectors are read into once for all the pool's threads (see createThreadPool)
adoptBuiltTypes((Piscina.workerData as {builtTypes?: unknown} | undefined)?.builtTypes)

/** The pipeline a spec names, built once per thread and reused for every later batch. */
export function pipelineFor(spec: PipelineSpec): Pipeline {
  const key = JSON.stringify(spec)
  let pipeline = built.get(key)
  if (!pipeline) {
    const definition = PIPELINES[spec.name]
    if (!definition) throw new Error(`unknown pipeline "${spec.name}"`)
    trace('worker-build-start')
    pipeline = definition.build(spec.options)
    trace('worker-pipeline-built')
    built.set(key, pipeline)
  }
  return pipeline
}

/** Processes one batch of documents; results in the batch's order. */
export function runWorkerTask(task: WorkerTask): Array<DocResult & {lines: DocLines}> {
  const pipeline = pipelineFor(task.spec)
  const results = task.docs.map((doc) => processToResult(pipeline, doc))
  if (!firstDone) {
    firstDone = true
    trace('worker-first-task-done')
  }
  traceMemory('worker', docsDone, (docsDone += results.length), () => ({wasm: measureDecoderMemory()}), collectNow)
  return results
}

/**
 * What a worker thread returns to piscina: the batch's results, their lines packed into one buffer that is moved
 * (not copied) to the main thread when the task asks for it (local runs; a Redis worker's results stay JSON-ready strings).
 */
export function runThreadTask(task: WorkerTask): DocResult[] | ReturnType<typeof Piscina.move> {
  const results = runWorkerTask(task)
  if (!task.pack) return results
  const {packed, buffer} = packLines(results)
  const moved = results.map((r, i) => ({...r, lines: packed[i]!, summaryLine: null}))
  return Piscina.move({[Piscina.transferableSymbol]: [buffer], [Piscina.valueSymbol]: moved} as unknown as ArrayBuffer)
}

// piscina calls a worker module's default export (dist/worker.js is this module compiled)
export default runThreadTask
