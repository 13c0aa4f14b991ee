import {describe, expect, it} from 'vitest'
import {inputFormat, mayBeWireFile} from '../../src/io/formats.ts'

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
    ['a.gz', null],
    ['a.json', null],
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
