import {constants} from 'node:fs'
import {access, mkdir, readFile, rename, rm, stat} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api'
import type {z} from 'zod'
import {ENTITY_INDEX_FILE, explainNoFinishedRun, MANIFEST_FILE, OPTIONAL_FILES, OUTPUT_FILES} from '../io/output.ts'
import {Manifest, RECORD_SCHEMAS} from '../schema.ts'
import {columnsOf, quoteIdent, type Column} from './columns.ts'

/** The tables an export holds: each is one JSONL file of a run, typed by its record schema. */
export const EXPORT_TABLES: ReadonlyArray<{table: string; file: string; schema: z.ZodType}> = [
  {table: 'articles', file: OUTPUT_FILES.articles, schema: RECORD_SCHEMAS.article},
  {table: 'entities', file: OUTPUT_FILES.entities, schema: RECORD_SCHEMAS.entity},
  {table: 'quotes', file: OUTPUT_FILES.quotes, schema: RECORD_SCHEMAS.quote},
  {table: 'money', file: OUTPUT_FILES.money, schema: RECORD_SCHEMAS.money},
  {table: 'entities_index', file: ENTITY_INDEX_FILE, schema: RECORD_SCHEMAS['entity-index']},
  {table: 'errors', file: OUTPUT_FILES.errors, schema: RECORD_SCHEMAS.error},
]

/** Views created next to the tables: the joins an analyst writes first. */
export const EXPORT_VIEWS: Record<string, string> = {
  // one row per quote, with the corpus-wide entry of its resolved speaker (null when unresolved)
  quote_speakers: `SELECT q.docId, q.id, q.text, q.kind, q.cue, q.speaker.mention AS speaker_mention,
      q.speaker.name AS speaker_name, q.speaker.entityId AS speaker_entity_id,
      i.canonical AS speaker_canonical, i.label AS speaker_label, i.roles AS speaker_roles, a.title, a.source
    FROM quotes q LEFT JOIN entities_index i ON i.entityId = q.speaker.entityId LEFT JOIN articles a ON a.id = q.docId`,
  quotes_per_speaker: `SELECT q.speaker.entityId AS entity_id, any_value(i.canonical) AS canonical, any_value(i.label) AS label,
      count(*) AS quotes, count(DISTINCT q.docId) AS articles
    FROM quotes q LEFT JOIN entities_index i ON i.entityId = q.speaker.entityId
    WHERE q.speaker.entityId IS NOT NULL GROUP BY q.speaker.entityId`,
  entity_mentions: `SELECT e.*, i.canonical AS index_canonical, i.aliases, i.mentions AS corpus_mentions, i.documents AS corpus_documents
    FROM entities e LEFT JOIN entities_index i ON i.entityId = e.entityId`,
  money_by_currency: `SELECT currency, count(*) AS figures, sum(amount) AS total, min(amount) AS smallest, max(amount) AS largest,
      count(DISTINCT docId) AS articles FROM money WHERE equivalentOf IS NULL GROUP BY currency`,
}

/** Raised when an export cannot be made: missing run folder, existing target, unreadable records. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

/** What to export where. */
export interface ExportOptions {
  /** output folder of a `lede run` */
  outDir: string
  /** DuckDB database file to create */
  duckdb?: string
  /** folder to write one Parquet file per table into */
  parquet?: string
  /** folder to write one CSV file per table into (nested fields as JSON text) */
  csv?: string
  /** write CSV text cells exactly as in the JSONL, formula-like ones included (default: escaped, see `CSV_FORMULA_START`) */
  csvRaw?: boolean
  /** replace an existing database file */
  force?: boolean
  /** told when a file holds another number of records than manifest.json says the run wrote */
  onWarning?: (message: string) => void
}

/** Rows written per table. */
export type ExportCounts = Record<string, number>

