/**
 * Rule D of docs/ner.md (protocol D, 2026-12-03): a mention the model labelled a place or a person becomes an
 * organisation when its own sentence names it as one, by apposition with an organisation noun ("Harcastle, the
 * department store chain with ...", "the public broadcaster, KAN,") or by coordination with organisations only
 * ("Glanbia and Chobani" where Glanbia is ORG); then the same name's other place or person mentions in the document
 * follow. The CoNLL-trained model reads a lone unseen name by its form, and a company named like a town or a surname
 * looks like one; the sentence's own noun is the evidence the form lacks. Countries and regions (the model's
 * data-package lists) are never changed: standing for governments or national teams they stay LOC (the guide).
 */
import {forEachMention, NER_TYPES, writeMention} from './tags.ts'

const PER = NER_TYPES.indexOf('PER')
const ORG = NER_TYPES.indexOf('ORG')
const LOC = NER_TYPES.indexOf('LOC')

// organisation nouns of news English (protocol D's list, fixed before any score); nouns that also name a person's
// role (manager, investor, developer, publisher, owner, pollster) are left out on purpose
const HEADS = new Set(
  `company firm corporation conglomerate group chain retailer supermarket grocer manufacturer maker carmaker automaker
chipmaker drugmaker producer supplier distributor operator carrier airline bank lender insurer brokerage fund venture
startup start-up broadcaster network newspaper tabloid magazine outlet website platform agency party union federation
association alliance coalition club team franchise university college institute foundation charity nonprofit
organisation organization regulator ministry utility subsidiary affiliate giant outfit studio label militia faction
movement watchdog exchange consultancy`.split(/\s+/),
)
// two-word heads whose last word alone is a person's role too
const PAIR_HEADS = new Set(['asset manager', 'fund manager', 'money manager', 'investment manager', 'think tank'])
// heads that also count things ("a group of islands"): "of" after them is no boundary
const COLLECTIVE = new Set(['group', 'chain', 'network', 'union', 'federation', 'association', 'alliance', 'coalition'])
// words that may not stand between the apposition's article and its head (the phrase would reach past its head)
const FUNCTION_WORDS = new Set(['of', 'in', 'at', 'on', 'for', 'to', 'from', 'by', 'with', 'and', 'or', 'the', 'a', 'an', 'who', 'which', 'that'])
// words after a head that end the apposition ("the chain with 68 shops", "the AI venture set up by")
const AFTER_HEAD = new Set(['that', 'which', 'whose', 'with', 'based', 'owned', 'set', 'founded', 'backed', 'run', 'listed', 'controlled', 'headquartered', 'known', 'behind'])
// words after a name that follows its head directly ("the supermarket chain Jumbo until 2024")
const AFTER_NAME = new Set(["'s", 'until', 'since', 'in', 'on', 'at', 'for', 'from', 'with', 'which', 'that'])
const ARTICLES = new Set(['the', 'a', 'an'])
const CONNECTORS = new Set([',', 'and', 'or'])

/** What rule D reads besides the tags. */
export interface OrgContextInput {
  /** token i's text */
  wordAt: (i: number) => string
  /** exclusive end index of each sentence */
  sentenceEnds: readonly number[]
  /** whether a lowercased name (words joined by one space) is a country or region of the model's lists */
  isCountryOrRegion: (name: string) => boolean
  /** whether a lowercased name is a city of the model's lists */
  isCity: (name: string) => boolean
  /** whether a lowercased word is a given name (rule J's list) */
  isGivenName: (lowerWord: string) => boolean
  /** whether D3 (coordination) runs; false is the variant "D without D3" (docs/ner.md, protocol D2); default true */
  coordination?: boolean
}

interface Mention {
  start: number
  end: number
  type: number
  /** the first token of the mention's sentence */
  sentenceStart: number
  sentenceEnd: number
}

// a punctuation token: no letter and no digit
const isPunctuation = (word: string) => !/[\p{L}\p{N}]/u.test(word)
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word)

function mentionsOf(tags: Uint8Array, sentenceEnds: readonly number[]): Mention[] {
  const out: Mention[] = []
  let sentence = 0
  forEachMention(tags, (start, end, type) => {
    while (sentence < sentenceEnds.length && sentenceEnds[sentence] <= start) sentence++
    out.push({start, end, type, sentenceStart: sentence > 0 ? sentenceEnds[sentence - 1] : 0, sentenceEnd: sentence < sentenceEnds.length ? sentenceEnds[sentence] : tags.length})
  })
  return out
}

// D1: ", the|a|an|X 's <up to four words> head <boundary>" after the mention
function appositionAfter(m: Mention, lower: (i: number) => string, word: (i: number) => string): boolean {
  let i = m.end
  if (i >= m.sentenceEnd || lower(i) !== ',') return false
  i++
  if (i < m.sentenceEnd && ARTICLES.has(lower(i))) i++
  else if (i + 1 < m.sentenceEnd && isCapitalised(word(i)) && lower(i + 1) === "'s") i += 2
  else return false
  for (let words = 0; i < m.sentenceEnd && words <= 4; i++, words++) {
    const w = lower(i)
    const next = i + 1 < m.sentenceEnd ? lower(i + 1) : null
    if (next !== null && PAIR_HEADS.has(`${w} ${next}`) && isBoundary(i + 2, m.sentenceEnd, lower, 'manager')) return true
    if (HEADS.has(w) && word(i) === w && isBoundary(i + 1, m.sentenceEnd, lower, w)) return true
    if (words === 4 || isPunctuation(w) || FUNCTION_WORDS.has(w)) return false
  }
  return false
}

