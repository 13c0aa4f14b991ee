import {describe, expect, it} from 'vitest'
import {inputFormat, mayBeWireFile, looksLikeHtmlPage} from '../../src/io/formats.ts'

describe('inputFormat', () => {
  it.each([
    ['a.txt', {format: 'txt', gzip: false}],
    ['a.jsonl', {format: 'jsonl', gzip: false}],
    ['a.html', {format: 'html', gzip: false}],
    ['A.HTM', {format: 'html', gzip: false}],
    ['a.txt.gz', {format: 'txt', gzip: true}],
    ['a.jsonl.gz', {format: 'jsonl', gzip: true}],
    ['a.html.gz', {format: 'html', gzip: true}],
    ['a.sgml', {format: 'sgml', gzip: false}],
    ['A.SGM.gz', {format: 'sgml', gzip: true}],
    ['a.xml', {format: 'xml', gzip: false}],
    ['2007/1830011.XML.gz', {format: 'xml', gzip: true}],
    ['a.gz', null],
    ['a.json', {format: 'json', gzip: false}],
    ['a.tar.gz', null],
    ['notes.md', null],
  ])('%s', (path, expected) => {
    expect(inputFormat(path)).toEqual(expected)
  })
})

describe('mayBeWireFile', () => {
  it.each([
    ['19980601_NYT', true],
    ['nyt/nyt_eng_199807.gz', true],
    ['sub/980601.0001', true],
    ['notes.md', false],
    ['img.png.gz', false],
    ['.hidden', false],
  ])('%s', (path, expected) => {
    expect(mayBeWireFile(path)).toBe(expected)
  })
})

describe('looksLikeHtmlPage', () => {
  it.each([
    ['a doctype', '<!DOCTYPE html>\n<html lang="en">', true],
    ['a lower-case doctype after white space', '\n  <!doctype html><html>', true],
    ['an <html> tag first', '<html><head>', true],
    ['<html> with attributes', '<html lang="en" amp>', true],
    ['a UTF-8 byte-order mark (read as Latin-1) and a "saved from url" comment', '\u00ef\u00bb\u00bf<!-- saved from url=(0040)https://x.example/ -->\n<html>', true],
    ['an XHTML page with an XML declaration', '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">', true],
    ['prose that mentions a tag', 'The <html> tag opens a page, she wrote.', false],
    ['a wire file', '<DOC>\n<DOCNO> A1 </DOCNO>', false],
    ['a fragment (no page around it)', '<p>Just a paragraph.</p>', false],
    ['an <htmlx> element', '<htmlx>', false],
  ])('%s', (_name, head, expected) => {
    expect(looksLikeHtmlPage(head)).toBe(expected)
  })
})
