/**
 * The training gold folders `train:ner --gold` reads (docs/ner-annotation.md): PolNeAR train articles (texts in
 * ../shared), real web pages (page keys into article-extraction's ground-truth.json) and articles written for
 * training (texts in a `text/` folder beside `gold/`, as the modern set's written half keeps them). Each folder is
 * refused when it would put the modern dev set into training: a dev folder, a dev article or page, or a text that
 * is the same as, or nearly the same as, a dev text.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {basename, join, resolve} from 'node:path'
import {
  MODERN_SET_DIR,
  POLNEAR_DEV_TEXT_DIR,
  POLNEAR_TRAIN_TEXT_DIR,
  readNerGoldFolder,
  readWebGoldFolder,
  readWebGoldKeys,
  readWebTexts,
  WEB_TEXT_FILE,
  type NerGoldDoc,
} from './ner-set.ts'

/**
 * The repository's folders of gold written for training (texts in `../text`): the first batch of 2019 to 2023
 * wire-style articles (`wire`, files `a-` and `b-`), the second (`wire2`, files `c-` and `d-`) and the third, modern
 * web-style news pages (`web-style`, files `e-` and `f-`), the fourth (`web-style2`, files `g-` and `h-`) and the fifth,
 * 1998-style US newswire (`wire98`, files `i-` and `j-`), and the sixth, 2019 to 2024 news prose dense in MISC
 * (`misc-news`, files `k-` and `l-`), and the seventh, 2020-era Reuters copy in CoNLL-2003's mix (`reuters20`, files
 * `m-`, `n-` and `o-`), and the eighth, 2019 to 2024 news dense in organisations (`org-news`, files `p-` and `q-`), and the ninth, 2019 to
 * 2025 web pages dense in MISC and the organisations beside it (`web-misc`, files `r-`), and the tenth, a second batch of that
 * kind by another writer (`web-misc2`, files `s-`). Each is read as
 * `written` gold and checked against the dev set like any other --gold folder; a new batch is one more entry.
 */
export const WRITTEN_TRAIN_SET_DIRS: readonly string[] = ['wire', 'wire2', 'web-style', 'web-style2', 'wire98', 'misc-news', 'reuters20', 'org-news', 'web-misc', 'web-misc2'].map(
  (name) => new URL(`../../test/ner-gold/train/${name}/gold/`, import.meta.url).pathname,
)

/**
 * The three kinds of training gold folder: `written` (a `text/` folder beside `gold/` holds `<name>.txt` for each
 * `<name>.json`), `web` (every `source` is a page key), `polnear` (every `source` is a PolNeAR train `.txt`).
 */
export type TrainingGoldKind = 'written' | 'web' | 'polnear'

/** A training gold folder that would train on the modern dev set; `problems` lists every reason. */
export class DevSetInTrainingError extends Error {
  readonly code = 'train:dev-in-training'
  constructor(
    readonly folder: string,
    readonly problems: string[],
  ) {
    super(`${folder}: never train on the dev set:\n  ${problems.join('\n  ')}`)
    this.name = 'DevSetInTrainingError'
  }
}

/** Where the dev set and the training texts are, for {@link readTrainingGoldFolder} (defaults: the repository's). */
export interface TrainingGoldOptions {
  /** the modern dev set's folder (test/ner-gold/modern) */
  devDir?: string
  /** the PolNeAR dev texts the dev set's PolNeAR half annotates */
  polnearDevTextDir?: string
  /** texts of a PolNeAR folder (default ../shared/polnear/train/text) or a web folder's ground-truth.json */
  textOption?: string
  /** share of shared word 5-grams at which a written text counts as nearly the same as a dev text (default 0.25) */
  nearDuplicate?: number
}

/** The kind of a training gold folder: written when it has a `text/` sibling, web when its sources are page keys. */
export function findTrainingGoldKind(goldDir: string): TrainingGoldKind {
  if (existsSync(join(goldDir, '..', 'text'))) return 'written'
  const keys = readWebGoldKeys(goldDir)
  return keys.size > 0 && [...keys.keys()].every((source) => !source.endsWith('.txt')) ? 'web' : 'polnear'
}

/**
 * Reads one training gold folder, placed and checked as the dev set is (`NerSetError` on a bad file), after
 * refusing ({@link DevSetInTrainingError}) a dev folder, a dev article, page or text folder, and any written text
 * that is the same as or nearly the same as a dev text ({@link findNearDuplicates}).
 */
