import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {mkdtemp, mkdir, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {contentId, CorpusError, createIdAllocator, decodeText, displayName, findMetadataFolder, listCorpus, MAX_ARTICLE_CHARS, readCorpus, type CorpusItem, type ReadOptions} from '../../src/io/corpus.ts'
import {decodeBytes} from '../../src/io/decode.ts'
import {findBinaryFile} from '../../src/io/gzip.ts'
import {webarchive} from '../helpers/bplist.ts'

async function corpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-corpus-'))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), {recursive: true})
    await writeFile(join(dir, path), content)
  }
  return dir
}

/** `text` in UTF-32 with a byte-order mark. */
function utf32(text: string, littleEndian: boolean): Buffer {
  const codes = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)]
  const bytes = Buffer.alloc(codes.length * 4)
  codes.forEach((code, i) => (littleEndian ? bytes.writeUInt32LE(code, i * 4) : bytes.writeUInt32BE(code, i * 4)))
  return bytes
}

async function readAll(dir: string, options: ReadOptions = {}): Promise<CorpusItem[]> {
  const items: CorpusItem[] = []
  for await (const item of readCorpus(dir, await listCorpus(dir), options)) items.push(item)
  return items
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from('Kyiv said'), 'Kyiv said'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kyiv')]), 'Kyiv'],
    ['CRLF', Buffer.from('a\r\nb\rc\n'), 'a\nb\nc\n'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('€6', 'utf16le')]), '€6'],
  ])('decodes %s', (_name, bytes, text) => {
    expect(decodeText(bytes)).toEqual({text})
  })

  it('keeps text with a few invalid bytes, each bad sequence replaced by U+FFFD', () => {
    // the 'é' (0xc3 0xa9) marks the bytes as UTF-8, so the 0xff is damage, not a Windows-1252 'ÿ'
    expect(decodeText(Buffer.from([0x41, 0x42, 0x43, 0x44, 0xc3, 0xa9, 0x46, 0x47, 0xff, 0x42]))).toEqual({text: 'ABCDéFG\uFFFDB'})
  })

  it.each([
    ['mostly invalid UTF-8', Buffer.from([0x41, 0xff, 0xfe, 0x42])],
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])],
  ])('rejects %s with a reason', (_name, bytes) => {
    expect(decodeText(bytes)).toHaveProperty('error')
  })
})

describe('listCorpus', () => {
  it('lists .txt and .jsonl recursively in code-unit order and accounts for the rest', async () => {
    const dir = await corpus({'b.txt': 'b', 'A.txt': 'a', 'sub/a.jsonl': '', 'notes.md': 'x', 'sub/img.png': 'x'})
    expect(await listCorpus(dir)).toMatchObject({inputs: ['A.txt', 'b.txt', 'sub/a.jsonl'], skipped: ['notes.md', 'sub/img.png']})
  })

  it('skips the AppleDouble metadata files a Mac leaves beside each file ("._name"), and only those', async () => {
    // AppleDouble header: magic 00 05 16 07, version 00 02 00 00, then filler and entries
    const appleDouble = Uint8Array.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, ...new Array(40).fill(0)])
    const dir = await corpus({
      'story.txt': 'A story.',
      '._story.txt': appleDouble,
      '__MACOSX/._story.txt': appleDouble,
      '._notes.txt': 'a user file whose name starts with ._', // not AppleDouble: read
    })
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['._notes.txt', 'story.txt'])
    // the __MACOSX folder a Mac's zip holds is skipped whole (see the metadata folders case)
    expect(listing.skipped).toEqual(['._story.txt', '__MACOSX/'])
    expect(listing.reasons['._story.txt']).toMatch(/macOS metadata of "story.txt"/)
  })

  it.each([
    ['.git', /version-control metadata \(Git\)/],
    ['.hg', /Mercurial/],
    ['.svn', /Subversion/],
    ['.bzr', /Bazaar/],
    ['__MACOSX', /macOS metadata/],
    ['.Trashes', /macOS volume metadata/],
    ['$RECYCLE.BIN', /Windows volume metadata/],
    ['$Recycle.Bin', /Windows volume metadata/],
    ['System Volume Information', /Windows volume metadata/],
    // a user's own folders of similar names are read
    ['git', undefined],
    ['.GIT', undefined],
    ['.github', undefined],
    ['MACOSX', undefined],
    ['Trash', undefined],
    ['news', undefined],
  ])('findMetadataFolder(%j)', (name, reason) => {
    const found = findMetadataFolder(name)
    if (reason === undefined) expect(found).toBeUndefined()
    else expect(found).toMatch(reason)
  })

  it('skips version-control and system metadata folders whole, one entry each with the reason, at any depth', async () => {
    const dir = await corpus({
      'story.txt': 'A story.',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/objects/ab/cdef': 'x',
      '.git/description.txt': 'not an article',
      'desk/.svn/entries': '12',
      'desk/.svn/text-base/a.txt.svn-base': 'old text',
      'desk/b.txt': 'B story.',
      '.github/notes.txt': 'read: an ordinary folder',
    })
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['.github/notes.txt', 'desk/b.txt', 'story.txt'])
    expect(listing.skipped).toEqual(['.git/', 'desk/.svn/'])
    expect(listing.reasons['.git/']).toBe('version-control metadata (Git), not articles: the folder is not read')
    expect(listing.reasons['desk/.svn/']).toMatch(/Subversion/)
  })

  it('skips the resource folder a browser saves beside a page ("Save as complete"), and only that folder', async () => {
    const dir = await corpus({
      'Story.html': '<html><body><p>a page</p></body></html>',
      'Story_files/saved_resource.html': '<html><body><a href="x">an ad in a frame</a></body></html>',
      'Story_files/site.css': 'p {}',
      'news/Other.htm': '<html></html>',
      'news/Other_files/frame.html': '<html></html>',
      'Lonely_files/kept.html': '<html></html>', // no page of that name beside it: an ordinary folder
      'notes_files/a.txt': 'text', // beside a .txt, not a page
      'notes.txt': 'text',
    })
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['Lonely_files/kept.html', 'Story.html', 'news/Other.htm', 'notes.txt', 'notes_files/a.txt'])
    expect(listing.skipped).toEqual(['Story_files/', 'news/Other_files/'])
    expect(listing.reasons['Story_files/']).toMatch(/resources of the saved page "Story.html"/)
    expect(listing.reasons['news/Other_files/']).toMatch(/resources of the saved page "Other.htm"/)
  })

  it('follows symbolic links inside and outside the corpus once each, and lists every other link with a reason', async () => {
    const outside = await corpus({'far.txt': 'far away', 'shelf/book.txt': 'a book'})
    const dir = await corpus({'a.txt': 'a', 'sub/b.txt': 'b', 'notes.md': 'x'})
    await symlink(join(dir, 'a.txt'), join(dir, 'again.txt')) // a second path to a file already read
    await symlink(join(outside, 'far.txt'), join(dir, 'far.txt')) // a file outside
    await symlink(join(outside, 'shelf'), join(dir, 'shelf')) // a folder outside
    await symlink(dir, join(dir, 'sub', 'loop')) // back to the corpus folder
    await symlink(join(dir, 'missing.txt'), join(dir, 'broken.txt'))
    await symlink(join(dir, 'notes.md'), join(dir, 'notes-link.md'))
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['a.txt', 'far.txt', 'shelf/book.txt', 'sub/b.txt'])
    expect(listing.skipped).toEqual(['again.txt', 'broken.txt', 'notes-link.md', 'notes.md', 'sub/loop/'])
    expect(listing.reasons['again.txt']).toMatch(/same file as "a.txt"/)
    expect(listing.reasons['broken.txt']).toMatch(/leads nowhere/)
    expect(listing.reasons['sub/loop/']).toMatch(/loop/)
    expect(listing.reasons['notes-link.md']).toMatch(/same file as "notes.md"/)
  })

  // root reads every folder, so this runs only as another user
  it.skipIf(process.getuid?.() === 0)('lists a folder it cannot read as skipped and as unreadable', async () => {
    const dir = await corpus({'a.txt': 'a', 'locked/b.txt': 'b'})
    const {chmod} = await import('node:fs/promises')
    await chmod(join(dir, 'locked'), 0)
    try {
      const listing = await listCorpus(dir)
      expect(listing.inputs).toEqual(['a.txt'])
      expect(listing.unreadable).toEqual(['locked/'])
      expect(listing.reasons['locked/']).toBe('folder cannot be read: EACCES')
    } finally {
      await chmod(join(dir, 'locked'), 0o755)
    }
  })

  it('skips a folder holding the output of a lede run, and the excluded output folder', async () => {
    const dir = await corpus({'a.txt': 'a', 'old-run/manifest.json': JSON.stringify({tool: 'lede'}), 'old-run/articles.jsonl': '{}', 'out/x.jsonl': '{}', 'data/manifest.json': '{"name": "not lede"}'})
    const listing = await listCorpus(dir, [join(dir, 'out')])
    // another tool's manifest.json is a .json input like any other (read, and refused as no article)
    expect(listing.inputs).toEqual(['a.txt', 'data/manifest.json'])
    expect(listing.skipped).toEqual(['old-run/'])
    expect(listing.reasons['old-run/']).toMatch(/lede run/)
  })

  it('skips the staging folder of an interrupted lede run (its checkpoint.json would be read as a .json input)', async () => {
    const dir = await corpus({'a.txt': 'a', 'old/lede-staging.incomplete/checkpoint.json': '{"items": 3}', 'old/lede-staging.incomplete/articles.jsonl.partial': '{}', 'stray/lede-staging.incomplete/checkpoint.json': '{}'})
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['a.txt'])
    // since qa7 the folder that holds it is skipped whole (below); a staging folder alone is still known by its name
    expect(listing.skipped).toEqual(['old/', 'stray/'])
    expect(listing.reasons['old/']).toMatch(/lede run still going or interrupted \(lede-staging\.incomplete\/\)/)
  })

  // qa7's sweep: a run moving its finished files in (or killed while it did) leaves its output folder without a
  // manifest.json for a moment: another run listing the corpus read its articles.jsonl back as 113 articles and its
  // entities.jsonl as one article per entity. A run still going holds lede.lock there from its start.
  it.each([
    ['a run killed while it moved its files in', {'out/articles.jsonl': '{"id":"x","text":"Old output."}\n', 'out/entities.jsonl': '{"docId":"x","text":"Kyiv"}\n', 'out/lede-staging.incomplete/commit.json': '{}'}, 'lede-staging.incomplete/'],
    ['a run still going', {'out/lede.lock': '{"pid": 1}', 'out/lede-staging.incomplete/checkpoint.json': '{}'}, 'lede.lock and lede-staging.incomplete/'],
    ['a run going between its commit and its manifest', {'out/lede.lock': '{"pid": 1}', 'out/articles.jsonl': '{"id":"x","text":"Old output."}\n'}, 'lede.lock'],
  ])('skips the output folder of %s, whole', async (_name, files, marks) => {
    const dir = await corpus({'a.txt': 'a', ...files})
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['a.txt'])
    expect(listing.skipped).toEqual(['out/'])
    expect(listing.reasons['out/']).toBe(`the output folder of a lede run still going or interrupted (${marks}), never read back as input`)
  })

  it.each([
    ['a file named lede.lock in a folder of articles is a lock all the same', {'b/lede.lock': 'x', 'b/c.txt': 'c'}, ['a.txt'], ['b/']],
    ['a folder named lede.lock is no lock', {'b/lede.lock/d.txt': 'd', 'b/c.txt': 'c'}, ['a.txt', 'b/c.txt', 'b/lede.lock/d.txt'], []],
  ])('%s', async (_name, files, inputs, skipped) => {
    const listing = await listCorpus(await corpus({'a.txt': 'a', ...files}))
    expect(listing.inputs).toEqual(inputs)
    expect(listing.skipped).toEqual(skipped)
  })

  it.each([['a missing folder', '/nonexistent/lede'], ['a file', new URL(import.meta.url).pathname]])('refuses %s', async (_n, path) => {
    await expect(listCorpus(path)).rejects.toThrow(CorpusError)
  })
})

