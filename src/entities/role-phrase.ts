/**
 * Finds the role written next to a person's name: before it ("White House spokesman Jane Doe",
 * "the Minister of Justice, Jane Doe,"), after it ("Jane Doe, the ministry's ambassador-at-large"),
 * or inside a recognised span ("President Jane Doe"), using the general lexicon in roles.ts.
 */
import {isHonorific, isRoleAbbreviation, isRoleHead, isRoleModifier, roleClass, ROLE_HEAD, ROLE_HONORIFIC, ROLE_MODIFIER} from '../names/roles.ts'
import type {Token} from '../doc.ts'
import {isCapitalised, readRoleWords, tokenIndexAt, type Word} from './words.ts'
import {isRegexSpace as isSpace} from '../text/chars.ts'
import {lineEndWithin, lineStartWithin} from '../text/search.ts'
import {TokenFlag} from '../doc.ts'

const ABBREVIATION: number = TokenFlag.Abbreviation

/** A role phrase found in the text. */
export interface RolePhrase {
  start: number
  end: number
  text: string
}

// capitalised words that open sentences or clauses, or name times, and never qualify a role
const NOT_QUALIFIERS = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'then', 'when', 'while', 'after', 'before', 'in', 'on', 'at', 'as', 'if', 'meanwhile', 'however',
  'also', 'yesterday', 'today', 'tomorrow', 'earlier', 'later', 'last', 'next', 'this', 'that', 'these', 'those', 'since', 'by', 'with', 'from',
  'for', 'to', 'of', 'according', 'said', 'says', 'told', 'asked', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'he', 'she', 'they', 'we', 'i', 'it', 'his', 'her', 'their', 'our', 'its', 'photo', 'video', 'reuters', 'ap', 'afp', 'who', 'what', 'where',
  'why', 'how', 'not', 'now', 'here', 'there', 'both', 'all', 'each', 'every', 'former' /* handled as modifier below */,
])

// connectors allowed inside a role phrase between its head and a capitalised complement
const CONNECTORS = new Set(['of', 'for', 'at', 'to', 'in', 'on'])
const INNER = new Set(['of', 'the', 'for', 'and', 'on', 'in', '&'])
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'whose'])
const MAX_ROLE_WORDS = 14

/** Whether a word can sit in a role phrase before its head (a qualifier like "Pentagon", "French", "Poland's"). */
function isQualifier(word: Word): boolean {
  if (word.kind === 'poss') return true
  if (word.kind !== 'word') return false
  // one lexicon lookup for the three questions (the words around every person mention are asked them)
  const bits = roleClass(word.text)
  if ((bits & (ROLE_HEAD | ROLE_MODIFIER)) !== 0) return true
  if ((bits & ROLE_HONORIFIC) !== 0 || NOT_QUALIFIERS.has(word.lower)) return false
  // an all-capitals word ("NATO") starts with a capital too, so capitalised is the whole test
  return isCapitalised(word.text)
}

// a role phrase is looked for in this many characters before the name first, and further back only when it may go on
const NEAR_WINDOW = 48
// the stretches findRoleBefore reads before the whole line, shortest first
const NEAR_WINDOWS = [12, NEAR_WINDOW]

/**
 * Where to start scanning for words before `end`: the first whitespace character at least `window` characters
 * back, or `from`. No word holds whitespace, so words scanned from there are exactly the full scan's last words.
 */
function nearStart(text: string, from: number, end: number, window: number): number {
  let near = end - window
  if (near <= from) return from
  while (near < end && !isSpace(text.charCodeAt(near))) near++
  return near < end ? near : from
}

/**
 * The words of a role phrase that may end `words` (scanned up to the name), before trimming; undefined when none
 * can; null when `words` ran out before the phrase was decided and they are not `complete` (scan further back).
 */
function pickRoleWords(text: string, tokens: readonly Token[], words: Word[], end: number, nameIsFull: boolean, complete: boolean): Word[] | undefined | null {
  let i = words.length - 1
  if (i < 0) return complete ? [] : null
  if (words[i].text === ',') {
    const after = readRoleWords(text, tokens, end, lineEndWithin(text, end, 3))
    const closed = after.length === 0 || [',', '.', ')', ';', '—', '–', ':'].includes(after[0].text)
    if (!nameIsFull || !closed) return undefined
    i--
  }
  const picked: Word[] = []
  while (i >= 0 && picked.length < MAX_ROLE_WORDS) {
    const word = words[i]
    const lower = word.lower
    if (isQualifier(word)) {
      picked.unshift(word)
    } else if (INNER.has(lower) && picked.length > 0 && i === 0 && !complete) {
      return null
    } else if (INNER.has(lower) && picked.length > 0 && i > 0 && (isQualifier(words[i - 1]) || INNER.has(words[i - 1].lower))) {
      // "Minister of Justice of Poland", "Office of the High Commissioner": keep only when a head can still come
      picked.unshift(word)
    } else if (lower === 'former' && picked.length > 0) {
      picked.unshift(word)
    } else {
      break
    }
    i--
  }
  if (i < 0 && picked.length < MAX_ROLE_WORDS && !complete) return null
  return picked
}

