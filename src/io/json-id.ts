/**
 * The id of a JSONL record as written, when it is a whole number too large for a JavaScript number: JSON.parse
 * rounds 12345678901234567890 to 12345678901234567000, so two articles whose ids are tweet or database ids of 19–20
 * digits became one id (and a `-2`), and neither joined back to the user's table.
 */

/** The digits of the top-level `"id": <integer>` of a JSON object line, or null when it has none or is a string. */
export function findIntegerIdLiteral(line: string): string | null {
  let depth = 0
  let i = 0
  // the last one, as JSON.parse keeps the last of repeated keys
  let found: string | null = null
  while (i < line.length) {
    const c = line[i]!
    if (c === '"') {
      const end = stringEnd(line, i)
      if (end < 0) return found
      // a key of the outer object: `"id"` then a colon
      if (depth === 1 && line.slice(i, end + 1) === '"id"') {
        const match = /^\s*:\s*(-?\d+)(?=\s*[,}])/.exec(line.slice(end + 1))
        found = match ? match[1]! : null
      }
      i = end + 1
      continue
    }
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
    i++
  }
  return found
}

// index of the quote closing the string opened at `start`, or -1
function stringEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '\\') i++
    else if (line[i] === '"') return i
  }
  return -1
}
