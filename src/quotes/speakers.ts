/**
 * Attributes quotations to speakers: finds the cue and speaker phrase around each quote
 * ("…," X said / said X / X said: "…" / according to X / — X draws attention), carries a
 * speaker over to an unattributed quote that continues a conversation, resolves pronouns,
 * and drops quoted fragments that are titles, nicknames or scare quotes rather than speech.
 */
import type {Entity, Quote, Span, Speaker, Token} from '../doc.ts'
import {NO_INVERSION, type CueClass} from './cues.ts'
import type {QuoteSpan} from './marks.ts'
import {findClauseSubject, findCueAt, DETERMINERS, isNamedWithApposition, findPhraseAfter, PRONOUNS, findSubjectAfterQuote, findSubjectBefore, findSubjectOfCue, type CueMatch, type Phrase} from './phrases.ts'
import {findIndirect} from './indirect.ts'
import {PronounResolver, type Gender} from './pronouns.ts'
import {readQuoteWords, type Word} from './words.ts'
import {countBefore} from '../text/search.ts'
import {isRegexSpace} from '../text/chars.ts'
import {MONTH, MONTH_ABBR} from '../dates/patterns.ts'

/**
 * The document layers attribution reads: paragraphs bound every window, the words are the document's tokens
 * (read through src/quotes/words.ts), and entities name the speakers.
 */
export interface AttributionLayers {
  paragraphs: Span[]
  tokens: readonly Token[]
  entities?: Entity[]
  /** the byline block's lines (`findBylines`): a writer's name there is never a speaker nor a pronoun's antecedent */
  bylines?: Span[]
}

/** Options for {@link attributeSpeakers}. */
export interface AttributionOptions {
  /** keep partial quotes that have no attribution and pass the scare-quote rules (default false) */
  keepUnattributedPartial?: boolean
  /** also report indirect speech ("X said the talks failed") as quotes of kind `indirect` (default false) */
  indirect?: boolean
}

/** How an attribution was found, for debugging and tests. */
export type AttributionRule = 'after' | 'before' | 'colon' | 'clause' | 'final' | 'carried' | 'none'

/** A quote with its attribution, before it becomes a {@link Quote}. */
export interface Attributed {
  quote: QuoteSpan
  speaker: Span | null
  cue: {text: string; lemma: string; class: CueClass; start: number; end: number} | null
  rule: AttributionRule
}

interface ParagraphWords {
  words: Word[]
  /** per word: index of the quote whose extent holds it, or -1 for narrative */
  owner: readonly number[]
  /** the quoted words of the short fragments read as narrative here ("a “neutral” country"), in order */
  quoted: readonly Span[]
}

// words before a quote that make it a name, title or term rather than speech
const NAMING = new Set(['so-called', 'dubbed', 'nicknamed', 'named', 'titled', 'entitled', 'labeled', 'labelled', 'branded', 'billed', 'styled', 'christened', 'termed', 'codenamed', 'code-named', 'hashtag', 'word', 'words', 'phrase', 'term'])
// words that may follow a quoted fragment used as a modifier without being its noun
const FUNCTION_AFTER = new Set(
  `to of in on at by for with from as than that which who and or but nor so if when while because about into over after before
  until since during against among without within through is are was were be been has have had will would can could should may
  might must do does did not it its this these those he she they we i you his her their our my your the a an there here yet
  again too also even only just now then`.split(/\s+/),
)
// time adverbs that may follow a quoted fragment ("said “hello” today") where a modified noun would stand
const TIME_AFTER = new Set(
  `today yesterday tomorrow tonight earlier later afterwards afterward twice last next this monday tuesday wednesday
  thursday friday saturday sunday`.split(/\s+/),
)
// the longest subject pronoun
const PRONOUN_LENGTH = Math.max(...[...PRONOUNS.keys()].map((pronoun) => pronoun.length))
// the most words a window around a quote reads in either direction (keeps run-on paragraphs linear)
const MAX_WINDOW = 80
const NOT_SENTENCE_END = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'gen.', 'st.', 'u.s.', 'u.k.', 'jr.', 'sr.'])

/** Attributes each quote to a speaker and drops partial quotes that are not speech; returns quotes in document order. */
export function attributeSpeakers(text: string, quotes: QuoteSpan[], layers: AttributionLayers, options: AttributionOptions = {}): Quote[] {
  const attributed = findAttributions(text, quotes, layers.paragraphs, layers.tokens, options)
  // the entities stage gives its layer in this order already: a copy is sorted only when it is not
  const bylines = layers.bylines ?? []
  const given = bylines.length === 0 ? (layers.entities ?? []) : (layers.entities ?? []).filter((e) => !bylines.some((b) => e.start >= b.start && e.end <= b.end))
  const entities = isSortedByExtent(given) ? given : [...given].sort((a, b) => a.start - b.start || a.end - b.end)
  // made on the first pronoun speaker (most documents have none); it reads only the text, the entities and the
  // quotations found, which are all known by then
  let pronouns: PronounResolver | null = null
  const resolver = (): PronounResolver => (pronouns ??= new PronounResolver(text, entities, attributed.map((a) => ({start: a.quote.open, end: a.quote.close}))))
  const result: Quote[] = []
  for (const item of attributed) {
    const quote: Quote = {
      start: item.quote.start,
      end: item.quote.end,
      kind: item.quote.kind,
      cue: item.cue?.text ?? null,
      cueLemma: item.cue?.lemma ?? null,
      cueSpan: item.cue ? {start: item.cue.start, end: item.cue.end} : null,
      speaker: resolveSpeaker(text, item.speaker, entities, resolver),
    }
    if (item.quote.unclosed) quote.unclosed = true
    result.push(quote)
  }
  if (options.indirect) {
    for (const found of findIndirect(text, layers.paragraphs, layers.tokens, attributed.map((a) => a.quote))) {
      result.push({
        start: found.start,
        end: found.end,
        kind: 'indirect',
        cue: found.cueText,
        cueLemma: found.cue.lemma,
        cueSpan: found.cueSpan,
        speaker: resolveSpeaker(text, found.speaker, entities, resolver),
      })
    }
    result.sort((a, b) => a.start - b.start || a.end - b.end)
  }
  return result
}

