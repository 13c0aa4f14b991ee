/**
 * Trigger words found in one regex pass, for rule-based finders that only try their rules where a trigger starts
 * (the date and number finders): the entities stage scans a text once for the union of their triggers instead of
 * once per finder, and each finder reads the positions it cares about.
 */

/** Where triggers start and end in a text, with each trigger's word in lower case ('' for a digit), in text order. */
export interface Triggers {
  count: number
  starts: Int32Array
  ends: Int32Array
  words: string[]
}

/**
 * The matches of a global trigger regex over `text`. Each match must be one digit or one word (of a pattern's
 * alternatives), optionally followed by one space ("a " in "a dozen"): its word is the match without that space,
 * lowercased.
 */
export function scanTriggers(pattern: RegExp, text: string): Triggers {
  let starts = new Int32Array(256)
  let ends = new Int32Array(256)
  const words: string[] = []
  let count = 0
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (count === starts.length) {
      const grownStarts = new Int32Array(2 * count)
      const grownEnds = new Int32Array(2 * count)
      grownStarts.set(starts)
      grownEnds.set(ends)
      starts = grownStarts
      ends = grownEnds
    }
    const p = m.index
    const code = text.charCodeAt(p)
    starts[count] = p
    ends[count] = p + m[0].length
    words.push(code >= 48 && code <= 57 ? '' : m[0].trimEnd().toLowerCase())
    count++
  }
  return {count, starts, ends, words}
}
