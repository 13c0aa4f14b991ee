/**
 * Reading word-cluster tables (`word<TAB>path[<TAB>count]` lines, as `npm run cluster:ner` and `cluster:embed`
 * write them), plain or gzip-compressed, and where the shipped model's table lives.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {gunzipSync} from 'node:zlib'

/**
 * The cluster table models/ner.bin was trained with (clusters B, sha256 prefix 7fdda275711df6e4 of the plain text),
 * shipped because `cluster:ner` on today's segmenter no longer rebuilds it: `train:ner`'s default `--clusters`.
 */
export const SHIPPED_CLUSTERS_URL = new URL('../../models/ner-clusters.tsv.gz', import.meta.url)

/** A parsed cluster table: word -> bit path, the sha256 prefix of its plain text, and its file name without `.gz`. */
export interface ClusterTable {
  table: Map<string, string>
  digest: string
  name: string
}

/** Parses a cluster table's text; throws on a line that is not `word<TAB>0/1 path[<TAB>...]`. */
export function parseClusterTable(text: string): Map<string, string> {
  const table = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (!line) continue
    const [word, path] = line.split('\t')
    if (!word || !path || !/^[01]+$/.test(path)) throw new Error(`not a cluster table line: ${JSON.stringify(line.slice(0, 80))}`)
    table.set(word, path)
  }
  return table
}

/**
 * Reads a cluster table file, gunzipping a `.gz` one. The digest and name are those of the plain table (the `.gz`
 * dropped), so a model trained from the compressed copy records the same metadata, byte for byte, as one trained
 * from the plain file.
 */
export function readClusterTable(file: string | URL): ClusterTable {
  const path = file instanceof URL ? file.pathname : file
  const raw = readFileSync(file)
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')
  return {
    table: parseClusterTable(text),
    digest: createHash('sha256').update(text).digest('hex').slice(0, 16),
    name: basename(path).replace(/\.gz$/, ''),
  }
}