function isBoundary(i: number, sentenceEnd: number, lower: (i: number) => string, head: string): boolean {
  if (i >= sentenceEnd) return true
  const w = lower(i)
  return isPunctuation(w) || AFTER_HEAD.has(w) || (w === 'of' && !COLLECTIVE.has(head))
}

// D2: "head name" or "head , name" before the mention
function appositionBefore(m: Mention, sentenceStart: number, lower: (i: number) => string, word: (i: number) => string): boolean {
  const after = m.end < m.sentenceEnd ? lower(m.end) : null
  const isHead = (i: number) => i >= sentenceStart && HEADS.has(lower(i)) && word(i) === lower(i)
  if (isHead(m.start - 1)) return after === null || isPunctuation(after) || AFTER_NAME.has(after)
  if (m.start - 2 >= sentenceStart && lower(m.start - 1) === ',' && isHead(m.start - 2)) return after === null || isPunctuation(after)
  return false
}

/**
 * Applies rule D to one document's BILOU tag ids in place (docs/ner.md, protocol D): LOC and PER mentions named
 * an organisation by apposition (D1, D2) or coordination with ORG mentions only (D3, PER only) become ORG, then the
 * same name's other LOC and PER mentions (D4). Returns the number of mentions relabelled.
 */
export function applyOrgContext(tags: Uint8Array, input: OrgContextInput): number {
  const {wordAt, sentenceEnds} = input
  const lowered = new Map<number, string>()
  const lower = (i: number) => {
    let w = lowered.get(i)
    if (w === undefined) lowered.set(i, (w = wordAt(i).toLowerCase()))
    return w
  }
  const mentions = mentionsOf(tags, sentenceEnds)
  const nameOf = (m: Mention) => {
    const words: string[] = []
    for (let i = m.start; i < m.end; i++) words.push(lower(i))
    return words.join(' ')
  }
  // the lowercased word sequences of PER mentions, to tell a surname from a one-name organisation (D3)
  const personNames = mentions.filter((m) => m.type === PER).map(nameOf)
  const chosen = new Set<string>()
  // a set: D4 asks of every mention whether D1-D3 chose it already
  const relabel = new Set<Mention>()
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]
    if (m.type !== LOC && m.type !== PER) continue
    const name = nameOf(m)
    if (m.type === LOC && input.isCountryOrRegion(name)) continue
    let evidence = appositionAfter(m, lower, wordAt) || appositionBefore(m, m.sentenceStart, lower, wordAt)
    if (!evidence && input.coordination !== false && m.type === PER && !input.isGivenName(lower(m.start)) && !personNames.some((p) => p !== name && ` ${p} `.includes(` ${name} `))) {
      evidence = coordinatedWithOrganisations(mentions, k, lower)
    }
    if (evidence) {
      chosen.add(name)
      relabel.add(m)
    }
  }
  if (chosen.size === 0) return 0
  // D4: the chosen names' other place or person mentions, cities and countries aside
  for (const m of mentions) {
    if ((m.type !== LOC && m.type !== PER) || relabel.has(m)) continue
    const name = nameOf(m)
    if (!chosen.has(name) || input.isCity(name) || input.isCountryOrRegion(name)) continue
    relabel.add(m)
  }
  for (const m of relabel) writeMention(tags, m.start, m.end, ORG)
  return relabel.size
}

// D3: the list around mentions[k] (whole mentions joined only by ",", "and", "or", ", and", ", or" in one sentence)
// has at least one other item, every other item is ORG, and an "and" or "or" joins two of them (commas alone are
// an apposition: "Musk, Tesla's chief")
function coordinatedWithOrganisations(mentions: readonly Mention[], k: number, lower: (i: number) => string): boolean {
  let conjunction = false
  const joined = (a: Mention, b: Mention) => {
    if (a.sentenceEnd !== b.sentenceEnd) return false
    const gap = b.start - a.end
    const last = lower(b.start - 1)
    const ok = gap === 1 ? CONNECTORS.has(last) : gap === 2 && lower(a.end) === ',' && (last === 'and' || last === 'or')
    if (ok && last !== ',') conjunction = true
    return ok
  }
  let others = 0
  for (let j = k - 1; j >= 0 && joined(mentions[j], mentions[j + 1]); j--) {
    if (mentions[j].type !== ORG) return false
    others++
  }
  for (let j = k + 1; j < mentions.length && joined(mentions[j - 1], mentions[j]); j++) {
    if (mentions[j].type !== ORG) return false
    others++
  }
  return others > 0 && conjunction
}
