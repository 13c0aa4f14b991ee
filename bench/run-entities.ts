/**
 * Reads a finished `lede run`'s articles and entity records back for a bench that scores them against gold written
 * in UTF-16 offsets of the input files: shared by bench:ner-modern and bench:all-caps, which read the same two files.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {createUtf16Mapper} from '../src/io/offsets.ts'

/** One JSONL file of a run's output folder, parsed line by line. */
export function readRunJsonl(out: string, file: string): Array<Record<string, unknown>> {
  return readFileSync(join(out, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** A run's articles by id (input file name, cleaned text) and its entities by input file name, in UTF-16 offsets of the cleaned text, keeping only the labels `types` maps. */
export function readRunEntities(out: string, types: Readonly<Record<string, string>>): {
  articles: Map<string, {file: string; text: string}>
  predicted: Map<string, Array<{start: number; end: number; type: string}>>
} {
  const articles = new Map<string, {file: string; text: string}>()
  for (const a of readRunJsonl(out, 'articles.jsonl')) articles.set(a.id as string, {file: (a.source as string).split('/').pop()!, text: a.text as string})
  const predicted = new Map<string, Array<{start: number; end: number; type: string}>>()
  // records count code points; the gold is in UTF-16 (one mapper per article)
  const units = new Map<string, (codePoint: number) => number | null>()
  for (const e of readRunJsonl(out, 'entities.jsonl')) {
    const type = types[e.label as string]
    if (!type) continue
    const article = articles.get(e.docId as string)!
    let toUnits = units.get(e.docId as string)
    if (!toUnits) units.set(e.docId as string, (toUnits = createUtf16Mapper(article.text)))
    let list = predicted.get(article.file)
    if (!list) predicted.set(article.file, (list = []))
    list.push({start: toUnits(e.start as number)!, end: toUnits(e.end as number)!, type})
  }
  return {articles, predicted}
}
