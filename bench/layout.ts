/**
 * Layout invariance: the same articles one paragraph a line (as distributed) and re-wrapped at 60 and 72 columns
 * with blank lines between paragraphs (as wire archives and text exports lay them out) go through the default
 * pipeline; the bench prints how far the entity records (label, text) and quote records (text, speaker) of the
 * wrapped runs agree with the unwrapped run. Agreement is the multiset F1 of the two runs' records (2|A∩B| /
 * (|A| + |B|)), with white space in record texts read as single spaces (a wrap leaves a newline inside a span).
 *
 *   npm run bench:layout [-- --polnear ../shared/polnear/dev --conll ../shared/conll2003/eng.testa]
 *
 * Corpora: PolNeAR dev texts, CoNLL-2003 eng.testa documents rebuilt as text (one sentence a line, tokens joined by
 * spaces, as bench:ner lays them out) and the seed articles in corpus/. Missing ../shared corpora are skipped.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {DEFAULT_PIPELINE, PIPELINES} from '../pipelines/index.ts'
import {createDoc} from '../src/doc.ts'
import {readConll} from '../tools/ner/conll.ts'
import {processDoc} from '../src/stage.ts'

const {values} = parseScriptArgs({
  name: 'bench:layout',
  about: 'Layout invariance: PolNeAR dev texts, CoNLL-2003 eng.testa documents and the seed articles one paragraph a line and\nre-wrapped at --widths columns go through the default pipeline; what differs is counted. Missing ../shared corpora are skipped.',
  options: {
    polnear: {type: 'string', value: '<dir>', default: new URL('../../shared/polnear/dev', import.meta.url).pathname, description: 'PolNeAR split folder'},
    conll: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname, description: 'CoNLL-2003 file'},
    widths: {type: 'string', default: '60,72', check: 'numbers', description: 'line widths to wrap at'},
    examples: {type: 'string', default: '0', check: 'number', description: 'differences to print per corpus'},
  },
  example: 'npm run bench:layout -- --widths 60 --examples 3',
})
const widths = values.widths!.split(',').map(Number)
const examples = Number(values.examples)

/** Greedy word wrap (as `fold -s`, Python's textwrap and mail clients do): each paragraph its own block, blank lines between. */
export function rewrap(text: string, width: number): string {
  const paragraphs = text.split('\n').filter((line) => line.trim() !== '')
  return paragraphs
    .map((paragraph) => {
      const lines: string[] = []
      let line = ''
      for (const word of paragraph.trim().split(/[ \t]+/)) {
        if (line !== '' && line.length + 1 + word.length > width) {
          lines.push(line)
          line = word
        } else line = line === '' ? word : `${line} ${word}`
      }
      if (line !== '') lines.push(line)
      return lines.join('\n')
    })
    .join('\n\n')
}

const corpora: Array<{name: string; texts: string[]}> = []
const polnearText = `${values.polnear}/text`
if (existsSync(polnearText)) {
  corpora.push({name: 'PolNeAR dev', texts: readdirSync(polnearText).sort().map((f) => readFileSync(`${polnearText}/${f}`, 'utf8'))})
} else console.log(`PolNeAR skipped: ${polnearText} not found`)
if (existsSync(values.conll!)) {
  const texts = readConll(readFileSync(values.conll!, 'utf8')).map((doc) => {
    const lines: string[] = []
    let start = 0
    for (const end of doc.sentenceEnds) {
      lines.push(doc.words.slice(start, end).join(' '))
      start = end
    }
    return lines.join('\n')
  })
  corpora.push({name: 'CoNLL eng.testa', texts})
} else console.log(`CoNLL skipped: ${values.conll} not found`)
const seedDir = new URL('../corpus/', import.meta.url)
corpora.push({name: 'seeds (corpus/)', texts: readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, seedDir), 'utf8'))})

const pipeline = PIPELINES[DEFAULT_PIPELINE]!.build()
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()

function records(text: string): {entities: string[]; quotes: string[]; paragraphs: number} {
  const doc = processDoc(pipeline, createDoc({id: 'd', source: 'bench', text}))
  const fatal = doc.messages.find((m) => m.fatal)
  if (fatal) throw new Error(`pipeline failed: ${fatal.message}`)
  return {
    entities: (doc.entities ?? []).map((e) => `${e.label}\t${flat(doc.text.slice(e.start, e.end))}`),
    quotes: (doc.quotes ?? []).map((q) => `${flat(doc.text.slice(q.start, q.end))}\t${flat(q.speaker.name ?? q.speaker.mention)}`),
    paragraphs: doc.paragraphs?.length ?? 0,
  }
}

/** Multiset intersection size. */
function common(a: string[], b: string[]): number {
  const counts = new Map<string, number>()
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1)
  let n = 0
  for (const x of b) {
    const c = counts.get(x) ?? 0
    if (c > 0) {
      n++
      counts.set(x, c - 1)
    }
  }
  return n
}

function missing(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>()
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1)
  const out: string[] = []
  for (const x of a) {
    const c = counts.get(x) ?? 0
    if (c > 0) counts.set(x, c - 1)
    else out.push(x)
  }
  return out
}

const f1 = (both: number, a: number, b: number) => (a + b === 0 ? 1 : (2 * both) / (a + b))
console.log(`default pipeline "${DEFAULT_PIPELINE}"; agreement of re-wrapped runs with the unwrapped run (multiset F1 of records)`)
console.log('corpus             docs  width  entities (unwrapped/wrapped)  agreement   quotes (unwrapped/wrapped)  agreement   paragraphs')
const started = performance.now()
for (const corpus of corpora) {
  const base = corpus.texts.map(records)
  for (const width of widths) {
    let eBoth = 0, eA = 0, eB = 0, qBoth = 0, qA = 0, qB = 0, pA = 0, pB = 0
    const shown: string[] = []
    for (const [i, text] of corpus.texts.entries()) {
      const wrapped = records(rewrap(text, width))
      const a = base[i]!
      eBoth += common(a.entities, wrapped.entities)
      eA += a.entities.length
      eB += wrapped.entities.length
      qBoth += common(a.quotes, wrapped.quotes)
      qA += a.quotes.length
      qB += wrapped.quotes.length
      pA += a.paragraphs
      pB += wrapped.paragraphs
      if (shown.length < examples) {
        for (const x of missing(a.entities, wrapped.entities)) shown.push(`  doc ${i} entity only unwrapped: ${x}`)
        for (const x of missing(wrapped.entities, a.entities)) shown.push(`  doc ${i} entity only wrapped:   ${x}`)
        for (const x of missing(a.quotes, wrapped.quotes)) shown.push(`  doc ${i} quote only unwrapped: ${x.slice(0, 120)}`)
        for (const x of missing(wrapped.quotes, a.quotes)) shown.push(`  doc ${i} quote only wrapped:   ${x.slice(0, 120)}`)
      }
    }
    console.log(
      `${corpus.name.padEnd(18)} ${String(corpus.texts.length).padStart(4)}  ${String(width).padStart(5)}  ${`${eA}/${eB}`.padStart(27)}  ${f1(eBoth, eA, eB).toFixed(4).padStart(9)}   ${`${qA}/${qB}`.padStart(25)}  ${f1(qBoth, qA, qB).toFixed(4).padStart(9)}   ${pA}/${pB}`,
    )
    for (const line of shown.slice(0, examples)) console.log(line)
  }
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
