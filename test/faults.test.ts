/**
 * The fault suite: the real CLI in real processes, misused and killed the way a nightly job gets
 * misused and killed. Small corpora and frequent checkpoints keep it fast enough for CI;
 * `npm run bench:faults` runs the same checks at full size.
 */
import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {checkOutput, filesUnder, fingerprint, fuzzCorpus, lede, newsCorpus, outputBytes, ROOT, sizeOf, STAGING, stagedItems, waitFor} from './faults/kit.ts'

const DOCS = 32
const FAST = {LEDE_CHECKPOINT_MS: '0'}
let base: string
let corpus: string
let reference: Record<string, string>

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'lede-faults-'))
  corpus = await newsCorpus(join(base, 'corpus'), DOCS)
  const run = lede(['run', corpus, '--out', join(base, 'reference'), '--quiet'])
  const {code, stderr} = await run.done
  expect(stderr).toBe('')
  expect(code).toBe(0)
  reference = outputBytes(join(base, 'reference'))
  expect(Object.keys(reference)).toHaveLength(6)
}, 120_000)

describe('output folder and input never overlap', () => {
  it.each([
    ['the corpus folder itself', (c: string) => c],
    ['a folder that contains the corpus', (c: string) => join(c, '..')],
    ['a folder inside the corpus holding non-lede files', (c: string) => join(c, 'mine')],
    // outside the corpus, but its articles.jsonl is the user's, not an earlier run's: a run would replace it
    ['a folder outside the corpus holding an articles.jsonl no lede run wrote', (c: string) => join(c, '..', 'kept')],
  ])('refuses %s with exit 2 and leaves every input byte unchanged', async (_name, outOf) => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-overlap-'))
    const c = join(dir, 'corpus')
    cpSync(corpus, c, {recursive: true})
    writeFileSync(join(c, 'articles.jsonl'), `${JSON.stringify({id: 'x', text: 'A user article.'})}\n`)
    cpSync(join(c, '0000.txt'), join(c, 'mine', 'keep.txt'), {recursive: true})
    cpSync(join(c, 'articles.jsonl'), join(dir, 'kept', 'articles.jsonl'), {recursive: true})
    const before = fingerprint(dir)
    const {code, stderr} = await lede(['run', c, '--out', outOf(c)]).done
    expect(code).toBe(2)
    expect(stderr).toMatch(/never writes where its input is|not lede's output|no manifest.json of an earlier lede run/)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(fingerprint(dir)).toEqual(before)
  }, 60_000)
})

describe('one run per output folder', () => {
  it('refuses a second concurrent run, naming the holder, and the first ends valid', async () => {
    const out = join(base, 'concurrent')
    const first = lede(['run', corpus, '--out', out, '--quiet', '--workers', '0'])
    await waitFor(() => existsSync(join(out, 'lede.lock')), first)
    // the first run is paused while the second tries, so the two surely overlap however fast the machine
    first.child.kill('SIGSTOP')
    const second = await lede(['run', corpus, '--out', out, '--quiet', '--workers', '0']).done
    first.child.kill('SIGCONT')
    expect(second.code).toBe(3)
    expect(second.stderr).toMatch(new RegExp(`in use by another lede run \\(pid ${first.child.pid} on `))
    expect((await first.done).code).toBe(0)
    expect(checkOutput(out)).toEqual({problems: [], complete: true})
    expect(outputBytes(out)).toEqual(reference)
    expect(existsSync(join(out, 'lede.lock'))).toBe(false)
  }, 120_000)
})