/** Loads every record of a run into DuckDB tables (typed from the zod schemas) and views, then writes a database file and/or Parquet files. */
export async function exportRun(options: ExportOptions): Promise<ExportCounts> {
  if (!options.duckdb && !options.parquet && !options.csv) throw new ExportError('nothing to do: give --duckdb <file>, --parquet <dir> and/or --csv <dir>')
  if (!(await exists(join(options.outDir, OUTPUT_FILES.articles))))
    throw new ExportError(await explainNoFinishedRun(options.outDir))
  // a run folder copied without quotes.jsonl exported 0 quotes, and said nothing: the manifest says what the run wrote
  const expected = await expectedRows(options.outDir)
  for (const {table, file} of EXPORT_TABLES) {
    const rows = expected.get(table) ?? 0
    if (rows > 0 && ((await stat(join(options.outDir, file)).catch(() => null))?.size ?? 0) === 0) {
      throw new ExportError(`"${join(options.outDir, file)}" is missing or empty, but manifest.json says the run wrote ${rows} records into it: copy the whole output folder (nothing was exported)`)
    }
  }
  // checked before anything is written; mkdir and DuckDB said only "EEXIST: file already exists, mkdir 'x'" and
  // 'IO Error: Cannot open file "x.duckdb.partial"', naming neither the option nor a temporary file the user never gave
  for (const [flag, dir, kind] of [['--parquet', options.parquet, 'Parquet'], ['--csv', options.csv, 'CSV']] as const) {
    if (dir && (await stat(dir).catch(() => null))?.isDirectory() === false) throw new ExportError(`${flag} "${dir}" is a file, not a folder: give a folder to write the ${kind} files into`)
  }
  if (options.duckdb) {
    const folder = dirname(resolve(options.duckdb))
    const info = await stat(folder).catch(() => null)
    if (info && !info.isDirectory()) throw new ExportError(`--duckdb "${options.duckdb}": "${folder}" is a file, not a folder`)
    if ((await stat(resolve(options.duckdb)).catch(() => null))?.isDirectory()) throw new ExportError(`--duckdb "${options.duckdb}" is a folder: give the database file to create`)
  }
  // Parquet and CSV files of the names this export writes are replaced only with --force, as the database file is
  for (const [dir, ext] of [[options.parquet, 'parquet'], [options.csv, 'csv']] as const) {
    if (!dir || options.force) continue
    const names = [...EXPORT_TABLES.map((t) => t.table), 'tokens'].map((table) => `${table}.${ext}`)
    const taken: string[] = []
    for (const name of names) if (await exists(join(dir, name))) taken.push(name)
    if (taken.length > 0) throw new ExportError(`"${dir}" already holds ${taken.map((n) => `"${n}"`).join(', ')}; pass --force to replace ${taken.length === 1 ? 'it' : 'them'}`)
  }
  // a folder that cannot take files (a read-only mount, no permission) is said before the records load, naming the
  // option: mkdir said "ENOENT: no such file or directory, mkdir 'x/csv'" on a read-only file system, and DuckDB
  // 'IO Error: Cannot open file "x.duckdb.partial": Read-only file system' after loading every record
  for (const [flag, given, dir] of [['--duckdb', options.duckdb, options.duckdb ? dirname(resolve(options.duckdb)) : undefined], ['--parquet', options.parquet, options.parquet], ['--csv', options.csv, options.csv]] as const) {
    const why = dir ? await findUnwritable(dir) : null
    if (why) throw new ExportError(`${flag} "${given}": ${why}; nothing was exported`)
  }
  let target: string | undefined
  let partial: string | undefined
  if (options.duckdb) {
    target = resolve(options.duckdb)
    if ((await exists(target)) && !options.force) throw new ExportError(`"${options.duckdb}" exists; pass --force to replace it`)
    // its folder is made as --parquet's is (and lede run's --out)
    await mkdir(dirname(target), {recursive: true})
    // built under a temporary name so an interrupted export never leaves a half-filled database that looks whole
    partial = `${target}.partial`
    await rm(partial, {force: true})
    await rm(`${partial}.wal`, {force: true})
  }
  const instance = await DuckDBInstance.create(partial ?? ':memory:', {autoinstall_known_extensions: 'false'})
  const connection = await instance.connect()
  const counts: ExportCounts = {}
  // every file is written under a temporary name and renamed only once all are written: a failed write (a full disk)
  // left its .partial file, filling the disk it had run out of, beside the tables already renamed, a mix of two exports
  const written: Array<{partial: string; file: string}> = []
  let writing: {flag: string; file: string} | null = null
  let done = false
  try {
    for (const {table, file, schema} of EXPORT_TABLES) {
      const columns = columnsOf(schema)
      await connection.run(`CREATE TABLE ${quoteIdent(table)} (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`)
      const path = join(options.outDir, file)
      // an absent index (a run with --no-link) is an empty table, not an error
      if (!(await exists(path)) || (await stat(path)).size === 0) {
        counts[table] = 0
        continue
      }
      counts[table] = await loadJsonl(connection, table, path, columns)
    }
    for (const {table, file} of EXPORT_TABLES) {
      const rows = expected.get(table)
      if (rows !== undefined && rows !== counts[table]) options.onWarning?.(`${file} holds ${counts[table]} records where manifest.json says the run wrote ${rows}: the file was changed or cut short since the run`)
    }
    for (const [view, sql] of Object.entries(EXPORT_VIEWS)) await connection.run(`CREATE VIEW ${quoteIdent(view)} AS ${sql}`)
    // the token layer (a run with --layers tokens): one row per token, which is how it is queried
    const tables = EXPORT_TABLES.map((t) => t.table)
    const tokensPath = join(options.outDir, OPTIONAL_FILES.tokens)
    if (await exists(tokensPath)) {
      counts.tokens = await loadTokens(connection, tokensPath)
      tables.push('tokens')
    }
    for (const [dir, ext, flag] of [[options.parquet, 'parquet', '--parquet'], [options.csv, 'csv', '--csv']] as const) {
      if (!dir) continue
      await mkdir(dir, {recursive: true})
      for (const table of tables) {
        const file = join(dir, `${table}.${ext}`)
        const query = ext === 'parquet' ? quoteIdent(table) : `(SELECT ${await csvColumns(connection, table, options.csvRaw === true)} FROM ${quoteIdent(table)})`
        writing = {flag, file}
        written.push({partial: `${file}.partial`, file})
        await connection.run(`COPY ${query} TO ${quoteString(`${file}.partial`)} (${ext === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER'})`)
      }
    }
    if (partial && target) {
      writing = {flag: '--duckdb', file: target}
      await connection.run('CHECKPOINT')
    }
    writing = null
    done = true
  } catch (error) {
    // the database file is written while the records load too: a full disk there is no fault of the records
    const failed = writing ?? (partial && target && WRITE_FAILURE.test((error as Error).message) ? {flag: '--duckdb', file: target} : null)
    if (failed === null) throw error
    const why = (error as Error).message.replace(/^cannot load .*? into table \w+: /, '')
    throw new ExportError(`cannot write ${failed.flag} "${failed.file}": ${why}; nothing was exported (the files begun were removed)`)
  } finally {
    connection.closeSync()
    instance.closeSync()
    if (!done) {
      // (a path that is not a file, such as a folder in the way, is left as it is)
      for (const file of [...written.map((w) => w.partial), ...(partial ? [partial, `${partial}.wal`] : [])]) await rm(file, {force: true}).catch(() => {})
    }
  }
  for (const {partial: from, file} of written) await rename(from, file)
  // a tokens file replaced with --force but not rewritten (this run has no token layer) would be another run's
  // tokens beside this run's tables
  if (!('tokens' in counts)) for (const [dir, ext] of [[options.parquet, 'parquet'], [options.csv, 'csv']] as const) if (dir) await rm(join(dir, `tokens.${ext}`), {force: true})
  if (partial && target) await rename(partial, target)
  return counts
}

