import {describe, expect, it} from 'vitest'
import {pageFromWebarchive} from '../../src/io/webarchive.ts'
import {webarchive, writeBinaryPlist} from '../helpers/bplist.ts'

const page = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council votes</title></head><body><article><p>“Yes,” the mayor said, and the council voted 7 to 2 for the new bus plan.</p></article></body></html>'

describe('pageFromWebarchive', () => {
  it.each([
    ['UTF-8, named', webarchive(page, {encoding: 'UTF-8'}), page, {}],
    ['windows-1252, named: 0x93/0x94 are curly quotes, 0x80 the euro sign', webarchive(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x41, 0x94, 0x20, 0x80, 0x35, 0x3c, 0x2f, 0x70, 0x3e]), {encoding: 'windows-1252'}), '<p>\u201cA\u201d \u20ac5</p>', {charset: 'windows-1252'}],
    ['Shift_JIS, named', webarchive(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x8c, 0x8b, 0x9e, 0x3c, 0x2f, 0x70, 0x3e]), {encoding: 'shift_jis'}), '<p>東京</p>', {charset: 'shift_jis'}],
    ['XHTML', webarchive(page, {encoding: 'utf-8', mimeType: 'application/xhtml+xml'}), page, {}],
    ['many subresources', webarchive(page, {encoding: 'UTF-8', subresources: 300}), page, {}],
  ])('decodes the main resource in the charset the archive names: %s', (_name, file, html, charset) => {
    const result = pageFromWebarchive(file)
    // a legacy charset is named (WHATWG name), for the manifest's counts
    expect(result).toEqual({html, url: 'https://example.org/news/story.html', ...charset})
  })

  it('leaves the bytes to the ordinary decoding when the archive names no charset, or one that does not fit', () => {
    for (const encoding of [undefined, 'no-such-charset', 'utf-8']) {
      const bytes = Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]) // Latin-1 é: not UTF-8
      const result = pageFromWebarchive(webarchive(bytes, encoding === undefined ? {} : {encoding}))
      expect(result).toEqual({html: bytes, url: 'https://example.org/news/story.html'})
    }
  })

  it.each([
    ['not a property list', Buffer.from('<html><body><p>a page under the wrong name</p></body></html>'), /not a readable binary property list/],
    ['an XML property list', Buffer.from('<?xml version="1.0"?><plist version="1.0"><dict></dict></plist>'), /XML property list/],
    ['cut off', webarchive(page).subarray(0, 200), /not a readable binary property list/],
    ['no WebMainResource', writeBinaryPlist({WebSubresources: []}), /no WebMainResource/],
    ['no WebResourceData', writeBinaryPlist({WebMainResource: {WebResourceMIMEType: 'text/html'}}), /no WebResourceData/],
    ['a picture', webarchive(Buffer.from([0x89, 0x50]), {mimeType: 'image/png'}), /image\/png, not a web page/],
    ['a top object that is an array', writeBinaryPlist(['WebMainResource']), /no WebMainResource/],
  ])('says why there is no page: %s', (_name, file, message) => {
    const result = pageFromWebarchive(file)
    expect('error' in result && result.error).toMatch(message)
  })
})
