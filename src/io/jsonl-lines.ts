/**
 * JSON Lines as files joined or written elsewhere give them: lines split at lone carriage returns (classic Mac or mixed
 * line ends) and records written one after another on one line (a file joined onto one with no final newline). Each
 * split is tried only on a line JSON refuses whole, so a file lede reads today reads the same.
 */
import type {LineTooLong} from './gzip.ts'

/**
 * The lines of a JSONL file with a line that JSON refuses split at its lone carriage returns when every part is JSON or
 * blank (a file written with classic Mac or mixed line ends), and the invalid-byte count of a split line given once.
 */
export function splitLoneCarriageReturns(lines: AsyncIterable<string | LineTooLong>, lineInvalidBytes: () => number): {lines: AsyncIterable<string | LineTooLong>; lineInvalidBytes: () => number} {
  let invalid = 0
  async function* split(): AsyncGenerator<string | LineTooLong> {
    for await (const line of lines) {
      invalid = lineInvalidBytes()
      const parts = typeof line === 'string' && line.includes('\r') && /\r\s*\S/.test(line) ? splitAtLoneCrs(line) : null
      if (parts === null) {
        yield line
        continue
      }
      for (const part of parts) {
        yield part
        invalid = 0
      }
    }
  }
  return {lines: split(), lineInvalidBytes: () => invalid}
}

// a JSONL line split at CRs, or null to keep it whole: a CR inside a JSON string must be escaped, so a raw one is
// whitespace between tokens, where a line JSON reads keeps it; the records of a CR-only file were one line that JSON
// refused (one ingest:bad-json error for all of them), though jq and Python's universal newlines read them apart
function splitAtLoneCrs(line: string): string[] | null {
  try {
    JSON.parse(line)
    return null
  } catch {
    // refused whole: try it as several lines
  }
  const parts = line.split('\r')
  for (const part of parts) {
    if (part.trim() === '') continue
    try {
      JSON.parse(part)
    } catch {
      return null
    }
  }
  return parts
}

/**
 * Splits a JSONL line JSON refuses into the objects written one after another on it (`{…}{…}`, `{…} {…}`), or returns
 * null when it is not that: only objects, nothing between them but white space, each one JSON.
 */
export function splitJoinedObjects(line: string): string[] | null {
  const parts: string[] = []
  let depth = 0
  let inString = false
  let start = -1
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (depth === 0) {
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue
      if (c !== 0x7b) return null
      start = i
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth === 0) parts.push(line.slice(start, i + 1))
    }
  }
  if (depth !== 0 || inString || parts.length < 2) return null
  for (const part of parts) {
    try {
      JSON.parse(part)
    } catch {
      return null
    }
  }
  return parts
}
