import {spawnSync} from 'node:child_process'
import {appendFile, mkdir, mkdtemp, readdir, readFile, rm, rmdir, symlink, writeFile} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {acquireLock, checkOutputPlace, explainNoFinishedRun, findStagedDamage, finishCommit, isProcessAlive, makeFolder, openOutput, OutputError, OutputPlaceError, replaceJsonField, ResumeError, rewriteJsonlField, STAGING_DIR} from '../../src/io/output.ts'
import type {DocLines} from '../../src/io/records.ts'
import type {Manifest} from '../../src/schema.ts'

const upper = (v: string) => v.toUpperCase()

describe('replaceJsonField', () => {
  it.each([
    ['a plain record', {a: 1, entityId: 'person:x'}, {a: 1, entityId: 'PERSON:X'}],
    ['a nested field', {speaker: {name: 'x', entityId: 'org:un'}}, {speaker: {name: 'x', entityId: 'ORG:UN'}}],
    ['a null value (left alone)', {speaker: {entityId: null}}, {speaker: {entityId: null}}],
    ['text that quotes the key', {text: 'say "entityId":"no"', entityId: 'loc:kyiv'}, {text: 'say "entityId":"no"', entityId: 'LOC:KYIV'}],
    ['escapes in the value', {entityId: 'person:o\\"brien'}, {entityId: 'PERSON:O\\"BRIEN'}],
    ['a role after the id', {entityId: 'person:a', role: 'said "entityId":"z"'}, {entityId: 'PERSON:A', role: 'said "entityId":"z"'}],
  ])('rewrites %s', (_name, record, expected) => {
    expect(JSON.parse(replaceJsonField(JSON.stringify(record), 'entityId', upper))).toEqual(expected)
  })
})

