// npm run bench:link [-- --docs 10000 --runs 3 --seed 7]
// 1. Scores the cross-document linker on test/link/pairs.json (pairs that must merge / must not), each pair
//    alone and all names pooled in one corpus, and lists every miss with the rule that fired.
// 2. Measures the news pipeline (no I/O) on the seed articles: CPU per document and entity mentions per document.
// 3. Times the linker on a synthetic corpus of entity lists at that density (people with romanisation variants, places,
//    organisations and acronyms, dates), and compares its CPU cost per document with the pipeline's.
import {readdirSync, readFileSync} from 'node:fs'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import type {EntityLabel} from '../src/doc.ts'
import {entityIdFor} from '../src/names/entity-id.ts'
import {GIVEN_NAME_GROUPS} from '../src/names/given-names.ts'
import {createLinker, type LinkInput} from '../src/link/linker.ts'
import {scorePairsIsolated, scorePairsPooled, type NamePair, type PairScore} from '../tools/link/score-pairs.ts'
import {createDoc} from '../src/doc.ts'
import {processDoc} from '../src/stage.ts'
import {PIPELINES} from '../pipelines/index.ts'
import {mulberry32} from '../tools/lib/random.ts'

const {values} = parseScriptArgs({
  name: 'bench:link',
  about:
    'The cross-document linker scored on test/link/pairs.json (each pair alone and all names pooled, every miss listed), the news\n' +
    "pipeline's CPU and mentions per document on the seed articles, and the linker timed on --docs synthetic documents at that density.",
  options: {
    docs: {type: 'string', default: '10000', check: 'number', description: 'synthetic documents for the linker timing'},
    runs: {type: 'string', default: '3', check: 'number', description: 'timed passes'},
    seed: {type: 'string', default: '7', check: 'number', description: 'seed of the synthetic documents'},
  },
  example: 'npm run bench:link -- --docs 2000 --runs 1',
})
const docCount = Number(values.docs)
const runs = Number(values.runs)

// ---------------------------------------------------------------- 1. name pairs
const {pairs} = JSON.parse(readFileSync(new URL('../test/link/pairs.json', import.meta.url), 'utf8')) as {pairs: NamePair[]}
const mustMerge = pairs.filter((p) => p.same).length
console.log(`name pairs: ${pairs.length} (${mustMerge} must merge, ${pairs.length - mustMerge} must not)`)

function report(mode: string, score: PairScore): void {
  const pass = score.precision >= 0.98 && score.recall >= 0.9 ? 'meets' : 'BELOW'
  console.log(
    `  ${mode.padEnd(8)} precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}  ` +
      `(tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives}, tn ${score.trueNegatives})  ${pass} the bar P >= 0.98, R >= 0.90`,
  )
  for (const miss of score.misses) {
    const kind = miss.same ? 'missed merge' : 'wrong merge '
    console.log(`    ${kind}  ${miss.label.padEnd(6)} ${miss.a} | ${miss.b}${miss.rule ? `  [${miss.rule}]` : ''}  (${miss.why ?? ''})`)
  }
}
report('isolated', scorePairsIsolated(pairs))
report('pooled', scorePairsPooled(pairs))

// ---------------------------------------------------------------- 2. the pipeline's own cost, and its mentions per document
// the news pipeline (clean, segment, entities, quotes, money; no I/O) on the seed articles, repeated for a steady figure
const corpusDir = new URL('../corpus/', import.meta.url)
const seeds = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, corpusDir), 'utf8'))
const pipeline = PIPELINES.news.build()
let seedMentions = 0
const pipelinePass = (): number => {
  let mentions = 0
  for (let i = 0; i < seeds.length; i++) mentions += processDoc(pipeline, createDoc({id: `seed-${i}`, source: `seed-${i}.txt`, text: seeds[i]})).entities?.length ?? 0
  return mentions
}
seedMentions = pipelinePass() // warm-up: model load and JIT
const passes = 40
let pipelineCpu = Infinity
for (let run = 0; run < Math.max(runs, 3); run++) {
  const {cpuMs} = timed(() => {
    for (let p = 0; p < passes; p++) pipelinePass()
  })
  pipelineCpu = Math.min(pipelineCpu, cpuMs / (passes * seeds.length))
}
const mentionsPerSeed = seedMentions / seeds.length

