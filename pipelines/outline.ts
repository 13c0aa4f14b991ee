/**
 * A pipeline as the main thread of a run needs it when its documents are processed elsewhere (worker threads, Redis
 * workers): the document stages' names and layers, and the corpus stages themselves, which run in this thread.
 */
import {createPipeline, type Pipeline, type Stage} from '../src/stage.ts'
import {createLink} from '../src/stages/link.ts'
import {outlineStages, PipelineOptions} from './catalog.ts'

/**
 * The named pipeline with its document stages as outlines (./catalog.ts) and its corpus stages built as ./index.ts
 * builds them. Importing the document stages' code and building them (with their warm-ups) cost the main thread of a
 * run with worker threads 0.15-0.2 s of CPU, taken from the workers on a machine with as many cores as workers; only
 * the threads that run the stages need them. An outline's `run` throws: such a pipeline is for runs whose executor
 * processes the documents (a thread or Redis executor built from the pipeline's spec), never for this thread.
 */
export function outlinePipeline(name: string, options: PipelineOptions = {}): Pipeline {
  const settings = PipelineOptions.parse(options)
  const stages: Stage[] = outlineStages(name, options).map((outline) => ({
    ...outline,
    run() {
      throw new Error(`stage "${outline.name}" is an outline here: its code runs only where the documents are processed (worker threads, Redis workers)`)
    },
  }))
  return createPipeline(name, stages, settings.link ? [createLink()] : [])
}
