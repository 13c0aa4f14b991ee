/**
 * Safari's `.webarchive` (a page saved as one file, "Web Archive"): a binary property list whose `WebMainResource`
 * holds the page as saved (`WebResourceData`, its bytes; `WebResourceTextEncodingName`, their charset;
 * `WebResourceMIMEType`; `WebResourceURL`), followed by its images, styles and frames (`WebSubresources`,
 * `WebSubframeArchives`). This takes the page out for the HTML reader.
 */
import {readBinaryPlist} from './plist.ts'
import {windows1252FromLatin1} from './decode.ts'

/** The page of a web archive (decoded when the archive names its charset, else its bytes for the ordinary decoding), or why there is none. */
export type WebarchivePage = {html: string | Buffer; url: string | null; charset?: string} | {error: string}

// the main resource is the page only when it is markup; an archive of a picture or a PDF is not an article
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i

/** Reads the main resource of a Safari web archive. */
export function pageFromWebarchive(bytes: Buffer): WebarchivePage {
  let top: unknown
  try {
    top = readBinaryPlist(bytes)
  } catch (error) {
    const xml = /^\s*<\?xml|^\s*<plist/i.test(bytes.subarray(0, 256).toString('latin1'))
    return {error: xml ? 'the web archive is an XML property list, not the binary one Safari writes: not read' : `the web archive is not a readable binary property list: ${(error as Error).message}`}
  }
  const main = isRecord(top) ? top.WebMainResource : undefined
  if (!isRecord(main)) return {error: 'the web archive has no WebMainResource (the saved page)'}
  const data = main.WebResourceData
  if (!Buffer.isBuffer(data)) return {error: 'the web archive\'s main resource has no WebResourceData (the page\'s bytes)'}
  const type = typeof main.WebResourceMIMEType === 'string' ? main.WebResourceMIMEType : ''
  if (type !== '' && !PAGE_TYPES.test(type)) return {error: `the web archive's main resource is ${type.slice(0, 80)}, not a web page`}
  const url = typeof main.WebResourceURL === 'string' && main.WebResourceURL.trim() !== '' ? main.WebResourceURL.trim() : null
  const label = typeof main.WebResourceTextEncodingName === 'string' ? main.WebResourceTextEncodingName.trim() : ''
  const named = decodeNamed(data, label)
  // the charset Safari names, when not Unicode, is counted in the manifest (`charset`, its WHATWG name)
  return named === null ? {html: data, url} : {html: named.text, url, ...(/^utf-(?:8|16le|16be)$/.test(named.charset) ? {} : {charset: named.charset})}
}

// the charset the archive names wins over the page's own <meta charset> (Safari wrote what it decoded); an unknown
// label, or bytes that do not fit it, leave the bytes to the ordinary decoding (BOM, UTF-8, <meta charset>)
function decodeNamed(data: Buffer, label: string): {text: string; charset: string} | null {
  if (label === '') return null
  try {
    const decoder = new TextDecoder(label, {fatal: true})
    const text = decoder.decode(data)
    // Node reads windows-1252 as Latin-1: its curly quotes, dashes and euro sign would be C1 controls
    return {text: decoder.encoding === 'windows-1252' ? windows1252FromLatin1(text) : text, charset: decoder.encoding}
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)
