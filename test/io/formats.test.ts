import {describe, expect, it} from 'vitest'
import {inputFormat} from '../../src/io/formats.ts'

describe('inputFormat', () => {
  it.each([
    ['a.txt', {format: 'txt', gzip: false}],
    ['a.jsonl', {format: 'jsonl', gzip: false}],
    ['a.html', {format: 'html', gzip: false}],
    ['A.HTM', {format: 'html', gzip: false}],
    ['a.txt.gz', {format: 'txt', gzip: true}],
    ['a.jsonl.gz', {format: 'jsonl', gzip: true}],
    ['a.html.gz', {format: 'html', gzip: true}],
    ['a.gz', null],
    ['a.json', null],
    ['a.tar.gz', null],
    ['notes.md', null],
  ])('%s', (path, expected) => {
    expect(inputFormat(path)).toEqual(expected)
  })
})
