/**
 * Silver training gold for self-training (docs/ner.md, twenty-third round): unlabeled news articles tagged by a model
 * and written as a training gold folder of the "written" kind (`text/<name>.txt` beside `gold/<name>.json`), which
 * `train:ner --gold` reads like hand-checked gold. The pure parts are here; scripts/silver-ner.ts reads and writes.
 */
import {createHash} from 'node:crypto'
import type {EntityLabel} from '../../src/doc.ts'
import {findWholeWord, GoldFile, type GoldEntity} from '../../src/eval/gold.ts'
import {decodeIob, type NerType} from '../../src/ner/tags.ts'
import {placeNerGold, toNerTokenDocument, type NerGoldDoc} from './ner-set.ts'

/** One silver mention: a character span (UTF-16) of the article text and its label. */
export interface SilverMention {
  start: number
  end: number
  label: NerType
}

const LABEL_OF_TYPE: Record<NerType, EntityLabel> = {PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

/**
 * Orders article names by the sha256 of the name (a fixed, content-blind draw) after leaving out `excluded`, so the
 * first N of the result are the same N on every machine whatever order the folder lists them in.
 */
export function orderSilverCandidates(names: readonly string[], excluded: ReadonlySet<string>): string[] {
  const hash = (name: string) => createHash('sha256').update(name).digest('hex')
  return names
    .filter((name) => !excluded.has(name))
    .map((name) => ({name, key: hash(name)}))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.name < b.name ? -1 : 1))
    .map((c) => c.name)
}

/**
 * Tags one article as `score:ner-set` does (the pipeline's tokens and sentences, the given tagging function) and
 * returns its mentions as character spans in text order.
 */
export function findSilverMentions(id: string, text: string, tag: (words: readonly string[], sentenceEnds: readonly number[]) => string[]): SilverMention[] {
  const doc: NerGoldDoc = {id, source: 'written-train', goldPath: '', textPath: '', text, entities: []}
  const tokens = toNerTokenDocument(doc)
  if (tokens.words.length === 0) return []
  return decodeIob(tag(tokens.words, tokens.sentenceEnds)).map((s) => ({
    start: tokens.tokenSpans[s.start].start,
    end: tokens.tokenSpans[s.end - 1].end,
    label: s.type,
  }))
}

/**
 * Writes mentions as a gold file (entity labels PERSON, ORG, LOC, MISC): one entry per string and label, with the
 * explicit `occurrences` (indexes among the string's whole-word occurrences) it marks. Returns null when a mention
 * is not one of its string's whole-word occurrences (an edge inside a word), so the file could not say it.
 */
export function writeSilverGold(source: string, text: string, mentions: readonly SilverMention[]): GoldFile | null {
  const entries = new Map<string, GoldEntity & {occurrences: number[]}>()
  const occurrencesOf = new Map<string, {start: number; end: number}[]>()
  for (const m of mentions) {
    const surface = text.slice(m.start, m.end)
    let found = occurrencesOf.get(surface)
    if (!found) occurrencesOf.set(surface, (found = findWholeWord(text, surface)))
    const index = found.findIndex((s) => s.start === m.start && s.end === m.end)
    if (index < 0) return null
    const label = LABEL_OF_TYPE[m.label]
    const key = `${label}\u0000${surface}`
    const entry = entries.get(key)
    if (entry) entry.occurrences.push(index)
    else entries.set(key, {text: surface, label, occurrences: [index]})
  }
  return GoldFile.parse({source, entityLabels: ['PERSON', 'ORG', 'LOC', 'MISC'], entities: [...entries.values()]})
}

/**
 * Whether a gold file, placed back on its text by the trainer's own reader, gives exactly the mentions it was
 * written from (same spans, same labels, no more, no fewer).
 */
export function silverRoundTrips(gold: GoldFile, text: string, mentions: readonly SilverMention[]): boolean {
  let placed
  try {
    placed = placeNerGold(gold, text, gold.source)
  } catch {
    return false
  }
  if (placed.length !== mentions.length) return false
  return placed.every((p, i) => p.start === mentions[i].start && p.end === mentions[i].end && p.label === mentions[i].label)
}
