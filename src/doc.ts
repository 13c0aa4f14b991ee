/**
 * The one document type: plain JSON data, every annotation a half-open `[start, end)` span of
 * UTF-16 offsets into `text` (converted to Unicode code points only when records are written).
 * `undefined` means a layer was not computed; `[]` means it was computed and found nothing.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into `Doc.text`. */
export interface Span {
  start: number
  end: number
}

/** Token kinds, decided once by the tokenizer so later stages need not re-classify. */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol'

/**
 * What the tokenizer knows about a token besides its kind, as bits of `Token.flags`, so the stages that read
 * tokens (quotes, entities) need not re-lex the text to learn it.
 */
export const TokenFlag = {
  /** the first character is an uppercase or titlecase letter */
  Upper: 1,
  /** the token ends with a period that belongs to it: an initial ("J."), an initialism ("U.S.") or a listed abbreviation ("Mr.", "Inc.") */
  Abbreviation: 2,
  /** a clitic split off the word before it, written flush against it: "'s", "n't", "'re", "'ve", "'ll", "'d", "'m" */
  Clitic: 4,
} as const

/** A token: a span, its coarse kind and its {@link TokenFlag} bits. */
export interface Token extends Span {
  kind: TokenKind
  /** {@link TokenFlag} bits */
  flags: number
}

/**
 * A hyphen ending a wrapped line inside a paragraph, with the word going on at the next line's start: the span runs
 * from the hyphen to that word's first character (the hyphen, trailing space, newline and indent).
 */
export interface LineHyphen extends Span {
  /** a soft break: the hyphen goes too and the two parts read as one word (`Appropria-` / `tions`); false keeps the hyphen (`long-` / `term`, a compound) */
  join: boolean
}

/** A token's Universal POS tag (UPOS) and lemma. */
export interface TokenTag {
  pos: string
  lemma: string
}

/** Entity labels written to output: names from the recogniser, then dates and numbers from rules (OntoNotes' names). */
export const ENTITY_LABELS = ['PERSON', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'ORDINAL', 'CARDINAL'] as const
/** One of {@link ENTITY_LABELS}. */
export type EntityLabel = (typeof ENTITY_LABELS)[number]

/** Whether a label is a name's (PERSON, ORG, LOC, MISC) rather than a date's or a number's. */
export function isNameLabel(label: EntityLabel): boolean {
  return label === 'PERSON' || label === 'ORG' || label === 'LOC' || label === 'MISC'
}

/** A raw recognised entity mention before canonicalisation. */
export interface EntitySpan extends Span {
  label: EntityLabel
}

/** An entity mention with its canonical name and corpus-wide id. */
export interface Entity extends EntitySpan {
  /** the name without titles or possessive, e.g. "Jane Roe" for "Treasury spokeswoman Jane Roe's" */
  canonical: string
  /** shared by every mention of the same entity across the corpus */
  entityId: string
  /** a title or role written next to the name ("Treasury spokeswoman"), if any */
  role?: string
}

/** Who said a quote: the words in the article, and the person or organisation they resolve to. */
export interface Speaker {
  /** the speaker's words in the article ("he", "Treasury spokeswoman Jane Roe"), null when none */
  mention: string | null
  start: number | null
  end: number | null
  /** the resolved person or organisation, null when unnamed or unknown */
  name: string | null
  entityId: string | null
}

/** Quote kinds: `direct` is a whole quotation, `partial` a quoted fragment inside narrative. */
export type QuoteKind = 'direct' | 'partial' | 'indirect'

/** A quotation: `start`/`end` cover the quoted words without the marks. */
export interface Quote extends Span {
  kind: QuoteKind
  /** the speech verb as written ("said", "told"), null when none */
  cue: string | null
  /** the cue's lemma ("say" for "said"), null when no cue */
  cueLemma: string | null
  /** where the cue stands in the text, null when no cue */
  cueSpan: Span | null
  speaker: Speaker
  /** set when the quote was never closed and was cut at its paragraph's end */
  unclosed?: boolean
}

