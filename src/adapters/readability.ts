/**
 * The only door to `linkedom` and `@mozilla/readability`: a saved web page in, plain data out (the main
 * body as paragraphs, and the page's own metadata). No DOM object leaves this file.
 */
import {Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'

/** What a page says about itself in its head: every field null when the page does not say. */
export interface PageMetadata {
  title: string | null
  byline: string | null
  /** publication date as the page writes it (ISO 8601 in practice) */
  date: string | null
  /** the canonical address (`<link rel="canonical">`, else `og:url`, else JSON-LD `url`) */
  url: string | null
  siteName: string | null
  lang: string | null
}

/** A page reduced to its article: paragraphs in reading order (a `<br>` is a `\n` inside one) and metadata. */
export interface ExtractedPage {
  metadata: PageMetadata
  /** the body's paragraphs, white space collapsed, empty ones dropped */
  paragraphs: string[]
  /** the JSON-LD `articleBody`, when the page carries one (kept as a cross-check of the extraction) */
  jsonLdBody: string | null
}

type El = Element

/** Reads a saved page: its metadata, then its main body by Readability on a linkedom document. */
export function extractPage(html: string): ExtractedPage {
  const {document} = parseHTML(wrapFragment(html))
  if (document.documentElement) capDepth(document.documentElement as El)
  const ld = readJsonLd(document)
  const metadata = readMetadata(document, ld)
  stripLeftovers(document)
  const article = new Readability(document as unknown as Document, {serializer: (node: Node) => node as El}).parse()
  if (article?.content) removeLinkLists(article.content as El)
  const paragraphs = article?.content ? toParagraphs(article.content as El) : []
  if (metadata.title === null && article?.title) metadata.title = clean(article.title)
  if (metadata.byline === null && article?.byline) metadata.byline = clean(article.byline)
  if (metadata.date === null && article?.publishedTime) metadata.date = clean(article.publishedTime)
  if (metadata.siteName === null && article?.siteName) metadata.siteName = clean(article.siteName)
  return {metadata, paragraphs, jsonLdBody: ld.body}
}

// linkedom needs a whole document: a bare fragment (an `html` field of a JSONL record) gets one around it
function wrapFragment(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 4096)) || /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
}

// ---------------------------------------------------------------------------------------------
// nesting depth

/**
 * The deepest an element may sit (`<html>` is depth 1). Blink's HTML parser stops nesting at 512 open elements
 * (`kMaximumHTMLParserDOMTreeDepth`), so no page a browser shows is deeper; Readability reads every element's whole
 * subtree text (time quadratic in the depth) and recurses (a stack overflow at about 5,000 levels), so a deeper page
 * is both slow and lost. Taking the browser's number keeps every page a reader can see as it is.
 */
export const MAX_DEPTH = 512

/**
 * Bounds the element depth as Blink does: below an element at {@link MAX_DEPTH}, every element is re-attached as its
 * direct child in document order. Iterative (a recursive walk would overflow on the pages this is for); a page whose
 * elements at the cap have no grandchildren is not touched.
 */
export function capDepth(root: El): void {
  const stack: [El, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!
    if (depth === MAX_DEPTH) {
      if (hasGrandchildElement(el)) flattenBelow(el)
      continue
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push([child, depth + 1])
  }
}

function hasGrandchildElement(el: El): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (child.firstElementChild) return true
  return false
}

