import {describe, expect, it} from 'vitest'
import {pageFromMhtml} from '../../src/io/mhtml.ts'

// what Chrome writes for "Save as single file" (RFC 2557 multipart/related), the page first, its resources after
const mhtml = (part: string, type = 'text/html', encoding = 'quoted-printable') =>
  [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example.org/story',
    'Subject: Council votes',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc123----"',
    '',
    '',
    '------MultipartBoundary--abc123----',
    `Content-Type: ${type}`,
    'Content-ID: <frame-1@mhtml.blink>',
    `Content-Transfer-Encoding: ${encoding}`,
    'Content-Location: https://news.example.org/story',
    '',
    part,
    '------MultipartBoundary--abc123----',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://news.example.org/a.png',
    '',
    'iVBORw0KGgo=',
    '------MultipartBoundary--abc123------',
    '',
  ].join('\r\n')

describe('pageFromMhtml', () => {
  it.each([
    // "=3D" is "=", "=E2=80=9C" a UTF-8 curly quote, "=" at a line's end a soft break inside a word
    ['quoted-printable UTF-8 with soft line breaks', mhtml('<html><body><p class=3D"x">=E2=80=9CYes,=E2=80=9D the may=\r\nor said.</p></body></html>'), '<html><body><p class="x">“Yes,” the mayor said.</p></body></html>', {}],
    ['base64', mhtml(Buffer.from('<p>“Base” body</p>').toString('base64'), 'text/html', 'base64'), '<p>“Base” body</p>', {}],
    // a part in a legacy charset names it (WHATWG name), for the manifest's counts
    ['a windows-1252 part', mhtml('<p>=93Quoted=94 =80 5</p>', 'text/html; charset=windows-1252'), '<p>\u201cQuoted\u201d \u20ac 5</p>', {charset: 'windows-1252'}],
    ['8bit', mhtml('<p>plain</p>', 'text/html', '8bit'), '<p>plain</p>', {}],
  ])('reads the page part: %s', (_name, file, html, charset) => {
    expect(pageFromMhtml(Buffer.from(file, 'utf8').toString('latin1'))).toEqual({html: expect.stringContaining(html), ...charset})
  })

  it.each([
    ['no header block', 'just text', /no MIME header/],
    ['not multipart', 'Content-Type: text/plain\n\nhello', /not a multipart/],
    ['no text/html part', mhtml('iVBORw0KGgo=', 'image/png', 'base64'), /no text\/html part/],
  ])('says why there is no page: %s', (_name, file, message) => {
    expect(pageFromMhtml(file)).toEqual({error: expect.stringMatching(message)})
  })
})