describe('kill -9, then --resume', () => {
  // moments: at start-up, after the first checkpointed document, about half-way
  it.each([
    ['while starting', () => true],
    ['after the first document', (out: string) => stagedItems(out) >= 1],
    ['half-way', (out: string) => stagedItems(out) >= DOCS / 2],
  ])('killed %s: the folder stays sound and --resume ends byte-identical', async (_name, moment) => {
    const out = join(base, `kill-${_name.replace(/\W+/g, '-')}`)
    // worker threads in the killed run, none in the resumed one: the output must not depend on either
    const run = lede(['run', corpus, '--out', out, '--quiet', '--workers', '2'], FAST)
    await waitFor(() => existsSync(join(out, STAGING)) && moment(out), run)
    run.child.kill('SIGKILL')
    await run.done
    // nothing of the killed run is visible as output; what is staged parses
    expect(checkOutput(out)).toEqual({problems: [], complete: false})
    const resumed = await lede(['run', corpus, '--out', out, '--resume', '--quiet', '--workers', '0']).done
    expect(resumed.stderr).toMatch(/taking over a stale lock/)
    expect(resumed.code).toBe(0)
    expect(checkOutput(out)).toEqual({problems: [], complete: true})
    expect(outputBytes(out)).toEqual(reference)
    expect(existsSync(join(out, STAGING))).toBe(false)
  }, 120_000)

  it('killed while replacing a complete earlier run: the folder still holds the earlier run, whole', async () => {
    const out = join(base, 'replace')
    cpSync(join(base, 'reference'), out, {recursive: true})
    const before = fingerprint(out)
    const other = await newsCorpus(join(base, 'other-corpus'), DOCS / 2)
    const run = lede(['run', other, '--out', out, '--quiet', '--workers', '0'], FAST)
    await waitFor(() => stagedItems(out) >= 2, run)
    run.child.kill('SIGKILL')
    await run.done
    expect(checkOutput(out)).toEqual({problems: [], complete: true})
    const after = fingerprint(out)
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash)
  }, 120_000)
})

describe('Ctrl-C', () => {
  it('exits 130 saying what was written and how to resume; --resume finishes byte-identical', async () => {
    // the run is stopped (SIGSTOP) before it is told, and told only if it has inputs left to read (8 or more: it
    // reads a file between two checkpoints, so the signal is handled long before its end): one that ran on to its end
    // while the test looked (a test process starved under load) cannot be interrupted and exits 0. Such a run is let
    // finish (its output checked) and another one is started
    let out = ''
    let run: ReturnType<typeof lede> | undefined
    for (let tries = 1; run === undefined; tries++) {
      expect(tries, 'no run was caught before its last input').toBeLessThanOrEqual(5)
      out = join(base, `sigint-${tries}`)
      const started = lede(['run', corpus, '--out', out, '--workers', '0'], FAST)
      await waitFor(() => stagedItems(out) >= 2, started)
      started.child.kill('SIGSTOP')
      // read while it is stopped: a run that has committed (or is committing) has no checkpoint left, -1
      const staged = stagedItems(out)
      if (staged >= 2 && staged <= DOCS - 8) run = started
      else {
        started.child.kill('SIGCONT')
        expect((await started.done).code).toBe(0)
        expect(outputBytes(out)).toEqual(reference)
      }
    }
    // a signal sent to a stopped process waits for SIGCONT
    run.child.kill('SIGINT')
    run.child.kill('SIGCONT')
    const {code, stderr} = await run.done
    expect(code).toBe(130)
    expect(stderr).toMatch(/interrupted: the records of \d+ inputs \(\d+ documents\) are written to/)
    expect(stderr).toMatch(/To continue: lede run .* --resume/)
    expect(existsSync(join(out, 'lede.lock'))).toBe(false)
    const resumed = await lede(['run', corpus, '--out', out, '--resume', '--quiet', '--workers', '0']).done
    expect(resumed.code).toBe(0)
    expect(outputBytes(out)).toEqual(reference)
  }, 300_000)
})

