/**
 * A check that a function's time grows linearly with its input, for inputs that once made a finder quadratic.
 * time(large) / time(small) is ~10 for a linear scan of a 10x longer input and ~100 for a quadratic one; the minimum
 * of several runs tames noise, and up to three attempts keep a linear scan from failing when another process takes the
 * core mid-measurement (seen at load ~12 on a shared 2-core machine), while a quadratic one gives ~100 on every attempt.
 * Runs are timed in CPU time (see bestTimeOf).
 */

/**
 * The best of up to five runs of `work(input)` in milliseconds of this process's CPU time (three when they already
 * took over 300 ms). CPU time, not wall time: at a load of 12-17 on the shared 2-core machine a run longer than the
 * scheduler's slice waited for a core several times over, so a linear scan of 2 M characters measured 11-33 ms of wall
 * time against 8 ms of CPU, and the 200 k one (shorter than a slice) none, giving ratios of 70-100 for linear code.
 */
function bestTimeOf<T>(work: (input: T) => unknown, input: T): number {
  let best = Infinity
  let spent = 0
  for (let run = 0; run < 5 && !(run >= 3 && spent > 300); run++) {
    const started = process.cpuUsage()
    work(input)
    const used = process.cpuUsage(started)
    const elapsed = (used.user + used.system) / 1000
    spent += elapsed
    best = Math.min(best, elapsed)
  }
  return Math.max(best, 0.05)
}

/** The lowest time ratio large / small over up to three attempts (stopping at the first below `bound`), after one warm-up run of each. */
export function measureGrowth<T>(work: (input: T) => unknown, small: T, large: T, bound = 30): number {
  // warm both sizes first so the JIT tier is the same for both measurements
  work(small)
  work(large)
  let ratio = Infinity
  for (let attempt = 0; attempt < 3 && ratio >= bound; attempt++) ratio = Math.min(ratio, bestTimeOf(work, large) / bestTimeOf(work, small))
  return ratio
}