describe('readCorpus', () => {
  it('gives ids from content, stable and unique for duplicates', async () => {
    const dir = await corpus({'a.txt': 'Same story.', 'b.txt': 'Same story.', 'c.txt': 'Other.'})
    const ids = (await readAll(dir)).map((i) => (i.kind === 'doc' ? i.doc.id : null))
    expect(ids).toEqual([contentId('Same story.'), `${contentId('Same story.')}-2`, contentId('Other.')])
  })

  it('keeps an article with damaged bytes and leaves ingest warnings on it', async () => {
    // 'Kyïv' in UTF-8 marks the file as UTF-8, so the 0xff is damage (not a Windows-1252 'ÿ')
    const dir = await corpus({'a.txt': Buffer.concat([Buffer.from('Kyïv said it would not '), Buffer.from([0xff, 0x00]), Buffer.from('resume talks.')])})
    const [item] = await readAll(dir)
    expect(item.kind).toBe('doc')
    if (item.kind !== 'doc') return
    expect(item.doc.text).toBe('Kyïv said it would not \uFFFDresume talks.')
    expect(item.doc.messages.map((m) => `${m.stage} ${m.code} ${m.fatal}`)).toEqual(['ingest ingest:invalid-utf8 false', 'ingest ingest:control-characters false'])
  })

  it('warns on a repeated JSONL id and gives it a free suffix', async () => {
    const lines = ['d1', 'd1', 'd1-2'].map((id) => JSON.stringify({id, text: `Story ${id}.`})).join('\n')
    const items = await readAll(await corpus({'a.jsonl': lines}))
    const docs = items.flatMap((i) => (i.kind === 'doc' ? [i.doc] : []))
    expect(docs.map((d) => d.id)).toEqual(['d1', 'd1-2', 'd1-2-2'])
    expect(docs.map((d) => d.messages.map((m) => m.code))).toEqual([[], ['ingest:duplicate-id'], ['ingest:duplicate-id']])
  })

  it('turns bad inputs into error records and goes on', async () => {
    const dir = await corpus({
      '1-binary.txt': Buffer.from([0x00, 0x01, 0x02, 0xff]),
      '2-empty.txt': '  \n',
      '3-good.txt': 'A real article.',
      '4-articles.jsonl': [
        JSON.stringify({id: 'x1', title: 'T', text: 'First.', url: 'https://example.org/1'}),
        '{not json',
        JSON.stringify({title: 'no text'}),
        '',
        JSON.stringify({text: 'Second\r\nline.'}),
      ].join('\n'),
    })
    const items = await readAll(dir)
    const summary = items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source} ${JSON.stringify(i.doc.text)}` : `error ${i.error.source} ${i.error.code}`))
    expect(summary).toEqual([
      'error 1-binary.txt ingest:not-text',
      'error 2-empty.txt ingest:empty',
      'doc 3-good.txt "A real article."',
      'doc 4-articles.jsonl:1 "First."',
      'error 4-articles.jsonl:2 ingest:bad-json',
      'error 4-articles.jsonl:3 ingest:bad-record',
      'doc 4-articles.jsonl:5 "Second\\nline."',
    ])
    const first = items[3]!
    expect(first.kind === 'doc' && first.doc).toMatchObject({id: 'x1', title: 'T', meta: {url: 'https://example.org/1'}})
  })
})

describe('readCorpus: JSON files (an array of articles, an object, an API answer)', () => {
  const story = (n: number) => `Anna Smith said on Monday that plan ${n} would cost the city five million dollars.`
  const summary = (items: CorpusItem[]) => items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.id} ${i.doc.source}` : `error ${i.error.source} ${i.error.code}`))

  it('reads an array element by element, each mapped as a JSONL record is (fields, meta, ids), and says what each bad element is', async () => {
    const array = [
      {id: 'a1', title: 'One', text: story(1), url: 'https://example.org/1', date: '2024-05-01', byline: 'Ann', section: 'City'},
      {text: story(2)},
      'a string',
      {title: 'no text'},
      {id: 'a1', text: story(3)},
      {id: 'h', html: `<html><body><article><p>${story(4)}</p></article></body></html>`},
      {text: '   '},
    ]
    const text = JSON.stringify(array, null, 2).replace('"a string"', '{"text": bad}')
    const dir = await corpus({'export.json': text, 'export.jsonl': array.map((a) => JSON.stringify(a)).join('\n')})
    const items = await readAll(dir)
    const fromJson = items.filter((i) => (i.kind === 'doc' ? i.doc.source : i.error.source).startsWith('export.json:'))
    expect(summary(fromJson)).toEqual([
      'doc a1 export.json:[0]',
      `doc ${contentId(story(2))} export.json:[1]`,
      'error export.json:[2] ingest:bad-json',
      'error export.json:[3] ingest:bad-record',
      'doc a1-2 export.json:[4]',
      'doc h export.json:[5]',
      'error export.json:[6] ingest:empty',
    ])
    // each element's line in the message, so a pretty-printed file can be opened at it
    expect(fromJson.map((i) => (i.kind === 'error' ? i.error.message.split(':')[0] : null))).toEqual([null, null, 'element 2 (line 14) is not JSON', 'element 3 (line 15) is not an article {id?, title?, text or html, url?, date?, byline?}', null, null, 'element 6 (line 26) has an empty text'])
    const first = fromJson[0]!
    expect(first.kind === 'doc' && first.doc).toMatchObject({title: 'One', text: story(1), meta: {url: 'https://example.org/1', date: '2024-05-01', byline: 'Ann', extra: {section: 'City'}}})
    // the same records as JSON Lines give the same documents (ids, texts, meta); a repeated id is renamed across files
    const docs = (prefix: string) => items.flatMap((i) => (i.kind === 'doc' && i.doc.source.startsWith(prefix) ? [[i.doc.text, i.doc.title, i.doc.meta]] : []))
    expect(docs('export.json:')).toEqual(docs('export.jsonl:'))
    expect(docs('export.json:').map((d) => String(d[0]).trim())).toEqual([story(1), story(2), story(3), story(4)])
    // every item is the file's, for the manifest's splitFiles
    expect(new Set(items.map((i) => i.file))).toEqual(new Set(['export.json', 'export.jsonl']))
  })

  it.each([
    ['an object alone', {'a.json': JSON.stringify({id: 'solo', text: story(1)})}, ['doc solo a.json:1']],
    ['objects one per line under a .json name', {'a.json': `${JSON.stringify({id: 'l1', text: story(1)})}\n${JSON.stringify({id: 'l2', text: story(2)})}\n`}, ['doc l1 a.json:1', 'doc l2 a.json:2']],
    [
      'an API answer wrapping its articles ({"status", "totalResults", "articles": [...]}), an id past 2^53 kept as written',
      {'a.json': `{"status": "ok", "totalResults": 2, "articles": [{"id": 12345678901234567891, "text": "${story(1)}"}, {"title": "no text", "content": "x"}]}`},
      ['doc 12345678901234567891 a.json:.articles[0]', 'error a.json:.articles[1] ingest:bad-record'],
    ],
    ['an empty array', {'a.json': '[]'}, ['error a.json ingest:empty']],
    ['an empty file', {'a.json': ''}, ['error a.json ingest:empty']],
    ['another tool\'s JSON (an object that is no article)', {'a.json': '{"name": "not lede", "version": "1.0"}'}, ['error a.json:1 ingest:bad-record']],
    ['a file cut off inside its second element', {'a.json': `[{"id": "c1", "text": "${story(1)}"}, {"id": "c2", "text": "cut`}, ['doc c1 a.json:[0]', 'error a.json:[1] ingest:bad-json']],
    ['gzip-compressed', {'a.json.gz': gzipSync(JSON.stringify([{id: 'g1', text: story(1)}, {id: 'g2', text: story(2)}]))}, ['doc g1 a.json.gz:[0]', 'doc g2 a.json.gz:[1]']],
    ['in UTF-16 with a BOM (a Windows tool)', {'a.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify([{id: 'u1', text: story(1)}]), 'utf16le')])}, ['doc u1 a.json:[0]']],
    ['random bytes named .json', {'a.json': Buffer.from(Array.from({length: 4000}, (_, i) => (i * 7919) % 256))}, ['error a.json ingest:not-text']],
  ])('%s', async (_name, files, expected) => {
    const items = await readAll(await corpus(files))
    expect(summary(items)).toEqual(expected)
  })

  // scrapers that collect each <p> write "text" as a list of paragraphs: read as one text (paragraphs joined by a blank
  // line), said with ingest:text-list; a list holding anything but strings is refused, naming the element
  it.each([
    ['a list of paragraphs', ['One para.', 'Two para.'], 'doc ingest:text-list', 'One para.\n\nTwo para.', /^"text" is a list of 2 paragraphs, as some scrapers write it: read as one text, the paragraphs joined by blank lines; offsets count/],
    ['a list with blank paragraphs', ['', 'One para.', '  ', 'Two para.'], 'doc ingest:text-list', 'One para.\n\nTwo para.', /joined by blank lines \(2 blank ones left out\)/],
    ['a list of one paragraph', ['Only one.'], 'doc ingest:text-list', 'Only one.', /a list of 1 paragraph,/],
    ['a paragraph with CRLF and a NUL', ['One\r\npara.\u0000', 'Two.'], 'doc ingest:text-list ingest:control-characters', 'One\npara.\n\nTwo.', null],
    ['an empty list', [], 'error ingest:empty', '', /has an empty text \(a list of 0 paragraphs, none with a letter or sign\)/],
    ['a list of blanks', ['', ' \n'], 'error ingest:empty', '', /a list of 2 paragraphs/],
    ['a number in the list', ['One.', 3], 'error ingest:bad-record', '', /text: a list of paragraphs must hold strings only: element 1 is a number$/],
    ['a list inside the list', [['One.'], 'Two.'], 'error ingest:bad-record', '', /element 0 is a list$/],
    ['null in the list', ['One.', null], 'error ingest:bad-record', '', /element 1 is null$/],
    ['an object for text', {p: 'One.'}, 'error ingest:bad-record', '', /text: expected a string or a list of paragraph strings, received an object$/],
  ])('reads "text" given as %s, in JSONL and in a .json array alike', async (_name, text, expected, joined, message) => {
    const record = JSON.stringify({title: 'T', text})
    const items = [...(await readAll(await corpus({'a.jsonl': record}))), ...(await readAll(await corpus({'b.json': `[${record}]`})))]
    expect(items).toHaveLength(2)
    for (const item of items) {
      expect(item.kind === 'doc' ? ['doc', ...item.doc.messages.map((m) => m.code)].join(' ') : `error ${item.error.code}`).toBe(expected)
      if (item.kind === 'doc') expect(item.doc.text).toBe(joined)
      const said = item.kind === 'doc' ? item.doc.messages[0]!.message : item.error.message
      if (message) expect(said).toMatch(message)
    }
    // the same paragraphs give the same id from either file (an id from the joined text)
    if (items[0]!.kind === 'doc' && items[1]!.kind === 'doc') expect(items[0]!.doc.id).toBe(contentId(joined))
  })

  it('reads a list of paragraphs under the field --text-field names, and says that field', async () => {
    const items = await readAll(await corpus({'a.jsonl': JSON.stringify({paragraphs: ['One para.', 'Two para.'], text: 'teaser'})}), {textField: 'paragraphs'})
    const doc = items[0]!.kind === 'doc' ? items[0]!.doc : null
    expect(doc?.text).toBe('One para.\n\nTwo para.')
    expect(doc?.meta.extra).toEqual({text: 'teaser'})
    expect(doc?.messages[0]!.message).toMatch(/^"paragraphs" is a list of 2 paragraphs/)
  })

  // a title, url, date or byline that is no string (a list of authors, epoch seconds, mongoexport's {"$date": ...})
  // refused the whole article as a bad record: the text is read, the field kept as given in meta, and said
  it.each([
    ['a byline as a list of authors', {byline: ['Jane Doe', 'John Roe']}, 'byline', /^"byline" is a list of 2, not a string: kept as given in meta\.byline, not read as the article's byline$/],
    ['a date as epoch seconds', {date: 1700000000}, 'date', /^"date" is a number, not a string/],
    ['a date as mongoexport writes it', {date: {$date: '2024-01-02T00:00:00Z'}}, 'date', /^"date" is an object, not a string/],
    ['a title as a list', {title: ['Budget plan']}, 'title', /^"title" is a list of 1/],
    ['a url as an object', {url: {href: 'https://example.org/1'}}, 'url', /^"url" is an object/],
    ['a byline that is true', {byline: true}, 'byline', /^"byline" is a boolean/],
  ])('reads an article with %s, the field kept in meta', async (_name, field, key, message) => {
    const value = Object.values(field)[0]
    const items = [...(await readAll(await corpus({'a.jsonl': JSON.stringify({id: 'x', text: story(1), ...field})}))), ...(await readAll(await corpus({'b.json': JSON.stringify([{id: 'x', text: story(1), ...field}])})))]
    for (const item of items) {
      expect(item.kind).toBe('doc')
      if (item.kind !== 'doc') continue
      expect(item.doc.text).toBe(story(1))
      expect(item.doc.meta.extra?.[key]).toEqual(value)
      expect((item.doc.meta as Record<string, unknown>)[key]).toBeUndefined()
      expect(item.doc.messages.map((m) => m.code)).toEqual(['ingest:field-type'])
      expect(item.doc.messages[0]!.message).toMatch(message)
    }
    // a record with no text is still no article, its fields named as they were given
    const none = await readAll(await corpus({'c.jsonl': JSON.stringify(field)}))
    expect(none[0]!.kind === 'error' && none[0]!.error.message).toMatch(new RegExp(`a record needs a "text" or an "html" string \\(its fields: "${key}";`))
  })

  // JSON has no comments and no trailing commas: such a file is read all the same (nothing in it is lost), each
  // departure a warning on the record it stands by, and the array's elements keep the jq address `[i]`
  it.each([
    ['a // comment line before the array', (a: string, b: string) => `// exported 2026-12-01\n[${a}, ${b}]`, ['[0] ingest:json-comment', '[1]'], /^a comment on line 1 was skipped: JSON has no comments/],
    ['blank lines before the array', (a: string, b: string) => `\n\n[${a}, ${b}]`, ['[0]', '[1]'], null],
    ['a trailing comma', (a: string, b: string) => `[\n${a},\n${b},\n]\n`, ['[0]', '[1] ingest:json-trailing-comma'], /^the array ends with a comma after its last element \(line 4\), which JSON does not allow/],
    ['an array the file ends in', (a: string, b: string) => `[${a},\n${b},\n`, ['[0]', '[1] ingest:json-unclosed', 'ingest:json-unclosed'], /^the file ends before the array opened on line 1 is closed: this is the last element read, and any after it are missing \(cut off\?\)$/],
    ['a /* comment */ between elements', (a: string, b: string) => `[${a}, /* two */ ${b}]`, ['[0]', '[1] ingest:json-comment'], /line 1 was skipped/],
    // inside an element (after a value, between fields): JSON.parse refused the element, an ingest:bad-json error
    ['a // comment inside an element', (a: string, b: string) => `[\n${a.replace(/}$/, ' // the body\n}')},\n${b}\n]`, ['[0] ingest:json-comment', '[1]'], /^a comment on line 2 was skipped/],
    ['a /* comment */ between the fields of an element', (a: string, b: string) => `[${a}, ${b.replace('{', '{"id": "x", /* kept? */ ')}]`, ['[0]', '[1] ingest:json-comment'], /^a comment on line 1 was skipped/],
    ['a comment inside an element and one before it', (a: string, b: string) => `[${a},\n/* two */ ${b.replace('{', '{ // first\n')}]`, ['[0]', '[1] ingest:json-comment ingest:json-comment'], /^a comment on line 2 was skipped/],
  ])('reads %s: every element, at its jq address, a warning on the record where JSON is broken', async (_name, json, expected, message) => {
    const items = await readAll(await corpus({'a.json': json(JSON.stringify({text: story(1)}), JSON.stringify({text: story(2)}))}))
    expect(items.map((i) => (i.kind === 'doc' ? [i.doc.source.replace('a.json:', ''), ...i.doc.messages.map((m) => m.code)].join(' ') : i.error.code))).toEqual(expected)
    const warned = items.flatMap((i) => (i.kind === 'doc' ? i.doc.messages : []))
    if (message) expect(warned[0]!.message).toMatch(message)
    expect(warned.every((m) => !m.fatal)).toBe(true)
  })

  it('reads a JSONL line with a comment after or inside its record, with a warning; "//" in a string is text', async () => {
    const lines = [
      `{"text": "${story(1)}"} // from the feed`,
      `{"id": "b", /* an editor's note */ "text": "${story(2)}"}`,
      `{"text": "${story(3)} See https://example.org/x."}`,
      `{"text": "cut /* never closed"`,
    ]
    const items = await readAll(await corpus({'a.jsonl': lines.join('\n') + '\n'}))
    expect(items.map((i) => (i.kind === 'doc' ? [i.doc.source, ...i.doc.messages.map((m) => `${m.code} ${m.message.slice(0, 31)}`)].join(' | ') : `${i.error.source} ${i.error.code}`))).toEqual([
      'a.jsonl:1 | ingest:json-comment a comment on line 1 was skipped',
      'a.jsonl:2 | ingest:json-comment a comment on line 2 was skipped',
      'a.jsonl:3',
      'a.jsonl:4 ingest:bad-json',
    ])
    expect(items[2]!.kind === 'doc' && items[2]!.doc.text).toContain('https://example.org/x.')
  })

  // a line that is only a comment is read past as a comment between a .json's records is (it was ingest:bad-json, exit 1,
  // while a comment after a record was read past): a warning on the record after it, or the one before at the end
  it.each([
    ['a // line before a record', ['// exported 2026-12-01', 'A', 'B'], ['a.jsonl:2 ingest:json-comment', 'a.jsonl:3']],
    ['a /* */ line between records', ['A', '/* the second feed */', 'B'], ['a.jsonl:1', 'a.jsonl:3 ingest:json-comment']],
    ['two comment lines and a record with its own comment', ['A', '// one', '/* two */ // three', 'B // four'], ['a.jsonl:1', 'a.jsonl:4 ingest:json-comment ingest:json-comment ingest:json-comment ingest:json-comment']],
    ['a comment line after the last record', ['A', 'B', '// end of feed'], ['a.jsonl:1', 'a.jsonl:2 ingest:json-comment']],
    ['a comment line before a refused line', ['// next', '{"title": "no text"}'], ['a.jsonl:2 ingest:bad-record also: ingest:json-comment']],
    ['a comment line after a refused last line', ['A', '{"text": "cut', '// end'], ['a.jsonl:1', 'a.jsonl:2 ingest:bad-json also: ingest:json-comment']],
    ['only comment lines', ['// nothing yet', '/* still nothing */'], ['a.jsonl ingest:empty (2 blank or comment lines)']],
    ['a /* never closed is a record cut off', ['A', '/* cut', 'B'], ['a.jsonl:1', 'a.jsonl:2 ingest:bad-json', 'a.jsonl:3']],
    ['a # line is no JSON comment', ['# note', 'A'], ['a.jsonl:1 ingest:bad-json', 'a.jsonl:2']],
  ])('reads a JSONL line that is only a comment: %s', async (_name, lines, expected) => {
    const record = (line: string) => line.replace(/^([AB])\b/, (_m, x: string) => JSON.stringify({text: story(x === 'A' ? 1 : 2)}))
    const items = await readAll(await corpus({'a.jsonl': lines.map(record).join('\n') + '\n'}))
    expect(items.map((i) => (i.kind === 'doc'
      ? [i.doc.source, ...i.doc.messages.map((m) => m.code)].join(' ')
      : `${i.error.source} ${i.error.code}${/; also: ingest:json-comment/.test(i.error.message) ? ' also: ingest:json-comment' : ''}${/\(2 blank or comment lines\)/.test(i.error.message) ? ' (2 blank or comment lines)' : ''}`))).toEqual(expected)
    expect(items.flatMap((i) => (i.kind === 'doc' ? i.doc.messages : [])).every((m) => !m.fatal && (m.code !== 'ingest:json-comment' || /^a comment on line \d+ was skipped/.test(m.message)))).toBe(true)
  })

  // a CR-only (classic Mac) or mixed-ends file was one line to the reader: its records one ingest:bad-json error, exit 1
  it.each([
    ['CR line ends', 'A\rB\rC\r', ['a.jsonl:1', 'a.jsonl:2', 'a.jsonl:3']],
    ['CRLF, CR and LF mixed', 'A\r\nB\rC\nD', ['a.jsonl:1', 'a.jsonl:2', 'a.jsonl:3', 'a.jsonl:4']],
    ['CR line ends in UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A\rB\r', 'utf16le')]), ['a.jsonl:1', 'a.jsonl:2']],
    ['a CR between a record\'s fields stays whitespace', '{"id": "x",\r"text": "T"}\nB', ['a.jsonl:1', 'a.jsonl:2']],
    ['a bad part keeps the line whole, one error as before', 'A\r{"text": "cut\nB', ['a.jsonl:1 ingest:bad-json', 'a.jsonl:2']],
    ['blank parts', 'A\r\r  \rB', ['a.jsonl:1', 'a.jsonl:4']],
  ] as [string, string | Buffer, string[]][])('reads JSONL records apart at lone carriage returns: %s', async (_name, content, expected) => {
    const records = ['A', 'B', 'C', 'D']
    const fill = (text: string) => text.replace(/\b[ABCD]\b(?![^{]*})/g, (x) => JSON.stringify({text: story(records.indexOf(x) + 1)}))
    const bytes = typeof content === 'string' ? fill(content) : Buffer.concat([content.subarray(0, 2), Buffer.from(fill(content.subarray(2).toString('utf16le')), 'utf16le')])
    const items = await readAll(await corpus({'a.jsonl': bytes}))
    expect(items.map((i) => (i.kind === 'doc' ? [i.doc.source, ...i.doc.messages.filter((m) => m.code !== 'ingest:utf16').map((m) => m.code)] : [i.error.source, i.error.code]).join(' '))).toEqual(expected)
  })

  // JSONL files joined with cat: a byte-order mark at the join, or two records on one line where the first file had no
  // final newline, made that line one ingest:bad-json error (its records lost, exit 1)
  it.each([
    ['a byte-order mark opening a later line', 'A\n\uFEFFB\n', ['a.jsonl:1', 'a.jsonl:2 ingest:bom-inside']],
    ['the first line\'s byte-order mark is the file\'s own', '\uFEFFA\nB\n', ['a.jsonl:1', 'a.jsonl:2']],
    ['two records on one line', 'AB\nC\n', ['a.jsonl:1 ingest:jsonl-joined', 'a.jsonl:1 ingest:jsonl-joined', 'a.jsonl:2']],
    ['three records with spaces between', 'A B  C\n', ['a.jsonl:1 ingest:jsonl-joined', 'a.jsonl:1 ingest:jsonl-joined', 'a.jsonl:1 ingest:jsonl-joined']],
    ['a joined record that is no article', 'A{"title": "x"}\n', ['a.jsonl:1 ingest:jsonl-joined', 'a.jsonl:1 ingest:bad-record']],
    ['a record then something that is no object stays one error', 'A 5\nB\n', ['a.jsonl:1 ingest:bad-json', 'a.jsonl:2']],
    ['a record then a cut one stays one error', 'A{"text": "cut\nB\n', ['a.jsonl:1 ingest:bad-json', 'a.jsonl:2']],
    ['braces inside strings do not split', '{"text": "a } { b"} junk\n', ['a.jsonl:1 ingest:bad-json']],
  ])('reads JSONL files joined together: %s', async (_name, content, expected) => {
    const records = ['A', 'B', 'C']
    // every capital A, B or C of a case is a record (the rest of each case is lower case)
    const text = content.replace(/[ABC]/g, (x) => JSON.stringify({text: story(records.indexOf(x) + 1)}))
    const items = await readAll(await corpus({'a.jsonl': text}))
    expect(items.map((i) => (i.kind === 'doc' ? [i.doc.source, ...i.doc.messages.map((m) => m.code)] : [i.error.source, i.error.code]).join(' '))).toEqual(expected)
  })

  it('reads .json files joined with cat, each with its byte-order mark, warning ingest:bom-inside', async () => {
    const items = await readAll(await corpus({'a.json': `\uFEFF[{"text": "${story(1)}"}]\n\uFEFF[{"text": "${story(2)}"}]\n`}))
    expect(items.map((i) => (i.kind === 'doc' ? [i.doc.source, ...i.doc.messages.map((m) => m.code)] : [i.error.source, i.error.code]).join(' '))).toEqual(['a.json:[0]', 'a.json:2[0] ingest:bom-inside'])
  })

  // a LexisNexis export was one article: a quote of its second story was given the first story's byline as speaker
  it('reads each document of a LexisNexis text export as an article, by the line of its marker', async () => {
    const text = `   1 of 2 DOCUMENTS\n\n${story(1)}\n\n   2 of 2 DOCUMENTS\n\n${story(2)}\n`
    const items = await readAll(await corpus({'export.txt': text, 'export2.txt.gz': gzipSync(Buffer.from(text))}))
    expect(items.map((i) => (i.kind === 'doc' ? `${i.doc.source} ${i.doc.text === story(1) || i.doc.text === story(2)}` : i.error.code))).toEqual(['export.txt:1 true', 'export.txt:5 true', 'export2.txt.gz:1 true', 'export2.txt.gz:5 true'])
    expect(items.every((i) => i.kind === 'doc' && i.file !== undefined)).toBe(true)
  })

  it('says on an element refused as an error what the file did around it', async () => {
    const items = await readAll(await corpus({'a.json': `[{"text": "${story(1)}"}, {"title": "no text"},]`}))
    expect(items[1]!.kind === 'error' && items[1]!.error.message).toMatch(/is not an article .*; also: ingest:json-trailing-comma: the array ends with a comma/)
  })

  it('says a cut-off element ends the file, and counts bytes that are not UTF-8 as for JSONL', async () => {
    const items = await readAll(await corpus({'a.json': Buffer.concat([Buffer.from(`[{"id": "w", "text": "Caf`), Buffer.from([0xe9]), Buffer.from(` owner ${story(1)}"}, {"text": "cut`)])}))
    expect(items[0]!.kind === 'doc' && items[0]!.doc.messages.map((m) => m.code)).toEqual(['ingest:invalid-utf8'])
    expect(items[1]!.kind === 'error' && items[1]!.error.message).toMatch(/^element 1 \(line 1\) is not JSON: .*; the file ends inside it \(cut off\?\)$/)
  })

  // a non-article .json stays an error (exit 1): a corpus file of another tool's articles ({"maintext": ...}) must not
  // vanish as a skipped file; the message now says what the object holds, which tells the two cases apart
  it.each([
    ['another tool\'s article', '{"title": "T", "maintext": "Body", "date_publish": "2022-02-27"}', /: text: a record needs a "text" or an "html" string \(its fields: "title", "maintext", "date_publish"; rerun with --text-field maintext, or keep files that hold no articles out of the corpus folder\)$/],
    ['a scraper\'s settings', '{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}', /\(its fields: "a", "b", "c", "d", "e", "f", "g", "h", and 2 more; /],
    ['an empty object', '{}', /\(the object is empty\)$/],
    ['an element that is no object', '[1]', /expected object, received number$/],
    ['an object with a text that is no string', '{"text": 5}', /text: .*string[^(]*$/],
  ])('names the fields of %s that is no article', async (_name, json, message) => {
    const items = await readAll(await corpus({'a.json': json}))
    expect(items[0]!.kind === 'error' && items[0]!.error.code).toBe('ingest:bad-record')
    expect(items[0]!.kind === 'error' && items[0]!.error.message).toMatch(message)
  })

  // the hint said "lede reads JSON Lines as UTF-8 only" of a .json file
  it('refuses a .json in windows-1251, naming the charset and saying JSON is read as UTF-8 only', async () => {
    const text = 'Президент Владимир Путин заявил в Москве, что санкции стоят России 50 миллиардов рублей, сообщил Кремль.'
    const cp1251 = Buffer.from(JSON.stringify([{id: 'ru', text}]).replace(/[\u0400-\u04ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x350)), 'latin1')
    const items = await readAll(await corpus({'a.json': cp1251}))
    expect(items[0]!.kind === 'error' && items[0]!.error.message).toMatch(/it looks like text in windows-1251 .*: lede reads JSON and JSON Lines as UTF-8 only, convert it first \(iconv -f windows-1251 -t UTF-8\)$/)
  })

  it('gives the same documents and ids on a second read', async () => {
    const dir = await corpus({'a.json': JSON.stringify([{text: story(1)}, {text: story(2)}, {text: story(1)}])})
    const once = summary(await readAll(dir))
    expect(once).toEqual([`doc ${contentId(story(1))} a.json:[0]`, `doc ${contentId(story(2))} a.json:[1]`, `doc ${contentId(story(1))}-2 a.json:[2]`])
    expect(summary(await readAll(dir))).toEqual(once)
  })
})

describe('readCorpus: JSONL with bytes that are not UTF-8', () => {
  it('keeps the record with U+FFFD and the warning ingest:invalid-utf8, as for a .txt file', async () => {
    const dir = await corpus({'a.jsonl': Buffer.concat([Buffer.from('{"id":"w","text":"Caf'), Buffer.from([0xe9]), Buffer.from(' owner Ren'), Buffer.from([0xe9]), Buffer.from('"}\n{"id":"v","text":"Clean."}\n')])})
    const docs = (await readAll(dir)).flatMap((i) => (i.kind === 'doc' ? [i.doc] : []))
    expect(docs.map((d) => [d.id, d.text, d.messages.map((m) => `${m.code}: ${m.message}`)])).toEqual([
      ['w', 'Caf\uFFFD owner Ren\uFFFD', ['ingest:invalid-utf8: 2 bytes are not valid UTF-8; each bad sequence was replaced by U+FFFD']],
      ['v', 'Clean.', []],
    ])
  })
})

describe('readCorpus: JSONL in UTF-16', () => {
  // read as UTF-8 it gave every line an unreadable bad-json error (and a phantom last line of one NUL)
  const body = '{"id":"a","text":"Story by Ann Lee in Kyïv."}\r\n{"id":"b","text":"Story by Bob Ray."}\r\n'
  it.each([
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]), []],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()]), []],
    ['UTF-16LE without a BOM', Buffer.from(body, 'utf16le'), ['ingest:utf16-without-bom']],
    ['UTF-16LE gzip-compressed', gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])), []],
    ['UTF-32LE with a BOM', utf32(body, true), ['ingest:utf32']],
    ['UTF-32BE with a BOM', utf32(body, false), ['ingest:utf32']],
    ['UTF-32BE gzip-compressed', gzipSync(utf32(body, false)), ['ingest:utf32']],
  ])('reads %s line by line', async (name, bytes, warnings) => {
    const file = name.includes('gzip') ? 'a.jsonl.gz' : 'a.jsonl'
    const dir = await corpus({[file]: bytes})
    const items = await readAll(dir)
    expect(items.map((i) => (i.kind === 'doc' ? [i.doc.id, i.doc.source, i.doc.text, i.doc.messages.map((m) => m.code)] : [i.error.code, i.error.message]))).toEqual([
      ['a', `${file}:1`, 'Story by Ann Lee in Kyïv.', warnings],
      ['b', `${file}:2`, 'Story by Bob Ray.', warnings],
    ])
  })
})

