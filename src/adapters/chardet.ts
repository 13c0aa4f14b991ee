/**
 * The only door to `chardet` (a port of ICU's charset detector): which legacy charset a run of bytes that is not UTF-8
 * is most likely in, with ICU's confidence.
 */
import {createRequire} from 'node:module'

/** One candidate charset: its name as chardet gives it (`windows-1251`, `KOI8-R`, `Shift_JIS`), ICU's confidence (0-100) and the language its statistics matched, when one did. */
export interface CharsetCandidate {
  charset: string
  confidence: number
  lang?: string
}

// loaded on the first file that is not UTF-8, not at start-up: most corpora have none, and the main thread loaded it
// (~10-30 ms) before its worker threads could start (docs/scale.md, tail). A CommonJS package, so it loads in step.
let chardet: typeof import('chardet') | undefined

/** The candidate charsets of `bytes`, most likely first. */
export function findCharsetCandidates(bytes: Uint8Array): CharsetCandidate[] {
  chardet ??= createRequire(import.meta.url)('chardet') as typeof import('chardet')
  return chardet.analyse(bytes).map((m) => ({charset: m.name, confidence: m.confidence, ...(m.lang ? {lang: m.lang} : {})}))
}
