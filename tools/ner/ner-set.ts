/**
 * The modern-news NER development set (test/ner-gold/modern, docs/ner-annotation.md): hand-written gold files
 * in the gold-file format of docs/gold.md, placed on their article texts as character spans, and turned into
 * the token documents `bench:ner` scores.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Span} from '../../src/doc.ts'
import type {NerDocument} from './conll.ts'
import type {NerType, TokenSpan} from '../../src/ner/tags.ts'
import {findParagraphs, findSentences, findTokens} from '../../src/segment/segment-text.ts'
import {locateGold, validateGold, type GoldFile} from '../../src/eval/gold.ts'

/** Where the set lives in the repository. */
export const MODERN_SET_DIR = new URL('../../test/ner-gold/modern/', import.meta.url).pathname
/** Where the PolNeAR dev texts the set's `polnear` half annotates live (read from ../shared, never copied into the repo). */
export const POLNEAR_DEV_TEXT_DIR = new URL('../../../shared/polnear/dev/text/', import.meta.url).pathname

/** The labels every file in the set annotates: CoNLL-2003's four, under the project's names. */
export const MODERN_SET_LABELS = ['PERSON', 'ORG', 'LOC', 'MISC'] as const

/** Where the modern-news training gold lives: hand-checked PolNeAR **train** articles (docs/ner-annotation.md). */
export const TRAIN_SET_DIR = new URL('../../test/ner-gold/train/polnear/gold/', import.meta.url).pathname
/** Where the PolNeAR train texts the training gold annotates live (read from ../shared, never copied into the repo). */
export const POLNEAR_TRAIN_TEXT_DIR = new URL('../../../shared/polnear/train/text/', import.meta.url).pathname

/**
 * The real news and blog pages (2014 to 2019) both web halves annotate: `../shared/article-extraction/ground-truth.json`,
 * `{<page key>: {articleBody, url}}`; the gold file's `source` is the page key, and the text is that page's
 * `articleBody` (never copied into the repo).
 */
export const WEB_TEXT_FILE = new URL('../../../shared/article-extraction/ground-truth.json', import.meta.url).pathname
/** Where the training gold on web pages lives (never a page of the dev set's `web` half). */
export const WEB_TRAIN_SET_DIR = new URL('../../test/ner-gold/train/web/gold/', import.meta.url).pathname

/**
 * The three halves of the dev set (articles written for it, PolNeAR dev texts, real web pages) and the training
 * gold (PolNeAR train articles, other web pages, articles written for training).
 */
export type ModernSetSource = 'written' | 'polnear' | 'web' | 'polnear-train' | 'web-train' | 'written-train'

/** One gold entity mention as a character span (UTF-16) into the article text. */
export interface NerGoldEntity extends Span {
  label: NerType
  text: string
}

/** One annotated article: its text, as read, and its gold mentions in offset order. */
export interface NerGoldDoc {
  /** the gold file's name without `.json` */
  id: string
  source: ModernSetSource
  /** the gold file's path */
  goldPath: string
  /** the article text's path */
  textPath: string
  text: string
  entities: NerGoldEntity[]
}

/** What {@link readModernNerSet} read, and which half it could not read (PolNeAR and web when ../shared is absent). */
export interface ModernNerSet {
  docs: NerGoldDoc[]
  skipped: {source: ModernSetSource; reason: string}[]
}

const TYPE_OF_LABEL: Record<(typeof MODERN_SET_LABELS)[number], NerType> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