// DuckDB's messages when a file it writes cannot grow (a full disk, a quota) or be written at all
const WRITE_FAILURE = /No space left on device|Disk quota exceeded|File too large|Could not write file|Read-only file system/i

// why files cannot be made in `dir` (made if missing, so its nearest existing folder is asked), or null when they can
async function findUnwritable(dir: string): Promise<string | null> {
  let folder = resolve(dir)
  while (!(await exists(folder)) && dirname(folder) !== folder) folder = dirname(folder)
  try {
    await access(folder, constants.W_OK)
    return null
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'EROFS' ? 'is on a read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'is not writable (permission denied)' : `cannot be written to (${(error as Error).message})`
    return `"${folder}" ${why}`
  }
}

// the records of each table the run's manifest.json says it wrote (none known without a readable manifest)
async function expectedRows(outDir: string): Promise<Map<string, number>> {
  const text = await readFile(join(outDir, MANIFEST_FILE), 'utf8').catch(() => null)
  let parsed: unknown = null
  try {
    parsed = text === null ? null : JSON.parse(text)
  } catch {
    return new Map()
  }
  const manifest = Manifest.safeParse(parsed).data
  if (!manifest) return new Map()
  const {articles, entities, quotes, money, entityIndex} = manifest.outputs
  const rows = new Map<string, number>([['articles', articles], ['entities', entities], ['quotes', quotes], ['money', money], ['errors', manifest.errors]])
  if (entityIndex !== undefined) rows.set('entities_index', entityIndex)
  return rows
}

