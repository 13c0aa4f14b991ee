import {cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../../pipelines/index.ts'
import {runCorpus} from '../../src/run/batch.ts'

const root = new URL('../..', import.meta.url).pathname

// the bundled seed articles, the regression inputs and a few awkward ones, so linking has names to join across documents
function buildCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lede-workers-'))
  cpSync(join(root, 'corpus'), join(dir, 'seeds'), {recursive: true})
  for (const name of readdirSync(join(root, 'test/fixtures'))) {
    writeFileSync(join(dir, `fixture-${name}.txt`), readFileSync(join(root, 'test/fixtures', name, 'input.txt')))
  }
  writeFileSync(join(dir, 'a-translit.txt'), 'Serhiy Kovalenko met Sergiy Kovalenko in Kyiv. "We agree," Kovalenko said.\n')
  writeFileSync(join(dir, 'b-translit.txt'), 'Sergey Kovalenko flew to Kiev on Monday, paying $5 million for 😀 tickets.\n')
  writeFileSync(join(dir, 'c-binary.txt'), '\u0000\u0001\u0002 not text')
  writeFileSync(join(dir, 'd-lines.jsonl'), '{"text": "Anna Petrenko said: \\"Yes.\\""}\nnot json\n{"id": "x1", "text": "The EU and the European Union agreed."}\n')
  return dir
}

function outputFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
}

describe('runCorpus with worker threads', () => {
  it('writes byte-identical JSONL with 0 (main thread), 1, 2 and 3 workers', async () => {
    const corpus = buildCorpus()
    const options = {defaultDollar: 'USD', link: true}
    const pipeline = PIPELINES.news!.build(options)
    const outputs: Array<Record<string, string>> = []
    for (const workers of [0, 1, 2, 3]) {
      const outDir = mkdtempSync(join(tmpdir(), `lede-workers-out-${workers}-`))
      const result = await runCorpus({corpusDir: corpus, outDir, pipeline, options, spec: {name: 'news', options}, workers})
      expect(result.exitCode).toBe(1)
      outputs.push(outputFiles(outDir))
    }
    expect(Object.keys(outputs[0]!)).toContain('entities-index.jsonl')
    expect(outputs[0]!['articles.jsonl']!.split('\n').length).toBeGreaterThan(8)
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0])
  })
})