describe('readCorpus: text in UTF-32', () => {
  // refused before as "not a text file" (its zero bytes counted as control characters)
  it.each([
    ['little-endian', true],
    ['big-endian', false],
  ])('reads a .txt in UTF-32 %s with a BOM as its UTF-8 twin, emoji whole', async (_name, littleEndian) => {
    const text = readFileSync(new URL('../fixtures/astral-emoji/input.txt', import.meta.url), 'utf8')
    const [a] = await readAll(await corpus({'a.txt': utf32(text, littleEndian)}))
    const [b] = await readAll(await corpus({'a.txt': text}))
    if (a?.kind !== 'doc' || b?.kind !== 'doc') throw new Error('not read')
    expect([a.doc.id, a.doc.text]).toEqual([b.doc.id, b.doc.text])
    expect(a.doc.messages.map((m) => m.code)).toEqual(['ingest:utf32'])
    // counted in the manifest's charsets as recognised from its bytes (it was counted as the Windows-1252 fallback)
    expect([a.charset, a.charsetBy]).toEqual([littleEndian ? 'utf-32le' : 'utf-32be', 'detected'])
  })
})

describe('readCorpus: a folder nested too deep', () => {
  it('names a folder nested past the system\'s path length', async () => {
    const dir = await corpus({'a.txt': 'Kyiv said it would not resume talks.'})
    // made level by level from inside, as an unpacked archive makes it: the full path passes 4,096 bytes
    const {execFileSync} = await import('node:child_process')
    const part = 'a_folder_with_a_long_name/'.repeat(70)
    execFileSync('bash', ['-c', 'cd "$1" && mkdir -p "$2" && cd "$2" && mkdir -p "$2" && cd "$2" && mkdir -p "$2" && cd "$2" && echo Paris said it would. > deep.txt', '_', dir, part])
    const listing = await listCorpus(dir)
    const [deep] = Object.entries(listing.reasons)
    expect(deep![1]).toBe('folder cannot be read: ENAMETOOLONG: its path is longer than the system allows (4,096 bytes on Linux): move it higher up or shorten the folder names')
    expect(listing.unreadable).toHaveLength(1)
  })
})

