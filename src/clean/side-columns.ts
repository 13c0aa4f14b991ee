/**
 * Pages converted with their layout kept (`pdftotext -layout`, a print page copied as it looks): two columns of a page
 * stand side by side on each line, so a line holds the start of one story's sentence and the middle of another's.
 * Every stage reads such a text across both columns; names, quotes and figures come out mixed without a word. The
 * columns are not cut apart here (a wrong cut would lose text); the text is only recognised, so it can be said.
 */

/** Where a text's second column stands: how many lines hold it, of how many lines with words, and its first character. */
export interface SideColumns {
  lines: number
  of: number
  column: number
}

// a gap of three spaces or more between words: pdftotext -layout keeps at least that between columns, while prose
// has one space between words and two at most after a full stop
const GAP = / {3,}/g
// a column's part of a line: three words or more, each with a letter (a table's cells are figures and short labels)
const WORDS = /\p{L}[\p{L}\p{M}'’.,;:!?()-]*/gu

function countWords(part: string): number {
  return part.match(WORDS)?.length ?? 0
}

/** Lines with words (at least this many) that a text needs before its columns are looked for. */
const MIN_LINES = 8
/** Share of the lines with words that hold both columns: a page of two columns has most of its lines so. */
const MIN_SHARE = 0.5
/** How far (characters) the second column's start may wander between lines: pdftotext aligns it exactly, a paste may not. */
const DRIFT = 2

/**
 * Finds a second column of words beside the first on most lines of `text` (three words or more on each side of a gap
 * of three spaces or more, the second column starting at the same character, give or take two), or null.
 */
export function findSideColumns(text: string): SideColumns | null {
  // cheap test first: nearly every text has no run of three spaces inside a line
  if (!/\S {3,}\S/.test(text)) return null
  const starts: number[] = []
  let withWords = 0
  for (const line of text.split('\n')) {
    if (countWords(line) === 0) continue
    withWords++
    const indent = line.length - line.trimStart().length
    GAP.lastIndex = indent
    for (let gap = GAP.exec(line); gap !== null; gap = GAP.exec(line)) {
      const start = gap.index + gap[0].length
      if (start >= line.length) break
      const left = line.slice(indent, gap.index)
      const next = line.slice(start).search(/ {3,}/)
      const right = next < 0 ? line.slice(start) : line.slice(start, start + next)
      if (countWords(left) >= 3 && countWords(right) >= 3) {
        starts.push(start)
        break
      }
    }
  }
  if (withWords < MIN_LINES || starts.length < MIN_LINES) return null
  // the column start most lines share (within DRIFT)
  const counts = new Map<number, number>()
  for (const s of starts) counts.set(s, (counts.get(s) ?? 0) + 1)
  let best = {column: 0, lines: 0}
  for (const column of counts.keys()) {
    let lines = 0
    for (const [s, n] of counts) if (Math.abs(s - column) <= DRIFT) lines += n
    if (lines > best.lines || (lines === best.lines && column < best.column)) best = {column, lines}
  }
  if (best.lines < MIN_LINES || best.lines < withWords * MIN_SHARE) return null
  return {lines: best.lines, of: withWords, column: best.column}
}
