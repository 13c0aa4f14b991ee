import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {codeHash} from '../../src/run/code-identity.ts'
import {identityDifference} from '../../src/run/redis.ts'

// a lede-shaped folder: sources, data files, the model, a dependency installed beside it, and files that run nothing
function tree(change: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'lede-code-'))
  const files: Record<string, string> = {
    'package.json': JSON.stringify({name: 'lede', version: '1.0.0', dependencies: {dep: '^2.0.0'}}),
    'node_modules/dep/package.json': JSON.stringify({name: 'dep', version: '2.1.0'}),
    'src/a.ts': 'export const a = 1\n',
    'src/run/b.ts': 'export const b = 2\n',
    'pipelines/news.ts': 'export default []\n',
    'models/given-names.txt': 'anna\n',
    'models/ner.bin': 'model',
    'README.md': '# lede\n',
    'test/a.test.ts': '',
    ...change,
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('codeHash', () => {
  const base = codeHash(tree())
  it.each([
    ['a source file edited', {'src/run/b.ts': 'export const b = 3\n'}, 'differs'],
    ['a source file added', {'src/c.ts': ''}, 'differs'],
    ['a pipeline edited', {'pipelines/news.ts': 'export default [1]\n'}, 'differs'],
    ['a data file in models/ edited', {'models/given-names.txt': 'anna\nbob\n'}, 'differs'],
    ['another version of a dependency installed', {'node_modules/dep/package.json': JSON.stringify({name: 'dep', version: '2.2.0'})}, 'differs'],
    ['package.json edited', {'package.json': JSON.stringify({name: 'lede', version: '1.0.1', dependencies: {dep: '^2.0.0'}})}, 'differs'],
    ['the NER model changed (hashed apart, as the model)', {'models/ner.bin': 'other model'}, 'same'],
    ['README edited', {'README.md': '# lede, edited\n'}, 'same'],
    ['a test added', {'test/b.test.ts': 'x'}, 'same'],
    ['nothing changed, another folder', {}, 'same'],
  ])('%s: %s', (_name, change, expected) => {
    expect(codeHash(tree(change)) === base ? 'same' : 'differs').toBe(expected)
  })

  it('is 12 hex digits for this lede', () => {
    expect(codeHash()).toMatch(/^[0-9a-f]{12}$/)
  })
})

describe('identityDifference', () => {
  it.each([
    ['lede 1.0.0 (code aaaaaaaaaaaa, model 111111111111)', 'lede 1.0.0 (code bbbbbbbbbbbb, model 111111111111)', /^the code \(sources/],
    ['lede 1.0.0 (code aaaaaaaaaaaa, model 111111111111)', 'lede 1.0.1 (code aaaaaaaaaaaa, model 222222222222)', /^the version and the NER model$/],
    // a worker of the lede before the code was part of the identity says only version and model
    ['lede 1.0.0 (model 111111111111)', 'lede 1.0.0 (code aaaaaaaaaaaa, model 111111111111)', /^the code/],
    ['an earlier lede (one that does not say its version)', 'lede 1.0.0 (code aaaaaaaaaaaa, model 111111111111)', null],
  ])('%s vs %s', (a, b, expected) => {
    const got = identityDifference(a, b)
    if (expected === null) expect(got).toBeNull()
    else expect(got).toMatch(expected)
  })
})
