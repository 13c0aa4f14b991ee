/**
 * The only door to `csv-parse` (adaltas/node-csv): a streaming CSV parser that takes text and gives each row's fields,
 * with the row's raw text and the line it ends on, and reports each row it refuses instead of stopping.
 */
import type {Duplex} from 'node:stream'

/** A row as the parser gives it: its fields, its text as written (with the blank lines before it) and the line it ends on. */
export interface ParsedCsvRow {
  record: string[]
  raw: string
  info: {lines: number}
}

/** A row the parser refused: csv-parse's code (`CSV_QUOTE_NOT_CLOSED`, `CSV_MAX_RECORD_SIZE`), the rows it gave before it, the line it had reached, its message. */
export interface RefusedCsvRow {
  code: string
  records: number
  lines: number
  message: string
}

/** How {@link createCsvParser} splits text. */
export interface CsvParserOptions {
  delimiter: string
  /** the longest row read, in characters */
  maxRowChars: number
  onRefused: (row: RefusedCsvRow) => void
}

// loaded at the first CSV file, not at start-up: most corpora hold none
let csvParse: Promise<typeof import('csv-parse')> | null = null

/**
 * A parser to write LF-only text into, whose readable side gives {@link ParsedCsvRow}s: LF rows, blank lines passed
 * over, any field count (the caller checks it), a quote inside an unquoted field kept as written, a refused row
 * reported to `onRefused` and passed over.
 */
export async function createCsvParser(options: CsvParserOptions): Promise<Duplex> {
  const {parse} = await (csvParse ??= import('csv-parse'))
  return parse({
    delimiter: options.delimiter,
    record_delimiter: '\n',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxRowChars,
    info: true,
    raw: true,
    on_skip: (error) => {
      if (error === undefined) return
      const context = error as unknown as {code?: string; records?: number; lines?: number}
      options.onRefused({code: context.code ?? '', records: context.records ?? 0, lines: context.lines ?? 0, message: error.message})
    },
  })
}
