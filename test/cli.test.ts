import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {availableParallelism, hostname, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {count, describeRate, describeSkipped, EXIT, explainDashName, explainExcessWorkers, main} from '../src/cli.ts'
import {createThreadExecutor} from '../src/run/executor.ts'
import {checkModelFile, MODEL_URL} from '../src/ner/model-file.ts'
import {runCorpus} from '../src/run/batch.ts'
import {PIPELINES} from '../pipelines/index.ts'

const root = new URL('..', import.meta.url).pathname
const corpus = join(root, 'corpus')
const tmp = () => mkdtempSync(join(tmpdir(), 'lede-cli-'))

// the thread executor is the real one, watched: a command-line mistake must be reported before any thread starts
vi.mock('../src/run/executor.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/run/executor.ts')>()
  return {...real, createThreadExecutor: vi.fn(real.createThreadExecutor)}
})
// the model check is the real one; a case points it at a missing file (the shipped model cannot be moved while other tests run)
vi.mock('../src/ner/model-file.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/ner/model-file.ts')>()
  return {...real, checkModelFile: vi.fn(real.checkModelFile)}
})

/** An output folder whose lock a live run (this process) holds. */
function lockedFolder(): string {
  const dir = tmp()
  writeFileSync(join(dir, 'lede.lock'), `${JSON.stringify({pid: process.pid, host: hostname(), startedAt: new Date().toISOString()})}\n`)
  return dir
}

/** A corpus path that is a symbolic link to itself. */
function loop(): string {
  const path = join(tmp(), 'loop')
  symlinkSync(path, path)
  return path
}

describe('progress in a log (stderr not a terminal)', () => {
  it('prints a progress line at most every LEDE_PROGRESS_MS (60 s by default), none with --quiet', () => {
    const lede = (quiet: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin/lede.js'), 'run', corpus, '--out', join(tmp(), 'out'), '--workers', '0', ...quiet], {encoding: 'utf8', env: {...process.env, LEDE_PROGRESS_MS: '0'}})
    const logged = lede([])
    expect(logged.status).toBe(0)
    const lines = logged.stderr.split('\n').filter((l) => l.startsWith('lede: progress: '))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/^lede: progress: \d+ documents(, \d+ rejected)? {2}\d+% {2}\d+\.\d\d MB\/s {2}ETA (\d+:)?\d\d:\d\d {2}\d+ workers$/)
    expect(logged.stderr).not.toContain('\r')
    expect(lede(['--quiet']).stderr).toBe('')
  })

  it.each([
    // a bad JSONL line and a binary file are rejected inputs: the progress line's documents are the summary's, the rejected named apart
    ['rejected inputs', {'a.txt': 'Maria Lopez said on Monday that the plan works.\n', 'b.jsonl': '{"id":"1","text":"One line."}\nnot json\n', 'c.txt': Buffer.from([0, 1, 2, 0, 255, 0])}, /^lede: progress: 2 documents, 2 rejected {2}100%/, /^lede: 2 documents and 2 rejected from 3 files in /],
    ['no rejected input', {'a.txt': 'Maria Lopez said on Monday that the plan works.\n'}, /^lede: progress: 1 documents {2}100%/, /^lede: 1 document from 1 file in /],
  ])('%s: the last progress line counts what the summary counts', (_name, files, progress, summary) => {
    const dir = tmp()
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    const run = spawnSync(process.execPath, [join(root, 'bin/lede.js'), 'run', dir, '--out', join(tmp(), 'out'), '--workers', '0'], {encoding: 'utf8', env: {...process.env, LEDE_PROGRESS_MS: '0'}})
    const lines = run.stderr.split('\n')
    expect(lines.filter((l) => l.startsWith('lede: progress: ')).at(-1)).toMatch(progress)
    expect(lines.find((l) => /^lede: \d/.test(l))).toMatch(summary)
  })
})

