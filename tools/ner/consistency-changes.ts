/**
 * Lists what the document consistency pass changes (research tool, docs/ner.md twenty-second round): each set is
 * tagged with the pass off and on (the other options as shipped) and every mention that differs is printed with
 * whether it is gold, the repair's kind, and the evidence in the pass-off tags of its document.
 *   node --import tsx tools/ner/consistency-changes.ts <model.bin> > changes.tsv
 */
import {readFileSync} from 'node:fs'
import {readModernNerSet, toNerTokenDocument} from './ner-set.ts'
import {readConll, type NerDocument} from './conll.ts'
import {DEFAULT_BEAM, DEFAULT_EDGE_TRIM, DEFAULT_GIVEN_NAME_JOIN, DEFAULT_NAME_UNKNOWN, MODEL_URL, tagTokens} from '../../src/ner/recognise.ts'
import {modelArgOrExit} from './model-arg.ts'
import {NerTagger} from '../../src/ner/tagger.ts'
import {decodeIob, type TokenSpan} from '../../src/ner/tags.ts'

// without an argument the shipped model, as loadModel() did; a wrong file is one line and exit 2, not a stack trace
const modelFile = process.argv[2] ?? MODEL_URL.pathname
const {model} = modelArgOrExit('consistency-changes', modelFile)
const options = {beam: DEFAULT_BEAM, nameUnknown: DEFAULT_NAME_UNKNOWN, givenNameJoin: DEFAULT_GIVEN_NAME_JOIN, edgeTrim: DEFAULT_EDGE_TRIM}
const off = new NerTagger(model, {...options, consistency: false})
const on = new NerTagger(model, {...options, consistency: true})
const modern = readModernNerSet()
const sets: [string, NerDocument[]][] = [
  ['testa', readConll(readFileSync(new URL('../../../shared/conll2003/eng.testa', import.meta.url), 'utf8'))],
  ['written', modern.docs.filter((d) => d.source === 'written').map(toNerTokenDocument)],
  ['polnear', modern.docs.filter((d) => d.source === 'polnear').map(toNerTokenDocument)],
  ['web', modern.docs.filter((d) => d.source === 'web').map(toNerTokenDocument)],
]
const key = (s: TokenSpan) => `${s.start}:${s.end}:${s.type}`
const upper = (w: string) => /\p{Lu}/u.test(w) && w === w.toUpperCase()
console.log(['set', 'doc', 'kind', 'gain', 'text', 'from', 'to', 'gold', 'agree', 'agreeInitial', 'agreeCaps', 'agreeMid', 'disagree', 'hereInitial', 'hereCaps'].join('\t'))
for (const [name, docs] of sets) {
  docs.forEach((doc, d) => {
    const a = decodeIob(tagTokens(doc.words, doc.sentenceEnds, off))
    const b = decodeIob(tagTokens(doc.words, doc.sentenceEnds, on))
    const gold = new Set(doc.entities.map(key))
    const aKeys = new Set(a.map(key))
    const bKeys = new Set(b.map(key))
    const starts = new Set([0, ...doc.sentenceEnds])
    const lower = (s: {start: number; end: number}) => doc.words.slice(s.start, s.end).join(' ').toLowerCase()
    for (const s of b) {
      if (aKeys.has(key(s))) continue
      const removed = a.filter((r) => !bKeys.has(key(r)) && r.start < s.end && s.start < r.end)
      const kind = removed.length === 0 ? 'fill' : removed.length === 1 && removed[0].start === s.start && removed[0].end === s.end ? 'relabel' : 'mend'
      const gain = (gold.has(key(s)) ? 1 : 0) - removed.filter((r) => gold.has(key(r))).length
      const text = lower(s)
      const same = a.filter((r) => lower(r) === text && !(r.start < s.end && s.start < r.end))
      const agree = same.filter((r) => r.type === s.type)
      const goldHere = doc.entities.filter((g) => g.start < s.end && s.start < g.end).map((g) => `${g.type}:${doc.words.slice(g.start, g.end).join(' ')}`).join('|') || '-'
      console.log([name, d, kind, gain, doc.words.slice(s.start, s.end).join(' '), removed.map((r) => `${r.type}:${doc.words.slice(r.start, r.end).join(' ')}`).join('|') || 'O', s.type, goldHere,
        agree.length, agree.filter((r) => starts.has(r.start)).length, agree.filter((r) => doc.words.slice(r.start, r.end).every((w) => upper(w) || !/\p{L}/u.test(w))).length,
        agree.filter((r) => !starts.has(r.start)).length, same.length - agree.length, starts.has(s.start) ? 1 : 0, doc.words.slice(s.start, s.end).every(upper) ? 1 : 0].join('\t'))
    }
    // spans the pass removed without a replacement overlapping them
    for (const r of a) {
      if (bKeys.has(key(r))) continue
      if (b.some((s) => !aKeys.has(key(s)) && s.start < r.end && r.start < s.end)) continue
      console.log([name, d, 'drop', gold.has(key(r)) ? -1 : 0, doc.words.slice(r.start, r.end).join(' '), r.type, 'O', '-', 0, 0, 0, 0, 0, 0, 0].join('\t'))
    }
  })
}
