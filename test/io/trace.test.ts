import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'

describe('trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-trace-'))
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it.each([
    ['unset', undefined, false],
    ['empty', '', false],
    ['a file', join(dir, 'trace.tsv'), true],
  ])('with LEDE_TRACE %s, marks %s', async (_what, value, writes) => {
    const file = join(dir, 'trace.tsv')
    rmSync(file, {force: true})
    if (value !== undefined) vi.stubEnv('LEDE_TRACE', value)
    else delete process.env.LEDE_TRACE
    const {trace} = await import('../../src/io/trace.ts')
    trace('first')
    trace('second')
    let text = ''
    try {
      text = readFileSync(file, 'utf8')
    } catch {}
    if (!writes) return expect(text).toBe('')
    const lines = text.trim().split('\n').map((line) => line.split('\t'))
    expect(lines.map((l) => l[4])).toEqual(['first', 'second'])
    // wall ms since the epoch, thread id, thread CPU, process CPU: numbers, and the wall time does not go back
    for (const line of lines) expect(line.slice(0, 4).every((x) => Number.isFinite(Number(x)))).toBe(true)
    expect(Number(lines[1]![0])).toBeGreaterThanOrEqual(Number(lines[0]![0]))
  })
})
