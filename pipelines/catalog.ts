/**
 * The pipelines by name, what each does, the opt-in layers and the options' schema: what the command line needs
 * before any stage's code is loaded (`lede run` checks its options, then starts its worker threads, and they load
 * the stages meanwhile). The pipelines themselves are built in ./index.ts.
 */
import {z} from 'zod'
import type {LayerName} from '../src/doc.ts'
import {MoneyOptions} from '../src/money/options.ts'
import {checkModelFile, MODEL_URL, takeModelRead} from '../src/ner/model-file.ts'

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
export async function checkPipelineFiles(_name: string): Promise<void> {
  // the model read and inflated ahead when bin/lede.js started that, else read here
  checkModelFile(MODEL_URL, await takeModelRead())
}

/** A document stage as a thread that does not run it sees it: its name and layers, without its code. */
export interface StageOutline {
  name: string
  requires: LayerName[]
  assigns: LayerName[]
}

// the document stages of ./index.ts, by name, with the layers their factories declare (test/pipelines/catalog.test.ts
// checks that every pipeline builds exactly these, for every option that changes its stages)
const STAGE_OUTLINES: Readonly<Record<string, StageOutline>> = {
  clean: {name: 'clean', requires: ['text', 'title'], assigns: ['text', 'title', 'removed']},
  segment: {name: 'segment', requires: ['text'], assigns: ['paragraphs', 'sentences', 'tokens', 'lineHyphens', 'bylines']},
  dateline: {name: 'dateline', requires: ['text', 'paragraphs', 'lineHyphens'], assigns: ['dateline']},
  money: {name: 'money', requires: ['text', 'paragraphs', 'lineHyphens'], assigns: ['money']},
  entities: {name: 'entities', requires: ['text', 'paragraphs', 'tokens', 'sentences', 'lineHyphens', 'bylines', 'money', 'dateline', 'title'], assigns: ['entities']},
  quotes: {name: 'quotes', requires: ['text', 'paragraphs', 'tokens', 'lineHyphens', 'bylines', 'entities'], assigns: ['quotes']},
  tags: {name: 'tags', requires: ['text', 'tokens'], assigns: ['tags']},
}

const PIPELINE_STAGES: Readonly<Record<string, readonly string[]>> = {
  news: ['clean', 'segment', 'dateline', 'money', 'entities', 'quotes'],
  plain: ['segment', 'dateline', 'money', 'entities', 'quotes'],
}

/**
 * The document stages the named pipeline builds with these options, as outlines: what the main thread of a run whose
 * documents are processed elsewhere (worker threads, Redis workers) needs of them (names for the manifest and the
 * run key, layers for the pipeline's checks), without importing the stages' code, which only the workers run.
 */
export function outlineStages(name: string, options: PipelineOptions = {}): StageOutline[] {
  const names = PIPELINE_STAGES[name]
  if (!names) throw new Error(`unknown pipeline "${name}"`)
  const settings = PipelineOptions.parse(options)
  return [...names, ...(settings.layers.includes('tokens') ? ['tags'] : [])].map((stage) => ({...STAGE_OUTLINES[stage]!, requires: [...STAGE_OUTLINES[stage]!.requires], assigns: [...STAGE_OUTLINES[stage]!.assigns]}))
}
