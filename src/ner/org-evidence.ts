/**
 * Rule O of docs/ner.md (twenty-fifth round): organisation evidence after tagging. A lone unseen organisation
 * ("shares of X", "a spokesman for X", "X's chief executive") is often taken for a person or a place, or left out,
 * and the unknown-name retry can only give PERSON. Rule O gives ORG to a capitalised run the model left out or
 * labelled PERSON, LOC or MISC when training text says its context or its form is an organisation's: the contexts,
 * head words and the mixed-case acronym shape are mined from training data only (`npm run build:org-evidence`,
 * models/org-evidence.json), never written by hand. It never touches a run the model labelled ORG, split, or took
 * into a longer mention.
 */
import {baseLexicon} from './lexicon.ts'
import {NER_TYPES, TAG_O, wholeMentionType, writeMention} from './tags.ts'

const ORG = NER_TYPES.indexOf('ORG')

/** The contexts and forms training text shows to be an organisation's (see the module comment). */
export interface OrgEvidence {
  /** the token right before a run, lowercased */
  before1: ReadonlySet<string>
  /** the two tokens right before a run, lowercased, joined by a space */
  before2: ReadonlySet<string>
  /** the token right after a run, lowercased */
  after1: ReadonlySet<string>
  /** the two tokens right after a run, lowercased, joined by a space */
  after2: ReadonlySet<string>
  /** last words (lowercased) that make a run of two or more tokens an organisation's name */
  heads: ReadonlySet<string>
  /** whether a lone mixed-case acronym ({@link isMixedCaseAcronym}) is an organisation */
  acronym: boolean
}

/** What rule O reads of one document: its tokens, sentences and what the model knows of each word. */
export interface OrgEvidenceDocument {
  /** exclusive end index of each sentence, ascending */
  sentenceEnds: readonly number[]
  /** token i's text */
  wordAt: (i: number) => string
  /** whether token i's first letter is a capital ({@link isCapitalised} of features.ts) */
  capitalisedAt: (i: number) => boolean
  /** whether token i is a lowercase word of four or more characters (what tells running prose from tables and headlines) */
  longLowerAt: (i: number) => boolean
  /** whether the model's training text knows the word (it has a case prior) */
  seen: (word: string) => boolean
  /** whether the word is mostly lowercase in the training text (a sentence-initial "The" or "Shares" is no name) */
  mostlyLower: (word: string) => boolean
}

/** One capitalised run: tokens `[start, end)` of a sentence `[sentenceStart, sentenceEnd)`. */
export interface CapitalisedRun {
  start: number
  end: number
  sentenceStart: number
  sentenceEnd: number
}

// the lexicon's name particles and the Mc/Mac of surnames: a mixed-case word that starts with one and a capital
// after it is a person's name ("McCain", "DeSantis", "LeBron")
const SURNAME_STARTS = [...baseLexicon().words.particle, 'mc', 'mac'].map((p) => p[0].toUpperCase() + p.slice(1))
const SURNAME_START = new RegExp(`^(?:${SURNAME_STARTS.join('|')})\\p{Lu}`, 'u')
const MIXED_CASE_ACRONYM = /^\p{Lu}[\p{Lu}\p{Ll}]{1,7}$/u

/**
 * Whether a word is a mixed-case acronym: 2 to 8 letters, a capital first, at least two capitals and a lowercase
 * letter before its last capital ("AfD", "PwC", "BaFin"), not starting as a surname does ("McCain", "DeSantis").
 */
export function isMixedCaseAcronym(word: string): boolean {
  if (!MIXED_CASE_ACRONYM.test(word) || SURNAME_START.test(word)) return false
  let capitals = 0
  let lastCapital = -1
  let firstLower = -1
  for (let i = 0; i < word.length; i++) {
    const c = word[i]
    if (c !== c.toLowerCase()) {
      capitals++
      lastCapital = i
    } else if (firstLower < 0) firstLower = i
  }
  return capitals >= 2 && firstLower >= 0 && firstLower < lastCapital
}

/**
 * The capitalised runs of a document: maximal sequences of capitalised tokens (an `&` between two of them joins
 * them) in sentences of running prose (three or more lowercase words of four or more characters); a sentence-initial
 * first word the training text writes mostly lowercase ("The", "Shares") is left out of its run.
 */
export function findCapitalisedRuns(doc: OrgEvidenceDocument, length: number): CapitalisedRun[] {
  const runs: CapitalisedRun[] = []
  let sentenceStart = 0
  for (const sentenceEnd of doc.sentenceEnds) {
    const end = Math.min(sentenceEnd, length)
    let longLower = 0
    for (let i = sentenceStart; i < end && longLower < 3; i++) if (doc.longLowerAt(i)) longLower++
    if (longLower >= 3) {
      let i = sentenceStart
      while (i < end) {
        if (!doc.capitalisedAt(i)) {
          i++
          continue
        }
        let j = i + 1
        while (j < end && (doc.capitalisedAt(j) || (doc.wordAt(j) === '&' && j + 1 < end && doc.capitalisedAt(j + 1)))) j++
        let start = i
        if (start === sentenceStart && doc.mostlyLower(doc.wordAt(start))) start++
        if (start < j) runs.push({start, end: j, sentenceStart, sentenceEnd: end})
        i = j
      }
    }
    sentenceStart = sentenceEnd
    if (sentenceStart >= length) break
  }
  return runs
}

