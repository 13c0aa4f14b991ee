/**
 * A `.json` input's records, streamed: a file that is one array of article objects (what scrapers and APIs export)
 * gives each element apart, a file of objects one after another (JSON Lines under a .json name, or concatenated
 * JSON) gives each object, a single object gives itself. Only the element being read is held, so a 2 GB array costs
 * the memory of its largest element, never the file's; an element past `maxBytes` is counted to its end and reported
 * by its size, and the elements after it are read.
 */
import {scanUtf8} from './decode.ts'

/** One record's text from a JSON input, or the size of one too large to hold, with where it stands in the file. */
export type JsonValue = {
  /** the element's JSON text (UTF-8 decoded; a bad sequence is U+FFFD), or null when it was too large to keep */
  text: string | null
  /** its length in bytes */
  bytes: number
  /** bytes of it that were not valid UTF-8 */
  invalid: number
  /** the line it starts on (1-based) */
  line: number
  /** its position in the top-level array that holds it, or null for a value at the top level */
  index: number | null
  /** the line of the top-level array that holds it (null for a value at the top level) */
  arrayLine: number | null
  /** an array element left empty between two commas (`[a,,b]`): text '' */
  empty?: true
  /** the file ends inside it (a string or bracket left open: cut off) */
  cutOff?: true
  /** the top-level value it is or belongs to, counted from 0 (comments not counted): the file's first array is addressed `[i]`, a later one by its line */
  top: number
  /** what the file does around it that JSON does not allow but loses nothing (a comment, a trailing comma, an array never closed), for a warning */
  notes?: JsonNote[]
}

/** Something a JSON input does that strict JSON refuses but that is read without loss, on the record it stands before (or after, at the end). */
export type JsonNote =
  /** a `//` or `/* *\/` comment outside any record, starting on `line` (skipped; `open`: never closed, the rest of the file is in it) */
  | {kind: 'comment'; line: number; open?: true}
  /** a comma after the array's last element (`[a, b,]`), on `line` */
  | {kind: 'trailing-comma'; line: number}
  /** the file ends after this element with the array opened on `line` still open (cut off after an element?) */
  | {kind: 'unclosed-array'; line: number}
  /** a byte-order mark between top-level values, on `line` (a file joined onto another with cat keeps its own): skipped */
  | {kind: 'bom'; line: number}

const utf8Strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const utf8Lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true})

// bytes of JSON's structure (all ASCII, so never part of a UTF-8 sequence)
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const SLASH = 0x2f
const STAR = 0x2a
const NEWLINE = 0x0a
const BOM = [0xef, 0xbb, 0xbf]
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d

/**
 * Splits a stream of JSON bytes into its records by its structure alone (strings, brackets and commas), so a record
 * that is not valid JSON is one record for the caller's parser to refuse, and the next one is read all the same.
 * At the top level an array's elements are the records; any other value (an object) is one. A top-level value that
 * is neither an array nor an object runs to the end of its line. Comments (`//` to the line's end, `/* *\/`) outside
 * records, a comma after an array's last element and an array the file ends in are read past, each as a note on the
 * record that follows it (or on the last record, when none follows), so the caller can say so.
 */