// whether entities are in the order attribution reads them (by start, then end), so that a sorted copy would equal them
function isSortedByExtent(entities: readonly Entity[]): boolean {
  for (let k = 1; k < entities.length; k++) {
    const a = entities[k - 1]!
    const b = entities[k]!
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false
  }
  return true
}

/** Finds the cue and speaker span of each quote (no entity resolution); drops partial quotes that are not speech. */
export function findAttributions(text: string, quotes: QuoteSpan[], paragraphs: Span[], tokens: readonly Token[], options: AttributionOptions = {}): Attributed[] {
  const paras = paragraphs.length > 0 ? paragraphs : [{start: 0, end: text.length}]
  const sorted = [...quotes].sort((a, b) => a.open - b.open)
  // short partial quotes read as part of the narrative ("a 'neutral' country") when lexing windows
  const transparent = sorted.map((q) => q.kind === 'partial' && wordCount(text, q) <= 3 && !q.unclosed)
  const cache = new Map<number, ParagraphWords>()
  const wordsOf = (p: number): ParagraphWords => {
    let entry = cache.get(p)
    if (!entry) {
      entry = paragraphWords(text, tokens, paras[p]!, sorted, transparent)
      cache.set(p, entry)
    }
    return entry
  }
  const out: Attributed[] = []
  let previous: {item: Attributed; paraClose: number} | null = null
  for (let qi = 0; qi < sorted.length; qi++) {
    const quote = sorted[qi]!
    const paraOpen = paragraphIndex(paras, quote.open)
    const paraClose = paragraphIndex(paras, Math.max(quote.open, quote.close - 1))
    const before = wordsOf(paraOpen)
    const after = wordsOf(paraClose)
    // "A," X said, "b": the second part of an interrupted quotation has the first part's speaker
    let found: Found | null = interrupted(quote, before, previous, paraOpen) ?? listed(quote, before, previous, paraOpen)
    // a quotation introduced by its cue ("X said: “…”") belongs to it; a whole quotation otherwise to the
    // attribution after it; an embedded fragment to its clause's cue unless one follows right after it
    if (!found) {
      found =
        isIntroduced(before, quote)
          ? (attributeBefore(text, quote, before, previous) ?? attributeAfter(text, quote, after, true))
          : quote.kind === 'partial'
            ? (attributeAfter(text, quote, after, false) ?? attributeBefore(text, quote, before, previous))
            : (attributeAfter(text, quote, after, true) ?? attributeBefore(text, quote, before, previous))
    }
    found ??= attributeFinal(text, quote, after) ?? (quote.kind === 'direct' && paraClose + 1 < paras.length ? signatureBelow(quote, after, wordsOf(paraClose + 1)) : null)
    let item: Attributed = {quote, speaker: found?.speaker ?? null, cue: found?.cue ?? null, rule: found?.rule ?? 'none'}
    if (!found) {
      const carried = carryOver(text, quote, paraOpen, before, previous, wordsOf)
      if (carried) item = {quote: item.quote, speaker: carried.speaker, cue: carried.cue, rule: carried.rule}
    }
    if (quote.kind === 'partial' && !isSpeech(text, quote, before, after, item, options)) continue
    // a bare title or label set off on its own ("“Broad City”", "\"Related:\"") is no quotation
    if (quote.kind === 'direct' && !item.speaker && !item.cue && wordCount(text, quote) <= 3 && (isTitleCase(text, quote) || /:\s*$/.test(text.slice(quote.start, quote.end)))) continue
    // the name of a work ("his 2012 book, “An American Son”") is no quotation unless an attribution follows it
    if (item.rule !== 'after' && namesWork(text, quote, before)) continue
    out.push(item)
    if (item.speaker) previous = {item, paraClose}
  }
  return withoutFragmentsInSpeakers(out)
}

/**
 * `items` without the partial quotes that a speaker phrase read as its own words: a short fragment is narrative when
 * windows are lexed ("the “independent” panel"), so one inside a speaker mention is a word of that phrase, not a
 * quotation (fuzz finding "r“,”OR“D”according to": the mention `OR“D` held the quote `D`).
 */
function withoutFragmentsInSpeakers(items: Attributed[]): Attributed[] {
  if (!items.some((item) => item.quote.kind === 'partial')) return items
  const speakers = items.flatMap((item) => (item.speaker ? [item.speaker] : [])).sort((a, b) => a.start - b.start)
  if (speakers.length === 0) return items
  // the furthest end among the speakers starting at or before each one: a span overlaps some speaker when the last
  // speaker starting before its end reaches past its start
  const reach = new Int32Array(speakers.length)
  for (let k = 0; k < speakers.length; k++) reach[k] = Math.max(k > 0 ? reach[k - 1]! : -1, speakers[k]!.end)
  const inSpeaker = (span: Span): boolean => {
    const k = countBefore(speakers, (speaker) => speaker.start < span.end) - 1
    return k >= 0 && reach[k]! > span.start
  }
  return items.filter((item) => item.quote.kind !== 'partial' || !inSpeaker(item.quote))
}

// words in a quote, parenthesised asides ("(ABC)") not counted; counting stops past `limit`
function wordCount(text: string, quote: QuoteSpan, limit = 12): number {
  let count = 0
  let inWord = false
  let depth = 0
  for (let i = quote.start; i < quote.end && count <= limit; i++) {
    const code = text.charCodeAt(i)
    if (code === 40) depth++
    else if (code === 41) depth = Math.max(0, depth - 1)
    const space = code === 32 || code === 10 || code === 9 || code === 160 || code === 0x2014 || code === 0x2013 || code === 0x2015
    if (space) inWord = false
    else if (!inWord && depth === 0 && code !== 40 && code !== 41) {
      inWord = true
      count++
    }
  }
  return count
}

function paragraphIndex(paras: Span[], offset: number): number {
  // the last paragraph starting at or before the offset (the first when none does)
  return Math.max(0, countBefore(paras, (para) => para.start <= offset) - 1)
}

// Unicode's other symbols (emoji, dingbats, ©, ™, °, flags) and what joins or modifies them (variation selectors,
// skin tones, ZWJ, keycaps, tags); currency, math and modifier symbols ("$", "+", "`") stay, as phrases and marks read them
const PICTOGRAPH = /^[\p{So}\p{Emoji_Modifier}\p{Mn}\p{Me}\u200d\u{e0020}-\u{e007f}]+$/u

