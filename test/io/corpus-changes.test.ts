import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {listCorpus, readCorpus, type CorpusItem} from '../../src/io/corpus.ts'
import {readFileState, type FileState} from '../../src/io/file-state.ts'

// files whose stat says they change at every look (a file being written as it is read), by name
const drifting = new Set<string>()
let tick = 0
vi.mock(import('../../src/io/file-state.ts'), async (original) => {
  const real = await original()
  return {
    ...real,
    readFileState: (path) => {
      const state = real.readFileState(path)
      const name = String(path).split('/').at(-1)!
      return state !== null && drifting.has(name) ? {...state, mtimeMs: state.mtimeMs + ++tick} : state
    },
  }
})
afterEach(() => drifting.clear())

async function corpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-changes-'))
  for (const [path, content] of Object.entries(files)) await writeFile(join(dir, path), content)
  return dir
}

// the listing and the state of each input as prepareRun takes it at the start of a run
async function listWithStates(dir: string) {
  const listing = await listCorpus(dir)
  const listed = new Map<string, FileState>()
  for (const path of listing.inputs) listed.set(path, readFileState(join(dir, path))!)
  return {listing, listed}
}

function show(items: CorpusItem[]): string[] {
  return items.map((i) =>
    i.kind === 'doc' ? `doc ${i.doc.source} ${i.doc.text} [${i.doc.messages.map((m) => m.code).join(' ')}]` : `error ${i.error.source} ${i.error.code}`,
  )
}

async function readWith(dir: string, listing: Awaited<ReturnType<typeof listCorpus>>, listed: Map<string, FileState>): Promise<CorpusItem[]> {
  const items: CorpusItem[] = []
  for await (const item of readCorpus(dir, listing, {listed})) items.push(item)
  return items
}

describe('readCorpus: a file changed between the listing and its reading, or while it is read', () => {
  it('reads files unchanged since the listing as before, with no word', async () => {
    const dir = await corpus({'a.txt': 'Kyiv said.', 'feed.jsonl': '{"id": "x", "text": "Paris said."}\n'})
    const {listing, listed} = await listWithStates(dir)
    expect(show(await readWith(dir, listing, listed))).toEqual(['doc a.txt Kyiv said. []', 'doc feed.jsonl:1 Paris said. []'])
  })

  it('reads a file rewritten after the listing as it is now, and says so on each of its articles', async () => {
    const dir = await corpus({'a.txt': 'Old text.', 'b.txt': 'Stays.', 'feed.jsonl': '{"id": "x", "text": "Old line."}\n'})
    const {listing, listed} = await listWithStates(dir)
    // a later modification time, as a rewrite within the same clock tick could keep the old one
    await writeFile(join(dir, 'a.txt'), 'New text, written during the run.')
    await writeFile(join(dir, 'feed.jsonl'), '{"id": "x", "text": "New line."}\n{"id": "y", "text": "Added."}\n')
    listed.set('a.txt', {...listed.get('a.txt')!, mtimeMs: listed.get('a.txt')!.mtimeMs - 1000})
    listed.set('feed.jsonl', {...listed.get('feed.jsonl')!, mtimeMs: listed.get('feed.jsonl')!.mtimeMs - 1000})
    const items = await readWith(dir, listing, listed)
    expect(show(items)).toEqual([
      'doc a.txt New text, written during the run. [ingest:changed-since-listed]',
      'doc b.txt Stays. []',
      'doc feed.jsonl:1 New line. [ingest:changed-since-listed]',
      'doc feed.jsonl:2 Added. [ingest:changed-since-listed]',
    ])
    const first = items[0]!
    expect(first.kind === 'doc' && first.doc.messages[0]!.message).toMatch(/^the file changed after the corpus was listed at the start of the run \(9 bytes then, 33 now\)/)
  })

  it('refuses a whole-file input that changes at every reading, rather than read it half old, half new', async () => {
    const dir = await corpus({'a.txt': 'Being written.', 'b.txt': 'Stays.', 'c.html': '<html><body><article><p>Page text here.</p></article></body></html>'})
    const {listing, listed} = await listWithStates(dir)
    drifting.add('a.txt').add('c.html')
    const items = await readWith(dir, listing, listed)
    expect(show(items)).toEqual(['error a.txt ingest:changing', 'doc b.txt Stays. []', 'error c.html ingest:changing'])
    expect(items[0]!.kind === 'error' && items[0]!.error.message).toMatch(/^the file changed each of the 3 times it was read \(still being written or copied\?\): not read/)
  })

  it('reads a streamed JSONL or JSON file once, then adds an error when it changed while it was read', async () => {
    const dir = await corpus({'feed.jsonl': '{"id": "x", "text": "One."}\n{"id": "y", "text": "Two."}\n', 'list.json': '[{"id": "z", "text": "Three."}]'})
    const {listing, listed} = await listWithStates(dir)
    drifting.add('feed.jsonl').add('list.json')
    const items = await readWith(dir, listing, listed)
    // the first look differs from the listing too: the records say the file changed since it was listed
    expect(show(items)).toEqual([
      'doc feed.jsonl:1 One. [ingest:changed-since-listed]',
      'doc feed.jsonl:2 Two. [ingest:changed-since-listed]',
      'error feed.jsonl ingest:changed-while-read',
      'doc list.json:[0] Three. [ingest:changed-since-listed]',
      'error list.json ingest:changed-while-read',
    ])
    expect(items[2]!.kind === 'error' && items[2]!.error.message).toMatch(/^the file changed while it was read \(still being written or copied\?\): its 2 records above were read as the file was then, and may mix two versions of it/)
  })
})

describe('readCorpus: a file refused after it changed since the listing', () => {
  it('says the file changed after the listing, as a file truncated for a rewrite reads as empty', async () => {
    const dir = await corpus({'a.txt': 'Old text.'})
    const {listing, listed} = await listWithStates(dir)
    await writeFile(join(dir, 'a.txt'), '')
    listed.set('a.txt', {...listed.get('a.txt')!, mtimeMs: listed.get('a.txt')!.mtimeMs - 1000})
    const items = await readWith(dir, listing, listed)
    expect(items.map((i) => (i.kind === 'error' ? `${i.error.code} ${i.error.message}` : 'doc'))).toEqual([
      'ingest:empty the file holds no text; the file changed after the corpus was listed at the start of the run (9 bytes then, 0 now)',
    ])
  })
})