// every node below `top` in document order, each with the parent it had; then each element (emptied) becomes a child of
// `top`, and each other node (text, comment) goes back into its own parent when that is the element last re-attached
// (so a paragraph keeps its words), else straight into `top`: either way it lands after everything before it
function flattenBelow(top: El): void {
  const nodes: [Node, Node][] = []
  let node: Node | null = top.firstChild
  while (node) {
    nodes.push([node, node.parentNode!])
    if (node.firstChild) {
      node = node.firstChild
      continue
    }
    while (node && node !== top && !node.nextSibling) node = node.parentNode
    node = node && node !== top ? node.nextSibling : null
  }
  for (const [n] of nodes) n.parentNode?.removeChild(n)
  let last: Node | null = null
  for (const [n, parent] of nodes) {
    if (n.nodeType === 1) {
      top.appendChild(n)
      last = n
    } else (parent === last ? last! : top).appendChild(n)
  }
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim()
const nonEmpty = (s: string | null | undefined) => (s && clean(s) !== '' ? clean(s) : null)

// ---------------------------------------------------------------------------------------------
// metadata

interface JsonLd {
  headline: string | null
  author: string | null
  date: string | null
  url: string | null
  body: string | null
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|TechArticle|ScholarlyArticle|SocialMediaPosting)$/

function readJsonLd(document: Document): JsonLd {
  const found: JsonLd = {headline: null, author: null, date: null, url: null, body: null}
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let value: unknown
    try {
      value = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''))
    } catch {
      continue // a broken JSON-LD block is the page's problem, not a reason to lose the article
    }
    for (const node of flattenLd(value)) {
      const types = ([] as unknown[]).concat(node['@type'] ?? [])
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue
      found.headline ??= asText(node.headline) ?? asText(node.name)
      found.date ??= asText(node.datePublished) ?? asText(node.dateCreated)
      found.author ??= authorNames(node.author)
      found.url ??= asText(node.url) ?? asText((node.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']) ?? asText(node.mainEntityOfPage)
      found.body ??= asText(node.articleBody)
    }
  }
  return found
}

function flattenLd(value: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out
  if (Array.isArray(value)) {
    for (const v of value) flattenLd(v, out, depth + 1)
    return out
  }
  const node = value as Record<string, unknown>
  out.push(node)
  if (node['@graph'] !== undefined) flattenLd(node['@graph'], out, depth + 1)
  return out
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? nonEmpty(value) : null
}

function authorNames(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : null))
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map(clean)
  return names.length > 0 ? [...new Set(names)].join(', ') : null
}

function metaContent(document: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = nonEmpty(document.querySelector(selector)?.getAttribute('content'))
    if (value) return value
  }
  return null
}

function readMetadata(document: Document, ld: JsonLd): PageMetadata {
  const canonical = nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href'))
  return {
    title: ld.headline ?? metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? nonEmpty(document.querySelector('title')?.textContent),
    byline: ld.author ?? metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']),
    date:
      metaContent(document, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]']) ??
      ld.date ??
      metaContent(document, ['meta[name="date"]', 'meta[name="pubdate"]', 'meta[property="og:published_time"]']) ??
      nonEmpty(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    url: canonical ?? metaContent(document, ['meta[property="og:url"]']) ?? ld.url,
    siteName: metaContent(document, ['meta[property="og:site_name"]']),
    lang: nonEmpty(document.documentElement?.getAttribute('lang')),
  }
}

// ---------------------------------------------------------------------------------------------
// leftovers removed before Readability scores the page

// class/id words of page furniture around an article (share bars, newsletter boxes, related lists, captions,
// pop-up cards that sit inside links), matched as whole parts of a name split at "-", "_", spaces and camelCase humps
const FURNITURE = /(?:^|[-_\s])(?:share|sharing|social|newsletter|subscribe|subscription|signup|related|recommended|promo|caption|credit|byline|breadcrumbs?|tags|author-bio|advert|advertisement|ad)(?:$|[-_\s])/i
// class/id words of pop-up cards that open from a word of the text (a name's hover card)
const POPUP = /(?:^|[-_\s])(?:tooltip|popover|popup|hovercard|rollover)(?:$|[-_\s])/i
// an inline style that hides the element: text a reader never sees (pop-ups, off-screen copies)
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i

function stripLeftovers(document: Document): void {
  for (const el of document.querySelectorAll('figcaption')) el.remove()
  for (const el of document.querySelectorAll('aside, nav, form, button, [hidden], [aria-hidden="true"]')) if (isSmall(el)) el.remove()
  for (const el of document.querySelectorAll('[style]')) if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '') && isSmall(el)) el.remove()
  for (const el of document.querySelectorAll('[class], [id]')) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue
    // camelCase names ("newsCaption") split like kebab-case ones
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2')
    // an embedded post or quotation ("social-media-embed" around a blockquote) is part of the story
    if (FURNITURE.test(name) && isSmall(el) && !el.querySelector('blockquote')) el.remove()
    else if (POPUP.test(name) && el.tagName !== 'A' && isSmall(el)) {
      // the link that opens a pop-up is a word of the sentence; the card it opens is not
      const opener = el.firstElementChild
      if (opener && opener.tagName === 'A' && el.firstChild === opener) el.replaceWith(opener)
      else el.remove()
    }
  }
}