describe('readCorpus: an input too long to be one text', () => {
  it('gives a 600 MB file (sparse: never read) an ingest:too-large error and reads the rest', async () => {
    const dir = await corpus({'b.txt': 'Kyiv said it would not resume talks.'})
    const {truncate} = await import('node:fs/promises')
    await writeFile(join(dir, 'a.txt'), '')
    await truncate(join(dir, 'a.txt'), 600 * 2 ** 20)
    const items = await readAll(dir)
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source}` : `${i.error.source} ${i.error.code}`))).toEqual(['a.txt ingest:too-large', 'doc b.txt'])
    const [error] = items
    if (error?.kind === 'error') expect(error.error.message).toMatch(/^the file is 629145600 bytes, more than 536870888 bytes/)
  })
})

describe('readCorpus: HTML, gzip and JSONL as written in the wild', () => {
  const page = readFileSync(new URL('./pages/article.html', import.meta.url), 'utf8')
  const jsonl = [
    JSON.stringify({id: 7, title: null, text: 'A story exported with a numeric id.', url: null, date: null, byline: null, section: 'city', tags: ['a']}),
    JSON.stringify({id: '7b', text: 'A story with nothing else.'}),
    JSON.stringify({html: '<p>A record that carries its page instead of text, with enough words.</p>', url: 'https://example.org/r', outlet: 'Example'}),
    JSON.stringify({id: 'm', text: 'Read back from an earlier run.', meta: {section: 'old', kept: true}, section: 'new', counts: {tokens: 6}}),
  ].join('\n')

  const summary = (items: CorpusItem[]) =>
    items.map((i) => (i.kind === 'doc' ? {id: i.doc.id, text: i.doc.text, title: i.doc.title, meta: i.doc.meta} : {error: i.error.code}))

  it('reads every .gz the same as its plain twin: same ids, texts, titles and metadata', async () => {
    const plainDir = await corpus({'a.txt': 'A plain story.\n', 'b.jsonl': jsonl, 'c.html': page})
    const gzipDir = await corpus({'a.txt.gz': gzipSync('A plain story.\n'), 'b.jsonl.gz': gzipSync(jsonl), 'c.html.gz': gzipSync(page)})
    const plain = await readAll(plainDir)
    const packed = await readAll(gzipDir)
    expect(summary(packed)).toEqual(summary(plain))
    expect(packed.map((i) => i.kind === 'doc' && i.doc.source)).toEqual(['a.txt.gz', 'b.jsonl.gz:1', 'b.jsonl.gz:2', 'b.jsonl.gz:3', 'b.jsonl.gz:4', 'c.html.gz'])
  })

  it('reads numeric ids, null and absent fields, keeps unknown fields in meta, and extracts an html field', async () => {
    const items = summary(await readAll(await corpus({'b.jsonl': jsonl})))
    expect(items).toEqual([
      {id: '7', text: 'A story exported with a numeric id.', title: null, meta: {extra: {section: 'city', tags: ['a']}}},
      {id: '7b', text: 'A story with nothing else.', title: null, meta: {}},
      {id: expect.any(String), text: 'A record that carries its page instead of text, with enough words.\n', title: null, meta: {url: 'https://example.org/r', extra: {outlet: 'Example'}}},
      {id: 'm', text: 'Read back from an earlier run.', title: null, meta: {extra: {section: 'new', kept: true, counts: {tokens: 6}}}},
    ])
  })

  // JSON.parse rounded 19-20 digit ids (tweet, Snowflake, database ids): two articles became '12345678901234567000' and '-2'
  it('keeps a whole-number id past 2^53 as written; smaller and fractional numbers as before', async () => {
    const lines = [
      '{"id":12345678901234567890,"text":"One story."}',
      '{"id":12345678901234567891,"text":"Another story."}',
      '{"id":1729876543210987654, "text":"A tweet."}',
      '{"id":42,"text":"A small id."}',
      '{"id":1.5,"text":"A fractional id."}',
    ]
    const items = await readAll(await corpus({'ids.jsonl': lines.join('\n')}))
    expect(items.map((i) => i.kind === 'doc' && i.doc.id)).toEqual(['12345678901234567890', '12345678901234567891', '1729876543210987654', '42', '1.5'])
  })

  it('reads a page: text, title and metadata, with an id from the page as saved', async () => {
    const [item] = await readAll(await corpus({'news/page.html': page}))
    expect(item!.kind === 'doc' && item!.doc).toMatchObject({
      id: contentId(page),
      source: 'news/page.html',
      title: 'Council approves budget after long night',
      meta: {url: 'https://news.example.org/city/council-budget', date: '2024-03-12T09:00:00Z', byline: 'Alex Example, Sam Sample'},
    })
  })

  it('reads a .txt (or .txt.gz) that is a saved page as the page, with a warning, and keeps a .txt that only mentions markup as text', async () => {
    const dir = await corpus({
      'a.html': page,
      'b.txt': `\n${page}`,
      'c.txt.gz': gzipSync(`\ufeff  <!-- saved from url=(0040)https://news.example.org/ -->\n${page}`),
      'd.txt': 'A story about web pages.\n<html> is the first tag of a page, the columnist wrote.\n',
    })
    const items = await readAll(dir)
    const docs = items.map((i) => (i.kind === 'doc' ? i.doc : null))
    expect(docs.map((d) => d?.text)).toEqual([docs[0]!.text, docs[0]!.text, docs[0]!.text, 'A story about web pages.\n<html> is the first tag of a page, the columnist wrote.\n'])
    expect(docs.map((d) => d?.title)).toEqual(['Council approves budget after long night', 'Council approves budget after long night', 'Council approves budget after long night', null])
    expect(docs.map((d) => d!.messages.map((m) => m.code))).toEqual([[], ['ingest:html-in-txt'], ['ingest:html-in-txt'], []])
  })

  it('reads an MHTML page (its text/html part) and a Safari .webarchive (its WebMainResource) as the page, and a broken .webarchive as an error line', async () => {
    const qp = page.replace(/=/g, '=3D').replace(/[^\x00-\x7f]/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `=${b.toString(16).toUpperCase()}`).join(''))
    const file = ['MIME-Version: 1.0', 'Content-Type: multipart/related; type="text/html"; boundary="--b--"', '', '----b--', 'Content-Type: text/html', 'Content-Transfer-Encoding: quoted-printable', '', qp, '----b----', ''].join('\r\n')
    const dir = await corpus({
      'a.html': page,
      'b.mhtml': file,
      'c.webarchive': Buffer.from('bplist00\x00\x01binary'),
      'd.webarchive': webarchive(page, {encoding: 'UTF-8', url: 'https://example.org/saved-from'}),
      'e.webarchive.gz': gzipSync(webarchive(Buffer.from(page, 'utf8'))),
      'f.webarchive': webarchive(page.replace(/<link rel="canonical"[^>]*>/, ''), {url: 'https://example.org/saved-from'}),
    })
    const items = await readAll(dir)
    const docs = items.filter((i) => i.kind === 'doc').map((i) => i.doc)
    expect(docs.map((d) => d.source)).toEqual(['a.html', 'b.mhtml', 'd.webarchive', 'e.webarchive.gz', 'f.webarchive'])
    for (const doc of docs.slice(1)) {
      expect(doc.text).toBe(docs[0]!.text)
      expect(doc.title).toBe(docs[0]!.title)
    }
    // the page's own canonical address, else the address the archive was saved from
    expect(docs.map((d) => d.meta?.url ?? null)).toEqual([...Array(4).fill('https://news.example.org/city/council-budget'), 'https://example.org/saved-from'])
    expect(items.filter((i) => i.kind === 'error').map((i) => i.kind === 'error' && [i.error.source, i.error.code])).toEqual([['c.webarchive', 'ingest:bad-webarchive']])
  })

  it('puts what the page extraction found (a subscription wall) on the article as ingest warnings, from a file and from a JSONL html field', async () => {
    const teaser = '<p>The council met again on Tuesday, and members voted on the plan to fund new buses and schools, as expected.</p>'
    const walled = `<html><head><title>Council votes</title></head><body><article>${teaser}<div class="paywall"><p>Subscribe to continue reading.</p></div></article></body></html>`
    const dir = await corpus({'a.html': walled, 'b.jsonl': `${JSON.stringify({id: 'r1', html: walled})}\n`})
    const docs = (await readAll(dir)).map((i) => (i.kind === 'doc' ? i.doc : null))
    expect(docs.map((d) => d!.messages.map((m) => m.code))).toEqual([['ingest:paywall'], ['ingest:paywall']])
    expect(docs.map((d) => d!.text.includes('Subscribe'))).toEqual([false, false])
  })

  it('turns a page without a body, a corrupt .gz and a bad record into error lines, and reads the rest', async () => {
    const dir = await corpus({
      '1-login.htm': readFileSync(new URL('./pages/no-article.html', import.meta.url)),
      '2-corrupt.txt.gz': Buffer.from('this was never gzip'),
      '3-cut.jsonl.gz': gzipSync(jsonl.repeat(50)).subarray(0, 100),
      '4-good.txt.gz': gzipSync('Still read.'),
      '5-records.jsonl': [JSON.stringify({id: 1.5, text: 'Fine.'}), JSON.stringify({id: 2, title: 'no text or html'}), JSON.stringify({html: '<nav><a>Home</a></nav>'})].join('\n'),
    })
    const items = await readAll(dir)
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source} ${i.doc.id}` : `error ${i.error.source} ${i.error.code}`))).toEqual([
      'error 1-login.htm ingest:no-article',
      'error 2-corrupt.txt.gz ingest:bad-gzip',
      'error 3-cut.jsonl.gz ingest:bad-gzip',
      `doc 4-good.txt.gz ${contentId('Still read.')}`,
      'doc 5-records.jsonl:1 1.5',
      'error 5-records.jsonl:2 ingest:bad-record',
      'error 5-records.jsonl:3 ingest:no-article',
    ])
  })
})

describe('readCorpus: SGML wire files', () => {
  const wire = (docno: string, words: string) => `<DOC>\n<DOCNO> ${docno} </DOCNO>\n<DATE_TIME> 1998-05-01 00:05 </DATE_TIME>\n<HEADLINE>\nA Headline\n</HEADLINE>\n<TEXT>\n${words}\n</TEXT>\n</DOC>\n`
  const file = `${wire('NYT19980501.0001', 'One.')}${wire('NYT19980501.0002', 'Two.')}`
  const summary = (items: CorpusItem[]) =>
    items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source} ${i.doc.id} ${JSON.stringify(i.doc.text)}` : `error ${i.error.source} ${i.error.code}`))

  it('lists .sgml, .sgm and wire files with no extension (plain or .gz) by content, and skips other extensionless files', async () => {
    const dir = await corpus({'a.sgml': file, 'b.sgm': file, '19980501_NYT': file, 'nyt_eng_199805.gz': gzipSync(file), 'README': 'not a wire file', 'LICENSE.gz': gzipSync('no')})
    expect(await listCorpus(dir)).toMatchObject({inputs: ['19980501_NYT', 'a.sgml', 'b.sgm', 'nyt_eng_199805.gz'], skipped: ['LICENSE.gz', 'README']})
  })

  it('makes each DOC a document: source path:line, id its DOCNO, headline as title and first line, date kept', async () => {
    const items = await readAll(await corpus({'19980501_NYT': file}))
    expect(summary(items)).toEqual([
      'doc 19980501_NYT:1 NYT19980501.0001 "A Headline\\n\\nOne."',
      'doc 19980501_NYT:11 NYT19980501.0002 "A Headline\\n\\nTwo."',
    ])
    expect(items[0]!.kind === 'doc' && items[0]!.doc).toMatchObject({title: 'A Headline', meta: {date: '1998-05-01 00:05'}})
    // the file's bytes are shared by its documents, by the text each accounts for
    const half = Buffer.byteLength(file) / 2
    expect(items.map((i) => i.bytes)).toEqual([half - 1, half + 1])
  })

  it('reads a .txt that opens with <DOC> and a .gz twin as wire files, the same documents as the plain file', async () => {
    const plain = summary(await readAll(await corpus({'x.txt': file})))
    const packed = summary(await readAll(await corpus({'x.sgml.gz': gzipSync(file)})))
    expect(packed).toEqual(plain.map((line) => line.replace('x.txt', 'x.sgml.gz')))
  })

  it('turns broken DOCs into error records with their line, renames a DOCNO another file used, and reads the rest', async () => {
    const broken = `${wire('A1', 'One.')}<DOC>\n<DOCNO> A2 </DOCNO>\n</DOC>\n${wire('A1', 'Again.')}${wire('A3', 'Three.')}`
    const items = await readAll(await corpus({'a.sgml': broken, 'b.sgml': wire('A3', 'Elsewhere.'), 'c.sgml': 'no DOC here'}))
    expect(summary(items)).toEqual([
      'doc a.sgml:1 A1 "A Headline\\n\\nOne."',
      'error a.sgml:11 ingest:sgml-no-text',
      'error a.sgml:14 ingest:sgml-duplicate-docno',
      'doc a.sgml:24 A3 "A Headline\\n\\nThree."',
      'doc b.sgml:1 A3-2 "A Headline\\n\\nElsewhere."',
      'error c.sgml ingest:sgml-no-doc',
    ])
    expect(items[4]!.kind === 'doc' && items[4]!.doc.messages.map((m) => m.code)).toEqual(['ingest:duplicate-id'])
  })
})

