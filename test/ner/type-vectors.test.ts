import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {baseLexicon} from '../../src/ner/lexicon.ts'
import {createSharedTypeMemory, SharedTypeTable} from '../../src/ner/shared-types.ts'
import {BUILT_TYPES_AFTER, NerTagger, TYPE_VECTOR_SIZE} from '../../src/ner/tagger.ts'
import {
  builtTypeTable,
  compactTypeTable,
  createBuiltTypeMemory,
  encodeTypeVectors,
  readTypeVectors,
  sharedBuiltTable,
  shippedTypeVectorKey,
  type BuiltTypes,
  type TypeVectorKey,
} from '../../src/ner/type-vectors.ts'
import {trainNer} from '../../tools/ner/train.ts'
import {syntheticDocuments} from './synthetic.ts'

const SIZE = 5
const KEY: TypeVectorKey = {model: 'a'.repeat(64), code: 'b'.repeat(64), node: 'v20.0.0', vectorSize: SIZE}
const vector = (seed: number) => Float32Array.from({length: SIZE}, (_, i) => seed + i / 8)
const folder = mkdtempSync(join(tmpdir(), 'lede-type-vectors-'))

// a table of a few types, compacted as the build does
function smallTable(): BuiltTypes {
  const table = new SharedTypeTable(createSharedTypeMemory(1 << 16), SIZE)
  ;['Paris', 'the', 'Smith', '\u{1D400}bc'].forEach((word, i) => table.write(word, i === 2, vector(i), 0, i))
  return compactTypeTable(table)
}

function fileOf(name: string, bytes: Uint8Array): string {
  const path = join(folder, name)
  writeFileSync(path, bytes)
  return path
}

describe('type-vector files', () => {
  it('read back as the table written, in shared memory', () => {
    const read = readTypeVectors(fileOf('whole.bin', encodeTypeVectors(smallTable(), KEY)), KEY) as BuiltTypes
    expect(read.memory).toBeInstanceOf(SharedArrayBuffer)
    expect(read.capacity).toBe(4)
    const table = new SharedTypeTable(read.memory, SIZE, read.capacity)
    expect(table.claimed).toBe(4)
    const into = new Float32Array(SIZE)
    expect(table.read('Smith', true, into, 0)).toBe(2)
    expect([...into]).toEqual([...vector(2)])
    expect(table.read('Smith', false, into, 0)).toBe(-1)
    expect(table.read('\u{1D400}bc', false, into, 0)).toBe(3)
  })

  it('are compacted into the same bytes whatever order the types were published in', () => {
    const one = new SharedTypeTable(createSharedTypeMemory(1 << 16), SIZE)
    const two = new SharedTypeTable(createSharedTypeMemory(1 << 17), SIZE)
    const words = Array.from({length: 40}, (_, i) => `w${i}`)
    words.forEach((word, i) => one.write(word, false, vector(i), 0, i % 4))
    ;[...words].reverse().forEach((word) => two.write(word, false, vector(Number(word.slice(1))), 0, Number(word.slice(1)) % 4))
    const [a, b] = [compactTypeTable(one), compactTypeTable(two)]
    expect(a.capacity).toBe(40)
    expect(Buffer.from(a.memory).equals(Buffer.from(b.memory))).toBe(true)
  })

  // a file made under any other key, or damaged in its framing, is never used: the run sums every type itself
  it.each([
    ['another model file', {...KEY, model: 'c'.repeat(64)}, (b: Uint8Array) => b, /another model/],
    ['another build of the sources', {...KEY, code: 'd'.repeat(64)}, (b: Uint8Array) => b, /another build/],
    ['another Node.js', {...KEY, node: 'v22.1.0'}, (b: Uint8Array) => b, /Node\.js/],
    ['another vector size', {...KEY, vectorSize: SIZE + 1}, (b: Uint8Array) => b, /floats/],
    ['cut short', KEY, (b: Uint8Array) => b.subarray(0, b.length - 3), /cut short/],
    ['a byte too many', KEY, (b: Uint8Array) => Buffer.concat([b, Buffer.from([0])]), /too long/],
    ['not this format', KEY, (b: Uint8Array) => Buffer.concat([Buffer.from('LEDETYP0'), b.subarray(8)]), /not a type-vector file/],
    ['a damaged header', KEY, (b: Uint8Array) => Buffer.concat([b.subarray(0, 12), Buffer.from('!'), b.subarray(13)]), /damaged header/],
    ['empty', KEY, () => new Uint8Array(0), /not a type-vector file/],
  ] as const)('refuses a file made from %s', (name, key, damage, reason) => {
    const bytes = damage(encodeTypeVectors(smallTable(), KEY))
    expect(readTypeVectors(fileOf(`${name}.bin`, bytes), key)).toMatch(reason)
  })

  it('refuses a missing file', () => {
    expect(readTypeVectors(join(folder, 'none.bin'), KEY)).toBe('no file')
  })

  it('are not looked for by code run from its sources (no build key)', () => {
    expect(shippedTypeVectorKey(TYPE_VECTOR_SIZE)).toBeNull()
    expect(builtTypeTable(TYPE_VECTOR_SIZE)).toBeNull()
  })
})