/** A gold file of the set that does not place cleanly on its text; `problems` lists every reason. */
export class NerSetError extends Error {
  readonly code = 'eval:invalid-ner-gold'
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n  ${problems.join('\n  ')}`)
    this.name = 'NerSetError'
  }
}

/**
 * Places one hand-written gold file on its article text and checks it as the set requires: it validates, it
 * annotates exactly the four name labels, every string is found (no shadowed or missing string, no occurrence
 * out of range), and the located mentions do not overlap.
 */
export function placeNerGold(gold: GoldFile, text: string, file: string): NerGoldEntity[] {
  const problems: string[] = []
  const labels = gold.entityLabels ?? []
  if (labels.length !== MODERN_SET_LABELS.length || !MODERN_SET_LABELS.every((l) => labels.includes(l))) {
    problems.push(`entityLabels must be exactly ${MODERN_SET_LABELS.join(', ')} (got ${labels.join(', ') || 'none'})`)
  }
  if (gold.quotes !== undefined || gold.money !== undefined) problems.push('the NER set annotates entities only')
  const located = locateGold(gold, text)
  for (const p of located.problems) problems.push(p.message)
  const entities = located.entities
    .map((e) => ({start: e.start, end: e.end, label: TYPE_OF_LABEL[e.label as keyof typeof TYPE_OF_LABEL], text: e.text}))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  for (const e of entities) {
    if (!e.label) problems.push(`"${e.text}": label outside ${MODERN_SET_LABELS.join(', ')}`)
    if (text.slice(e.start, e.end) !== e.text) problems.push(`"${e.text}" at ${e.start}: the text there is "${text.slice(e.start, e.end)}"`)
    if (e.text !== e.text.trim()) problems.push(`"${e.text}": starts or ends with a space`)
  }
  for (let i = 1; i < entities.length; i++) {
    if (entities[i].start < entities[i - 1].end) problems.push(`"${entities[i - 1].text}" and "${entities[i].text}" overlap at ${entities[i].start}`)
  }
  if (problems.length > 0) throw new NerSetError(file, problems)
  return entities
}

/**
 * Reads one folder of hand-written gold files (`<name>.json`, `source` = `<name>.txt`) with their texts from
 * `textDir`, each placed and checked as {@link placeNerGold} does. Throws {@link NerSetError} on a bad file.
 */
export function readNerGoldFolder(goldDir: string, textDir: string, source: ModernSetSource): NerGoldDoc[] {
  return readGoldFiles(goldDir, source, (gold, goldPath, name) => {
    if (gold.source !== name.replace(/\.json$/, '.txt')) throw new NerSetError(goldPath, [`source "${gold.source}" must be the file name with .txt`])
    const textPath = join(textDir, gold.source)
    if (!existsSync(textPath)) throw new NerSetError(goldPath, [`article text ${textPath} not found`])
    return {text: readFileSync(textPath, 'utf8'), textPath}
  })
}

// one folder's gold files, in name order, each validated, given its text by `locate` and placed on it
function readGoldFiles(
  goldDir: string,
  source: ModernSetSource,
  locate: (gold: GoldFile, goldPath: string, name: string) => {text: string; textPath: string},
): NerGoldDoc[] {
  const names = readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()
  return names.map((name) => {
    const goldPath = join(goldDir, name)
    const result = validateGold(JSON.parse(readFileSync(goldPath, 'utf8')), name)
    if (!result.ok) throw new NerSetError(goldPath, result.problems)
    const {text, textPath} = locate(result.gold, goldPath, name)
    return {id: name.replace(/\.json$/, ''), source, goldPath, textPath, text, entities: placeNerGold(result.gold, text, goldPath)}
  })
}

/** Reads the web pages' texts: each page key's `articleBody` from a ground-truth.json of article-extraction. */
export function readWebTexts(file: string = WEB_TEXT_FILE): Map<string, string> {
  const pages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {articleBody?: unknown}>
  const texts = new Map<string, string>()
  for (const [key, page] of Object.entries(pages)) if (typeof page?.articleBody === 'string') texts.set(key, page.articleBody)
  return texts
}

/** The page keys (`source`) the web gold files of a folder name, without their texts; none when the folder is absent. */
export function readWebGoldKeys(goldDir: string): Map<string, string> {
  const keys = new Map<string, string>()
  if (!existsSync(goldDir)) return keys
  for (const name of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const source = (JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as {source?: unknown}).source
    if (typeof source === 'string') keys.set(source, join(goldDir, name))
  }
  return keys
}

/**
 * Reads one folder of hand-written gold files on web pages: each file's `source` is a page key of `texts`
 * ({@link readWebTexts}) and its name starts with the key's first 12 characters (`<key12>-<slug>.json`), each
 * placed and checked as {@link placeNerGold} does. Throws {@link NerSetError} on a bad file.
 */
export function readWebGoldFolder(goldDir: string, texts: ReadonlyMap<string, string>, source: ModernSetSource, textFile = WEB_TEXT_FILE): NerGoldDoc[] {
  return readGoldFiles(goldDir, source, (gold, goldPath, name) => {
    const text = texts.get(gold.source)
    if (text === undefined) throw new NerSetError(goldPath, [`source "${gold.source}" is not a page key of ${textFile}`])
    if (!name.startsWith(gold.source.slice(0, 12))) throw new NerSetError(goldPath, [`the file name must start with the page key's first 12 characters (${gold.source.slice(0, 12)})`])
    return {text, textPath: `${textFile}#${gold.source}`}
  })
}

