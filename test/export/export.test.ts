import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {DuckDBInstance} from '@duckdb/node-api'
import {beforeAll, describe, expect, it} from 'vitest'
import {EXPORT_TABLES, escapeCsvCell, escapeGlob, exportRun, unescapeCsvCell} from '../../src/export/export.ts'
import {columnsOf, toDuckDbType} from '../../src/export/columns.ts'
import {RECORD_SCHEMAS} from '../../src/schema.ts'
import {main} from '../../src/cli.ts'

const root = new URL('../..', import.meta.url).pathname

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>)

async function query(db: string, sql: string): Promise<Record<string, any>[]> {
  const instance = await DuckDBInstance.create(db, {access_mode: db === ':memory:' ? 'automatic' : 'read_only'})
  const connection = await instance.connect()
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, any>[]
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

describe('toDuckDbType', () => {
  it.each([
    [{type: 'string'}, 'VARCHAR'],
    [{type: 'integer'}, 'BIGINT'],
    [{type: 'number'}, 'DOUBLE'],
    [{type: ['string', 'null']}, 'VARCHAR'],
    [{anyOf: [{type: 'integer'}, {type: 'null'}]}, 'BIGINT'],
    [{type: 'array', items: {type: 'string'}}, 'VARCHAR[]'],
    [{type: 'object', properties: {end: {type: 'integer'}}}, 'STRUCT("end" BIGINT)'],
    [{type: 'object'}, 'JSON'],
  ])('maps %j to %s', (schema, type) => expect(toDuckDbType(schema)).toBe(type))

  it('types the quote speaker as a struct', () => {
    expect(columnsOf(RECORD_SCHEMAS.quote).find((c) => c.name === 'speaker')?.type).toBe(
      'STRUCT("mention" VARCHAR, "start" BIGINT, "end" BIGINT, "name" VARCHAR, "entityId" VARCHAR)',
    )
  })
})

describe('escapeGlob', () => {
  it.each([
    ['/tmp/out', '/tmp/out'],
    ['/tmp/q?mark/articles.jsonl', '/tmp/q[?]mark/articles.jsonl'],
    ['/tmp/star*run/articles.jsonl', '/tmp/star[*]run/articles.jsonl'],
    ['/tmp/run [2026]/a.jsonl', '/tmp/run [[]2026]/a.jsonl'],
    ["/tmp/it's ✓ 📰/a.jsonl", "/tmp/it's ✓ 📰/a.jsonl"],
  ])('%s -> %s', (path, escaped) => expect(escapeGlob(path)).toBe(escaped))
})

describe('escapeCsvCell', () => {
  // OWASP's formula characters; an apostrophe before them is counted so that the escape is undone exactly
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-5 degrees', "'-5 degrees"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ["'=already", "''=already"],
    ["''+twice", "'''+twice"],
    ["'Tis the season", "'Tis the season"],
    ['a = b', 'a = b'],
    [' =1', ' =1'],
    ['', ''],
    ['📰 =x', '📰 =x'],
  ])('%j -> %j and back', (cell, escaped) => {
    expect(escapeCsvCell(cell)).toBe(escaped)
    expect(unescapeCsvCell(escaped)).toBe(cell)
  })
})

