import {execFileSync, spawn} from 'node:child_process'
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {EXIT, main} from '../src/cli.ts'
import {createThreadExecutor} from '../src/run/executor.ts'

const root = new URL('..', import.meta.url).pathname
const corpus = join(root, 'corpus')
const tmp = () => mkdtempSync(join(tmpdir(), 'lede-cli-'))

// the thread executor is the real one, watched: a command-line mistake must be reported before any thread starts
vi.mock('../src/run/executor.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/run/executor.ts')>()
  return {...real, createThreadExecutor: vi.fn(real.createThreadExecutor)}
})

/** An output folder whose lock a live run (this process) holds. */
function lockedFolder(): string {
  const dir = tmp()
  writeFileSync(join(dir, 'lede.lock'), `${JSON.stringify({pid: process.pid, host: hostname(), startedAt: new Date().toISOString()})}\n`)
  return dir
}

describe('lede CLI', () => {
  let stdout: string[]
  let stderr: string[]
  beforeEach(() => {
    stdout = []
    stderr = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true))
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.mocked(createThreadExecutor).mockClear()
    process.exitCode = 0
  })

  // every mistake a user can make on the command line is reported before any worker thread starts (a thread costs
  // ~0.4 s to start and stop): the message and the exit code come at once
  it.each([
    ['no command', [], EXIT.usage, /Usage: lede/],
    ['run without a corpus', ['run'], EXIT.usage, /required option '-o, --out/],
    ['run without --out', ['run', 'corpus'], EXIT.usage, /required option '-o, --out/],
    ['an unknown pipeline', ['run', 'corpus', '--out', '/tmp/x', '--pipeline', 'nope'], EXIT.usage, /'nope' is invalid\. Allowed choices are news, plain/],
    ['a bad --default-dollar', ['run', 'corpus', '--out', '/tmp/x', '--default-dollar', 'dollars'], EXIT.usage, /defaultDollar must be an ISO 4217 code/],
    ['a bad --concurrency', ['run', 'corpus', '--out', '/tmp/x', '--concurrency', '0'], EXIT.usage, /'0' is invalid\. expected a whole number of at least 1/],
    ['a bad --workers', ['run', 'corpus', '--out', '/tmp/x', '--workers', 'two'], EXIT.usage, /'two' is invalid\. expected a whole number of at least 0/],
    ['a negative --workers', ['run', 'corpus', '--out', '/tmp/x', '--workers', '-1'], EXIT.usage, /'-1' is invalid/],
    ['an unknown option', ['run', 'corpus', '--out', '/tmp/x', '--fast'], EXIT.usage, /unknown option '--fast'/],
    ['an unknown layer', ['run', 'corpus', '--out', '/tmp/x', '--layers', 'pos'], EXIT.usage, /unknown layer "pos" in --layers/],
    ['--batch-size without --redis', ['run', 'corpus', '--out', '/tmp/x', '--batch-size', '4'], EXIT.usage, /--batch-size applies only with --redis/],
    ['--workers with --redis', ['run', 'corpus', '--out', '/tmp/x', '--redis', 'redis://127.0.0.1:1', '--workers', '2'], EXIT.usage, /with --redis the workers are `lede worker` processes/],
    ['a missing corpus folder', ['run', '/nonexistent/corpus', '--out', '/tmp/x'], EXIT.fatal, /corpus folder "\/nonexistent\/corpus" does not exist/],
    ['a corpus that is a file', ['run', join(corpus, readdirSync(corpus)[0]!), '--out', '/tmp/x'], EXIT.fatal, /is not a folder: give lede run the folder/],
    ['a --default-dollar that is no currency', ['run', 'corpus', '--out', '/tmp/x', '--default-dollar', 'XYZ'], EXIT.usage, /defaultDollar "XYZ" is not an ISO 4217 currency code/],
    ['--out the corpus folder', ['run', corpus, '--out', corpus], EXIT.usage, /is the corpus folder itself/],
    ['--out a folder holding the corpus', ['run', corpus, '--out', root], EXIT.usage, /contains the corpus folder/],
    ['--out a folder that cannot be made', ['run', corpus, '--out', '/proc/lede-x'], EXIT.fatal, /cannot create output folder "\/proc\/lede-x"/],
    ['--out under a file', ['run', corpus, '--out', join(corpus, readdirSync(corpus)[0]!, 'out')], EXIT.fatal, /cannot create output folder .*is a file, not a folder|ENOTDIR/],
    ['--out a folder another run holds', ['run', corpus, '--out', 'LOCKED'], EXIT.fatal, /is in use by another lede run \(pid \d+ on /],
    ['eval of a missing run folder', ['eval', '--gold', join(root, 'test', 'gold'), '--pred', '/missing'], EXIT.usage, /--pred "\/missing" does not exist/],
  ])('exits with a clear message on %s, before any thread starts', async (_name, argv, code, message) => {
    const args = (argv as string[]).map((a) => (a === 'LOCKED' ? lockedFolder() : a))
    expect(await main(args)).toBe(code)
    const text = stdout.join('') + stderr.join('')
    expect(text).toMatch(message as RegExp)
    expect(text).not.toMatch(/\n\s+at /)
    expect(createThreadExecutor).not.toHaveBeenCalled()
  })

  it.each([['--help'], ['run', '--help'], ['eval', '--help'], ['schema', '--help']])('answers %s', async (...argv) => {
    expect(await main(argv)).toBe(EXIT.ok)
    expect(stdout.join('')).toMatch(/Usage: lede/)
  })

  it('documents exit codes and offsets in run --help', async () => {
    await main(['run', '--help'])
    const help = stdout.join('')
    expect(help).toMatch(/Exit codes:/)
    expect(help).toMatch(/code-point/)
    expect(help).toMatch(/news\s+news text of every shape/)
  })

  it('runs the bundled corpus, writing every output file and nothing to stdout', async () => {
    const out = tmp()
    expect(await main(['run', corpus, '--out', out])).toBe(EXIT.ok)
    expect(stdout.join('')).toBe('')
    expect(stderr.join('')).toMatch(/^lede: 4 documents from 4 files in .* -> /)
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl', 'entities-index.jsonl', 'entities.jsonl', 'errors.jsonl', 'manifest.json', 'money.jsonl', 'quotes.jsonl'])
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({tool: 'lede', pipeline: 'news', inputs: {files: 4, documents: 4, rejected: 0}, errors: 0, failedDocuments: 0})
  })

  it('reads its own articles.jsonl back: same article ids, texts and titles', async () => {
    const first = tmp()
    expect(await main(['run', corpus, '--out', first, '--quiet'])).toBe(EXIT.ok)
    const again = tmp()
    copyFileSync(join(first, 'articles.jsonl'), join(again, 'articles.jsonl'))
    const second = tmp()
    expect(await main(['run', again, '--out', second, '--quiet'])).toBe(EXIT.ok)
    const read = (dir: string) => readFileSync(join(dir, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    const [a, b] = [read(first), read(second)]
    expect(b.map((r) => [r.id, r.title, r.text])).toEqual(a.map((r) => [r.id, r.title, r.text]))
    expect(b[0].meta).toMatchObject({source: a[0].source})
  })

  it('lists the input formats in run --help', async () => {
    await main(['run', '--help'])
    expect(stdout.join('')).toMatch(/\.html, \.htm/)
    expect(stdout.join('')).toMatch(/gzip/)
  })

  it('writes a JSON Schema for every record type', async () => {
    const out = tmp()
    expect(await main(['schema', '--out', out])).toBe(EXIT.ok)
    const files = readdirSync(out).sort()
    expect(files).toEqual(['article', 'entity', 'entity-index', 'error', 'input-article', 'manifest', 'money', 'quote', 'token'].map((n) => `${n}.schema.json`).sort())
    const quote = JSON.parse(readFileSync(join(out, 'quote.schema.json'), 'utf8'))
    expect(quote.type).toBe('object')
    expect(quote.required).toEqual(expect.arrayContaining(['docId', 'text', 'start', 'end', 'speaker']))
  })
})

describe('bin/lede.js', () => {
  it('keeps stdout clean (no library notices) and exits 0 on the bundled corpus', () => {
    const out = tmp()
    const stdout = execFileSync(process.execPath, [join(root, 'bin/lede.js'), 'run', corpus, '--out', out, '--quiet'], {encoding: 'utf8'})
    expect(stdout).toBe('')
    expect(readdirSync(out)).toContain('manifest.json')
  })

  it('writes the same records from the compiled build (dist/, when current) and from the sources (LEDE_FROM_SOURCE=1)', () => {
    const outs = [tmp(), tmp()]
    for (const [i, env] of [{}, {LEDE_FROM_SOURCE: '1'}].entries()) {
      execFileSync(process.execPath, [join(root, 'bin/lede.js'), 'run', corpus, '--out', outs[i]!, '--quiet', '--workers', '1'], {encoding: 'utf8', env: {...process.env, ...env}})
    }
    const jsonl = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')])
    expect(jsonl(outs[0]!)).toEqual(jsonl(outs[1]!))
  })

  it('ends quietly with exit 0 when the reader of its stdout has gone (lede run --help | head -2)', async () => {
    // the read end is closed before lede starts writing, so its help text meets a broken pipe for certain
    const child = spawn(process.execPath, [join(root, 'bin/lede.js'), 'run', '--help'], {stdio: ['ignore', 'pipe', 'pipe']})
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