// ---------------------------------------------------------------- 3. synthetic corpus at the seeds' density
// seeded, so every run times the same corpus
const rand = mulberry32(Number(values.seed))
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]
// popular entities are mentioned far more often: a skewed pick
const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(rand() ** 2.5 * items.length)]

const ONSETS = ['k', 'h', 'sh', 'ch', 'z', 'zh', 'm', 'p', 'b', 't', 'd', 'l', 'r', 's', 'v', 'kr', 'hr', 'pr', 'st', 'kl', 'bor', 'lys', 'kov', 'mel', 'tym']
const VOWELS = ['a', 'o', 'e', 'y', 'i', 'u', 'ia', 'ie']
const ENDINGS = ['enko', 'chuk', 'ov', 'ev', 'in', 'skyi', 'yk', 'ych', 'ko', 'uk', 'ets', 'yn', 'iak', 'nyk', 'ovych']
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function surname(): string {
  let base = ''
  const syllables = 1 + Math.floor(rand() * 2)
  for (let i = 0; i < syllables; i++) base += pick(ONSETS) + pick(VOWELS)
  return capitalise(base + pick(ONSETS).slice(0, 1) + pick(ENDINGS))
}

/** One romanisation of a Ukrainian-style surname, as another outlet might write it. */
function variant(name: string): string {
  let out = name
  if (rand() < 0.3) out = out.replace(/y/g, 'i')
  if (rand() < 0.2) out = out.replace(/skyi$/, pick(['sky', 'skiy', 'skyy', 'ski']))
  // Ukrainian h is Russian g (not the h of ch, sh, zh, kh)
  if (rand() < 0.2) out = out.replace(/(?<![cszk])h/gi, 'g')
  if (rand() < 0.1) out = out.replace(/ia/g, 'ya')
  if (rand() < 0.1) out = out.replace(/ch/g, 'tch')
  return out
}

interface Person {
  given: readonly string[]
  surname: string
}
const people: Person[] = Array.from({length: 4000}, () => ({given: pick(GIVEN_NAME_GROUPS), surname: surname()}))
const places: string[][] = Array.from({length: 1200}, () => {
  const base = capitalise(pick(ONSETS) + pick(VOWELS) + pick(ONSETS) + pick(['iv', 'ov', 'sk', 'ino', 'ets', 'ka', 'ia']))
  return [base, variant(base)]
})
const ORG_HEADS = ['Ministry of', 'National Bank of', 'Institute of', 'Office of', 'Council of', 'Agency for', 'Union of']
const organisations: string[] = Array.from({length: 1500}, () => `${pick(ORG_HEADS)} ${capitalise(pick(ONSETS) + pick(VOWELS) + pick(ENDINGS))}`)
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const ROLES = ['President', 'Foreign Minister', 'Deputy Foreign Minister', 'spokesman', 'governor', 'mayor', 'analyst']

// one object shape for every mention, as records read by the run engine would have
function mention(docId: string, label: EntityLabel, canonical: string, role?: string): LinkInput {
  return {docId, label, canonical, entityId: entityIdFor(label, canonical), role}
}

// which synthetic person each provisional person id was generated from (the first, if two collide)
const truth = new Map<string, number>()

/** The entity lists of `count` documents, as the entities stage would hand them to the linker, about `perDoc` mentions each. */
function syntheticCorpus(count: number, perDoc: number): LinkInput[] {
  const mentions: LinkInput[] = []
  for (let d = 0; d < count; d++) {
    const first = mentions.length
    const docId = `doc-${d}`
    for (let p = 0; p < 8; p++) {
      const index = Math.floor(rand() ** 2.5 * people.length)
      const person = people[index]
      const full = `${pick(person.given)} ${variant(person.surname)}`
      mentions.push(mention(docId, 'PERSON', full, rand() < 0.4 ? pick(ROLES) : undefined))
      if (!truth.has(entityIdFor('PERSON', full))) truth.set(entityIdFor('PERSON', full), index)
      // later short mentions were resolved in the document to the full name already
      for (let k = Math.floor(rand() * 3); k > 0; k--) mentions.push(mention(docId, 'PERSON', full))
      if (rand() < 0.05) mentions.push(mention(docId, 'PERSON', variant(person.surname)))
    }
    for (let p = 0; p < 6; p++) mentions.push(mention(docId, 'LOC', pick(pickSkewed(places))))
    for (let p = 0; p < 4; p++) {
      const org = pickSkewed(organisations)
      mentions.push(mention(docId, 'ORG', rand() < 0.15 ? org.split(' ').map((w) => w.charAt(0).toUpperCase()).join('') : org))
    }
    mentions.push(mention(docId, 'DATE', `${pick(MONTHS)} ${1 + Math.floor(rand() * 28)}`))
    mentions.push(mention(docId, 'MISC', pick(['Ukrainian', 'Russian', 'European', 'American', 'Western'])))
    // news repeats its main names ("Ukraine" ten times): fill up to the density with repeats from this document
    const distinctInDoc = mentions.length - first
    for (let k = distinctInDoc; k < perDoc; k++) {
      const again = mentions[first + Math.floor(rand() * distinctInDoc)]
      mentions.push(mention(docId, again.label, again.canonical))
    }
  }
  return mentions
}

