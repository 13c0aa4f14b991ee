import {existsSync} from 'node:fs'
import {mkdir, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {Command, CommanderError, InvalidArgumentError, Option} from 'commander'
import {z} from 'zod'
import {checkPipelineFiles, DEFAULT_PIPELINE, OPTIONAL_LAYERS, PIPELINE_DESCRIPTIONS, PipelineOptions} from '../pipelines/catalog.ts'
import {CorpusError} from './io/corpus.ts'
import {whatwgName} from './io/decode.ts'
import {makeFolder, OutputError, OutputPlaceError, readStagedRun, ResumeError} from './io/output.ts'
import {ModelFileError} from './ner/model-file.ts'
import {findRedisUrlProblem, redactRedisUrl} from './run/redis-url.ts'
import type {CheckedRedis} from './run/redis-check.ts'
import {describeProgress} from './run/progress.ts'
import {checkResume, claimOutput, prepareRun, releaseUnused, RunInterrupted, runCorpus, type PreparedRun, type Progress} from './run/batch.ts'
import {createThreadExecutor, type Executor} from './run/executor.ts'
import {RECORD_SCHEMAS} from './schema.ts'
import {PipelineError, type Pipeline} from './stage.ts'
import {VERSION} from './version.ts'
import {INPUT_EXTENSIONS} from './io/formats.ts'
import {trace} from './io/trace.ts'

// the reader's own list, so a format added there is named here too (.webarchive was read but left out of this message)
const READ_EXTENSIONS = INPUT_EXTENSIONS.filter((ext) => !ext.endsWith('.gz')).join(', ')

/** Exit codes, documented in the README and in `lede --help`. */
export const EXIT = {ok: 0, documentsFailed: 1, usage: 2, fatal: 3, interrupted: 130} as const

const EXIT_HELP = `
Exit codes:
  0  every input was processed
  1  some inputs or records failed: they are listed in errors.jsonl, the rest was written
  2  usage error (unknown option, missing argument, unknown pipeline, bad --redis URL, --out overlapping the corpus,
     --resume of a run staged with other options, pipeline or corpus: the message says what differs; --default-dollar
     not an ISO 4217 code, --workers above 256, several corpus paths given, as a shell pattern such as corpus/*.txt does)
  3  the run could not start or finish (corpus folder unreadable, output not writable, output folder in use by another run,
     Redis unreachable or refusing, NER model file missing or not a model, broken pipeline)
  130  interrupted (Ctrl-C or SIGTERM): what was written is staged in the output folder; the same command with --resume continues it`

// lede view and lede export: their own codes (the run's above spoke of inputs, pipelines and Redis, which they never see)
const EXPORT_EXIT_HELP = `
Exit codes:
  0  the export was written
  2  usage error (unknown option, missing <out-dir>, none of --duckdb, --parquet, --csv; --csv-raw without --csv)
  3  not written: <out-dir> is no lede run's output (no articles.jsonl), --duckdb or the Parquet/CSV files exist (use --force),
     --parquet or --csv is a file or --duckdb a folder, a record does not fit its table (a run of another lede version)`

// lede worker runs until stopped: a supervisor (systemd, a container) reads a stop it asked for as 0
const WORKER_EXIT_HELP = `
Exit codes:
  0  stopped by Ctrl-C or SIGTERM once the batches in hand were done (their results are in Redis)
  2  usage error (unknown option, a --redis that is no Redis URL, --concurrency above 256, --lock-duration under 1000)
  3  could not start: Redis unreachable, refusing lede (password) or without the database in the URL, NER model file
     missing or not a model; a Redis lost later is waited for (the worker reconnects), not an exit`

const VIEW_EXIT_HELP = `
Exit codes:
  0  the site was written
  2  usage error (unknown option, missing <out-dir>)
  3  not written: <out-dir> is no lede run's output (no articles.jsonl), or a file of the run cannot be read or the site written`

class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message)
  }
}

/** The summary line's note of the paths a run left (folders end in `/`): ` (2 files and 1 folder skipped, listed in manifest.json)`, or ''. */
export function describeSkipped(skipped: readonly string[]): string {
  if (skipped.length === 0) return ''
  const folders = skipped.filter((p) => p.endsWith('/')).length
  const files = skipped.length - folders
  const parts = [files > 0 ? count(files, 'file') : '', folders > 0 ? count(folders, 'folder') : ''].filter(Boolean)
  return ` (${parts.join(' and ')} skipped, listed in manifest.json)`
}

/** A count with its noun, singular for one ("1 error", "2 errors"): the summary lines are read by people. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

// worker threads a run starts at most: a typo (--workers 800) would otherwise start hundreds of threads, each
// loading the model, and run the machine out of memory instead of saying so
const MAX_WORKERS = 256

/**
 * Explains that `workers` threads (set by `option`) are more than the machine's `cores`, or gives undefined when they are not.
 */
export function explainExcessWorkers(workers: number, cores: number, option = '--workers'): string | undefined {
  // the user's number is honoured (their machine, their choice: a shared or throttled host may be why), but a
  // --workers 99 on 2 cores (or lede worker --concurrency 99) used to start 99 threads without a word
  if (workers <= cores) return undefined
  return `${option} ${workers} is more threads than this machine's ${cores} ${cores === 1 ? 'core' : 'cores'} (available parallelism): more threads than cores only adds overhead (each starts, loads the model and competes for the same cores; the output is the same); running ${workers} as asked`
}

