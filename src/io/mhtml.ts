/**
 * MHTML (`.mhtml`, `.mht`): a page saved as one file ("Save as single file" in Chrome and Edge, Internet Explorer's
 * web archive), a MIME `multipart/related` message (RFC 2557) whose first `text/html` part is the page; images,
 * styles and frames follow as other parts. This reads the page part out, undoing its transfer encoding
 * (quoted-printable or base64) and its charset, for the HTML reader.
 */

import {windows1252FromLatin1} from './decode.ts'

/** The page of an MHTML file, or why there is none. */
export type MhtmlPage = {html: string; charset?: string} | {error: string}

/** Reads the main `text/html` part of an MHTML file (its text read as Latin-1, one character per byte). */
export function pageFromMhtml(raw: string): MhtmlPage {
  const text = raw.replace(/\r\n?/g, '\n')
  const headerEnd = text.indexOf('\n\n')
  if (headerEnd < 0) return {error: 'the MHTML file has no MIME header block'}
  const headers = parseHeaders(text.slice(0, headerEnd))
  const type = headers.get('content-type') ?? ''
  const body = text.slice(headerEnd + 2)
  // a single-part MHTML (rare) is the page itself
  if (/^text\/html\b/i.test(type)) return decodePart(body, headers)
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type)
  if (!/^multipart\//i.test(type) || !boundary) return {error: `the MHTML file is not a multipart MIME message (Content-Type "${type.slice(0, 80)}")`}
  const delimiter = `--${boundary[1] ?? boundary[2]}`
  const parts = body.split(new RegExp(`^${escapeRegExp(delimiter)}(?:--)?[ \\t]*$`, 'm')).slice(1)
  for (const part of parts) {
    const start = part.startsWith('\n') ? 1 : 0
    const end = part.indexOf('\n\n', start)
    if (end < 0) continue
    const partHeaders = parseHeaders(part.slice(start, end))
    if (!/^text\/html\b/i.test(partHeaders.get('content-type') ?? '')) continue
    return decodePart(part.slice(end + 2), partHeaders)
  }
  return {error: `the MHTML file has no text/html part (${parts.length} part${parts.length === 1 ? '' : 's'})`}
}

// header lines, continuation lines (starting with white space) joined to the one above; names lower-cased
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  let last: string | null = null
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && last !== null) {
      headers.set(last, `${headers.get(last)!} ${line.trim()}`)
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    last = line.slice(0, colon).trim().toLowerCase()
    headers.set(last, line.slice(colon + 1).trim())
  }
  return headers
}

function decodePart(body: string, headers: Map<string, string>): MhtmlPage {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  let bytes: Buffer
  if (encoding === 'quoted-printable') {
    // soft line breaks ("=" at a line's end) join lines; "=XX" is a byte
    bytes = Buffer.from(body.replace(/=[ \t]*\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
  } else if (encoding === 'base64') {
    bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64')
  } else bytes = Buffer.from(body, 'latin1')
  const charset = /charset\s*=\s*"?([\w:.-]+)/i.exec(headers.get('content-type') ?? '')?.[1]?.toLowerCase() ?? 'utf-8'
  try {
    const decoder = new TextDecoder(charset)
    const html = decoder.decode(bytes)
    // Node reads windows-1252 (and the labels mapped to it) as Latin-1: its curly quotes would become C1 controls
    // the part's charset, when not Unicode, is counted in the manifest (`charset`, its WHATWG name)
    return {html: decoder.encoding === 'windows-1252' ? windows1252FromLatin1(html) : html, ...(isUnicode(decoder.encoding) ? {} : {charset: decoder.encoding})}
  } catch {
    // a charset TextDecoder does not know: UTF-8, which U+FFFD marks where it does not fit
    return {html: new TextDecoder('utf-8').decode(bytes)}
  }
}

const isUnicode = (name: string) => name === 'utf-8' || name === 'utf-16le' || name === 'utf-16be'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
