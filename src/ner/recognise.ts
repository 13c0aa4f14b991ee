/**
 * The entity recogniser's public face: people, organisations, places and other names (PERSON, ORG, LOC, MISC)
 * from tokenised text, using the model shipped in models/ner.bin (loaded once per process, on first use).
 */
import {readFileSync} from 'node:fs'
import type {EntityLabel, EntitySpan, Span, Token} from '../doc.ts'
import {MODEL_URL} from './model-file.ts'
import {checkedFile} from './checked-files.ts'
import {parseModel, parseModelContents, type NerModel} from './model.ts'
import type {Lexicon} from './lexicon.ts'
import {NerTagger, TYPE_VECTOR_SIZE} from './tagger.ts'
import {sharedTypeTable} from './shared-types.ts'
import {builtTypeTable} from './type-vectors.ts'
import {IOB2_TAGS, decodeBilou, type NerType} from './tags.ts'
import {findTitleCaseView, mergeHeadlineReadings, readNormallyLower} from './title-case.ts'

export {MODEL_URL} from './model-file.ts'

const LABELS: Record<NerType, EntityLabel> = {PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

/** Beam width the recogniser decodes with: 4 gains about 0.8 F1 on CoNLL dev over greedy and costs little. */
export const DEFAULT_BEAM = 4

/**
 * Whether the recogniser gives an unknown lone name-shaped word in running prose a second chance as a person
 * (see NerTagger): neutral on held-out CoNLL, and it finds lone surnames in modern news the model leaves out.
 */
export const DEFAULT_NAME_UNKNOWN = true

/** Whether the recogniser tags untagged repeats of a name it tagged consistently elsewhere in the document (see consistency.ts). */
export const DEFAULT_CONSISTENCY = true

/** Whether the recogniser joins a Title-case given name tagged MISC with the one-word PERSON after it (rule J, see given-name-join.ts): adopted by the nineteenth round's measurement (docs/ner.md items 63-64). */
export const DEFAULT_GIVEN_NAME_JOIN = true

/** Whether the recogniser trims a stray or wrapping bracket or quotation mark from a mention's edges (rule P, see edge-trim.ts; docs/ner.md twenty-first round). */
export const DEFAULT_EDGE_TRIM = true

/** Whether the recogniser gives ORG from context and form after tagging (rule O, see org-evidence.ts; docs/ner.md twenty-fifth round): off until that round adopts it. */
export const DEFAULT_ORG_EVIDENCE = false

/** Whether the recogniser makes a place or person ORG when its sentence names it an organisation by apposition or coordination (rule D, see org-context.ts; docs/ner.md protocol D): off until that protocol adopts it. */
export const DEFAULT_ORG_CONTEXT = false

/** Whether rule D, when on, also takes a person coordinated only with organisations for one (its D3; docs/ner.md protocol D2 measures D without it). */
export const DEFAULT_ORG_COORDINATION = true

/** Whether the recogniser decodes a second time where a name disagrees with its other occurrences, reading the first pass's labels of them (two-stage prediction aggregation, see two-stage.ts; docs/ner.md twenty-seventh round): off until that round adopts it, and a model without the stage-two features is not decoded twice. */
export const DEFAULT_TWO_STAGE = false

/**
 * Whether the recogniser's beam search runs in WebAssembly (wasm-decoder.ts): the same tags bit for bit, 18% less
 * thread CPU in the recogniser over the 4 MB varied corpus (docs/scale.md); `LEDE_WASM=0` in the environment turns it
 * off (the JavaScript decoder, which is also used wherever WebAssembly is missing).
 */
export const DEFAULT_WASM_DECODER = true

let shipped: NerTagger | null = null
let shippedLexiconData: Lexicon | null = null

/** Reads a model file (the shipped one by default). */
export function loadModel(path: string | URL = MODEL_URL): NerModel {
  // the start-up check inflated and verified this file already, in this thread or in the one that started it: ~50 ms
  // of reading and inflating per thread saved
  const checked = checkedFile(path)
  if (checked) return parseModelContents(Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength))
  return parseModel(readFileSync(path))
}

/**
 * The tagger for the shipped model, loaded synchronously on first call and kept for the thread; in a worker thread
 * of a pool it shares its word-type vectors with the pool's other threads, which load the same model; once it has made
 * enough types it reads the vectors the build made for common words (type-vectors.ts) when they match the model and the code.
 */
export function shippedTagger(): NerTagger {
  if (shipped) return shipped
  const model = loadModel()
  shippedLexiconData = model.lexicon
  shipped = new NerTagger(model, shippedTaggerOptions())
  return shipped
}