// the shortest --lock-duration a worker accepts
const MIN_LOCK_MS = 1000

// errors of lazily imported commands, matched by name so their modules load only when used
const FATAL_ERRORS = new Set(['ExportError', 'ViewError', 'RedisError'])

function nonNegativeInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of at least 0')
  return n
}

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1')
  return n
}

// a Redis URL lede reads and a queue name BullMQ accepts, or a usage error (exit 2) before anything starts
function checkRedisOptions(url: string, queue: string): void {
  const problem = findRedisUrlProblem(url)
  if (problem) throw new UsageError(`--redis ${problem.replace(url, redactRedisUrl(url))}`)
  if (queue === '' || queue.includes(':')) throw new UsageError(`--queue "${queue}": a queue name must be non-empty and must not contain ":"`)
}

// Redis answers at `url` (exit 3 otherwise); loads ioredis only, not BullMQ. What it found goes to the executor or
// worker, which then do not probe again (and connect with its url: without a password the server does not need,
// said here once as a warning, where ioredis printed an unprefixed "[WARN]" line for each of its connections)
async function checkRedisAt(url: string, warn: (message: string) => void): Promise<CheckedRedis> {
  const {checkRedis} = await import('./run/redis-check.ts')
  const checked = await checkRedis(url)
  if (checked.passwordUnneeded) warn(`Redis at ${redactRedisUrl(url)} has no password set, so the password in the URL is not sent (leave it out, or set one on the server with requirepass)`)
  return checked
}

// a command-line argument as messages show it: a --redis URL's password as *** (stderr often ends up in shared logs)
function redactArgument(arg: string): string {
  return arg.startsWith('--redis=') ? `--redis=${redactRedisUrl(arg.slice('--redis='.length))}` : redactRedisUrl(arg)
}

// an eval report file, written aside and renamed; its folder is made, as export's and run's are. Node's own error named
// the temporary file ("ENOENT: no such file or directory, open 'x/report.html.partial'"), not the option
async function writeReport(flag: string, file: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(resolve(file)), {recursive: true})
    await writeFile(`${file}.partial`, content)
    await rename(`${file}.partial`, file)
  } catch (error) {
    await rm(`${file}.partial`, {force: true}).catch(() => {})
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as NodeJS.ErrnoException).code === 'ENOTDIR' || (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a part of its path is a file' : (error as Error).message
    throw new UsageError(`cannot write the ${flag} report "${file}": ${reason}`, EXIT.fatal)
  }
}

/**
 * Adds to commander's "unknown option" message, when the word is the name of a file or folder here (a corpus folder
 * named `-news`, an archive file `--2019.txt`), how to give it as a path.
 */
export function explainDashName(message: string, exists: (path: string) => boolean = existsSync): string {
  const word = /^lede: unknown option '(-[^']*)'/.exec(message)?.[1]
  if (word === undefined || !exists(word)) return message
  // a folder named with a leading dash read as an option: "unknown option '-news'" sent users looking for an option
  return message.replace(/\n?$/, ` ("${word}" is also a file or folder here: give it as ./${word}, or put it after -- at the end of the command)\n`)
}

