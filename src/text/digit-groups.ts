/**
 * The grouping grammar of a figure whose thousands are marked by an apostrophe or a space (1'250'000, 1 250 000), shared
 * by the money reader and the number finder so that both read the same figure to the same end.
 */

/** The straight and curly apostrophes: a thousands separator (Swiss style) or an elided century (`'90s`). */
export const GROUP_APOSTROPHES: readonly string[] = ["'", '\u2019']

/** The narrow and no-break spaces that may group a figure's thousands. */
export const GROUP_SPACES: readonly string[] = ['\u00a0', '\u202f', '\u2009', '\u2007']

const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * The regex source (for the u or the plain flag, no capture group) of a grouped integer: one to three digits, groups of
 * one of `separators` (the same one throughout) and exactly three digits, then comma groups of three (2'710,828: the
 * apostrophe marking the millions, fuzz seed 6004011; 1 288,333, seed 6004700), each group with no digit after it.
 * `maxGroups` bounds each run of groups, so a megabyte of "1'234'..." costs one bounded read.
 */
export function groupedIntegerSource(separators: readonly string[], maxGroups?: number): string {
  const times = maxGroups === undefined ? '+' : `{1,${maxGroups}}`
  const commas = maxGroups === undefined ? '*' : `{0,${maxGroups}}`
  const groups = separators.map((s) => `(?:${escape(s)}[0-9]{3}(?![0-9]))${times}`).join('|')
  return `[0-9]{1,3}(?:${groups})(?:,[0-9]{3}(?![0-9]))${commas}`
}

// a space, no-break space or tab, an opening bracket, a colon or "=": what a sign may follow ("fell -3%", "(-3%)", "change: -3%")
const isBeforeSign = (c: number) => c === 32 || c === 0xa0 || c === 9 || c === 40 || c === 91 || c === 58 || c === 61
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029

/**
 * Whether a sign written flush before a figure at `start` is the figure's (docs/fuzz.md, fuzz7): a hyphen-minus, U+2212
 * or a plus after a space, tab, opening bracket, colon or "=", or (U+2212 and a plus only) at a line's or the text's
 * start; a hyphen opening a line is a bullet, and a sign glued to a word, digit or percent sign joins a range or a
 * compound ("2-3%", "1990-2000", "COVID-19").
 */
export function hasSignBefore(text: string, start: number): boolean {
  if (start < 1) return false
  const sign = text.charCodeAt(start - 1)
  if (sign !== 0x2d && sign !== 0x2212 && sign !== 0x2b) return false
  const hyphen = sign === 0x2d
  if (start < 2 || isLineBreak(text.charCodeAt(start - 2))) return !hyphen
  if (!isBeforeSign(text.charCodeAt(start - 2))) return false
  if (!hyphen) return true
  // "  -5%" after a line break and spaces is still a bullet
  let i = start - 2
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--
  return i >= 0 && !isLineBreak(text.charCodeAt(i))
}
