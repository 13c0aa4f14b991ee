/**
 * LexisNexis text exports: one `.txt` holding many articles, each opened by a line `3 of 25 DOCUMENTS` (LexisNexis
 * Academic's plain-text download, still the form of many research archives). Read as one article, the stories ran
 * together: a quote of one was given a speaker of another, and every name was one article's.
 */

/** One article of an export: its text and the line its `N of M DOCUMENTS` marker stands on. */
export interface ExportPiece {
  /** the 1-based line of the marker, for `source` (`file.txt:41`) */
  line: number
  /** where the article's text ends in the file's text (for progress) */
  end: number
  /** the article's text: the lines between its marker and the next, blank edges trimmed */
  text: string
}

// read with matchAll, which iterates a copy: the module-level pattern's lastIndex is never state
const MARKER = /^[ \t]*(\d{1,6}) of (\d{1,6}) DOCUMENTS?[ \t]*$/gm

/**
 * Splits a LexisNexis text export into its articles, or returns null for any other text: the first line with text must
 * be `1 of M DOCUMENTS`, and only the markers numbered 2, 3, ... of the same M in turn split (a line of that shape in
 * a story, numbered otherwise, stays text); a file of one document is no export to split.
 */
export function splitNexisExport(text: string): ExportPiece[] | null {
  const first = /\S/.exec(text)
  if (first === null || !/^\d/.test(text.slice(first.index))) return null
  const markers: {start: number; end: number; line: number}[] = []
  let total = -1
  // lines counted from the last marker on, so a long export is read once
  let counted = 0
  let line = 1
  for (const match of text.matchAll(MARKER)) {
    const n = Number(match[1])
    const m = Number(match[2])
    if (markers.length === 0) {
      // the export opens with its first marker, or it is none
      if (n !== 1 || m < 2 || /\S/.test(text.slice(0, match.index))) return null
      total = m
    } else if (n !== markers.length + 1 || m !== total) continue
    line += countLines(text, counted, match.index)
    counted = match.index
    markers.push({start: match.index, end: match.index + match[0].length, line})
  }
  if (markers.length < 2) return null
  return markers.map((marker, i) => {
    const end = i + 1 < markers.length ? markers[i + 1]!.start : text.length
    return {line: marker.line, end, text: text.slice(marker.end, end).replace(/^\s*\n/, '').replace(/\s+$/, '')}
  })
}

// the line breaks between two positions
function countLines(text: string, from: number, to: number): number {
  let lines = 0
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++
  return lines
}
