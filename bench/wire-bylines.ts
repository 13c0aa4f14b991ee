/**
 * Bylines outside `<TEXT>` (docs/wire.md, "Bylines outside `<TEXT>`"): each SGML fixture folder is read twice, with
 * the byline block written into the text (`wireBylineInText`, the default) and without it (the old text), every
 * document run through the news pipeline, and the two compared:
 *
 *   1. body kept: entities (text, label), quotes (text, speaker's text) and money (text) outside the inserted block;
 *   2. byline speakers: quotes whose speaker mention, or a mention of the speaker's entity, lies in the block;
 *   3. byline names: the entities in the block against the folder's hand gold in the block (exact span and label).
 *
 *   npm run bench:wire-bylines [-- --folders test/fixtures/wire-1998=test/fixtures/wire-bylines/gold-1998-bylines,test/fixtures/wire-bylines]
 *
 * Self-made fixtures only: every folder must lie under the project's test/fixtures.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {failUsage, parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {PIPELINES} from '../pipelines/index.ts'
import {listCorpus, readCorpus} from '../src/io/corpus.ts'
import {locateGold, validateGold} from '../src/eval/gold.ts'
import {processDoc} from '../src/stage.ts'
import type {Doc} from '../src/doc.ts'

const SPEC = {
  name: 'bench:wire-bylines',
  about: 'SGML fixtures read with and without the byline block in the text: body records kept, byline speakers, byline names against the hand gold.',
  options: {
    folders: {type: 'string', value: '<list>', default: 'test/fixtures/wire-1998=test/fixtures/wire-bylines/gold-1998-bylines,test/fixtures/wire-bylines', description: 'fixture folders, comma-separated, each with corpus/ and gold/ (folder=goldDir for another gold folder: wire-1998\'s gold leaves the byline names out)'},
  },
  example: 'npm run bench:wire-bylines -- --folders test/fixtures/wire-bylines',
} satisfies ScriptSpec
const {values} = parseScriptArgs(SPEC)
// an allow-list, not a deny-list: the bench reads the project's own fixtures and nothing else
const FIXTURES = new URL('../test/fixtures/', import.meta.url).pathname
for (const folder of values.folders!.split(/[,=]/)) {
  const inside = relative(FIXTURES, resolve(folder))
  if (inside === '' || inside.startsWith('..')) failUsage(SPEC, `reads only folders under test/fixtures (got ${folder})`)
}

const pipeline = PIPELINES.news!.build()

async function readDocs(corpus: string, wireBylineInText: boolean): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>()
  for await (const item of readCorpus(corpus, await listCorpus(corpus), {wireBylineInText})) if (item.kind === 'doc') docs.set(item.doc.source, processDoc(pipeline, item.doc))
  return docs
}

// the inserted block: whole lines from the texts' common start (a line's start: the block's `By` must not pair with
// the story's first `B`), as long as the texts differ in length; refused unless the rest is the old text
function findBlock(withBlock: string, without: string): {start: number; end: number} {
  let head = 0
  while (head < without.length && withBlock[head] === without[head]) head++
  head = withBlock.lastIndexOf('\n', head - 1) + 1
  const end = head + withBlock.length - without.length
  if (withBlock.slice(0, head) + withBlock.slice(end) !== without) throw new Error('bench:wire-bylines: the texts differ by more than an inserted block')
  return {start: head, end}
}

const total = {bodyLost: 0, bodyNew: 0, speakers: 0, tp: 0, fp: 0, fn: 0, writers: 0, writersFound: 0, docsWithBlock: 0}
for (const entry of values.folders!.split(',').map((f) => f.trim()).filter(Boolean)) {
  const [folder, goldDir = join(folder!, 'gold')] = entry.split('=') as [string, string?]
  const corpus = join(folder, 'corpus')
  if (!existsSync(corpus)) throw new Error(`bench:wire-bylines: ${corpus} not found`)
  const on = await readDocs(corpus, true)
  const off = await readDocs(corpus, false)
  const gold = new Map<string, ReturnType<typeof validateGold>>()
  for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const result = validateGold(JSON.parse(readFileSync(join(goldDir, file), 'utf8')), file)
    if (result.ok) gold.set(result.gold.source, result)
  }
  const sums = {bodyLost: 0, bodyNew: 0, speakers: 0, tp: 0, fp: 0, fn: 0, writers: 0, writersFound: 0, docsWithBlock: 0}
  for (const [source, doc] of on) {
    const old = off.get(source)!
    const block = findBlock(doc.text, old.text)
    const shift = doc.text.length - old.text.length
    if (shift === 0) continue
    sums.docsWithBlock++
    const inBlock = (s: {start: number; end: number}) => s.start < block.end && s.end > block.start
    const back = (at: number) => (at >= block.end ? at - shift : at)
    // 1. body records, keyed by what they say and where they stand in the old text
    const keys = (d: Doc, map: (at: number) => number, skip: (s: {start: number; end: number}) => boolean) => [
      ...(d.entities ?? []).filter((e) => !skip(e)).map((e) => `entity ${map(e.start)} ${e.label} ${d.text.slice(e.start, e.end)}`),
      ...(d.quotes ?? []).filter((q) => !skip(q)).map((q) => `quote ${map(q.start)} ${d.text.slice(q.start, q.end)} <- ${q.speaker.mention ?? '-'} / ${q.speaker.name ?? '-'}`),
      ...(d.money ?? []).filter((m) => !skip(m)).map((m) => `money ${map(m.start)} ${d.text.slice(m.start, m.end)} ${m.value}`),
    ]
    const after = keys(doc, back, inBlock)
    const before = keys(old, (at) => at, () => false)
    const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())
    const a = count(after)
    const b = count(before)
    for (const [k, n] of b) if ((a.get(k) ?? 0) < n) {
      sums.bodyLost += n - (a.get(k) ?? 0)
      console.log(`  lost   ${source}: ${k}`)
    }
    for (const [k, n] of a) if ((b.get(k) ?? 0) < n) {
      sums.bodyNew += n - (b.get(k) ?? 0)
      console.log(`  new    ${source}: ${k}`)
    }
    // 2. a speaker on the block, directly or through its entity's mentions there
    for (const q of doc.quotes ?? []) {
      const s = q.speaker
      const direct = s.start !== null && s.end !== null && inBlock({start: s.start, end: s.end})
      const viaEntity = s.entityId !== null && (doc.entities ?? []).some((e) => e.entityId === s.entityId && inBlock(e))
      if (direct || viaEntity) {
        sums.speakers++
        console.log(`  speaker on the byline  ${source}: ${doc.text.slice(q.start, q.end).slice(0, 50)} <- ${s.mention ?? s.name}`)
      }
    }
    // 3. names in the block against the gold's names there
    const g = gold.get(source)
    const predicted = (doc.entities ?? []).filter((e) => inBlock(e) && ['PERSON', 'ORG', 'LOC', 'MISC'].includes(e.label)).map((e) => `${e.start}:${e.end}:${e.label}`)
    const wanted = g?.ok ? locateGold(g.gold, doc.text).entities.filter((e) => inBlock(e)).map((e) => `${e.start}:${e.end}:${e.label}`) : []
    const tp = predicted.filter((p) => wanted.includes(p)).length
    sums.tp += tp
    sums.fp += predicted.length - tp
    sums.fn += wanted.length - tp
    const writers = wanted.filter((w) => w.endsWith(':PERSON'))
    sums.writers += writers.length
    sums.writersFound += writers.filter((w) => predicted.includes(w)).length
    const show = (list: string[]) => list.map((k) => { const [s, e, l] = k.split(':'); return `${doc.text.slice(Number(s), Number(e))}/${l}` }).join(', ')
    console.log(`  ${source}: block ${JSON.stringify(doc.text.slice(block.start, block.end))}; found [${show(predicted)}]; gold [${show(wanted)}]${g ? '' : ' (no gold)'}`)
  }
  const f = (x: number) => (x * 100).toFixed(2)
  console.log(`${folder}: ${on.size} documents, ${sums.docsWithBlock} with a byline block written; body records lost ${sums.bodyLost}, new ${sums.bodyNew}; speakers on a byline ${sums.speakers}; byline names P ${f(sums.tp / Math.max(1, sums.tp + sums.fp))} R ${f(sums.tp / Math.max(1, sums.tp + sums.fn))} (tp ${sums.tp}, fp ${sums.fp}, fn ${sums.fn}); writers found as PERSON ${sums.writersFound}/${sums.writers}`)
  for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += sums[k]
}
const f = (x: number) => (x * 100).toFixed(2)
console.log(`all: ${total.docsWithBlock} documents with a byline block; body records lost ${total.bodyLost}, new ${total.bodyNew}; speakers on a byline ${total.speakers}; byline names P ${f(total.tp / Math.max(1, total.tp + total.fp))} R ${f(total.tp / Math.max(1, total.tp + total.fn))} (tp ${total.tp}, fp ${total.fp}, fn ${total.fn}); writers found as PERSON ${total.writersFound}/${total.writers}`)
