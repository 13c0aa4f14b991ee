import {describe, expect, it} from 'vitest'
import {adoptSharedTypes, createSharedTypeMemory, SharedTypeTable, sharedTypeTable} from '../../src/ner/shared-types.ts'
import {baseLexicon} from '../../src/ner/lexicon.ts'
import {NerTagger, TYPE_VECTOR_SIZE} from '../../src/ner/tagger.ts'
import {trainNer} from '../../tools/ner/train.ts'
import {syntheticDocuments} from './synthetic.ts'

const SIZE = 5
const vector = (seed: number) => Float32Array.from({length: SIZE}, (_, i) => seed + i / 8)

describe('SharedTypeTable', () => {
  it.each([
    ['a word never published', [], ['Paris', false], -1],
    ['a published word', [['Paris', false, 1, 2]], ['Paris', false], 2],
    ['the same word in an all-caps sentence is another type', [['Paris', false, 1, 2]], ['Paris', true], -1],
    ['the all-caps type beside the normal one', [['Paris', false, 1, 2], ['Paris', true, 3, 0]], ['Paris', true], 0],
    ['a word that is a prefix of a published one', [['Parisian', false, 1, 1]], ['Paris', false], -1],
    ['an empty word', [['', false, 4, 1]], ['', false], 1],
    ['a word with astral letters', [['\u{1D400}bc', false, 5, 3]], ['\u{1D400}bc', false], 3],
  ] as const)('%s', (_, writes, [word, caps], role) => {
    const table = new SharedTypeTable(new SharedArrayBuffer(1 << 16), SIZE)
    for (const [w, c, seed, r] of writes) expect(table.write(w, c, vector(seed), 0, r)).toBe(true)
    const into = new Float32Array(SIZE * 3).fill(-1)
    expect(table.read(word, caps, into, SIZE)).toBe(role)
    const written = writes.find(([w, c]) => w === word && c === caps)
    // copied into place, bit for bit; nothing else touched
    expect([...into.subarray(SIZE, 2 * SIZE)]).toEqual(written ? [...vector(written[2])] : new Array(SIZE).fill(-1))
    expect([...into.subarray(0, SIZE)]).toEqual(new Array(SIZE).fill(-1))
    expect([...into.subarray(2 * SIZE)]).toEqual(new Array(SIZE).fill(-1))
  })

  it('is read the same through another view of the memory (another thread), and a type published twice stays one', () => {
    const memory = new SharedArrayBuffer(1 << 16)
    const one = new SharedTypeTable(memory, SIZE)
    const two = new SharedTypeTable(memory, SIZE)
    const words = Array.from({length: 60}, (_, i) => `word${i}`)
    words.forEach((word, i) => expect(one.write(word, i % 2 === 0, vector(i), 0, i % 8)).toBe(true))
    const into = new Float32Array(SIZE)
    words.forEach((word, i) => {
      expect(two.read(word, i % 2 === 0, into, 0)).toBe(i % 8)
      expect([...into]).toEqual([...vector(i)])
      expect(two.read(word, i % 2 !== 0, into, 0)).toBe(-1)
    })
    expect(two.write('word3', false, vector(3), 0, 3)).toBe(true)
    expect(two.read('word3', false, into, 0)).toBe(3)
  })

  it('refuses types once full and still answers for those it holds', () => {
    const table = new SharedTypeTable(new SharedArrayBuffer(4096), SIZE)
    const fitted = Array.from({length: table.capacity + 5}, (_, i) => table.write(`w${i}`, false, vector(i), 0, 1))
    expect(fitted.filter(Boolean).length).toBe(table.capacity)
    expect(fitted.slice(table.capacity)).toEqual([false, false, false, false, false])
    const into = new Float32Array(SIZE)
    expect(table.read('w0', false, into, 0)).toBe(1)
    expect(table.read(`w${table.capacity}`, false, into, 0)).toBe(-1)
  })

  it('is laid out from the memory given, and the adopted memory is dropped for anything else', () => {
    expect(() => new SharedTypeTable(new SharedArrayBuffer(16), SIZE)).toThrow(/too small/)
    const memory = createSharedTypeMemory(1 << 20)
    adoptSharedTypes(memory)
    const table = sharedTypeTable(SIZE)!
    expect(table.capacity).toBeGreaterThan(1000)
    expect(sharedTypeTable(SIZE)).toBe(table)
    adoptSharedTypes(undefined)
    expect(sharedTypeTable(SIZE)).toBeNull()
  })
})

describe('NerTagger with a shared type table', () => {
  const docs = syntheticDocuments(24)
  const {model} = trainNer(docs, {seed: 1, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon()})

  it('tags as a tagger of its own, whether it makes the types or copies them from another', () => {
    const table = new SharedTypeTable(createSharedTypeMemory(1 << 22), TYPE_VECTOR_SIZE)
    const alone = new NerTagger(model, {beam: 4, nameUnknown: true})
    const first = new NerTagger(model, {beam: 4, nameUnknown: true, sharedTypes: table})
    const expected = docs.map((doc) => alone.tagDocument(doc.words, doc.sentenceEnds))
    expect(docs.map((doc) => first.tagDocument(doc.words, doc.sentenceEnds))).toEqual(expected)
    const published = table.claimed
    expect(published).toBeGreaterThan(50)
    // a second tagger (another thread's) finds every type there and publishes none
    const second = new NerTagger(model, {beam: 4, nameUnknown: true, sharedTypes: table})
    expect(docs.map((doc) => second.tagDocument(doc.words, doc.sentenceEnds))).toEqual(expected)
    expect(table.claimed).toBe(published)
  })

  it('refuses a table of another vector size', () => {
    const table = new SharedTypeTable(createSharedTypeMemory(1 << 20), TYPE_VECTOR_SIZE + 1)
    expect(() => new NerTagger(model, {sharedTypes: table})).toThrow(/floats per type/)
  })
})