export async function* splitJsonValues(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<JsonValue> {
  let line = 1
  // depth of brackets and braces open, counting the top-level array's
  let depth = 0
  let inString = false
  let escaped = false
  // the top-level array being read (its elements are the records), by the line it opened on
  let arrayLine: number | null = null
  let index = 0
  // after an array's '[' or a ',' inside it: the next element has not started
  let expecting = false
  // the record being read: its parts, its byte count, where it started; a scalar at the top level ends at its line's end
  let collecting = false
  let scalar = false
  let parts: Buffer[] = []
  let size = 0
  let startLine = 0
  // bytes of a byte-order mark read so far (3: done looking)
  let bom = 0
  // top-level values begun so far (an array counts once), less one: the current one's number
  let top = -1
  // a comma was the last thing read at the array's level: a ']' now closes after a trailing comma
  let afterComma = false
  // a comment outside records: a '/' read (is a comment next?), inside a line or block comment, or a '*' in a block
  let comment: 'none' | 'slash' | 'line' | 'block' | 'block-star' = 'none'
  let commentLine = 0
  // notes read since the last record (comments), for the next one; the notes of the record being read
  let pendingNotes: JsonNote[] = []
  let recordNotes: JsonNote[] = []
  // the last record finished, given out once the next one starts or the file ends: a trailing comma, a comment after
  // it or the file's end inside its array are noted on it. Only ever one record, and only while no other is being read
  let held: JsonValue | null = null
  const release = (into: JsonValue[]) => {
    if (held) into.push(held)
    held = null
  }
  const note = (value: JsonValue, n: JsonNote) => (value.notes ??= []).push(n)

  const finish = (): JsonValue => {
    let text: string | null = null
    let invalid = 0
    if (size <= maxBytes) {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
      try {
        text = utf8Strict.decode(bytes)
      } catch {
        text = utf8Lenient.decode(bytes)
        invalid = scanUtf8(bytes).invalid
      }
    }
    const value: JsonValue = {text, bytes: size, invalid, line: startLine, index: arrayLine === null ? null : index, arrayLine, top, ...(recordNotes.length > 0 ? {notes: recordNotes} : {})}
    recordNotes = []
    collecting = false
    scalar = false
    parts = []
    size = 0
    if (arrayLine !== null) index++
    return value
  }

  // a record starts at byte `i` of `chunk` (or, after a lone '/', at that slash, given as `lead`)
  const startRecord = (first: number, lineOf: number) => {
    if (depth === 0 && arrayLine === null) top++
    collecting = true
    expecting = false
    afterComma = false
    scalar = depth === 0 && first !== OPEN_BRACE
    startLine = lineOf
    size = 0
    parts = []
    recordNotes = pendingNotes
    pendingNotes = []
  }

  // bytes of a byte-order mark read between top-level values (0: none)
  let markRead = 0
  for await (const chunk of chunks) {
    let from = 0
    // a byte-order mark opens the file: not part of the first record (its bytes may come in more than one chunk)
    while (bom < 3 && from < chunk.length && chunk[from] === BOM[bom]) {
      from++
      bom++
    }
    if (from < chunk.length) bom = 3
    // where the current record's bytes started in this chunk (-1: not collecting in this chunk)
    let pieceStart = collecting ? from : -1
    const keep = (end: number) => {
      if (pieceStart < 0 || end <= pieceStart) return
      size += end - pieceStart
      if (size <= maxBytes) parts.push(chunk.subarray(pieceStart, end))
      else parts = []
    }
    const values: JsonValue[] = []
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i]!
      if (b === NEWLINE) line++
      if (inString) {
        if (escaped) escaped = false
        else if (b === BACKSLASH) escaped = true
        else if (b === QUOTE) inString = false
        continue
      }
      if (comment !== 'none') {
        if (comment === 'line') {
          if (b === NEWLINE) {
            pendingNotes.push({kind: 'comment', line: commentLine})
            comment = 'none'
          }
          continue
        }
        if (comment === 'block' || comment === 'block-star') {
          if (comment === 'block-star' && b === SLASH) {
            pendingNotes.push({kind: 'comment', line: commentLine})
            comment = 'none'
          } else comment = b === STAR ? 'block-star' : 'block'
          continue
        }
        // a '/' was read outside any record
        if (b === SLASH || b === STAR) {
          comment = b === SLASH ? 'line' : 'block'
          continue
        }
        // a lone '/': a record starts at it, for the parser to refuse
        comment = 'none'
        release(values)
        startRecord(SLASH, commentLine)
        parts.push(Buffer.from([SLASH]))
        size = 1
        pieceStart = i
      } else if (!collecting && markRead > 0 && b !== BOM[markRead]) {
        // the bytes read as the start of a byte-order mark were none: a record starts at them, for the parser to refuse
        release(values)
        startRecord(BOM[0]!, line)
        parts.push(Buffer.from(BOM.slice(0, markRead)))
        size = markRead
        markRead = 0
        pieceStart = i
      } else if (!collecting) {
        if (markRead > 0) {
          if (++markRead === BOM.length) {
            pendingNotes.push({kind: 'bom', line})
            markRead = 0
          }
          continue
        }
        if (isSpace(b)) continue
        // a byte-order mark where a top-level value would start: a JSON file joined onto another keeps its own there,
        // and it made the value after it one bad-json error (its bytes may come in more than one chunk)
        if (b === BOM[0] && depth === 0 && arrayLine === null) {
          markRead = 1
          continue
        }
        if (b === SLASH) {
          comment = 'slash'
          commentLine = line
          continue
        }
        if (arrayLine !== null && depth === 1) {
          if (b === COMMA) {
            // a comma where an element should be: an empty element, said as one (JSON allows none)
            if (expecting) {
              release(values)
              held = {text: '', bytes: 0, invalid: 0, line, index, arrayLine, top, empty: true, ...(pendingNotes.length > 0 ? {notes: pendingNotes} : {})}
              pendingNotes = []
              index++
            }
            expecting = true
            afterComma = true
            continue
          }
          if (b === CLOSE_BRACKET) {
            // a trailing comma before the close ("[a, b,]") leaves nothing out, but JSON allows none: noted, not an error
            if (afterComma && held) note(held, {kind: 'trailing-comma', line})
            depth = 0
            arrayLine = null
            expecting = false
            afterComma = false
            continue
          }
        } else if (depth === 0 && b === OPEN_BRACKET) {
          top++
          depth = 1
          arrayLine = line
          index = 0
          expecting = true
          afterComma = false
          continue
        }
        // a record starts here
        release(values)
        startRecord(b, line)
        pieceStart = i
      }
      // inside a record
      if (b === QUOTE) inString = true
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (arrayLine !== null && depth === 1) {
          // the array's own close ends its last element
          keep(i)
          held = finish()
          depth = 0
          arrayLine = null
          pieceStart = -1
          continue
        }
        if (depth > 0) depth--
        if (arrayLine === null && depth === 0 && !scalar) {
          keep(i + 1)
          held = finish()
          pieceStart = -1
        }
      } else if (b === COMMA && arrayLine !== null && depth === 1) {
        keep(i)
        held = finish()
        expecting = true
        afterComma = true
        pieceStart = -1
      } else if (b === NEWLINE && scalar && depth === 0) {
        keep(i)
        held = finish()
        pieceStart = -1
      }
    }
    if (collecting) keep(chunk.length)
    yield* values
  }
  const last: JsonValue[] = []
  // the file ends on a lone '/': a record of its own, for the parser to refuse
  if (comment === 'slash') {
    release(last)
    startRecord(SLASH, commentLine)
    parts.push(Buffer.from([SLASH]))
    size = 1
  } else if (comment !== 'none') pendingNotes.push({kind: 'comment', line: commentLine, ...(comment === 'line' ? {} : {open: true as const})})
  // the file ends inside a record (cut off, or an unclosed bracket or string): it is given as it stands, for the
  // parser to refuse; an element whole but for its array's close loses nothing and is given with a note
  if (collecting) {
    const open = inString || depth > (arrayLine !== null ? 1 : scalar ? -1 : 0)
    release(last)
    held = open ? {...finish(), cutOff: true} : finish()
  }
  if (held) {
    if (arrayLine !== null && !held.cutOff) note(held, {kind: 'unclosed-array', line: arrayLine})
    for (const n of pendingNotes) note(held, n)
    release(last)
  }
  yield* last
}

