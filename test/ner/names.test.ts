import {describe, expect, it} from 'vitest'
import {countNames, NAME_CLASSES, nameNgrams, NameClassifier, type NameCounts} from '../../src/ner/names.ts'

// the classifier's arithmetic written out from nameNgrams, as the fast path must reproduce it bit for bit
function reference(data: NameCounts, lower: string): {cls: number; p: number} | null {
  const C = NAME_CLASSES.length
  const rows = new Map(data.ngrams.map((g, i) => [g, i]))
  const vocabulary = data.ngrams.length + 1
  const allWords = data.words.reduce((a, b) => a + b, 0)
  const grams = nameNgrams(lower)
  const logp: number[] = []
  for (let c = 0; c < C; c++) {
    const denominator = Math.log(data.totals[c] + 0.1 * vocabulary)
    let evidence = 0
    for (const gram of grams) {
      const row = rows.get(gram)
      evidence += row === undefined ? Math.log(0.1) - denominator : Math.log(data.counts[row * C + c] + 0.1) - denominator
    }
    logp.push((data.words[c] > 0 ? Math.log(data.words[c] / allWords) : -Infinity) + (2 * evidence) / grams.length)
  }
  let best = 0
  for (let c = 1; c < C; c++) if (logp[c] > logp[best]) best = c
  if (logp[best] === -Infinity) return null
  let sum = 0
  for (let c = 0; c < C; c++) sum += Math.exp(logp[c] - logp[best])
  return {cls: best, p: 1 / sum}
}

describe('NameClassifier', () => {
  const units = [
    ...['smith', 'smithson', 'johnson', 'jackson', 'anna', 'annabel', 'kowalski', 'nowak'].map((word) => ({word, cls: 0})),
    ...['acme', 'acmecorp', 'unilever', 'citibank', 'bankcorp'].map((word) => ({word, cls: 1})),
    ...['london', 'londonderry', 'berlin', 'dublin', 'lublin'].map((word) => ({word, cls: 2})),
    ...['the', 'then', 'there', 'banana', 'abba', 'aaaa'].map((word) => ({word, cls: 4})),
  ]
  const data = countNames(units)
  const classifier = new NameClassifier(data)

  it.each(['smith', 'banana', 'aaaaaa', 'abab', 'lublinski', 'a', 'zz', 'qqqqqq', 'übermann', 'ananas', 'unknownword'])(
    'classifies %s exactly as the written-out formula does (repeated n-grams count once)',
    (word) => {
      expect(classifier.classify(word)).toEqual(reference(data, word))
    },
  )

  it('gives the same answer when asked twice (per-word bookkeeping is reset)', () => {
    const first = classifier.classify('abab')
    classifier.classify('banana')
    expect(classifier.classify('abab')).toEqual(first)
  })
})
