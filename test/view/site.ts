import {cpSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {main} from '../../src/cli.ts'

const root = new URL('../..', import.meta.url).pathname

/** Runs lede over the bundled corpus plus the analyst test articles (emoji, hostile markup, bad JSONL lines) and returns the output folder. */
export async function runTestCorpus(): Promise<string> {
  const corpus = mkdtempSync(join(tmpdir(), 'lede-view-corpus-'))
  cpSync(join(root, 'corpus'), corpus, {recursive: true})
  cpSync(join(root, 'test/data/analyst-corpus'), corpus, {recursive: true})
  const out = join(mkdtempSync(join(tmpdir(), 'lede-view-')), 'out')
  const write = process.stderr.write
  process.stderr.write = () => true
  try {
    const code = await main(['run', corpus, '--out', out, '--quiet'])
    if (code !== 1) throw new Error(`expected exit 1 (two bad JSONL lines), got ${code}`)
  } finally {
    process.stderr.write = write
  }
  return out
}

/** Reads a JSONL file into objects. */
export function parseJsonl(text: string): Array<Record<string, any>> {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>)
}

/** Writes the output folder of a synthetic run of `n` one-quote articles (records only, no pipeline), for scale tests of the site. */
export async function writeBigRun(n: number): Promise<string> {
  const big = join(mkdtempSync(join(tmpdir(), 'lede-view-big-')), 'out')
  mkdirSync(big)
  const articles: string[] = []
  const entities: string[] = []
  const quotes: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `doc-${i}`
    const name = `Speaker ${i % 50}`
    const text = `${name} said: "Number ${i} is here." The rest of article ${i}.`
    const counts = {paragraphs: 1, sentences: 2, tokens: 16, entities: 1, quotes: 1, money: 0}
    articles.push(JSON.stringify({id, source: `big.jsonl:${i + 1}`, title: `Article ${i}`, text, removed: [], counts, warnings: []}))
    entities.push(JSON.stringify({docId: id, id: `${id}:e0`, text: name, start: 0, end: name.length, label: 'PERSON', canonical: name, entityId: `person:s${i % 50}`}))
    const q = text.indexOf('"') + 1
    const qEnd = text.indexOf('"', q)
    const speaker = {mention: name, start: 0, end: name.length, name, entityId: `person:s${i % 50}`}
    quotes.push(JSON.stringify({docId: id, id: `${id}:q0`, text: text.slice(q, qEnd), start: q, end: qEnd, kind: 'direct', cue: 'said', cueLemma: 'say', cueStart: name.length + 1, cueEnd: name.length + 5, speaker}))
  }
  writeFileSync(join(big, 'articles.jsonl'), `${articles.join('\n')}\n`)
  writeFileSync(join(big, 'entities.jsonl'), `${entities.join('\n')}\n`)
  writeFileSync(join(big, 'quotes.jsonl'), `${quotes.join('\n')}\n`)
  writeFileSync(join(big, 'money.jsonl'), '')
  writeFileSync(join(big, 'errors.jsonl'), '')
  return big
}
