/**
 * Tag sets for the recogniser: CoNLL's IOB1 on input, BILOU inside the model (Ratinov & Roth 2009 found
 * BILOU better than BIO for greedy decoding), and token-index entity spans in between.
 */

/** The four CoNLL entity types, in the order the model numbers them. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const
/** One of {@link NER_TYPES}. */
export type NerType = (typeof NER_TYPES)[number]

/** An entity over tokens: half-open `[start, end)` token indices. */
export interface TokenSpan {
  start: number
  end: number
  type: NerType
}

/** Number of BILOU tags: `O` plus B, I, L, U for each type. */
export const TAG_COUNT = 1 + 4 * NER_TYPES.length
/** The tag id of `O`. */
export const TAG_O = 0
/** A pseudo tag id for "before the sentence", used only as decoding history. */
export const TAG_START = TAG_COUNT

const POSITIONS = ['B', 'I', 'L', 'U'] as const

/** Tag id for a BILOU position (0 B, 1 I, 2 L, 3 U) of a type index. */
export function tagId(position: number, type: number): number {
  return 1 + type * 4 + position
}

/** The type index of a tag id, or -1 for `O`/start. */
export function tagType(tag: number): number {
  return tag === TAG_O || tag >= TAG_COUNT ? -1 : (tag - 1) >> 2
}

/** The BILOU position of a tag id (0 B, 1 I, 2 L, 3 U), or -1 for `O`/start. */
export function tagPosition(tag: number): number {
  return tag === TAG_O || tag >= TAG_COUNT ? -1 : (tag - 1) & 3
}

/** BILOU tag names by id (`O`, `B-PER`, `I-PER`, ...). */
export const BILOU_TAGS: readonly string[] = [
  'O',
  ...NER_TYPES.flatMap((type) => POSITIONS.map((p) => `${p}-${type}`)),
]

/** IOB2 tag names by BILOU tag id (L becomes I, U becomes B). */
export const IOB2_TAGS: readonly string[] = BILOU_TAGS.map((name) =>
  name === 'O' ? 'O' : `${name[0] === 'L' ? 'I' : name[0] === 'U' ? 'B' : name[0]}${name.slice(1)}`,
)

/** Whether tag `next` may follow tag `prev` (or {@link TAG_START}) in a well-formed BILOU sequence. */
export function allowedAfter(prev: number, next: number): boolean {
  const pp = tagPosition(prev)
  const np = tagPosition(next)
  if (pp === 0 || pp === 1) return (np === 1 || np === 2) && tagType(prev) === tagType(next)
  return np === -1 || np === 0 || np === 3
}

/**
 * Entity spans from IOB1 (CoNLL: `B-X` only where two `X` entities touch) or IOB2 tags; both read the same
 * way: `B-X` always starts an entity, `I-X` continues an open `X` entity or else starts one (as conlleval does).
 */
export function decodeIob(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = []
  let open: TokenSpan | null = null
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]
    if (tag === 'O' || tag.length < 3) {
      open = null
      continue
    }
    const type = tag.slice(2) as NerType
    if (!NER_TYPES.includes(type)) throw new Error(`unknown entity tag "${tag}" at token ${i}`)
    const begins = tag[0] === 'B' || open === null || open.type !== type
    if (begins) {
      open = {start: i, end: i + 1, type}
      spans.push(open)
    } else if (open) {
      open.end = i + 1
    }
  }
  return spans
}

/** BILOU tag ids for `length` tokens carrying the given spans (spans must not overlap). */
export function encodeBilou(spans: readonly TokenSpan[], length: number): Uint8Array {
  const tags = new Uint8Array(length)
  for (const span of spans) {
    writeMention(tags, span.start, span.end, NER_TYPES.indexOf(span.type))
  }
  return tags
}

/** Writes one mention of type index `type` over tokens [start, end) of `tags` as BILOU ids (U alone, else B, I..., L); an empty range writes nothing. */
export function writeMention(tags: Uint8Array, start: number, end: number, type: number): void {
  if (end - start === 1) {
    tags[start] = tagId(3, type)
    return
  }
  if (end <= start) return
  tags[start] = tagId(0, type)
  for (let i = start + 1; i < end - 1; i++) tags[i] = tagId(1, type)
  tags[end - 1] = tagId(2, type)
}

/**
 * Calls `visit(start, end, type)` for each mention in BILOU tag ids over tokens [from, to), in order, with its
 * half-open token span and type index; the one reading of mentions every pass shares, lenient as a decoder's must be:
 * a B or U always starts a mention, an I or L continues an open mention of its type or else starts one, and a B or I
 * run without its L (or cut by `to`) still ends at its last tagged token; `visit` may rewrite the tokens it is given.
 */
export function forEachMention(
  tags: ArrayLike<number>,
  visit: (start: number, end: number, type: number) => void,
  from = 0,
  to = tags.length,
): void {
  let start = -1
  let open = -1
  for (let i = from; i < to; i++) {
    const tag = tags[i]
    const type = tagType(tag)
    const position = tagPosition(tag)
    // an open mention ends before an O, a B or U, or a tag of another type
    if (start >= 0 && (type < 0 || position === 0 || position === 3 || type !== open)) {
      visit(start, i, open)
      start = -1
    }
    if (type < 0) continue
    if (start < 0) {
      start = i
      open = type
    }
    if (position === 2 || position === 3) {
      visit(start, i + 1, open)
      start = -1
    }
  }
  if (start >= 0) visit(start, to, open)
}

/** The type index of tokens [start, end) when they hold exactly one mention (U alone, else B, I..., L of one type), else -1. */
export function wholeMentionType(tags: ArrayLike<number>, start: number, end: number): number {
  if (end <= start) return -1
  const type = tagType(tags[start])
  if (type < 0) return -1
  if (end - start === 1) return tags[start] === tagId(3, type) ? type : -1
  if (tags[start] !== tagId(0, type) || tags[end - 1] !== tagId(2, type)) return -1
  for (let i = start + 1; i < end - 1; i++) if (tags[i] !== tagId(1, type)) return -1
  return type
}

/** Entity spans from BILOU tag ids, read by {@link forEachMention}: a B or I run without its L still ends at the last tagged token. */
export function decodeBilou(tags: ArrayLike<number>, from = 0, to = tags.length): TokenSpan[] {
  const spans: TokenSpan[] = []
  forEachMention(tags, (start, end, type) => spans.push({start, end, type: NER_TYPES[type]}), from, to)
  return spans
}
