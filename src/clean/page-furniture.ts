/**
 * Page furniture of paged archives: a text whose pages are separated by form feeds (a print archive, a court or
 * parliament record saved as text) carries a running head at the top of each page and a page number at its foot.
 * Left in, every page adds the head's names and date to the article's entities, and a page break inside a quote cuts
 * the quote from its speaker. Only a text holding a form feed is touched.
 */

/** What {@link removePageFurniture} returns: the text without furniture, and the lines removed, in text order. */
export interface PageFurniture {
  text: string
  /** the removed lines as written (trimmed), in text order */
  lines: string[]
}

// the lines looked at for furniture at each page's top and foot: a head may be two lines (title, then date and page)
const EDGE_LINES = 2
// a page number alone on its line: "7", "- 7 -", "Page 7", "Page 7 of 12", "[7]"
const PAGE_NUMBER = /^[-–—[(\s]*(?:page|p\.|seite|página|pagina)?\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\])\s]*$/i
// a running head that carries its page number at one end ("THE HERALD   Page 12", "12      THE HERALD"): furniture
// even on the one page it stands on (a text of two pages has one head); a bare number set apart counts only on a line
// with no other wide gap, since a table row at a page's edge ("Total      1,200      12") has several
const PAGE_REFERENCE_AT_EDGE = /^(?:page|p\.)\s*\d{1,4}\b|\b(?:page|p\.)\s*\d{1,4}$/i
const NUMBER_SET_APART = /^\d{1,4}\s{3,}(\S.*)$|^(.*\S)\s{3,}\d{1,4}$/

// a line ends a sentence (a paragraph may end there): a stop, maybe inside a closing quote or bracket
const SENTENCE_END = /[.!?]["'”’»)\]]*$|[.!?:;]$/

interface PageLine {
  start: number
  end: number
  text: string
}

// a head or foot line that carries a page number at one end, its other end no table row (see the two patterns above)
function isPageReference(line: string): boolean {
  if (PAGE_REFERENCE_AT_EDGE.test(line)) return true
  const rest = NUMBER_SET_APART.exec(line)
  return rest !== null && !/\s{3}/.test(rest[1] ?? rest[2] ?? '')
}

/**
 * Removes the running heads and page numbers at the form feeds of a paged text, and joins the text across each break
 * (one line break when the sentence goes on over the page, a blank line when the page ended a sentence).
 */
export function removePageFurniture(text: string): PageFurniture {
  if (!text.includes('\f')) return {text, lines: []}
  const pages = splitPages(text)
  if (pages.length < 2) return {text, lines: []}
  // a head or foot is furniture when it comes back at the same edge of another page (page numbers and dates read as
  // digits alike), or is a page number alone
  const seen = new Map<string, number>()
  const edges = pages.map((page) => ({top: edgeLines(text, page, 'top'), foot: edgeLines(text, page, 'foot')}))
  for (const {top, foot} of edges) {
    for (const line of new Set(top.map((l) => `top ${shape(l.text)}`))) seen.set(line, (seen.get(line) ?? 0) + 1)
    for (const line of new Set(foot.map((l) => `foot ${shape(l.text)}`))) seen.set(line, (seen.get(line) ?? 0) + 1)
  }
  const isFurniture = (line: PageLine, edge: 'top' | 'foot') =>
    PAGE_NUMBER.test(line.text) || isPageReference(line.text) || (seen.get(`${edge} ${shape(line.text)}`) ?? 0) >= 2
  const removed: PageLine[] = []
  // for each page: where its body starts and ends once its furniture is taken off (furniture only at the very edge:
  // the first body line stops the search)
  const bodies = pages.map((page, i) => {
    let start = page.start
    let end = page.end
    for (const line of edges[i]!.top) {
      if (!isFurniture(line, 'top')) break
      removed.push(line)
      start = line.end
    }
    const foot = edges[i]!.foot.filter((line) => line.start >= start)
    for (const line of foot) {
      if (!isFurniture(line, 'foot')) break
      removed.push(line)
      end = line.start
    }
    return {start, end}
  })
  if (removed.length === 0) return {text, lines: []}
  removed.sort((a, b) => a.start - b.start)
  let out = text.slice(bodies[0]!.start, bodies[0]!.end)
  if (bodies[0]!.start > 0) out = out.replace(/^\s+/, '')
  for (let i = 1; i < pages.length; i++) {
    const piece = text.slice(bodies[i]!.start, bodies[i]!.end)
    // a break with no furniture on either side is left as written, form feed and all
    if (bodies[i - 1]!.end === pages[i - 1]!.end && bodies[i]!.start === pages[i]!.start) {
      out += text.slice(bodies[i - 1]!.end, bodies[i]!.start) + piece
      continue
    }
    const kept = out.replace(/\s+$/, '')
    const next = piece.replace(/^\s+/, '')
    if (kept === '' || next === '') {
      out = kept === '' ? next : out
      continue
    }
    // the page ended a paragraph when a blank line stood under its last line, or its last line ends a sentence;
    // else the sentence goes on over the page, and the two lines join as a wrap
    const blankBelow = /\n[ \t]*\n\s*$/.test(out)
    out = kept + (blankBelow || SENTENCE_END.test(kept) ? '\n\n' : '\n') + next
  }
  // furniture at the text's very end: the text keeps its own final line break
  if (bodies.at(-1)!.end < text.length) out = out.replace(/\s+$/, '') + (/\n\s*$/.test(text) ? '\n' : '')
  return {text: out, lines: removed.map((line) => line.text)}
}

// the pages of a text, split at its form feeds (a form feed's own line is no page's)
function splitPages(text: string): {start: number; end: number}[] {
  const pages: {start: number; end: number}[] = []
  let start = 0
  for (let at = text.indexOf('\f'); at >= 0; at = text.indexOf('\f', at + 1)) {
    pages.push({start, end: at})
    start = at + 1
  }
  pages.push({start, end: text.length})
  return pages
}

// the first (top) or last (foot) non-blank lines of a page, nearest the edge first; only the edge is read, not the page
function edgeLines(text: string, page: {start: number; end: number}, edge: 'top' | 'foot'): PageLine[] {
  const lines: PageLine[] = []
  const fromEnd = edge === 'foot'
  let at = fromEnd ? page.end : page.start
  while (lines.length < EDGE_LINES && (fromEnd ? at > page.start : at < page.end)) {
    let start: number
    let end: number
    if (fromEnd) {
      end = at
      start = Math.max(text.lastIndexOf('\n', end - 1) + 1, page.start)
      at = start - 1
    } else {
      start = at
      end = text.indexOf('\n', start)
      if (end < 0 || end > page.end) end = page.end
      at = end + 1
    }
    const line = text.slice(start, end).trim()
    if (line !== '') lines.push({start, end, text: line})
  }
  return lines
}

// a line's shape for comparing heads: digits alike, runs of white space one
function shape(line: string): string {
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ')
}
