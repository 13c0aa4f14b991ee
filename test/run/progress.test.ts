import {describe, expect, it} from 'vitest'
import {describeProgress, formatDuration} from '../../src/run/progress.ts'

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [59.4, '00:59'],
    [61, '01:01'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [31_390, '8:43:10'],
    [-5, '00:00'],
    [Number.NaN, '--:--'],
    [Number.POSITIVE_INFINITY, '--:--'],
  ])('%s s reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})

describe('describeProgress', () => {
  const base = {documents: 10, rejected: 0, bytesDone: 2e6, bytesTotal: 10e6, elapsedMs: 2000, workers: 2, bytesAtStart: 0}
  it.each([
    ['a fresh run', base, '10 documents  20%  1.00 MB/s  ETA 00:08  2 workers'],
    // resumed at 1.5 MB: only the 0.5 MB this process did count for the rate, so the ETA is not near zero
    ['a resumed run', {...base, bytesAtStart: 1.5e6}, '10 documents  20%  0.25 MB/s  ETA 00:32  2 workers'],
    ['nothing done yet', {...base, bytesDone: 0}, '10 documents  0%  0.00 MB/s  ETA --:--  2 workers'],
    ['an archive', {...base, bytesDone: 1e9, bytesTotal: 30e9, elapsedMs: 1_000_000}, '10 documents  3%  1.00 MB/s  ETA 8:03:20  2 workers'],
    // rejected inputs are named apart, so the documents are the run summary's and the manifest's
    ['a run with rejected inputs', {...base, rejected: 4}, '10 documents, 4 rejected  20%  1.00 MB/s  ETA 00:08  2 workers'],
    ['an empty corpus', {...base, bytesDone: 0, bytesTotal: 0}, '10 documents  100%  0.00 MB/s  ETA --:--  2 workers'],
  ])('%s', (_name, progress, line) => {
    expect(describeProgress(progress)).toBe(line)
  })
})
