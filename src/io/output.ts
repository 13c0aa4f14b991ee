import {createReadStream, createWriteStream, type WriteStream} from 'node:fs'
import {mkdir, rename, unlink, writeFile} from 'node:fs/promises'
import {once} from 'node:events'
import {join} from 'node:path'
import type {ErrorRecord, Manifest} from '../schema.ts'
import type {DocRecords} from './records.ts'

/** The JSONL files a run writes, by record type. */
export const OUTPUT_FILES = {
  articles: 'articles.jsonl',
  entities: 'entities.jsonl',
  quotes: 'quotes.jsonl',
  money: 'money.jsonl',
  errors: 'errors.jsonl',
} as const
/** Files written only when their layer is asked for (`lede run --layers tokens`). */
export const OPTIONAL_FILES = {
  tokens: 'tokens.jsonl',
} as const
type OptionalName = keyof typeof OPTIONAL_FILES
type OutputName = keyof typeof OUTPUT_FILES | OptionalName

// the file name belongs with its record type in the core schema, where the linking stage can reach it
export {ENTITY_INDEX_FILE} from '../schema.ts'

/** Raised when the output folder cannot be created or written. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutputError'
  }
}

/** Streams records into the output folder as documents finish, so memory stays flat; counts what it wrote. */
export interface OutputWriter {
  writeDoc(records: DocRecords): Promise<void>
  writeError(error: ErrorRecord): Promise<void>
  readonly counts: Record<OutputName, number>
  close(manifest: Manifest, finish?: CloseOptions): Promise<void>
}

/** Corpus-level work done when closing: records rewritten (ids remapped after linking) and extra files. */
export interface CloseOptions {
  /** rewrites each line (one JSON record) of a file, streaming, so memory stays flat */
  transform?: Partial<Record<OutputName, (line: string) => string>>
  /** further JSONL files to write, e.g. the entity index */
  extraFiles?: Record<string, unknown[]>
}

/** Opens the output folder; files are written under temporary names and renamed on close, so a crashed run never leaves half a result that looks whole. */
export async function openOutput(dir: string, options: {optional?: readonly OptionalName[]} = {}): Promise<OutputWriter> {
  try {
    await mkdir(dir, {recursive: true})
  } catch (error) {
    throw new OutputError(`cannot create output folder "${dir}": ${(error as Error).message}`)
  }
  const files: Partial<Record<OutputName, string>> = {...OUTPUT_FILES}
  for (const name of options.optional ?? []) files[name] = OPTIONAL_FILES[name]
  const names = Object.keys(files) as OutputName[]
  const streams = {} as Record<OutputName, WriteStream>
  const counts = {articles: 0, entities: 0, quotes: 0, money: 0, errors: 0, tokens: 0}
  for (const name of names) {
    const stream = createWriteStream(join(dir, `${files[name]}.partial`), {encoding: 'utf8'})
    streams[name] = stream
  }
  // surface the first write error instead of an unhandled 'error' event
  let failure: Error | null = null
  for (const stream of Object.values(streams)) stream.on('error', (error) => (failure ??= error))

  // records are gathered into large chunks: many small stream writes cost more than the records
  const buffered: Record<OutputName, string> = {articles: '', entities: '', quotes: '', money: '', errors: '', tokens: ''}
  const CHUNK = 1 << 20
  const flush = async (name: OutputName) => {
    if (failure) throw new OutputError(`cannot write to "${dir}": ${failure.message}`)
    const chunk = buffered[name]
    buffered[name] = ''
    if (chunk !== '' && !streams[name].write(chunk)) await once(streams[name], 'drain')
  }
  const writeAll = async (name: OutputName, records: readonly unknown[]) => {
    if (records.length === 0) return
    counts[name] += records.length
    let chunk = buffered[name]
    for (const record of records) chunk += `${JSON.stringify(record)}\n`
    buffered[name] = chunk
    if (chunk.length >= CHUNK) await flush(name)
  }

  return {
    counts,
    async writeDoc(records) {
      if (records.article) await writeAll('articles', [records.article])
      await writeAll('entities', records.entities)
      await writeAll('quotes', records.quotes)
      await writeAll('money', records.money)
      await writeAll('errors', records.errors)
      if (records.tokens && streams.tokens) await writeAll('tokens', [records.tokens])
    },
    async writeError(error) {
      await writeAll('errors', [error])
    },
    async close(manifest, finish = {}) {
      for (const name of names) await flush(name)
      await Promise.all(
        Object.values(streams).map(
          (stream) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
        ),
      )
      if (failure) throw new OutputError(`cannot write to "${dir}": ${(failure as Error).message}`)
      for (const name of names) {
        const partial = join(dir, `${files[name]}.partial`)
        const transform = finish.transform?.[name]
        if (transform) {
          await rewriteJsonl(partial, join(dir, files[name]!), transform)
          await unlink(partial)
        } else {
          await rename(partial, join(dir, files[name]!))
        }
      }
      for (const [file, records] of Object.entries(finish.extraFiles ?? {})) {
        await writeFile(join(dir, file), records.map((r) => `${JSON.stringify(r)}\n`).join(''))
      }
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    },
  }
}

// reads big chunks and splits them itself: readline's per-line events cost more than the rewrite
async function rewriteJsonl(from: string, to: string, transform: (line: string) => string): Promise<void> {
  const out = createWriteStream(to, {encoding: 'utf8'})
  let rest = ''
  const write = async (piece: string) => {
    if (piece !== '' && !out.write(piece)) await once(out, 'drain')
  }
  for await (const chunk of createReadStream(from, {encoding: 'utf8', highWaterMark: 1 << 20})) {
    const text = rest + (chunk as string)
    const last = text.lastIndexOf('\n')
    if (last < 0) {
      rest = text
      continue
    }
    rest = text.slice(last + 1)
    let piece = ''
    for (let start = 0; start <= last; ) {
      const end = text.indexOf('\n', start)
      if (end > start) piece += `${transform(text.slice(start, end))}\n`
      start = end + 1
    }
    await write(piece)
  }
  if (rest !== '') await write(`${transform(rest)}\n`)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

/** Replaces the string value of the last `"<field>":"…"` in a serialised JSON record; safe because an unescaped `"field":` cannot occur inside a JSON string. */
export function replaceJsonField(line: string, field: string, replace: (value: string) => string): string {
  const key = `"${field}":"`
  const at = line.lastIndexOf(key)
  if (at < 0) return line
  const valueStart = at + key.length - 1
  let end = valueStart + 1
  while (end < line.length && line.charCodeAt(end) !== 34 /* " */) end += line.charCodeAt(end) === 92 /* \\ */ ? 2 : 1
  const raw = line.slice(valueStart + 1, end)
  // ids are almost never escaped; parse only when they are
  const value = raw.includes('\\') ? (JSON.parse(line.slice(valueStart, end + 1)) as string) : raw
  const next = replace(value)
  return next === value ? line : `${line.slice(0, valueStart)}${JSON.stringify(next)}${line.slice(end + 1)}`
}
