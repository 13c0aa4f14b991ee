/**
 * The pipelines by name, what each does, and the opt-in layers: what the command line needs before any stage's code
 * is loaded (`lede run` starts its worker threads first, and they load the stages meanwhile). The pipelines
 * themselves are built in ./index.ts.
 */

/** Layers a run computes and writes only when asked (`lede run --layers tokens`). */
export const OPTIONAL_LAYERS = ['tokens'] as const

/** What each pipeline of ./index.ts does, by name (its `description`). */
export const PIPELINE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  news: 'news text of every shape (scraped pages, clean wire copy, hard-wrapped archives): decode character references, clean page furniture, paragraphs by layout, dateline, money, entities, quotes (the default)',
  plain: 'text passed through untouched (research corpora with their own offsets): no clean stage and no reference decoding, so offsets index the input as given',
}

/** The pipeline used when none is named. */
export const DEFAULT_PIPELINE = 'news'
