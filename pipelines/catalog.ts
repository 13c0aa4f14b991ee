/**
 * The pipelines by name, what each does, the opt-in layers and the options' schema: what the command line needs
 * before any stage's code is loaded (`lede run` checks its options, then starts its worker threads, and they load
 * the stages meanwhile). The pipelines themselves are built in ./index.ts.
 */
import {z} from 'zod'
import {MoneyOptions} from '../src/money/options.ts'
import {checkModelFile} from '../src/ner/model-file.ts'

/** Layers a run computes and writes only when asked (`lede run --layers tokens`). */
export const OPTIONAL_LAYERS = ['tokens'] as const

/** What each pipeline of ./index.ts does, by name (its `description`). */
export const PIPELINE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  news: 'news text of every shape (scraped pages, clean wire copy, hard-wrapped archives): decode character references, clean page furniture, paragraphs by layout, dateline, money, entities, quotes (the default)',
  plain: 'text passed through untouched (research corpora with their own offsets): no clean stage and no reference decoding, so offsets index the input as given',
}

/** The pipeline used when none is named. */
export const DEFAULT_PIPELINE = 'news'

/** Options every pipeline accepts, parsed once before any document runs (and by the command line before any thread starts). */
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
/** Input type of {@link PipelineOptions}. */
export type PipelineOptions = z.input<typeof PipelineOptions>

/**
 * Checks the files a pipeline reads when its first document runs, cheaply and before any thread starts: both
 * pipelines run the entities stage, which reads the shipped NER model (a missing or foreign file would otherwise
 * fail every document in the workers). Throws ModelFileError.
 */
export function checkPipelineFiles(_name: string): void {
  checkModelFile()
}
