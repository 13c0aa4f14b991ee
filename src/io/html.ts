/**
 * HTML input: a saved web page (or the `html` field of a JSONL record) becomes article text and metadata.
 * The DOM work is done by the Readability adapter; this module decides what counts as an article and how
 * paragraphs are written into text (a blank line between paragraphs, `\n` for a `<br>`), so `clean`,
 * quotes and entities see the page's real paragraphs. Character references are decoded by the HTML parser.
 */
import {extractPage, type WallSigns} from '../adapters/readability.ts'
import {countWords} from '../text/count-words.ts'
import {windows1252FromLatin1, type IngestWarning} from './decode.ts'

export {countWords}

/** An article read from a page: its text and what the page says about itself. */
export interface HtmlArticle {
  text: string
  title: string | null
  byline: string | null
  date: string | null
  url: string | null
  /** the rest of the page's metadata that has a value (site name, language) */
  extra: Record<string, string>
  /** what the reader should know about the extraction (sections put back, a subscription wall), as ingest warnings */
  warnings: IngestWarning[]
}

/** Why a page gave no article. */
export interface HtmlFailure {
  code: 'ingest:no-article'
  message: string
}

// a body needs at least one sentence-sized paragraph: a page of menus, a login wall or an empty template has none
const MIN_PARAGRAPH_WORDS = 8
// a page the server sent instead of the article (saved 404s, 403s, 5xx): its title names the error, and its text is
// an apology of a sentence or two; a story about an error, or one whose title starts with a number, is longer or
// has a title that does not read as a status line
const ERROR_PAGE_MAX_WORDS = 60
const ERROR_TITLE = /^(?:(?:http\s+)?(?:error\s*)?(?:400|401|403|404|410|451|500|502|503|504)(?:\s*(?:error|[-–:|]|$)|\s+(?:not\s+found|forbidden|unauthori[sz]ed|gone|bad\s+request|internal\s+server\s+error|bad\s+gateway|service\s+unavailable|gateway\s+time-?out))|(?:page|file|article|content|story)\s+not\s+found|not\s+found|(?:403\s+)?forbidden|access\s+denied|service\s+unavailable|internal\s+server\s+error)\b/i

/** Whether a page title is an HTTP error's status line ("404 Not Found", "Page not found | Site", "Error 503 - …"), in any part of a title split at a separator. */
export function isErrorTitle(title: string): boolean {
  return title.split(/\s+[|–—·:-]\s+|\s*\|\s*/).some((part) => ERROR_TITLE.test(part.trim()))
}

// an articleBody this short is a summary or a teaser, not a story to prefer over what the page shows
const JSON_LD_MIN_WORDS = 50

// a subscription wall's teaser is the headline and a paragraph or two: a page marked as not free that gives this little
// text is a teaser even when it shows no prompt (the prompt is often drawn by a script the save did not keep)
const TEASER_MAX_WORDS = 250

/**
 * The `ingest:paywall` warning for a page that shows a subscription wall, or null: a prompt that says the rest is held
 * back ("Subscribe to continue reading"); or a page whose JSON-LD says it is not free (`isAccessibleForFree: false`)
 * without holding the paid part it names, with a prompt or with a teaser's length of text; or a weaker prompt ("Already a
 * subscriber?") inside an element named after a wall over a teaser's length of text. The article is kept: its text is
 * what the page holds, which is likely only the part before the wall.
 */
export function paywallWarning(wall: WallSigns, words: number): IngestWarning | null {
  const evidence: string[] = []
  const teaser = words < TEASER_MAX_WORDS
  const notFree = wall.notFree && !wall.paidPartPresent
  if (wall.prompt !== null && (wall.strongPrompt || (wall.wallElement !== null && teaser) || notFree)) {
    evidence.push(`the page shows "${wall.prompt.length > 120 ? `${wall.prompt.slice(0, 117)}...` : wall.prompt}"${wall.wallElement !== null ? ` in an element named "${wall.wallElement}"` : ''}`)
  }
  if (notFree && (evidence.length > 0 || teaser)) evidence.push('its JSON-LD says the content is not free (isAccessibleForFree: false)')
  if (evidence.length === 0) return null
  return {code: 'ingest:paywall', message: `the page is behind a subscription wall (${evidence.join('; ')}): its text (${words} words) is likely only the part shown before the wall`}
}

