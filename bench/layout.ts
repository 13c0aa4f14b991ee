/**
 * Layout invariance: the same articles one paragraph a line (as distributed) and re-wrapped at 60 and 72 columns
 * with blank lines between paragraphs (as wire archives and text exports lay them out) go through the default
 * pipeline; the bench prints how far the entity records (label, text) and quote records (text, speaker) of the
 * wrapped runs agree with the unwrapped run. Agreement is the multiset F1 of the two runs' records (2|A∩B| /
 * (|A| + |B|)), with white space in record texts read as single spaces (a wrap leaves a newline inside a span).
 *
 *   npm run bench:layout [-- --polnear ../shared/polnear/dev --conll ../shared/conll2003/eng.testa]
 *
 * It also prints how the layout (findWraps, on the wrapped text as given) read the wrapper's line breaks: every single
 * newline the wrapper wrote is a wrap, every blank line a paragraph's end.
 *
 * With --hyphenate the wrapper also breaks long words with a hyphen at the line's end, as typesetting and some
 * archive exports do: a word that does not fit is split where the part with its hyphen fills the line (at least 3
 * letters on each side, and only after a vowel followed by a consonant, a rough syllable break); a compound
 * (`long-term`) may break after its own hyphen, as Python's textwrap does. Records are then compared with the
 * bench's own soft breaks read back (`Appropria-\ntions` as `Appropriations`, `long-\nterm` as `long-term`), so
 * a name counts as kept only when the run found it whole.
 *
 *   npm run bench:layout -- --hyphenate --widths 60,72
 *
 * With --hyphenate it also prints how the pipeline's `lineHyphens` layer read the wrapper's own breaks: words it
 * broke (should be joined) and compounds it broke after their hyphen (should keep it). --upper sets every text in
 * capitals first (as headlines and some wire archives are), to see how breaks in capitals are read.
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
import {findWraps} from '../src/segment/layout.ts'

const {values} = parseScriptArgs({
  name: 'bench:layout',
  about: 'Layout invariance: PolNeAR dev texts, CoNLL-2003 eng.testa documents and the seed articles one paragraph a line and\nre-wrapped at --widths columns go through the default pipeline; what differs is counted. Missing ../shared corpora are skipped.',
  options: {
    polnear: {type: 'string', value: '<dir>', default: new URL('../../shared/polnear/dev', import.meta.url).pathname, description: 'PolNeAR split folder'},
    conll: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname, description: 'CoNLL-2003 file'},
    widths: {type: 'string', default: '60,72', check: 'numbers', description: 'line widths to wrap at'},
    examples: {type: 'string', default: '0', check: 'number', description: 'differences to print per corpus'},
    hyphenate: {type: 'boolean', default: false, description: 'also break long words at line ends with a hyphen'},
    upper: {type: 'boolean', default: false, description: 'set every text in capitals first'},
  },
  example: 'npm run bench:layout -- --widths 60 --examples 3',
})
const widths = values.widths!.split(',').map(Number)
const examples = Number(values.examples)
const hyphenate = values.hyphenate === true
const upper = values.upper === true

/** A wrapped text and the lines that end in a hyphen the wrapper added. */
interface Wrapped {
  text: string
  softLines: Set<string>
  /** lines that end in a compound's own hyphen, broken there by the wrapper */
  compoundLines: Set<string>
  /** words broken with a hyphen, and compounds broken after their own hyphen */
  soft: number
  compound: number
}

const VOWEL = /[aeiouy]/i
const CONSONANT = /[b-df-hj-np-tv-z]/i

/** Where to split `word` so that its first part and a hyphen take at most `room` characters; -1 when nowhere. */
function softBreak(word: string, room: number): number {
  const letters = /^[A-Za-z]+/.exec(word)?.[0].length ?? 0
  if (letters < 8) return -1
  for (let at = Math.min(room - 1, letters - 3); at >= 3; at--) {
    if (VOWEL.test(word[at - 1]!) && CONSONANT.test(word[at]!)) return at
  }
  return -1
}

/**
 * Greedy word wrap (as `fold -s`, Python's textwrap and mail clients do): each paragraph its own block, blank lines
 * between. With `hyphens`, a compound that does not fit breaks after one of its hyphens when the part fits, and a
 * long word at the line's end is split with a hyphen (see the file's comment).
 */