describe('rewriteJsonlField', () => {
  // every line as replaceJsonField rewrites it, whatever the chunk size cuts through (multi-byte characters included)
  const records = [
    {a: 1, entityId: 'person:x'},
    {speaker: {name: 'x', entityId: 'org:un'}},
    {speaker: {entityId: null}},
    {text: 'say "entityId":"no" 🙂 café', entityId: 'loc:kyiv'},
    {entityId: 'person:o\\"brien'},
    {entityId: 'person:a', role: 'said "entityId":"z"'},
    {entityId: 'person:zoë', note: '→ 🙂'},
    // two keys in one line: the last one is the line's value
    {entityId: 'person:first', speaker: {entityId: 'person:second'}},
    {no: 'field at all'},
  ]
  const lines = records.map((r) => JSON.stringify(r))
  const rename = (v: string) => (v.startsWith('person:') ? `${v.toUpperCase()}-🙂` : v)
  it.each([
    ['one chunk', 1 << 20, `${lines.join('\n')}\n`],
    ['7-byte chunks', 7, `${lines.join('\n')}\n`],
    ['1-byte chunks', 1, `${lines.join('\n')}\n`],
    ['no newline at the end', 5, lines.join('\n')],
    ['an empty line (dropped)', 3, `${lines[0]}\n\n${lines[1]}\n`],
    ['an empty file', 8, ''],
  ])('matches replaceJsonField line by line: %s', async (_name, chunk, text) => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-rewrite-'))
    await writeFile(join(dir, 'in.jsonl'), text)
    await rewriteJsonlField(join(dir, 'in.jsonl'), join(dir, 'out.jsonl'), {field: 'entityId', replace: rename}, chunk)
    const expected = text.split('\n').filter((l) => l !== '').map((l) => `${replaceJsonField(l, 'entityId', rename)}\n`).join('')
    expect(await readFile(join(dir, 'out.jsonl'), 'utf8')).toBe(expected)
    // told which values can change (an escaped one among them), it leaves the others undecoded and writes the same bytes
    const changes = new Set(['person:x', 'person:o"brien', 'person:a', 'person:zoë', 'person:second'])
    await rewriteJsonlField(join(dir, 'in.jsonl'), join(dir, 'hashed.jsonl'), {field: 'entityId', replace: rename, changes}, chunk)
    expect(await readFile(join(dir, 'hashed.jsonl'), 'utf8')).toBe(expected)
  })

  it.each([1 << 20, 7, 1])('grows its output buffer for values renamed longer than the chunk and its slack (%i-byte chunks)', async (chunk) => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-rewrite-'))
    const text = `${lines.join('\n')}\n`
    await writeFile(join(dir, 'in.jsonl'), text)
    const long = (v: string) => (v.startsWith('person:') ? `${v}-${'é'.repeat(50_000)}` : v)
    await rewriteJsonlField(join(dir, 'in.jsonl'), join(dir, 'out.jsonl'), {field: 'entityId', replace: long}, chunk)
    const expected = lines.map((l) => `${replaceJsonField(l, 'entityId', long)}\n`).join('')
    expect(await readFile(join(dir, 'out.jsonl'), 'utf8')).toBe(expected)
  })

  it.each([1 << 20, 7, 1])('rewrites the whole lines of the listed documents first, then the field (%i-byte chunks)', async (chunk) => {
    const docs = [
      {docId: 'd1', label: 'ORG', text: 'Trump 🙂', entityId: 'org:trump'},
      {docId: 'd2', label: 'ORG', text: 'Trump', entityId: 'org:trump'},
      {docId: 'd2', label: 'LOC', text: 'Ohio', entityId: 'loc:ohio'},
      {docId: 'd3', speaker: {entityId: 'org:trump'}},
    ].map((r) => JSON.stringify(r))
    const text = `${docs.join('\n')}\n`
    const dir = await mkdtemp(join(tmpdir(), 'lede-rewrite-'))
    await writeFile(join(dir, 'in.jsonl'), text)
    const relabel = (line: string) => replaceJsonField(line.replace('"label":"ORG"', '"label":"PERSON"'), 'entityId', (id) => (id === 'org:trump' ? 'person:trump' : id))
    const docIds = new Set(['d2', 'd3'])
    await rewriteJsonlField(join(dir, 'in.jsonl'), join(dir, 'out.jsonl'), {field: 'entityId', replace: rename, lines: {docIds, rewrite: relabel}}, chunk)
    // the same with the values that can change named (only org:trump's rename changes nothing: it is not a person id)
    await rewriteJsonlField(join(dir, 'in.jsonl'), join(dir, 'hashed.jsonl'), {field: 'entityId', replace: rename, changes: new Set(['person:trump']), lines: {docIds, rewrite: relabel}}, chunk)
    expect(await readFile(join(dir, 'hashed.jsonl'), 'utf8')).toBe(await readFile(join(dir, 'out.jsonl'), 'utf8'))
    const out = (await readFile(join(dir, 'out.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l))
    expect(out).toEqual([
      {docId: 'd1', label: 'ORG', text: 'Trump 🙂', entityId: 'org:trump'},
      {docId: 'd2', label: 'PERSON', text: 'Trump', entityId: 'PERSON:TRUMP-🙂'},
      {docId: 'd2', label: 'LOC', text: 'Ohio', entityId: 'loc:ohio'},
      {docId: 'd3', speaker: {entityId: 'PERSON:TRUMP-🙂'}},
    ])
  })
})

describe('checkOutputPlace', () => {
  const layout = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-place-'))
    await mkdir(join(dir, 'corpus', 'old-out'), {recursive: true})
    await writeFile(join(dir, 'corpus', 'a.txt'), 'a')
    await writeFile(join(dir, 'corpus', 'old-out', 'manifest.json'), '{"tool":"lede"}')
    await mkdir(join(dir, 'corpus', 'mine'))
    await writeFile(join(dir, 'corpus', 'mine', 'notes.txt'), 'x')
    return dir
  }
  it.each([
    ['the corpus itself', 'corpus', 'is the corpus folder itself'],
    ['the corpus with a trailing slash', 'corpus/', 'is the corpus folder itself'],
    ['a parent of the corpus', '.', 'contains the corpus folder'],
    ['a folder inside it holding other files', 'corpus/mine', "not lede's output"],
  ])('refuses %s', async (_name, out, message) => {
    const dir = await layout()
    await expect(checkOutputPlace(join(dir, 'corpus'), join(dir, out))).rejects.toThrow(message)
  })
  it.each([
    ['a sibling folder', 'out'],
    ['a new folder inside the corpus', 'corpus/new-out'],
    ['an earlier output folder inside the corpus', 'corpus/old-out'],
  ])('accepts %s', async (_name, out) => {
    const dir = await layout()
    await expect(checkOutputPlace(join(dir, 'corpus'), join(dir, out))).resolves.toBeUndefined()
  })
  it('sees through a link to the corpus', async () => {
    const dir = await layout()
    await symlink(join(dir, 'corpus'), join(dir, 'link'))
    await expect(checkOutputPlace(join(dir, 'corpus'), join(dir, 'link'))).rejects.toThrow(OutputPlaceError)
  })
})