/** The lowercased context strings of a run: [before1, before2, after1, after2], '' where the sentence has no such token. */
export function runContexts(doc: OrgEvidenceDocument, run: CapitalisedRun): [string, string, string, string] {
  const at = (i: number) => doc.wordAt(i).toLowerCase()
  const b1 = run.start - 1 >= run.sentenceStart ? at(run.start - 1) : ''
  const b2 = b1 && run.start - 2 >= run.sentenceStart ? `${at(run.start - 2)} ${b1}` : ''
  const a1 = run.end < run.sentenceEnd ? at(run.end) : ''
  const a2 = a1 && run.end + 1 < run.sentenceEnd ? `${a1} ${at(run.end + 1)}` : ''
  return [b1, b2, a1, a2]
}

/** The label of a run in BILOU tags: -1 when all its tokens are outside any entity, a type index when it is exactly one mention, else -2. */
export function runLabel(tags: Uint8Array, run: CapitalisedRun): number {
  let outside = true
  for (let i = run.start; i < run.end && outside; i++) outside = tags[i] === TAG_O
  if (outside) return -1
  const type = wholeMentionType(tags, run.start, run.end)
  return type >= 0 ? type : -2
}

// whether the model's training text does not know a word; a word with a period ("U.S.", "Nov.") never counts as
// unseen, as the model keeps no case prior for it (twenty-sixth round)
function isUnseen(doc: OrgEvidenceDocument, word: string): boolean {
  return !word.includes('.') && !doc.seen(word)
}

// whether every word of the run (an `&` aside) is unseen
function allUnseen(doc: OrgEvidenceDocument, run: CapitalisedRun): boolean {
  for (let i = run.start; i < run.end; i++) {
    const word = doc.wordAt(i)
    if (word !== '&' && !isUnseen(doc, word)) return false
  }
  return true
}

function runKey(doc: OrgEvidenceDocument, run: CapitalisedRun): string {
  let key = doc.wordAt(run.start)
  for (let i = run.start + 1; i < run.end; i++) key += ` ${doc.wordAt(i)}`
  return key
}

/**
 * Applies rule O to one document's BILOU tag ids in place (see the module comment and docs/ner.md, twenty-fifth
 * round); `length` is the document's token count (`tags` may be longer). Returns the number of mentions it made ORG.
 */
export function applyOrgEvidence(doc: OrgEvidenceDocument, tags: Uint8Array, length: number, evidence: OrgEvidence): number {
  const runs = findCapitalisedRuns(doc, length)
  const candidates: CapitalisedRun[] = []
  for (const run of runs) {
    const label = runLabel(tags, run)
    if (label === -1 || (label >= 0 && label !== ORG)) candidates.push(run)
  }
  if (candidates.length === 0) return 0
  const names = new Set<string>()
  for (const run of candidates) {
    const size = run.end - run.start
    let org = false
    // O2: an organisation head word ends a run of two or more tokens
    if (size >= 2 && evidence.heads.has(doc.wordAt(run.end - 1).toLowerCase())) org = true
    // O3: a lone unseen mixed-case acronym
    if (!org && evidence.acronym && size === 1 && isMixedCaseAcronym(doc.wordAt(run.start)) && isUnseen(doc, doc.wordAt(run.start))) org = true
    // O1: an unseen run in a context training text gives to organisations
    if (!org && allUnseen(doc, run)) {
      const [b1, b2, a1, a2] = runContexts(doc, run)
      org = (b1 !== '' && evidence.before1.has(b1)) || (b2 !== '' && evidence.before2.has(b2)) || (a1 !== '' && evidence.after1.has(a1)) || (a2 !== '' && evidence.after2.has(a2))
    }
    if (org) names.add(runKey(doc, run))
  }
  if (names.size === 0) return 0
  // O4: every other candidate occurrence of a name made ORG in this document
  let changed = 0
  for (const run of candidates) {
    if (names.has(runKey(doc, run))) {
      writeMention(tags, run.start, run.end, ORG)
      changed++
    }
  }
  return changed
}

/** Builds an {@link OrgEvidence} from its stored lists (models/org-evidence.json's `rule` field). */
export function orgEvidenceFromLists(lists: {before1: string[]; before2: string[]; after1: string[]; after2: string[]; heads: string[]; acronym: boolean}): OrgEvidence {
  return {
    before1: new Set(lists.before1),
    before2: new Set(lists.before2),
    after1: new Set(lists.after1),
    after2: new Set(lists.after2),
    heads: new Set(lists.heads),
    acronym: lists.acronym,
  }
}
