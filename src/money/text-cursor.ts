/**
 * The money scanner's footing: the text, the scan state, and character and word helpers that read
 * around a position without allocating (word hashes are cached).
 */
import {APOSTROPHES, Bare, Figure, LOWER, MAX_WORD, Numeral, Word, hashWord, isDigit, isFigureSpace, isLetter} from './scan-tables.ts'

/** Part of the money scanner (see src/money/find-money.ts); the layers build on each other. */
export class TextCursor {
  readonly text: string
  readonly n: number
  readonly figures: Figure[] = []
  /** nothing before this offset may be read again as part of a new figure */
  protected consumed = 0
  protected bare: Bare | null = null
  // one numeral is read at a time and never kept, so it is reused rather than allocated per number
  protected readonly numeral: Numeral = {start: 0, end: 0, integer: null, intEnd: 0, fraction: '', grouped: false, decimals: 0, intDigits: 0, yearLike: false}

  constructor(text: string) {
    this.text = text
    this.n = text.length
  }

  // ---------------------------------------------------------------- character helpers

  protected code(i: number): number {
    return i >= 0 && i < this.n ? this.text.charCodeAt(i) : -1
  }

  protected isDigit(i: number): boolean {
    return i >= 0 && i < this.n && isDigit(this.text.charCodeAt(i))
  }

  protected isLetter(i: number): boolean {
    return i >= 0 && i < this.n && isLetter(this.text.charCodeAt(i))
  }

  protected isSpace(i: number): boolean {
    return i >= 0 && i < this.n && isFigureSpace(this.text.charCodeAt(i))
  }

  /** Exactly `count` digits start at i and no digit follows them. */
  protected digitsAt(i: number, count: number): boolean {
    for (let k = 0; k < count; k++) if (!this.isDigit(i + k)) return false
    return !this.isDigit(i + count)
  }

  /** The end of a run of letters from i, or -1 when longer than MAX_WORD. */
  protected letterRunEnd(i: number): number {
    let j = i
    while (j < this.n && isLetter(this.text.charCodeAt(j))) {
      j++
      if (j - i > MAX_WORD) return -1
    }
    return j
  }

  /** The end of the letters from i (unbounded scan stops at MAX_WORD + 1). */
  protected letterEnd(i: number): number {
    let j = i
    while (j < this.n && j - i <= MAX_WORD && isLetter(this.text.charCodeAt(j))) j++
    return j
  }

  // the word after a number is hashed by several readers in turn; remember the last one
  protected cachedStart = -1
  protected cachedEnd = -1
  protected cachedHash = 0

  /** The lower-case hash of the letters starting at j (their end in `cachedEnd`). */
  protected hashWordAt(j: number): number {
    if (j !== this.cachedStart) {
      this.cachedStart = j
      this.cachedEnd = this.letterEnd(j)
      this.cachedHash = this.hashAt(j, this.cachedEnd)
    }
    return this.cachedHash
  }

  /** Lower-case hash of text[start, end), as {@link hashWord} computes it. */
  protected hashAt(start: number, end: number): number {
    let h = 0
    for (let k = start; k < end; k++) h = (Math.imul(h, 31) + LOWER[this.text.charCodeAt(k)]) | 0
    return h
  }

  /** The word (letters, and dots inside abbreviations like "u.s.") starting at i after at most one space. */
  protected wordAfter(i: number, allowSpace = true): Word | null {
    let j = i
    if (allowSpace && this.isSpace(j)) j++
    if (!this.isLetter(j)) return null
    const end = this.letterRunEnd(j)
    if (end < 0) return null
    return {start: j, end, lower: this.text.slice(j, end).toLowerCase()}
  }

  /** The word ending at i (after skipping one space), letters only, or null. */
  protected wordBefore(i: number, floor = 0): Word | null {
    let j = i
    if (this.isSpace(j - 1)) j--
    if (!this.isLetter(j - 1)) return null
    let s = j - 1
    while (s > floor && this.isLetter(s - 1)) {
      s--
      if (j - s > MAX_WORD) return null
    }
    return {start: s, end: j, lower: this.text.slice(s, j).toLowerCase()}
  }

  /** Up to `count` words ending at i, separated by single spaces, nearest last. */
  protected wordsBefore(i: number, count: number): Word[] {
    const words: Word[] = []
    let j = i
    while (words.length < count) {
      if (!this.isSpace(j - 1)) break
      const word = this.wordBefore(j)
      if (!word) break
      words.unshift(word)
      j = word.start
    }
    return words
  }

  /** Skips spaces forward (at most a few), returning the new offset. */
  protected skipSpaces(i: number, max = 3): number {
    let j = i
    while (j < this.n && j - i < max && this.isSpace(j)) j++
    return j
  }

  protected skipSpacesBack(i: number, max = 3): number {
    let j = i
    while (j > 0 && i - j < max && this.isSpace(j - 1)) j--
    return j
  }

  /** Skips the rest of a numeric token (digits joined by . , : / or apostrophes) so it is not re-read. */
  protected skipToken(i: number): number {
    let j = i
    while (j < this.n) {
      const c = this.text.charCodeAt(j)
      if (isDigit(c)) j++
      else if ((c === 46 || c === 44 || c === 58 || c === 47 || APOSTROPHES.has(c)) && this.isDigit(j + 1)) j++
      else break
    }
    return Math.max(j, i + 1)
  }
}