/**
 * A record's JSON text with its comments (`//` to the line's end, `/* *\/`, outside strings) blanked out, new lines
 * kept, and the line of each comment counted from the record's first line as 1; null when it holds none, or a block
 * comment never closed (that is no comment to skip but a record cut off). For a record JSON.parse refused: a comment
 * inside an element or on a JSONL line's end loses nothing, as one between records does.
 */
export function blankJsonComments(text: string): {text: string; lines: number[]} | null {
  let out = ''
  const lines: number[] = []
  let line = 1
  let inString = false
  let escaped = false
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === NEWLINE) line++
    if (inString) {
      if (escaped) escaped = false
      else if (c === BACKSLASH) escaped = true
      else if (c === QUOTE) inString = false
      continue
    }
    if (c === QUOTE) inString = true
    if (c !== SLASH) continue
    const next = text.charCodeAt(i + 1)
    if (next !== SLASH && next !== STAR) continue
    let end: number
    if (next === SLASH) {
      end = text.indexOf('\n', i)
      if (end === -1) end = text.length
    } else {
      end = text.indexOf('*/', i + 2)
      if (end === -1) return null
      end += 2
    }
    lines.push(line)
    const comment = text.slice(i, end)
    // spaces for the comment, its new lines kept, so every line number after it stays
    out += text.slice(from, i) + comment.replace(/[^\n]/g, ' ')
    for (const ch of comment) if (ch === '\n') line++
    from = end
    i = end - 1
  }
  return lines.length === 0 ? null : {text: out + text.slice(from), lines}
}
