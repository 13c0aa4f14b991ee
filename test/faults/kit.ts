/**
 * Tools for the fault suite (test/faults.test.ts) and `npm run bench:faults`: build corpora, spawn the
 * real CLI, kill it at chosen moments, and check an output folder the way a user would.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, statSync, symlinkSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {RECORD_SCHEMAS} from '../../src/schema.ts'
import {mulberry32} from '../../tools/lib/random.ts'

export const ROOT = new URL('../..', import.meta.url).pathname
const BIN = join(ROOT, 'bin', 'lede.js')
export const STAGING = 'lede-staging.incomplete'
export const JSONL = ['articles.jsonl', 'entities.jsonl', 'quotes.jsonl', 'money.jsonl', 'errors.jsonl'] as const

/** A running `lede` process and its captured output. */
export interface Lede {
  child: ChildProcess
  stderr: () => string
  done: Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>
}

/** Spawns the real CLI (`node bin/lede.js …`). */
export function lede(args: string[], env: Record<string, string> = {}): Lede {
  const child = spawn(process.execPath, [BIN, ...args], {env: {...process.env, ...env}, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)))
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((resolve) =>
    child.on('close', (code, signal) => resolve({code, signal, stderr})),
  )
  return {child, stderr: () => stderr, done}
}

/** Writes a corpus of `count` news articles: the bundled seed articles, each copy made distinct by a numbered closing paragraph. */
export async function newsCorpus(dir: string, count: number): Promise<string> {
  const seeds = readdirSync(join(ROOT, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'corpus', f), 'utf8'))
  await mkdir(dir, {recursive: true})
  for (let i = 0; i < count; i++) {
    await writeFile(join(dir, `${String(i).padStart(4, '0')}.txt`), `${seeds[i % seeds.length]}\n\nThis is copy ${i + 1} of the article, filed at ${i % 24} o'clock.\n`)
  }
  return dir
}

/** Waits until `test` holds, polling; throws after `ms`. */
export async function until(test: () => boolean, ms = 60_000, every = 20): Promise<void> {
  const end = Date.now() + ms
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, every))
  }
}

/** Waits until `test` holds while `run` is alive, failing at once with its stderr if it ends first. */
export async function waitFor(test: () => boolean, run: Lede, every = 20): Promise<void> {
  // no deadline of its own: a fixed one (60 s) failed under load 20-38 with nothing wrong, so the test's timeout bounds
  // the wait; the test is asked once more after the run's last output is read ('close'), as it may hold by then
  let ended = false
  void run.done.then(() => (ended = true))
  while (!test()) {
    if (ended && !test()) {
      const {code, signal, stderr} = await run.done
      throw new Error(`the run ended (${signal ?? `exit ${code}`}) before what the test waited for; its stderr:\n${stderr}`)
    }
    await new Promise((r) => setTimeout(r, every))
  }
}

/** Items (inputs) the staging folder's checkpoint says are written, or -1 when there is none. */
export function stagedItems(out: string): number {
  try {
    return (JSON.parse(readFileSync(join(out, STAGING, 'checkpoint.json'), 'utf8')) as {state: {items: number}}).state.items
  } catch {
    return -1
  }
}

/** SHA-256 of every file under a folder, by relative path: a fingerprint of its exact bytes. */
export function fingerprint(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = join(entry.parentPath, entry.name)
    result[full.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return result
}

/** The JSONL files of an output folder's top level, byte for byte. */
export function outputBytes(out: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const name of [...JSONL, 'entities-index.jsonl']) if (existsSync(join(out, name))) result[name] = readFileSync(join(out, name), 'utf8')
  return result
}

const SCHEMA_BY_FILE = {
  'articles.jsonl': RECORD_SCHEMAS.article,
  'entities.jsonl': RECORD_SCHEMAS.entity,
  'quotes.jsonl': RECORD_SCHEMAS.quote,
  'money.jsonl': RECORD_SCHEMAS.money,
  'errors.jsonl': RECORD_SCHEMAS.error,
  'entities-index.jsonl': RECORD_SCHEMAS['entity-index'],
} as const

/**
 * Checks an output folder as a reader would: every JSONL line anywhere in it (staging included) parses;
 * the top level holds either nothing of lede's or a complete set whose line counts equal the manifest's,
 * with every line valid against its schema. Returns the problems found (empty when sound).
 */