/**
 * The options {@link shippedTagger} builds its tagger with (the defaults above, this thread's shared type table, the
 * build's vectors, the WebAssembly decoder), so a bench can time fresh taggers of the configuration `lede run` runs.
 */
export function shippedTaggerOptions(): NerTaggerOptions {
  return {beam: DEFAULT_BEAM, nameUnknown: DEFAULT_NAME_UNKNOWN, consistency: DEFAULT_CONSISTENCY, givenNameJoin: DEFAULT_GIVEN_NAME_JOIN, edgeTrim: DEFAULT_EDGE_TRIM, orgEvidence: DEFAULT_ORG_EVIDENCE, orgContext: DEFAULT_ORG_CONTEXT, orgCoordination: DEFAULT_ORG_COORDINATION, twoStage: DEFAULT_TWO_STAGE, sharedTypes: sharedTypeTable(TYPE_VECTOR_SIZE), builtTypes: () => builtTypeTable(TYPE_VECTOR_SIZE), wasm: DEFAULT_WASM_DECODER && process.env.LEDE_WASM !== '0'}
}

/** What a {@link NerTagger} is built with. */
export type NerTaggerOptions = NonNullable<ConstructorParameters<typeof NerTagger>[1]>

/** The shipped model's stored lexicon (its word and gazetteer lists), loaded with the tagger. */
export function shippedLexicon(): Lexicon {
  shippedTagger()
  return shippedLexiconData!
}

/**
 * Tags one document's words with IOB2 tags (`B-PER`, `I-ORG`, `O`, ...); `sentenceEnds` holds the exclusive end
 * index of each sentence (one sentence when omitted).
 */
export function tagTokens(
  words: readonly string[],
  sentenceEnds: readonly number[] = [words.length],
  tagger: NerTagger = shippedTagger(),
): string[] {
  const tags = tagger.tagDocument(words, sentenceEnds)
  return Array.from(tags, (tag) => IOB2_TAGS[tag])
}

/** Exclusive token indices where sentences end, given sentence spans; tokens outside every sentence form their own runs. */
export function sentenceEndsOf(tokens: readonly Span[], sentences: readonly Span[]): number[] {
  const ends: number[] = []
  let s = 0
  let current = -1
  for (let i = 0; i < tokens.length; i++) {
    while (s < sentences.length && sentences[s].end <= tokens[i].start) s++
    const inside = s < sentences.length && sentences[s].start <= tokens[i].start ? s : -1 - s
    if (i > 0 && inside !== current) ends.push(i)
    current = inside
  }
  if (tokens.length > 0) ends.push(tokens.length)
  return ends
}

/**
 * Finds PERSON, ORG, LOC and MISC mentions in one document; spans run from a first token's start to a last token's
 * end. `headline` (optional) is the headline's span in `text`: a document with a Title Case headline is tagged as
 * written and in its truecased view, the view's names taken in the headline only where the plain reading shows the
 * Title Case fault (see title-case.ts).
 */
export function recogniseEntities(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  tagger: NerTagger = shippedTagger(),
  headline: Span | null = null,
): EntitySpan[] {
  if (tokens.length === 0) return []
  const ends = sentenceEndsOf(tokens, sentences)
  // the tagger reads the truecased view; spans are token offsets, the same in both
  const isLower = headline === null ? null : readNormallyLower(text, tokens, sentences, headline, (word) => tagger.casePriorOf(word))
  const titled = isLower === null ? null : findTitleCaseView(text, tokens, headline, isLower)
  const viewed = decodeMentions(tagger.tagSpans(titled ?? text, tokens, ends), tokens)
  if (titled === null || headline === null || isLower === null) return viewed
  // the view invents names where the plain reading had none ("Penny-Stock" LOC among lowered words) and breaks names
  // whose words the prior knows in lower case: the document is also read as written (the headline alone loses names
  // its document gives), and the view is taken only where that reading shows the Title Case fault
  const plain = decodeMentions(tagger.tagSpans(text, tokens, ends), tokens)
  return mergeHeadlineReadings(text, tokens, headline, isLower, plain, viewed)
}

// the tagger's BILOU tag ids (what tagSpans returns) as mentions on the text, spans from a first token's start to a
// last token's end
function decodeMentions(tags: Uint8Array, tokens: readonly Span[]): EntitySpan[] {
  return decodeBilou(tags).map((span) => ({start: tokens[span.start].start, end: tokens[span.end - 1].end, label: LABELS[span.type]}))
}
