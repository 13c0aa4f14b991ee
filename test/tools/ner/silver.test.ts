import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {POLNEAR_DEV_TEXT_DIR, POLNEAR_TRAIN_TEXT_DIR} from '../../../tools/ner/ner-set.ts'
import {readTrainingGoldFolder} from '../../../tools/ner/train-gold.ts'
import {findSilverMentions, orderSilverCandidates, silverRoundTrips, writeSilverGold, type SilverMention} from '../../../tools/ner/silver.ts'

/*
 * Silver training gold for self-training (docs/ner.md, twenty-third round): a fixed draw of articles, tagged
 * mentions written as a gold file that the trainer's reader places back exactly, or not written at all.
 */

const TEXT = 'Paris Hilton flew to Paris on Monday. Paris said the Paris Agreement was signed in Paris, Texas.'
const at = (needle: string, nth = 0): {start: number; end: number} => {
  let from = -1
  for (let i = 0; i <= nth; i++) from = TEXT.indexOf(needle, from + 1)
  return {start: from, end: from + needle.length}
}

describe('orderSilverCandidates', () => {
  it.each([
    {names: ['a', 'b', 'c', 'd'], excluded: [], size: 4},
    {names: ['d', 'c', 'b', 'a'], excluded: ['b'], size: 3},
    {names: ['x'], excluded: ['x'], size: 0},
  ])('leaves out $excluded and orders by the hash of the name, whatever the input order', ({names, excluded, size}) => {
    const order = orderSilverCandidates(names, new Set(excluded))
    expect(order).toHaveLength(size)
    for (const e of excluded) expect(order).not.toContain(e)
    expect(orderSilverCandidates([...names].reverse(), new Set(excluded))).toEqual(order)
  })

  it('is a fixed order, not the alphabet', () => {
    // sha256("a") = ca97..., "b" = 3e23..., "c" = 2e7d..., "d" = 1882...
    expect(orderSilverCandidates(['a', 'b', 'c', 'd'], new Set())).toEqual(['d', 'c', 'b', 'a'])
  })
})

describe('writeSilverGold and silverRoundTrips', () => {
  const cases: {name: string; mentions: SilverMention[]}[] = [
    {name: 'no mention', mentions: []},
    {
      name: 'one string with two labels at different occurrences, and a longer string containing it',
      mentions: [
        {...at('Paris Hilton'), label: 'PER'},
        {...at('Paris', 1), label: 'LOC'},
        {...at('Paris', 2), label: 'PER'},
        {...at('Paris Agreement'), label: 'MISC'},
        {...at('Paris', 4), label: 'LOC'},
        {...at('Texas'), label: 'LOC'},
      ],
    },
    {name: 'an occurrence left untagged between tagged ones', mentions: [{...at('Paris', 1), label: 'LOC'}, {...at('Texas'), label: 'LOC'}]},
  ]
  it.each(cases)('$name: written with explicit occurrences and placed back exactly', ({mentions}) => {
    const gold = writeSilverGold('a.txt', TEXT, mentions)
    expect(gold).not.toBeNull()
    expect(gold!.entityLabels).toEqual(['PERSON', 'ORG', 'LOC', 'MISC'])
    for (const e of gold!.entities ?? []) expect(e.occurrences?.length).toBeGreaterThan(0)
    expect(silverRoundTrips(gold!, TEXT, mentions)).toBe(true)
  })

  it('refuses a mention whose edge is inside a word (the file could not say it)', () => {
    expect(writeSilverGold('a.txt', TEXT, [{start: 0, end: 3, label: 'PER'}])).toBeNull()
  })

  it('a gold file that places back differently from the mentions does not round-trip', () => {
    const mentions: SilverMention[] = [{...at('Texas'), label: 'LOC'}]
    const gold = writeSilverGold('a.txt', TEXT, mentions)!
    expect(silverRoundTrips(gold, TEXT, [{...at('Texas'), label: 'ORG'}])).toBe(false)
    expect(silverRoundTrips(gold, TEXT, [])).toBe(false)
  })
})

describe('findSilverMentions', () => {
  it("turns the tagging function's IOB2 tags on the pipeline's tokens into character spans", () => {
    const tag = (words: readonly string[]) => words.map((w, i) => (w === 'Paris' && words[i + 1] === 'Hilton' ? 'B-PER' : w === 'Hilton' ? 'I-PER' : w === 'Texas' ? 'B-LOC' : 'O'))
    const found = findSilverMentions('a', TEXT, tag)
    expect(found.map((m) => [TEXT.slice(m.start, m.end), m.label])).toEqual([
      ['Paris Hilton', 'PER'],
      ['Texas', 'LOC'],
    ])
  })

  it('gives the tagging function one sentence end per sentence of the segmenter', () => {
    let ends: readonly number[] = []
    findSilverMentions('a', TEXT, (words, sentenceEnds) => {
      ends = sentenceEnds
      return words.map(() => 'O')
    })
    expect(ends.length).toBe(2)
  })
})

describe('npm run silver:ner (skipped without ../shared)', () => {
  const haveShared = existsSync(POLNEAR_TRAIN_TEXT_DIR) && existsSync(POLNEAR_DEV_TEXT_DIR)
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/silver-ner.ts', ...args], {encoding: 'utf8'})

  it('refuses any text folder but the PolNeAR train texts', () => {
    const out = mkdtempSync(join(tmpdir(), 'silver-'))
    const refused = run('--model', 'models/ner.bin', '--out', join(out, 'x'), '--texts', POLNEAR_DEV_TEXT_DIR)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('PolNeAR train texts only')
  })

  it.skipIf(!haveShared)('writes the same folder twice, which the trainer reads as written gold', () => {
    const root = mkdtempSync(join(tmpdir(), 'silver-'))
    const first = run('--model', 'models/ner.bin', '--out', join(root, 'a'), '--articles', '2')
    const second = run('--model', 'models/ner.bin', '--out', join(root, 'b'), '--articles', '2')
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/wrote 2 articles/)
    const files = readdirSync(join(root, 'a', 'gold')).sort()
    expect(files).toHaveLength(2)
    for (const f of files) expect(readFileSync(join(root, 'b', 'gold', f), 'utf8')).toBe(readFileSync(join(root, 'a', 'gold', f), 'utf8'))
    expect(second.stdout.match(/sha256 \w+/)?.[0]).toBe(first.stdout.match(/sha256 \w+/)?.[0])
    const read = readTrainingGoldFolder(join(root, 'a', 'gold'))
    expect(read.kind).toBe('written')
    expect(read.docs).toHaveLength(2)
  })
})