// tokens.jsonl holds one line per article; the table holds one row per token, numbered within its article
async function loadTokens(connection: DuckDBConnection, path: string): Promise<number> {
  const columns = columnsOf(RECORD_SCHEMAS.token)
  const spec = `{${columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.type)}`).join(', ')}}`
  try {
    await connection.run(
      `CREATE TABLE tokens AS SELECT docId, i - 1 AS "index", t.* FROM (
         SELECT docId, unnest(tokens) AS t, generate_subscripts(tokens, 1) AS i
         FROM read_json(${quoteString(escapeGlob(path))}, format = 'newline_delimited', columns = ${spec}, maximum_object_size = 1073741824))`,
    )
    const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER FROM tokens')
    return Number(reader.getColumns()[0]?.[0] ?? 0)
  } catch (error) {
    throw new ExportError(`cannot load ${path} into table tokens: ${(error as Error).message}`)
  }
}

async function loadJsonl(connection: DuckDBConnection, table: string, path: string, columns: Column[]): Promise<number> {
  const spec = `{${columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.type)}`).join(', ')}}`
  try {
    // DuckDB parses the JSONL itself against the declared columns; a record that does not fit is an error, never a silent null
    const reader = await connection.runAndReadAll(
      `INSERT INTO ${quoteIdent(table)} SELECT ${columns.map((c) => quoteIdent(c.name)).join(', ')}
       FROM read_json(${quoteString(escapeGlob(path))}, format = 'newline_delimited', columns = ${spec}, maximum_object_size = 1073741824)`,
    )
    return Number(reader.getRowObjects()[0]?.Count ?? reader.getColumns()[0]?.[0] ?? 0)
  } catch (error) {
    throw new ExportError(`cannot load ${path} into table ${table}: ${(error as Error).message}`)
  }
}

/**
 * The start of a CSV text cell that a spreadsheet would read as a formula (OWASP's `=`, `+`, `-`, `@`, tab, carriage
 * return), after any apostrophes; such a cell is written with one apostrophe in front.
 */
export const CSV_FORMULA_START = "^'*[=+@\\t\\r-]"

/** Returns a CSV text cell as `lede export --csv` writes it: one apostrophe in front when it matches `CSV_FORMULA_START`. */
export function escapeCsvCell(cell: string): string {
  return new RegExp(CSV_FORMULA_START).test(cell) ? `'${cell}` : cell
}

/** Returns a cell of `lede export --csv` as the JSONL holds it: the inverse of `escapeCsvCell`. */
export function unescapeCsvCell(cell: string): string {
  // apostrophes are part of the pattern so that a text which itself starts with "'=" comes back whole
  return /^'+[=+@\t\r-]/.test(cell) ? cell.slice(1) : cell
}

// a CSV cell holds text: scalar columns as they are, a STRUCT, list or JSON column (a quote's speaker, an article's
// warnings) as its JSON, which a spreadsheet shows and pandas' json.loads reads back (JSON text starts with {, [ or ",
// never a formula character). A text cell a spreadsheet would evaluate (a scraped title "=HYPERLINK(...)", a feed id
// "@cmd") gets an apostrophe in front, OWASP's advice against CSV injection, unless raw: the one change to the data,
// made the same way in every table so ids still join, and undone exactly by unescapeCsvCell
async function csvColumns(connection: DuckDBConnection, table: string, raw: boolean): Promise<string> {
  const described = (await connection.runAndReadAll(`DESCRIBE ${quoteIdent(table)}`)).getRowObjects() as Array<{column_name: string; column_type: string}>
  return described
    .map(({column_name: name, column_type: type}) => {
      const column = quoteIdent(name)
      if (type === 'VARCHAR' && !raw) return `CASE WHEN regexp_matches(${column}, ${quoteString(CSV_FORMULA_START)}) THEN '''' || ${column} ELSE ${column} END AS ${column}`
      return /^(VARCHAR|BIGINT|INTEGER|DOUBLE|BOOLEAN)$/.test(type) ? column : `to_json(${column})::VARCHAR AS ${column}`
    })
    .join(', ')
}

/**
 * Escapes the glob characters DuckDB's file readers expand (`*`, `?`, `[`), so a path names one file as written.
 */
export function escapeGlob(path: string): string {
  // read_json globs its path: an output folder named "q?mark" also read "qXmark/articles.jsonl" and the export
  // mixed two runs' records; a bracket holding the character matches it alone (bash-style, which DuckDB follows)
  return path.replace(/[*?[]/g, (c) => `[${c}]`)
}

function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
