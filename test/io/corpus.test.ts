import {mkdtemp, mkdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {contentId, CorpusError, decodeText, listCorpus, readCorpus, type CorpusItem} from '../../src/io/corpus.ts'

async function corpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-corpus-'))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), {recursive: true})
    await writeFile(join(dir, path), content)
  }
  return dir
}

async function readAll(dir: string): Promise<CorpusItem[]> {
  const items: CorpusItem[] = []
  for await (const item of readCorpus(dir, await listCorpus(dir))) items.push(item)
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
    expect(decodeText(Buffer.from([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xff, 0x42]))).toEqual({text: 'ABCDEFG\uFFFDB'})
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
    expect(await listCorpus(dir)).toEqual({inputs: ['A.txt', 'b.txt', 'sub/a.jsonl'], skipped: ['notes.md', 'sub/img.png']})
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
    const dir = await corpus({'a.txt': Buffer.concat([Buffer.from('Kyiv said it would not '), Buffer.from([0xff, 0x00]), Buffer.from('resume talks.')])})
    const [item] = await readAll(dir)
    expect(item.kind).toBe('doc')
    if (item.kind !== 'doc') return
    expect(item.doc.text).toBe('Kyiv said it would not \uFFFDresume talks.')
    expect(item.doc.messages.map((m) => `${m.stage} ${m.code} ${m.fatal}`)).toEqual(['ingest ingest:invalid-utf8 false', 'ingest ingest:control-characters false'])
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
