import {createPipeline, type Pipeline} from '../src/stage.ts'
import {createClean} from '../src/stages/clean.ts'
import {createSegment} from '../src/stages/segment.ts'
import {createDateline} from '../src/stages/dateline.ts'
import {createEntities} from '../src/stages/entities.ts'
import {createQuotes} from '../src/stages/quotes.ts'
import {createMoney} from '../src/stages/money.ts'
import {createLink} from '../src/stages/link.ts'
import {createTags} from '../src/stages/tags.ts'
import {DEFAULT_PIPELINE, OPTIONAL_LAYERS, PIPELINE_DESCRIPTIONS, PipelineOptions} from './catalog.ts'

export {DEFAULT_PIPELINE, OPTIONAL_LAYERS, PipelineOptions}

/** A named pipeline: an ordered list of stages built from options. */
export interface PipelineDefinition {
  name: string
  description: string
  build(options?: PipelineOptions): Pipeline
}

// the two pipelines differ only in clean: news runs it first, plain passes the text through untouched
function buildPipeline(name: string, clean: boolean, options: PipelineOptions): Pipeline {
  const settings = PipelineOptions.parse(options)
  // order matters: clean may change text, so it runs before any span exists
  return createPipeline(name, [
    ...(clean ? [createClean()] : []),
    createSegment(),
    createDateline(),
    // before entities, which take their MONEY spans from the money layer instead of finding them again
    createMoney({defaultDollar: settings.defaultDollar}),
    createEntities(),
    createQuotes(),
    // last: the token layer changes nothing the other stages read
    ...(settings.layers.includes('tokens') ? [createTags()] : []),
  ], settings.link ? [createLink()] : [])
}

const news: PipelineDefinition = {name: 'news', description: PIPELINE_DESCRIPTIONS.news!, build: (options = {}) => buildPipeline('news', true, options)}
const plain: PipelineDefinition = {name: 'plain', description: PIPELINE_DESCRIPTIONS.plain!, build: (options = {}) => buildPipeline('plain', false, options)}

/** Every pipeline `lede run --pipeline` accepts, by name. */
export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {news, plain}
