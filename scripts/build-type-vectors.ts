// Run by `npm run build` from its bundle (dist/build-type-vectors.js, the same compiled code as the worker threads):
// sums the word-type vectors of the common words the shipped model knows (below) through the shipped tagger and
// writes them, as the memory of a table keyed to the model
// file, the sources and Node.js, to dist/type-vectors.bin (src/ner/type-vectors.ts; docs/scale.md, "Type vectors
// from the build").
import {writeFileSync} from 'node:fs'
import {loadModel} from '../src/ner/recognise.ts'
import {createSharedTypeMemory, SharedTypeTable} from '../src/ner/shared-types.ts'
import {NerTagger, TYPE_VECTOR_SIZE} from '../src/ner/tagger.ts'
import {compactTypeTable, encodeTypeVectors, shippedTypeVectorKey, TYPE_VECTORS_URL} from '../src/ner/type-vectors.ts'

const key = shippedTypeVectorKey(TYPE_VECTOR_SIZE)
if (key === null) throw new Error('build-type-vectors: run from the build (dist/build-type-vectors.js), not from the sources')
// the surface forms of the words the model's case priors know (every word of its training text seen often enough,
// lowercase, with the case it usually has there): as written in that case, and capitalised as at a sentence's start;
// then the digits, signs and punctuation marks a tokenizer gives as tokens of their own, and the numbers 0-2100
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
const forms = new Set<string>()
const model = loadModel()
for (const [word, usual] of model.casePrior) {
  if (usual === 'a') forms.add(word.toUpperCase())
  if (usual !== 'c' && usual !== 'a') forms.add(word)
  forms.add(capitalise(word))
}
for (let code = 0x21; code < 0x7f; code++) forms.add(String.fromCharCode(code))
for (const mark of ['\u2018', '\u2019', '\u201c', '\u201d', '\u2013', '\u2014', '\u2026', '\u00a3', '\u20ac']) forms.add(mark)
for (const clitic of ["'s", "'re", "'ve", "'ll", "'d", "'m", "n't"]) forms.add(clitic).add(clitic.replace("'", '\u2019'))
for (let n = 0; n <= 2100; n++) forms.add(String(n))
const words = [...forms].sort()
// a tagger of the shipped model (no built vectors: every type summed) publishes each new type's vector and role in a
// table as a pool thread does; one word per sentence, so no sentence is an all-caps headline
const scratch = new SharedTypeTable(createSharedTypeMemory(), TYPE_VECTOR_SIZE)
new NerTagger(model, {sharedTypes: scratch}).tagDocument(
  words,
  words.map((_, i) => i + 1),
)
// written again in word order into a table just large enough, so the file is the same whatever order the first kept
const built = compactTypeTable(scratch)
const entries = built.capacity
const bytes = encodeTypeVectors(built, key)
writeFileSync(TYPE_VECTORS_URL, bytes)
console.log(`lede build: ${entries} word-type vectors of ${words.length} words -> dist/type-vectors.bin (${(bytes.length / 1048576).toFixed(1)} MB)`)
