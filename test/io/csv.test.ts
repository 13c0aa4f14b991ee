import {mkdtemp, mkdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {contentId, listCorpus, readCorpus, type CorpusItem, type ReadOptions} from '../../src/io/corpus.ts'
import {explainNoTextColumn, findDelimiter, mapColumns, readCsvRows, rowRecord, withLineFeeds, type CsvRow} from '../../src/io/csv.ts'

async function corpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-csv-'))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), {recursive: true})
    await writeFile(join(dir, path), content)
  }
  return dir
}

async function readAll(dir: string, options: ReadOptions = {}): Promise<CorpusItem[]> {
  const items: CorpusItem[] = []
  for await (const item of readCorpus(dir, await listCorpus(dir), options)) items.push(item)
  return items
}

// an item as one line: `doc <source> <id> <text>` or `error <source> <code>`
function describe1(item: CorpusItem): string {
  return item.kind === 'doc' ? `doc ${item.doc.source} ${item.doc.text}` : `error ${item.error.source} ${item.error.code}`
}

async function* chunksOf(...texts: string[]): AsyncGenerator<string> {
  for (const text of texts) yield text
}

async function rows(format: 'csv' | 'tsv', ...texts: string[]): Promise<CsvRow[]> {
  const out: CsvRow[] = []
  // rows of at most 100 characters, so a quote never closed is seen in a few lines
  for await (const row of readCsvRows(chunksOf(...texts), format, 100)) out.push(row)
  return out
}

describe('findDelimiter', () => {
  it.each([
    ['a comma header', 'id,title,text', 'csv', ','],
    ['European Excel', 'id;title;text', 'csv', ';'],
    ['a tab-separated .csv', 'id\ttitle\ttext', 'csv', '\t'],
    ['commas inside a quoted header name', '"a,b,c";title;text', 'csv', ';'],
    ['one column', 'text', 'csv', ','],
    ['a .tsv, whatever it holds', 'a,b,c', 'tsv', '\t'],
  ] as const)('reads %s', (_name, header, format, delimiter) => {
    expect(findDelimiter(header, format)).toBe(delimiter)
  })
})

// a header mapped, and a row of cells c1, c2, ... under it as the record it stands for
describe('mapColumns and rowRecord', () => {
  it.each([
    ['record fields in any case', ['ID', 'Title', 'TEXT', 'Url'], undefined, {id: 'c1', title: 'c2', text: 'c3', url: 'c4'}, true],
    ['other columns to meta as written', ['text', 'publication', 'Author'], undefined, {text: 'c1', publication: 'c2', Author: 'c3'}, true],
    ['an empty header and repeated ones', ['', 'text', 'text', 'x', 'x'], undefined, {column1: 'c1', text: 'c2', meta: {text: 'c3'}, x: 'c4', x_2: 'c5'}, true],
    ['no text column', ['id', 'title', 'content'], undefined, {id: 'c1', title: 'c2', content: 'c3'}, false],
    ['--text-field content', ['id', 'title', 'Content'], 'content', {id: 'c1', title: 'c2', text: 'c3'}, true],
    ['--text-field with a text column beside it, kept in meta as JSON keeps it', ['text', 'content'], 'content', {meta: {text: 'c1'}, text: 'c2'}, true],
    ['--text-field naming no column: the text column', ['title', 'text'], 'body', {title: 'c1', text: 'c2'}, true],
    ['a meta column', ['text', 'Meta'], undefined, {text: 'c1', meta: {meta: 'c2'}}, true],
    ['html only', ['html'], undefined, {html: 'c1'}, true],
  ] as const)('maps %s', (_name, header, textField, record, hasText) => {
    const columns = mapColumns([...header], textField)
    expect(rowRecord(columns.keys, header.map((_, i) => `c${i + 1}`))).toEqual(record)
    expect(columns.hasText).toBe(hasText)
  })
})