/** Builds the `lede` command-line program (exported so tests can drive it without a subprocess). */
export function createProgram(): Command {
  const program = new Command()
  program
    .name('lede')
    .description('News articles in, trustworthy JSONL out: named entities, quotes with their speakers, and money normalised to amount and ISO 4217 currency.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // commander's own mistakes ("error: unknown option '--fast'") carry lede's prefix, as every other message does, so
    // a log that gathers several tools' stderr says whose it is (subcommands inherit this)
    .configureOutput({outputError: (message, write) => write(explainDashName(message.replace(/^error: /, 'lede: ')))})
    .addHelpText('after', EXIT_HELP.replace('Exit codes:', "Exit codes of lede run (each command's --help gives its own):"))

  program
    .command('run')
    .description('run the extraction pipeline over every .txt, .jsonl, .json, .html, .htm, .mhtml, .mht, .webarchive, .sgml, .sgm and .xml file (and .gz of one), and SGML wire files with no extension, under a corpus folder')
    .argument('<corpus-dir>', 'folder of articles, read recursively in sorted order (see Inputs below)')
    .requiredOption(
      '-o, --out <dir>',
      'output folder (created if missing; must not be, contain or overlap the corpus): articles, entities, quotes, money, errors and the entities index (entities-index.jsonl) as JSONL, plus manifest.json. ' +
        'One run at a time (lede.lock); records are staged in lede-staging.incomplete/ and the finished set replaces the previous one only at the end',
    )
    .addOption(new Option('-p, --pipeline <name>', 'which pipeline to run').choices(Object.keys(PIPELINE_DESCRIPTIONS)).default(DEFAULT_PIPELINE))
    .option('--default-dollar <code>', 'ISO 4217 code a bare "$" stands for (e.g. CAD for a Canadian corpus); such figures are marked currencyAssumed', 'USD')
    .option('-w, --workers <n>', `worker threads processing documents (default: this machine's available parallelism, ${availableParallelism()}); 0 processes them in the main thread; the output is byte-identical whatever the number`, nonNegativeInt)
    .option('-c, --concurrency <n>', 'batches of documents in flight at once: 8 documents each on worker threads, 1 with --workers 0, --batch-size with --redis (default: twice the workers, at least 4; 32 with --redis)', positiveInt)
    .option('--redis <url>', 'distributed mode: send the documents in batches to `lede worker` processes through this Redis (e.g. redis://host:6379) and write their results here; the output is the same as a local run')
    .option('--queue <name>', 'with --redis: the queue the workers listen on', 'lede')
    .option('--batch-size <n>', 'with --redis: documents per job (default: 16)', positiveInt)
    .option('--worker-timeout <seconds>', 'with --redis: stop (exit 3, written part staged for --resume) when no `lede worker` has been connected for this long; 0 waits for ever', nonNegativeInt, 600)
    .option('--redis-timeout <seconds>', 'with --redis: stop (exit 3, written part staged for --resume) when Redis has been unreachable for this long, from start-up on', positiveInt, 30)
    .option(
      '--encoding <charset>',
      'the charset of input files that are not UTF-8 (e.g. windows-1251, koi8-r, iso-8859-7, shift_jis, gb18030, big5, euc-kr; any WHATWG Encoding label), read in it instead of detecting one; UTF-8, UTF-16 and UTF-32 files (recognised by their bytes), JSONL files and pages that declare a <meta charset> are read as before',
    )
    .option('--text-field <name>', 'the field (JSON, JSONL) or column (CSV, TSV; any case) that holds the article\'s body when it is not called "text", as exports call it content, body or maintext; a "text" field beside it is kept in meta (docs/input.md)')
    .option('--no-wire-byline', 'leave an SGML wire DOC\'s byline block (a <BYLINE> element, the By and copyright lines between the headline and <TEXT>) out of its text, in meta.byline and meta.extra.front only, as before 2026-12-03 (docs/wire.md)')
    .option('--no-link', 'skip cross-document linking: entity ids then join only identical canonical names, and no entities-index.jsonl is written')
    .option('--layers <list>', 'opt-in layers, comma-separated: tokens (part of speech and lemma of every token, from wink-nlp, written to tokens.jsonl; costs speed, see README) (default: none)', (value: string) => value.split(',').map((l) => l.trim()).filter(Boolean))
    .option('-q, --quiet', 'no progress and no summary line on stderr')
    .option('--resume', 'continue the interrupted run (Ctrl-C, kill, crash) staged in --out; the output is byte-identical to an uninterrupted run')
    .addHelpText(
      'after',
      `
Pipelines:
${Object.entries(PIPELINE_DESCRIPTIONS)
  .map(([name, description]) => `  ${name.padEnd(8)} ${description}`)
  .join('\n')}

Inputs (each also read gzip-compressed, as <name>.gz, exactly like its plain twin):
  .txt          one article; id from the text's SHA-256; a LexisNexis text export (opening with the line
                "1 of M DOCUMENTS") is one article per document, source <path>:<line> of its marker
  .jsonl        one article a line: {id?, title?, text | html, url?, date?, byline?, ...}; id may be a
                string or a number, any field may be null; other fields are kept in the article's meta;
                lede reads its own articles.jsonl back with the same ids and texts
  .json         an array of such articles, each element one article (streamed: memory of one element),
                or an object alone, or objects one per line, or an API answer holding one array of
                them ({"status": ..., "articles": [...]}); source <file>:[3], each bad element an error line
  .html, .htm   a saved web page: the main body (Readability), paragraphs from the page's blocks,
                title, byline, date (article:published_time, JSON-LD) and url (rel=canonical);
                a page with no article body is an ingest:no-article error line; .mhtml, .mht and
                Safari's .webarchive (a page saved as one file) are read as the page they hold
  .sgml, .sgm   an SGML wire file (LDC TDT, AQUAINT, Gigaword style): each <DOC> is one article, source
                <path>:<line>, id its DOCNO; HEADLINE -> title, TEXT/<P> -> text, DATE_TIME -> date,
                DATELINE kept; a file with no extension, or a .txt, that starts with <DOC> is read the same;
                a DOC without TEXT, cut off, or repeating a DOCNO is an ingest:sgml-* error line
  .xml          a NITF article (NYT Annotated Corpus style), a Reuters RCV1 <newsitem> or an IPTC
                NewsML-G2 <newsItem> (a <newsMessage>: one article per item, source <path>:<line>); id
                from doc-id, itemid or guid; hedline/headline -> title, <p> -> text, byline and dateline
                kept as for SGML; other XML (an RSS feed, a sitemap) is skipped with its root named;
                malformed XML or an item with no text is an ingest:xml-* error line
Charsets: UTF-8 and UTF-16 are read as such; a file that is not UTF-8 has its charset detected (chardet):
  Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese and Korean charsets detected with confidence are read
  in it (warning ingest:charset-detected); otherwise it is read as Windows-1252 as before, with a warning
  ingest:charset-guess when another charset is likely; --encoding names the charset instead.
Unreadable inputs (not text, corrupt .gz, bad JSON) become error lines in errors.jsonl; the run goes on.

Offsets (start, end) in every record are half-open Unicode code-point offsets into the article's text,
so Python's text[start:end] equals the record's text.

Examples:
  lede run corpus --out output                          the bundled articles (what npm start runs)
  lede run archive --out out --default-dollar CAD -w 2  a Canadian corpus on two worker threads
  lede run archive --out out --resume                   continue a run stopped by Ctrl-C, kill or a crash
  lede run archive --out out --redis redis://host:6379  distributed: start lede worker --redis redis://host:6379 elsewhere
${EXIT_HELP}`,
    )
    // more than one corpus is said below in words a shell pattern's user understands, not commander's 'too many arguments'
    .allowExcessArguments(true)
    .action(async (corpusDir: string, opts: {out: string; pipeline: string; defaultDollar: string; workers?: number; concurrency?: number; redis?: string; queue: string; batchSize?: number; workerTimeout: number; redisTimeout: number; link: boolean; layers?: string[]; quiet?: boolean; resume?: boolean; encoding?: string; wireByline: boolean; textField?: string}, command: Command) => {
      trace('run-action')
      if (command.args.length > 1) {
        const shown = command.args.slice(0, 3).map((a) => `"${a}"`).join(', ')
        throw new UsageError(`lede run takes one corpus folder, and ${command.args.length} were given (${shown}${command.args.length > 3 ? ', ...' : ''}): a shell pattern such as *.txt gives each file apart; give the folder that holds them (lede reads every input under it, recursively)`)
      }
      if (opts.redis !== undefined && opts.workers !== undefined) {
        throw new UsageError('--workers sets local worker threads; with --redis the workers are `lede worker` processes (set their threads with lede worker --concurrency)')
      }
      if (opts.workers !== undefined && opts.workers > MAX_WORKERS) {
        throw new UsageError(`--workers ${opts.workers} is more than lede starts (${MAX_WORKERS}); this machine has ${availableParallelism()} cores, and each worker thread holds its own copy of the model (~150 MB)`)
      }
      if (opts.redis === undefined && opts.batchSize !== undefined) throw new UsageError('--batch-size applies only with --redis')
      if (PIPELINE_DESCRIPTIONS[opts.pipeline] === undefined) throw new UsageError(`unknown pipeline "${opts.pipeline}"; choose one of: ${Object.keys(PIPELINE_DESCRIPTIONS).join(', ')}`)
      const layers = opts.layers ?? []
      const unknown = layers.filter((l) => !(OPTIONAL_LAYERS as readonly string[]).includes(l))
      if (unknown.length > 0) throw new UsageError(`unknown layer "${unknown[0]}" in --layers; choose from: ${OPTIONAL_LAYERS.join(', ')}`)
      // upper-cased: "--default-dollar cad" was refused as no ISO 4217 code, in a message naming the option "defaultDollar"
      const options = {defaultDollar: opts.defaultDollar.trim().toUpperCase(), link: opts.link, ...(layers.length > 0 ? {layers: layers as Array<(typeof OPTIONAL_LAYERS)[number]>} : {})}
      // said in the command line's words: the schema's messages name its field ("defaultDollar"), twice for "dollars"
      if (!PipelineOptions.shape.defaultDollar.safeParse(options.defaultDollar).success) throw new UsageError(`--default-dollar "${opts.defaultDollar}" is not an ISO 4217 currency code (such as USD, CAD, AUD, EUR)`)
      // everything a user can get wrong is checked before any thread starts (a thread costs ~0.4 s to start and
      // to stop): the options against the pipelines' schema, then the folders, and the output folder is claimed
      const checked = PipelineOptions.safeParse(options)
      if (!checked.success) throw new UsageError(checked.error.issues.map((i) => i.message).join('; '))
      // --encoding is a reading option, not the pipeline's: recorded beside its options (manifest, a resume's key)
      // UTF-32 is no WHATWG label, so "--encoding utf-32" read as an unknown charset, though lede reads UTF-32 by itself
      if (opts.encoding !== undefined && /^(?:utf-?32|ucs-?4)(?:-?[lb]e)?$/i.test(opts.encoding.trim()))
        throw new UsageError(`--encoding "${opts.encoding}": UTF-32 needs no --encoding: lede recognises UTF-32 files (LE or BE, with or without a byte-order mark) by their bytes, as it does UTF-16 (warning ingest:utf32); --encoding names the charset of files that are neither UTF-8, UTF-16 nor UTF-32`)
      const encoding = opts.encoding === undefined ? undefined : whatwgName(opts.encoding)
      if (encoding === null || encoding === 'replacement') throw new UsageError(`unknown charset "${opts.encoding}" in --encoding: give a WHATWG Encoding label such as windows-1251, koi8-r, iso-8859-7, windows-1256, shift_jis, gb18030, big5 or euc-kr`)
      // --no-wire-byline is a reading option too, recorded only when given so a default run's manifest is as before
      // --text-field too: a resume with another text field would mix two readings of the corpus
      const textField = opts.textField?.trim()
      if (textField === '') throw new UsageError('--text-field "": give the name of the field or column that holds the article\'s body, such as content')
      const recorded = {...options, ...(encoding !== undefined ? {encoding} : {}), ...(opts.wireByline === false ? {wireBylineInText: false} : {}), ...(textField !== undefined ? {textField} : {})}
      const warn = (message: string) => process.stderr.write(`lede: warning: ${message}\n`)
      if (opts.redis !== undefined) checkRedisOptions(opts.redis, opts.queue)
      trace('options-checked')
      await checkPipelineFiles(opts.pipeline)
      trace('model-checked')
      // then the folders (read only), then Redis answers (the run's queue), and only then is the output folder made and locked
      let redisChecked: CheckedRedis | undefined
      const claimed = await claimOutput(corpusDir, opts.out, warn, opts.redis !== undefined ? async () => void (redisChecked = await checkRedisAt(opts.redis!, warn)) : undefined)
      trace('output-claimed')
      const spec = {name: opts.pipeline, options}
      const workers = opts.workers ?? availableParallelism()
      // a warning, so printed with --quiet too (--quiet drops progress and the summary only), once the run is sure to start
      const excess = opts.workers === undefined ? undefined : explainExcessWorkers(opts.workers, availableParallelism())
      if (excess !== undefined) warn(excess)
      let threads: Executor | undefined
      let handedOver = false
      try {
        let pipeline: Pipeline | undefined
        // documents processed elsewhere (worker threads, Redis workers): this thread needs the stages' names and layers
        // and the corpus stages only, not the document stages' code (~0.15-0.2 s of CPU it would take from the workers)
        const elsewhere = opts.redis !== undefined || workers > 0
        const buildPipeline = async (): Promise<Pipeline> => {
          if (pipeline) return pipeline
          try {
            if (elsewhere) {
              const {outlinePipeline} = await import('../pipelines/outline.ts')
              pipeline = outlinePipeline(opts.pipeline, options)
            } else {
              const {PIPELINES} = await import('../pipelines/index.ts')
              pipeline = PIPELINES[opts.pipeline]!.build(options)
            }
          } catch (error) {
            if (error instanceof z.ZodError) throw new UsageError(error.issues.map((i) => i.message).join('; '))
            throw error
          }
          return pipeline
        }
        // a --resume of a staged run is checked against it before any thread starts: another corpus, pipeline or
        // option is refused with what differs, and the staged files stay as they are. That needs the corpus listed and
        // the pipeline's stages, which the run then reuses.
        let prepared: PreparedRun | undefined
        if (opts.resume === true && (await readStagedRun(opts.out)) !== 'none') {
          prepared = await prepareRun({corpusDir, outDir: opts.out, pipeline: await buildPipeline(), options: recorded})
          await checkResume(opts.out, prepared)
        }
        // the worker threads start before this thread builds its outline of the pipeline (the corpus stages' code and the
        // stages' names), and load and build the document stages themselves. A pipeline that does not build here stops
        // the run before any document is sent, and the threads are closed.
        threads = opts.redis === undefined && workers > 0 ? createThreadExecutor(spec, workers) : undefined
        trace('threads-created')
        const built = await buildPipeline()
        trace('pipeline-built')
        const showProgress = !opts.quiet && process.stderr.isTTY === true
        let distributed = {}
        if (opts.redis !== undefined) {
          const {createRedisExecutor} = await import('./run/redis.ts')
          const notice = (message: string) => {
            if (!opts.quiet) process.stderr.write(`${showProgress ? '\r\x1b[K' : ''}lede: ${message}\n`)
          }
          const executor = await createRedisExecutor({
            url: redisChecked?.url ?? opts.redis,
            ...(redisChecked ? {checked: redisChecked} : {}),
            spec,
            queue: opts.queue,
            onNotice: notice,
            workerTimeoutMs: opts.workerTimeout * 1000,
            redisTimeoutMs: opts.redisTimeout * 1000,
            // tests shorten the liveness key's life to see a killed run's batches skipped within a second
            ...(process.env.LEDE_REDIS_ALIVE_MS ? {aliveMs: Number(process.env.LEDE_REDIS_ALIVE_MS)} : {}),
          })
          // many documents per job: one Redis round trip per batch, not per document
          distributed = {executor, batchSize: opts.batchSize ?? 16, concurrency: opts.concurrency ?? 32}
        }
        // Ctrl-C (or a polite kill) stops after the documents in flight, keeping what was written for --resume; a second one ends at once
        const stop = new AbortController()
        const onSignal = (signal: NodeJS.Signals) => {
          if (stop.signal.aborted) process.exit(EXIT.interrupted)
          if (showProgress) process.stderr.write('\r\x1b[K')
          process.stderr.write(`lede: ${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping after the documents in flight (press Ctrl-C again to quit at once)\n`)
          stop.abort()
        }
        process.on('SIGINT', onSignal)
        process.on('SIGTERM', onSignal)
        let result
        try {
          // the run closes the executor it is given
          handedOver = true
          result = await runCorpus({
            corpusDir,
            outDir: opts.out,
            pipeline: built,
            options: recorded,
            ...(encoding !== undefined ? {encoding} : {}),
            ...(opts.wireByline === false ? {wireBylineInText: false} : {}),
            ...(textField !== undefined ? {textField} : {}),
            ...(prepared ? {prepared} : {}),
            spec,
            workers,
            ...(threads ? {executor: threads} : {}),
            lock: claimed,
            ...(opts.concurrency !== undefined ? {concurrency: opts.concurrency} : {}),
            ...distributed,
            resume: opts.resume === true,
            // tests make checkpoints frequent to interrupt small corpora at many points
            ...(process.env.LEDE_CHECKPOINT_MS ? {checkpointMs: Number(process.env.LEDE_CHECKPOINT_MS)} : {}),
            signal: stop.signal,
            onWarning: warn,
            // a terminal gets a line redrawn; a log (a nightly job, nohup, a service) one line a minute, so that a long
            // unattended run shows it is alive and when it will end
            ...(showProgress
              ? {onProgress: throttle(drawProgress, 100)}
              : !opts.quiet
                ? {onProgress: throttle((p: Progress) => process.stderr.write(`lede: progress: ${describeProgress(p)}\n`), Number(process.env.LEDE_PROGRESS_MS ?? 60_000), true)}
                : {}),
          })
        } catch (error) {
          if (error instanceof RunInterrupted) {
            if (showProgress) process.stderr.write('\r\x1b[K')
            const again = [...currentArgv.filter((a) => a !== '--resume'), '--resume']
            throw new UsageError(
              `interrupted: the records of ${error.written} inputs (${error.documents} documents) are written to "${error.staging}"; ` +
                `the previous output in "${opts.out}" is untouched. To continue: lede ${again.map((a) => shellQuote(redactArgument(a))).join(' ')}`,
              EXIT.interrupted,
            )
          }
          throw error
        } finally {
          process.off('SIGINT', onSignal)
          process.off('SIGTERM', onSignal)
        }
        if (showProgress) process.stderr.write('\r\x1b[K')
        const m = result.manifest
        // a mistyped or wrong folder (one of PDFs, an empty mount) is no error, but it must not pass unnoticed
        if (m.inputs.files === 0) {
          const skipped = m.inputs.skipped.length
          warn(`no input files under "${corpusDir}"${skipped > 0 ? ` (${skipped} files of other kinds skipped, listed in manifest.json)` : ''}: nothing was processed (lede reads ${READ_EXTENSIONS} and their .gz)`)
        }
        if (!opts.quiet) {
          const seconds = (m.timings.totalMs / 1000).toFixed(2)
          // rejected inputs (not text, a bad JSONL line) are named apart, as on the progress line, so the counts add up to the inputs
          process.stderr.write(
            `lede: ${count(m.inputs.documents, 'document')}${m.inputs.rejected > 0 ? ` and ${m.inputs.rejected} rejected` : ''} from ${count(m.inputs.files, 'file')} in ${seconds} s (${describeRate(m.timings.megabytesPerSecond, m.inputs.documents)} MB/s): ` +
              `${count(m.outputs.entities, 'entity', 'entities')}, ${count(m.outputs.quotes, 'quote')}, ${m.outputs.money} money; ` +
              `${count(m.errors, 'error')}${m.errors > 0 ? ` (see ${join(opts.out, 'errors.jsonl')})` : ''} -> ${opts.out}` +
              // files of other kinds (a folder of CSV exports before lede read them gave 0 documents and said nothing of why)
              `${m.inputs.files > 0 ? describeSkipped(m.inputs.skippedFiles) : ''}\n`,
          )
        }
        process.exitCode = result.exitCode
      } finally {
        // the run closes the executor and releases the lock it is given
        if (!handedOver) {
          await threads?.close()
          // the lock goes, and the folders this run made for --out when still empty
          await releaseUnused(claimed)
        }
      }
    })

  program
    .command('worker')
    .description('distributed mode: process batches that `lede run --redis` puts in a Redis queue, until stopped (Ctrl-C or SIGTERM finishes the batches in hand)')
    .requiredOption('--redis <url>', 'the Redis the runs use, e.g. redis://host:6379')
    .option('-c, --concurrency <n>', 'batches processed at once, each on its own thread (default: available parallelism)', positiveInt)
    .option('--queue <name>', 'the queue to take batches from', 'lede')
    .option('--lock-duration <ms>', 'how long this worker may go silent (killed, cut off) before its batches are handed to another worker', positiveInt, 30_000)
    .option('-q, --quiet', 'no log lines on stderr')
    .addHelpText(
      'after',
      `
Example: lede worker --redis redis://host:6379 --concurrency 2   (then lede run <corpus> --out <dir> --redis redis://host:6379)
${WORKER_EXIT_HELP}`,
    )
    .action(async (opts: {redis: string; concurrency?: number; queue: string; lockDuration: number; quiet?: boolean}) => {
      // the same checks as a run's, before BullMQ loads and before any thread starts
      if (opts.concurrency !== undefined && opts.concurrency > MAX_WORKERS) {
        throw new UsageError(`--concurrency ${opts.concurrency} is more threads than lede starts (${MAX_WORKERS}); this machine has ${availableParallelism()} cores, and each thread holds its own copy of the model (~150 MB)`)
      }
      // BullMQ renews a batch's lock every half of it: much shorter and a busy worker's batches would be taken from it as if it had died
      if (opts.lockDuration < MIN_LOCK_MS) throw new UsageError(`--lock-duration ${opts.lockDuration} ms is too short: at least ${MIN_LOCK_MS} ms (default 30000), or batches of a live worker are handed to others`)
      checkRedisOptions(opts.redis, opts.queue)
      await checkPipelineFiles(DEFAULT_PIPELINE)
      const checked = await checkRedisAt(opts.redis, (message) => process.stderr.write(`lede worker: warning: ${message}\n`))
      const {startRedisWorker} = await import('./run/redis.ts')
      const log = (line: string) => {
        if (!opts.quiet) process.stderr.write(`lede worker: ${line}\n`)
      }
      const concurrency = opts.concurrency ?? availableParallelism()
      // a warning, as lede run's for --workers: printed with --quiet too (it drops log lines only), once Redis answered
      const excess = opts.concurrency === undefined ? undefined : explainExcessWorkers(opts.concurrency, availableParallelism(), '--concurrency')
      if (excess !== undefined) process.stderr.write(`lede worker: warning: ${excess}\n`)
      const worker = await startRedisWorker({url: checked.url, checked, concurrency, queue: opts.queue, lockDuration: opts.lockDuration, log})
      log(`connected to ${redactRedisUrl(opts.redis)}, queue "${opts.queue}", ${concurrency} threads; waiting for batches`)
      const stop = () => {
        log('stopping after the batches in hand')
        void worker.close()
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      await worker.closed
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      log('stopped')
      // its batches are done; BullMQ's clients, ended without Redis's answer, may still hold retry timers (bullmq #4656)
      if (worker.endedWithoutRedis) process.exit(0)
    })

  program
    .command('eval')
    .description('score a run\'s output against hand-written gold files: precision, recall and F1 per layer and label, speaker accuracy, money value accuracy')
    .requiredOption('-g, --gold <dir>', 'folder of gold files (*.json, any letter case, in it or its subfolders; see docs/gold.md)')
    .requiredOption('-p, --pred <dir>', 'output folder of a `lede run`')
    .option('-j, --json <file>', 'also write the full report as JSON to this file')
    .option('--html <file>', 'also write the report as a web page: scores per layer and label, and each article\'s gold and predicted records side by side with misses, spurious records and wrong speakers marked')
    .addHelpText(
      'after',
      `
Example: lede eval --gold test/gold --pred output --html report.html

Gold pairing: each gold file names its article by "source", the input path relative to the corpus folder
(2019/jan/story.txt; a record of a JSONL input is "feed.jsonl:3"). A gold file in a subfolder whose "source" is a
bare file name stands for that subfolder's file (gold 2019/jan/story.txt.json, "source": "story.txt" is
2019/jan/story.txt). Failing an exact match, the one article sharing the most trailing path parts is taken;
a gold file matching two articles equally (story.txt in 2019/jan and 2020/jan) is an error naming both, not scored.

Exit codes:
  0  every gold file was scored
  1  scored, with problems listed in the report (a gold article missing from the run or matching two, a malformed record)
  2  usage error (unknown option, --gold or --pred missing or not a folder, a --gold folder with no .json gold file)
  3  a gold file is not valid (each problem listed), --pred holds no articles.jsonl (or only an interrupted run), a layer file
     missing or empty in --pred where its manifest.json says the run wrote records (nothing scored), --json/--html cannot be written`,
    )
    .action(async (opts: {gold: string; pred: string; json?: string; html?: string}) => {
      for (const [flag, dir] of [['--gold', opts.gold], ['--pred', opts.pred]] as const) {
        const info = await stat(dir).catch(() => null)
        if (!info?.isDirectory()) throw new UsageError(`${flag} "${dir}" ${info ? 'is not a folder' : 'does not exist'}`)
      }
      // a folder without one gold file (the corpus or a run given by mistake) would score nothing and pass
      const {listGoldFiles} = await import('./eval/gold.ts')
      const goldFiles = await listGoldFiles(opts.gold).catch(() => [] as string[])
      if (goldFiles.length === 0) throw new UsageError(`--gold "${opts.gold}" holds no gold files (<article file name>.json, see docs/gold.md)`)
      const {evaluate, formatReport} = await import('./eval/evaluate.ts')
      const report = await evaluate({goldDir: opts.gold, predDir: opts.pred})
      process.stdout.write(`${formatReport(report)}\n`)
      if (opts.json) await writeReport('--json', opts.json, `${JSON.stringify(report, null, 2)}\n`)
      if (opts.html) {
        const [{readGold}, {readPredictions}, {diffDocuments}, {renderEvalPage}] = await Promise.all([
          import('./eval/gold.ts'),
          import('./eval/evaluate.ts'),
          import('./eval/diff.ts'),
          import('./view/eval-page.ts'),
        ])
        const diffs = diffDocuments(await readGold(opts.gold), await readPredictions(opts.pred))
        await writeReport('--html', opts.html, renderEvalPage(report, diffs))
      }
      // a gold article missing from the run, or a malformed record, means the scores are incomplete
      if (report.errors.length > 0) {
        process.stderr.write(`lede eval: ${count(report.errors.length, 'problem')} (listed in the report)\n`)
        process.exitCode = EXIT.documentsFailed
      }
    })

  program
    .command('view')
    .description('write a static review site of a run into <out-dir>/view/: an index of the corpus and one page per article with entities, quotes and money highlighted')
    .argument('<out-dir>', 'output folder of a `lede run`')
    .addHelpText(
      'after',
      `
The site opens from disk in any browser (no server, no network): open <out-dir>/view/index.html.
index.html    every article (searchable, paginated), top speakers and entities with aliases, money by
              currency, errors and warnings, charts
articles/     one page per article: entities by label, quotes with speaker and cue, money with its
              normalised value, the boilerplate clean removed (folded)
entities.html every entity across the corpus, with aliases, roles and the articles mentioning it

Example: lede view output   (then open output/view/index.html)
${VIEW_EXIT_HELP}`,
    )
    .action(async (outDir: string) => {
      const {buildView} = await import('./view/build.ts')
      const result = await buildView(outDir)
      process.stderr.write(`lede: review site of ${count(result.articles, 'article')} and ${count(result.entities, 'entity', 'entities')} -> ${join(result.dir, 'index.html')}\n`)
    })

  program
    .command('export')
    .description('load every record of a run into DuckDB tables (articles, entities, quotes, money, entities_index, errors) and/or Parquet or CSV files')
    .argument('<out-dir>', 'output folder of a `lede run`')
    .option('--duckdb <file>', 'DuckDB database file to create, with typed tables and views (quote_speakers, quotes_per_speaker, entity_mentions, money_by_currency)')
    .option('--parquet <dir>', 'folder to write one Parquet file per table into (created if missing)')
    .option('--csv <dir>', 'folder to write one CSV file per table into (created if missing; UTF-8 with a header row; a nested field, such as a quote\'s speaker, as JSON text; a text cell starting with = + - @, tab or CR gets an apostrophe in front, so a spreadsheet shows it instead of running it)')
    .option('--csv-raw', 'write CSV text cells exactly as in the JSONL, formula-like cells included (for pandas, R or DuckDB, not a spreadsheet)')
    .option('-f, --force', 'replace the --duckdb file, and the Parquet and CSV files of the same names in --parquet and --csv, if they exist')
    .addHelpText(
      'after',
      `
Columns are typed from the same zod schemas that validate the JSONL records (lede schema); a quote's
speaker is a STRUCT, so  SELECT speaker.name, count(*) FROM quotes GROUP BY 1  works as written.
Offsets stay Unicode code points: substring(text, start + 1, "end" - start) is the record's text.
In --csv files, a cell that starts with apostrophes and then = + - @, tab or CR had one apostrophe added (drop it to
get the JSONL's text back; --csv-raw writes none): offsets into an article whose text was escaped are one off there.

Examples:
  lede export output --duckdb lede.duckdb --parquet parquet/
  lede export output --csv csv/ --force
${EXPORT_EXIT_HELP}`,
    )
    .action(async (outDir: string, opts: {duckdb?: string; parquet?: string; csv?: string; csvRaw?: boolean; force?: boolean}) => {
      if (opts.csvRaw && !opts.csv) throw new UsageError('--csv-raw changes the CSV files: give --csv <dir> too')
      if (!opts.duckdb && !opts.parquet && !opts.csv) throw new UsageError('nothing to export to: give --duckdb <file>, --parquet <dir> and/or --csv <dir>')
      const {exportRun} = await import('./export/export.ts')
      const counts = await exportRun({outDir, ...opts, onWarning: (message) => process.stderr.write(`lede: warning: ${message}\n`)})
      const targets = [opts.duckdb, opts.parquet, opts.csv].filter(Boolean).join(' and ')
      process.stderr.write(`lede: exported ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')} -> ${targets}\n`)
    })

  program
    .command('schema')
    .description('write the JSON Schema of every record type (article, entity, quote, money, entity-index, error, token, manifest, input-article)')
    .requiredOption('-o, --out <dir>', 'folder to write <record>.schema.json files into')
    .addHelpText(
      'after',
      `
Example: lede schema --out schemas

Exit codes:
  0  every schema file was written (their paths on stdout)
  2  usage error (unknown option, --out missing)
  3  --out cannot be made or written (a file, a read-only or full disk)`,
    )
    .action(async (opts: {out: string}) => {
      await makeFolder(opts.out)
      const written: string[] = []
      for (const [name, schema] of Object.entries(RECORD_SCHEMAS)) {
        const file = join(opts.out, `${name}.schema.json`)
        const json = {$id: `lede/${name}.schema.json`, ...z.toJSONSchema(schema, {io: 'output', unrepresentable: 'any'})}
        await writeFile(file, `${JSON.stringify(json, null, 2)}\n`)
        written.push(file)
      }
      process.stdout.write(`${written.join('\n')}\n`)
    })

  return program
}

/** The summary's MB/s: the manifest's rate, rounded to 2 decimals, read "0" for a run that did process documents (a few small articles), as if nothing had been read. */
export function describeRate(megabytesPerSecond: number, documents: number): string {
  return megabytesPerSecond === 0 && documents > 0 ? '<0.01' : String(megabytesPerSecond)
}

function drawProgress(p: Progress): void {
  process.stderr.write(`\r\x1b[K  ${describeProgress(p)}`)
}

// at most one call per `ms`; `waitFirst`: the first call only `ms` after the start (a log line per minute, not at once)
function throttle<T>(fn: (arg: T) => void, ms: number, waitFirst = false): (arg: T) => void {
  let last = waitFirst ? performance.now() : 0
  return (arg) => {
    const now = performance.now()
    if (now - last >= ms) {
      last = now
      fn(arg)
    }
  }
}

// the arguments of the running command, to tell the user how to resume it
let currentArgv: string[] = []

/** Runs the CLI with the given arguments and returns the exit code instead of exiting. */
export async function main(argv: string[]): Promise<number> {
  currentArgv = argv
  const program = createProgram()
  program.exitOverride()
  for (const command of program.commands) command.exitOverride()
  process.exitCode = 0
  try {
    await program.parseAsync(argv, {from: 'user'})
    return Number(process.exitCode ?? 0)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (error instanceof UsageError) {
      process.stderr.write(`lede: ${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof OutputPlaceError || error instanceof ResumeError) {
      process.stderr.write(`lede: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof CorpusError || error instanceof OutputError || error instanceof PipelineError || error instanceof ModelFileError || (error instanceof Error && FATAL_ERRORS.has(error.name))) {
      process.stderr.write(`lede: ${error.message}\n`)
      return EXIT.fatal
    }
    // a message, never a stack trace (LEDE_DEBUG=1 shows it, for a bug report)
    const detail = error instanceof Error ? (process.env.LEDE_DEBUG ? (error.stack ?? error.message) : error.message) : String(error)
    process.stderr.write(`lede: ${detail}\n`)
    return EXIT.fatal
  }
}
