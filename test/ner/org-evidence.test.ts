import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {caseClass, CASE_CLASSES, isCapitalised} from '../../src/ner/features.ts'
import {applyOrgEvidence, isMixedCaseAcronym, orgEvidenceFromLists, type OrgEvidenceDocument} from '../../src/ner/org-evidence.ts'
import {ORG_EVIDENCE_URL, shippedOrgEvidence} from '../../src/ner/org-evidence-list.ts'
import {loadModel, sentenceEndsOf} from '../../src/ner/recognise.ts'
import {NerTagger} from '../../src/ner/tagger.ts'
import {findParagraphs, findSentences, findTokens} from '../../src/segment/segment-text.ts'
import {encodeBilou, decodeIob, IOB2_TAGS, type TokenSpan} from '../../src/ner/tags.ts'
import {isWordContext, ORG_EVIDENCE_THRESHOLDS} from '../../tools/ner/org-evidence.ts'

const CASE_LOWER = CASE_CLASSES.indexOf('lower')
// made-up evidence and words: none of them is in models/org-evidence.json by necessity
const evidence = orgEvidenceFromLists({
  before1: ['regulator'],
  before2: ['shares of', 'spokesman for'],
  after1: ['executive'],
  after2: ["'s shares"],
  heads: ['holdings'],
  acronym: true,
})
// words the "model" knows, and those it writes mostly lowercase
const SEEN = new Set(['the', 'shares', 'of', 'said', 'rose', 'sharply', 'after', 'company', 'reported', 'earnings', 'phd', 'smith', 'london', 'bank', 'acme', 'then'])
const LOWER = new Set(['the', 'shares', 'of', 'said', 'then'])

function view(words: string[], sentenceEnds: number[]): OrgEvidenceDocument {
  return {
    sentenceEnds,
    wordAt: (i) => words[i],
    capitalisedAt: (i) => isCapitalised(words[i]),
    longLowerAt: (i) => words[i].length >= 4 && caseClass(words[i]) === CASE_LOWER,
    seen: (w) => SEEN.has(w.toLowerCase()),
    mostlyLower: (w) => LOWER.has(w.toLowerCase()),
  }
}

// one sentence per string, tokens split at spaces; spans by their token text "Word Word=TYPE" in the whole document
function run(sentences: string[], spans: TokenSpan[]): {changed: number; out: string[]} {
  const words: string[] = []
  const ends: number[] = []
  for (const s of sentences) {
    words.push(...s.split(' '))
    ends.push(words.length)
  }
  const tags = encodeBilou(spans, words.length)
  const changed = applyOrgEvidence(view(words, ends), tags, words.length, evidence)
  const iob = [...tags].map((t) => IOB2_TAGS[t])
  return {changed, out: decodeIob(iob).map((s) => `${words.slice(s.start, s.end).join(' ')}=${s.type}`)}
}

describe('rule O: organisation evidence after tagging (docs/ner.md twenty-fifth round)', () => {
  const prose = 'rose sharply after the company reported earnings'
  const cases: {name: string; sentences: string[]; spans: TokenSpan[]; changed: number; out: string[]}[] = [
    {name: 'O1: a missed unseen name after a strong context', sentences: [`shares of Zentrova ${prose}`], spans: [], changed: 1, out: ['Zentrova=ORG']},
    {name: 'O1: an unseen name taken for a person', sentences: [`shares of Zentrova ${prose}`], spans: [{start: 2, end: 3, type: 'PER'}], changed: 1, out: ['Zentrova=ORG']},
    {name: 'O1: a context after the name', sentences: [`Zentrova 's shares ${prose}`], spans: [{start: 0, end: 1, type: 'LOC'}], changed: 1, out: ['Zentrova=ORG']},
    {name: 'O1: a word the model knows is left as it is', sentences: [`shares of Acme ${prose}`], spans: [{start: 2, end: 3, type: 'PER'}], changed: 0, out: ['Acme=PER']},
    {name: 'O1: no strong context, nothing', sentences: [`then Zentrova ${prose}`], spans: [{start: 1, end: 2, type: 'PER'}], changed: 0, out: ['Zentrova=PER']},
    {name: 'a run the model labelled ORG is untouched', sentences: [`shares of Zentrova ${prose}`], spans: [{start: 2, end: 3, type: 'ORG'}], changed: 0, out: ['Zentrova=ORG']},
    {name: 'a run the model split is untouched', sentences: [`shares of Novaro Kettil ${prose}`], spans: [{start: 2, end: 3, type: 'PER'}], changed: 0, out: ['Novaro=PER']},
    {name: 'a two-word unseen run, all O', sentences: [`shares of Novaro Kettil ${prose}`], spans: [], changed: 1, out: ['Novaro Kettil=ORG']},
    {name: 'O2: a strong head ends a run', sentences: [`then Smith Holdings ${prose}`], spans: [{start: 1, end: 3, type: 'PER'}], changed: 1, out: ['Smith Holdings=ORG']},
    {name: 'O2: a head alone is no run of two', sentences: [`then Holdings ${prose}`], spans: [], changed: 0, out: []},
    {name: 'O3: a lone unseen mixed-case acronym', sentences: [`then XyQ ${prose}`], spans: [{start: 1, end: 2, type: 'MISC'}], changed: 1, out: ['XyQ=ORG']},
    {name: 'O3: a known mixed-case word is left', sentences: [`then PhD ${prose}`], spans: [], changed: 0, out: []},
    {name: 'O3: a surname shape is no acronym', sentences: [`then McQuarrel ${prose}`], spans: [{start: 1, end: 2, type: 'PER'}], changed: 0, out: ['McQuarrel=PER']},
    {
      name: 'O4: the other occurrences of the name in the document follow',
      sentences: [`shares of Zentrova ${prose}`, `then Zentrova ${prose}`],
      spans: [{start: 11, end: 12, type: 'LOC'}],
      changed: 2,
      out: ['Zentrova=ORG', 'Zentrova=ORG'],
    },
    {name: 'a sentence-initial lowercase word leaves the run', sentences: [`The Zentrova Holdings ${prose}`], spans: [{start: 1, end: 3, type: 'LOC'}], changed: 1, out: ['Zentrova Holdings=ORG']},
    {name: 'not in a headline or table (too few long lowercase words)', sentences: ['shares of Zentrova Rose'], spans: [], changed: 0, out: []},
    {name: 'a word with a period is never unseen', sentences: [`shares of Zen.Co ${prose}`], spans: [{start: 2, end: 3, type: 'LOC'}], changed: 0, out: ['Zen.Co=LOC']},
    {name: 'contexts stop at the sentence end', sentences: ['the shares of', `Zentrova ${prose}`], spans: [], changed: 0, out: []},
  ]
  it.each(cases)('$name', ({sentences, spans, changed, out}) => {
    expect(run(sentences, spans)).toEqual({changed, out})
  })
})