describe('rowRecord', () => {
  it.each([
    ['every cell', ['id', 'text', 'outlet'], ['7', 'Body', 'NYT'], {id: '7', text: 'Body', outlet: 'NYT'}],
    ['an empty cell is no field', ['id', 'text', 'url'], ['', 'Body', ''], {text: 'Body'}],
    ['an empty text stays, to be refused', ['title', 'text'], ['T', ''], {title: 'T', text: ''}],
    ['an empty text beside an html', ['text', 'html'], ['', '<p>x</p>'], {html: '<p>x</p>'}],
  ] as const)('gives %s', (_name, keys, fields, record) => {
    expect(rowRecord(keys, fields)).toEqual(record)
  })
})

describe('explainNoTextColumn', () => {
  it.each([
    ['a Kaggle export', ['id', 'title', 'content'], undefined, /its columns: "id", "title", "content"\): no row is read; rerun with --text-field content$/],
    ['no known body column', ['a', 'b'], undefined, /give its name with --text-field <column>$/],
    ['--text-field naming no column', ['a', 'body'], 'content', /^--text-field content names no column of it, and .*rerun with --text-field body$/],
  ] as const)('names the columns of %s and the fix', (_name, names, textField, message) => {
    expect(explainNoTextColumn(names, textField)).toMatch(message)
  })
})

describe('withLineFeeds', () => {
  it.each([
    ['CRLF', ['a\r\nb\r\n'], 'a\nb\n'],
    ['a lone CR', ['a\rb'], 'a\nb'],
    ['CRLF cut between chunks', ['a\r', '\nb'], 'a\nb'],
    ['a CR ending the text', ['a\r'], 'a\n'],
  ])('turns %s into LF', async (_name, chunks, text) => {
    let out = ''
    for await (const piece of withLineFeeds(chunksOf(...chunks))) out += piece
    expect(out).toBe(text)
  })
})

describe('readCsvRows', () => {
  it.each([
    ['rows by the line they start on', ['id,text\n1,"two\nlines"\n\n2,x\n'], [{line: 1, fields: ['id', 'text']}, {line: 2, fields: ['1', 'two\nlines']}, {line: 5, fields: ['2', 'x']}]],
    ['doubled quotes', ['text\n"say ""hi"""\n'], [{line: 1, fields: ['text']}, {line: 2, fields: ['say "hi"']}]],
    ['a quote inside an unquoted field, kept', ['a,text\n5" screen,x\n'], [{line: 1, fields: ['a', 'text']}, {line: 2, fields: ['5" screen', 'x']}]],
    ['Excel\'s sep= line', ['sep=;\na;text\n1;x\n'], [{line: 2, fields: ['a', 'text']}, {line: 3, fields: ['1', 'x']}]],
    ['semicolons', ['a;text\n1,5;x\n'], [{line: 1, fields: ['a', 'text']}, {line: 2, fields: ['1,5', 'x']}]],
    ['a header cut across chunks', ['i', 'd,te', 'xt\n1,', 'x'], [{line: 1, fields: ['id', 'text']}, {line: 2, fields: ['1', 'x']}]],
    ['a row of blanks, passed over', ['a,text\n , \n1,x\n'], [{line: 1, fields: ['a', 'text']}, {line: 3, fields: ['1', 'x']}]],
  ] as const)('reads %s', async (_name, chunks, expected) => {
    expect(await rows('csv', ...chunks)).toEqual(expected)
  })

  it('gives a quote never closed as an error on the line its row starts', async () => {
    const got = await rows('csv', 'a,text\n1,x\n2,"never\nclosed\n')
    expect(got.at(-1)).toEqual({line: 3, error: {code: 'ingest:csv-unclosed-quote', message: expect.stringMatching(/^the row starting on line 3 opens a quoted field that is never closed .*: lines 3-4, the rest of the file, are inside it and not read$/)}})
    expect(got).toHaveLength(3)
  })

  it('splits a .tsv on tabs only', async () => {
    expect(await rows('tsv', 'a\ttext\n1,2\tx;y\n')).toEqual([{line: 1, fields: ['a', 'text']}, {line: 2, fields: ['1,2', 'x;y']}])
  })
})

const KAGGLE = 'id,title,publication,author,date,url,content\n1,First,NYT,Jane Doe,2016-12-31,http://x/1,"Ms. Doe said ""no"".\nA second line."\n2,Second,CNN,,2017-01-02,,\n3,Third,CNN,Bob,2017-01-03,,Short,extra\n4,Fourth,Fox,,,,Cook hired Smith.\n'

