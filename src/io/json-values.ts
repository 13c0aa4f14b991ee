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
}

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
const NEWLINE = 0x0a
const BOM = [0xef, 0xbb, 0xbf]
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d

/**
 * Splits a stream of JSON bytes into its records by its structure alone (strings, brackets and commas), so a record
 * that is not valid JSON is one record for the caller's parser to refuse, and the next one is read all the same.
 * At the top level an array's elements are the records; any other value (an object) is one. A top-level value that
 * is neither an array nor an object runs to the end of its line.
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
    const value: JsonValue = {text, bytes: size, invalid, line: startLine, index: arrayLine === null ? null : index, arrayLine}
    collecting = false
    scalar = false
    parts = []
    size = 0
    if (arrayLine !== null) index++
    return value
  }

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
      if (!collecting) {
        if (isSpace(b)) continue
        if (arrayLine !== null && depth === 1) {
          if (b === COMMA) {
            // a comma where an element should be: an empty element, said as one (JSON allows none)
            if (expecting) {
              values.push({text: '', bytes: 0, invalid: 0, line, index, arrayLine, empty: true})
              index++
            }
            expecting = true
            continue
          }
          if (b === CLOSE_BRACKET) {
            // a trailing comma before the close ("[a, b,]") leaves nothing out: not an error
            depth = 0
            arrayLine = null
            expecting = false
            continue
          }
        } else if (depth === 0 && b === OPEN_BRACKET) {
          depth = 1
          arrayLine = line
          index = 0
          expecting = true
          continue
        }
        // a record starts here
        collecting = true
        expecting = false
        scalar = depth === 0 && b !== OPEN_BRACE
        startLine = line
        pieceStart = i
        size = 0
        parts = []
      }
      // inside a record
      if (b === QUOTE) inString = true
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (arrayLine !== null && depth === 1) {
          // the array's own close ends its last element
          keep(i)
          values.push(finish())
          depth = 0
          arrayLine = null
          pieceStart = -1
          continue
        }
        if (depth > 0) depth--
        if (arrayLine === null && depth === 0 && !scalar) {
          keep(i + 1)
          values.push(finish())
          pieceStart = -1
        }
      } else if (b === COMMA && arrayLine !== null && depth === 1) {
        keep(i)
        values.push(finish())
        expecting = true
        pieceStart = -1
      } else if (b === NEWLINE && scalar && depth === 0) {
        keep(i)
        values.push(finish())
        pieceStart = -1
      }
    }
    if (collecting) keep(chunk.length)
    yield* values
  }
  // the file ends inside a record (cut off, or an unclosed bracket or string): it is given as it stands, for the
  // parser to refuse; an array left open after its last complete element loses nothing
  if (collecting) {
    const open = inString || depth > (scalar ? -1 : 0)
    yield open ? {...finish(), cutOff: true} : finish()
  }
}