/** Throws {@link NerSetError} when a web page is annotated both in the dev set's web half and in the web training gold. */
export function checkWebSplit(devGoldDir: string, trainGoldDir: string): void {
  const train = readWebGoldKeys(trainGoldDir)
  const clash = [...readWebGoldKeys(devGoldDir)].filter(([key]) => train.has(key))
  if (clash.length > 0) {
    throw new NerSetError(devGoldDir, clash.map(([key, dev]) => `page ${key} is in the dev set (${dev}) and in the training gold (${train.get(key)}): a page is one or the other`))
  }
}

/**
 * Reads the whole set: the written half from the repository, the PolNeAR half with its texts from
 * `polnearTextDir`, the web half with its texts from `webTextFile` (each skipped, and said so, when its texts are
 * absent). Throws {@link NerSetError} on a bad file, and when a web page is both in the web half and in the web
 * training gold (`webTrainDir`).
 */
export function readModernNerSet(options: {dir?: string; polnearTextDir?: string; webTextFile?: string; webTrainDir?: string} = {}): ModernNerSet {
  const dir = options.dir ?? MODERN_SET_DIR
  const polnearTextDir = options.polnearTextDir ?? POLNEAR_DEV_TEXT_DIR
  const webTextFile = options.webTextFile ?? WEB_TEXT_FILE
  const webGoldDir = join(dir, 'web/gold')
  checkWebSplit(webGoldDir, options.webTrainDir ?? WEB_TRAIN_SET_DIR)
  const docs = readNerGoldFolder(join(dir, 'written/gold'), join(dir, 'written/text'), 'written')
  const skipped: ModernNerSet['skipped'] = []
  if (existsSync(polnearTextDir)) docs.push(...readNerGoldFolder(join(dir, 'polnear/gold'), polnearTextDir, 'polnear'))
  else skipped.push({source: 'polnear', reason: `${polnearTextDir} not found (PolNeAR lives in ../shared beside the repository)`})
  if (!existsSync(webGoldDir)) return {docs, skipped}
  if (existsSync(webTextFile)) docs.push(...readWebGoldFolder(webGoldDir, readWebTexts(webTextFile), 'web', webTextFile))
  else skipped.push({source: 'web', reason: `${webTextFile} not found (the web pages live in ../shared/article-extraction beside the repository)`})
  return {docs, skipped}
}

/** A gold document as `bench:ner` scores it, plus the gold mentions whose edges fall inside a token. */
export interface NerTokenDocument extends NerDocument {
  id: string
  /** character span of each word, parallel to `words` */
  tokenSpans: Span[]
  /** gold mentions that do not start and end on token edges; their token span is the tokens they touch */
  misaligned: NerGoldEntity[]
}

/**
 * Tokenises a gold document with the pipeline's own segmenter (the tokens the recogniser sees in `lede run`)
 * and maps each gold mention to the tokens it covers.
 */
