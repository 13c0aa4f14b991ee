import {describe, expect, it} from 'vitest'
import {compareSpans, createDoc, isNameLabel, type Doc, type Entity, type EntityLabel} from '../../src/doc.ts'
import {resolveOverlaps} from '../../src/entities/overlaps.ts'
import {resolveMentions} from '../../src/entities/resolve.ts'
import {findPersonCueKeys} from '../../src/link/person-cues.ts'
import {findTokens} from '../../src/segment/segment-text.ts'
import {createLink, type LinkSummary} from '../../src/stages/link.ts'
import {readSeed, SEED_ENTRIES, spansFor} from '../entities/seed-spans.ts'

// the summary an earlier lede staged: one tuple per mention, in offset order (what a resumed run may still read)
function mentionSummary(doc: Doc) {
  const sorted = (doc.entities ?? []).map((e, i) => ({e, i})).sort((x, y) => compareSpans(x.e, y.e) || x.i - y.i)
  return {docId: doc.id, mentions: sorted.map(({e}) => [e.label, e.canonical, e.entityId, e.role ?? null, isNameLabel(e.label) ? findPersonCueKeys(doc.text, e) : null])}
}

// the per-id entries a flat gathered list holds, read back to check the list's layout
function entityTuples(gathered: ReadonlyArray<string | number>): Array<[string, string, number, Array<string | number>, Array<string | number> | null, string[] | null]> {
  const tuples: ReturnType<typeof entityTuples> = []
  for (let k = 0; k < gathered.length; ) {
    const [label, id, mentions, spellingCount] = gathered.slice(k, k + 4) as [string, string, number, number]
    k += 4
    const spellings = gathered.slice(k, (k += spellingCount))
    const roleCount = gathered[k++] as number
    const roles = roleCount < 0 ? null : gathered.slice(k, (k += roleCount))
    const cueCount = gathered[k++] as number
    const cues = cueCount < 0 ? null : (gathered.slice(k, (k += cueCount)) as string[])
    tuples.push([label, id, mentions, spellings, roles, cues])
  }
  return tuples
}

// a small deterministic generator, so the table below is the same on every run
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32
  }
}

// documents whose names repeat under many spellings and roles (more than the linker keeps per name), with titles
// before some names (person cues), labels that disagree across documents, a blank role, and two ids per name that
// share spellings (so the linker merges them)
function syntheticDocs(count: number, seed: number): Doc[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const titles = ['Mr.', 'Sen.', 'President', 'the', 'said', 'and']
  const names = ['Lee', 'Okafor', 'Acme', 'Paris', 'Lindqvist', 'Banco', 'Orr']
  const labels: EntityLabel[] = ['PERSON', 'PERSON', 'ORG', 'LOC', 'MISC', 'DATE']
  // most documents agree on a name's label, so the corpus labels move a few weak mentions
  const usual: Record<string, EntityLabel> = {Lee: 'PERSON', Okafor: 'PERSON', Acme: 'ORG', Paris: 'LOC', Lindqvist: 'PERSON', Banco: 'ORG', Orr: 'MISC'}
  const roles = [undefined, undefined, '', ...Array.from({length: 20}, (_, i) => `role ${i}`)]
  return Array.from({length: count}, (_, d) => {
    const words: string[] = []
    const entities: Entity[] = []
    let text = ''
    for (let w = 0; w < 40; w++) {
      const word = next() < 0.4 ? pick(names) : pick(titles)
      if (text !== '') text += ' '
      const start = text.length
      text += word
      words.push(word)
      if (!names.includes(word)) continue
      const label = next() < 0.75 ? usual[word]! : pick(labels)
      const role = pick(roles)
      // a dozen spellings per name, so the linker's cap of eight is reached
      const canonical = `${word} ${Math.floor(next() * 12)}`
      entities.push({start, end: text.length, label, canonical, entityId: `${label.toLowerCase()}:${word.toLowerCase()}${next() < 0.3 ? '-x' : ''}`, ...(role !== undefined ? {role} : {})})
    }
    const doc = createDoc({id: `d${d}`, source: `d${d}.txt`, text: `${text}.`})
    // not in offset order, as a stage may leave them: the summary sorts them
    doc.entities = entities.reverse()
    return doc
  })
}

function seedDocs(): Doc[] {
  return Object.keys(SEED_ENTRIES)
    .sort()
    .map((name) => {
      const text = readSeed(name)
      const doc = createDoc({id: name, source: name, text})
      doc.entities = resolveMentions(text, findTokens(text), resolveOverlaps(text, spansFor(text, SEED_ENTRIES[name]!)))
      return doc
    })
}

describe('the link stage', () => {
  const cases: Array<{name: string; docs: () => Doc[]; relabels: boolean}> = [
    {name: 'the seed articles', docs: seedDocs, relabels: false},
    {name: '60 synthetic documents', docs: () => syntheticDocs(60, 7), relabels: true},
    {name: '200 synthetic documents', docs: () => syntheticDocs(200, 11), relabels: true},
  ]
  it.each(cases)('links a document\'s gathered mentions exactly as each mention added alone: $name', ({docs, relabels}) => {
    const stage = createLink()
    const gathered = stage.start()
    const oneByOne = stage.start()
    for (const doc of docs()) {
      const summary = stage.summarize(doc)
      gathered.add(summary)
      oneByOne.add(mentionSummary(doc) as unknown as LinkSummary)
    }
    const a = gathered.finish()
    for (const b of [oneByOne.finish()]) {
      expect(a.entityIds).toEqual(b.entityIds)
      expect(a.labels).toEqual(b.labels)
      expect(a.recordFiles).toEqual(b.recordFiles)
      expect(a.errors).toEqual(b.errors)
    }
    expect(a.recordFiles!['entities-index.jsonl']!.records.length).toBeGreaterThan(0)
    // the table exercises merges (and, for the synthetic corpora, corpus labels), not only identities
    expect(a.entityIds!.size).toBeGreaterThan(0)
    if (relabels) expect(a.labels!.size).toBeGreaterThan(0)
  })

  it('gathers a document\'s mentions per entity id, in the order of the first mention, into one flat list', () => {
    const doc = createDoc({id: 'd1', source: 'd1.txt', text: 'Mr. Lee met Lee and Acme. Sen. Lee left.'})
    doc.entities = [
      {start: 31, end: 34, label: 'PERSON', canonical: 'Lee', entityId: 'person:lee'},
      {start: 20, end: 24, label: 'ORG', canonical: 'Acme', entityId: 'org:acme', role: 'maker'},
      {start: 4, end: 7, label: 'PERSON', canonical: 'Lee', entityId: 'person:lee', role: 'envoy'},
      {start: 12, end: 15, label: 'PERSON', canonical: 'J. Lee', entityId: 'person:lee'},
    ]
    const summary = createLink().summarize(doc)
    expect(summary.gathered).toEqual(['PERSON', 'person:lee', 3, 4, 'Lee', 2, 'J. Lee', 1, 2, 'envoy', 1, 1, 'lee', 'ORG', 'org:acme', 1, 2, 'Acme', 1, 2, 'maker', 1, -1])
    expect(entityTuples(summary.gathered)).toEqual([
      ['PERSON', 'person:lee', 3, ['Lee', 2, 'J. Lee', 1], ['envoy', 1], ['lee']],
      ['ORG', 'org:acme', 1, ['Acme', 1], ['maker', 1], null],
    ])
  })
})
