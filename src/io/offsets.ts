/**
 * Output offsets are Unicode code points (what Python's str and DuckDB count); inside the
 * program they are UTF-16 code units. These helpers convert at the output boundary, and back for
 * gold files and benchmark data written in code points; every conversion in the project is here.
 */

// a lone or paired surrogate: only texts with astral characters need a table
const SURROGATE = /[\uD800-\uDFFF]/

/** Returns a function mapping a UTF-16 offset in `text` to a code-point offset (identity when the text has no astral characters). */
export function createCodePointMapper(text: string): (utf16: number) => number {
  if (!SURROGATE.test(text)) return (utf16) => utf16
  // table[i] = code points before UTF-16 offset i
  const table = new Uint32Array(text.length + 1)
  let points = 0
  for (let i = 0; i < text.length; i++) {
    table[i] = points
    const code = text.charCodeAt(i)
    // the low half of a pair does not start a code point
    const isLowOfPair = code >= 0xdc00 && code <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))
    if (!isLowOfPair) points++
  }
  table[text.length] = points
  return (utf16) => {
    if (utf16 < 0 || utf16 > text.length) throw new RangeError(`offset ${utf16} is outside the text (length ${text.length})`)
    return table[utf16]!
  }
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Returns a function from a code-point offset in `text` to a UTF-16 offset, null when past the end. */
export function createUtf16Mapper(text: string): (codePoint: number) => number | null {
  const table: number[] = [0]
  for (let i = 0; i < text.length; ) {
    i += text.codePointAt(i)! > 0xffff ? 2 : 1
    table.push(i)
  }
  return (codePoint) => (Number.isInteger(codePoint) && codePoint >= 0 && codePoint < table.length ? table[codePoint]! : null)
}

/** Slices `text` by code-point offsets, as Python's `text[start:end]` would. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('')
}