export function readTrainingGoldFolder(goldDir: string, options: TrainingGoldOptions = {}): {kind: TrainingGoldKind; docs: NerGoldDoc[]} {
  const devDir = options.devDir ?? MODERN_SET_DIR
  if (!existsSync(goldDir)) throw new Error(`${goldDir} not found`)
  for (const half of ['written', 'polnear', 'web']) {
    if (resolve(goldDir) === resolve(devDir, half, 'gold')) throw new DevSetInTrainingError(goldDir, [`it is the modern dev set's ${half} half`])
  }
  const kind = findTrainingGoldKind(goldDir)
  const textOption = options.textOption
  if (kind === 'written') {
    const textDir = join(goldDir, '..', 'text')
    if (resolve(textDir) === resolve(devDir, 'written', 'text')) throw new DevSetInTrainingError(goldDir, [`its texts are the modern dev set's written half`])
    const docs = readNerGoldFolder(goldDir, textDir, 'written-train')
    const devIds = new Set(devGoldNames(devDir, 'written'))
    const sameName = docs.filter((d) => devIds.has(d.id)).map((d) => `${d.id} has the name of a written dev article`)
    const near = findNearDuplicates(docs, readDevTexts(devDir, options.polnearDevTextDir ?? POLNEAR_DEV_TEXT_DIR), options.nearDuplicate).map(
      (n) => `${n.train} is nearly the same text as dev article ${n.dev} (${(n.shared * 100).toFixed(0)}% of word 5-grams shared)`,
    )
    if (sameName.length + near.length > 0) throw new DevSetInTrainingError(goldDir, [...sameName, ...near])
    return {kind, docs}
  }
  if (kind === 'web') {
    const textFile = textOption?.endsWith('.json') ? textOption : WEB_TEXT_FILE
    if (!existsSync(textFile)) throw new Error(`${goldDir}: its texts ${textFile} not found (--gold-text)`)
    const devPages = readWebGoldKeys(join(devDir, 'web/gold'))
    const clash = [...readWebGoldKeys(goldDir)].filter(([key]) => devPages.has(key))
    if (clash.length > 0) throw new DevSetInTrainingError(goldDir, clash.map(([, file]) => `${basename(file)} annotates a page of the dev set's web half`))
    return {kind, docs: readWebGoldFolder(goldDir, readWebTexts(textFile), 'web-train', textFile)}
  }
  const textDir = textOption && !textOption.endsWith('.json') ? textOption : POLNEAR_TRAIN_TEXT_DIR
  if (resolve(textDir) === resolve(options.polnearDevTextDir ?? POLNEAR_DEV_TEXT_DIR)) {
    throw new DevSetInTrainingError(goldDir, [`its texts ${textDir} are the PolNeAR dev folder the dev set annotates`])
  }
  if (!existsSync(textDir)) throw new Error(`${goldDir}: its texts ${textDir} not found (--gold-text)`)
  const devNames = new Set(devGoldNames(devDir, 'polnear'))
  const docs = readNerGoldFolder(goldDir, textDir, 'polnear-train')
  const clash = docs.filter((d) => devNames.has(d.id))
  if (clash.length > 0) throw new DevSetInTrainingError(goldDir, clash.map((d) => `${d.id} is an article of the dev set's PolNeAR half`))
  return {kind, docs}
}

// the file names (without .json) of one dev half's gold
function devGoldNames(devDir: string, half: string): string[] {
  const dir = join(devDir, half, 'gold')
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, '')) : []
}

/** Every dev text that can be read: the written half's, and the PolNeAR and web halves' when their texts are present. */
export function readDevTexts(devDir: string = MODERN_SET_DIR, polnearDevTextDir: string = POLNEAR_DEV_TEXT_DIR, webTextFile: string = WEB_TEXT_FILE): {id: string; text: string}[] {
  const texts: {id: string; text: string}[] = []
  const writtenDir = join(devDir, 'written/text')
  if (existsSync(writtenDir)) for (const name of readdirSync(writtenDir).sort()) texts.push({id: name.replace(/\.txt$/, ''), text: readFileSync(join(writtenDir, name), 'utf8')})
  if (existsSync(polnearDevTextDir)) {
    for (const id of devGoldNames(devDir, 'polnear')) {
      const file = join(polnearDevTextDir, `${id}.txt`)
      if (existsSync(file)) texts.push({id, text: readFileSync(file, 'utf8')})
    }
  }
  const pages = readWebGoldKeys(join(devDir, 'web/gold'))
  if (pages.size > 0 && existsSync(webTextFile)) {
    const bodies = readWebTexts(webTextFile)
    for (const [key, file] of pages) if (bodies.has(key)) texts.push({id: basename(file, '.json'), text: bodies.get(key)!})
  }
  return texts
}

// a text's word 5-grams, lower-cased, punctuation and spacing ignored
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const grams = new Set<string>()
  for (let i = 0; i + 5 <= words.length; i++) grams.add(words.slice(i, i + 5).join(' '))
  return grams
}

/**
 * Pairs of a training text and a dev text that are the same or nearly so: the share of either text's word
 * 5-grams (lower-cased, punctuation ignored) that the other has is at least `threshold`. Two articles written
 * apart share almost none (a stock phrase or two); an edited copy shares most.
 */
export function findNearDuplicates(
  train: readonly {id: string; text: string}[],
  dev: readonly {id: string; text: string}[],
  threshold = 0.25,
): {train: string; dev: string; shared: number}[] {
  // each dev 5-gram points to the dev texts that have it, so a training text's shared grams are counted from its own
  // grams' lists, not by looking every gram up in every dev text (the same counts; the CI test comparing all
  // written training folders pairwise spent about 40 s of CPU in the old double loop)
  const index = new Map<string, number[]>()
  const devSizes = dev.map((d, i) => {
    const grams = shingles(d.text)
    for (const g of grams) {
      const list = index.get(g)
      if (list) list.push(i)
      else index.set(g, [i])
    }
    return grams.size
  })
  const found: {train: string; dev: string; shared: number}[] = []
  const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
  const devWords = dev.map((d) => words(d.text))
  const common = new Int32Array(dev.length)
  for (const t of train) {
    const grams = shingles(t.text)
    const same = words(t.text)
    common.fill(0)
    for (const g of grams) for (const i of index.get(g) ?? []) common[i]!++
    for (const [i, d] of dev.entries()) {
      // texts too short for 5-grams count as the same only when their words are
      const shared = same === devWords[i] ? 1 : Math.max(common[i]! / Math.max(grams.size, 1), common[i]! / Math.max(devSizes[i]!, 1))
      if (shared >= threshold) found.push({train: t.id, dev: d.id, shared})
    }
  }
  return found
}