const corpus = syntheticCorpus(docCount, Math.round(mentionsPerSeed))
const distinct = new Set(corpus.map((m) => m.entityId)).size
console.log(`\nsynthetic corpus at the seeds' density: ${docCount} documents, ${corpus.length} mentions, ${distinct} distinct provisional ids`)

/** Wall and CPU milliseconds of one call (CPU time is steadier on a shared machine). */
function timed<T>(work: () => T): {value: T; wallMs: number; cpuMs: number} {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = work()
  const used = process.cpuUsage(cpu)
  return {value, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000}
}

let bestWall = Infinity
let bestCpu = Infinity
let result: ReturnType<ReturnType<typeof createLinker>['finish']> | undefined
let heapGrowth = 0
for (let run = 0; run < runs; run++) {
  const heapBefore = process.memoryUsage().heapUsed
  const run1 = timed(() => {
    const linker = createLinker()
    for (const m of corpus) linker.add(m)
    return linker.finish()
  })
  result = run1.value
  heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore)
  bestWall = Math.min(bestWall, run1.wallMs)
  bestCpu = Math.min(bestCpu, run1.cpuMs)
}
const merged = distinct - result!.index.length
console.log(
  `  linker (add + finish), best of ${runs}: ${bestWall.toFixed(0)} ms wall, ${bestCpu.toFixed(0)} ms CPU = ${(bestCpu / docCount).toFixed(3)} ms CPU/document, ` +
    `${Math.round((docCount / bestWall) * 1000)} documents/s; ${result!.index.length} final entities (${merged} provisional ids merged); heap growth ~${(heapGrowth / 1e6).toFixed(0)} MB`,
)

// pair precision/recall of the full-name person clusters against the generator's identities
const pairsOf = (n: number): number => (n * (n - 1)) / 2
const byCluster = new Map<string, Map<number, number>>()
const byTruth = new Map<number, number>()
for (const [id, person] of truth) {
  const final = result!.idMap.get(id)!
  const counts = byCluster.get(final) ?? new Map<number, number>()
  counts.set(person, (counts.get(person) ?? 0) + 1)
  byCluster.set(final, counts)
  byTruth.set(person, (byTruth.get(person) ?? 0) + 1)
}
let together = 0
let correct = 0
for (const counts of byCluster.values()) {
  let size = 0
  for (const n of counts.values()) {
    correct += pairsOf(n)
    size += n
  }
  together += pairsOf(size)
}
const should = [...byTruth.values()].reduce((sum, n) => sum + pairsOf(n), 0)
console.log(
  `  synthetic people (${truth.size} spellings of ${byTruth.size} generated people): pair precision ${(correct / together).toFixed(3)}, ` +
    `recall ${(correct / should).toFixed(3)} (generated by the variations the keys fold, so optimistic; the pair suite above is the honest measure)`,
)

const linkerPerDoc = bestCpu / docCount
console.log(
  `  news pipeline (no I/O) on the seed articles: ${pipelineCpu.toFixed(2)} ms CPU/document, ${mentionsPerSeed.toFixed(0)} entity mentions/document; ` +
    `linking adds ${linkerPerDoc.toFixed(3)} ms CPU/document = ${((100 * linkerPerDoc) / pipelineCpu).toFixed(1)}% ` +
    `(bar < 10%; reading and writing files only lowers the share)`,
)
