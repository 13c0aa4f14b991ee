/**
 * Writes one NER model whose weights are the element-wise mean of several models trained on the same data with
 * different seeds (parameter mixing, docs/ner.md twenty-second round; tools/ner/mix.ts).
 *   npm run mix:ner -- --out /tmp/mix.bin a.bin b.bin c.bin d.bin
 * The same files in the same order give a byte-identical model.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, statSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {failUsage, parseScriptArgs, type ScriptSpec} from '../tools/lib/script-args.ts'
import {parseModel, serializeModel} from '../src/ner/model.ts'
import {MixError, mixModels} from '../tools/ner/mix.ts'
import {ModelArgError, readModelArg} from '../tools/ner/model-arg.ts'

const spec = {
  name: 'mix:ner',
  about:
    'Writes one NER model whose weights are the element-wise mean of the given models\' (union of their features), which must\n' +
    'be trained on the same data (only the seed may differ). The same files in the same order give a byte-identical model.\n' +
    'The shipped models/ner.bin is the mix of four seeds (2, 13, 3, 7): its commands are in docs/ner.md, "Train, measure".',
  options: {
    out: {type: 'string', required: true, value: '<file>', description: 'where the mixed model is written'},
  },
  positionals: '<model.bin> <model.bin> [<model.bin>...]',
  example: 'npm run mix:ner -- --out /tmp/mix.bin /tmp/s2.bin /tmp/s13.bin /tmp/s3.bin /tmp/s7.bin',
} satisfies ScriptSpec
const {values, positionals} = parseScriptArgs(spec)
if (positionals.length < 2) failUsage(spec, 'give two or more model files to mix')
// checked before the inputs are read and mixed, not found by writeFileSync at the end (a stack trace)
if (existsSync(values.out) && statSync(values.out).isDirectory()) failUsage(spec, `--out ${values.out} is a folder: give the file to write`)

const inputs = positionals.map((file) => {
  let read
  try {
    read = readModelArg(file)
  } catch (error) {
    if (!(error instanceof ModelArgError)) throw error
    console.error(`mix:ner: ${error.message}`)
    process.exit(2)
  }
  const {bytes, model} = read
  const sha256 = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
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
try {
  mkdirSync(dirname(values.out), {recursive: true})
  writeFileSync(values.out, bytes)
} catch (error) {
  console.error(`mix:ner: cannot write ${values.out}: ${(error as Error).message}`)
  process.exit(1)
}
const kept = parseModel(bytes).features.length
console.log(`wrote ${values.out}: ${kept} features, ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`)
