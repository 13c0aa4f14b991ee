/**
 * Rule P of docs/ner.md (twenty-first round): a mention never starts or ends with a stray bracket or quotation mark,
 * nor (since the qatext audit, 2026-12-01) with an emoji or other pictograph.
 * The tagger sometimes takes the "<" and ">" around a title, the "(" before a name or a closing quote after one into
 * the mention; no gold of this project (nor CoNLL-2003's) puts such a mark at a mention's edge unless its partner is
 * inside the mention ("Janata Dal ( United )"). The repair needs no label choice and no list of names.
 */
import {forEachMention, TAG_O, writeMention} from './tags.ts'

// each bracket or quotation mark and its partner; '"' and "'" are their own partners
const PARTNER: ReadonlyMap<string, string> = new Map([
  ['(', ')'], [')', '('], ['[', ']'], [']', '['], ['{', '}'], ['}', '{'], ['<', '>'], ['>', '<'],
  ['“', '”'], ['”', '“'], ['‘', '’'], ['’', '‘'], ['«', '»'], ['»', '«'], ['‹', '›'], ['›', '‹'],
  ['"', '"'], ["'", "'"],
])
// the closing brackets (a mention may not start with one) and the opening ones (it may not end with one); a quotation
// mark at an edge stays only when its partner is inside the mention, as the protocol fixes it
const CLOSING = new Set([')', ']', '}', '>'])
const OPENING = new Set(['(', '[', '{', '<'])
// an emoji, flag or other symbol of category So (™, ©, °) with the joiners, skin tones and variation selectors it
// carries: never part of a name, so it leaves a mention's edge whatever stands inside ("Maria Gomez 👩‍👩‍👧" was a PERSON)
const PICTOGRAPH = /^[\p{So}\p{Emoji_Modifier}\p{Mn}\p{Me}\u200d\u{e0020}-\u{e007f}]+$/u

/** Whether a token is an emoji or other pictograph (every such character is at or above U+00A6). */
function isPictograph(word: string): boolean {
  return word.charCodeAt(0) >= 0xa6 && PICTOGRAPH.test(word)
}

/**
 * Trims rule P's marks from the edges of one mention, tokens `[start, end)`; returns the kept `[start, end)` (empty
 * when no token is left). `wordAt(i)` is token i's text.
 */
export function findTrimmedMention(wordAt: (i: number) => string, start: number, end: number): [number, number] {
  const partnerInside = (partner: string | undefined, from: number, to: number): boolean => {
    if (partner === undefined) return false
    for (let i = from; i < to; i++) if (wordAt(i) === partner) return true
    return false
  }
  while (end > start) {
    const first = wordAt(start)
    const last = wordAt(end - 1)
    const firstPartner = PARTNER.get(first)
    const lastPartner = PARTNER.get(last)
    // 0: a pictograph at either edge
    if (isPictograph(first)) {
      start++
      continue
    }
    if (isPictograph(last)) {
      end--
      continue
    }
    // 1: a wrapping pair ("< ... >", "( ... )", '" ... "')
    if (end - start >= 2 && firstPartner !== undefined && !CLOSING.has(first) && last === firstPartner) {
      start++
      end--
      continue
    }
    // 2: a closing mark first, or an opening one whose partner is none of the other tokens
    if (firstPartner !== undefined && (CLOSING.has(first) || !partnerInside(firstPartner, start + 1, end))) {
      start++
      continue
    }
    // 3: an opening mark last, or a closing one whose partner is none of the other tokens
    if (lastPartner !== undefined && (OPENING.has(last) || !partnerInside(lastPartner, start, end - 1))) {
      end--
      continue
    }
    break
  }
  return end > start ? [start, end] : [start, start]
}

/**
 * Applies rule P to one document's BILOU tag ids in place: each mention (as {@link forEachMention} reads them) is trimmed by
 * {@link findTrimmedMention}, the tokens it loses become O and the kept ones are re-tagged B..L or U with the same
 * label (a mention left with no token is removed). Returns the number of mentions changed.
 */
export function trimEdgeMarks(wordAt: (i: number) => string, tags: Uint8Array): number {
  let changed = 0
  forEachMention(tags, (start, end, type) => {
    // only tokens that can be a mark at all are looked at further (most mentions start and end with a letter)
    const first = wordAt(start)
    const last = wordAt(end - 1)
    if (!PARTNER.has(first) && !PARTNER.has(last) && !isPictograph(first) && !isPictograph(last)) return
    const [kept, stop] = findTrimmedMention(wordAt, start, end)
    if (kept === start && stop === end) return
    changed++
    tags.fill(TAG_O, start, end)
    writeMention(tags, kept, stop, type)
  })
  return changed
}
