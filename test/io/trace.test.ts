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

  it.each([
    ['LEDE_TRACE_MEMORY unset', undefined, undefined, [] as string[], 0],
    ['every 500 documents', '500', undefined, ['docs=500', 'docs=1004', 'docs=1500'], 0],
    ['every 500 documents, collecting first', '500', '1', ['docs=500', 'docs=1004', 'docs=1500'], 3],
  ])('memory marks with %s', async (_what, every, gc, expected, collections) => {
    const file = join(dir, 'memory.tsv')
    rmSync(file, {force: true})
    vi.stubEnv('LEDE_TRACE', file)
    if (every !== undefined) vi.stubEnv('LEDE_TRACE_MEMORY', every)
    else delete process.env.LEDE_TRACE_MEMORY
    if (gc !== undefined) vi.stubEnv('LEDE_TRACE_MEMORY_GC', gc)
    else delete process.env.LEDE_TRACE_MEMORY_GC
    const {traceMemory} = await import('../../src/io/trace.ts')
    let extraCalls = 0
    let collected = 0
    const extra = () => (extraCalls++, {wasm: 3 * 2 ** 20})
    const collect = () => void collected++
    // batches of 4 then 496 then 504 then 496: a mark when a batch passes a multiple of 500, not only when it lands on one
    for (const [before, done] of [[0, 4], [4, 500], [500, 1004], [1004, 1500], [1500, 1504]] as const) traceMemory('worker', before, done, extra, collect)
    let text = ''
    try {
      text = readFileSync(file, 'utf8')
    } catch {}
    const names = text === '' ? [] : text.trim().split('\n').map((line) => line.split('\t')[4]!)
    expect(names.map((n) => n.split(' ')[2])).toEqual(expected)
    // the extra counts are asked for only when a mark is written
    expect(extraCalls).toBe(expected.length)
    expect(collected).toBe(collections)
    for (const name of names) expect(name).toMatch(/^memory worker docs=\d+ rss=[\d.]+ heapTotal=[\d.]+ heapUsed=[\d.]+ external=[\d.]+ arrayBuffers=[\d.]+ physical=[\d.]+ malloced=[\d.]+ wasm=3\.0$/)
  })
})
