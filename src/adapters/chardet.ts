/**
 * The only door to `chardet` (a port of ICU's charset detector): which legacy charset a run of bytes that is not UTF-8
 * is most likely in, with ICU's confidence.
 */
import {analyse} from 'chardet'

/** One candidate charset: its name as chardet gives it (`windows-1251`, `KOI8-R`, `Shift_JIS`), ICU's confidence (0-100) and the language its statistics matched, when one did. */
export interface CharsetCandidate {
  charset: string
  confidence: number
  lang?: string
}

/** The candidate charsets of `bytes`, most likely first. */
export function findCharsetCandidates(bytes: Uint8Array): CharsetCandidate[] {
  return analyse(bytes).map((m) => ({charset: m.name, confidence: m.confidence, ...(m.lang ? {lang: m.lang} : {})}))
}
