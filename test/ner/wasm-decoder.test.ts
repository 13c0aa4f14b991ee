import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {baseLexicon} from '../../src/ner/lexicon.ts'
import {NerTagger, TYPE_VECTOR_SIZE} from '../../src/ner/tagger.ts'
import {measureDecoderMemory, wasmDecoderAvailable} from '../../src/ner/wasm-decoder.ts'
import {DEFAULT_BEAM, DEFAULT_CONSISTENCY, DEFAULT_EDGE_TRIM, DEFAULT_GIVEN_NAME_JOIN, DEFAULT_NAME_UNKNOWN, loadModel, sentenceEndsOf} from '../../src/ner/recognise.ts'
import {findParagraphs, findSentences, findTokens} from '../../src/segment/segment-text.ts'
import {trainNer} from '../../tools/ner/train.ts'
import {syntheticDocuments} from './synthetic.ts'

// the synthetic documents' words shuffled into sentences of random lengths, with unknown capitalised words, so that
// beams disagree, forced person retries happen and many tag sequences are scored
function scrambled(count: number, seed: number): {words: string[]; sentenceEnds: number[]}[] {
  let state = seed
  const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32)
  const pool = syntheticDocuments(12).flatMap((doc) => doc.words)
  const extra = ['Zorblat', 'Quennix', 'the', 'of', 'Mr.', 'said', '"', '(', 'Vrell', 'ACME', 'in', 'Kyiv']
  return Array.from({length: count}, () => {
    const words: string[] = []
    const sentenceEnds: number[] = []
    for (let s = 0, n = 1 + Math.floor(random() * 6); s < n; s++) {
      for (let t = 0, m = 1 + Math.floor(random() * 40); t < m; t++) words.push(random() < 0.15 ? extra[Math.floor(random() * extra.length)] : pool[Math.floor(random() * pool.length)])
      sentenceEnds.push(words.length)
    }
    return {words, sentenceEnds}
  })
}

describe.skipIf(!wasmDecoderAvailable())('the WebAssembly beam decoder', () => {
  const {model} = trainNer(syntheticDocuments(24), {seed: 1, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon()})
  const docs = [...syntheticDocuments(8), ...scrambled(60, 7)]

  it.each([
    ['beam 2', {beam: 2}],
    ['beam 4 with the unknown-name retry and consistency', {beam: 4, nameUnknown: true, consistency: true}],
    ['beam 8', {beam: 8, nameUnknown: true}],
    ['beam 64', {beam: 64}],
    ['greedy (stays in JavaScript)', {beam: 1}],
  ])('tags a synthetic model as the JavaScript decoder does: %s', (_, options) => {
    const js = new NerTagger(model, options)
    const wasm = new NerTagger(model, {...options, wasm: true})
    // the decoder is made for a beam search only
    expect((wasm as unknown as {wasm: unknown}).wasm === null).toBe(options.beam === 1)
    for (const doc of docs) expect(wasm.tagDocument(doc.words, doc.sentenceEnds)).toEqual(js.tagDocument(doc.words, doc.sentenceEnds))
  })

  it('counts a new decoder\'s linear memory in the memory trace, and only a decoder\'s', () => {
    const before = measureDecoderMemory()
    const js = new NerTagger(model, {beam: 4})
    expect(measureDecoderMemory()).toBe(before)
    const wasm = new NerTagger(model, {beam: 4, wasm: true})
    const memory = (wasm as unknown as {wasm: {exports: {memory: WebAssembly.Memory}}}).wasm.exports.memory
    expect(measureDecoderMemory() - before).toBeGreaterThanOrEqual(memory.buffer.byteLength)
    expect(memory.buffer.byteLength).toBeGreaterThan(0)
    js.tagDocument(docs[0]!.words, docs[0]!.sentenceEnds)
  })

  it('leaves a sentence beyond its capacity to the JavaScript decoder, with the same tags', () => {
    const words = scrambled(200, 3).flatMap((doc) => doc.words).slice(0, 5000)
    const js = new NerTagger(model, {beam: 4})
    const wasm = new NerTagger(model, {beam: 4, wasm: true})
    expect(words.length).toBe(5000)
    expect(wasm.tagDocument(words, [40, words.length])).toEqual(js.tagDocument(words, [40, words.length]))
  })

  it('starts its type cache over in the same WebAssembly memory with the vectors of a fresh cache', () => {
    // a long run outgrows the type cache (MAX_TYPES) and starts it over, the new cache's vectors written over the old
    // one's in the module's memory: an offset where a type has no known feature must read zeros, not what an earlier
    // type of the same number left there (the fuzz harness met the same text tagged otherwise after ~25,000 documents)
    type Inside = {resetCache(): void; types: {size: number; vectors: Float32Array}}
    const known = scrambled(20, 11)
    // made-up capitalised words, with combining accents, that the synthetic model knows few features of
    const odd = Array.from({length: 400}, (_, i) => `${String.fromCharCode(0x41 + (i % 26))}\u0301${String.fromCharCode(0x100 + i)}q${i % 7 === 0 ? '' : 'x'.repeat(i % 5)}`)
    const later = [{words: odd, sentenceEnds: [100, 200, 300, 400]}, ...scrambled(10, 12)]
    const wasm = new NerTagger(model, {beam: 4, wasm: true})
    for (const doc of known) wasm.tagDocument(doc.words, doc.sentenceEnds)
    ;(wasm as unknown as Inside).resetCache()
    const fresh = new NerTagger(model, {beam: 4})
    for (const doc of later) expect(wasm.tagDocument(doc.words, doc.sentenceEnds)).toEqual(fresh.tagDocument(doc.words, doc.sentenceEnds))
    const a = (wasm as unknown as Inside).types
    const b = (fresh as unknown as Inside).types
    expect(a.size).toBe(b.size)
    const floats = TYPE_VECTOR_SIZE * b.size
    expect(a.vectors.subarray(0, floats)).toEqual(b.vectors.subarray(0, floats))
  })

  it('tags the shipped model as the JavaScript decoder does, over the seed articles', () => {
    const shipped = loadModel()
    const options = {beam: DEFAULT_BEAM, nameUnknown: DEFAULT_NAME_UNKNOWN, consistency: DEFAULT_CONSISTENCY, givenNameJoin: DEFAULT_GIVEN_NAME_JOIN, edgeTrim: DEFAULT_EDGE_TRIM}
    const js = new NerTagger(shipped, options)
    const wasm = new NerTagger(shipped, {...options, wasm: true})
    const dir = join(import.meta.dirname, '../../corpus')
    const texts = readdirSync(dir).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(dir, name), 'utf8'))
    expect(texts.length).toBeGreaterThan(0)
    let named = 0
    for (const text of texts) {
      const tokens = findTokens(text)
      const ends = sentenceEndsOf(tokens, findSentences(text, findParagraphs(text), tokens))
      const expected = js.tagSpans(text, tokens, ends)
      named += expected.filter((tag) => tag !== 0).length
      expect(wasm.tagSpans(text, tokens, ends)).toEqual(expected)
    }
    expect(named).toBeGreaterThan(20)
  })
})
