import {createReadStream} from 'node:fs'
import {access, mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {ENTITY_INDEX_FILE, explainNoFinishedRun, OUTPUT_FILES} from '../io/output.ts'
import {ArticleRecord, EntityRecord, ErrorRecord, Manifest, MoneyRecord, QuoteRecord} from '../schema.ts'
import {EntityIndexEntry} from '../schema.ts'
import {renderArticlePage} from './article-page.ts'
import {renderEntitiesPage} from './entities-page.ts'
import {pageName} from './html.ts'
import {renderIndexPage, type ArticleRow, type CorpusSummary} from './index-page.ts'
import {createMentionIndex} from './mention-index.ts'

/** Raised when the review site cannot be built: no run output, a record that is not valid. */
export class ViewError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ViewError'
  }
}

/** What was written. */
export interface ViewResult {
  dir: string
  articles: number
  entities: number
}

/** Reads a JSONL file record by record, validating each; records of one document are contiguous and in article order, so they can be taken document by document. */
class GroupedReader<T extends {docId: string}> {
  private lines: AsyncIterator<string> | null
  private peeked: T | null = null
  private lineNo = 0
  constructor(
    private readonly file: string,
    private readonly schema: {parse(value: unknown): T},
    exists: boolean,
  ) {
    this.lines = exists ? createInterface({input: createReadStream(file, {encoding: 'utf8'}), crlfDelay: Infinity})[Symbol.asyncIterator]() : null
  }

  private async peek(): Promise<T | null> {
    while (this.peeked === null && this.lines) {
      const next = await this.lines.next()
      if (next.done) {
        this.lines = null
        break
      }
      this.lineNo++
      if (next.value.trim() === '') continue
      try {
        this.peeked = this.schema.parse(JSON.parse(next.value))
      } catch (error) {
        throw new ViewError(`${this.file} line ${this.lineNo} is not a valid record: ${(error as Error).message.slice(0, 300)}`)
      }
    }
    return this.peeked
  }

  /** Takes the records of `docId` at the head of the file. */
  async take(docId: string): Promise<T[]> {
    const out: T[] = []
    for (let r = await this.peek(); r !== null && r.docId === docId; r = await this.peek()) {
      out.push(r)
      this.peeked = null
    }
    return out
  }

  /** Whether records are left that matched no article (the files are out of step). */
  async leftover(): Promise<T | null> {
    return this.peek()
  }
}