/**
 * Finds a role phrase ending right before `start` (optionally across one comma when the name is a
 * full name closed by punctuation); `nameIsFull` allows the appositive "the Minister of Justice, Jane Doe,".
 */
export function findRoleBefore(text: string, tokens: readonly Token[], start: number, end: number, nameIsFull: boolean): RolePhrase | undefined {
  // scans never cross a line break (the paragraph's start), and read at most 240 characters back
  const from = lineStartWithin(text, start, 240)
  // most names have no role before them: a short stretch decides, unless the phrase may go on further back
  // (the word right before the name decides most: a stretch of a couple of words, then a longer one, then the line)
  let picked: Word[] | undefined | null = null
  let scanned = start
  for (const window of NEAR_WINDOWS) {
    const near = nearStart(text, from, start, window)
    if (near === scanned) continue
    scanned = near
    picked = pickRoleWords(text, tokens, readRoleWords(text, tokens, near, start), end, nameIsFull, near === from)
    if (picked !== null || near === from) break
  }
  if (picked === null && scanned !== from) picked = pickRoleWords(text, tokens, readRoleWords(text, tokens, from, start), end, nameIsFull, true)
  if (picked === null || picked === undefined) return undefined
  // drop connectors left dangling at the left edge
  while (picked.length > 0 && (INNER.has(picked[0].lower) || picked[0].kind === 'poss')) picked.shift()
  let last = -1
  for (let k = picked.length - 1; k >= 0; k--) {
    if (picked[k].kind === 'word' && isRoleHead(picked[k].text)) {
      last = k
      break
    }
  }
  if (last < 0) return undefined
  // "President Jane Doe and Foreign Minister John Roe": an "and" whose left side holds its own head starts a new role
  for (let k = last - 1; k > 0; k--) {
    if (['and', '&'].includes(picked[k].lower) && picked.slice(0, k).some((w) => w.kind === 'word' && isRoleHead(w.text))) {
      picked.splice(0, k + 1)
      last -= k + 1
      break
    }
  }
  // after the head only a connector-led complement may follow ("Minister of Justice"); bare capitals are the name itself
  let stop = last + 1
  if (stop < picked.length && CONNECTORS.has(picked[stop].lower)) {
    stop = picked.length
    while (stop > last + 1 && (INNER.has(picked[stop - 1].lower) || picked[stop - 1].kind === 'poss')) stop--
  }
  const kept = picked.slice(0, stop)
  if (kept.length === 0) return undefined
  const roleStart = kept[0].start
  const roleEnd = kept[kept.length - 1].end
  return {start: roleStart, end: roleEnd, text: text.slice(roleStart, roleEnd)}
}

/** Finds an appositive role right after a name: "Jane Doe, the ministry's ambassador-at-large for Asia," */
export function findRoleAfter(text: string, tokens: readonly Token[], end: number): RolePhrase | undefined {
  // every non-space character starts a scanned word, so the first word is a comma only if the first such character
  // is: decided before the line's end is looked for (most names have none; that scan read up to 240 characters for
  // each of them). A line break is whitespace that ends the line, so the skip stops there as it stopped at the end
  const bound = Math.min(end + 240, text.length)
  let at = end
  while (at < bound && isSpace(text.charCodeAt(at)) && text.charCodeAt(at) !== 10) at++
  if (at >= bound || text.charCodeAt(at) !== 44) return undefined
  // no line break lies in [end, at): the line ends where it would have been found from `end`
  const limit = lineEndWithin(text, at, bound - at)
  // most commas after a name open no role (", who", ", said"), decided in a word or two: a short stretch cut at
  // whitespace first (no token holds whitespace, so its words are exactly the full scan's first words), and the
  // rest of the line only when the decision reads past it
  const near = nearEnd(text, at, limit, NEAR_WINDOW)
  if (near < limit) {
    const found = roleAfter(text, readRoleWords(text, tokens, end, near), false)
    if (found !== null) return found
  }
  return roleAfter(text, readRoleWords(text, tokens, end, limit), true) ?? undefined
}

/** The first whitespace at least `window` characters after `from`, or `limit`. */
function nearEnd(text: string, from: number, limit: number, window: number): number {
  let near = from + window
  if (near >= limit) return limit
  while (near < limit && !isSpace(text.charCodeAt(near))) near++
  return near
}

/**
 * The appositive role `words` (scanned from the name's end) open; null when the decision reads past the last of
 * them and they are not `complete` (scan further).
 */
