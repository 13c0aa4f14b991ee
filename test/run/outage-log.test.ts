import {describe, expect, it} from 'vitest'
import {createOutageLog} from '../../src/run/outage-log.ts'

// each step: [ms since start, 'error <message>' or 'ready']; the lines the log writes
describe('createOutageLog', () => {
  it.each([
    ['an error repeated every 2 s for 30 s is said once', [...Array.from({length: 15}, (_, i) => [i * 2000, 'error ECONNREFUSED'] as const)], ['error: ECONNREFUSED (retrying']],
    ['back after the loss: one line, with what was held back', [[0, 'error ECONNREFUSED'], [2000, 'error ECONNREFUSED'], [4000, 'error ECONNREFUSED'], [5000, 'ready']], ['error: ECONNREFUSED (retrying', 'connection back after 5 s (2 more']],
    ['a reminder once a minute while it lasts', Array.from({length: 70}, (_, i) => [i * 2000, 'error ECONNREFUSED'] as const), ['error: ECONNREFUSED (retrying', 'error: ECONNREFUSED (still, for 60 s; 29 more', 'error: ECONNREFUSED (still, for 120 s; 29 more']],
    ['another error while down is the same outage, the reminder says the latest', [[0, 'error Connection is closed.'], [2000, 'error ECONNREFUSED'], [60_000, 'error ETIMEDOUT']], ['error: Connection is closed. (retrying', 'error: ETIMEDOUT (still, for 60 s; 1 more']],
    ['ready with no loss says nothing', [[0, 'ready']], []],
    ['a second outage is said again', [[0, 'error ECONNREFUSED'], [1000, 'ready'], [5000, 'error ECONNREFUSED']], ['error: ECONNREFUSED (retrying', 'connection back after 1 s', 'error: ECONNREFUSED (retrying']],
  ] as Array<[string, ReadonlyArray<readonly [number, string]>, string[]]>)('%s', (_name, steps, expected) => {
    const lines: string[] = []
    let t = 0
    const outage = createOutageLog((line) => lines.push(line), {now: () => t})
    for (const [at, step] of steps) {
      t = at
      if (step === 'ready') outage.ready()
      else outage.error(step.slice('error '.length))
    }
    expect(lines.length).toBe(expected.length)
    lines.forEach((line, i) => expect(line.startsWith(expected[i]!)).toBe(true))
  })
})
