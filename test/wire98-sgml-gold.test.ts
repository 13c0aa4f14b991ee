// The wire98-sgml dev set (test/ner-gold/modern/wire98-sgml, docs/wire.md "A 1998 wire dev set in SGML"): 12 hand-written
// 1998 AP/NYT stories in four SGML files and their hand gold. Every gold file is valid, names a DOC the reader finds,
// and every string is placed on the text the default pipeline keeps (the bare <BYLINE> names too), so `lede eval`
// scores the whole set with no "not found" problem.
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../pipelines/index.ts'
import {listCorpus, readCorpus} from '../src/io/corpus.ts'
import {locateGold, validateGold} from '../src/eval/gold.ts'
import {processDoc} from '../src/stage.ts'
import type {Doc} from '../src/doc.ts'

const set = new URL('./ner-gold/modern/wire98-sgml/', import.meta.url).pathname

describe('wire98-sgml gold', () => {
  it('places every gold string on the cleaned text of its DOC', async () => {
    const pipeline = PIPELINES.news!.build()
    const docs = new Map<string, Doc>()
    const corpus = `${set}corpus`
    for await (const item of readCorpus(corpus, await listCorpus(corpus))) if (item.kind === 'doc') docs.set(item.doc.source, processDoc(pipeline, item.doc))
    const files = readdirSync(`${set}gold`).filter((f) => f.endsWith('.json')).sort()
    expect(files.length).toBe(12)
    expect(docs.size).toBe(12)
    let mentions = 0
    for (const file of files) {
      const result = validateGold(JSON.parse(readFileSync(`${set}gold/${file}`, 'utf8')), file)
      if (!result.ok) throw new Error(result.problems.join('\n'))
      const doc = docs.get(result.gold.source)
      expect(doc, file).toBeDefined()
      const located = locateGold(result.gold, doc!.text)
      expect(located.problems, file).toEqual([])
      mentions += located.entities.length
    }
    expect(mentions).toBe(217)
  })
})