export function checkOutput(out: string): {problems: string[]; complete: boolean} {
  const problems: string[] = []
  for (const entry of readdirSync(out, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !/\.jsonl(\.partial)?$/.test(entry.name)) continue
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8')
    if (text !== '' && !text.endsWith('\n')) problems.push(`${entry.name}: last line is cut`)
    text.split('\n').forEach((line, i) => {
      if (line === '') return
      try {
        JSON.parse(line)
      } catch {
        problems.push(`${join(entry.parentPath, entry.name)}:${i + 1} is not JSON`)
      }
    })
  }
  const manifestPath = join(out, 'manifest.json')
  const present = [...JSONL, 'entities-index.jsonl'].filter((f) => existsSync(join(out, f)))
  if (!existsSync(manifestPath)) {
    if (present.length > 0) problems.push(`no manifest.json beside ${present.join(', ')}`)
    return {problems, complete: false}
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  if (manifest.complete !== true) problems.push('manifest.json is not marked complete')
  const expected: Record<string, number | undefined> = {
    'articles.jsonl': manifest.outputs.articles,
    'entities.jsonl': manifest.outputs.entities,
    'quotes.jsonl': manifest.outputs.quotes,
    'money.jsonl': manifest.outputs.money,
    'errors.jsonl': manifest.errors,
    'entities-index.jsonl': manifest.outputs.entityIndex,
  }
  for (const [file, count] of Object.entries(expected)) {
    const path = join(out, file)
    if (count === undefined) {
      if (existsSync(path)) problems.push(`${file} is there but the manifest does not count it`)
      continue
    }
    if (!existsSync(path)) {
      problems.push(`${file} is missing`)
      continue
    }
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '')
    if (lines.length !== count) problems.push(`${file} has ${lines.length} lines, the manifest says ${count}`)
    const schema = SCHEMA_BY_FILE[file as keyof typeof SCHEMA_BY_FILE]
    for (const [i, line] of lines.entries()) {
      const parsed = schema.safeParse(JSON.parse(line))
      if (!parsed.success) problems.push(`${file}:${i + 1} fails its schema: ${parsed.error.issues[0]?.message}`)
    }
  }
  return {problems, complete: true}
}

/** Size of a file, 0 when absent. */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** The fuzz corpus's seeded generator (the research code's one mulberry32), so it is the same on every machine. */
export const random = mulberry32

/**
 * Writes a corpus of what a nightly job meets in the wild: random bytes, truncated UTF-8, one very long line,
 * folders 50 levels deep, odd file names, JSONL junk, empty files, a named pipe and links (a loop, a broken one).
 * Returns how many JSONL lines hold something (each becomes a document or a rejected input).
 */
export async function fuzzCorpus(dir: string, options: {longLineBytes: number; seed?: number}): Promise<{jsonlLines: number}> {
  const rand = random(options.seed ?? 11)
  const seeds = readdirSync(join(ROOT, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'corpus', f), 'utf8'))
  await mkdir(dir, {recursive: true})
  const put = async (path: string, data: string | Uint8Array) => {
    await mkdir(join(dir, path, '..'), {recursive: true})
    await writeFile(join(dir, path), data)
  }
  for (let i = 0; i < 4; i++) await put(`random/bytes-${i}.txt`, Buffer.from(Array.from({length: 200 + Math.floor(rand() * 4000)}, () => Math.floor(rand() * 256))))
  for (let i = 0; i < 4; i++) {
    const bytes = Buffer.from(`${seeds[i]!}\n€ 5 million — “quoted” 😀 Kyiv`, 'utf8')
    await put(`truncated/cut-${i}.txt`, bytes.subarray(0, bytes.length - 1 - i))
  }
  // one line, no newline at all: words and sentences of news, repeated
  const words = seeds.join(' ').replace(/\s+/g, ' ')
  let line = ''
  while (line.length < options.longLineBytes) line += words + ' '
  await put('long/one-line.txt', line.slice(0, options.longLineBytes))
  let deep = 'deep'
  for (let level = 1; level < 50; level++) deep += `/${level}`
  await put(`${deep}/bottom.txt`, seeds[1]!)
  const odd = ['with space.txt', 'ünïcödé ✓.txt', '-leading-dash.txt', "quote'and\"double.txt", 'UPPER.TXT', `${'long'.repeat(60)}.txt`, 'new\nline.txt', '.hidden.txt', 'tab\tname.txt']
  for (const [i, name] of odd.entries()) await put(`odd/${name}`, `${seeds[i % seeds.length]!.slice(0, 1500)}\nCopy ${i}.`)
  await put('empty/zero.txt', '')
  await put('empty/blank.txt', ' \n\t\n')
  await put('other/notes.md', '# not an article')
  await put('other/data.bin', Buffer.from([0, 1, 2, 3]))
  const junk = [
    '\uFEFF{"id": "j1", "text": "A JSONL article with a BOM before it."}',
    '{"id": "j1", "text": "The same id again."}',
    '{"id": "j1-2", "text": "An id that a suffix would have taken."}',
    'not json at all',
    '[1, 2, 3]',
    '{"title": "no text"}',
    '{"id": "", "text": "empty id"}',
    '{"text": ""}',
    '{"text": 42}',
    'null',
    `{"id": "${'x'.repeat(5000)}", "text": "a very long id"}`,
    '{"text": "CRLF line"}\r',
    '{"id": "cut", "text": "a line cut in the mid',
  ]
  await put('jsonl/junk.jsonl', junk.join('\n'))
  await put('jsonl/blank-lines.jsonl', '\n\n{"text": "between blank lines"}\n\n')
  spawnSync('mkfifo', [join(dir, 'other', 'pipe.txt')])
  symlinkSync(dir, join(dir, 'deep', 'loop'))
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'other', 'broken.txt'))
  return {jsonlLines: junk.length + 1}
}

/** Every regular file under a folder (links not followed), as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
}