describe('createIdAllocator', () => {
  it.each([
    ['repeats', ['d1', 'd1', 'd1'], ['d1', 'd1-2', 'd1-3']],
    ['a repeat whose suffix is taken later', ['d1', 'd1', 'd1-2'], ['d1', 'd1-2', 'd1-2-2']],
    ['a suffix already taken', ['d1-2', 'd1', 'd1'], ['d1-2', 'd1', 'd1-3']],
  ])('never gives two documents one id: %s', (_name, wanted, ids) => {
    const allocate = createIdAllocator()
    const got = wanted.map((id) => allocate(id).id)
    expect(got).toEqual(ids)
    expect(new Set(got).size).toBe(got.length)
  })
})

describe('readCorpus: a file of control bytes is refused without reading it whole', () => {
  const nul = (n: number) => Buffer.alloc(n)
  const ascii = (n: number) => Buffer.alloc(n, 'a')
  // the boundary cases of the block count: the decision must be what decoding the whole file decides
  it.each([
    ['all NUL, 200 KB', nul(200_000), 'error'],
    ['30% NUL exactly: text', Buffer.concat([nul(300), ascii(700)]), 'doc'],
    ['one NUL past 30%: binary', Buffer.concat([nul(301), ascii(699)]), 'error'],
    ['a first block of NULs, then text: text', Buffer.concat([nul(65_536), ascii(1_000_000)]), 'doc'],
    // the NULs that end a file are padding (a pre-allocated or unfinished file), removed with ingest:nul-padding: the
    // share is of the bytes before them (65,536 of 265,536 here, 25%); counted in, this was refused (inputs4)
    ['a first block of NULs, text, NULs at the end', Buffer.concat([nul(65_536), ascii(200_000), nul(60_000)]), 'doc'],
    ['a first block of NULs past 30% of the text before the padding', Buffer.concat([nul(65_536), ascii(100_000), nul(60_000)]), 'error'],
    ['a short article and 5,000 NULs of padding', Buffer.concat([Buffer.from('Kyiv said it would resume talks on Monday.\n'), nul(5_000)]), 'doc'],
    ['a short article and 2 MB of NULs of padding', Buffer.concat([Buffer.from('Kyiv said it would resume talks on Monday.\n'), nul(2_000_000)]), 'doc'],
    ['NULs alone are no padding', nul(2_000_000), 'error'],
    ['UTF-16LE without BOM (half its bytes zero)', Buffer.from('Kyiv said it would resume talks. '.repeat(400), 'utf16le'), 'doc'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Kyiv said. '.repeat(400), 'utf16le').swap16()]), 'doc'],
    ['Windows-1252 with 31% SOH', Buffer.concat([Buffer.from([0xe9]), Buffer.alloc(310, 1), ascii(689)]), 'error'],
    ['UTF-8 with 29% control bytes', Buffer.concat([Buffer.from('Kyïv '), Buffer.alloc(290, 2), ascii(704)]), 'doc'],
  ])('%s', async (_name, bytes, kind) => {
    const [item] = await readAll(await corpus({'a.txt': bytes}))
    expect(item!.kind).toBe(kind)
    expect('error' in decodeBytes(bytes) ? 'error' : 'doc').toBe(kind)
    if (item!.kind === 'error') expect(item!.error.code).toBe('ingest:not-text')
  })

  it('refuses a large run of NULs after counting a third of it, with the file bytes for progress', async () => {
    const dir = await corpus({'big.txt': nul(8_000_000)})
    const [item] = await readAll(dir)
    expect(item).toMatchObject({kind: 'error', bytes: 8_000_000, error: {code: 'ingest:not-text'}})
    expect(item!.kind === 'error' && item!.error.message).toMatch(/^\d+ of the first \d+ of its 8000000 bytes are control characters/)
    const found = findBinaryFile(join(dir, 'big.txt'))
    expect(found!.bytesRead).toBeLessThan(8_000_000 * 0.3 + (1 << 20) + 1)
  })

  it('leaves a .txt that is a saved page to the HTML reader, which decodes it its own way', async () => {
    const [item] = await readAll(await corpus({'a.txt': Buffer.concat([Buffer.from('<!DOCTYPE html><html><body><p>Kyiv said it would resume talks.</p>'), nul(2000), Buffer.from('</body></html>')])}))
    // decoded whole as before the count: its message counts the characters of the whole text
    expect(item).toMatchObject({kind: 'error', error: {code: 'ingest:not-text', message: '2000 of 2080 characters are control characters (NUL and the like): not a text file (binary?)'}})
    expect(findBinaryFile(join(await corpus({'b.txt': nul(10)}), 'b.txt'), {skipHead: () => true})).toBeNull()
  })
})

describe('readCorpus: a binary file is refused from its first bytes or a count in blocks', () => {
  // a deterministic stream of pseudo-random bytes (what /dev/urandom gives, repeatable)
  const noise = (n: number, seed = 1) => {
    const out = Buffer.alloc(n)
    let x = seed
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      out[i] = x >>> 24
    }
    return out
  }
  const ascii = (n: number) => Buffer.alloc(n, 'a')
  const png = Buffer.concat([Buffer.from([0x89]), Buffer.from('PNG\r\n'), Buffer.from([0x1a, 0x0a]), ascii(5000)])
  // the decision of the count must be what decoding the whole file decides
  it.each([
    ['random bytes, 200 KB', noise(200_000), 'error'],
    ['random bytes, 50 KB (decoded whole, as before)', noise(50_000), 'error'],
    ['a first block of random bytes, then text: text', Buffer.concat([noise(65_536), ascii(1_000_000)]), 'doc'],
    ['text, then random bytes past 30%', Buffer.concat([ascii(100_000), noise(400_000)]), 'error'],
    ['continuation bytes only, 3 MB', Buffer.alloc(3_000_000, 0x80), 'error'],
    ['four-byte sequences cut by the blocks, all valid', Buffer.from('😀'.repeat(600_000)), 'doc'],
    ['lone lead bytes every 4th byte, 25%: text', Buffer.from('\xf0abc'.repeat(300_000), 'latin1'), 'doc'],
    ['lone lead bytes every 3rd byte, 33%: binary', Buffer.from('\xf0ab'.repeat(300_000), 'latin1'), 'error'],
  ])('%s', async (_name, bytes, kind) => {
    const [item] = await readAll(await corpus({'a.txt': bytes}))
    expect(item!.kind).toBe(kind)
    expect('error' in decodeBytes(bytes) ? 'error' : 'doc').toBe(kind)
    if (item!.kind === 'error') expect(item!.error.code).toBe('ingest:not-text')
  })

  it('counts invalid UTF-8 as the whole decoding does, whatever the block boundaries', async () => {
    // random bytes mixed with valid sequences (cut by the 1 MB blocks anywhere), then ASCII padding that puts the share
    // of invalid bytes one byte's worth either side of 30%: the count must refuse exactly what the whole decoding refuses
    const {scanUtf8} = await import('../../src/io/decode.ts')
    for (let seed = 1; seed <= 2; seed++) {
      const body = noise(1_200_000, seed)
      const chars = ['é', '€', '😀'].map((c) => Buffer.from(c))
      for (let at = 70_000 + seed; at < body.length - 4; at += 7 + (body[at]! % 13)) chars[body[at]! % 3]!.copy(body, at)
      const invalid = scanUtf8(body).invalid
      expect(invalid).toBeGreaterThan(body.length * 0.3)
      for (const [size, kind] of [[Math.ceil(invalid / 0.3) - 1, 'ingest:not-text'], [Math.ceil(invalid / 0.3) + 1, 'read']] as const) {
        const bytes = Buffer.concat([body, Buffer.alloc(size - body.length, 'a')])
        const found = findBinaryFile(join(await corpus({'a.txt': bytes}), 'a.txt'))
        expect([found?.code ?? 'read', 'error' in decodeBytes(bytes) ? 'ingest:not-text' : 'read']).toEqual([kind, kind])
      }
    }
  })

  it('refuses 3 MB of random bytes after reading part of it, with the file bytes for progress', async () => {
    const dir = await corpus({'rand.txt': noise(3_000_000)})
    const [item] = await readAll(dir)
    expect(item).toMatchObject({kind: 'error', bytes: 3_000_000, error: {code: 'ingest:not-text'}})
    expect(item!.kind === 'error' && item!.error.message).toMatch(/^\d+ of the first \d+ of its 3000000 bytes are not valid UTF-8, more than 30% of the file/)
    expect(findBinaryFile(join(dir, 'rand.txt'))!.bytesRead).toBeLessThan(3_000_000 * 0.8)
  })

  it.each([
    ['a PNG named .txt', 'photo.txt', png, 'ingest:binary', 'the file is a PNG image (by its first bytes), not text'],
    ['a PDF named .html', 'story.html', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n' + 'BT (Kyiv said) Tj ET\n'.repeat(100)), 'ingest:binary', 'the file is a PDF document (by its first bytes), not text'],
    ['gzip without .gz', 'story.txt', gzipSync('Kyiv said on Tuesday.'), 'ingest:binary', 'the file is a gzip-compressed file (by its first bytes) though its name does not end in .gz: rename it "story.txt.gz" and lede reads it decompressed'],
    ['a ZIP named .txt.gz', 'story.txt.gz', Buffer.concat([Buffer.from('PK\u0003\u0004'), ascii(100)]), 'ingest:binary', 'the file is a ZIP archive (or a .docx, .xlsx, .odt or .epub, which are ZIP archives) (by its first bytes), not gzip-compressed text'],
    ['a gzip of a PNG named .txt.gz', 'story.txt.gz', gzipSync(png), 'ingest:binary', 'the file decompresses to a PNG image (by its first bytes), not text'],
    ['a ZIP named .jsonl', 'a.jsonl', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('{"text":"x"}\n'.repeat(50))]), 'ingest:binary', 'the file is a ZIP archive (or a .docx, .xlsx, .odt or .epub, which are ZIP archives) (by its first bytes), not text'],
    ['random bytes named .jsonl', 'a.jsonl', noise(20_000), 'ingest:not-text', /^\d+ of the first 20000 of its 20000 bytes are not valid UTF-8, more than 30% of the file: not a text file \(binary\?\)$/],
  ])('%s: one error record for the file', async (_name, name, bytes, code, message) => {
    const items = await readAll(await corpus({[name]: bytes}))
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({kind: 'error', error: {source: name, code}})
    expect(items[0]!.kind === 'error' && items[0]!.error.message).toMatch(message)
  })

  it('refuses a 50 MB sparse file by its signature after reading its first block', async () => {
    const dir = await corpus({'scan.txt': png})
    const {truncateSync} = await import('node:fs')
    truncateSync(join(dir, 'scan.txt'), 50_000_000)
    const found = findBinaryFile(join(dir, 'scan.txt'))
    expect(found).toMatchObject({code: 'ingest:binary', fileBytes: 50_000_000, bytesRead: 65_536})
    const [item] = await readAll(dir)
    expect(item).toMatchObject({kind: 'error', bytes: 50_000_000, error: {code: 'ingest:binary'}})
  })
})