/** Extracts the article of a page, or says why there is none (`ingest:no-article`); never throws on odd HTML. */
export function readHtmlArticle(html: string): HtmlArticle | HtmlFailure {
  let page
  try {
    page = extractPage(html)
  } catch (error) {
    return {code: 'ingest:no-article', message: `the page could not be parsed: ${(error as Error).message}`}
  }
  const {metadata, restored, wall} = page
  let paragraphs = page.paragraphs
  let longest = Math.max(0, ...paragraphs.map((p) => countWords(p)))
  let total = paragraphs.reduce((n, p) => n + countWords(p), 0)
  // a page drawn by scripts (the save kept the shell, not what the scripts wrote) may hold its story only in its JSON-LD
  // articleBody: taken when the visible body has no article or under half the articleBody's words
  let fromJsonLd: string | null = null
  if (page.jsonLdBody !== null) {
    const ldWords = page.jsonLdBody.reduce((n, p) => n + countWords(p), 0)
    const ldLongest = Math.max(0, ...page.jsonLdBody.map((p) => countWords(p)))
    if (ldWords >= JSON_LD_MIN_WORDS && ldLongest >= MIN_PARAGRAPH_WORDS && (longest < MIN_PARAGRAPH_WORDS || total < ldWords / 2)) {
      fromJsonLd = `the page's visible body has ${total} words and its JSON-LD articleBody ${ldWords}: the text is the articleBody (a page drawn by scripts that the save did not keep, or a teaser over the full text)`
      paragraphs = page.jsonLdBody
      longest = ldLongest
      total = ldWords
    }
  }
  if (longest < MIN_PARAGRAPH_WORDS) {
    const what = paragraphs.length === 0 ? 'no text at all' : `only ${paragraphs.length} short line(s), none of ${MIN_PARAGRAPH_WORDS} words or more`
    // a wall with no teaser at all is still worth naming: the article exists, behind the wall
    const wall = page.wall.prompt !== null && (page.wall.strongPrompt || page.wall.wallElement !== null || page.wall.notFree) ? `; the page shows a subscription wall: "${page.wall.prompt.slice(0, 120)}"` : ''
    return {code: 'ingest:no-article', message: `no article body found in the page (${what})${metadata.title ? `; page title "${metadata.title}"` : ''}${wall}`}
  }
  if (total < ERROR_PAGE_MAX_WORDS && metadata.title !== null && isErrorTitle(metadata.title)) {
    return {code: 'ingest:no-article', message: `the page is an HTTP error page, not an article (page title "${metadata.title}", ${total} words of text)`}
  }
  const extra: Record<string, string> = {}
  if (metadata.siteName !== null) extra.siteName = metadata.siteName
  if (metadata.lang !== null) extra.lang = metadata.lang
  const warnings: IngestWarning[] = []
  // the wall's warning says the text is partial: not so when the articleBody gave the whole story
  const paywall = fromJsonLd === null ? paywallWarning(wall, total) : null
  if (paywall !== null) warnings.push(paywall)
  if (fromJsonLd !== null) warnings.push({code: 'ingest:html-json-ld-body', message: fromJsonLd})
  if (restored !== null && fromJsonLd === null) {
    const sections = (n: number) => `${n} section${n === 1 ? '' : 's'}`
    warnings.push({
      code: 'ingest:html-sections',
      message: `the article is set as ${sections(restored.kept + restored.added)} of one shape and Readability kept ${restored.kept}: the other ${sections(restored.added)} (${restored.words} words) were put back in their places rather than lost; check them if a section is not the article's`,
    })
  }
  return {text: paragraphs.join('\n\n') + '\n', title: metadata.title, byline: metadata.byline, date: metadata.date, url: metadata.url, extra, warnings}
}

/**
 * Decodes a page that is not UTF-8 in the legacy charset it declares in its first 1024 bytes (`<meta charset>`),
 * with that charset's WHATWG name (for the manifest's counts), or null when it has a byte-order mark, declares UTF-8 or nothing, is valid UTF-8 (kept as UTF-8 whatever the
 * page declares, since pages often keep a stale declaration after being re-saved) or does not fit what it
 * declares: then the ordinary decoding (src/io/decode.ts) applies.
 */
export function decodeDeclaredCharset(bytes: Uint8Array): {text: string; charset: string} | null {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (hasBom) return null
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))?.[1]?.toLowerCase()
  if (!declared || /^(?:utf-?8|unicode-1-1-utf-8)$/.test(declared)) return null
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return null
  } catch {
    // not UTF-8: the declaration is believed
  }
  try {
    const decoder = new TextDecoder(declared, {fatal: true})
    const text = decoder.decode(bytes).replace(/\r\n?/g, '\n')
    // Node decodes windows-1252 (and iso-8859-1, latin1, us-ascii, which name it) as Latin-1: the curly quotes, dashes and
    // euro sign of 0x80-0x9F would become invisible C1 controls, and quotes and money would be lost with them
    return {text: decoder.encoding === 'windows-1252' ? windows1252FromLatin1(text) : text, charset: decoder.encoding}
  } catch {
    // an unknown label, or bytes that do not fit it (pages often declare one charset and are saved in UTF-8)
    return null
  }
}
