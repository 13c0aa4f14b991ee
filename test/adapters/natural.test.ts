import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {doubleMetaphone, jaroWinkler} from '../../src/adapters/natural.ts'

describe('natural adapter', () => {
  it.each([
    ['zelenski', 'zelenski', 1],
    ['martha', 'marhta', 0.961],
  ])('jaroWinkler(%s, %s) = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3)
  })

  it.each([
    ['Zelensky', 'SLNSK'],
    ['Smith', 'SM0'],
    ['', ''],
    ['123', ''],
  ])('doubleMetaphone(%s) primary = %s', (word, code) => {
    expect(doubleMetaphone(word)[0]).toBe(code)
  })

  it('prints nothing to stdout when imported', () => {
    const root = new URL('../../', import.meta.url)
    const script = "const m = await import('./src/adapters/natural.ts'); m.jaroWinkler('a', 'b'); m.doubleMetaphone('a'); console.error('loaded')"
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {cwd: root, encoding: 'utf8'})
    expect(run.stderr).toContain('loaded')
    expect(run.stdout).toBe('')
  })
})
