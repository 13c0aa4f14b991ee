import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {decodeDeclaredCharset, readHtmlArticle, type HtmlArticle} from '../../src/io/html.ts'

const fixture = (name: string) => readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8')

describe('readHtmlArticle', () => {
  const article = readHtmlArticle(fixture('article.html')) as HtmlArticle

  it('reads metadata: JSON-LD headline and authors, article:published_time, rel=canonical, site name, language', () => {
    expect(article).toMatchObject({
      title: 'Council approves budget after long night',
      byline: 'Alex Example, Sam Sample',
      date: '2024-03-12T09:00:00Z',
      url: 'https://news.example.org/city/council-budget',
      extra: {siteName: 'The Example Ledger', lang: 'en'},
    })
  })

  it.each([
    ['a paragraph per block, character references decoded', 'The city council approved a €6 billion budget on Tuesday after a debate that ran late into the night & early morning.'],
    ['<br> as a line break inside its paragraph', '“This is a good day for the city,” the mayor said.\nShe thanked the members who stayed until the end of the session.'],
    ['script-like text as text', 'Protesters outside held a sign reading <script>alert("no cuts")</script>, which a clerk photographed for the record.'],
    ['a subheading', 'What the money pays for'],
    ['list items, one a paragraph, with a bullet', '• New buses for the northern districts and the airport line'],
    ['a table row per line, cells split by tabs', 'Transport\t€2 billion'],
    ['the last paragraph', 'The budget takes effect on 1 April, the council\'s clerk said in a statement on Wednesday.'],
  ])('keeps %s', (_name, paragraph) => {
    expect(article.text.split('\n\n').map((p) => p.trim())).toContain(paragraph)
  })

  it.each([
    ['the caption', 'Photo: Example Agency'],
    ['the share bar', 'Share on Facebook'],
    ['the newsletter box', 'Sign up now'],
    ['the related list', 'Mayor names new transport chief'],
    ['navigation', 'Sport'],
    ['the footer', 'All rights reserved'],
    ['scripts', 'not article text'],
    ['styles', 'color: red'],
  ])('drops %s', (_name, text) => {
    expect(article.text).not.toContain(text)
  })

  it('turns a page without a body into ingest:no-article', () => {
    expect(readHtmlArticle(fixture('no-article.html'))).toMatchObject({code: 'ingest:no-article', message: expect.stringMatching(/no article body/)})
  })

  it.each([
    ['an empty string', ''],
    ['plain text', 'just words'],
    ['broken markup', '<div><p>unclosed <b>tags <i>everywhere'],
    ['a bad JSON-LD block', '<script type="application/ld+json">{oops</script><p>short</p>'],
  ])('never throws on %s', (_name, html) => {
    expect(() => readHtmlArticle(html)).not.toThrow()
  })

  it('reads a bare fragment (a JSONL html field)', () => {
    const result = readHtmlArticle('<p>One paragraph of a fragment, with enough words to be a body.</p><p>And a second one.</p>') as HtmlArticle
    expect(result.text).toBe('One paragraph of a fragment, with enough words to be a body.\n\nAnd a second one.\n')
  })
})

describe('decodeDeclaredCharset', () => {
  it.each([
    ['a windows-1252 page', Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]), '<meta charset="windows-1252"><p>café</p>'],
    ['a page declaring UTF-8', Buffer.from('<meta charset="utf-8"><p>x</p>'), null],
    ['a page declaring nothing', Buffer.from('<p>x</p>'), null],
    ['an unknown charset', Buffer.from('<meta charset="klingon"><p>x</p>'), null],
  ])('decodes %s', (_name, bytes, expected) => {
    expect(decodeDeclaredCharset(bytes)).toBe(expected)
  })
})
