// The foundation issue's bar on the seed gold: the news pipeline over corpus/, scored by lede eval
// against hand-written gold files (test/gold). These four articles are a smoke test, not a benchmark.
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {PIPELINES} from '../pipelines/index.ts'
import {evaluate} from '../src/eval/evaluate.ts'
import {runCorpus} from '../src/run/batch.ts'

const root = new URL('..', import.meta.url).pathname
type Report = Awaited<ReturnType<typeof evaluate>>

describe('seed corpus against the gold', () => {
  let report: Report
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'lede-seed-'))
    const run = await runCorpus({corpusDir: join(root, 'corpus'), outDir: out, pipeline: PIPELINES.news!.build()})
    expect(run.exitCode).toBe(0)
    report = await evaluate({goldDir: join(root, 'test/gold'), predDir: out})
  })

  it('scores every gold article', () => {
    expect(report.documents).toMatchObject({gold: 4, scored: 4, withoutPrediction: 0})
    expect(report.errors).toEqual([])
  })

  it('finds quotes with recall and precision >= 0.90 (exact span)', () => {
    expect(report.quotes!.exact.r).toBeGreaterThanOrEqual(0.9)
    expect(report.quotes!.exact.p).toBeGreaterThanOrEqual(0.9)
  })

  it('names the right speaker for >= 0.90 of the quotes', () => {
    expect(report.quotes!.speakerAcc.acc).toBeGreaterThanOrEqual(0.9)
  })

  it('gets money exactly: F1 1.0 with every amount and currency right', () => {
    expect(report.money!.exact.f).toBe(1)
    expect(report.money!.valueAcc.acc).toBe(1)
  })

  it('finds people with F1 >= 0.90 (exact span)', () => {
    expect(report.entities!.exact.perLabel.PERSON!.f).toBeGreaterThanOrEqual(0.9)
  })

  // the recogniser issue's bar: every person in the seeds, transliterated and unusual ones included
  it('finds every gold person with the exact span and label', () => {
    expect(report.entities!.exact.perLabel.PERSON!.r).toBe(1)
  })
})
