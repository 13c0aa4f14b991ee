import {z} from 'zod'
import {createPipeline, type Pipeline} from '../src/stage.ts'
import {createClean} from '../src/stages/clean.ts'
import {createSegment} from '../src/stages/segment.ts'
import {createDateline} from '../src/stages/dateline.ts'
import {createEntities} from '../src/stages/entities.ts'
import {createQuotes} from '../src/stages/quotes.ts'
import {createMoney, MoneyOptions} from '../src/stages/money.ts'
import {createLink} from '../src/stages/link.ts'
import {createTags} from '../src/stages/tags.ts'

/** Layers a run computes and writes only when asked (`lede run --layers tokens`). */
export const OPTIONAL_LAYERS = ['tokens'] as const

/** Options every pipeline accepts, parsed once before any document runs. */
export const PipelineOptions = z
  .object({
    // the money stage owns this option's rule; the pipeline only passes it on
    defaultDollar: MoneyOptions.shape.defaultDollar,
    /** cross-document linking (default true): without it entity ids join only identical canonical names, and no entity index is written */
    link: z.boolean().default(true),
    /** opt-in layers: `tokens` adds part of speech and lemma per token and writes tokens.jsonl */
    layers: z.array(z.enum(OPTIONAL_LAYERS)).default([]),
  })
  .strict()
export type PipelineOptions = z.input<typeof PipelineOptions>

/** A named pipeline: an ordered list of stages built from options. */
export interface PipelineDefinition {
  name: string
  description: string
  build(options?: PipelineOptions): Pipeline
}

const news: PipelineDefinition = {
  name: 'news',
  description:
    'news text of every shape (scraped pages, clean wire copy, hard-wrapped archives): decode character references, clean page furniture, paragraphs by layout, dateline, money, entities, quotes (the default)',
  build(options = {}) {
    const settings = PipelineOptions.parse(options)
    // order matters: clean may change text, so it runs before any span exists
    return createPipeline('news', [
      createClean(),
      createSegment(),
      createDateline(),
      // before entities, which take their MONEY spans from the money layer instead of finding them again
      createMoney({defaultDollar: settings.defaultDollar}),
      createEntities(),
      createQuotes(),
      // last: the token layer changes nothing the other stages read
      ...(settings.layers.includes('tokens') ? [createTags()] : []),
    ], settings.link ? [createLink()] : [])
  },
}

const plain: PipelineDefinition = {
  name: 'plain',
  description: 'text passed through untouched (research corpora with their own offsets): no clean stage and no reference decoding, so offsets index the input as given',
  build(options = {}) {
    const settings = PipelineOptions.parse(options)
    return createPipeline('plain', [
      createSegment(),
      createDateline(),
      // before entities, which take their MONEY spans from the money layer instead of finding them again
      createMoney({defaultDollar: settings.defaultDollar}),
      createEntities(),
      createQuotes(),
      // last: the token layer changes nothing the other stages read
      ...(settings.layers.includes('tokens') ? [createTags()] : []),
    ], settings.link ? [createLink()] : [])
  },
}

/** Every pipeline `lede run --pipeline` accepts, by name. */
export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {news, plain}

/** The pipeline used when none is named. */
export const DEFAULT_PIPELINE = 'news'