describe('NerTagger with built type vectors', () => {
  const docs = syntheticDocuments(24)
  const {model} = trainNer(docs, {seed: 1, epochs: 3, minCount: 1, folds: 3, lexicon: baseLexicon()})
  const expected = (() => {
    const alone = new NerTagger(model, {beam: 4, nameUnknown: true})
    return docs.map((doc) => alone.tagDocument(doc.words, doc.sentenceEnds))
  })()

  // the built table as the build makes it: a tagger's table over some words, compacted, written and read back
  function builtFrom(words: string[]): SharedTypeTable {
    const scratch = new SharedTypeTable(createSharedTypeMemory(1 << 22), TYPE_VECTOR_SIZE)
    new NerTagger(model, {sharedTypes: scratch}).tagDocument(
      words,
      words.map((_, i) => i + 1),
    )
    const key = {...KEY, vectorSize: TYPE_VECTOR_SIZE}
    const read = readTypeVectors(fileOf(`built-${words.length}.bin`, encodeTypeVectors(compactTypeTable(scratch), key)), key)
    const {memory, capacity} = read as BuiltTypes
    return new SharedTypeTable(memory, TYPE_VECTOR_SIZE, capacity)
  }

  it.each([
    ['every word of the documents', (words: string[]) => words],
    ['every other word', (words: string[]) => words.filter((_, i) => i % 2 === 0)],
    ['none of them', () => ['zzz']],
  ])('tags as a tagger of its own when the build made %s', (_, pick) => {
    const words = [...new Set(docs.flatMap((doc) => doc.words))].sort()
    const built = builtFrom(pick(words))
    // the types the tagger makes itself are the ones it publishes to a shared table: those the build did not make
    const shared = new SharedTypeTable(createSharedTypeMemory(1 << 22), TYPE_VECTOR_SIZE)
    const tagger = new NerTagger(model, {beam: 4, nameUnknown: true, builtTypes: built, sharedTypes: shared})
    expect(docs.map((doc) => tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual(expected)
    const made: string[] = []
    shared.forEach((word, caps) => {
      if (!caps) made.push(word)
    })
    const builtWords = new Set<string>()
    built.forEach((word) => builtWords.add(word))
    expect(made.filter((word) => builtWords.has(word))).toEqual([])
    expect(made.length + builtWords.size).toBeGreaterThanOrEqual(words.length)
  })

  it.each([
    ['a table', (table: SharedTypeTable) => () => table],
    ['none (no file, or one under another key)', () => () => null],
    ['a table of another vector size', () => () => new SharedTypeTable(createSharedTypeMemory(1 << 20), TYPE_VECTOR_SIZE + 1)],
  ])('reads the built vectors only after making BUILT_TYPES_AFTER types itself, and tags the same when the reader gives %s', (_, reader) => {
    const words = [...new Set(docs.flatMap((doc) => doc.words))].sort()
    const built = builtFrom(words)
    let calls = 0
    const read = reader(built)
    const tagger = new NerTagger(model, {beam: 4, nameUnknown: true, builtTypes: () => (calls++, read())})
    expect(docs.map((doc) => tagger.tagDocument(doc.words, doc.sentenceEnds))).toEqual(expected)
    // the synthetic documents have fewer types than that: never read
    expect(words.length).toBeLessThan(BUILT_TYPES_AFTER)
    expect(calls).toBe(0)
    // as many new types as that (numbers no document holds), then the documents again, in a fresh tagger
    const lazy = new NerTagger(model, {beam: 4, nameUnknown: true, builtTypes: () => (calls++, read())})
    const filler = Array.from({length: BUILT_TYPES_AFTER}, (_, i) => String(100000 + i))
    lazy.tagDocument(filler, [filler.length])
    expect(calls).toBe(1)
    expect(docs.map((doc) => lazy.tagDocument(doc.words, doc.sentenceEnds))).toEqual(expected)
    expect(calls).toBe(1)
  })

  it('refuses a built table of another vector size', () => {
    const table = new SharedTypeTable(createSharedTypeMemory(1 << 20), TYPE_VECTOR_SIZE + 1)
    expect(() => new NerTagger(model, {builtTypes: table})).toThrow(/floats per type/)
  })
})

describe('built type vectors shared by the threads of a pool', () => {
  const file = () => fileOf('shared.bin', encodeTypeVectors(smallTable(), KEY))

  it('are read once, by the first thread to ask, into the memory handed; the others view that memory', () => {
    const memory = createBuiltTypeMemory(1 << 16)
    let reads = 0
    const reader = (into: SharedArrayBuffer) => {
      reads++
      return readTypeVectors(file(), KEY, into)
    }
    const first = sharedBuiltTable(memory, SIZE, reader)
    const second = sharedBuiltTable(memory, SIZE, reader)
    expect(reads).toBe(1)
    expect(first).not.toBeNull()
    expect(second).not.toBeNull()
    const into = new Float32Array(SIZE)
    expect(second!.read('Smith', true, into, 0)).toBe(2)
    expect([...into]).toEqual([...vector(2)])
    expect(second!.read('the', false, into, 0)).toBe(1)
    expect(second!.claimed).toBe(4)
  })

  it('are none for every thread when the first one finds the file unusable, fails, or the memory is too small', () => {
    for (const reader of [
      () => 'no file',
      () => {
        throw new Error('disk gone')
      },
      (into: SharedArrayBuffer) => readTypeVectors(file(), KEY, into),
    ]) {
      const memory = createBuiltTypeMemory(reader.length === 1 ? 64 : 1 << 16)
      let reads = 0
      const counted = (into: SharedArrayBuffer) => {
        reads++
        return reader(into)
      }
      try {
        sharedBuiltTable(memory, SIZE, counted)
      } catch {
        // the failing reader's error reaches the first thread; the others go on without the table
      }
      expect(sharedBuiltTable(memory, SIZE, counted)).toBeNull()
      expect(reads).toBe(1)
    }
  })

  it('are none for a thread of another vector size', () => {
    const memory = createBuiltTypeMemory(1 << 16)
    expect(sharedBuiltTable(memory, SIZE, (into) => readTypeVectors(file(), KEY, into))).not.toBeNull()
    expect(sharedBuiltTable(memory, SIZE + 1, () => 'never called')).toBeNull()
  })

  it('are not read into memory too small for them', () => {
    expect(readTypeVectors(file(), KEY, new SharedArrayBuffer(64))).toBe('larger than the memory handed for it')
  })
})