describe('lede export', () => {
  let out: string
  let db: string
  let parquet: string
  beforeAll(async () => {
    // the bundled seed corpus plus articles with emoji, hostile markup, several currencies and bad JSONL lines
    const corpus = mkdtempSync(join(tmpdir(), 'lede-export-corpus-'))
    cpSync(join(root, 'corpus'), corpus, {recursive: true})
    cpSync(join(root, 'test/data/analyst-corpus'), corpus, {recursive: true})
    // a feed whose ids, titles and texts start as spreadsheet formulas do (CSV injection)
    const formulas = [
      {id: '=1+2', title: '=HYPERLINK("http://example.com/x","click")', text: '-5 degrees in Northville on Monday. "It is cold," Anna Berg said.'},
      {id: '@cmd', title: '+44 desk', text: '=SUM(A1) was on the screen, officials said. "We paid $5 million," John Carter said.'},
      {id: "'=kept", title: "'Tis the season", text: 'Nothing to see in Eastport, Maria Lopez said.'},
    ]
    writeFileSync(join(corpus, 'formulas.jsonl'), formulas.map((r) => JSON.stringify(r)).join('\n') + '\n')
    const work = mkdtempSync(join(tmpdir(), 'lede-export-'))
    out = join(work, 'out')
    db = join(work, 'lede.duckdb')
    parquet = join(work, 'parquet')
    const stderr = process.stderr.write
    process.stderr.write = () => true
    try {
      expect(await main(['run', corpus, '--out', out, '--quiet'])).toBe(1) // the two bad JSONL lines
      await exportRun({outDir: out, duckdb: db, parquet})
    } finally {
      process.stderr.write = stderr
    }
  }, 180_000)

  it('loads every JSONL line of every table as one row', async () => {
    for (const {table, file} of EXPORT_TABLES) {
      const lines = readJsonl(join(out, file)).length
      const [row] = await query(db, `SELECT count(*)::INTEGER AS n FROM ${table}`)
      expect({table, rows: row!.n}).toEqual({table, rows: lines})
    }
    expect(readJsonl(join(out, 'errors.jsonl')).length).toBeGreaterThan(0)
  })

  it('counts quotes per resolved speaker as the JSONL does', async () => {
    const expected = new Map<string, number>()
    for (const q of readJsonl(join(out, 'quotes.jsonl'))) {
      const id = q.speaker.entityId as string | null
      if (id !== null) expected.set(id, (expected.get(id) ?? 0) + 1)
    }
    const names = new Map(readJsonl(join(out, 'entities-index.jsonl')).map((e) => [e.entityId as string, e.canonical as string]))
    const rows = await query(db, 'SELECT entity_id, canonical, quotes::INTEGER AS quotes FROM quotes_per_speaker ORDER BY entity_id')
    expect(rows).toEqual(
      [...expected]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, n]) => ({entity_id: id, canonical: names.get(id) ?? null, quotes: n})),
    )
    expect(rows.length).toBeGreaterThan(3)
  })

  it('keeps code-point offsets, so substring gives back each record\'s text, emoji included', async () => {
    const [row] = await query(
      db,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE substring(a.text, q.start + 1, q."end" - q.start) = q.text)::INTEGER AS same
       FROM quotes q JOIN articles a ON a.id = q.docId`,
    )
    expect(row!.same).toBe(row!.n)
    const emoji = await query(db, "SELECT count(*)::INTEGER AS n FROM quotes WHERE text LIKE '%😀%'")
    expect(emoji[0]!.n).toBe(1)
  })

  it('writes one Parquet file per table that DuckDB reads back', async () => {
    expect(readdirSync(parquet).sort()).toEqual(EXPORT_TABLES.map((t) => `${t.table}.parquet`).sort())
    for (const {table, file} of EXPORT_TABLES) {
      const [row] = await query(':memory:', `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(parquet, `${table}.parquet`)}')`)
      expect({table, rows: row!.n}).toEqual({table, rows: readJsonl(join(out, file)).length})
    }
    const [q] = await query(':memory:', `SELECT speaker.name AS name FROM read_parquet('${join(parquet, 'quotes.parquet')}') WHERE text LIKE 'We have no choice%'`)
    expect(q!.name).toBe('Helen Ostrova')
  })

  // a spreadsheet or a CSV reader is where much of a data desk starts; JSONL opened in neither
  it('writes one CSV file per table that reads back with the same rows, offsets and speakers (nested fields as JSON)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lede-csv-')), 'csv')
    await exportRun({outDir: out, csv: dir})
    expect(readdirSync(dir).sort()).toEqual(EXPORT_TABLES.map((t) => `${t.table}.csv`).sort())
    const csv = (table: string) => `read_csv('${join(dir, `${table}.csv`)}', header = true, all_varchar = true)`
    for (const {table, file} of EXPORT_TABLES) {
      const [row] = await query(':memory:', `SELECT count(*)::INTEGER AS n FROM ${csv(table)}`)
      expect({table, rows: row!.n}).toEqual({table, rows: readJsonl(join(out, file)).length})
    }
    const [same] = await query(
      ':memory:',
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE substring(a.text, q.start::INTEGER + 1, q."end"::INTEGER - q.start::INTEGER) = q.text)::INTEGER AS same,
         count(*) FILTER (WHERE a.text LIKE '''-%' OR a.text LIKE '''=%')::INTEGER AS escaped,
         count(*) FILTER (WHERE json_extract_string(q.speaker, '$.name') = 'Helen Ostrova')::INTEGER AS helen
       FROM ${csv('quotes')} q JOIN ${csv('articles')} a ON a.id = q.docId`,
    )
    // every quote but those of the two articles whose text starts with a formula character and was escaped (one
    // apostrophe in front: their offsets are one off in the CSV; the next test undoes it)
    expect(same!.escaped).toBe(2)
    expect(same!.same).toBe(same!.n - same!.escaped)
    expect(same!.helen).toBeGreaterThan(0)
    await expect(exportRun({outDir: out, csv: dir})).rejects.toThrow(/"articles\.csv".* pass --force/)
  })

  // a scraped title "=HYPERLINK(...)" or a feed id "@cmd" was written as it is, and a spreadsheet that opens the CSV
  // evaluates it; the escaped files are the raw ones with one apostrophe before each such cell, in every table alike
  it('escapes cells a spreadsheet would evaluate, exactly undoably, and --csv-raw keeps them', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lede-csv-formulas-'))
    await exportRun({outDir: out, csv: join(work, 'escaped')})
    await exportRun({outDir: out, csv: join(work, 'raw'), csvRaw: true})
    const read = (dir: string, table: string) => query(':memory:', `SELECT * FROM read_csv('${join(work, dir, `${table}.csv`)}', header = true, all_varchar = true)`)
    let escaped = 0
    for (const {table} of EXPORT_TABLES) {
      const [safe, raw] = [await read('escaped', table), await read('raw', table)]
      const cells = (rows: Record<string, any>[]) => rows.flatMap((row) => Object.values(row).map((v) => (v === null ? null : String(v))))
      const formula = cells(safe).filter((c) => c !== null && /^[=+@\t\r-]/.test(c))
      expect({table, formula}).toEqual({table, formula: []})
      expect(cells(safe).map((c) => (c === null ? null : unescapeCsvCell(c)))).toEqual(cells(raw))
      escaped += cells(safe).filter((c, i) => c !== cells(raw)[i]).length
    }
    expect(escaped).toBeGreaterThan(10) // ids, titles, texts and every record id of the first two articles
    const [articles] = [await read('escaped', 'articles')]
    expect(articles.find((a) => a.id === "'=1+2")?.title).toBe('\'=HYPERLINK("http://example.com/x","click")')
    expect(articles.find((a) => a.id === "''=kept")?.title).toBe("'Tis the season")
    // spans give back their text in the raw files, and in the escaped ones once the apostrophe is dropped
    for (const dir of ['raw', 'escaped']) {
      const [articles, quotes] = [await read(dir, 'articles'), await read(dir, 'quotes')]
      const texts = new Map(articles.map((a) => [unescapeCsvCell(a.id), [...unescapeCsvCell(a.text)]]))
      const mismatched = quotes.filter((q) => texts.get(unescapeCsvCell(q.docId))!.slice(Number(q.start), Number(q.end)).join('') !== unescapeCsvCell(q.text))
      expect({dir, quotes: quotes.length > 0, mismatched}).toEqual({dir, quotes: true, mismatched: []})
    }
  })

  // a run folder copied without its quotes.jsonl exported 0 quotes without a word
  it('refuses a run folder missing a file that manifest.json says holds records, and warns of a file cut short', async () => {
    const warnings: string[] = []
    await exportRun({outDir: out, parquet: mkdtempSync(join(tmpdir(), 'lede-whole-')), onWarning: (w) => warnings.push(w)})
    expect(warnings).toEqual([])
    const copy = join(mkdtempSync(join(tmpdir(), 'lede-partial-copy-')), 'out')
    cpSync(out, copy, {recursive: true})
    const quotes = readFileSync(join(copy, 'quotes.jsonl'), 'utf8').split('\n')
    writeFileSync(join(copy, 'quotes.jsonl'), quotes.slice(0, 3).join('\n') + '\n')
    const target = join(mkdtempSync(join(tmpdir(), 'lede-partial-')), 'parquet')
    const counts = await exportRun({outDir: copy, parquet: target, onWarning: (w) => warnings.push(w)})
    expect(counts.quotes).toBe(3)
    expect(warnings).toEqual([`quotes.jsonl holds 3 records where manifest.json says the run wrote ${quotes.length - 1}: the file was changed or cut short since the run`])
    rmSync(join(copy, 'quotes.jsonl'))
    const db = join(dirname(target), 'x.duckdb')
    await expect(exportRun({outDir: copy, duckdb: db, parquet: join(dirname(target), 'again')})).rejects.toThrow(
      new RegExp(`quotes\\.jsonl" is missing or empty, but manifest\\.json says the run wrote ${quotes.length - 1} records into it: copy the whole output folder \\(nothing was exported\\)`),
    )
    expect(existsSync(db)).toBe(false)
    expect(existsSync(join(dirname(target), 'again'))).toBe(false)
  })

  it('refuses to replace an existing database without --force', async () => {
    await expect(exportRun({outDir: out, duckdb: db})).rejects.toThrow(/--force/)
  })

  // the database file needed --force, while Parquet files of the same names were replaced silently (a folder of
  // someone's own articles.parquet lost it)
  it('refuses to replace existing Parquet files without --force, writing nothing, and replaces them with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-parquet-'))
    writeFileSync(join(dir, 'articles.parquet'), 'kept')
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    await expect(exportRun({outDir: out, parquet: dir})).rejects.toThrow(/"articles\.parquet".* pass --force to replace/)
    expect(readdirSync(dir).sort()).toEqual(['articles.parquet', 'notes.txt'])
    expect(readFileSync(join(dir, 'articles.parquet'), 'utf8')).toBe('kept')
    await exportRun({outDir: out, parquet: dir, force: true})
    expect(readdirSync(dir).sort()).toEqual([...EXPORT_TABLES.map((t) => `${t.table}.parquet`), 'notes.txt'].sort())
  })

  // read_json globs its path: exporting "q?mark" also loaded "qXmark/articles.jsonl" (28 articles from two runs)
  it.each(['q?mark', 'star*run', 'run [2]'])('reads only the folder named %s, not the folders its glob characters match', async (name) => {
    const work = mkdtempSync(join(tmpdir(), 'lede-glob-'))
    const lookalike = {'q?mark': 'qXmark', 'star*run': 'starXrun', 'run [2]': 'run 2'}[name]!
    cpSync(out, join(work, name), {recursive: true})
    cpSync(out, join(work, lookalike), {recursive: true})
    // the look-alike holds another run: one article, no entities
    writeFileSync(join(work, lookalike, 'articles.jsonl'), readFileSync(join(out, 'articles.jsonl'), 'utf8').split('\n')[0] + '\n')
    writeFileSync(join(work, lookalike, 'entities.jsonl'), '')
    const counts = await exportRun({outDir: join(work, name), duckdb: join(work, 'x.duckdb')})
    expect(counts.articles).toBe(readJsonl(join(out, 'articles.jsonl')).length)
    expect(counts.entities).toBe(readJsonl(join(out, 'entities.jsonl')).length)
  })

  it.each([
    ['--parquet is a file', () => ({parquet: 'file'}), /--parquet ".*file" is a file, not a folder/],
    ['--csv is a file', () => ({csv: 'file'}), /--csv ".*file" is a file, not a folder/],
    ['--duckdb is a folder', () => ({duckdb: 'folder'}), /--duckdb ".*folder" is a folder/],
    ['--duckdb inside a file', () => ({duckdb: 'file/x.duckdb'}), /is a file, not a folder/],
  ])('%s: a clear error, nothing written', async (_, target, message) => {
    const work = mkdtempSync(join(tmpdir(), 'lede-target-'))
    writeFileSync(join(work, 'file'), 'mine')
    mkdirSync(join(work, 'folder'))
    const options = Object.fromEntries(Object.entries(target()).map(([k, v]) => [k, join(work, v)]))
    await expect(exportRun({outDir: out, ...options})).rejects.toThrow(message)
    expect(readdirSync(work).sort()).toEqual(['file', 'folder'])
  })

  // a full disk left a 200 KB articles.csv.partial on the disk it had filled, DuckDB's bare 'IO Error: Could not write
  // file ...' as the message, and the tables written before the failure already renamed into place
  it('a file it cannot write (a full disk): names the option, removes what it began and renames nothing', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lede-full-'))
    // a folder where the quotes table's file goes makes that one write fail, as a full disk does
    mkdirSync(join(work, 'csv', 'quotes.csv.partial'), {recursive: true})
    const options = {duckdb: join(work, 'db', 'x.duckdb'), parquet: join(work, 'pq'), csv: join(work, 'csv')}
    await expect(exportRun({outDir: out, ...options})).rejects.toThrow(/^cannot write --csv ".*quotes\.csv": .*; nothing was exported \(the files begun were removed\)$/)
    expect(readdirSync(join(work, 'pq'))).toEqual([])
    expect(readdirSync(join(work, 'csv'))).toEqual(['quotes.csv.partial'])
    expect(readdirSync(join(work, 'db'))).toEqual([])
  })

  it.skipIf(process.getuid?.() === 0)('a folder it cannot write: says so before loading anything, naming the option', async () => {
    const locked = mkdtempSync(join(tmpdir(), 'lede-locked-'))
    chmodSync(locked, 0o555)
    await expect(exportRun({outDir: out, csv: join(locked, 'csv')})).rejects.toThrow(/^--csv ".*csv": ".*lede-locked-.*" is not writable \(permission denied\); nothing was exported$/)
    await expect(exportRun({outDir: out, duckdb: join(locked, 'x.duckdb')})).rejects.toThrow(/^--duckdb ".*x\.duckdb": ".*" is not writable/)
  })

  it('makes the folder of --duckdb, as it does --parquet', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lede-db-')), 'new', 'lede.duckdb')
    await exportRun({outDir: out, duckdb: db})
    expect(existsSync(db)).toBe(true)
  })

  // with --force the tables were replaced but a tokens.parquet of an earlier run with --layers tokens stayed beside them
  it('with --force leaves no tokens.parquet of another run beside a run without tokens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-parquet-'))
    writeFileSync(join(dir, 'tokens.parquet'), 'an earlier run')
    await exportRun({outDir: out, parquet: dir, force: true})
    expect(readdirSync(dir).sort()).toEqual(EXPORT_TABLES.map((t) => `${t.table}.parquet`).sort())
  })
})