export function rewrap(text: string, width: number, hyphens = false): Wrapped {
  const softLines = new Set<string>()
  const compoundLines = new Set<string>()
  let soft = 0
  let compound = 0
  let out = ''
  const paragraphs = text.split('\n').filter((line) => line.trim() !== '')
  for (const [p, paragraph] of paragraphs.entries()) {
    if (p > 0) out += '\n\n'
    let line = ''
    const flush = () => {
      out += `${line}\n`
    }
    for (let word of paragraph.trim().split(/[ \t]+/)) {
      while (line !== '' && line.length + 1 + word.length > width) {
        const room = width - line.length - 1
        let split = -1
        if (hyphens) {
          const dash = word.lastIndexOf('-', room - 1)
          if (dash > 0 && /[A-Za-z]/.test(word[dash - 1]!) && /[A-Za-z]/.test(word[dash + 1] ?? '')) {
            split = dash + 1
            line = `${line} ${word.slice(0, split)}`
            compoundLines.add(line)
            compound++
          } else if ((split = softBreak(word, room)) > 0) {
            line = `${line} ${word.slice(0, split)}-`
            softLines.add(line)
            soft++
          }
        }
        flush()
        if (split > 0) word = word.slice(split)
        line = ''
      }
      line = line === '' ? word : `${line} ${word}`
    }
    out += line
  }
  return {text: out, softLines, compoundLines, soft, compound}
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
  corpora.push({name: `CoNLL ${values.conll!.split('/').pop()}`, texts})
} else console.log(`CoNLL skipped: ${values.conll} not found`)
const seedDir = new URL('../corpus/', import.meta.url)
corpora.push({name: 'seeds (corpus/)', texts: readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, seedDir), 'utf8'))})

const pipeline = PIPELINES[DEFAULT_PIPELINE]!.build()
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()

/** Offsets of the hyphens in `text` that end a line in `softLines` (found by the line's content: clean may remove lines). */
function softOffsets(text: string, softLines: Set<string>): Set<number> {
  const offsets = new Set<number>()
  if (softLines.size === 0) return offsets
  let start = 0
  for (const line of text.split('\n')) {
    if (softLines.has(line)) offsets.add(start + line.length - 1)
    start += line.length + 1
  }
  return offsets
}

/** A record's text with white space read as single spaces and the wrapper's own soft hyphens taken out. */
function recordText(text: string, start: number, end: number, soft: Set<number>): string {
  let out = ''
  for (let i = start; i < end; i++) {
    if (soft.has(i)) {
      i++
      continue
    }
    out += text[i]
  }
  // a compound broken after its hyphen (a letter on each side) reads whole again
  return flat(out.replace(/(?<=\p{L})-\n(?=\p{L})/gu, '-'))
}

/** How the `lineHyphens` layer read the wrapper's breaks: soft breaks joined (of all), compound breaks kept (of all). */
interface HyphenReading {
  soft: number
  softJoined: number
  compound: number
  compoundKept: number
  /** the breaks read wrongly, with the words around them */
  wrong: string[]
}

function readHyphens(doc: {text: string; lineHyphens?: {start: number; end: number; join: boolean}[]}, wrapped: Wrapped): HyphenReading {
  const soft = softOffsets(doc.text, wrapped.softLines)
  const compound = softOffsets(doc.text, wrapped.compoundLines)
  const found = new Map((doc.lineHyphens ?? []).map((h) => [h.start, h]))
  const reading: HyphenReading = {soft: soft.size, softJoined: 0, compound: compound.size, compoundKept: 0, wrong: []}
  const around = (at: number) => doc.text.slice(Math.max(0, doc.text.lastIndexOf(' ', at - 1) + 1), doc.text.indexOf(' ', at + 2) < 0 ? doc.text.length : doc.text.indexOf(' ', at + 2)).replace(/\n/g, '\\n')
  for (const at of soft) {
    if (found.get(at)?.join === true) reading.softJoined++
    else reading.wrong.push(`word kept apart: ${around(at)}`)
  }
  for (const at of compound) {
    if (found.get(at)?.join === false) reading.compoundKept++
    else reading.wrong.push(`compound ${found.has(at) ? 'joined' : 'not read'}: ${around(at)}`)
  }
  return reading
}