describe('isWordContext', () => {
  it.each([
    ['chief executive', true],
    ["'s shares", true],
    ['(', false],
    [') ,', false],
    ['10 (', false],
    ['data .', false],
  ])('%s -> %s', (key, expected) => {
    expect(isWordContext(key)).toBe(expected)
  })
})

describe('isMixedCaseAcronym', () => {
  it.each([
    ['AfD', true],
    ['PwC', true],
    ['BaFin', true],
    ['XyQ', true],
    ['McCain', false],
    ['DeSantis', false],
    ['LeBron', false],
    ['SEC', false],
    ['Ofgem', false],
    ['iPhone', false],
    ['A', false],
    ['ABCDefGHI', false],
  ])('%s -> %s', (word, expected) => {
    expect(isMixedCaseAcronym(word)).toBe(expected)
  })
})

describe("rule O's evidence (models/org-evidence.json)", () => {
  const table = JSON.parse(readFileSync(ORG_EVIDENCE_URL, 'utf8'))
  it('holds exactly the entries its counts make strong under the protocol thresholds (contexts: of words only)', () => {
    const t = ORG_EVIDENCE_THRESHOLDS
    expect(table.thresholds).toEqual(t)
    for (const field of ['before1', 'before2', 'after1', 'after2', 'heads']) {
      const share = field === 'heads' ? t.headShare : t.contextShare
      for (const c of table.counts[field]) {
        expect(c.runs).toBeGreaterThanOrEqual(t.minRuns)
        expect(c.docs).toBeGreaterThanOrEqual(t.minDocs)
        expect(c.org).toBeGreaterThanOrEqual(share * c.runs)
      }
      const strong = table.counts[field].map((c: {key: string}) => c.key)
      expect(table.rule[field]).toEqual(field === 'heads' ? strong : strong.filter(isWordContext))
    }
    expect(table.rule.acronym).toBe(table.counts.acronym.strong)
  })
})

// the option end to end on the shipped model (which takes the made-up firm after "analysts at" for a place): with rule O on, tagDocument and tagSpans give what applyOrgEvidence
// makes of the rule-off tags, and the counter counts its changes
describe('NerTagger orgEvidence', () => {
  const text =
    'The report was written by analysts at Quellmark, who said demand would remain weak this year. ' +
    'Quellmark later revised the forecast after several months of careful review.'
  const tokens = findTokens(text)
  const sentenceEnds = sentenceEndsOf(tokens, findSentences(text, findParagraphs(text), tokens))
  const words = tokens.map((t) => text.slice(t.start, t.end))
  const model = loadModel()

  it('applies rule O after decoding, through both entry points', () => {
    const off = new NerTagger(model, {beam: 4, consistency: true})
    const on = new NerTagger(model, {beam: 4, consistency: true, orgEvidence: true})
    const expected = off.tagDocument(words, sentenceEnds)
    const changed = applyOrgEvidence(
      {
        sentenceEnds,
        wordAt: (i) => words[i],
        capitalisedAt: (i) => isCapitalised(words[i]),
        longLowerAt: (i) => words[i].length >= 4 && caseClass(words[i]) === CASE_LOWER,
        seen: (w) => off.casePriorOf(w) !== undefined,
        mostlyLower: (w) => off.casePriorOf(w) === 'l',
      },
      expected,
      words.length,
      shippedOrgEvidence(),
    )
    expect(changed).toBe(2)
    expect([...on.tagDocument(words, sentenceEnds)]).toEqual([...expected])
    expect([...on.tagSpans(text, tokens, sentenceEnds)]).toEqual([...expected])
    expect(on.orgEvidenceChanges).toBe(2 * changed)
    expect(off.orgEvidenceChanges).toBe(0)
  })
})
