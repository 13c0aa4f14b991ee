/**
 * Throughput of `clean` and `segment` (paragraphs + tokens + sentences) in MB/s of UTF-16 text.
 * Input: the seed corpus, plus PolNeAR's articles from ../shared when present. Usage: node --import tsx bench/segment.ts
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {cleanText} from '../src/clean/clean-text.ts'
import {findParagraphs, findSentences, findTokens} from '../src/segment/segment-text.ts'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

parseScriptArgs({
  name: 'bench:segment',
  about: 'Throughput of `clean` and `segment` (paragraphs + tokens + sentences) in MB/s of UTF-16 text, on the seed corpus plus\nPolNeAR articles from ../shared when present. Takes no options.',
  options: {},
  example: 'npm run bench:segment',
})

const root = new URL('..', import.meta.url)
const texts: string[] = []
const corpus = new URL('corpus/', root)
for (const name of readdirSync(corpus).sort()) if (name.endsWith('.txt')) texts.push(readFileSync(new URL(name, corpus), 'utf8'))
const polnear = new URL('../shared/polnear/', root)
if (existsSync(polnear)) {
  for (const split of ['train', 'dev']) {
    const dir = new URL(`${split}/text/`, polnear)
    for (const name of readdirSync(dir).sort()) texts.push(readFileSync(new URL(name, dir), 'utf8'))
  }
} else {
  console.log('../shared/polnear not found: measuring on the seed corpus only')
}
const chars = texts.reduce((sum, text) => sum + text.length, 0)
// at least ~20 MB of text per measurement, whatever the corpus size
const repeat = Math.max(1, Math.ceil(20e6 / chars))

function measure(label: string, work: (text: string) => number): void {
  for (const text of texts) work(text) // warm up the JIT
  const started = performance.now()
  let items = 0
  for (let r = 0; r < repeat; r++) for (const text of texts) items += work(text)
  const seconds = (performance.now() - started) / 1000
  const mb = (chars * repeat) / 1e6
  console.log(`${label.padEnd(22)} ${(mb / seconds).toFixed(1).padStart(7)} MB/s  (${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s, ${items / repeat} items per pass)`)
}

console.log(`${texts.length} documents, ${(chars / 1e6).toFixed(2)} M chars, repeated ${repeat}x`)
measure('clean (removed lines)', (text) => cleanText(text).removed.length)
measure('findParagraphs', (text) => findParagraphs(text).length)
measure('findTokens', (text) => findTokens(text).length)
measure('segment (sentences)', (text) => {
  const paragraphs = findParagraphs(text)
  const tokens = findTokens(text)
  return findSentences(text, paragraphs, tokens).length
})