/** A monetary figure normalised to an amount and an ISO 4217 currency code. */
export interface Money extends Span {
  /** the amount as a JSON number (6000000000 for "€6 billion") */
  amount: number
  /** the exact decimal string of the amount, free of floating-point drift */
  value: string
  /** ISO 4217 code */
  currency: string
  /** true when the currency was not written and came from a default (a bare `$`) */
  currencyAssumed: boolean
  /** "about", "more than", "up to", ... when the text qualifies the amount */
  qualifier?: string
  /** bounds of a range ("$5-6 billion"), as exact decimal strings' numbers */
  min?: number
  max?: number
  /** the unit of a rate ("barrel" in "$70 a barrel") */
  per?: string
  /** index (within this document's money list) of the figure this one converts */
  equivalentOf?: number
  /** the multiplier a table's scale caption ("in millions of dollars") applied to this figure, already in amount and value */
  tableScale?: number
}

/** A wire dateline ("NAIROBI, Kenya (AP) _"): the span covers it up to the agency, without the dash after it. */
export interface Dateline extends Span {
  /** the place as written, city and region: "NAIROBI, Kenya" */
  place: string
  /** the date as written ("1996-12-06", "Nov. 13"), when there is one */
  date?: string
  /** the agency named in parentheses ("Reuters", "AP"), when there is one */
  agency?: string
}

/** A note a stage attaches to a document; a fatal one stops later stages for that document. */
export interface DocMessage {
  stage: string
  /** `stage:rule`, e.g. `money:unparsed-amount` */
  code: string
  message: string
  fatal: boolean
  start?: number
  end?: number
}

/** A stretch of the raw text that `clean` removed, kept so nothing is lost silently. */
export interface Removed {
  rule: string
  text: string
}

/** The document flowing through the pipeline. */
export interface Doc {
  /** stable across runs for the same content */
  id: string
  /** the input path relative to the corpus folder (with `:line` for JSONL records) */
  source: string
  /** the headline, when known or found by `clean` */
  title: string | null
  /** the article text; only `clean` may change it, before any span exists */
  text: string
  /** metadata carried from the input: url, date, byline, and every other input field as it came (`extra`, written as the article's `meta`) */
  meta: {url?: string; date?: string; byline?: string; extra?: Record<string, unknown>}
  /** what `clean` took out of the text, in order (written in the article record, read by no stage) */
  removed?: Removed[]
  paragraphs?: Span[]
  /** the wire dateline, null when the story has none */
  dateline?: Dateline | null
  sentences?: Span[]
  tokens?: Token[]
  /** the line-end hyphens of wrapped paragraphs (`[]` in text that is not hard-wrapped), read whole by dateline, money, entities and quotes */
  lineHyphens?: LineHyphen[]
  /** the byline block's lines above the story's first body line, as clean recognises them (`findBylines`): a writer's name there is never a speaker */
  bylines?: Span[]
  /** part of speech and lemma of each token, aligned with `tokens` (the opt-in token layer) */
  tags?: TokenTag[]
  entities?: Entity[]
  quotes?: Quote[]
  money?: Money[]
  messages: DocMessage[]
}

/**
 * Layers a stage may require or assign: every field of {@link Doc} a stage writes (test/architecture.test.ts fails
 * when the two lists differ, and test/stages/declared-layers.test.ts checks each stage's reads and writes against them).
 */
export const LAYER_NAMES = ['text', 'title', 'removed', 'paragraphs', 'dateline', 'sentences', 'tokens', 'lineHyphens', 'bylines', 'tags', 'entities', 'quotes', 'money'] as const

/** A layer a stage may require or assign (one of {@link LAYER_NAMES}). */
export type LayerName = (typeof LAYER_NAMES)[number]

/** Creates a document holding raw text and no layers. */
export function createDoc(init: {id: string; source: string; text: string; title?: string | null; meta?: Doc['meta']}): Doc {
  return {id: init.id, source: init.source, title: init.title ?? null, text: init.text, meta: init.meta ?? {}, messages: []}
}

/** The text a span covers. */
export function spanText(doc: {text: string}, span: Span): string {
  return doc.text.slice(span.start, span.end)
}

/** Orders spans by start, then end, for deterministic output. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end
}
