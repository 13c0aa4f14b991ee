/**
 * Quotes in an all-caps document (docs/all-caps.md): attribution reads case (a lowercase "said" is a speech verb, a
 * capital starts a name), so such a document is read as mixed-case prose, a same-length copy in which only names,
 * sentence and quotation starts and "I" keep their capital (src/text/all-caps.ts); spans carry over unchanged.
 */
import {isNameLabel, TokenFlag, type Entity, type Quote, type Span, type Token} from '../doc.ts'
import {capitaliseProse, isAllCaps, recaseAllCaps} from '../text/all-caps.ts'
import {CHAR_CLASS, CharClass} from '../text/chars.ts'

const UPPER_FLAG: number = TokenFlag.Upper

/** The text and tokens attribution reads: as written, or for an all-caps text its copy cased as prose. */
export function readCasedAsProse(text: string, tokens: readonly Token[], paragraphs: readonly Span[], entities: Entity[]): {text: string; tokens: readonly Token[]; entities: Entity[]} {
  if (!isAllCaps(text)) return {text, tokens, entities}
  const names = entities.filter((e) => isNameLabel(e.label)).sort((a, b) => a.start - b.start)
  const cased = recaseAllCaps(text, capitaliseProse(names, paragraphs))
  // a token's capital bit follows the copy, as the segmenter would have set it there
  const recased = tokens.map((t) => {
    const upper = CHAR_CLASS[cased.charCodeAt(t.start)] === CharClass.Upper ? UPPER_FLAG : 0
    return (t.flags & UPPER_FLAG) === upper ? t : {...t, flags: (t.flags & ~UPPER_FLAG) | upper}
  })
  // a canonical name is read in title case ("MARIA ROE" as "Maria Roe"), as the pronoun resolver reads a
  // woman's name; the quotes get their entity's name as written back in placeQuotesInCase
  const titled = entities.map((e) => (e.canonical ? {...e, canonical: recaseAllCaps(e.canonical, (t, start) => start === 0 || !/[A-Za-z]/.test(t[start - 1]!) || t[start - 1] === '-')} : e))
  return {text: cased, tokens: recased, entities: titled}
}

/** Places quotes found in `read` (a copy of `text`) in `text`: their cue and mention read again as written. */
export function placeQuotesInCase(quotes: Quote[], text: string, read: string, entities: readonly Entity[]): Quote[] {
  if (read === text) return quotes
  const nameOf = new Map(entities.map((e) => [e.entityId, e.canonical]))
  return quotes.map((q) => ({
    ...q,
    cue: q.cueSpan ? text.slice(q.cueSpan.start, q.cueSpan.end) : q.cue,
    speaker: {
      ...q.speaker,
      mention: q.speaker.start !== null && q.speaker.end !== null ? text.slice(q.speaker.start, q.speaker.end) : q.speaker.mention,
      name: q.speaker.entityId !== null ? (nameOf.get(q.speaker.entityId) ?? q.speaker.name) : q.speaker.name,
    },
  }))
}