describe('listCorpus and readCorpus: file names that are not UTF-8, or hold newlines and tabs', () => {
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))
  it.each([
    ['UTF-8', bytes('café.txt'), 'café.txt'],
    ['Latin-1 é', bytes('caf', [0xe9], '.txt'), 'caf\\xE9.txt'],
    ['a cut-off UTF-8 sequence, then ASCII', bytes('a', [0xe2, 0x82], 'b'), 'a\\xE2\\x82b'],
    ['Windows-1252 quotes around UTF-8', bytes([0x93], 'Kyïv', [0x94]), '\\x93Kyïv\\x94'],
  ])('displayName: %s', (_name, raw, shown) => {
    expect(displayName(raw)).toBe(shown)
  })

  it('reads every file whatever its name: Latin-1 names (file and folder) by their bytes, each with a warning; newlines and tabs as they are', async () => {
    const dir = await corpus({})
    const at = (...parts: Array<string | number[]>) => bytes(`${dir}/`, ...parts)
    writeFileSync(at('caf', [0xe9], '.txt'), 'The owner of the café said "we stay open" on Monday.')
    // one byte apart: read as strings both names were 'caf\uFFFD.txt', one path for two files
    writeFileSync(at('caf', [0xe8], '.txt'), 'The owner of the other café said "we close" on Monday.')
    mkdirSync(at('Z', [0xfc], 'rich'))
    writeFileSync(at('Z', [0xfc], 'rich/story.txt'), 'The mayor of Zurich said "no" on Tuesday.')
    writeFileSync(join(dir, 'new\nline.txt'), 'A story filed with a newline in its name.')
    writeFileSync(join(dir, 'tab\there.jsonl'), JSON.stringify({id: 't1', text: 'A record in a file with a tab in its name.'}) + '\n')
    // a link of a UTF-8 name to a Latin-1 one is the same file, read once
    symlinkSync(at('caf', [0xe9], '.txt'), join(dir, 'link.txt'))
    const listing = await listCorpus(dir)
    expect(listing.inputs).toEqual(['Z\\xFCrich/story.txt', 'caf\\xE8.txt', 'caf\\xE9.txt', 'new\nline.txt', 'tab\there.jsonl'])
    expect(listing.reasons).toEqual({'link.txt': 'same file as "caf\\xE9.txt", read once'})
    const items = await readAll(dir)
    expect(items.map((i) => (i.kind === 'doc' ? `${i.doc.source}: ${i.doc.messages.map((m) => m.code).join(',')}` : `error ${i.error.source} ${i.error.message}`))).toEqual([
      'Z\\xFCrich/story.txt: ingest:file-name-not-utf8',
      'caf\\xE8.txt: ingest:file-name-not-utf8',
      'caf\\xE9.txt: ingest:file-name-not-utf8',
      'new\nline.txt: ',
      'tab\there.jsonl:1: ',
    ])
  })
})

