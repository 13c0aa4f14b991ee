// The linker's memory as an archive grows (issue 13): heap and array buffers of one linker, measured between two
// corpus sizes, so start-up and warm-up cancel out. Needs `node --expose-gc`.
//  1. per document: 40 names a document drawn from 20,000 organisations, one mention each (so each is a weakly named
//     name, remembered for the corpus labels): what the linker keeps for every document, however few names are new.
//  2. per distinct entity: 40 new organisation names a document, three mentions each (none weak), each with 39
//     co-occurring names: what the linker keeps for every distinct name.
//  3. with --block P: finish on P person names that share one blocking key (`Name<i> Surname<j>`, one document
//     each), which compares every pair of the block: 6,000 names are past the 2^24 pairs a Set can hold.
// Usage: npm run bench:link-memory [-- --docs 20000,80000 --entity-docs 5000,15000 --block 6000]
import {getHeapStatistics} from 'node:v8'
import {createLinker} from '../src/link/linker.ts'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

const {values} = parseScriptArgs({
  name: 'bench:link-memory',
  about: "The linker's memory per document (weakly named names) and per distinct entity, measured between two sizes.",
  options: {
    docs: {type: 'string', default: '20000,80000', check: 'numbers', description: 'two document counts for the per-document figure'},
    'entity-docs': {type: 'string', default: '5000,15000', check: 'numbers', description: 'two document counts for the per-entity figure (40 new names each)'},
    block: {type: 'string', default: '0', check: 'number', description: 'then time finish on this many person names sharing one blocking key (6000: past 2^24 pairs; minutes)'},
  },
  example: 'npm run bench:link-memory -- --docs 10000,40000',
})
const gc = (globalThis as {gc?: () => void}).gc
if (!gc) throw new Error('run with node --expose-gc (npm run bench:link-memory does)')
const used = () => {
  gc()
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
const K = 40

function measure(sizes: number[], mentionsOf: (d: number, k: number) => {id: string; name: string; mentions: number}): number {
  const linker = createLinker()
  let d = 0
  const add = (upTo: number) => {
    for (; d < upTo; d++) {
      const list: Array<string | number> = []
      for (let k = 0; k < K; k++) {
        const {id, name, mentions} = mentionsOf(d, k)
        list.push('ORG', id, mentions, 2, name, mentions, -1, -1)
      }
      linker.addDocument(d.toString(16).padStart(16, '0'), list)
    }
  }
  add(sizes[0]!)
  const before = used()
  add(sizes[1]!)
  return (used() - before) / (sizes[1]! - sizes[0]!)
}

// a fixed pseudo-random sequence: the same names on every run
let seed = 7
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const docs = values.docs.split(',').map(Number)
const perDoc = measure(docs, () => {
  const i = Math.floor(random() * 20000)
  return {id: `org:company-${i}`, name: `Company ${i}`, mentions: 1}
})
console.log(`per document: ${perDoc.toFixed(0)} bytes (${K} weakly named names a document, from ${docs[0]} to ${docs[1]} documents)`)
const entityDocs = values['entity-docs'].split(',').map(Number)
const perEntity = measure(entityDocs, (d, k) => ({id: `org:company-${d * K + k}`, name: `Company ${d * K + k}`, mentions: 3})) / K
console.log(`per distinct entity: ${perEntity.toFixed(0)} bytes (${K} new names a document, ${K - 1} co-occurring each, from ${entityDocs[0]! * K} to ${entityDocs[1]! * K} entities)`)
const limit = getHeapStatistics().heap_size_limit
console.log(`8 GB holds ${(8e9 / perEntity / 1e6).toFixed(1)} M distinct entities at this rate, or ${(8e9 / perDoc / 1e6).toFixed(0)} M documents' weak names; the main thread's heap limit here (${(limit / 2 ** 20).toFixed(0)} MiB) ${(limit / perEntity / 1e6).toFixed(1)} M entities`)

const people = Number(values.block)
if (people > 0) {
  const linker = createLinker()
  for (let d = 0; d < people; d++) {
    const name = `Name${d} Surname${(d * 7919) % people}`
    linker.addDocument(`doc-${d}`, ['PERSON', `person:${name.toLowerCase().replace(/ /g, '-')}`, 3, 2, name, 3, -1, -1])
  }
  const started = performance.now()
  try {
    const {index} = linker.finish()
    console.log(`${people} people in one block: finish ${((performance.now() - started) / 1000).toFixed(1)} s, ${index.length} entities`)
  } catch (error) {
    console.log(`${people} people in one block: finish failed after ${((performance.now() - started) / 1000).toFixed(1)} s: ${String(error)}`)
  }
}