/** Builds the static review site of a run's output folder into `<outDir>/view/` (written aside and swapped in, so a failed build leaves the old site whole). */
export async function buildView(outDir: string): Promise<ViewResult> {
  const has = async (file: string) =>
    access(join(outDir, file)).then(
      () => true,
      () => false,
    )
  if (!(await has(OUTPUT_FILES.articles))) throw new ViewError(await explainNoFinishedRun(outDir))
  let manifest: Manifest | null = null
  if (await has('manifest.json')) manifest = Manifest.safeParse(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'))).data ?? null
  // a run folder copied without its quotes.jsonl made a site of no quotes without a word (and one without its
  // entities-index.jsonl a site of unlinked entities): a file the manifest says holds records must be there
  if (manifest) {
    const {entities, quotes, money, entityIndex} = manifest.outputs
    const expected: Array<[string, number | undefined]> = [[OUTPUT_FILES.entities, entities], [OUTPUT_FILES.quotes, quotes], [OUTPUT_FILES.money, money], [OUTPUT_FILES.errors, manifest.errors], [ENTITY_INDEX_FILE, entityIndex]]
    for (const [file, rows] of expected) {
      if (rows !== undefined && rows > 0 && ((await stat(join(outDir, file)).catch(() => null))?.size ?? 0) === 0) {
        throw new ViewError(`"${join(outDir, file)}" is missing or empty, but manifest.json says the run wrote ${rows} records into it: copy the whole output folder (no site was written)`)
      }
    }
  }
  const dir = join(outDir, 'view')
  const staging = join(outDir, 'view.partial')
  await rm(staging, {recursive: true, force: true})
  await mkdir(join(staging, 'articles'), {recursive: true})

  const linked = await has(ENTITY_INDEX_FILE)
  const index = linked ? (await readJsonl(join(outDir, ENTITY_INDEX_FILE))).map((r, i) => parseOr(EntityIndexEntry, r, ENTITY_INDEX_FILE, i)) : []
  // a run with --no-link has no index: its entities are gathered from the mentions as the articles are read
  const gathered = linked ? null : createMentionIndex()
  const errors = (await has(OUTPUT_FILES.errors)) ? (await readJsonl(join(outDir, OUTPUT_FILES.errors))).map((r, i) => parseOr(ErrorRecord, r, OUTPUT_FILES.errors, i)) : []
  const errorsByDoc = new Map<string, ErrorRecord[]>()
  for (const e of errors) if (e.docId) errorsByDoc.set(e.docId, [...(errorsByDoc.get(e.docId) ?? []), e])

  const entityHref = (id: string) => `entities.html#${encodeURIComponent(id)}`
  const articleEntityHref = (id: string) => `../${entityHref(id)}`
  const entities = new GroupedReader(join(outDir, OUTPUT_FILES.entities), EntityRecord, await has(OUTPUT_FILES.entities))
  const quotes = new GroupedReader(join(outDir, OUTPUT_FILES.quotes), QuoteRecord, await has(OUTPUT_FILES.quotes))
  const money = new GroupedReader(join(outDir, OUTPUT_FILES.money), MoneyRecord, await has(OUTPUT_FILES.money))

  const summary: CorpusSummary = {
    articles: [],
    index,
    speakers: new Map(),
    unresolvedQuotes: 0,
    quoteTotal: 0,
    entityTotal: 0,
    labelCounts: new Map(),
    money: new Map(),
    moneyTotal: 0,
    errors,
    warnings: [],
    manifest,
    entityHref,
  }
  const mentions = new Map<string, Array<[number, number]>>()
  const usedPages = new Set<string>()

  // pages are written one article behind, so each can link to the next
  let pending: {page: string; html: (next?: string) => string} | null = null
  let previousPage: string | undefined
  const flush = async (nextPage?: string) => {
    if (pending) await writeFile(join(staging, 'articles', pending.page), pending.html(nextPage))
  }
  const lines = createInterface({input: createReadStream(join(outDir, OUTPUT_FILES.articles), {encoding: 'utf8'}), crlfDelay: Infinity})
  let lineNo = 0
  for await (const line of lines) {
    lineNo++
    if (line.trim() === '') continue
    const article = parseOr(ArticleRecord, safeJson(line, OUTPUT_FILES.articles, lineNo), OUTPUT_FILES.articles, lineNo - 1)
    let page = pageName(article.id)
    // ids that differ only in unsafe characters or case must not share a page
    for (let n = 2; usedPages.has(page.toLowerCase()); n++) page = pageName(`${article.id}~${n}`)
    usedPages.add(page.toLowerCase())
    const bundle = {
      article,
      entities: await entities.take(article.id),
      quotes: await quotes.take(article.id),
      money: await money.take(article.id),
      errors: errorsByDoc.get(article.id) ?? [],
    }
    const position = summary.articles.length
    const perEntity = new Map<string, number>()
    const nameCounts = new Map<string, number>()
    for (const e of bundle.entities) {
      gathered?.add(e)
      perEntity.set(e.entityId, (perEntity.get(e.entityId) ?? 0) + 1)
      summary.labelCounts.set(e.label, (summary.labelCounts.get(e.label) ?? 0) + 1)
      if (e.label === 'PERSON' || e.label === 'ORG' || e.label === 'LOC' || e.label === 'MISC') nameCounts.set(e.canonical, (nameCounts.get(e.canonical) ?? 0) + 1)
    }
    for (const [id, n] of perEntity) {
      const list = mentions.get(id)
      if (list) list.push([position, n])
      else mentions.set(id, [[position, n]])
    }
    for (const q of bundle.quotes) {
      const id = q.speaker.entityId
      if (id === null) {
        summary.unresolvedQuotes++
        continue
      }
      const sp = summary.speakers.get(id) ?? {quotes: 0, articles: new Set<string>()}
      sp.quotes++
      sp.articles.add(article.id)
      summary.speakers.set(id, sp)
    }
    for (const m of bundle.money) {
      if (m.equivalentOf) continue
      const c = summary.money.get(m.currency) ?? {figures: 0, total: 0, largest: 0, assumed: 0, articles: new Set<string>()}
      c.figures++
      c.total += m.amount
      c.largest = Math.max(c.largest, m.amount)
      if (m.currencyAssumed) c.assumed++
      c.articles.add(article.id)
      summary.money.set(m.currency, c)
    }
    summary.entityTotal += bundle.entities.length
    summary.quoteTotal += bundle.quotes.length
    summary.moneyTotal += bundle.money.length
    for (const w of article.warnings) summary.warnings.push({docId: article.id, code: w.code, message: w.message})
    const row: ArticleRow = {
      id: article.id,
      page,
      title: article.title,
      lead: article.title ? null : leadOf(article.text),
      source: article.source,
      date: article.date ?? null,
      entities: bundle.entities.length,
      quotes: bundle.quotes.length,
      money: bundle.money.length,
      problems: bundle.errors.length + article.warnings.length,
      names: [...nameCounts].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name]) => name),
    }
    summary.articles.push(row)
    await flush(page)
    const previous = previousPage
    pending = {page, html: (next) => renderArticlePage(bundle, {index: '../index.html', entity: articleEntityHref, ...(previous ? {previous} : {}), ...(next ? {next} : {})})}
    previousPage = page
  }
  await flush()
  for (const [name, reader] of [
    [OUTPUT_FILES.entities, entities],
    [OUTPUT_FILES.quotes, quotes],
    [OUTPUT_FILES.money, money],
  ] as const) {
    const left = await reader.leftover()
    if (left) throw new ViewError(`${name} has records of document "${left.docId}" out of step with ${OUTPUT_FILES.articles}; is this folder the output of one lede run?`)
  }
  if (gathered) index.push(...gathered.entries())
  // quotes per speaker for the entities page; mentions lists sorted most mentions first
  for (const list of mentions.values()) list.sort((a, b) => b[1] - a[1] || a[0] - b[0])
  await writeFile(join(staging, 'index.html'), renderIndexPage(summary))
  await writeFile(
    join(staging, 'entities.html'),
    renderEntitiesPage({
      index,
      articles: summary.articles.map((a) => [a.title ?? a.lead ?? a.source, a.page]),
      mentions,
      quotes: new Map([...summary.speakers].map(([id, s]) => [id, s.quotes])),
    }),
  )
  await rm(dir, {recursive: true, force: true})
  await rename(staging, dir)
  return {dir, articles: summary.articles.length, entities: index.length}
}

async function readJsonl(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8')
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => safeJson(l, file, i + 1))
}

function safeJson(line: string, file: string, lineNo: number): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw new ViewError(`${file} line ${lineNo} is not JSON`)
  }
}

function parseOr<T>(schema: {safeParse(v: unknown): {success: boolean; data?: T; error?: {message: string}}}, value: unknown, file: string, index: number): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new ViewError(`${file} line ${index + 1} is not a valid record: ${parsed.error?.message.slice(0, 300)}`)
  return parsed.data as T
}

// the first words of an untitled article, cut at a word boundary
function leadOf(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat === '') return null
  if (flat.length <= 90) return flat
  const cut = flat.slice(0, 90)
  const space = cut.lastIndexOf(' ')
  return `${cut.slice(0, space > 40 ? space : 90)}…`
}