describe('describeSkipped', () => {
  it.each([
    [[], ''],
    [['notes.md'], ' (1 file skipped, listed in manifest.json)'],
    [['a.pdf', 'b.xlsx', '.git/'], ' (2 files and 1 folder skipped, listed in manifest.json)'],
    [['.git/', 'x_files/'], ' (2 folders skipped, listed in manifest.json)'],
  ])('says %j on the summary line as %j', (skipped, note) => {
    expect(describeSkipped(skipped)).toBe(note)
  })

  it('ends the summary line of a mixed corpus with the files left', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'a.csv'), 'title,text\nT,Maria Lopez said on Monday that the plan works.\n')
    writeFileSync(join(dir, 'b.xlsx'), 'PK')
    const run = spawnSync(process.execPath, [join(root, 'bin/lede.js'), 'run', dir, '--out', join(tmp(), 'out'), '--workers', '0'], {encoding: 'utf8'})
    expect(run.stderr.split('\n').find((l) => /^lede: \d/.test(l))).toMatch(/^lede: 1 document from 1 file in .* \(1 file skipped, listed in manifest\.json\)$/)
  })
})

describe('describeRate', () => {
  it.each([
    [1.23, 10, '1.23'],
    [0.01, 1, '0.01'],
    // four seed articles on a busy machine: 0.003 MB/s rounded
    [0, 4, '<0.01'],
    // an empty corpus read nothing
    [0, 0, '0'],
  ])('%s MB/s over %s documents reads %s', (rate, documents, shown) => {
    expect(describeRate(rate, documents)).toBe(shown)
  })
})

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
    ['a bad --default-dollar', ['run', 'corpus', '--out', '/tmp/x', '--default-dollar', 'dollars'], EXIT.usage, /^lede: --default-dollar "dollars" is not an ISO 4217 currency code \(such as USD, CAD, AUD, EUR\)\n$/],
    ['a bad --concurrency', ['run', 'corpus', '--out', '/tmp/x', '--concurrency', '0'], EXIT.usage, /'0' is invalid\. expected a whole number of at least 1/],
    ['a bad --workers', ['run', 'corpus', '--out', '/tmp/x', '--workers', 'two'], EXIT.usage, /'two' is invalid\. expected a whole number of at least 0/],
    ['a negative --workers', ['run', 'corpus', '--out', '/tmp/x', '--workers', '-1'], EXIT.usage, /'-1' is invalid/],
    ['an unknown option', ['run', 'corpus', '--out', '/tmp/x', '--fast'], EXIT.usage, /unknown option '--fast'/],
    ['an unknown layer', ['run', 'corpus', '--out', '/tmp/x', '--layers', 'pos'], EXIT.usage, /unknown layer "pos" in --layers/],
    ['an unknown charset', ['run', 'corpus', '--out', '/tmp/x', '--encoding', 'latin-9000'], EXIT.usage, /unknown charset "latin-9000" in --encoding/],
    // UTF-32 is read without being named; the label was refused as "unknown charset", as if lede could not read it
    ['--encoding utf-32', ['run', 'corpus', '--out', '/tmp/x', '--encoding', 'UTF-32LE'], EXIT.usage, /^lede: --encoding "UTF-32LE": UTF-32 needs no --encoding: lede recognises UTF-32 files \(LE or BE, with or without a byte-order mark\) by their bytes/],
    ['--batch-size without --redis', ['run', 'corpus', '--out', '/tmp/x', '--batch-size', '4'], EXIT.usage, /--batch-size applies only with --redis/],
    ['--workers with --redis', ['run', 'corpus', '--out', '/tmp/x', '--redis', 'redis://127.0.0.1:1', '--workers', '2'], EXIT.usage, /with --redis the workers are `lede worker` processes/],
    ['a missing corpus folder', ['run', '/nonexistent/corpus', '--out', '/tmp/x'], EXIT.fatal, /corpus folder "\/nonexistent\/corpus" does not exist/],
    ['a corpus that is a file', ['run', join(corpus, readdirSync(corpus)[0]!), '--out', '/tmp/x'], EXIT.fatal, /is not a folder: give lede run the folder/],
    // a shell pattern (lede run corpus/*.txt) gives each file apart: commander said only 'too many arguments'
    ['a corpus given as a shell pattern', ['run', ...readdirSync(corpus).slice(0, 2).map((f) => join(corpus, f)), '--out', '/tmp/x'], EXIT.usage, /lede run takes one corpus folder, and 2 were given \(".*", ".*"\): a shell pattern such as \*\.txt gives each file apart; give the folder that holds them/],
    ['a --default-dollar that is no currency', ['run', 'corpus', '--out', '/tmp/x', '--default-dollar', 'XYZ'], EXIT.usage, /--default-dollar "XYZ" is not an ISO 4217 currency code/],
    ['--out the corpus folder', ['run', corpus, '--out', corpus], EXIT.usage, /is the corpus folder itself/],
    ['--out a folder holding the corpus', ['run', corpus, '--out', root], EXIT.usage, /contains the corpus folder/],
    ['--out a folder that cannot be made', ['run', corpus, '--out', '/proc/lede-x'], EXIT.fatal, /cannot create output folder "\/proc\/lede-x"/],
    ['--out under a file', ['run', corpus, '--out', join(corpus, readdirSync(corpus)[0]!, 'out')], EXIT.fatal, /cannot create output folder .*is a file, not a folder|ENOTDIR/],
    ['--out a folder another run holds', ['run', corpus, '--out', 'LOCKED'], EXIT.fatal, /is in use by another lede run \(pid \d+ on /],
    ['eval of a missing run folder', ['eval', '--gold', join(root, 'test', 'gold'), '--pred', '/missing'], EXIT.usage, /--pred "\/missing" does not exist/],
    // a --gold folder without gold files (the corpus given by mistake) scored nothing and exited 0
    ['eval with a --gold folder that holds no gold files', ['eval', '--gold', corpus, '--pred', join(root, 'test', 'gold')], EXIT.usage, /--gold ".*" holds no gold files \(<article file name>\.json, see docs\/gold\.md\)/],
    // start-up checks added by ux4: each before any folder is made (OUT is a fresh path two missing folders deep)
    ['a --redis that is no URL', ['run', corpus, '--out', 'OUT', '--redis', 'queue-host'], EXIT.usage, /--redis "queue-host" is not a Redis URL: expected redis:\/\/host:port .*e\.g\. redis:\/\/queue-host:6379/],
    ['a --redis of another scheme', ['run', corpus, '--out', 'OUT', '--redis', 'http://queue-host:6379'], EXIT.usage, /is not a Redis URL \(scheme "http:"\)/],
    ['a --redis port out of range', ['run', corpus, '--out', 'OUT', '--redis', 'redis://queue-host:99999'], EXIT.usage, /check the host and the port, 1-65535/],
    ['a --queue BullMQ cannot use', ['run', corpus, '--out', 'OUT', '--redis', 'redis://127.0.0.1:1', '--queue', 'a:b'], EXIT.usage, /--queue "a:b": a queue name must be non-empty and must not contain ":"/],
    ['lede worker with a --redis that is no URL', ['worker', '--redis', '6379'], EXIT.usage, /--redis "6379" is not a Redis URL.*e\.g\. redis:\/\/localhost:6379/],
    ['too many --workers', ['run', corpus, '--out', 'OUT', '--workers', '1000'], EXIT.usage, /--workers 1000 is more than lede starts \(256\)/],
    ['lede worker with too many threads', ['worker', '--redis', 'redis://127.0.0.1:1', '--concurrency', '1000'], EXIT.usage, /--concurrency 1000 is more threads than lede starts \(256\)/],
    ['--csv-raw without --csv', ['export', corpus, '--parquet', '/tmp/x', '--csv-raw'], EXIT.usage, /--csv-raw changes the CSV files: give --csv <dir> too/],
    ['lede worker with a lock too short to renew', ['worker', '--redis', 'redis://127.0.0.1:1', '--lock-duration', '50'], EXIT.usage, /--lock-duration 50 ms is too short: at least 1000 ms/],
    ['a corpus that is a link loop', ['run', 'LOOP', '--out', 'OUT'], EXIT.fatal, /corpus folder ".*" is a symbolic link that leads round in a loop/],
    ['a corpus path through a file', ['run', join(corpus, readdirSync(corpus)[0]!, 'x'), '--out', 'OUT'], EXIT.fatal, /does not exist \(a part of its path is a file\)/],
    ['--out that is a file', ['run', corpus, '--out', join(corpus, readdirSync(corpus)[0]!)], EXIT.fatal, /cannot create output folder .*is a file, not a folder/],
    ['a missing NER model', ['run', corpus, '--out', 'OUT', 'NO-MODEL'], EXIT.fatal, /cannot read the NER model ".*missing-ner\.bin": the file is missing; restore it/],
    ['lede worker with a missing NER model', ['worker', '--redis', 'redis://127.0.0.1:1', 'NO-MODEL'], EXIT.fatal, /cannot read the NER model .* the file is missing/],
    ['a NER model cut short past its first 64 KB', ['run', corpus, '--out', 'OUT', 'CUT-MODEL'], EXIT.fatal, /the NER model ".*cut-ner\.bin" is cut short: its 100000 bytes end before its compressed data does; restore it/],
    ['lede worker with a NER model cut short past its first 64 KB', ['worker', '--redis', 'redis://127.0.0.1:1', 'CUT-MODEL'], EXIT.fatal, /the NER model ".*cut-ner\.bin" is cut short/],
  ])('exits with a clear message on %s, before any thread starts', async (_name, argv, code, message) => {
    const made = join(tmp(), 'made')
    const args = (argv as string[]).filter((a) => a !== 'NO-MODEL' && a !== 'CUT-MODEL').map((a) => (a === 'LOCKED' ? lockedFolder() : a === 'OUT' ? join(made, 'out') : a === 'LOOP' ? loop() : a))
    if ((argv as string[]).includes('NO-MODEL')) {
      const real = (await vi.importActual<typeof import('../src/ner/model-file.ts')>('../src/ner/model-file.ts')).checkModelFile
      vi.mocked(checkModelFile).mockImplementationOnce(() => real(join(tmp(), 'missing-ner.bin')))
    }
    if ((argv as string[]).includes('CUT-MODEL')) {
      const real = (await vi.importActual<typeof import('../src/ner/model-file.ts')>('../src/ner/model-file.ts')).checkModelFile
      const cut = join(tmp(), 'cut-ner.bin')
      writeFileSync(cut, readFileSync(MODEL_URL).subarray(0, 100_000))
      vi.mocked(checkModelFile).mockImplementationOnce(() => real(cut))
    }
    expect(await main(args)).toBe(code)
    const text = stdout.join('') + stderr.join('')
    expect(text).toMatch(message as RegExp)
    expect(text).not.toMatch(/\n\s+at /)
    expect(createThreadExecutor).not.toHaveBeenCalled()
    // nothing written: not even the output folder's parents
    expect(existsSync(made)).toBe(false)
  })

  // commander's own messages said "error: unknown option ..." where every other one says "lede: ..."
  it.each([
    ['a missing --out', ['run', 'corpus'], /^lede: required option '-o, --out <dir>' not specified\n/],
    ['an unknown option', ['run', 'corpus', '--out', '/tmp/x', '--fast'], /^lede: unknown option '--fast'\n/],
    ['an unknown command', ['bogus'], /^lede: unknown command 'bogus'\n/],
    ['a bad number', ['worker', '--redis', 'redis://127.0.0.1:1', '--concurrency', 'two'], /^lede: option '-c, --concurrency <n>' argument 'two' is invalid/],
    ['a missing argument', ['export'], /^lede: missing required argument 'out-dir'\n/],
  ])('prefixes the command-line parser\'s message on %s with lede:', async (_name, argv, message) => {
    expect(await main(argv)).toBe(EXIT.usage)
    expect(stderr.join('')).toMatch(message)
  })

  // a corpus folder named "-news" was "unknown option '-news'", and nothing said it was read as an option
  it.each([
    ['a folder named like an option', "lede: unknown option '-news'\n", ['-news'], "lede: unknown option '-news' (\"-news\" is also a file or folder here: give it as ./-news, or put it after -- at the end of the command)\n"],
    ['an option that is no file', "lede: unknown option '--fast'\n", ['-news'], "lede: unknown option '--fast'\n"],
    ['another message', "lede: missing required argument 'out-dir'\n", ['-news'], "lede: missing required argument 'out-dir'\n"],
  ])('says how to give %s as a path', (_name, message, here, expected) => {
    expect(explainDashName(message, (path) => here.includes(path))).toBe(expected)
  })

  // a run staged in --out (stopped before its first document: a checkpoint and empty staged files) by the CLI's
  // default options; each case then asks to resume it with something changed
  async function stagedRun(corpusDir: string): Promise<string> {
    const out = tmp()
    const options = {defaultDollar: 'USD', link: true}
    const stop = new AbortController()
    stop.abort()
    await expect(runCorpus({corpusDir, outDir: out, pipeline: PIPELINES.news!.build(options), options, signal: stop.signal})).rejects.toThrow(/interrupted/)
    expect(readdirSync(join(out, 'lede-staging.incomplete'))).toContain('checkpoint.json')
    return out
  }
  const hashes = (dir: string) =>
    Object.fromEntries(readdirSync(dir, {recursive: true, withFileTypes: true}).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')]))

  it.each([
    ['another --default-dollar', ['--default-dollar', 'CAD'], /it used --default-dollar USD \(now --default-dollar CAD\)\. Nothing was changed\. To continue it: the same command with --default-dollar USD and --resume\./],
    // the options to leave out are named apart ("with (without --no-link) and --resume" before)
    ['--no-link', ['--no-link'], /it used linking \(now --no-link\)\. Nothing was changed\. To continue it: the same command with --resume, without --no-link\. To start over/],
    ['--no-link and another pipeline', ['--no-link', '--pipeline', 'plain'], /To continue it: the same command with --pipeline news and --resume, without --no-link\. /],
    ['another pipeline', ['--pipeline', 'plain'], /it used --pipeline news \(now plain\)\. .*To continue it: the same command with --pipeline news and --resume/],
    ['--layers tokens', ['--layers', 'tokens'], /it used no --layers \(now --layers tokens\)\. Nothing was changed\. To continue it: the same command with --resume, without --layers\. /],
    ['another corpus folder', ['@OTHER-CORPUS'], /it read the corpus folder ".*" \(now ".*"\)\. Nothing was changed\. To start over instead/],
    ['a corpus with a file more', ['@FILE-ADDED'], /the corpus changed since it was staged \(4 input files of \d+ bytes then, 5 input files of \d+ bytes now\), so its records no longer match the corpus/],
    ['a corpus with a file changed', ['@FILE-CHANGED'], /the corpus changed since it was staged \(4 input files of \d+ bytes then, 4 input files of \d+ bytes now\)/],
  ])('refuses --resume of a run staged with %s before any thread starts, saying what differs, and changes nothing', async (_name, extra, message) => {
    const mine = join(tmp(), 'corpus')
    cpSync(corpus, mine, {recursive: true})
    const out = await stagedRun(mine)
    let from = mine
    if (extra.includes('@OTHER-CORPUS')) cpSync(mine, (from = join(tmp(), 'corpus')), {recursive: true})
    if (extra.includes('@FILE-ADDED')) writeFileSync(join(mine, 'late.txt'), 'A late article about Anna Petrenko.\n')
    if (extra.includes('@FILE-CHANGED')) appendFileSync(join(mine, readdirSync(mine)[0]!), '\nOne more line.\n')
    const before = hashes(out)
    const args = ['run', from, '--out', out, '--resume', ...extra.filter((a) => !a.startsWith('@'))]
    expect(await main(args)).toBe(EXIT.usage)
    const text = stderr.join('')
    expect(text).toMatch(new RegExp(`^lede: cannot resume the run staged in ".*lede-staging\\.incomplete": `))
    expect(text).toMatch(message)
    expect(text).not.toMatch(/\n\s+at /)
    expect(createThreadExecutor).not.toHaveBeenCalled()
    // the staged run is as it was (the lock came and went)
    expect(hashes(out)).toEqual(before)
    // and, when the corpus is as it was, the command that staged it resumes it
    if (extra.some((a) => a.startsWith('@'))) return
    expect(await main(['run', mine, '--out', out, '--resume', '--quiet', '--workers', '1'])).toBe(EXIT.ok)
    expect(readdirSync(out)).toContain('manifest.json')
  }, 60_000)

  it('warns when the corpus folder holds no input it reads, and exits 0 with an empty output set', async () => {
    const empty = tmp()
    writeFileSync(join(empty, 'report.pdf'), '%PDF-1.4')
    const out = join(tmp(), 'out')
    expect(await main(['run', empty, '--out', out, '--quiet', '--workers', '0'])).toBe(EXIT.ok)
    expect(stderr.join('')).toMatch(/^lede: warning: no input files under ".*" \(1 files of other kinds skipped, listed in manifest\.json\): nothing was processed/)
    // the formats it names are the reader's own list (.webarchive, read since it was added, was missing from it)
    expect(stderr.join('')).toMatch(/lede reads \.txt, .*\.mht, \.webarchive, \.sgml, \.sgm, \.xml\b.* and their \.gz\)/)
    expect(readdirSync(out)).toContain('manifest.json')
  })

  // more --workers than cores is honoured, with one warning line (printed with --quiet, as every warning is); the
  // folder holds no input, so the threads start and stop and nothing else runs
  it.each([
    {workers: availableParallelism() + 1, warned: true},
    {workers: 1, warned: false},
  ])('--workers $workers: warned $warned', async ({workers, warned}) => {
    const empty = tmp()
    const out = join(tmp(), 'out')
    expect(await main(['run', empty, '--out', out, '--quiet', '--workers', String(workers)])).toBe(EXIT.ok)
    const lines = stderr.join('').split('\n').filter((l) => l.includes('--workers'))
    expect(lines).toEqual(warned ? [`lede: warning: ${explainExcessWorkers(workers, availableParallelism())}`] : [])
    expect(createThreadExecutor).toHaveBeenCalledWith(expect.anything(), workers)
  }, 30_000)

  it.each([['--help'], ['run', '--help'], ['eval', '--help'], ['schema', '--help']])('answers %s', async (...argv) => {
    expect(await main(argv)).toBe(EXIT.ok)
    expect(stdout.join('')).toMatch(/Usage: lede/)
  })

  // Node's error named a temporary file ("ENOENT: no such file or directory, open 'x/report.html.partial'")
  it.each([
    ['--json', 'file/report.json', /^lede: cannot write the --json report ".*file\/report\.json": a part of its path is a file$/m, EXIT.fatal],
    ['--html', 'folder', /^lede: cannot write the --html report ".*folder": it is a folder$/m, EXIT.fatal],
    ['--html', 'new/deeper/report.html', null, EXIT.documentsFailed],
  ])('lede eval %s %s', async (flag, target, message, code) => {
    const work = tmp()
    const pred = join(work, 'pred')
    mkdirSync(pred)
    writeFileSync(join(pred, 'articles.jsonl'), '')
    writeFileSync(join(work, 'file'), 'mine')
    mkdirSync(join(work, 'folder'))
    expect(await main(['eval', '--gold', join(root, 'test', 'gold'), '--pred', pred, flag, join(work, target)])).toBe(code)
    if (message) expect(stderr.join('')).toMatch(message)
    else expect(readFileSync(join(work, target), 'utf8')).toMatch(/<html/)
    expect(readdirSync(work).sort()).toEqual(message ? ['file', 'folder', 'pred'] : ['file', 'folder', 'new', 'pred'])
  })

  // view and export printed lede run's exit codes ('every input was processed', 'unknown pipeline, bad --redis URL')
  it.each([
    [['view', '--help'], /0  the site was written/, /--redis|every input/],
    [['export', '--help'], /0  the export was written\n  2 .*none of --duckdb, --parquet, --csv[\s\S]*--force/, /--redis|every input/],
    [['run', '--help'], /0  every input was processed[\s\S]*130  interrupted \(Ctrl-C or SIGTERM\)/, /the export was written/],
    [['worker', '--help'], /0  stopped by Ctrl-C or SIGTERM once the batches in hand were done[\s\S]*3  could not start: Redis unreachable/, /every input|the site was written/],
    [['--help'], /Exit codes of lede run \(each command's --help gives its own\)/, /the site was written/],
    // schema --help listed none
    [['schema', '--help'], /Exit codes:\n  0  every schema file was written[\s\S]*3  --out cannot be made or written/, /every input|the site was written/],
  ])('%j lists the exit codes of that command', async (argv, has, hasNot) => {
    expect(await main(argv)).toBe(EXIT.ok)
    expect(stdout.join('')).toMatch(has)
    expect(stdout.join('')).not.toMatch(hasNot)
  })

  // a user's first question after the options is "what do I type": every command's --help shows it, and every option an
  // example uses is one that command has (an example that no longer runs is worse than none)
  it.each([['run'], ['worker'], ['eval'], ['view'], ['export'], ['schema']])('lede %s --help gives an example that uses only its own options', async (command) => {
    expect(await main([command, '--help'])).toBe(EXIT.ok)
    const help = stdout.join('')
    const examples = help.split('\n').flatMap((line) => [...line.matchAll(new RegExp(`lede ${command}( [^()]*?)(?=\\s{2}|\\(|$)`, 'g'))].map((m) => m[1]!))
    expect(examples.length).toBeGreaterThan(0)
    const options = new Set([...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]))
    for (const example of examples) for (const flag of example.match(/--[\w-]+/g) ?? []) expect(options, `${command}: ${example}`).toContain(flag)
  })

  // the command line names the option as the user typed it, and "cad" is CAD ("defaultDollar must be ... such as USD or CAD")
  it.each([
    [[], 'USD'],
    [['--default-dollar', 'cad'], 'CAD'],
    [['--default-dollar', ' Aud '], 'AUD'],
  ])('--default-dollar %j is run as %s', async (args, code) => {
    const out = join(tmp(), 'out')
    expect(await main(['run', tmp(), '--out', out, '--quiet', '--workers', '0', ...args])).toBe(EXIT.ok)
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.defaultDollar).toBe(code)
  })

  // an SGML DOC's byline block is in its text by default; --no-wire-byline leaves it out and is recorded (manifest, a resume's key)
  it.each([
    [[], true, undefined],
    [['--no-wire-byline'], false, false],
  ])('run %j: byline in the text %s, options.wireBylineInText %s', async (args, inText, recorded) => {
    const dir = tmp()
    writeFileSync(join(dir, 'wire.sgml'), '<DOC>\n<DOCNO> A1 </DOCNO>\n<HEADLINE>\nRain Falls on the City\n</HEADLINE>\n By ANN LEE\n<TEXT>\n   PARIS _ It rained on Monday.\n</TEXT>\n</DOC>\n')
    const out = join(tmp(), 'out')
    expect(await main(['run', dir, '--out', out, '--quiet', '--workers', '0', ...args])).toBe(EXIT.ok)
    expect(JSON.parse(readFileSync(join(out, 'articles.jsonl'), 'utf8')).text.includes('By ANN LEE')).toBe(inText)
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.wireBylineInText).toBe(recorded)
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

  it.each([['18.19.0'], ['20.9.0']])('refuses Node.js %s in one line with exit 3', (version) => {
    // the version a preloaded module reports stands in for an older Node, which this machine does not have
    const older = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`
    const result = spawnSync(process.execPath, ['--import', older, join(root, 'bin/lede.js'), 'run', corpus, '--out', join(tmp(), 'out')], {encoding: 'utf8'})
    expect(result.status).toBe(3)
    expect(result.stderr).toBe(`lede: needs Node.js 20.10 or newer; this is Node.js ${version} (${process.execPath})\n`)
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

describe('count', () => {
  it.each([
    [0, 'error', undefined, '0 errors'],
    [1, 'error', undefined, '1 error'],
    [2, 'error', undefined, '2 errors'],
    [1, 'entity', 'entities', '1 entity'],
    [3, 'entity', 'entities', '3 entities'],
  ])('%i %s', (n, one, many, expected) => {
    expect(count(n, one, many)).toBe(expected)
  })
})

describe('explainExcessWorkers', () => {
  it.each([
    {workers: 99, cores: 2, message: "--workers 99 is more threads than this machine's 2 cores (available parallelism): more threads than cores only adds overhead (each starts, loads the model and competes for the same cores; the output is the same); running 99 as asked"},
    {workers: 2, cores: 1, message: /this machine's 1 core \(available parallelism\).*running 2 as asked$/},
    {workers: 3, cores: 2, message: /^--workers 3 is more threads than this machine's 2 cores/},
    {workers: 2, cores: 2, message: undefined},
    {workers: 1, cores: 2, message: undefined},
    {workers: 0, cores: 1, message: undefined},
    {workers: 5, cores: 4, option: '--concurrency', message: /^--concurrency 5 is more threads than this machine's 4 cores .*running 5 as asked$/},
    {workers: 4, cores: 4, option: '--concurrency', message: undefined},
  ])('$workers workers on $cores cores', ({workers, cores, option, message}: {workers: number; cores: number; option?: string; message: string | RegExp | undefined}) => {
    const got = explainExcessWorkers(workers, cores, option)
    if (message === undefined) expect(got).toBeUndefined()
    else if (typeof message === 'string') expect(got).toBe(message)
    else expect(got).toMatch(message)
  })
})