describe('readCorpus: a .gz cut off part-way keeps what it decompressed to', () => {
  const story = Array.from({length: 60}, (_, i) => `Paragraph ${i + 1}: the minister said talks would resume on Tuesday in Kyiv.`).join('\n')
  const wire = Array.from({length: 30}, (_, i) => `<DOC>\n<DOCNO> NYT${i} </DOCNO>\n<TEXT>\n<P>\nStory ${i}: the mayor said the bridge would reopen in the spring ${contentId(`a${i}`)} ${contentId(`b${i}`)} ${contentId(`c${i}`)}.\n</P>\n</TEXT>\n</DOC>\n`).join('')
  // cut in the middle of the compressed stream: zlib gives the text up to there, then 'unexpected end of file'
  const cut = (text: string, share: number) => {
    const gz = gzipSync(text, {level: 1})
    return gz.subarray(0, Math.floor(gz.length * share))
  }

  it('a single article: its text up to the cut with the warning ingest:gzip-cut-off, then the ingest:bad-gzip error', async () => {
    const items = await readAll(await corpus({'story.txt.gz': cut(story, 0.6)}))
    expect(items.map((i) => `${i.kind} ${i.file}`)).toEqual(['doc story.txt.gz', 'error story.txt.gz'])
    const [doc, error] = items
    if (doc!.kind !== 'doc' || error!.kind !== 'error') return
    expect(story.startsWith(doc.doc.text.replace(/\uFFFD$/, ''))).toBe(true)
    expect(doc.doc.text.length).toBeGreaterThan(100)
    expect(doc.doc.messages.map((m) => m.code)).toContain('ingest:gzip-cut-off')
    expect(error.error).toMatchObject({source: 'story.txt.gz', code: 'ingest:bad-gzip'})
    expect(error.error.message).toMatch(/^not a readable gzip file \(corrupt or cut off\): unexpected end of file; the \d+ bytes before it were read \(1 document\); the rest of the file is lost$/)
  })

  it('an SGML archive: every DOC before the cut, the DOC cut through as sgml-unterminated, then the ingest:bad-gzip error', async () => {
    const items = await readAll(await corpus({'nyt_199807.gz': cut(wire, 0.5)}))
    const codes = items.map((i) => (i.kind === 'doc' ? 'doc' : i.error.code))
    expect(codes.filter((c) => c === 'doc').length).toBeGreaterThan(5)
    expect(codes.slice(-2)).toEqual(['ingest:sgml-unterminated', 'ingest:bad-gzip'])
    // complete DOCs carry no warning: their text is whole
    expect(items.flatMap((i) => (i.kind === 'doc' ? i.doc.messages : []))).toEqual([])
  })

  it('a .gz cut inside its header gives nothing: one error, as before', async () => {
    const items = await readAll(await corpus({'story.txt.gz': gzipSync(story).subarray(0, 8)}))
    expect(items.map((i) => (i.kind === 'error' ? `${i.error.code} ${i.file}` : 'doc'))).toEqual(['ingest:bad-gzip undefined'])
  })
})

