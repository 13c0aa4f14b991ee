// The varied-news corpus of `npm run bench` and `npm run bench:distributed`, built in one place so the
// two benches time exactly the same documents in the same order.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {mulberry32} from './news-like.ts'

/** A corpus folder written for a bench, with what it holds. */
export interface VariedCorpus {
  dir: string
  bytes: number
  docs: number
  distinct: number
  texts: string[]
}

/** The `.txt` texts of `splits` (PolNeAR train+dev), replicated under distinct names until `mb` MB, in a seeded shuffled order. */
export function buildVariedCorpus(splits: readonly string[], mb: number, prefix: string): VariedCorpus {
  const sources: Array<{name: string; text: string}> = []
  for (const dir of splits) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) sources.push({name, text: readFileSync(join(dir, name), 'utf8')})
  }
  const items: Array<{name: string; text: string}> = []
  let bytes = 0
  for (let copy = 0; bytes < mb * 1e6; copy++) {
    for (const source of sources) {
      if (bytes >= mb * 1e6) break
      items.push({name: `r${copy}-${source.name}`, text: source.text})
      bytes += Buffer.byteLength(source.text)
    }
  }
  // Fisher-Yates with a fixed seed: the same corpus on every run and machine, copies spread apart
  const random = mulberry32(13)
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  const dir = mkdtempSync(join(tmpdir(), `${prefix}${mb}mb-`))
  for (const [position, item] of items.entries()) {
    const sub = join(dir, String(Math.floor(position / 1000)).padStart(3, '0'))
    if (position % 1000 === 0) mkdirSync(sub)
    // the position prefix makes lede's sorted reading order the shuffled order
    writeFileSync(join(sub, `${String(position).padStart(6, '0')}-${item.name}`), item.text)
  }
  return {dir, bytes, docs: items.length, distinct: sources.length, texts: items.map((i) => i.text)}
}

