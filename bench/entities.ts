/**
 * Throughput of the entities stage alone and of its parts, warm, on the seed articles repeated.
 * Clean and segment run once per distinct document; each part is then timed over the documents repeated to
 * `--mb` megabytes (UTF-8 bytes of the raw article, the unit `npm run bench` uses), median of `--runs` passes,
 * on the wall clock and per CPU second (process.cpuUsage: user + system of this process).
 *   node --import tsx bench/entities.ts [--mb 5] [--runs 5] [--only stage]
 * Parts (each timed on its own, so they need not add up exactly):
 *   encode     the tagger's document encoding (encodeSpans): word types, positions, document case, title context, gazetteers
 *   gazetteer  the two gazetteer markings alone (also inside encode)
 *   tag        NerTagger.tagSpans: encode + token scores + beam search + name particles + label history
 *   recognise  recogniseEntities: sentence ends + tag + BILOU -> spans
 *   dates      findDates
 *   numbers    findNumbers (PERCENT, QUANTITY, TIME, ORDINAL, CARDINAL)
 *   money      findMoney (the MONEY entities; the money stage runs it again for amounts)
 *   overlaps   resolveOverlaps
 *   mentions   resolveMentions (canonical names, roles, acronyms, coreference, ids)
 *   stage      findEntities with the default finders: what the pipeline pays
 * beam = tag - encode (token scores and search). The wall figure is the median pass; "best" is the fastest pass (least disturbed by other work).
 */
import {readdirSync, readFileSync} from 'node:fs'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import type {EntitySpan, Span, Token} from '../src/doc.ts'
import {resolveOverlaps} from '../src/entities/overlaps.ts'
import {resolveMentions} from '../src/entities/resolve.ts'
import {DocumentScratch, encodeSpans, TypeRegistry} from '../src/ner/encode.ts'
import {markGazetteer, type Gazetteer} from '../src/ner/gazetteer.ts'
import {recogniseEntities, sentenceEndsOf, shippedTagger} from '../src/ner/recognise.ts'
import {cleanText} from '../src/clean/clean-text.ts'
import {findDates} from '../src/dates/find-dates.ts'
import {findEntities, findNumericEntities, type EntityFinders} from '../src/entities/find-entities.ts'
import {createEntities} from '../src/stages/entities.ts'
import {findNumbers} from '../src/numbers/find-numbers.ts'
import {findMoney} from '../src/money/find-money.ts'
import {findParagraphs, findSentences, findTokens} from '../src/segment/segment-text.ts'

const {values} = parseScriptArgs({
  name: 'bench:entities',
  about: 'Throughput of the entities stage alone and of its parts (encode, gazetteer, tag, recognise, dates, numbers, money, overlaps,\nmentions, stage), warm, on the seed articles repeated; wall clock and per CPU second.',
  options: {
    mb: {type: 'string', default: '5', check: 'number', description: 'megabytes of text each part is timed over'},
    runs: {type: 'string', default: '5', check: 'number', description: 'passes per part (the median is reported)'},
    only: {type: 'string', value: '<part>', description: 'time one part only (encode, gazetteer, tag, recognise, dates, numbers, money, overlaps, mentions, stage)'},
  },
  example: 'npm run bench:entities -- --mb 2 --only tag',
})
const targetBytes = Number(values.mb) * 1e6
const runs = Math.max(1, Number(values.runs))

interface Prepared {
  text: string
  bytes: number
  tokens: Token[]
  sentences: Span[]
  ends: number[]
  names: EntitySpan[]
  dates: EntitySpan[]
  resolved: EntitySpan[]
}

const corpus = new URL('../corpus/', import.meta.url)
const seeds = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, corpus), 'utf8'))
const prepared: Prepared[] = seeds.map((raw) => {
  const {text} = cleanText(raw)
  const tokens = findTokens(text)
  const sentences = findSentences(text, findParagraphs(text), tokens)
  const names = recogniseEntities(text, tokens, sentences)
  const dates = findDates(text)
  return {
    text,
    bytes: Buffer.byteLength(raw),
    tokens,
    sentences,
    ends: sentenceEndsOf(tokens, sentences),
    names,
    dates,
    resolved: resolveOverlaps(text, names, dates),
  }
})
const seedBytes = prepared.reduce((n, d) => n + d.bytes, 0)
const repeat = Math.max(1, Math.ceil(targetBytes / seedBytes))
const bytes = seedBytes * repeat