// page furniture is small or mostly links; a wrapper named after it (an ASP.NET page's <form>, a
// "page-ad-margins" layout div) holds the whole article and must stay
function isSmall(el: El): boolean {
  const text = el.textContent ?? ''
  if (text.length < 400) return true
  let linked = 0
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').length
  return linked / text.length > 0.5
}

// ---------------------------------------------------------------------------------------------
// leftovers removed from what Readability kept

// a short label that introduces a list of links to other stories
const LINK_LIST_LABEL = /^(?:related|read more|read also|also read|read next|see also|more stories|more on this|more from|recommended|you may also like|you might also like|most read|most popular|popular|trending|further reading)\b[^.!?]{0,40}$/i

/** Removes "Related:" lists: a list whose every item is a link, right after a short label that introduces one. */
function removeLinkLists(root: El): void {
  for (const list of root.querySelectorAll('ul, ol')) {
    const items = [...list.querySelectorAll('li')]
    if (items.length === 0 || !items.every((li) => linkShare(li) > 0.8)) continue
    const label = list.previousElementSibling
    const labelText = (label?.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!label || !LINK_LIST_LABEL.test(labelText.replace(/[:»›>|–—-]+$/, '').trim())) continue
    label.remove()
    list.remove()
  }
}

function linkShare(el: El): number {
  const text = (el.textContent ?? '').replace(/\s+/g, '')
  if (text === '') return 1
  let linked = 0
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length
  return linked / text.length
}

// ---------------------------------------------------------------------------------------------
// paragraphs from the DOM

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA'])

/**
 * Walks an element: block elements end a paragraph, `<br>` is a line break, a table row is one line with
 * its cells separated by tabs, a list item starts with "• " (as a browser draws it, and so that `clean`
 * reads it as part of a list rather than a stray label), white space collapses outside `<pre>`.
 */
function toParagraphs(root: El): string[] {
  const paragraphs: string[] = []
  let buffer = ''
  const flush = () => {
    const lines = buffer.split('\n').map((l) => l.replace(/[ \f\r\u00a0]+/g, ' ').replace(/ *\t */g, '\t').replace(/^[ \t]+|[ \t]+$/g, ''))
    const text = lines.filter((l) => l !== '').join('\n')
    if (text !== '') paragraphs.push(text)
    buffer = ''
  }
  const walk = (node: Node, pre: boolean, inTable: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? ''
      buffer += pre ? value.replace(/\t/g, ' ') : value.replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== 1) return
    const el = node as El
    const tag = el.tagName.toUpperCase()
    if (SKIP.has(tag)) return
    if (tag === 'BR') {
      buffer += '\n'
      return
    }
    if (tag === 'TR') {
      flush()
      for (const child of el.childNodes) walk(child, pre, true)
      flush()
      return
    }
    if (inTable && (tag === 'TD' || tag === 'TH')) {
      if (buffer.trim() !== '') buffer += '\t'
      for (const child of el.childNodes) walk(child, pre, true)
      return
    }
    const block = BLOCK.has(tag)
    if (block) flush()
    if (tag === 'LI') buffer += '• '
    const inPre = pre || tag === 'PRE'
    for (const child of el.childNodes) walk(child, inPre, inTable && !block)
    if (block) flush()
  }
  walk(root, false, false)
  flush()
  return paragraphs
}
