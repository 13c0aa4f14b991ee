/**
 * Typesetting codes of 1990s wire copy, as the New York Times News Service (and the archives built from it: LDC's
 * TDT, AQUAINT, North American News Text) left them in the text: `&QL;`, `&QC;`, `&QR;` (quad left, centre, right:
 * the end of a set line), `&UR;` and `&LR;` (upper and lower rail: a font switch, around bylines), `&HT;` (a hard
 * tab between table columns), `&MD;` (an em dash) and `&Cx1f;`-style escapes of control bytes (`&Cx13;`, `&Cx11;`).
 * None of them is an HTML character reference and none can be prose, so they are read wherever they stand; every
 * other `&…;` is left to the character-reference decoder, and a bare `&` is never touched.
 */

// the codes, each spelled as the wire writes it (capitals, a lowercase hex escape after Cx)
const CODE = /&(?:Q[LCR]|[UL]R|HT|MD|Cx[0-9A-Fa-f]{2});/g
const VALUE: Record<string, string> = {'&MD;': '—', '&HT;': '\t'}

/** What {@link removeWireCodes} returns: the text without codes, and every code it read, in order. */
export interface WireCodes {
  text: string
  /** the codes as written, in text order (`&MD;` and `&HT;` were replaced by a dash and a tab, the rest removed) */
  codes: string[]
}

/**
 * Removes wire typesetting codes (`&QL;`, `&UR;`, `&LR;`, `&Cx1f;`, …) and writes `&MD;` as an em dash and `&HT;` as
 * a tab. A removed code takes the spaces it leaves at a line's start or end, and one of the two spaces around it
 * inside a line, so `&UR; By JANE ROE &LR; &QC;` becomes `By JANE ROE`.
 */
export function removeWireCodes(text: string): WireCodes {
  if (!text.includes('&')) return {text, codes: []}
  const codes: string[] = []
  CODE.lastIndex = 0
  if (!CODE.test(text)) return {text, codes}
  CODE.lastIndex = 0
  const lines = text.split('\n')
  for (const [i, line] of lines.entries()) {
    if (!line.includes('&')) continue
    let touched = false
    const replaced = line.replace(/([ \t]*)(&(?:Q[LCR]|[UL]R|HT|MD|Cx[0-9A-Fa-f]{2});)([ \t]*)/g, (_all, before: string, code: string, after: string) => {
      codes.push(code)
      touched = true
      const value = VALUE[code]
      if (value !== undefined) return `${before}${value}${after}`
      // one space stands where the code stood between two words; at a line's edge the spaces go with it
      return before !== '' && after !== '' ? ' ' : ''
    })
    if (!touched) continue
    // a line whose codes are gone keeps its indentation only if the codes were not what stood first
    const lead = /^[ \t]*&(?:Q[LCR]|[UL]R|Cx[0-9A-Fa-f]{2});/.test(line) ? replaced.trimStart() : replaced
    lines[i] = lead.trimEnd()
  }
  return {text: lines.join('\n'), codes}
}

// a line holding an escaped control byte is a transmission header ("A4417 &Cx1f; taf-z"): the escapes stand for the
// framing bytes of the wire's own routing lines, never inside a story
const HEADER_ESCAPE = /&Cx[0-9A-Fa-f]{2};/

/** Removes the wire's transmission header lines (those holding `&Cx1f;`-style control escapes) whole; returns them as written. */
export function removeWireHeaders(text: string): {text: string; headers: string[]} {
  if (!text.includes('&Cx') && !text.includes('&cx')) return {text, headers: []}
  const headers: string[] = []
  const kept = text.split('\n').filter((line) => {
    if (!HEADER_ESCAPE.test(line)) return true
    headers.push(line.trim())
    return false
  })
  return {text: kept.join('\n'), headers}
}
