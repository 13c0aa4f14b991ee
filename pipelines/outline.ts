/**
 * A pipeline as the main thread of a run needs it when its documents are processed elsewhere (worker threads, Redis
 * workers): the document stages' names and layers, and the corpus stages' runs (linking's add and finish), which run
 * in this thread; what reads documents (the stages' code, the link summary's person cues) is not loaded here.
 */
import {createPipeline, type CorpusStage, type Pipeline, type Stage} from '../src/stage.ts'
import {LINK_STAGE, startLink, type LinkSummary} from '../src/stages/link-run.ts'
import {outlineStages, PipelineOptions} from './catalog.ts'

/**
 * The named pipeline with its document stages as outlines (./catalog.ts) and the corpus stages ./index.ts builds, whose
 * `summarize` throws here. Importing the document stages' code and building them (with their warm-ups) cost the main
 * thread of a run with worker threads ~0.1 s of CPU (docs/scale.md, mainthread), taken from the workers on a machine
 * with as many cores as workers; only the threads that run the stages need them. An outline's `run` throws: such a
 * pipeline is for runs whose executor processes the documents (a thread or Redis executor built from the pipeline's
 * spec), never for this thread.
 */
export function outlinePipeline(name: string, options: PipelineOptions = {}): Pipeline {
  const settings = PipelineOptions.parse(options)
  const stages: Stage[] = outlineStages(name, options).map((outline) => ({
    ...outline,
    run() {
      throw new Error(`stage "${outline.name}" is an outline here: its code runs only where the documents are processed (worker threads, Redis workers)`)
    },
  }))
  // linking runs here (add, finish); its summaries are made where the documents are processed
  const link: CorpusStage<LinkSummary> = {
    name: LINK_STAGE.name,
    requires: [...LINK_STAGE.requires],
    summarize() {
      throw new Error('the link stage is an outline here: documents are summarised where they are processed (worker threads, Redis workers)')
    },
    start: startLink,
  }
  return createPipeline(name, stages, settings.link ? [link] : [])
}