function roleAfter(text: string, words: Word[], complete: boolean): RolePhrase | undefined | null {
  // every read goes through word(): a read past the end is where a longer scan could decide otherwise
  let ranOut = false
  const word = (k: number): Word | undefined => {
    if (k >= words.length) ranOut = true
    return words[k]
  }
  const found = ((): RolePhrase | undefined => {
    if (word(1) === undefined || words[0]!.text !== ',') return undefined
    let i = 1
    if (DETERMINERS.has(words[i]!.lower)) i++
    const first = i
    // qualifiers up to the first head, which must come within a few words
    while (word(i) !== undefined && i - first < 8 && !(words[i]!.kind === 'word' && isRoleHead(words[i]!.text))) {
      if (!isQualifier(words[i]!) && words[i]!.lower !== 'former') return undefined
      i++
    }
    if (word(i) === undefined || !isRoleHead(words[i]!.text)) return undefined
    // further heads and modifiers ("press secretary", "chief executive")
    while (word(i + 1) !== undefined && words[i + 1]!.kind === 'word' && (isRoleHead(words[i + 1]!.text) || isRoleModifier(words[i + 1]!.text)) && !isCapitalised(words[i + 1]!.text)) i++
    let last = i
    // a complement: connector, optional "the", then capitalised words with inner connectors
    let j = i + 1
    if (word(j) !== undefined && CONNECTORS.has(words[j]!.lower)) {
      j++
      if (word(j) !== undefined && words[j]!.lower === 'the') j++
      while (word(j) !== undefined && last - i < MAX_ROLE_WORDS) {
        const w = words[j]!
        if (w.kind === 'word' && isCapitalised(w.text)) last = j
        else if (w.kind === 'poss' && last === j - 1) last = j
        else if (!INNER.has(w.lower)) break
        j++
      }
    }
    // a capitalised word right after the phrase means a new name starts ("Of Doe, President Roe said")
    const next = word(last + 1)
    if (next && next.kind === 'word' && isCapitalised(next.text)) return undefined
    const roleStart = words[first]!.start
    const roleEnd = words[last]!.end
    return {start: roleStart, end: roleEnd, text: text.slice(roleStart, roleEnd)}
  })()
  return ranOut && !complete ? null : found
}

/** A recognised person span split into its leading title (role), dropped honorifics, and the name. */
export interface TitledName {
  /** offsets of the name inside the span's text */
  nameStart: number
  nameEnd: number
  role?: {start: number; end: number}
}

/**
 * Splits a title the recogniser kept inside a PERSON span `text[start, end)` ("President Jane Doe", "Mr. Doe",
 * "Gen. Doe") into a role and the bare name; offsets are relative to `start`; at least one name word always remains.
 */
export function splitTitle(text: string, tokens: readonly Token[], start: number, end: number): TitledName {
  // a name of one token ("Putin") is one word with nothing to split: the word view would give just that
  // (an abbreviation's period aside, which the reader may give to the word or not)
  const first = tokenIndexAt(tokens, start)
  const only = tokens[first]
  if (only !== undefined && only.start === start && only.end === end && (only.flags & ABBREVIATION) === 0 && only.kind !== 'punct' && only.kind !== 'symbol') {
    return {nameStart: 0, nameEnd: end - start}
  }
  const words = readRoleWords(text, tokens, start, end).filter((w) => w.kind !== 'punct' || w.text === '-')
  let roleEnd = -1
  let roleStart = -1
  let nameIndex = 0
  for (let k = 0; k < words.length - 1; k++) {
    const word = words[k]
    if (word.kind === 'word' && (isRoleHead(word.text) || isRoleAbbreviation(word.text))) {
      // everything up to this head must be role material
      const prefix = words.slice(0, k)
      const lexical = prefix.every((w) => w.kind === 'poss' || isRoleHead(w.text) || isRoleModifier(w.text) || isHonorific(w.text) || INNER.has(w.lower))
      // a capitalised qualifier ("French President") needs a full name after the head, so "Stephen King Jr" keeps its name
      const qualified = prefix.every((w) => isQualifier(w) || isHonorific(w.text) || INNER.has(w.lower)) && words.length - k - 1 >= 2
      const nextIsName = words[k + 1]?.kind === 'word' && isCapitalised(words[k + 1].text)
      if (nextIsName && (lexical || qualified)) {
        roleStart = prefix.findIndex((w) => !isHonorific(w.text))
        roleStart = roleStart < 0 || roleStart > k ? k : roleStart
        roleEnd = k
        nameIndex = k + 1
      }
    }
  }
  // honorifics after (or without) a title: "Mr. Doe", "President Mr. Doe"
  while (nameIndex < words.length - 1 && words[nameIndex].kind === 'word' && isHonorific(words[nameIndex].text)) nameIndex++
  // possessives and stray apostrophes at the end are not part of the name
  let lastIndex = words.length - 1
  while (lastIndex > nameIndex && words[lastIndex].kind !== 'word') lastIndex--
  const nameWord = words[nameIndex] ?? words[0]
  const nameStart = nameWord ? nameWord.start - start : 0
  const nameEnd = words[lastIndex] ? words[lastIndex].end - start : end - start
  const titled: TitledName = {nameStart, nameEnd: Math.max(nameEnd, nameStart)}
  if (roleEnd >= 0) titled.role = {start: words[roleStart].start - start, end: words[roleEnd].end - start}
  return titled
}
