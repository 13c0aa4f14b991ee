/**
 * "What kind of name does this word look like?" A (tempered) naive Bayes classifier over character n-grams of
 * capitalised words (PER, ORG, LOC, MISC, or none), trained on the training file's capitalised words and
 * compromise's first and last names. It gives unseen names (say, transliterated surnames) evidence from how they are spelled.
 * For training words the classifier leaves the word itself out, so the feature is as reliable on training
 * text as it will be on new text.
 */
import {FNV_PRIME as KEY_PRIME, hashKey, KeyTable} from './key-table.ts'
import {NER_TYPES} from './tags.ts'

/** The classifier's classes: the four types, then "an ordinary word". */
export const NAME_CLASSES = [...NER_TYPES, 'O'] as const
const C = NAME_CLASSES.length
const MIN_N = 2
const MAX_N = 5
const SMOOTHING = 0.1
// a module-local copy: imported bindings can cost a getter call per access in hot code under some loaders
const FNV_PRIME = KEY_PRIME
// overlapping n-grams are far from independent: the evidence is averaged per n-gram and scaled by this instead
// of summed, which keeps posteriors usable as confidence (chosen on training-file words, not dev)
const EVIDENCE_SCALE = 2

/** Counts behind the classifier, as stored in the model file. */
export interface NameCounts {
  /** n-grams kept (seen at least twice), each with C counts in `counts` */
  ngrams: string[]
  counts: number[]
  /** words per class, and n-gram occurrences per class (all n-grams, kept or not) */
  words: number[]
  totals: number[]
  /** the n-grams in a table (id = index in `ngrams`), when the model file stores one (see KeyTable.thaw) */
  table?: KeyTable
  /** `counts` as the model file stores them, read in place */
  countTable?: Uint32Array
}

/** The table of {@link NameCounts.ngrams} a classifier looks n-grams up in (id = index); throws on a repeated n-gram. */
export function ngramTable(ngrams: readonly string[]): KeyTable {
  const table = new KeyTable(ngrams.length)
  ngrams.forEach((gram, i) => {
    if (table.add(gram) !== i) throw new Error(`name classifier: n-gram "${gram}" is listed twice`)
  })
  return table
}

/** The boundary-marked character n-grams of a lowercase word, each once. */
export function nameNgrams(lower: string): string[] {
  const marked = `^${lower}$`
  const out = new Set<string>()
  for (let n = MIN_N; n <= MAX_N; n++) {
    for (let i = 0; i + n <= marked.length; i++) out.add(marked.slice(i, i + n))
  }
  return [...out]
}

/** Counts n-grams of (lowercase word, class index) pairs; each distinct pair counts once. */
export function countNames(units: Iterable<{word: string; cls: number}>): NameCounts {
  const seen = new Set<string>()
  const table = new Map<string, number[]>()
  const words = new Array<number>(C).fill(0)
  const totals = new Array<number>(C).fill(0)
  for (const {word, cls} of units) {
    const key = `${cls}\t${word}`
    if (seen.has(key)) continue
    seen.add(key)
    words[cls]++
    for (const gram of nameNgrams(word)) {
      let row = table.get(gram)
      if (!row) table.set(gram, (row = new Array<number>(C).fill(0)))
      row[cls]++
      totals[cls]++
    }
  }
  const ngrams = [...table.keys()].filter((g) => table.get(g)!.reduce((a, b) => a + b, 0) >= 2).sort()
  return {ngrams, counts: ngrams.flatMap((g) => table.get(g)!), words, totals}
}

/** The classifier over stored counts. */
export class NameClassifier {
  // n-gram -> row, for classify with exclusions (training only): built on first use
  private rowsByGram: Map<string, number> | null = null
  private readonly logp = new Float64Array(C)
  // without exclusions every n-gram's per-class log likelihood is fixed: computed on the n-gram's first use (NaN
  // until then), since a thread tags many documents before it has met most of the n-grams
  private readonly gramLog: Float64Array
  private readonly denominators = new Float64Array(C)
  private readonly unseenLog = new Float64Array(C)
  private readonly priorLog = new Float64Array(C)
  // the kept n-grams again, found by slice without building the n-gram strings (row = id, as in `rows`)
  private readonly table: KeyTable
  // per row, the call of classifyFast that last counted it (each distinct n-gram counts once per word)
  private readonly seen: Int32Array
  private call = 0
  // start offsets of the n-grams of the current length the model never kept, for the same once-per-word rule
  private unseenStarts = new Int32Array(64)
  // the hash of every n-gram of the current word, by (n - MIN_N) * length + start: each start's n-grams are hashed
  // in one pass, each extending the one before by a character
  private gramHashes = new Int32Array(256)

  constructor(private readonly data: NameCounts) {
    this.table = data.table ?? ngramTable(data.ngrams)
    const grams = this.table.size
    this.seen = new Int32Array(grams)
    const vocabulary = grams + 1
    const allWords = data.words.reduce((a, b) => a + b, 0)
    this.gramLog = new Float64Array(grams * C).fill(NaN)
    for (let c = 0; c < C; c++) {
      const denominator = Math.log(data.totals[c] + SMOOTHING * vocabulary)
      this.denominators[c] = denominator
      this.unseenLog[c] = Math.log(SMOOTHING) - denominator
      this.priorLog[c] = data.words[c] > 0 ? Math.log(data.words[c] / allWords) : -Infinity
    }
  }

