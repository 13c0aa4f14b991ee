import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {ModelArgError, readModelArg} from '../../../tools/ner/model-arg.ts'
import {POLNEAR_TRAIN_TEXT_DIR} from '../../../tools/ner/ner-set.ts'

/*
 * A model file named on a research script's command line (mix:ner's inputs, silver:ner's --model) that cannot be
 * used is one line naming the file and why, and the scripts' other bad arguments are refused before any work: no
 * Node stack trace (mix:ner and silver:ner printed fs's ENOENT and zlib's "incorrect header check" with their stacks,
 * and silver:ner --articles=-1 would write every eligible article: the loop stops only when the count is reached).
 */

const dir = mkdtempSync(join(tmpdir(), 'lede-model-arg-'))
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}
const folder = join(dir, 'a-folder')
mkdirSync(folder)
const empty = file('empty.bin', '')
const text = file('text.bin', 'not a model')
const gzippedText = file('gz.bin', gzipSync(Buffer.from('LEDENER9 something else')))
const cutShort = file('cut.bin', gzipSync(Buffer.from('LEDENER2 and more')).subarray(0, 12))
const SHIPPED = new URL('../../../models/ner.bin', import.meta.url).pathname

describe('readModelArg', () => {
  it.each([
    {what: 'a missing file', path: join(dir, 'missing.bin'), message: /cannot read the model ".*missing\.bin": no such file$/},
    {what: 'a folder', path: folder, message: /cannot read the model ".*a-folder": it is a folder$/},
    {what: 'an empty file', path: empty, message: /"[^"]*empty\.bin" is not a lede NER model this code reads \(the file is empty\)$/},
    {what: 'a text file', path: text, message: /"[^"]*text\.bin" is not a lede NER model this code reads \(incorrect header check\)$/},
    {what: 'gzip of something else', path: gzippedText, message: /"[^"]*gz\.bin" is not a lede NER model this code reads \(not a lede NER model file\)$/},
    {what: 'a file cut short', path: cutShort, message: /"[^"]*cut\.bin" is not a lede NER model this code reads/},
  ])('refuses $what with one line naming it', ({path, message}) => {
    expect(() => readModelArg(path)).toThrow(ModelArgError)
    expect(() => readModelArg(path)).toThrow(message)
  })

  it('reads the shipped model', () => {
    const {bytes, model} = readModelArg(SHIPPED)
    expect(bytes.length).toBeGreaterThan(0)
    expect(model.features.length).toBeGreaterThan(0)
  })
})

const script = (name: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {encoding: 'utf8'})
const haveShared = existsSync(POLNEAR_TRAIN_TEXT_DIR)

describe('mix:ner and silver:ner refuse bad arguments with one line and exit 2, before any work', () => {
  it.each([
    {name: 'mix-ner', args: ['--out', join(dir, 'o.bin'), join(dir, 'missing.bin'), SHIPPED], stderr: /^mix:ner: cannot read the model ".*missing\.bin": no such file$/},
    {name: 'mix-ner', args: ['--out', join(dir, 'o.bin'), text, SHIPPED], stderr: /^mix:ner: ".*text\.bin" is not a lede NER model this code reads \(incorrect header check\)$/},
    {name: 'mix-ner', args: ['--out', folder, SHIPPED, SHIPPED], stderr: /^mix:ner: --out .*a-folder is a folder: give the file to write$/m},
    {name: 'silver-ner', args: ['--model', SHIPPED, '--out', join(dir, 's1'), '--articles=-1'], stderr: /^silver:ner: --articles is a whole number of 1 or more, not "-1"$/m},
    {name: 'silver-ner', args: ['--model', SHIPPED, '--out', join(dir, 's2'), '--articles', '1.5'], stderr: /^silver:ner: --articles is a whole number of 1 or more, not "1\.5"$/m},
    {name: 'silver-ner', args: ['--model', SHIPPED, '--out', join(dir, 's5'), '--articles', '0'], stderr: /^silver:ner: --articles is a whole number of 1 or more, not "0"$/m},
    {name: 'silver-ner', args: ['--model', SHIPPED, '--out', text, '--articles', '1'], stderr: /^silver:ner: --out .*text\.bin is a file: give a folder that does not exist or is empty$/m},
    ...(haveShared
      ? [
          {name: 'silver-ner', args: ['--model', join(dir, 'missing.bin'), '--out', join(dir, 's3')], stderr: /^silver:ner: cannot read the model ".*missing\.bin": no such file$/},
          {name: 'silver-ner', args: ['--model', text, '--out', join(dir, 's4')], stderr: /^silver:ner: ".*text\.bin" is not a lede NER model this code reads \(incorrect header check\)$/},
        ]
      : []),
  ])('$name $args', ({name, args, stderr}) => {
    const run = script(name, ...args)
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toMatch(stderr)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.stdout).toBe('')
    expect(existsSync(join(dir, 'o.bin'))).toBe(false)
  })
})

/*
 * The other research commands that take a model file (score:ner-set, bench:ner --model, tools/ner/consistency-changes.ts)
 * went through loadModel and printed fs's or zlib's stack trace; they now read it first, before any data set is read.
 */
const run = (path: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path, ...args], {encoding: 'utf8'})

describe('score:ner-set, bench:ner and consistency-changes refuse a bad model file with one line and exit 2', () => {
  it.each([
    {name: 'score:ner-set', path: 'scripts/score-ner-set.ts', args: ['--model', join(dir, 'missing.bin')], stderr: /^score:ner-set: cannot read the model ".*missing\.bin": no such file$/},
    {name: 'score:ner-set', path: 'scripts/score-ner-set.ts', args: ['--model', empty], stderr: /^score:ner-set: ".*empty\.bin" is not a lede NER model this code reads \(the file is empty\)$/},
    {name: 'bench:ner', path: 'bench/ner.ts', args: ['--model', text], stderr: /^bench:ner: ".*text\.bin" is not a lede NER model this code reads \(incorrect header check\)$/},
    {name: 'bench:ner', path: 'bench/ner.ts', args: ['--model', folder], stderr: /^bench:ner: cannot read the model ".*a-folder": it is a folder$/},
    {name: 'consistency-changes', path: 'tools/ner/consistency-changes.ts', args: [cutShort], stderr: /^consistency-changes: ".*cut\.bin" is not a lede NER model this code reads/},
    {name: 'consistency-changes', path: 'tools/ner/consistency-changes.ts', args: [gzippedText], stderr: /^consistency-changes: ".*gz\.bin" is not a lede NER model this code reads \(not a lede NER model file\)$/},
  ])('$name $args', ({path, args, stderr}) => {
    const result = run(path, ...args)
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toMatch(stderr)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    // refused before any set was read or any header printed
    expect(result.stdout).toBe('')
  })
})