function records(wrapped: Wrapped): {entities: string[]; quotes: string[]; paragraphs: number; hyphens: HyphenReading} {
  const doc = processDoc(pipeline, createDoc({id: 'd', source: 'bench', text: wrapped.text}))
  const fatal = doc.messages.find((m) => m.fatal)
  if (fatal) throw new Error(`pipeline failed: ${fatal.message}`)
  const soft = softOffsets(doc.text, wrapped.softLines)
  return {
    entities: (doc.entities ?? []).map((e) => `${e.label}\t${recordText(doc.text, e.start, e.end, soft)}`),
    quotes: (doc.quotes ?? []).map((q) => `${recordText(doc.text, q.start, q.end, soft)}\t${flat(q.speaker.name ?? q.speaker.mention)}`),
    paragraphs: doc.paragraphs?.length ?? 0,
    hyphens: readHyphens(doc, wrapped),
  }
}

/** How the layout read the wrapper's breaks: every single newline the wrapper wrote is a wrap, a blank line a paragraph's end. */
interface WrapReading {
  wraps: number
  found: number
  /** line breaks read as wraps that the wrapper did not write as one (a paragraph's end) */
  wrong: number
  /** documents with a wrap, and those read as wrapped */
  docs: number
  docsRead: number
}

function readWraps(text: string, into: WrapReading): void {
  const truth = new Set<number>()
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) if (text[at - 1] !== '\n' && text[at + 1] !== '\n') truth.add(at)
  const read = findWraps(text)
  into.wraps += truth.size
  if (truth.size > 0) into.docs++
  if (read.length > 0) into.docsRead++
  for (const at of read) {
    if (truth.has(at)) into.found++
    else into.wrong++
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
console.log(`default pipeline "${DEFAULT_PIPELINE}"${hyphenate ? ', long words hyphenated at line ends' : ''}${upper ? ', texts in capitals' : ''}; agreement of re-wrapped runs with the unwrapped run (multiset F1 of records)`)
console.log('corpus             docs  width  entities (unwrapped/wrapped)  agreement   quotes (unwrapped/wrapped)  agreement   paragraphs')
const started = performance.now()
for (const corpus of corpora) {
  if (upper) corpus.texts = corpus.texts.map((text) => text.toUpperCase())
  const base = corpus.texts.map((text) => records({text, softLines: new Set(), compoundLines: new Set(), soft: 0, compound: 0}))
  for (const width of widths) {
    let eBoth = 0, eA = 0, eB = 0, qBoth = 0, qA = 0, qB = 0, pA = 0, pB = 0, soft = 0, compound = 0
    const read: HyphenReading = {soft: 0, softJoined: 0, compound: 0, compoundKept: 0, wrong: []}
    const wrapReading: WrapReading = {wraps: 0, found: 0, wrong: 0, docs: 0, docsRead: 0}
    const shown: string[] = []
    for (const [i, text] of corpus.texts.entries()) {
      const rewrapped = rewrap(text, width, hyphenate)
      readWraps(rewrapped.text, wrapReading)
      soft += rewrapped.soft
      compound += rewrapped.compound
      const wrapped = records(rewrapped)
      const a = base[i]!
      eBoth += common(a.entities, wrapped.entities)
      eA += a.entities.length
      eB += wrapped.entities.length
      qBoth += common(a.quotes, wrapped.quotes)
      qA += a.quotes.length
      qB += wrapped.quotes.length
      pA += a.paragraphs
      pB += wrapped.paragraphs
      read.soft += wrapped.hyphens.soft
      read.softJoined += wrapped.hyphens.softJoined
      read.compound += wrapped.hyphens.compound
      read.compoundKept += wrapped.hyphens.compoundKept
      for (const x of wrapped.hyphens.wrong) if (read.wrong.length < examples) read.wrong.push(`  doc ${i} ${x}`)
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
    // the same in counts: records found alike in both runs, and the breaks the wrapper made inside words
    console.log(`${''.padEnd(31)}entities alike ${eBoth}, quotes alike ${qBoth}${hyphenate ? `; words broken with a hyphen ${soft}, compounds broken after their hyphen ${compound}` : ''}`)
    console.log(`${''.padEnd(31)}wraps read: ${wrapReading.found} of ${wrapReading.wraps}, ${wrapReading.wrong} paragraph ends read as wraps; documents read wrapped ${wrapReading.docsRead} of ${wrapReading.docs}`)
    if (hyphenate) console.log(`${''.padEnd(31)}line-end hyphens read: words joined ${read.softJoined} of ${read.soft}, compounds kept ${read.compoundKept} of ${read.compound}`)
    for (const line of shown.slice(0, examples)) console.log(line)
    for (const line of read.wrong) console.log(line)
  }
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