describe('checkOutputPlace: files lede would replace', () => {
  // a run replaces articles.jsonl, manifest.json, ... in --out: only a folder an earlier lede run wrote may hold them
  const layout = async (files: Record<string, string>, staging = false) => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-place-'))
    await mkdir(join(dir, 'corpus'))
    await writeFile(join(dir, 'corpus', 'a.txt'), 'a')
    await mkdir(join(dir, 'out'))
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'out', name), text)
    if (staging) await mkdir(join(dir, 'out', STAGING_DIR))
    return dir
  }
  it.each([
    ["someone's articles.jsonl", {'articles.jsonl': '{"mine":1}'}, '"articles.jsonl"'],
    ['a manifest.json that is not lede\'s', {'manifest.json': '{"name":"web app"}'}, '"manifest.json"'],
    ['a manifest.json that is not JSON', {'manifest.json': 'not json', 'notes.txt': 'x'}, '"manifest.json"'],
    ['lede-named files beside a foreign manifest', {'manifest.json': '{"tool":"other"}', 'money.jsonl': ''}, '"manifest.json", "money.jsonl"'],
    ['an entities index and tokens without a manifest', {'entities-index.jsonl': '', 'tokens.jsonl': ''}, '"entities-index.jsonl", "tokens.jsonl"'],
  ])('refuses an output folder holding %s', async (_name, files, named) => {
    const dir = await layout(files)
    const refused = checkOutputPlace(join(dir, 'corpus'), join(dir, 'out'))
    await expect(refused).rejects.toThrow(OutputPlaceError)
    await expect(checkOutputPlace(join(dir, 'corpus'), join(dir, 'out'))).rejects.toThrow(named)
    // nothing was touched
    expect(await readFile(join(dir, 'out', Object.keys(files)[0]!), 'utf8')).toBe(Object.values(files)[0])
  })
  it.each([
    ['an earlier lede run', {'manifest.json': '{"tool":"lede","complete":true}', 'articles.jsonl': '', 'errors.jsonl': ''}, false],
    ['unrelated files only', {'notes.txt': 'x', 'report.csv': 'a,b'}, false],
    ['a lede run killed while moving its files in (staging, no manifest yet)', {'articles.jsonl': ''}, true],
    ['an empty folder', {}, false],
  ])('accepts an output folder holding %s', async (_name, files, staging) => {
    const dir = await layout(files, staging)
    await expect(checkOutputPlace(join(dir, 'corpus'), join(dir, 'out'))).resolves.toBeUndefined()
  })
})

describe('acquireLock', () => {
  it('refuses while a live run holds the folder, naming it, and frees it on release', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-lock-'))
    const lock = await acquireLock(dir)
    await expect(acquireLock(dir)).rejects.toThrow(`pid ${process.pid} on ${hostname()}`)
    await lock.release()
    await (await acquireLock(dir)).release()
    expect(await readdir(dir)).toEqual([])
  })
  it('takes over a stale lock (dead pid on this host) with a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-lock-'))
    // a pid that no longer runs: a child that has exited
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout
    await writeFile(join(dir, 'lede.lock'), JSON.stringify({pid: Number(dead), host: hostname(), startedAt: '2026-01-01T00:00:00.000Z'}))
    const warnings: string[] = []
    const lock = await acquireLock(dir, (m) => warnings.push(m))
    expect(warnings.join()).toMatch(`process ${dead} on ${hostname()}`)
    expect(JSON.parse(await readFile(join(dir, 'lede.lock'), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })
})

describe('isProcessAlive', () => {
  // a run killed under a parent that does not reap it stays a zombie, and its lock was taken for a live run's
  it.each([
    ['running', `${process.pid} (node) S 1 2 3`, true],
    ['a zombie', `${process.pid} (node) Z 1 2 3`, false],
    ['a zombie whose name holds a bracket and spaces', `${process.pid} (lede (x) y) Z 1 2 3`, false],
    ['no /proc to read', null, true],
  ] as [string, string | null, boolean][])('%s', (_name, stat, expected) => {
    expect(isProcessAlive(process.pid, () => {
      if (stat === null) throw new Error('ENOENT')
      return stat
    })).toBe(expected)
  })
  it('a process id no process has', () => {
    expect(isProcessAlive(2 ** 22 + 12345)).toBe(false)
  })
})

