/**
 * Mines rule O's evidence (src/ner/org-evidence.ts, docs/ner.md twenty-fifth round) from training documents: for
 * every capitalised run (the rule's own definition), whether an ORG gold mention covers exactly the run, counted by
 * the run's contexts (the one or two tokens before and after it), by its last word when it has two or more tokens
 * (kept only among the lexicon's organisation head words), and for lone mixed-case acronyms. A context or head is
 * strong when it has enough runs in enough documents and a high enough share of them are ORG (thresholds fixed by the
 * protocol, {@link ORG_EVIDENCE_THRESHOLDS}).
 */
import {caseClass, CASE_CLASSES, isCapitalised} from '../../src/ner/features.ts'
import {baseLexicon} from '../../src/ner/lexicon.ts'
import {findCapitalisedRuns, isMixedCaseAcronym, runContexts, type OrgEvidenceDocument} from '../../src/ner/org-evidence.ts'
import type {NerDocument} from './conll.ts'

const CASE_LOWER = CASE_CLASSES.indexOf('lower')

/** The protocol's thresholds: runs, documents and ORG share a context, head or the acronym shape needs to be strong. */
export const ORG_EVIDENCE_THRESHOLDS = {minRuns: 10, minDocs: 5, contextShare: 0.8, headShare: 0.9, acronymShare: 0.8, acronymMinRuns: 10} as const

/**
 * Whether rule O' uses a mined context: every token of it holds a letter (twenty-sixth round: the bracket and number
 * contexts of CoNLL's acronyms and sports tables gave only false ORGs on news, docs/ner.md item 80).
 */
export function isWordContext(key: string): boolean {
  return key.split(' ').every((token) => /\p{L}/u.test(token))
}

/** Counts of one context or head: capitalised runs, of them ORG, and the documents they are in. */
export interface EvidenceCount {
  key: string
  runs: number
  org: number
  docs: number
}

/** What {@link mineOrgEvidence} found: every strong entry with its counts, and the acronym shape's counts. */
export interface MinedOrgEvidence {
  before1: EvidenceCount[]
  before2: EvidenceCount[]
  after1: EvidenceCount[]
  after2: EvidenceCount[]
  heads: EvidenceCount[]
  acronym: {runs: number; org: number; docs: number; strong: boolean}
  /** capitalised runs counted, and how many were ORG */
  runs: number
  orgRuns: number
}

class Counter {
  private readonly counts = new Map<string, {runs: number; org: number; docs: Set<number>}>()
  add(key: string, org: boolean, doc: number): void {
    let c = this.counts.get(key)
    if (!c) this.counts.set(key, (c = {runs: 0, org: 0, docs: new Set()}))
    c.runs++
    if (org) c.org++
    c.docs.add(doc)
  }
  strong(minRuns: number, minDocs: number, share: number): EvidenceCount[] {
    const out: EvidenceCount[] = []
    for (const [key, c] of this.counts) {
      if (c.runs >= minRuns && c.docs.size >= minDocs && c.org >= share * c.runs) out.push({key, runs: c.runs, org: c.org, docs: c.docs.size})
    }
    // by key, so the file is the same whatever the document order
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }
}

/**
 * Which words the training text writes mostly lowercase: at least two lowercase occurrences and more lowercase
 * than capitalised ones (the miner's stand-in for the model's case prior 'l', from the same text).
 */
export function mostlyLowerWords(docs: readonly NerDocument[]): Set<string> {
  const lower = new Map<string, number>()
  const capital = new Map<string, number>()
  for (const doc of docs) {
    for (const word of doc.words) {
      const key = word.toLowerCase()
      if (caseClass(word) === CASE_LOWER) lower.set(key, (lower.get(key) ?? 0) + 1)
      else if (isCapitalised(word)) capital.set(key, (capital.get(key) ?? 0) + 1)
    }
  }
  const out = new Set<string>()
  for (const [key, n] of lower) if (n >= 2 && n > (capital.get(key) ?? 0)) out.add(key)
  return out
}

/** Mines rule O's evidence from training documents (see the module comment). */
export function mineOrgEvidence(docs: readonly NerDocument[]): MinedOrgEvidence {
  const t = ORG_EVIDENCE_THRESHOLDS
  const mostlyLower = mostlyLowerWords(docs)
  const orgHeads = new Set(baseLexicon().words.orgword)
  const counters = {before1: new Counter(), before2: new Counter(), after1: new Counter(), after2: new Counter(), heads: new Counter()}
  const acronym = {runs: 0, org: 0, docs: new Set<number>()}
  let runs = 0
  let orgRuns = 0
  docs.forEach((doc, d) => {
    const view: OrgEvidenceDocument = {
      sentenceEnds: doc.sentenceEnds,
      wordAt: (i) => doc.words[i],
      capitalisedAt: (i) => isCapitalised(doc.words[i]),
      longLowerAt: (i) => doc.words[i].length >= 4 && caseClass(doc.words[i]) === CASE_LOWER,
      seen: () => true,
      mostlyLower: (word) => mostlyLower.has(word.toLowerCase()),
    }
    const orgSpans = new Set(doc.entities.filter((e) => e.type === 'ORG').map((e) => `${e.start}:${e.end}`))
    for (const run of findCapitalisedRuns(view, doc.words.length)) {
      const org = orgSpans.has(`${run.start}:${run.end}`)
      runs++
      if (org) orgRuns++
      const [b1, b2, a1, a2] = runContexts(view, run)
      if (b1) counters.before1.add(b1, org, d)
      if (b2) counters.before2.add(b2, org, d)
      if (a1) counters.after1.add(a1, org, d)
      if (a2) counters.after2.add(a2, org, d)
      const last = doc.words[run.end - 1].toLowerCase()
      if (run.end - run.start >= 2 && orgHeads.has(last)) counters.heads.add(last, org, d)
      if (run.end - run.start === 1 && isMixedCaseAcronym(doc.words[run.start])) {
        acronym.runs++
        if (org) acronym.org++
        acronym.docs.add(d)
      }
    }
  })
  return {
    before1: counters.before1.strong(t.minRuns, t.minDocs, t.contextShare),
    before2: counters.before2.strong(t.minRuns, t.minDocs, t.contextShare),
    after1: counters.after1.strong(t.minRuns, t.minDocs, t.contextShare),
    after2: counters.after2.strong(t.minRuns, t.minDocs, t.contextShare),
    heads: counters.heads.strong(t.minRuns, t.minDocs, t.headShare),
    acronym: {runs: acronym.runs, org: acronym.org, docs: acronym.docs.size, strong: acronym.runs >= t.acronymMinRuns && acronym.org >= t.acronymShare * acronym.runs},
    runs,
    orgRuns,
  }
}