describe('readCorpus: an article longer than MAX_ARTICLE_CHARS', () => {
  it('is an ingest:too-long error (a .txt of one long line, a JSONL record), and the rest is read', async () => {
    const line = 'the minister said talks would resume on Tuesday '.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / 48)).slice(0, MAX_ARTICLE_CHARS + 1)
    const items = await readAll(await corpus({'a-long.txt': line, 'b.jsonl': `${JSON.stringify({id: 'huge', text: line})}\n${JSON.stringify({id: 'ok', text: 'Short.'})}\n`, 'c-at-limit.txt': line.slice(0, MAX_ARTICLE_CHARS)}))
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source}` : `error ${i.error.source} ${i.error.code} ${i.file}`))).toEqual([
      'error a-long.txt ingest:too-long undefined',
      'error b.jsonl:1 ingest:too-long b.jsonl',
      'doc b.jsonl:2',
      'doc c-at-limit.txt',
    ])
    expect(items[0]!.kind === 'error' && items[0]!.error.message).toBe(`the article is ${MAX_ARTICLE_CHARS + 1} characters long, more than the ${MAX_ARTICLE_CHARS} lede processes as one article: it is probably many articles in one file; split it into one file (or JSONL line, or <DOC>) per article`)
  })
})

describe('readCorpus: a file gone or changed between the listing and its reading', () => {
  it('a file deleted after the listing is an ingest:unreadable error naming it; one rewritten is read as it is then', async () => {
    const dir = await corpus({'a.txt': 'First version.', 'b.txt': 'Stays.', 'c.txt': 'Old text.'})
    const listing = await listCorpus(dir)
    const {rmSync} = await import('node:fs')
    rmSync(join(dir, 'a.txt'))
    writeFileSync(join(dir, 'c.txt'), 'New text, written during the run.')
    const items: CorpusItem[] = []
    for await (const item of readCorpus(dir, listing)) items.push(item)
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source} ${i.doc.text}` : `error ${i.error.source} ${i.error.code} ${i.error.message}`))).toEqual([
      // it said only "ENOENT: no such file or directory", though the file was there when the run started
      expect.stringMatching(/^error a\.txt ingest:unreadable cannot read file: the file was there when the corpus was listed, at the start of the run, and is gone now \(deleted, moved or renamed during the run\): ENOENT: no such file or directory/),
      'doc b.txt Stays.',
      'doc c.txt New text, written during the run.',
    ])
  })
})

describe('legacy charsets in a corpus', () => {
  const ru = 'Президент России заявил в четверг, что правительство выделит пять миллиардов рублей на строительство новых школ в Москве. Мы должны думать о будущем наших детей, сказал он журналистам.\n'
  const page = (meta: string) => `<!DOCTYPE html><html><head>${meta}<title>Новости</title></head><body><article><h1>Школы</h1><p>${ru}</p><p>${ru}</p><p>${ru}</p></article></body></html>\n`
  const read = async (files: Record<string, Uint8Array>, encoding?: string) => {
    const dir = await corpus(files)
    const items: CorpusItem[] = []
    for await (const item of readCorpus(dir, await listCorpus(dir), encoding !== undefined ? {encoding} : {})) items.push(item)
    return items
  }

  it.each([
    ['a .txt', 'a.txt', iconv.encode(ru, 'koi8-r'), 'ingest:charset-detected', 'koi8-r'],
    // larger than the first block findBinaryFile looks at, where invalid UTF-8 is counted before the file is read
    ['a .txt of 3 MB', 'a.txt', iconv.encode(ru.repeat(10_000), 'koi8-r'), 'ingest:charset-detected', 'koi8-r'],
    ['a gzip-compressed .txt', 'a.txt.gz', gzipSync(iconv.encode(ru, 'windows-1251')), 'ingest:charset-detected', 'windows-1251'],
    ['a page with no <meta charset>', 'a.html', iconv.encode(page(''), 'windows-1251'), 'ingest:charset-detected', 'windows-1251'],
    ['an SGML wire file', 'a.sgml', iconv.encode(`<DOC>\n<DOCNO> RU1 </DOCNO>\n<TEXT>\n${ru}</TEXT>\n</DOC>\n`, 'windows-1251'), 'ingest:charset-detected', 'windows-1251'],
  ])('reads %s in windows-1251 or KOI8-R as Russian', async (_name, path, bytes, code, charset) => {
    const items = await read({[path]: bytes})
    expect(items).toHaveLength(1)
    // the charset read in goes with the item, for the manifest's inputs.charsets
    expect(items[0]).toMatchObject({kind: 'doc', doc: {messages: [{code}]}, charset})
    if (items[0]!.kind === 'doc') expect(items[0]!.doc.text).toContain('Президент России заявил')
  })

  it('reads a page by its <meta charset> before --encoding, and --encoding before detection', async () => {
    const items = await read({'a.html': iconv.encode(page('<meta charset="windows-1251">'), 'windows-1251'), 'b.txt': iconv.encode(ru, 'koi8-r')}, 'koi8-r')
    expect(items.map((i) => i.kind === 'doc' && [i.doc.text.includes('Президент России'), i.doc.messages.map((m) => m.code)])).toEqual([
      [true, []],
      [true, ['ingest:charset-given']],
    ])
    // both are counted in the manifest, each with how its charset was chosen (before, the page was not counted)
    expect(items.map((i) => i.kind === 'doc' && [i.charset, i.charsetBy])).toEqual([
      ['windows-1251', 'declared'],
      ['koi8-r', 'given'],
    ])
  })

  it('refuses a JSONL file in KOI8-R (JSON Lines are UTF-8) and says which charset it looks like', async () => {
    const items = await read({'a.jsonl': iconv.encode(`${JSON.stringify({text: ru})}\n`.repeat(3), 'koi8-r')})
    expect(items).toMatchObject([{kind: 'error', error: {code: 'ingest:not-text'}}])
    expect(items[0]!.kind === 'error' && items[0]!.error.message).toMatch(/looks like text in koi8-r .*iconv -f koi8-r -t UTF-8\)$/)
  })
})

describe('a JSONL file with no records', () => {
  it.each([
    ['empty', 'a.jsonl', '', 'the JSONL file holds no records (it is empty)'],
    ['blank lines only', 'a.jsonl', '\n  \n\r\n', 'the JSONL file holds no records (3 blank lines)'],
    ['empty, gzip-compressed', 'a.jsonl.gz', gzipSync(Buffer.alloc(0)), 'the JSONL file holds no records (it is empty)'],
  ])('%s: an ingest:empty error, as an empty .txt is', async (_name, path, content, message) => {
    expect(await readAll(await corpus({[path]: content}))).toMatchObject([{kind: 'error', error: {source: path, code: 'ingest:empty', message}}])
  })

  it('a file of bad lines gives their errors and no ingest:empty', async () => {
    const items = await readAll(await corpus({'a.jsonl': 'not json\n{"title":"no text"}\n'}))
    expect(items.map((i) => i.kind === 'error' && i.error.code)).toEqual(['ingest:bad-json', 'ingest:bad-record'])
  })
})
