// A small corpus for run-engine tests: the bundled seed articles, the regression inputs (SGML wire files too) and a few awkward
// inputs (transliterated names to link across documents, emoji, a binary file, bad JSONL lines).
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const root = new URL('../..', import.meta.url).pathname

/** Builds the corpus in a fresh temporary folder; `copies` > 1 repeats the seed articles under further names. */
export function buildTestCorpus(copies = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'lede-run-corpus-'))
  for (let copy = 0; copy < copies; copy++) cpSync(join(root, 'corpus'), join(dir, `seeds-${copy}`), {recursive: true})
  mkdirSync(join(dir, 'more'))
  for (const name of readdirSync(join(root, 'test/fixtures'))) {
    // a one-article fixture is a .txt; a corpus fixture (SGML wire files: several documents per file, ingest errors) a folder
    if (existsSync(join(root, 'test/fixtures', name, 'input.txt'))) writeFileSync(join(dir, 'more', `fixture-${name}.txt`), readFileSync(join(root, 'test/fixtures', name, 'input.txt')))
    else cpSync(join(root, 'test/fixtures', name, 'corpus'), join(dir, 'more', `fixture-${name}`), {recursive: true})
  }
  writeFileSync(join(dir, 'more', 'a-translit.txt'), 'Serhiy Kovalenko met Sergiy Kovalenko in Kyiv. "We agree," Kovalenko said.\n')
  writeFileSync(join(dir, 'more', 'b-translit.txt'), 'Sergey Kovalenko flew to Kiev on Monday, paying $5 million for 😀 tickets.\n')
  writeFileSync(join(dir, 'more', 'c-binary.txt'), '\u0000\u0001\u0002 not text')
  writeFileSync(join(dir, 'more', 'd-lines.jsonl'), '{"text": "Anna Petrenko said: \\"Yes.\\""}\nnot json\n{"id": "x1", "text": "The EU and the European Union agreed."}\n')
  return dir
}

/** The JSONL files of an output folder by name (manifest.json holds timings, so it is left out). */
export function outputFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
}
