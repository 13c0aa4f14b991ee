/**
 * Wire datelines: the place (and often the date and the agency) a story was filed from, written at the start
 * of its first paragraph (`PARIS (Reuters) -`, `NAIROBI, Kenya (AP) _`, `BEIJING, Nov. 13 (Xinhua) --`,
 * `WASHINGTON —`, `NEW DELHI:`) or on a line of its own (`LONDON 1996-12-06`). The rules follow the wire
 * services' style: the city in capitals, then a region in ordinary case, a date, an agency in parentheses and a
 * dash before the story; no place or agency is listed.
 */
import type {Dateline, Span} from '../doc.ts'

export type {Dateline} from '../doc.ts'

// a word of the city in capitals: LONDON, AL-AIN, ST., N'DJAMENA, RIO DE JANEIRO
const CITY_WORD = "[A-Z][A-Z'’.-]*"
const CITY = `(?:${CITY_WORD})(?: (?:${CITY_WORD})){0,3}`
// the region in ordinary case after a comma: Kenya, United Arab Emirates, Calif., N.Y., West Bank
const REGION_WORD = "[A-Z][A-Za-z'’.-]*"
const REGION = `(?:${REGION_WORD})(?: (?:${REGION_WORD}|of|and|the|de|du|da|del|al|el)){0,3}`
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]{0,6})\\.?'
const DATE = `(?:[0-9]{4}-[01][0-9]-[0-3][0-9]|${MONTH} [0-3]?[0-9](?:,? [0-9]{4})?|[0-3]?[0-9] ${MONTH}(?: [0-9]{4})?)`
// an agency is short: (Reuters), (AP), (AFP), (dpa), (Xinhua), (AP Photo)
// CoNLL's token spacing puts a space inside the brackets and before the comma ("BISHKEK , Jan 11 ( Reuters ) -", the
// 2020 Reuters shape tokenised as CoNLL-2003 is), as it does in "NICE , France 1996-08-30"
const AGENCY = "\\( ?([A-Z][A-Za-z.&'’-]{1,20}(?: [A-Z][A-Za-z.&'’-]{0,20}){0,2}|[a-z]{2,5}) ?\\)"
// what parts the start of a dateline may hold: city, region, date, agency
const HEAD = `(${CITY})(?: ?, (${REGION}))??(?: ?,? (${DATE}))?(?: ${AGENCY})?`
// inline: the story goes on after a dash, an underscore (older AP copy) or a colon
const INLINE = new RegExp(`^${HEAD}(?: ?(?:--|-|—|–|_|:) )`)
// alone on its line (CoNLL-2003's Reuters copy, an SGML DATELINE element): city, region and a date or an agency, nothing after
const ALONE = new RegExp(`^${HEAD}$`)

/** Reads a dateline at the very start of `paragraph` (one paragraph or line, wraps read as spaces); offsets are relative to it. */
export function matchDateline(paragraph: string): Dateline | null {
  const alone = ALONE.exec(paragraph)
  // alone on its line it needs a date or an agency: a bare capitals word may be a heading (an SGML archive's own
  // DATELINE element, "NEW YORK (AP)", is put on its line by ingest)
  if (alone && (alone[3] !== undefined || alone[4] !== undefined) && isCity(alone[1]!)) return build(alone, alone[0].length)
  const inline = INLINE.exec(paragraph)
  if (!inline || !isCity(inline[1]!)) return null
  // the story after the dash is written in ordinary case; an all-capitals rest is a headline ("CRICKET - ENGLAND WIN")
  if (!opensStory(paragraph.slice(inline[0].length))) return null
  let end = inline[0].length
  while (end > 0 && /[\s:_–—-]/.test(paragraph[end - 1]!)) end--
  return build(inline, end)
}

/** Finds the document's dateline: at the start of one of its first paragraphs (a headline and a byline may come first). */
export function findDateline(text: string, paragraphs: readonly Span[], within = 4): Dateline | null {
  for (const paragraph of paragraphs.slice(0, within)) {
    const body = text.slice(paragraph.start, paragraph.end).replace(/\n/g, ' ')
    const found = matchDateline(body)
    if (found) return {...found, start: found.start + paragraph.start, end: found.end + paragraph.start}
  }
  return null
}

function build(match: RegExpExecArray, end: number): Dateline {
  let place = match[2] === undefined ? match[1]! : `${match[1]}, ${match[2]}`
  // a place last in the head loses a hyphen typed before the dash ("KABUL-– ..."), as the span's end does
  if (match[3] === undefined && match[4] === undefined) place = place.replace(/-+$/, '')
  const dateline: Dateline = {start: 0, end, place}
  if (match[3] !== undefined) dateline.date = match[3]
  if (match[4] !== undefined) dateline.agency = match[4]
  return dateline
}

// labels news sites and wires put where a dateline would stand ("BREAKING: ...", "UPDATE - ..."): never a place
const LABELS = new Set([
  'BREAKING', 'BREAKING NEWS', 'EXCLUSIVE', 'UPDATE', 'UPDATED', 'URGENT', 'FLASH', 'BULLETIN', 'ALERT', 'WATCH', 'LISTEN',
  'LIVE', 'VIDEO', 'PHOTOS', 'ANALYSIS', 'OPINION', 'EDITORIAL', 'COMMENT', 'COMMENTARY', 'REVIEW', 'INTERVIEW', 'FACT CHECK',
  'CORRECTION', 'CLARIFICATION', 'NOTE', "EDITOR'S NOTE", 'EDITOR’S NOTE', 'ADVISORY', 'EMBARGOED', 'SPONSORED', 'ADVERTISEMENT',
  'FEATURE', 'PROFILE', 'EXPLAINER', 'POLL', 'Q&A', 'RECAP', 'PREVIEW', 'TIMELINE', 'FACTBOX', 'INSIGHT', 'SPECIAL REPORT',
])

// a city has at least three capital letters and is not a label
function isCity(city: string): boolean {
  return (city.match(/[A-Z]/g)?.length ?? 0) >= 3 && !LABELS.has(city) && !/^UPDATE ?[0-9]/.test(city)
}

function opensStory(rest: string): boolean {
  // the first few words hold a lowercase letter: a sentence, not a capitals headline or a label
  const head = rest.slice(0, 60)
  return /^["“‘'(]?[A-Z0-9]/.test(head) && /[a-z]/.test(head)
}