describe('disk full', () => {
  // a file-size limit (RLIMIT_FSIZE) makes writes past it fail as a full disk does: a short write, then EFBIG
  // (ENOSPC on a full disk). Node ignores SIGXFSZ, so the process sees the error, as it would see ENOSPC.
  it('stops with exit 3 and a clear message, keeps a checkpoint that matches the staged files, and --resume finishes byte-identical', async () => {
    const out = join(base, 'full')
    const limitKb = Math.max(8, Math.floor(Buffer.byteLength(reference['entities.jsonl']!) / 2048))
    const node = [process.execPath, join(ROOT, 'bin', 'lede.js'), 'run', corpus, '--out', out, '--quiet', '--workers', '0'].map((a) => `'${a}'`).join(' ')
    const child = spawn('bash', ['-c', `ulimit -f ${limitKb}; exec ${node}`], {env: {...process.env, ...FAST}, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toMatch(/cannot write to ".*entities\.jsonl\.partial": EFBIG/)
    expect(stderr).toMatch(/--resume/)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(code).toBe(3)
    expect(existsSync(join(out, 'lede.lock'))).toBe(false)
    // the checkpoint a resume trusts never counts bytes that are not in the staged files
    const checkpoint = JSON.parse(readFileSync(join(out, STAGING, 'checkpoint.json'), 'utf8')) as {bytes: Record<string, number>}
    for (const [name, bytes] of Object.entries(checkpoint.bytes)) {
      const file = join(out, STAGING, `${name}.jsonl.partial`)
      if (bytes > 0) expect(sizeOf(file), name).toBeGreaterThanOrEqual(bytes)
    }
    const resumed = await lede(['run', corpus, '--out', out, '--resume', '--quiet', '--workers', '0']).done
    expect(resumed.code).toBe(0)
    expect(checkOutput(out)).toEqual({problems: [], complete: true})
    expect(outputBytes(out)).toEqual(reference)
  }, 120_000)

  it('says how to --resume when the disk fills in the final flush, after every document', async () => {
    const out = join(base, 'full-at-end')
    const limitKb = Math.max(8, Math.floor(Buffer.byteLength(reference['entities.jsonl']!) / 2048))
    const node = [process.execPath, join(ROOT, 'bin', 'lede.js'), 'run', corpus, '--out', out, '--quiet', '--workers', '0'].map((a) => `'${a}'`).join(' ')
    // no checkpoint after the first: the records stay buffered until the run's commit flushes them
    const child = spawn('bash', ['-c', `ulimit -f ${limitKb}; exec ${node}`], {env: {...process.env, LEDE_CHECKPOINT_MS: '3600000'}, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toMatch(/cannot write to ".*\.jsonl\.partial": EFBIG.*the run stopped: the records of 0 inputs \(0 documents\) are staged in .* the same command with --resume continues the run/)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(code).toBe(3)
    expect(existsSync(join(out, 'lede.lock'))).toBe(false)
    const resumed = await lede(['run', corpus, '--out', out, '--resume', '--quiet', '--workers', '0']).done
    expect(resumed.code).toBe(0)
    expect(outputBytes(out)).toEqual(reference)
  }, 120_000)
})

describe('symbolic links', () => {
  it('reads a linked file and folder and lists a broken link as skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-links-'))
    const c = join(dir, 'corpus')
    cpSync(join(corpus, '0000.txt'), join(c, 'a.txt'))
    cpSync(join(corpus, '0001.txt'), join(dir, 'elsewhere', 'b.txt'))
    symlinkSync(join(dir, 'elsewhere'), join(c, 'linked-folder'))
    symlinkSync(join(dir, 'elsewhere', 'b.txt'), join(c, 'b-link.txt'))
    symlinkSync(join(dir, 'gone.txt'), join(c, 'broken.txt'))
    const out = join(dir, 'out')
    const {code} = await lede(['run', c, '--out', out, '--quiet', '--workers', '0']).done
    expect(code).toBe(0)
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.inputs.files).toBe(2)
    expect(manifest.inputs.skipped).toEqual([
      {path: 'broken.txt', reason: expect.stringMatching(/leads nowhere/)},
      {path: 'linked-folder/b.txt', reason: 'same file as "b-link.txt", read once'},
    ])
  }, 60_000)
})

describe('a fuzz corpus', () => {
  it('accounts for every file (documents + rejected + skipped) and writes only schema-valid lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-fuzz-'))
    const c = join(dir, 'corpus')
    const {jsonlLines} = await fuzzCorpus(c, {longLineBytes: 300_000})
    const out = join(dir, 'out')
    const {code, stderr} = await lede(['run', c, '--out', out, '--quiet', '--workers', '0']).done
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(code).toBe(1)
    expect(checkOutput(out)).toEqual({problems: [], complete: true})
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    const onDisk = filesUnder(c)
    const skippedFiles = manifest.inputs.skippedFiles.filter((p: string) => !p.endsWith('/'))
    // every regular file is read or listed; links and the pipe are listed too
    expect(manifest.inputs.files + skippedFiles.filter((p: string) => onDisk.includes(p)).length).toBe(onDisk.length)
    expect(manifest.inputs.skippedFiles).toEqual(expect.arrayContaining(['other/pipe.txt', 'other/broken.txt', 'deep/loop/', 'other/notes.md']))
    // each .txt is one document or one rejected input; each JSONL line that holds something is one of either
    const txtInputs = manifest.inputs.files - 2
    expect(manifest.inputs.documents + manifest.inputs.rejected).toBe(txtInputs + jsonlLines)
    expect(manifest.inputs.documents).toBe(manifest.outputs.articles + manifest.failedDocuments)
    const ids = readFileSync(join(out, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).id)
    expect(new Set(ids).size).toBe(ids.length)
  }, 180_000)
})