function isPictograph(word: Word): boolean {
  // every such character is at or above U+00A6: the common marks skip the regex
  return word.text.charCodeAt(0) >= 0xa6 && PICTOGRAPH.test(word.text)
}

function paragraphWords(text: string, tokens: readonly Token[], para: Span, quotes: QuoteSpan[], transparent: boolean[]): ParagraphWords {
  const raw = readQuoteWords(text, tokens, para.start, para.end)
  // the words kept; until one is dropped they are `raw`'s, which is then returned itself instead of a copy
  let words: Word[] | null = null
  const owners: number[] = []
  // made only in a paragraph holding such a fragment (most hold none)
  let quoted: Span[] | null = null
  // the first quote that may hold a word of this paragraph (quotes are sorted by opening mark)
  let q = 0
  let hi = quotes.length
  while (q < hi) {
    const mid = (q + hi) >> 1
    if (quotes[mid]!.close <= para.start && quotes[mid]!.open < para.start) q = mid + 1
    else hi = mid
  }
  for (let w = 0; w < raw.length; w++) {
    const word = raw[w]!
    while (q < quotes.length && quotes[q]!.close <= word.start) q++
    let owner = -1
    // quotes may nest in output order only when continued; check a few candidates
    for (let k = q; k < quotes.length && quotes[k]!.open <= word.start; k++) {
      if (word.start < quotes[k]!.close) {
        owner = k
        break
      }
    }
    // an emoji or other pictograph is no word and no punctuation: kept, it ended a speaker phrase or a cue's
    // window as a stray mark would ("said Jane Roe 😀 in Paris" found no speaker)
    let dropped = word.kind === 'punct' && isPictograph(word)
    if (!dropped && owner >= 0 && transparent[owner]) {
      const quote = quotes[owner]!
      // drop the marks of a transparent quote, keep its words as narrative
      if (word.start < quote.start || word.start >= quote.end) dropped = true
      else {
        quoted ??= []
        if (quoted.at(-1)?.start !== quote.start) quoted.push({start: quote.start, end: quote.end})
        owner = -1
      }
    }
    if (dropped) {
      words ??= raw.slice(0, w)
      continue
    }
    if (words !== null) words.push(word)
    owners.push(owner)
  }
  // the plain array itself: readers only compare its entries with -1 (a typed array cost an allocation of its own
  // buffer per paragraph, more than the rest of this function)
  return {words: words ?? raw, owner: owners, quoted: quoted ?? NO_SPANS}
}

/**
 * Whether a span takes words from inside a fragment read as narrative without holding the whole fragment and more:
 * a speaker or cue found there is the quoted person's words ("his “mean-spirited” comments", "he “sort of hopes”"),
 * while a mention may hold a whole scare quote ("a “senior” official").
 */
const NO_SPANS: readonly Span[] = []

function takesQuotedWords(span: Span, quoted: readonly Span[]): boolean {
  for (const q of quoted) {
    if (q.start >= span.end) break
    if (q.end <= span.start) continue
    const holdsAll = span.start <= q.start && q.end <= span.end && (span.start < q.start || q.end < span.end)
    if (!holdsAll) return true
  }
  return false
}

interface Found {
  speaker: Span | null
  cue: Attributed['cue']
  rule: AttributionRule
}

function spanOf(words: Word[], phrase: Phrase): Span {
  return {start: words[phrase.first]!.start, end: words[phrase.last]!.end}
}

function cueOf(text: string, cue: CueMatch): Attributed['cue'] {
  return {text: text.slice(cue.start, cue.end), lemma: cue.lemma, class: cue.class, start: cue.start, end: cue.end}
}

function isTerminator(word: Word): boolean {
  return word.kind === 'punct' && (word.text === '.' || word.text === '!' || word.text === '?' || word.text === '…' || word.text === ';')
}

