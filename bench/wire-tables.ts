/**
 * Wire tables: CoNLL-2003 documents holding sports results and standings tables (runs of two or more lines with two
 * or more figures each, as Reuters sent them in 1996) are laid out as 1990s wire copy lays them out, and the default
 * pipeline's entities are scored against the CoNLL gold on the table rows (exact span and label) and the rest:
 *
 *   - `lines`: as distributed, one sentence a line, single spaces (the baseline);
 *   - `aligned`: prose wrapped at 69 columns, paragraphs apart by a blank line; each table's columns aligned with
 *     spaces (names left, figures right, two spaces or more apart) and indented two columns, its rows one a line;
 *   - `indented`: prose wrapped at 69 columns with indented first lines and no blank lines (AP style), tables as in
 *     `aligned` but indented three columns like a paragraph's first line;
 *   - `tabs`: as `aligned`, cells apart by a tab.
 *
 * It also counts the table rows the layout joined to another line (a row read inside a paragraph of several lines),
 * and the entities that cross a cell's edge (a span over the gap between two cells) or a row's end.
 *
 *   npm run bench:wire-tables [-- --conll ../shared/conll2003/eng.testa]
 *
 * Only the training and development files (eng.train, eng.testa).
 */
import {existsSync, readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {failUsage, parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {DEFAULT_PIPELINE, PIPELINES} from '../pipelines/index.ts'
import {createDoc} from '../src/doc.ts'
import {readConll, type NerDocument} from '../tools/ner/conll.ts'
import {processDoc} from '../src/stage.ts'
import {mapCleanedOffsets} from '../tools/ner/conll-text.ts'

const SPEC = {
  name: 'bench:wire-tables',
  about: 'CoNLL-2003 documents with results and standings tables laid out as 1990s wire copy (aligned columns, tabs,\nindented paragraphs); entities scored against the CoNLL gold on the table rows and the rest.',
  options: {
    conll: {type: 'string', value: '<file>', default: new URL('../../shared/conll2003/eng.testa', import.meta.url).pathname, description: 'CoNLL-2003 file (eng.testa, or eng.train, which the tagger was trained on)'},
    examples: {type: 'string', default: '0', check: 'number', description: 'differences to print per layout'},
  },
  example: 'npm run bench:wire-tables -- --conll ../shared/conll2003/eng.testa --examples 5',
} satisfies ScriptSpec
const {values} = parseScriptArgs(SPEC)
// an allow-list: the bench reads the training or the development file and nothing else
if (!['eng.train', 'eng.testa'].includes(basename(values.conll!))) failUsage(SPEC, `reads only eng.train or eng.testa (got ${values.conll})`)
if (!existsSync(values.conll!)) {
  console.log(`bench:wire-tables: ${values.conll} not found`)
  process.exit(0)
}
const examples = Number(values.examples)

const NUMBER = /^[+-]?\d[\d.,:/-]*$/
const TYPES: Record<string, string> = {PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'}

/** A sentence's token range. */
interface Sentence {
  start: number
  end: number
}

/** A row of a table: two or more figures, no final stop, at most 24 tokens. */
function isRow(words: string[], s: Sentence): boolean {
  const n = s.end - s.start
  if (n < 3 || n > 24 || words[s.end - 1] === '.') return false
  let figures = 0
  for (let i = s.start; i < s.end; i++) if (NUMBER.test(words[i]!)) figures++
  return figures >= 2 && (NUMBER.test(words[s.end - 1]!) || words[s.end - 1] === ')')
}

/** The cells of a row: each figure its own cell, each run of other tokens one cell; token index ranges. */
function cellsOf(words: string[], s: Sentence): Sentence[] {
  const cells: Sentence[] = []
  for (let i = s.start; i < s.end; ) {
    let j = i + 1
    if (!NUMBER.test(words[i]!)) while (j < s.end && !NUMBER.test(words[j]!)) j++
    cells.push({start: i, end: j})
    i = j
  }
  return cells
}

type Layout = 'lines' | 'aligned' | 'indented' | 'tabs'
const LAYOUTS: Layout[] = ['lines', 'aligned', 'indented', 'tabs']

/** A document laid out: its text, each token's offsets, the rows' line ranges, and the gaps between cells. */
interface LaidOut {
  text: string
  tokens: Array<[number, number]>
  rows: Array<[number, number]>
  gaps: Array<[number, number]>
}

function wrapLine(parts: string[], width: number, indent: string): string[] {
  const lines: string[] = []
  let line = indent
  let fresh = true
  for (const part of parts) {
    if (!fresh && line.length + 1 + part.length > width) {
      lines.push(line)
      line = part
    } else line = fresh ? `${line}${part}` : `${line} ${part}`
    fresh = false
  }
  lines.push(line)
  return lines
}

function layOut(doc: NerDocument, layout: Layout): LaidOut {
  const {words} = doc
  const sentences: Sentence[] = []
  let s = 0
  for (const e of doc.sentenceEnds) {
    sentences.push({start: s, end: e})
    s = e
  }
  const row = sentences.map((x) => isRow(words, x))
  // a table is two or more rows in a row
  const inTable = row.map((r, i) => r && (row[i - 1] === true || row[i + 1] === true))
  const tokens: Array<[number, number]> = []
  const rows: Array<[number, number]> = []
  const gaps: Array<[number, number]> = []
  let text = ''
  for (let i = 0; i < sentences.length; ) {
    if (!inTable[i] || layout === 'lines') {
      const x = sentences[i]!
      const parts = words.slice(x.start, x.end)
      const lines = layout === 'lines' ? [parts.join(' ')] : wrapLine(parts, 69, layout === 'indented' ? '   ' : '')
      if (text !== '') text += layout === 'aligned' || layout === 'tabs' ? '\n\n' : '\n'
      // token offsets: walk the lines, matching tokens in order
      let at = text.length
      const block = lines.join('\n')
      let k = 0
      for (let t = x.start; t < x.end; t++) {
        const w = words[t]!
        k = block.indexOf(w, k)
        tokens[t] = [at + k, at + k + w.length]
        k += w.length
      }
      if (inTable[i]) rows.push([at, at + block.length])
      text += block
      i++
      continue
    }
    // a table: rows of like shape share column widths
    let j = i
    while (j < sentences.length && inTable[j]) j++
    const table = sentences.slice(i, j).map((x) => cellsOf(words, x))
    const widths = new Map<number, number[]>()
    for (const cells of table) {
      const w = widths.get(cells.length) ?? new Array<number>(cells.length).fill(0)
      cells.forEach((c, n) => (w[n] = Math.max(w[n]!, words.slice(c.start, c.end).join(' ').length)))
      widths.set(cells.length, w)
    }
    const indent = layout === 'indented' ? '   ' : '  '
    for (const [r, cells] of table.entries()) {
      // the table opens a paragraph (after a blank line where paragraphs are so apart); its rows follow one a line
      if (text !== '') text += r > 0 || layout === 'indented' ? '\n' : '\n\n'
      const lineStart = text.length
      text += indent
      const w = widths.get(cells.length)!
      cells.forEach((c, n) => {
        const cell = words.slice(c.start, c.end).join(' ')
        const figure = NUMBER.test(cell)
        if (n > 0) {
          const gapStart = text.length
          text += layout === 'tabs' ? '\t' : ' '.repeat(2 + (figure ? w[n]! - cell.length : 0))
          gaps.push([gapStart, text.length])
        }
        let k = text.length
        for (let t = c.start; t < c.end; t++) {
          tokens[t] = [k, k + words[t]!.length]
          k += words[t]!.length + 1
        }
        text += cell
        if (!figure && layout !== 'tabs' && n + 1 < cells.length) text += ' '.repeat(w[n]! - cell.length)
      })
      rows.push([lineStart, text.length])
    }
    i = j
  }
  return {text, tokens, rows, gaps}
}

const documents = readConll(readFileSync(values.conll!, 'utf8')).filter((doc) => {
  const sentences: Sentence[] = []
  let s = 0
  for (const e of doc.sentenceEnds) {
    sentences.push({start: s, end: e})
    s = e
  }
  return sentences.some((x, i) => isRow(doc.words, x) && sentences[i + 1] !== undefined && isRow(doc.words, sentences[i + 1]!))
})
const pipeline = PIPELINES[DEFAULT_PIPELINE]!.build()
const name = values.conll!.split('/').pop()
console.log(`${name}: ${documents.length} documents with a table (two or more rows of two or more figures); default pipeline "${DEFAULT_PIPELINE}"; entities exact span and label against the CoNLL gold`)
console.log('layout     rows  joined  table rows P / R / F          other lines P / R / F        across a cell  across a row')
const pct = (x: number) => (100 * x).toFixed(2)
const prf = (tp: number, fp: number, fn: number) => {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp)
  const r = tp + fn === 0 ? 0 : tp / (tp + fn)
  return `${pct(p)} / ${pct(r)} / ${pct(p + r === 0 ? 0 : (2 * p * r) / (p + r))}`
}
for (const layout of LAYOUTS) {
  let rowsAll = 0
  let joined = 0
  let crossCell = 0
  let crossRow = 0
  const score = {table: {tp: 0, fp: 0, fn: 0}, other: {tp: 0, fp: 0, fn: 0}}
  const shown: string[] = []
  for (const [d, nerDoc] of documents.entries()) {
    const laid = layOut(nerDoc, layout)
    const doc = processDoc(pipeline, createDoc({id: 'd', source: 'bench', text: laid.text}))
    const fatal = doc.messages.find((m) => m.fatal)
    if (fatal) throw new Error(`pipeline failed: ${fatal.message}`)
    // clean removes whole lines (a newsroom's signature): offsets are mapped back to the laid-out text
    const toInput = doc.text === laid.text ? (o: number) => o : mapCleanedOffsets(laid.text, doc.text)
    const paragraphs = doc.paragraphs!.map((p) => ({start: toInput(p.start), end: toInput(p.end - 1) + 1}))
    const entities = (doc.entities ?? []).map((e) => ({label: e.label, start: toInput(e.start), end: toInput(e.end - 1) + 1}))
    const inRow = (start: number) => laid.rows.some(([a, b]) => start >= a && start < b)
    rowsAll += laid.rows.length
    for (const [a, b] of laid.rows) {
      const paragraph = paragraphs.find((p) => p.start < b && p.end > a)
      if (paragraph !== undefined && (paragraph.start < a || paragraph.end > b)) {
        joined++
        if (shown.length < examples) shown.push(`  doc ${d} row joined: ${JSON.stringify(laid.text.slice(paragraph.start, paragraph.end).slice(0, 160))}`)
      }
    }
    const gold = new Set(nerDoc.entities.map((e) => `${laid.tokens[e.start]![0]}:${laid.tokens[e.end - 1]![1]}:${e.type}`))
    const predicted = new Set<string>()
    for (const e of entities) {
      const type = TYPES[e.label]
      if (type === undefined) continue
      predicted.add(`${e.start}:${e.end}:${type}`)
      // a name over a gap the bench made (a figure inside a team's name: `1860 Munich`, `Schalke 04`) is gold, not mixed
      if (!gold.has(`${e.start}:${e.end}:${type}`) && laid.gaps.some(([a, b]) => e.start < a && e.end > b)) {
        crossCell++
        if (shown.length < examples) shown.push(`  doc ${d} across a cell: ${type} ${JSON.stringify(laid.text.slice(e.start, e.end))}`)
      }
      if (laid.rows.some(([a, b]) => e.start >= a && e.start < b && e.end > b)) {
        crossRow++
        if (shown.length < examples) shown.push(`  doc ${d} across a row: ${type} ${JSON.stringify(laid.text.slice(e.start, e.end))}`)
      }
    }
    const say = (what: string, key: string) => {
      const [a, b, type] = key.split(':')
      if (shown.length < examples) shown.push(`  doc ${d} ${what}: ${type} ${JSON.stringify(laid.text.slice(Number(a), Number(b)))}`)
    }
    for (const key of predicted) {
      const row = inRow(Number(key.split(':')[0]))
      const s = score[row ? 'table' : 'other']
      if (gold.has(key)) s.tp++
      else {
        s.fp++
        say(row ? 'spurious in a row' : 'spurious', key)
      }
    }
    for (const key of gold) {
      if (predicted.has(key)) continue
      const row = inRow(Number(key.split(':')[0]))
      score[row ? 'table' : 'other'].fn++
      say(row ? 'missed in a row' : 'missed', key)
    }
  }
  console.log(
    `${layout.padEnd(9)} ${String(rowsAll).padStart(5)}  ${String(joined).padStart(6)}  ${prf(score.table.tp, score.table.fp, score.table.fn).padEnd(28)} ${prf(score.other.tp, score.other.fp, score.other.fn).padEnd(28)} ${String(crossCell).padStart(13)}  ${String(crossRow).padStart(12)}`,
  )
  for (const line of shown) console.log(line)
}