describe('readCorpus: CSV and TSV files', () => {
  it.each([
    ['a Kaggle export without --text-field: one error naming the columns', {'k.csv': KAGGLE}, {}, ['error k.csv ingest:csv-no-text']],
    [
      'a Kaggle export with --text-field content: bad rows by their line, the rest read',
      {'k.csv': KAGGLE},
      {textField: 'content'},
      ['doc k.csv:2 Ms. Doe said "no".\nA second line.', 'error k.csv:4 ingest:empty', 'error k.csv:5 ingest:csv-fields', 'doc k.csv:6 Cook hired Smith.'],
    ],
    ['CRLF and a UTF-8 BOM', {'a.csv': '\ufefftitle,text\r\nT,"one\r\ntwo"\r\n'}, {}, ['doc a.csv:2 one\ntwo']],
    ['a .tsv', {'a.tsv': 'title\ttext\nT\tBody, with a comma\n'}, {}, ['doc a.tsv:2 Body, with a comma']],
    ['a .csv.gz', {'a.csv.gz': gzipSync(Buffer.from('text\nBody\n'))}, {}, ['doc a.csv.gz:2 Body']],
    ['UTF-16LE with a BOM (Excel\'s "Unicode text")', {'a.tsv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title\ttext\r\nT\tZoë said\r\n', 'utf16le')])}, {}, ['doc a.tsv:2 Zoë said']],
    ['Windows-1252 (Excel\'s "CSV")', {'a.csv': iconv.encode('title;text\r\nCafé;“François” said\r\n', 'win1252')}, {}, ['doc a.csv:2 “François” said']],
    ['Mac OS Roman with CR line ends (Excel\'s "CSV (Macintosh)")', {'a.csv': iconv.encode('title,text\rCaf\u00e9,\u201cZo\u00eb\u201d said\r', 'macintosh')}, {}, ['doc a.csv:2 \u201cZo\u00eb\u201d said']],
    ['an empty file', {'a.csv': ''}, {}, ['error a.csv ingest:empty']],
    ['a header alone', {'a.csv': 'id,text\n'}, {}, ['error a.csv ingest:empty']],
    ['a quote never closed after a good row', {'a.csv': 'text\nok\n"cut\noff'}, {}, ['doc a.csv:2 ok', 'error a.csv:3 ingest:csv-unclosed-quote']],
    ['random bytes named .csv: one error for the file', {'a.csv': Buffer.from(Array.from({length: 2000}, (_, i) => (i * 7919) % 256))}, {}, ['error a.csv ingest:not-text']],
  ] as const)('reads %s', async (_name, files, options, expected) => {
    const items = await readAll(await corpus(files), options)
    expect(items.map(describe1)).toEqual(expected)
    // every item of a CSV names its file, so the manifest's splitFiles accounts for each row
    expect(items.every((item) => item.file !== undefined)).toBe(true)
  })

  it('says the charset of a Windows-1252 file on every row, for the manifest', async () => {
    const items = await readAll(await corpus({'a.csv': iconv.encode('text\nCafé\nNaïve\n', 'win1252')}))
    expect(items.map((i) => (i.kind === 'doc' ? [i.charset, i.doc.messages.map((m) => m.code)] : null))).toEqual([
      ['windows-1252', ['ingest:windows-1252']],
      ['windows-1252', ['ingest:windows-1252']],
    ])
  })

  it('says the damage of a UTF-8 file on the rows that hold it only, as JSONL says it on its lines', async () => {
    const bytes = Buffer.concat([Buffer.from('text\nZoë is fine\nbad '), Buffer.from([0xff]), Buffer.from(' byte\n')])
    const items = await readAll(await corpus({'a.csv': bytes}))
    expect(items.map((i) => (i.kind === 'doc' ? i.doc.messages.map((m) => `${m.code}: ${m.message}`) : null))).toEqual([
      [],
      ['ingest:invalid-utf8: 1 byte sequence is not valid UTF-8 in this row; each was replaced by U+FFFD'],
    ])
  })

  it('gives the records the same rows give as JSONL, apart from source', async () => {
    const jsonl = [
      {id: '1', title: 'First', publication: 'NYT', author: 'Jane Doe', date: '2016-12-31', url: 'http://x/1', content: 'Ms. Doe said "no".\nA second line.'},
      {id: '2', title: 'Second', publication: 'CNN', date: '2017-01-02', content: ''},
      {id: '4', title: 'Fourth', publication: 'Fox', content: 'Cook hired Smith.'},
    ]
      .map((r) => JSON.stringify(r))
      .join('\n')
    const fromCsv = await readAll(await corpus({'k.csv': KAGGLE}), {textField: 'content'})
    const fromJsonl = await readAll(await corpus({'k.jsonl': jsonl}), {textField: 'content'})
    const strip = (items: CorpusItem[]) => items.filter((i) => i.kind === 'doc').map((i) => (i.kind === 'doc' ? {...i.doc, source: ''} : null))
    expect(strip(fromCsv)).toEqual(strip(fromJsonl))
    expect(strip(fromCsv)).toHaveLength(2)
  })

  it('gives the content-hash id without an id column, the same for the same text', async () => {
    const items = await readAll(await corpus({'a.csv': 'text\nSame body\n', 'b.jsonl': '{"text": "Same body"}\n'}))
    // the .jsonl's record is the same article, so it gets the id's -2
    expect(items.map((i) => i.kind === 'doc' && i.doc.id)).toEqual([contentId('Same body'), `${contentId('Same body')}-2`])
  })
})

