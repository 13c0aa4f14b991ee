import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {POLNEAR_DEV_TEXT_DIR, WEB_TEXT_FILE} from '../../../tools/ner/ner-set.ts'

// the script reads the dev set first, whose PolNeAR and web halves are texts in ../shared
const haveShared = existsSync(POLNEAR_DEV_TEXT_DIR) && existsSync(WEB_TEXT_FILE)
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ner-set.ts', ...args], {encoding: 'utf8'})

describe('npm run ner-set (skipped without ../shared)', () => {
  it.skipIf(!haveShared)('show finds a training article only with --training, and says so without it', () => {
    const without = run('show', 'a-08-fed-emergency-cut')
    expect(without.status).toBe(2)
    expect(without.stderr).toContain('add --training')
    const withIt = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ner-set.ts', 'show', 'a-08-fed-emergency-cut', '--training'], {encoding: 'utf8'})
    expect(withIt).toMatch(/^=== a-08-fed-emergency-cut \(written-train, \d+ mentions\)/m)
    expect(withIt).toContain('[[ORG|Federal Reserve]]')
  })

  it.skipIf(!haveShared)('names --training lists the training folders\' strings too, each with the articles that label it', () => {
    const out = run('names', '--training').stdout
    expect(out).toMatch(/^Federal Reserve\tORG \([^)]*a-08-fed-emergency-cut/m)
  })

  it.skipIf(!haveShared)('stats --docs prints one row per article', () => {
    const out = run('stats', '--docs').stdout
    expect(out).toMatch(/^a-08-fed-emergency-cut\s+1\s+\d+/m)
  })
})
