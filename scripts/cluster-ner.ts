/**
 * Learns the word-cluster table the recogniser's cluster features read, from unlabeled news text, and writes it
 * as `word<TAB>path<TAB>count` lines (tools/ner/clusters.ts says how).
 *   npm run cluster:ner -- --out /tmp/ner-clusters.tsv
 * Sources: the PolNeAR train and dev article texts (minus the dev articles the modern-news NER set annotates, so
 * that set stays unseen) and the words of CoNLL-2003 eng.train (its labels are not read). Never a test split.
 * Then: npm run train:ner -- --clusters /tmp/ner-clusters.tsv ... stores the table in the model.
 * This builds new tables. The shipped model's table (clusters B) is models/ner-clusters.tsv.gz, train:ner's default:
 * PolNeAR's texts are tokenised by the pipeline's segmenter, so its changes since f881b52 give a different table here
 * (540 tokens moved: sha256 prefix 4718175f5c9f05dd against B's 7fdda275711df6e4, docs/ner.md "Train, measure").
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {readConll} from '../tools/ner/conll.ts'
import {clusterWords, DEFAULT_CLUSTER_OPTIONS} from '../tools/ner/clusters.ts'
import {MODERN_SET_DIR} from '../tools/ner/ner-set.ts'
import {findTokens} from '../src/segment/segment-text.ts'

const shared = new URL('../../shared/', import.meta.url).pathname
const {values} = parseScriptArgs({
  name: 'cluster:ner',
  about:
    "Learns the word-cluster table the recogniser's cluster features read, from unlabeled news text (PolNeAR train and dev texts,\n" +
    'the words of CoNLL-2003 eng.train; never a test split), written as word<TAB>path<TAB>count lines. It builds new tables: the\n' +
    "PolNeAR texts go through the pipeline's segmenter, which has changed since the shipped model's table (clusters B, built at\n" +
    'f881b52), so today this gives a different table; B itself ships as models/ner-clusters.tsv.gz, train:ner\'s default --clusters.',
  options: {
    out: {type: 'string', required: true, value: '<clusters.tsv>', description: 'where the table is written'},
    polnear: {type: 'string', value: '<dir>[,<dir>]', default: `${join(shared, 'polnear/train/text')},${join(shared, 'polnear/dev/text')}`, description: 'PolNeAR text folders'},
    conll: {type: 'string', value: '<eng.train>', default: join(shared, 'conll2003/eng.train'), description: 'CoNLL-2003 file (words only)'},
    'min-count': {type: 'string', default: String(DEFAULT_CLUSTER_OPTIONS.minCount), check: 'number', description: 'least count of a clustered word'},
    'min-leaf': {type: 'string', default: String(DEFAULT_CLUSTER_OPTIONS.minLeaf), check: 'number', description: 'least words in a cluster leaf'},
    dims: {type: 'string', default: String(DEFAULT_CLUSTER_OPTIONS.dims), check: 'number', description: 'context vector dimensions'},
    window: {type: 'string', default: String(DEFAULT_CLUSTER_OPTIONS.window), check: 'number', description: 'context window in words'},
  },
  example: 'npm run cluster:ner -- --out /tmp/ner-clusters.tsv',
})
// only the development splits may feed the clusters: an allow-list, so no held-out split can slip in under another name
const allowed = /(^|\/)(polnear\/(train|dev)(\/text)?|conll2003\/eng\.(train|testa))\/?$/
const sources = [...values.polnear.split(','), ...values.conll.split(',')].filter(Boolean)
for (const source of sources) {
  if (!allowed.test(source)) {
    console.error(`refusing ${source}: clusters are learned from the development splits only (polnear/train, polnear/dev, conll2003/eng.train, eng.testa)`)
    process.exit(2)
  }
  if (!existsSync(source)) {
    console.error(`${source} does not exist (../shared is needed to learn clusters)`)
    process.exit(1)
  }
}
// the modern-news NER set annotates some PolNeAR dev articles: keep them out so the set stays unseen text
const modern = new Set(
  readdirSync(join(MODERN_SET_DIR, 'polnear/gold')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')),
)
const started = performance.now()
const documents: string[][] = []
let skipped = 0
for (const dir of values.polnear.split(',').filter(Boolean)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    if (modern.has(basename(file, '.txt'))) {
      skipped++
      continue
    }
    const text = readFileSync(join(dir, file), 'utf8')
    documents.push(findTokens(text).map((t) => text.slice(t.start, t.end)))
  }
}
const polnearDocs = documents.length
for (const file of values.conll.split(',').filter(Boolean)) {
  for (const doc of readConll(readFileSync(file, 'utf8'))) documents.push(doc.words)
}
const tokens = documents.reduce((n, d) => n + d.length, 0)
console.log(`${polnearDocs} PolNeAR articles (${skipped} modern-set articles left out), ${documents.length - polnearDocs} CoNLL documents, ${tokens} tokens`)
const options = {
  ...DEFAULT_CLUSTER_OPTIONS,
  minCount: Number(values['min-count']),
  minLeaf: Number(values['min-leaf']),
  dims: Number(values.dims),
  window: Number(values.window),
}
const entries = clusterWords(documents, options)
writeFileSync(values.out, entries.map((e) => `${e.word}\t${e.path}\t${e.count}`).join('\n') + '\n')
const leaves = new Set(entries.map((e) => e.path))
const depth = entries.reduce((n, e) => n + e.path.length, 0) / entries.length
console.log(`${entries.length} words in ${leaves.size} clusters (mean depth ${depth.toFixed(1)}), ${JSON.stringify(options)}; wrote ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