function firstIndexAtOrAfter(words: Word[], offset: number): number {
  // countBefore's binary search written out, as in tokenIndexAt (src/text/words.ts): asked several times per quote
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (words[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** "…," X said / "…," said X / "…," according to X / "…" — X draws attention. */
function attributeAfter(text: string, quote: QuoteSpan, pw: ParagraphWords, allowWeak: boolean): Found | null {
  const {words, owner} = pw
  let i = firstIndexAtOrAfter(words, quote.close)
  // the quote's last punctuation, looking through inner closing marks ("…,'”")
  let lastIndex = quote.end - 1
  while (lastIndex > quote.start && /["'’”»›]/.test(text[lastIndex]!)) lastIndex--
  const last = text[lastIndex] ?? ''
  let separated = false
  while (i < words.length && owner[i] === -1 && /^[,—–―-]$/.test(words[i]!.text)) {
    separated = true
    i++
  }
  if (i >= words.length || owner[i] !== -1) return null
  const first = words[i]!
  const trailing = /[,?!—–―…:-]/.test(last)
  // the clause after the quote: up to a sentence end or the next quotation
  let end = i
  while (end < words.length && end - i < MAX_WINDOW && owner[end] === -1 && !(isTerminator(words[end]!) && !NOT_SENTENCE_END.has(words[end]!.lower))) end++
  const strong = trailing || separated || quote.style === 'dash'
  // a verb inside another quotation read as narrative is the quoted person's, no cue of this one, as before a quote
  // (fuzz finding "„g“w«said.»": the cue of `g` lay inside the fragment «said.»)
  const quotedCue = (cue: CueMatch | null): boolean => cue !== null && pw.quoted.length > 0 && takesQuotedWords(cue, pw.quoted)
  const found = findCueAt(words, i)
  const cueHere = quotedCue(found) ? null : found
  if (!strong) {
    // "… peace." he said. / “…” Smith said. : only a short attribution that closes its sentence;
    // "He added: “…”" introduces the next quotation instead
    if (quote.kind === 'partial' || !allowWeak) return null
    const closes = (end >= words.length || owner[end] === -1) && words[end - 1]?.text !== ':' && end - i <= 10
    if (!closes) return null
  }
  // after "…?" or "…!" a capitalised clause is a new sentence unless its cue comes at once or it is short ("…?" Smith asked.)
  const question = (last === '?' || last === '!') && !separated && first.upper && !PRONOUNS.has(first.lower)
  const shortClause = (end >= words.length || owner[end] === -1) && end - i <= 10
  if (cueHere?.lemma === 'according to') {
    const phrase = findPhraseAfter(words, cueHere.endIndex, end)
    if (phrase) return {speaker: spanOf(words, phrase), cue: cueOf(text, cueHere), rule: 'after'}
  }
  if (cueHere && !NO_INVERSION.has(cueHere.lemma) && !cueHere.gerund) {
    const phrase = findPhraseAfter(words, cueHere.endIndex, end)
    if (phrase) return {speaker: spanOf(words, phrase), cue: cueOf(text, cueHere), rule: 'after'}
  }
  // "…," X, a spokeswoman for Y, told Z: the subject starts right after the quote and the cue follows
  for (let k = i + 1; k < end && k - i < 40; k++) {
    const cue = findCueAt(words, k)
    if (!cue || quotedCue(cue)) continue
    // ("“…?” Will Estrada, the chairman for the county, said of …": a name and its apposition closed by a comma)
    if (question && k - i > 3 && !shortClause && !isNamedWithApposition(words, i, k)) return null
    const subject = findSubjectAfterQuote(words, i, k, !strong)
    if (subject) return {speaker: spanOf(words, subject), cue: cueOf(text, cue), rule: 'after'}
    break
  }
  // “…” — John Smith. : a dash and a bare name sign the quotation
  const dash = words[i - 1]
  if (separated && dash && /^[—–―-]$/.test(dash.text) && first.upper && end - i <= 12 && (end >= words.length || owner[end] === -1)) {
    const phrase = findPhraseAfter(words, i, end)
    if (phrase) return {speaker: spanOf(words, phrase), cue: null, rule: 'after'}
  }
  return null
}

// whether the quoted words end with a full stop, question or exclamation mark (inner closing marks looked through)
function endsSentence(text: string, quote: QuoteSpan): boolean {
  let last = quote.end - 1
  while (last > quote.start && /["'’”»›\s]/.test(text[last]!)) last--
  return /[.!?]/.test(text[last] ?? '')
}

// a month as a post's date writes it, capitalised ("December", "Dec")
const SIGNATURE_MONTH = new RegExp(`^(?:${MONTH}|${MONTH_ABBR})\\.?$`)

/** A quote paragraph signed by the next one: “…” ¶ - Bernie Sanders. */
function signatureBelow(quote: QuoteSpan, pw: ParagraphWords, next: ParagraphWords | null): Found | null {
  if (!next) return null
  // a dash turn is one only with its attribution in its paragraph, and the words resumed after it ("— A, he said. B",
  // "— A, — he said. — B") are that attribution's, which the next line cannot sign (fuzz finding "— S,he said. H\n-B",
  // seed 6003476: "H" was given the speaker "B")
  if (quote.style === 'dash') return null
  const b = firstIndexAtOrAfter(pw.words, quote.close)
  if (b < pw.words.length) return null
  const words = next.words
  if (words.length < 2 || words.length > 16 || !/^[—–―-]$/.test(words[0]!.text) || !words[1]!.upper) return null
  // and a signature is narrative: a line holding a quote of its own, a dash turn ("“We will win\n― We will act, he
  // insisted."), signs nothing (fuzz finding "\"e\n― M,he insist", seed 7001870: the turn's "M" was the speaker)
  if (next.owner.some((owner) => owner !== -1)) return null
  // an embedded post's signature ends with its date ("— Jane Roe (@janeroe) December 1, 2026"): the name stops before it
  let end = words.findIndex((word, k) => k > 1 && /[0-9]/.test(word.text))
  if (end < 0) end = words.length
  else if (end > 2 && SIGNATURE_MONTH.test(words[end - 1]!.text)) end--
  const phrase = findPhraseAfter(words, 1, end)
  return phrase ? {speaker: spanOf(words, phrase), cue: null, rule: 'after'} : null
}

// the index of the first word of the quote's sentence (after a terminator, another quote or the paragraph start)
function sentenceStart(pw: ParagraphWords, index: number): number {
  const {words, owner} = pw
  let k = index - 1
  while (k >= 0 && index - k <= MAX_WINDOW && owner[k] === -1 && !(isTerminator(words[k]!) && !NOT_SENTENCE_END.has(words[k]!.lower))) k--
  return k + 1
}

/** X said: "…" / X said, "…" / X: "…" / according to X, "…" / X said he was "…" (the cue before the quote in its sentence). */
function attributeBefore(text: string, quote: QuoteSpan, pw: ParagraphWords, previous: {item: Attributed} | null): Found | null {
  const {words} = pw
  const a = firstIndexAtOrAfter(words, quote.open)
  const floor = sentenceStart(pw, a)
  if (a <= floor) return null
  const shared = speakerBeforeQuoteAt(pw, floor, previous)
  const j = a - 1
  if (words[j]!.text === ':') return introducedByColon(text, words, j, floor, pw.quoted, shared)
  // "X issued a statement, “Last night …”": a comma after a noun naming what was said introduces the quote as a colon does
  const viaCue = nearestCue(text, words, a, floor, words[j]!.text === ',' ? 'before' : 'clause', pw.quoted, shared)
  if (viaCue || words[j]!.text !== ',' || j - 1 < floor || !STATEMENT_NOUNS.has(words[j - 1]!.lower) || quote.kind !== 'direct') return viaCue
  // "X issued a statement, “Last night …”": a comma after a noun naming what was said introduces the quote as a colon does
  return introducedByColon(text, words, j, floor, pw.quoted, shared)
}

/**
 * The speaker of the quotation whose closing mark stands just before `floor`, when a cue before that quotation
 * introduced it ("X said: «A», and added …"): a verb coordinated right after the quotation shares that subject, which
 * the window cannot reach because a sentence's window stops at a quotation.
 */
function speakerBeforeQuoteAt(pw: ParagraphWords, floor: number, previous: {item: Attributed} | null): Span | null {
  if (floor === 0 || pw.owner[floor - 1] === -1 || !previous) return null
  const {quote, speaker, cue} = previous.item
  if (!speaker || !cue || cue.end > quote.open || speaker.end > quote.open) return null
  // the word before the floor is that quotation's closing mark
  return pw.words[floor - 1]!.end === quote.close ? speaker : null
}

// whether the cue at `k` is coordinated with what ends just before `floor` (", and added", "and said", ", adding")
function linksToFloor(words: Word[], k: number, floor: number): boolean {
  const link = words[k - 1]
  if (!link || !(link.text === ',' || link.lower === 'and' || link.lower === 'but' || link.lower === 'then')) return false
  let v = k - 2
  if (link.lower === 'then' && words[v]?.lower === 'and') v--
  if (words[v]?.text === ',' && link.text !== ',') v--
  return v === floor - 1
}

function nearestCue(text: string, words: Word[], before: number, floor: number, rule: AttributionRule, quoted: readonly Span[], shared: Span | null = null): Found | null {
  let tried = 0
  // a cue whose subject crossed a quotation: kept without a speaker when no other cue is found, so the quote stays
  let unsure: Found | null = null
  for (let k = before - 1; k >= floor && tried < 2; k--) {
    const cue = findCueAt(words, k)
    if (!cue || cue.endIndex > before) continue
    // a verb inside another quotation is the quoted person's, no cue of this one
    if (quoted.length > 0 && takesQuotedWords(cue, quoted)) continue
    // "X said:" or "X told reporters:"; a cue further from the colon ("Pollsters agree - Y:") does not introduce it
    if (rule === 'colon' && (before - cue.endIndex > 6 || words.slice(cue.endIndex, before).some((w) => w.kind === 'punct'))) return null
    tried++
    const asCue = cueOf(text, cue)
    if (cue.lemma === 'according to') {
      const phrase = findPhraseAfter(words, cue.endIndex, before)
      if (phrase) return {speaker: spanOf(words, phrase), cue: asCue, rule}
      continue
    }
    // "X rallied supporters, saying:" / "X began by saying" / "X leaned in and boomed:": the clause's subject
    const subject = findSubjectOfCue(words, k, floor)
    // a subject taken from inside another quotation ("his “mean-spirited” comments do not …"): the verb is no cue
    if (subject && quoted.length > 0 && takesQuotedWords(spanOf(words, subject), quoted)) {
      unsure ??= {speaker: null, cue: asCue, rule}
      continue
    }
    if (subject) return {speaker: spanOf(words, subject), cue: asCue, rule}
    // "X said: «A», and added that «B»": the coordinated verb's subject is the one before the first quotation
    if (shared && linksToFloor(words, k, floor)) return {speaker: shared, cue: asCue, rule}
    // said X: "…" / said X, "…"
    if (!NO_INVERSION.has(cue.lemma) && (rule === 'colon' || rule === 'before')) {
      const phrase = findPhraseAfter(words, cue.endIndex, before)
      if (phrase) return {speaker: spanOf(words, phrase), cue: asCue, rule}
    }
  }
  return unsure
}

/** … a "quoted" fragment …, X said. (a sentence-final attribution for an embedded fragment) */
function attributeFinal(text: string, quote: QuoteSpan, pw: ParagraphWords): Found | null {
  const {words, owner} = pw
  const b = firstIndexAtOrAfter(words, quote.close)
  // a quotation closing its sentence ("“… campaign.” Ohio Gov. X said …, according to press reports."): the attribution
  // ending the next sentence is that sentence's
  if (quote.kind === 'direct' && endsSentence(text, quote) && words[b]?.kind === 'word' && words[b]!.upper) return null
  let end = b
  while (end < words.length && end - b < MAX_WINDOW && owner[end] === -1 && !(isTerminator(words[end]!) && !NOT_SENTENCE_END.has(words[end]!.lower))) end++
  // a verb inside another quotation read as narrative is the quoted person's, no cue of this one, as in attributeAfter
  // (fuzz finding "F“M.”ANALS,HEIS“MOANING,”LI", seed 5001932: the cue of `M.` was the next fragment's own word)
  const quotedCue = (cue: CueMatch | null): CueMatch | null => (cue !== null && pw.quoted.length > 0 && takesQuotedWords(cue, pw.quoted) ? null : cue)
  for (let k = b; k < end; k++) {
    if (words[k]!.text !== ',') continue
    const cue = quotedCue(findCueAt(words, k + 1))
    if (cue?.lemma === 'according to') {
      const phrase = findPhraseAfter(words, cue.endIndex, end)
      if (phrase) return {speaker: spanOf(words, phrase), cue: cueOf(text, cue), rule: 'final'}
    }
    // ", said X." closing the sentence
    if (cue && cue.lemma !== 'according to' && !NO_INVERSION.has(cue.lemma) && cue.class === 'speech') {
      const phrase = findPhraseAfter(words, cue.endIndex, end)
      if (phrase) return {speaker: spanOf(words, phrase), cue: cueOf(text, cue), rule: 'final'}
    }
    // ", X said." closing the sentence
    for (let c = k + 2; c < end && c - k < 10; c++) {
      const verb = quotedCue(findCueAt(words, c))
      if (!verb) continue
      const subject = findSubjectBefore(words, c, k + 1)
      if (subject && subject.first <= k + 2 && (verb.endIndex >= end || words[verb.endIndex]!.text === ',')) {
        return {speaker: spanOf(words, subject), cue: cueOf(text, verb), rule: 'final'}
      }
      break
    }
  }
  return null
}

/**
 * An unattributed quote continues the conversation: the previous quote's speaker carries over
 * when both sit in one paragraph, or when this quote opens the paragraph right after it;
 * a paragraph ending "X said:" introduces the quote paragraph that follows.
 */
function carryOver(
  text: string,
  quote: QuoteSpan,
  paraOpen: number,
  pw: ParagraphWords,
  previous: {item: Attributed; paraClose: number} | null,
  wordsOf: (p: number) => ParagraphWords,
): Omit<Attributed, 'quote'> | null {
  const a = firstIndexAtOrAfter(pw.words, quote.open)
  const opensParagraph = a === 0
  if (opensParagraph && paraOpen > 0) {
    const prev = wordsOf(paraOpen - 1)
    const lastWord = prev.words.at(-1)
    if (lastWord?.text === ':') {
      const found = introducedByColon(text, prev.words, prev.words.length - 1, sentenceStart(prev, prev.words.length - 1), prev.quoted)
      if (found) return {speaker: found.speaker, cue: found.cue, rule: 'carried'}
    }
  }
  // "X told CBS the plan had failed. “Quote.”": the sentence before a bare quotation names its speaker
  if (quote.kind === 'direct') {
    const fromSentence = precedingStatement(text, pw, a, previous) ?? (opensParagraph && paraOpen > 0 && previous?.paraClose !== paraOpen - 1 ? precedingStatement(text, wordsOf(paraOpen - 1), wordsOf(paraOpen - 1).words.length, previous) : null)
    if (fromSentence && (!previous || previous.paraClose < paraOpen - 1 || fromSentence.speaker!.start > previous.item.quote.close)) {
      return {speaker: fromSentence.speaker, cue: fromSentence.cue, rule: 'carried'}
    }
  }
  if (!previous || !previous.item.speaker) return null
  const sameParagraph = previous.paraClose === paraOpen
  const nextParagraph = opensParagraph && previous.paraClose === paraOpen - 1 && quote.kind === 'direct'
  if (!sameParagraph && !nextParagraph) return null
  if (sameParagraph) {
    // nothing but the previous quote's own attribution may stand between them
    const {words, owner} = pw
    // (cues inside the sentence that attributes the previous quote belong to it; a later one opens a new statement)
    const from = firstIndexAtOrAfter(words, previous.item.quote.close)
    let inAttribution = true
    for (let k = from; k < a; k++) {
      if (owner[k] !== -1) continue
      if (isTerminator(words[k]!) && !NOT_SENTENCE_END.has(words[k]!.lower)) inAttribution = false
      else if (!inAttribution && findCueAt(words, k)) return null
    }
    if (quote.kind !== 'direct') return null
  }
  return {speaker: previous.item.speaker, cue: previous.item.cue, rule: 'carried'}
}

/** Whether a partial quote is reported speech rather than a title, nickname, term or scare quote. */
function isSpeech(text: string, quote: QuoteSpan, before: ParagraphWords, after: ParagraphWords, item: Attributed, options: AttributionOptions): boolean {
  const a = firstIndexAtOrAfter(before.words, quote.open)
  const prev = before.words[a - 1]
  const prev2 = before.words[a - 2]
  const b = firstIndexAtOrAfter(after.words, quote.close)
  const next = after.words[b]
  const words = wordCount(text, quote)
  if (prev && (NAMING.has(prev.lower) || (prev.lower === 'as' && prev2 && /^(?:known|referred|described|billed|dubbed)$/.test(prev2.lower)))) return false
  // "an operation called 'X'": a participle naming, not a speaker calling
  if (prev && prev.lower === 'called' && prev2 && prev2.kind === 'word' && !PRONOUNS.has(prev2.lower) && !prev2.upper && !DETERMINERS.has(prev2.lower)) {
    if (!item.speaker || item.cue?.lemma !== 'call') return false
  }
  if (words <= 3) {
    const characterised = item.cue?.class === 'characterise' && item.speaker !== null && item.rule !== 'carried'
    if (prev && DETERMINERS.has(prev.lower) && !characterised) return false
    // the quote modifies a following noun: a 'neutral' country, the "cash for votes" scheme
    // (a time adverb after it is no such noun: said "hello" today, said "no" Monday; nor is a word after punctuation
    // closing the fragment: "our own citizens," Jane Roe said)
    if (next && next.kind === 'word' && !/[,.;:!?…]$/.test(text.slice(quote.start, quote.end)) && !FUNCTION_AFTER.has(next.lower) && !TIME_AFTER.has(next.lower) && !/(?:ed|ing|ly)$/.test(next.lower) && !findCueAt(after.words, b)) return false
    if (!item.speaker && !item.cue) return false
    // "Title Case" fragments without a cue of speech are names of works and things
    if (isTitleCase(text, quote) && item.cue?.class !== 'speech') return false
  }
  if (!item.cue && !item.speaker) return options.keepUnattributedPartial === true
  if (item.cue?.class === 'belief' && words <= 3) return false
  return true
}

// whether the first letter inside the quote is a lowercase one (digits, marks and symbols before it skipped)
function startsLowercase(text: string, quote: QuoteSpan): boolean {
  const first = /\p{L}/u.exec(text.slice(quote.start, Math.min(quote.end, quote.start + 40)))
  return first !== null && first[0] !== first[0].toUpperCase()
}

function isTitleCase(text: string, quote: QuoteSpan): boolean {
  if (quote.end - quote.start > 160) return false
  const counts = titleCaseWords(text, quote.start, quote.end)
  return counts !== null && counts.words > 0
}

// a word written in Title Case: its first letter is uppercase
const CAPITALISED = /^\P{L}*\p{Lu}/u
// lowercase words a title may hold
const TITLE_FUNCTION = /^(?:of|the|and|for|in|on|a|an|to)$/
const LETTER = /\p{L}/u

/**
 * The words of `text[start, end)` (runs between whitespace that hold a letter) and how many are capitalised, or null
 * when one of them is neither capitalised nor a small function word: the counts
 * `text.slice(start, end).split(/\s+/).filter((w) => /\p{L}/u.test(w))` gives, without the slice, the array or a
 * regex per word, stopping at the first lowercase word (most quotations are sentences, which fail at once).
 */
export function titleCaseWords(text: string, start: number, end: number): {words: number; capitalised: number} | null {
  let words = 0
  let capitalised = 0
  let i = start
  while (i < end) {
    while (i < end && isRegexSpace(text.charCodeAt(i))) i++
    if (i >= end) break
    const from = i
    // ASCII runs are read here: an ASCII letter is exactly a \p{L} one and an uppercase one exactly \p{Lu}
    let ascii = true
    // the first letter's code (0: none)
    let first = 0
    for (; i < end; i++) {
      const code = text.charCodeAt(i)
      if (isRegexSpace(code)) break
      if (code >= 0x80) ascii = false
      else if (first === 0 && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) first = code
    }
    let letter: boolean
    let upper: boolean
    if (ascii) {
      letter = first !== 0
      upper = first !== 0 && first <= 90
    } else {
      const word = text.slice(from, i)
      letter = LETTER.test(word)
      upper = letter && CAPITALISED.test(word)
    }
    if (!letter) continue
    words++
    if (upper) capitalised++
    else if (!TITLE_FUNCTION.test(text.slice(from, i))) return null
  }
  return {words, capitalised}
}

/** Builds the output speaker: the mention, and the person or organisation it names or a pronoun resolves to. */
function resolveSpeaker(text: string, span: Span | null, entities: readonly Entity[], resolver: () => PronounResolver): Speaker {
  if (!span) return {mention: null, start: null, end: null, name: null, entityId: null}
  const mention = text.slice(span.start, span.end)
  const base: Speaker = {mention, start: span.start, end: span.end, name: null, entityId: null}
  // no pronoun is longer than PRONOUN_LENGTH, and lower-casing never shortens a string (test/quotes/speakers.test.ts
  // checks every code point), so a longer mention is no pronoun and is not lower-cased
  const pronoun = mention.length <= PRONOUN_LENGTH ? PRONOUNS.get(mention.toLowerCase()) : undefined
  if (pronoun === 'male' || pronoun === 'female') {
    const person = resolver().resolve(pronoun as Gender, span.start)
    if (person) {
      resolver().note(person.entityId, pronoun as Gender)
      return {mention, start: span.start, end: span.end, name: person.canonical, entityId: person.entityId}
    }
    return base
  }
  if (pronoun) return base
  const named = entityInMention(text, span, entities)
  return named ? {mention, start: span.start, end: span.end, name: named.canonical, entityId: named.entityId} : base
}

/** The entity a speaker mention names: a person in it (not a possessor), else an organisation or place heading it. */
function entityInMention(text: string, span: Span, entities: readonly Entity[]): Entity | null {
  let person: Entity | null = null
  let other: Entity | null = null
  // the head part ends at the first lowercase "of/for/at": "a spokeswoman for the ministry" names no one
  const headEnd = headBoundary(text, span)
  // entities are sorted by start: begin at the first one starting inside the mention (binary search), not at the document's start
  for (let k = countBefore(entities, (entity) => entity.start < span.start); k < entities.length; k++) {
    const entity = entities[k]!
    if (entity.start >= span.end) break
    if (entity.end <= span.start || entity.start < span.start || entity.end > span.end) continue
    const possessor = /^['’]s?\b/.test(text.slice(entity.end, entity.end + 2))
    if (entity.label === 'PERSON' && !possessor) person = entity
    else if (!other && !possessor && entity.start < headEnd && (entity.label === 'ORG' || entity.label === 'LOC') && wholeOrHead(text, span, entity)) other = entity
  }
  return person ?? other
}

function headBoundary(text: string, span: Span): number {
  const match = /\s(?:of|for|at)\s/.exec(text.slice(span.start, span.end))
  return match ? span.start + match.index : span.end
}

// an organisation names the speaker when it is the mention's head, not a modifier ("White House spokesman" is a person)
function wholeOrHead(text: string, span: Span, entity: Entity): boolean {
  const rest = text.slice(entity.end, headBoundary(text, span)).trim()
  return rest === '' || /^\(.*\)$/.test(rest)
}

/** The speech cue and subject of the narrative sentence ending just before word `a` (none when a quote ends it). */
function precedingStatement(text: string, pw: ParagraphWords, a: number, previous: {item: Attributed} | null): Found | null {
  const {words, owner} = pw
  if (a === 0 || sentenceStart(pw, a) !== a) return null
  const end = a - 1
  if (owner[end] !== -1) return null
  const floor = sentenceStart(pw, end)
  if (floor > 0 && owner[floor - 1] !== -1) return null
  if (previous && words[floor] && previous.item.quote.close > words[floor]!.start) return null
  for (let k = end - 1; k >= floor; k--) {
    if (owner[k] !== -1) return null
    const cue = findCueAt(words, k)
    if (!cue || cue.class !== 'speech' || cue.lemma === 'according to') continue
    const subject = findSubjectBefore(words, k, floor) ?? findClauseSubject(words, floor, k)
    return subject ? {speaker: spanOf(words, subject), cue: cueOf(text, cue), rule: 'carried'} : null
  }
  return null
}

/** Whether a cue stands just before the quote and a colon or comma introduces it ("X said: “…”", "said X, “…”"). */
function isIntroduced(pw: ParagraphWords, quote: QuoteSpan): boolean {
  const a = firstIndexAtOrAfter(pw.words, quote.open)
  const mark = pw.words[a - 1]
  if (!mark || (mark.text !== ':' && mark.text !== ',') || pw.owner[a - 1] !== -1) return false
  for (let k = a - 2; k >= 0 && k >= a - 5; k--) {
    if (pw.owner[k] !== -1 || isTerminator(pw.words[k]!)) return false
    const cue = findCueAt(pw.words, k)
    if (cue && cue.class !== 'belief') return true
  }
  return false
}

/** The second part of an interrupted quotation ("A," X said, "b") takes the first part's speaker, which lies between them. */
function interrupted(quote: QuoteSpan, pw: ParagraphWords, previous: {item: Attributed; paraClose: number} | null, paraOpen: number): Found | null {
  if (!previous || previous.paraClose !== paraOpen) return null
  const speaker = previous.item.speaker
  if (!speaker || speaker.start < previous.item.quote.close || speaker.end > quote.open) return null
  const from = firstIndexAtOrAfter(pw.words, previous.item.quote.close)
  const to = firstIndexAtOrAfter(pw.words, quote.open)
  for (let k = from; k < to; k++) if (isTerminator(pw.words[k]!) && !NOT_SENTENCE_END.has(pw.words[k]!.lower)) return null
  // a speech verb with a subject of its own after the first part's attribution opens another speaker's clause ("A,"
  // the minister said, and the opposition leader replied: "b." / said Smith and Jones added that it "b"); a cue
  // without one ("X said, adding:", "X said, and added:") still continues X's, and so do a belief or characterising
  // verb, which reports what someone thinks or calls a thing rather than says ("Law said, noting that donors feel
  // “b”", "what he calls the 'crooked' process")
  // (found by quotefix2 on PolNeAR train: "Cruz said as the heckler yelled: “…”" gave the heckler's words to Cruz)
  const own = firstIndexAtOrAfter(pw.words, Math.max(speaker.end, previous.item.cue?.end ?? 0))
  for (let k = own; k < to; k++) {
    const cue = pw.owner[k] === -1 ? findCueAt(pw.words, k) : null
    // (a finite verb: a participle is no clause of its own, "explaining why he is speaking at the convention")
    if (!cue || cue.class !== 'speech' || cue.gerund) continue
    if (findSubjectBefore(pw.words, k, own)) return null
  }
  return {speaker, cue: previous.item.cue, rule: 'carried'}
}

/**
 * A fragment listed after another with only `and`, `or` or commas between them ("went on about “A,” and “B” and “C,”")
 * is an object of the same verb as that one, so it has its speaker: an attribution after the list ("…,” Y said") is
 * the next clause's.
 */
function listed(quote: QuoteSpan, pw: ParagraphWords, previous: {item: Attributed; paraClose: number} | null, paraOpen: number): Found | null {
  if (quote.kind !== 'partial' || !previous || previous.paraClose !== paraOpen || previous.item.quote.kind !== 'partial') return null
  const {words, owner} = pw
  const from = firstIndexAtOrAfter(words, previous.item.quote.close)
  const to = firstIndexAtOrAfter(words, quote.open)
  if (to <= from) return null
  let linked = false
  for (let k = from; k < to; k++) {
    const word = words[k]!
    if (owner[k] !== -1) return null
    if (word.lower === 'and' || word.lower === 'or') linked = true
    else if (word.text !== ',') return null
  }
  return linked ? {speaker: previous.item.speaker, cue: previous.item.cue, rule: 'carried'} : null
}

// nouns naming an utterance, after which a comma introduces the quotation it holds ("issued a statement, “…”")
const STATEMENT_NOUNS = new Set(['statement', 'message', 'tweet', 'post', 'note', 'letter', 'email', 'e-mail', 'remarks', 'speech', 'reply', 'response'])

// prepositions whose object, right before a colon, is no speaker of the quotation after it
const OBJECT_PREPOSITIONS = new Set(
  'to for with at from of on about against by in into via through over under after before during across toward towards within without per like among near'.split(' '),
)

/** The speaker of a quotation introduced by a colon at `j`: the cue's subject, a name right before the colon, or the clause's subject. */
function introducedByColon(text: string, words: Word[], j: number, floor: number, quoted: readonly Span[], shared: Span | null = null): Found | null {
  const viaCue = nearestCue(text, words, j, floor, 'colon', quoted, shared)
  if (viaCue) return viaCue
  // X: "…" / "Pollsters agree - Jane Roe: “…”": a name right before the colon, unless it is the object of a preposition
  // ("a message to Smith:", "then in English:", "via Twitter:"): the words that name the language, medium or place
  let subject = findSubjectBefore(words, j, floor)
  // "Media shares blame in Iowa poll overhype - HuffPollster:": a heading's source is the name after its dash
  if (subject) {
    for (let k = subject.last; k > subject.first; k--) {
      if (/^[-–—]$/.test(words[k]!.text)) {
        subject = k < subject.last ? {first: k + 1, last: subject.last} : subject
        break
      }
    }
  }
  // (a possessor is the source, not an object: "in Obama’s words:", "in his own words:")
  const object =
    subject && subject.first > floor && OBJECT_PREPOSITIONS.has(words[subject.first - 1]!.lower) && !words.slice(subject.first, subject.last + 1).some((w) => /^['’]s$/.test(w.lower))
  // "From the report: “…”", "- More from Jones: “…”": a source named by "from" opening the sentence or a heading
  if (subject && object && fromHeading(words, subject.first - 1, floor)) return {speaker: spanOf(words, subject), cue: null, rule: 'colon'}
  if (subject && !object && subject.last - subject.first < 8 && (subject.first === floor || (words[subject.first]!.upper && !words.slice(subject.first, subject.last + 1).some((w) => w.kind === 'num')))) {
    return {speaker: spanOf(words, subject), cue: null, rule: 'colon'}
  }
  // "President Clinton released the following statement:": the introducing clause's subject
  const clause = findClauseSubject(words, floor, j)
  return clause ? {speaker: spanOf(words, clause), cue: null, rule: 'colon'} : null
}

// whether word `p` is "from" opening its sentence or a heading after a dash, alone or after "more"
function fromHeading(words: Word[], p: number, floor: number): boolean {
  if (words[p]?.lower !== 'from') return false
  let b = p - 1
  if (b >= floor && words[b]!.lower === 'more') b--
  return b < floor || /^[-–—]$/.test(words[b]!.text)
}

// nouns naming works whose titles are quoted
const WORK_NOUNS = new Set(
  `book books novel memoir memoirs autobiography biography film films movie movies show shows series sitcom song songs album
  play musical opera poem essay article column op-ed editorial podcast program programme documentary episode painting
  exhibition exhibit campaign slogan hashtag website blog newsletter magazine newspaper channel brand label initiative
  operation bill act law treaty plan strategy doctrine`.split(/\s+/),
)

/** Whether a quote is the title of a work: after a noun like "book" or "podcast", or written in Title Case. */
function namesWork(text: string, quote: QuoteSpan, pw: ParagraphWords): boolean {
  if (quote.end - quote.start > 160) return false
  const a = firstIndexAtOrAfter(pw.words, quote.open)
  let k = a - 1
  if (pw.words[k]?.text === ',') k--
  const prev = pw.words[k]
  // a title is capitalised: a lowercase fragment after such a noun is what someone said about it ("said the bill
  // \"goes too far\"", "called the plan \"a betrayal\""), which this rule used to drop
  if (prev && WORK_NOUNS.has(prev.lower) && !prev.upper && !startsLowercase(text, quote)) return true
  // Title Case: every word capitalised or a small function word (null otherwise)
  const counts = titleCaseWords(text, quote.start, quote.end)
  if (counts === null) return false
  // a capitalised sentence ending in a full stop ("Make America Great Again.") is a slogan said, not a title
  return counts.words >= 2 && counts.words <= 12 && counts.capitalised >= 2 && !/[.!?]\P{L}*$/u.test(text.slice(quote.start, quote.end).trim())
}
