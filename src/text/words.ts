/**
 * Words as the narrative readers (quote attribution, entity roles) see them: a view over the document's tokens
 * (the one lexer is `findTokens` in src/segment/segment-text.ts), never a second pass over the characters. The
 * view joins a contraction the tokenizer split ("do" + "n't" reads "don't", while "Smith" + "'s" stay apart) and
 * parts written flush around a separator the reader names ("D-N.Y."), reads a run of marks one mark at a time
 * ("''" is two marks), and lets the reader decide whose period an abbreviation gets, from the reader's own list.
 */
import {TokenFlag, type Token} from '../doc.ts'
import {CHAR_CLASS, CharClass, isNumberChar} from './chars.ts'

/** A token as a reader sees it: its span, its text and lower case, its kind and whether it is capitalised. */
export interface Word {
  start: number
  end: number
  text: string
  lower: string
  /** 'poss' is never given by the view: a reader that sets possessives apart ("'s") relabels them */
  kind: 'word' | 'num' | 'punct' | 'poss'
  /** the first character is an uppercase letter */
  upper: boolean
}

/**
 * Whether the period at `text[at]`, right after the word `text[start, at)`, belongs to that word: the reader's
 * rule for abbreviations, given the word as written.
 */
export type PeriodRule = (text: string, start: number, at: number) => boolean

/** How a reader joins tokens into words and where it puts an abbreviation's period. */
export interface WordRules {
  keepsPeriod: PeriodRule
  /** a separator that joins the parts of a word written flush around it ("Boston-based", "U.S") */
  joinsWord(code: number): boolean
  /** a separator that joins the parts of a number ("1,250.50", "3:45") */
  joinsNumber(code: number): boolean
}

const CLITIC: number = TokenFlag.Clitic
const ABBREVIATION: number = TokenFlag.Abbreviation
const UPPER: number = TokenFlag.Upper
const UPPER_CLASS: number = CharClass.Upper
const MARK_CLASS: number = CharClass.Mark

/** The index of the first token that ends after `offset` (tokens are in text order and do not overlap). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  // countBefore's binary search written out: its predicate, a closure per call, was a call per step that V8 did not
  // inline (countBefore serves many predicates), the larger part of this search's time
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The words of the tokens in `[from, to)`, a token that crosses either edge cut there; `rules` say how the reader
 * joins tokens and which words own the period written after them.
 */
export function readWords(text: string, tokens: readonly Token[], from: number, to: number, rules: WordRules): Word[] {
  const {keepsPeriod, joinsWord, joinsNumber} = rules
  const words: Word[] = []
  // a period already given to the word before it
  let taken = -1
  for (let k = tokenIndexAt(tokens, from); k < tokens.length; k++) {
    const token = tokens[k]!
    const start = token.start < from ? from : token.start
    if (start >= to) break
    let end = Math.min(token.end, to)
    if (token.kind === 'punct' || token.kind === 'symbol') {
      // one word per mark: a run ("...", "''") is read mark by mark, a surrogate pair stays whole
      // (with the combining marks written on it: a word, and a speaker mention, ended before them, fuzz8)
      for (let i = start; i < end; ) {
        const code = text.charCodeAt(i)
        let size = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1
        while (i + size < end && CHAR_CLASS[text.charCodeAt(i + size)] === MARK_CLASS) size++
        if (i !== taken) pushWord(words, text, i, i + size, 'punct', false)
        i += size
      }
      continue
    }
    // one word across what the tokenizer splits but a reader keeps whole: a contraction ("don't", "they're";
    // a possessive or "is" stays apart: "Smith" + "'s"), and parts joined by a separator written flush
    // ("D-N.Y.", "AT&T", "said.Trump" in run-together text; "1,250.50", "3:45")
    const numeric = isNumberChar(text.charCodeAt(start))
    for (;;) {
      // indices checked, not read past the end: an array read out of bounds sends V8's optimised code back to the
      // interpreter and it was compiled again (once per thread, the first time a reader reached a document's last token)
      if (k + 1 >= tokens.length) break
      const next = tokens[k + 1]!
      if (next.start !== end || next.end > to) break
      if ((next.flags & CLITIC) !== 0 && !isApostropheS(text, next)) {
        k++
        end = next.end
        continue
      }
      const after = k + 2 < tokens.length ? tokens[k + 2] : undefined
      if (
        (tokens[k]!.flags & ABBREVIATION) === 0 && next.kind === 'punct' && next.end === end + 1 && (numeric ? joinsNumber(text.charCodeAt(end)) : joinsWord(text.charCodeAt(end))) &&
        after !== undefined && after.start === next.end && after.end <= to && (after.kind === 'word' || after.kind === 'number')
      ) {
        k += 2
        end = after.end
        continue
      }
      break
    }
    // the reader, not the tokenizer, decides whose period an abbreviation gets
    // (its period may carry combining marks, "Gov." + U+0323: they are the period's, on whichever word it goes to)
    let bare = end
    if ((tokens[k]!.flags & ABBREVIATION) !== 0 && end === tokens[k]!.end) {
      bare = end - 1
      let period = bare
      while (period > start && CHAR_CLASS[text.charCodeAt(period)] === MARK_CLASS) period--
      if (text.charCodeAt(period) === 46) bare = period
    }
    const kind = numeric ? 'num' : 'word'
    // a token cut at `from` has the case of its first character there
    const upper = start === token.start ? (token.flags & UPPER) !== 0 : CHAR_CLASS[text.charCodeAt(start)] === UPPER_CLASS
    if (bare < to && text.charCodeAt(bare) === 46 && kind === 'word' && keepsPeriod(text, start, bare)) {
      pushWord(words, text, start, bare < end ? end : bare + 1, kind, upper)
      taken = bare
    } else {
      pushWord(words, text, start, bare, kind, upper)
      if (bare < end) pushWord(words, text, bare, end, 'punct', false)
    }
  }
  return words
}

function isApostropheS(text: string, token: Token): boolean {
  return token.end - token.start === 2 && (text.charCodeAt(token.end - 1) | 0x20) === 0x73
}

function pushWord(words: Word[], text: string, start: number, end: number, kind: Word['kind'], upper: boolean): void {
  words.push(new TokenWord(text, start, end, kind, upper))
}

// A word of the view whose text and lower case are cut from the document when first read: readers make the words
// of a whole paragraph or stretch and look at a few of them (those around a quote or a name), so most words are
// never sliced or lowercased. The document's text never changes under a view, so a later cut is the same string.
class TokenWord implements Word {
  start: number
  end: number
  kind: Word['kind']
  upper: boolean
  private readonly source: string
  private cut: string | undefined = undefined
  private folded: string | undefined = undefined

  constructor(source: string, start: number, end: number, kind: Word['kind'], upper: boolean) {
    this.start = start
    this.end = end
    this.kind = kind
    this.upper = upper
    this.source = source
  }

  get text(): string {
    return (this.cut ??= this.source.slice(this.start, this.end))
  }

  get lower(): string {
    return (this.folded ??= this.text.toLowerCase())
  }
}