describe('finishCommit', () => {
  it('completes a commit that was cut half-way, leaving one whole set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-commit-'))
    const staging = join(dir, STAGING_DIR)
    await mkdir(staging)
    // the old set: manifest already gone, articles already moved; the new set's other files still staged
    await writeFile(join(dir, 'entities-index.jsonl'), 'old\n')
    await writeFile(join(dir, 'articles.jsonl'), 'new articles\n')
    for (const f of ['entities.jsonl', 'quotes.jsonl', 'money.jsonl', 'errors.jsonl', 'manifest.json']) await writeFile(join(staging, f), `new ${f}\n`)
    const files = ['articles.jsonl', 'entities.jsonl', 'quotes.jsonl', 'money.jsonl', 'errors.jsonl']
    await writeFile(join(staging, 'commit.json'), JSON.stringify({files, stale: ['entities-index.jsonl']}))
    expect(await finishCommit(dir)).toBe(true)
    expect((await readdir(dir)).sort()).toEqual([...files, 'manifest.json'].sort())
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe('new manifest.json\n')
    expect(await finishCommit(dir)).toBe(false)
  })
})

describe('a commit that fails (a full disk while the finished files are written)', () => {
  const doc = (n: number): DocLines => ({
    articles: `{"id":"a${n}"}\n`,
    entities: `{"docId":"a${n}","entityId":"p${n}"}\n`,
    quotes: '',
    money: '',
    errors: '',
    tokens: '',
    counts: {articles: 1, entities: 1, quotes: 0, money: 0, errors: 0, tokens: 0},
  })
  const finish = {rewrite: {entities: {field: 'entityId', replace: upper}}, extraText: {'entities-index.jsonl': '{"entityId":"P1"}\n'}}
  const manifest = {tool: 'lede'} as unknown as Manifest

  it('keeps the staged run whole, so that --resume finishes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-commit-fail-'))
    const out = await openOutput(dir, {runKey: 'k'})
    for (const n of [1, 2]) await out.writeDoc(doc(n), null)
    await out.checkpoint({items: 2})
    // the rewritten entities file cannot be made (a folder stands where it goes), as a write fails on a full disk:
    // commit moved articles.jsonl.partial into place before that, and the resume was then refused
    const blocker = join(dir, STAGING_DIR, 'entities.jsonl')
    await mkdir(blocker)
    const failed = await out.commit(manifest, finish).then(() => null, (error: unknown) => error)
    expect(failed).toBeInstanceOf(OutputError)
    expect((failed as Error).message).toMatch(/the staged run is kept: once there is room, the same command with --resume finishes it/)
    expect(await readdir(dir)).toEqual([STAGING_DIR])
    await rmdir(blocker)
    const again = await openOutput(dir, {runKey: 'k', resume: true})
    expect(again.resumed).toEqual({items: 2})
    await again.commit(manifest, finish)
    expect((await readdir(dir)).sort()).toEqual(['articles.jsonl', 'entities-index.jsonl', 'entities.jsonl', 'errors.jsonl', 'manifest.json', 'money.jsonl', 'quotes.jsonl'])
    expect(await readFile(join(dir, 'articles.jsonl'), 'utf8')).toBe('{"id":"a1"}\n{"id":"a2"}\n')
    expect(await readFile(join(dir, 'entities.jsonl'), 'utf8')).toBe('{"docId":"a1","entityId":"P1"}\n{"docId":"a2","entityId":"P2"}\n')
  })
})

describe('findStagedDamage', () => {
  // a power cut can leave a checkpoint on disk whose records are not: the file then reads as zeros there
  const cases: {name: string; content: string | Buffer; length: number; expected: RegExp | null}[] = [
    {name: 'whole lines', content: '{"a":1}\n{"b":2}\n', length: 16, expected: null},
    {name: 'nothing staged', content: '', length: 0, expected: null},
    {name: 'a cut line after the checkpoint (cut off by the truncate before the check)', content: '{"a":1}\n{"b"', length: 8, expected: null},
    {name: 'zeros at the end', content: Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.alloc(8)]), length: 16, expected: /holds zero bytes from byte 8 on/},
    {name: 'zeros inside', content: Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.alloc(3), Buffer.from('":2}\n')]), length: 16, expected: /holds zero bytes from byte 8 on/},
    {name: 'a checkpoint inside a line', content: '{"a":1}\n{"b":2}\n', length: 12, expected: /does not end on a whole line/},
    {name: 'shorter than counted', content: '{"a":1}\n', length: 16, expected: /is shorter than its checkpoint says/},
  ]
  for (const {name, content, length, expected} of cases) {
    it(name, async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'lede-damage-')), 'x.jsonl.partial')
      await writeFile(file, content)
      const found = await findStagedDamage(file, length)
      if (expected) expect(found).toMatch(expected)
      else expect(found).toBeNull()
    })
  }
})

