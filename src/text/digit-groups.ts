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
