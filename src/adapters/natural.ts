/**
 * The only door to `natural`: string similarity and phonetic codes used by entity linking.
 * Modules are loaded by path because `import 'natural'` prints to stdout and pulls database clients.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

// natural ships CommonJS without per-module typings, so each module is typed here once
const jaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (
  a: string,
  b: string,
  options?: {ignoreCase?: boolean},
) => number
const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone.js') as new () => {
  process(token: string, maxLength?: number): string[]
}

const metaphone = new DoubleMetaphone()

/** Jaro-Winkler similarity of two strings, 1 for identical and 0 for nothing in common. */
export function jaroWinkler(a: string, b: string): number {
  return jaroWinklerDistance(a, b)
}

/** The primary and alternate Double Metaphone codes of one word (letters only; other characters are ignored). */
export function doubleMetaphone(word: string): [string, string] {
  const letters = word.replace(/[^A-Za-z]/g, '')
  if (letters.length === 0) return ['', '']
  const [primary = '', secondary = ''] = metaphone.process(letters)
  return [primary, secondary]
}