describe('--resume over staged records the disk lost', () => {
  it('refuses, naming the file, instead of passing zeros into the finished files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-resume-zeros-'))
    const out = await openOutput(dir, {runKey: 'k'})
    await out.writeDoc({articles: '{"id":"a1"}\n', entities: '', quotes: '', money: '', errors: '', tokens: '', counts: {articles: 1, entities: 0, quotes: 0, money: 0, errors: 0, tokens: 0}}, null)
    await out.checkpoint({items: 1})
    // what a machine crash leaves: the checkpoint on disk, the file's length too, its last records as zeros
    const file = join(dir, STAGING_DIR, 'articles.jsonl.partial')
    const length = (await readFile(file)).length
    await writeFile(file, Buffer.alloc(length))
    await appendFile(file, '{"id":"a2"')
    const failed = await openOutput(dir, {runKey: 'k', resume: true}).then(() => null, (error: unknown) => error)
    expect(failed).toBeInstanceOf(ResumeError)
    expect((failed as Error).message).toMatch(/articles\.jsonl\.partial" holds zero bytes from byte 0 on.*run without --resume to start over/)
  })

  // a checkpoint cut short read as "stopped before its first checkpoint", which said less than was known
  it.each([
    ['cut short', (text: string) => text.slice(0, 40), /the checkpoint of the run staged in .* cannot be read \(cut short or damaged/],
    ['not a checkpoint', () => '{}\n', /the checkpoint of the run staged in .* cannot be read/],
    ['missing (killed before its first)', null, /stopped before its first checkpoint: starting from the beginning/],
  ] as [string, ((text: string) => string) | null, RegExp][])('starts over, saying so, when the checkpoint is %s', async (_name, damage, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-resume-checkpoint-'))
    const out = await openOutput(dir, {runKey: 'k'})
    await out.checkpoint({items: 0})
    const file = join(dir, STAGING_DIR, 'checkpoint.json')
    if (damage) await writeFile(file, damage(await readFile(file, 'utf8')))
    else await rm(file)
    const warnings: string[] = []
    const again = await openOutput(dir, {runKey: 'k', resume: true, warn: (w) => warnings.push(w)})
    expect(again.resumed).toBeNull()
    expect(warnings).toEqual([expect.stringMatching(message)])
  })
})

describe('makeFolder', () => {
  it('reports a folder that cannot be made instead of hanging', async () => {
    await expect(makeFolder('/proc/lede-cannot-be-here/x')).rejects.toThrow(OutputError)
  })

  // `--out /dev/null` said "is a file", `--out /dev/null/x` only "/dev/null/x: ENOTDIR: not a directory, stat ..."
  it.each([
    ['a device', '/dev/null', 'cannot create output folder "/dev/null": "/dev/null" is a device, socket or pipe, not a folder'],
    ['a path through a device', '/dev/null/x', 'cannot create output folder "/dev/null/x": "/dev/null" is a device, socket or pipe, not a folder'],
  ])('names the part of the path that is no folder: %s', async (_name, dir, message) => {
    await expect(makeFolder(dir)).rejects.toThrow(message)
  })

  it('names the file a path runs through', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-through-'))
    await writeFile(join(dir, 'f.txt'), 'x')
    await expect(makeFolder(join(dir, 'f.txt', 'out', 'deeper'))).rejects.toThrow(`cannot create output folder "${join(dir, 'f.txt', 'out', 'deeper')}": "${join(dir, 'f.txt')}" is a file, not a folder`)
  })
})

// lede export and lede view of a folder whose run was interrupted said only "no articles.jsonl"
describe('explainNoFinishedRun', () => {
  it.each([
    ['an empty folder', [], /is not the output folder of a lede run \(no articles\.jsonl\)/],
    ['a missing folder', null, /is not the output folder of a lede run/],
    ['an interrupted run', [STAGING_DIR], /holds no finished run, only an interrupted one \(lede-staging\.incomplete\/\): finish it first with the same lede run command plus --resume/],
  ])('%s', async (_, folders, message) => {
    const dir = join(await mkdtemp(join(tmpdir(), 'lede-norun-')), 'out')
    if (folders) for (const name of ['', ...folders]) await mkdir(join(dir, name), {recursive: true})
    expect(await explainNoFinishedRun(dir)).toMatch(message)
  })
})