const tagger = shippedTagger()
// the tagger's internals, reached only here to time encoding apart from decoding
const inside = tagger as unknown as {types: TypeRegistry; gazetteer: Gazetteer; external: Gazetteer; scratch: DocumentScratch}
// lowercase forms, their ids and capitalisation per token, as encodeSpans hands them to the gazetteers
const gazetteerInput = new Map(
  prepared.map((d) => {
    const types = d.tokens.map((t) => inside.types.typeOfWord(inside.types.wordAt(d.text, t.start, t.end), false))
    return [
      d,
      {
        lower: types.map((t) => inside.types.lower[t]),
        ids: Int32Array.from(types, (t) => inside.types.lowerId[t]),
        capitalised: Uint8Array.from(types, (t) => inside.types.capitalised[t]),
      },
    ]
  }),
)
function markBoth(d: Prepared): number {
  const {lower, ids, capitalised} = gazetteerInput.get(d)!
  const a = new Uint32Array(lower.length)
  const b = new Uint32Array(lower.length)
  const nodesA = inside.types.firstNodes(inside.gazetteer)
  const nodesB = inside.types.firstNodes(inside.external)
  let start = 0
  for (const end of d.ends) {
    markGazetteer(inside.gazetteer, lower, capitalised, start, end, a, ids, nodesA)
    markGazetteer(inside.external, lower, capitalised, start, end, b, ids, nodesB)
    start = end
  }
  return a[0] + b[0]
}
const finders: EntityFinders = {recognise: (text, tokens, sentences, headline) => recogniseEntities(text, tokens, sentences, undefined, headline ?? null), findDates, findNumbers: findNumericEntities}
const stage = createEntities()

const parts: Record<string, (d: Prepared) => number> = {
  encode: (d) => encodeSpans(d.text, d.tokens, d.ends, inside.types, inside.gazetteer, inside.external, inside.scratch).length,
  gazetteer: markBoth,
  tag: (d) => tagger.tagSpans(d.text, d.tokens, d.ends).length,
  recognise: (d) => recogniseEntities(d.text, d.tokens, d.sentences).length,
  dates: (d) => findDates(d.text).length,
  numbers: (d) => findNumbers(d.text).length,
  money: (d) => findMoney(d.text).length,
  overlaps: (d) => resolveOverlaps(d.text, d.names, d.dates).length,
  mentions: (d) => resolveMentions(d.text, d.tokens, d.resolved).length,
  // the money finder runs inside these two parts, as it did when the entities stage found MONEY spans itself
  stage: (d) => findEntities(d.text, d.tokens, d.sentences, finders, true, true, findMoney(d.text)).length,
  'stage.run': (d) => {
    const doc = {id: 'x', text: d.text, tokens: d.tokens, sentences: d.sentences, money: findMoney(d.text)} as Parameters<typeof stage.run>[0]
    stage.run(doc, {warn() {}})
    return doc.entities?.length ?? 0
  },
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function measure(name: string, work: (d: Prepared) => number): {wall: number; cpu: number} {
  for (let r = 0; r < 3; r++) for (const d of prepared) work(d) // warm the JIT and the type cache
  const walls: number[] = []
  const cpus: number[] = []
  let sink = 0
  for (let run = 0; run < runs; run++) {
    const cpu0 = process.cpuUsage()
    const wall0 = performance.now()
    for (let r = 0; r < repeat; r++) for (const d of prepared) sink += work(d)
    const wall = (performance.now() - wall0) / 1000
    const cpu = process.cpuUsage(cpu0)
    walls.push(wall)
    cpus.push((cpu.user + cpu.system) / 1e6)
  }
  const wall = median(walls)
  const cpu = median(cpus)
  const mb = bytes / 1e6
  console.log(
    `${name.padEnd(10)} ${(mb / wall).toFixed(2).padStart(8)} MB/s wall ${(mb / Math.min(...walls)).toFixed(2).padStart(8)} best ` +
      `${(mb / cpu).toFixed(2).padStart(8)} MB/CPU-s   ${((wall * 1e6) / (prepared.length * repeat)).toFixed(1).padStart(8)} us/doc  (sink ${sink % 997})`,
  )
  return {wall, cpu}
}

console.log(
  `entities bench: ${prepared.length} seed documents (${seedBytes} bytes) repeated ${repeat}x = ${(bytes / 1e6).toFixed(2)} MB per pass, ` +
    `median of ${runs} passes, node ${process.version}`,
)
const results: Record<string, {wall: number; cpu: number}> = {}
for (const [name, work] of Object.entries(parts)) {
  if (values.only && !values.only.split(',').includes(name)) continue
  results[name] = measure(name, work)
}
if (results.tag && results.encode) {
  const mb = bytes / 1e6
  const wall = results.tag.wall - results.encode.wall
  const cpu = results.tag.cpu - results.encode.cpu
  console.log(`${'beam'.padEnd(10)} ${(mb / wall).toFixed(2).padStart(8)} MB/s wall ${(mb / cpu).toFixed(2).padStart(8)} MB/CPU-s   (tag - encode)`)
}