describe('readCorpus: --text-field on JSON and JSONL', () => {
  it.each([
    ['a JSONL record', {'a.jsonl': '{"maintext": "Body", "title": "T"}\n'}, 'maintext', {text: 'Body', extra: undefined}],
    ['a JSON array element', {'a.json': '[{"content": "Body"}]'}, 'content', {text: 'Body', extra: undefined}],
    ['a record with a text field beside it, kept in meta', {'a.jsonl': '{"text": "Teaser", "body": "Body"}\n'}, 'body', {text: 'Body', extra: {text: 'Teaser'}}],
    ['a record without the named field, read by its text', {'a.jsonl': '{"text": "Body"}\n'}, 'content', {text: 'Body', extra: undefined}],
  ] as const)('reads %s', async (_name, files, textField, expected) => {
    const [item] = await readAll(await corpus(files), {textField})
    expect(item!.kind === 'doc' && {text: item!.doc.text, extra: item!.doc.meta.extra}).toEqual(expected)
  })
})

describe('readCsvRows: a quote never closed in a long file', () => {
  it('stops at the longest row read and says where the row started', async () => {
    const rest = Array.from({length: 50}, (_, i) => `${i},row ${i}\n`).join('')
    const got = await rows('csv', 'a,text\n1,ok\n2,"stray\n', rest)
    expect(got.slice(0, 3)).toEqual([
      {line: 1, fields: ['a', 'text']},
      {line: 2, fields: ['1', 'ok']},
      {line: 3, error: {code: 'ingest:too-large', message: expect.stringMatching(/^the row starting on line 3 runs past 100 characters/)}},
    ])
    // the rows after it stand inside the quote: csv-parse reads no further (said in the message and docs)
    expect(got).toHaveLength(3)
  })
})

describe('listCorpus: CSV and TSV are inputs, and the skip reason names every format read', () => {
  it('lists .csv, .tsv and their .gz, and names .webarchive among the formats read', async () => {
    const dir = await corpus({'a.csv': 'text\nx\n', 'b.tsv.gz': gzipSync(Buffer.from('text\nx\n')), 'c.xlsx': 'PK'})
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['a.csv', 'b.tsv.gz'])
    expect(listing.reasons['c.xlsx']).toBe('not a file lede reads (.txt, .jsonl, .json, .csv, .tsv, .html, .htm, .mhtml, .mht, .webarchive, .sgml, .sgm or .xml, or a .gz of one; a file with no extension only when it holds <DOC> elements)')
  })
})