  // n-gram `row`'s per-class log likelihoods, at gramLog[row * C ...], computed on first use; the logarithms of the
  // small counts (nearly all) come from a table of the same Math.log values, made once per thread
  private fillGramLog(row: number): void {
    const counts = this.data.countTable ?? this.data.counts
    const logs = smoothedLogs()
    for (let c = 0; c < C; c++) {
      const count = counts[row * C + c]
      this.gramLog[row * C + c] = (count < SMALL_COUNTS ? logs[count] : Math.log(count + SMOOTHING)) - this.denominators[c]
    }
  }

  /**
   * The most likely class of `lower` and its posterior, after removing the word's own counts from the classes
   * in `exclude` (bit c = class c); null when no class has data.
   */
  classify(lower: string, exclude = 0): {cls: number; p: number} | null {
    if (exclude === 0) return this.classifyFast(lower)
    const {counts, words, totals} = this.data
    const vocabulary = this.data.ngrams.length + 1
    const grams = nameNgrams(lower)
    const allWords = words.reduce((a, b) => a + b, 0)
    for (let c = 0; c < C; c++) {
      const own = (exclude >> c) & 1
      const classWords = words[c] - own
      if (classWords <= 0) {
        this.logp[c] = -Infinity
        continue
      }
      const total = totals[c] - own * grams.length
      const denominator = Math.log(total + SMOOTHING * vocabulary)
      let evidence = 0
      for (const gram of grams) {
        const row = this.rows().get(gram)
        const count = row === undefined ? 0 : counts[row * C + c] - own
        evidence += Math.log(Math.max(0, count) + SMOOTHING) - denominator
      }
      this.logp[c] = Math.log(classWords / (allWords - bitCount(exclude))) + (EVIDENCE_SCALE * evidence) / grams.length
    }
    return posterior(this.logp)
  }

  private rows(): Map<string, number> {
    this.rowsByGram ??= new Map(this.data.ngrams.map((gram, i) => [gram, i]))
    return this.rowsByGram
  }

  // the same arithmetic as classify() with no exclusions, from precomputed logarithms; the n-grams are visited in
  // nameNgrams' order (by length, then position, first occurrences only) straight from the marked word
  private classifyFast(lower: string): {cls: number; p: number} | null {
    const marked = `^${lower}$`
    const length = marked.length
    const evidence = this.logp.fill(0)
    const call = ++this.call
    if (this.unseenStarts.length < length) this.unseenStarts = new Int32Array(length * 2)
    if (this.gramHashes.length < length * (MAX_N - MIN_N + 1)) this.gramHashes = new Int32Array(length * (MAX_N - MIN_N + 1) * 2)
    const unseenStarts = this.unseenStarts
    const hashes = this.gramHashes
    for (let i = 0; i + MIN_N <= length; i++) {
      let hash = hashKey(marked, i, i + MIN_N - 1)
      for (let n = MIN_N; n <= MAX_N && i + n <= length; n++) {
        hash = Math.imul(hash ^ marked.charCodeAt(i + n - 1), FNV_PRIME)
        hashes[(n - MIN_N) * length + i] = hash
      }
    }
    let grams = 0
    for (let n = MIN_N; n <= MAX_N; n++) {
      let unseen = 0
      for (let i = 0; i + n <= length; i++) {
        const row = this.table.findHashed(hashes[(n - MIN_N) * length + i], '', marked, i, i + n)
        if (row >= 0) {
          if (this.seen[row] === call) continue
          this.seen[row] = call
          if (Number.isNaN(this.gramLog[row * C])) this.fillGramLog(row)
          for (let c = 0; c < C; c++) evidence[c] += this.gramLog[row * C + c]
        } else {
          let repeated = false
          for (let u = 0; u < unseen && !repeated; u++) repeated = sameSlice(marked, unseenStarts[u], i, n)
          if (repeated) continue
          unseenStarts[unseen++] = i
          for (let c = 0; c < C; c++) evidence[c] += this.unseenLog[c]
        }
        grams++
      }
    }
    for (let c = 0; c < C; c++) evidence[c] = this.priorLog[c] + (EVIDENCE_SCALE * evidence[c]) / grams
    return posterior(evidence)
  }
}

// Math.log(count + SMOOTHING) of the counts below SMALL_COUNTS, made on first use (the same doubles Math.log gives)
const SMALL_COUNTS = 256
let smallCountLogs: Float64Array | null = null
function smoothedLogs(): Float64Array {
  if (smallCountLogs === null) {
    smallCountLogs = new Float64Array(SMALL_COUNTS)
    for (let count = 0; count < SMALL_COUNTS; count++) smallCountLogs[count] = Math.log(count + SMOOTHING)
  }
  return smallCountLogs
}

function sameSlice(text: string, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false
  return true
}

function posterior(logp: Float64Array): {cls: number; p: number} | null {
  let best = 0
  for (let c = 1; c < C; c++) if (logp[c] > logp[best]) best = c
  if (logp[best] === -Infinity) return null
  let sum = 0
  for (let c = 0; c < C; c++) sum += Math.exp(logp[c] - logp[best])
  return {cls: best, p: 1 / sum}
}

function bitCount(mask: number): number {
  let n = 0
  for (let m = mask; m !== 0; m &= m - 1) n++
  return n
}
