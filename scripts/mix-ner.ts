/**
 * Writes one NER model whose weights are the element-wise mean of several models trained on the same data with
 * different seeds (parameter mixing, docs/ner.md twenty-second round; tools/ner/mix.ts).
 *   npm run mix:ner -- --out /tmp/mix.bin a.bin b.bin c.bin d.bin
 * The same files in the same order give a byte-identical model.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {failUsage, parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {parseModel, serializeModel} from '../src/ner/model.ts'
import {MixError, mixModels} from '../tools/ner/mix.ts'

const spec = {
  name: 'mix:ner',
  about:
    'Writes one NER model whose weights are the element-wise mean of the given models\' (union of their features), which must\n' +
    'be trained on the same data (only the seed may differ). The same files in the same order give a byte-identical model.',
  options: {
    out: {type: 'string', required: true, value: '<file>', description: 'where the mixed model is written'},
  },
  positionals: '<model.bin> <model.bin> [<model.bin>...]',
  example: 'npm run mix:ner -- --out /tmp/mix.bin /tmp/s2.bin /tmp/s13.bin /tmp/s3.bin /tmp/s7.bin',
} satisfies ScriptSpec
const {values, positionals} = parseScriptArgs(spec)
if (positionals.length < 2) failUsage(spec, 'give two or more model files to mix')

const inputs = positionals.map((file) => {
  const bytes = readFileSync(file)
  const sha256 = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const model = parseModel(bytes)
  console.log(`${file}: ${model.features.length} features, ${bytes.length} bytes, sha256 ${sha256}`)
  return {model, sha256}
})
let bytes: Buffer
try {
  bytes = serializeModel(mixModels(inputs))
} catch (error) {
  if (!(error instanceof MixError)) throw error
  console.error(`mix:ner: ${error.message}`)
  process.exit(2)
}
mkdirSync(dirname(values.out), {recursive: true})
writeFileSync(values.out, bytes)
const kept = parseModel(bytes).features.length
console.log(`wrote ${values.out}: ${kept} features, ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`)