export function toNerTokenDocument(doc: NerGoldDoc): NerTokenDocument {
  const tokens = findTokens(doc.text)
  const sentences = findSentences(doc.text, findParagraphs(doc.text), tokens)
  const sentenceEnds: number[] = []
  let t = 0
  for (const s of sentences) {
    while (t < tokens.length && tokens[t].start < s.end) t++
    if (sentenceEnds.length === 0 ? t > 0 : t > sentenceEnds[sentenceEnds.length - 1]) sentenceEnds.push(t)
  }
  if (sentenceEnds[sentenceEnds.length - 1] !== tokens.length) sentenceEnds.push(tokens.length)
  const entities: TokenSpan[] = []
  const misaligned: NerGoldEntity[] = []
  for (const e of doc.entities) {
    const first = tokens.findIndex((tok) => tok.end > e.start)
    let last = first
    while (last + 1 < tokens.length && tokens[last + 1].start < e.end) last++
    if (tokens[first].start !== e.start || tokens[last].end !== e.end) misaligned.push(e)
    entities.push({start: first, end: last + 1, type: e.label})
  }
  return {
    id: doc.id,
    words: tokens.map((tok) => doc.text.slice(tok.start, tok.end)),
    tokenSpans: tokens.map(({start, end}) => ({start, end})),
    sentenceEnds,
    entities,
    misaligned,
  }
}

/** A gold mention of a training document that is not encoded exactly as written: its article and the tokens it touches. */
export interface NerTrainingMention extends NerGoldEntity {
  /** the article's id */
  doc: string
  /** the pipeline tokens the mention touches, joined by spaces */
  tokens: string
}

/** Gold documents turned into training documents, and the mentions that could not be used as they are. */
export interface NerTrainingSet {
  documents: NerDocument[]
  /** mentions kept, per label */
  mentions: Record<NerType, number>
  /** mentions left out: they share a token with the mention before them (a token carries one label) */
  leftOut: NerTrainingMention[]
  /** mentions kept whole across a sentence end of the pipeline's segmenter: that sentence end is left out of the
   *  training document, so the mention's words are not taught as outside any name */
  joined: NerTrainingMention[]
  /** mentions whose edge falls inside a token (kept as the tokens they touch, as the scorer counts them) */
  misaligned: NerTrainingMention[]
}

/**
 * Turns hand-checked gold articles into training documents on the pipeline's own tokens (what the recogniser sees
 * in `lede run`), as `readConll` does for CoNLL: words, sentence ends, entities as token spans, which training
 * encodes as BILOU. A mention that crosses a sentence end is kept whole (the sentence end inside it is dropped, and
 * the mention listed); one that shares a token with the one before is left out and listed.
 */
export function toNerTrainingSet(docs: readonly NerGoldDoc[]): NerTrainingSet {
  const mentions: Record<NerType, number> = {PER: 0, ORG: 0, LOC: 0, MISC: 0}
  const leftOut: NerTrainingMention[] = []
  const joined: NerTrainingMention[] = []
  const misaligned: NerTrainingMention[] = []
  const documents = docs.map((doc) => {
    const tokenDoc = toNerTokenDocument(doc)
    const entities: TokenSpan[] = []
    let sentenceEnds = tokenDoc.sentenceEnds
    doc.entities.forEach((entity, i) => {
      const span = tokenDoc.entities[i]
      const listed = {...entity, doc: doc.id, tokens: tokenDoc.words.slice(span.start, span.end).join(' ')}
      if (tokenDoc.misaligned.includes(entity)) misaligned.push(listed)
      if (entities.length > 0 && entities[entities.length - 1].end > span.start) {
        leftOut.push(listed)
        return
      }
      const inside = (end: number) => end > span.start && end < span.end
      if (sentenceEnds.some(inside)) {
        sentenceEnds = sentenceEnds.filter((end) => !inside(end))
        joined.push(listed)
      }
      entities.push(span)
      mentions[span.type]++
    })
    return {words: tokenDoc.words, sentenceEnds, entities}
  })
  return {documents, mentions, leftOut, joined, misaligned}
}
