import {describe, expect, it} from 'vitest'
import {DEFAULT_PIPELINE, outlineStages, PIPELINE_DESCRIPTIONS, type PipelineOptions} from '../../pipelines/catalog.ts'
import {PIPELINES} from '../../pipelines/index.ts'
import {outlinePipeline} from '../../pipelines/outline.ts'

// every option that changes a pipeline's stages (the token layer) or its corpus stages (linking), alone and together
const OPTION_SETS: PipelineOptions[] = [{}, {layers: ['tokens']}, {link: false}, {link: false, layers: ['tokens']}, {defaultDollar: 'CAD'}]

describe('the pipeline catalog (what the command line knows before loading any stage)', () => {
  it('names every pipeline, with its description, and the default among them', () => {
    expect(Object.keys(PIPELINE_DESCRIPTIONS)).toEqual(Object.keys(PIPELINES))
    for (const [name, definition] of Object.entries(PIPELINES)) {
      expect(definition.name).toBe(name)
      expect(definition.description).toBe(PIPELINE_DESCRIPTIONS[name])
    }
    expect(PIPELINES[DEFAULT_PIPELINE]).toBeDefined()
  })

  it.each(Object.keys(PIPELINES).flatMap((name) => OPTION_SETS.map((options) => [name, options] as const)))(
    'outlines the stages pipeline %s builds with %j: same names, layers and corpus stages',
    (name, options) => {
      const built = PIPELINES[name]!.build(options)
      const outline = outlinePipeline(name, options)
      const layers = (stages: readonly {name: string; requires: string[]; assigns?: string[]}[]) => stages.map((s) => ({name: s.name, requires: s.requires, assigns: s.assigns}))
      expect(layers(outlineStages(name, options))).toEqual(layers(built.stages))
      expect(layers(outline.stages)).toEqual(layers(built.stages))
      expect(layers(outline.corpusStages)).toEqual(layers(built.corpusStages))
      expect(outline.name).toBe(built.name)
    },
  )

  it('outlines no stage code: running an outline stage says where its code runs', () => {
    const outline = outlinePipeline('news', {})
    expect(() => outline.stages[0]!.run({} as never, {warn() {}})).toThrow(/outline here: its code runs only where the documents are processed/)
    expect(() => outline.corpusStages[0]!.summarize({} as never)).toThrow(/summarised where they are processed/)
    expect(() => outlineStages('nope')).toThrow(/unknown pipeline "nope"/)
  })
})
