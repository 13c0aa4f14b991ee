import {availableParallelism} from 'node:os'
import {configDefaults, defineConfig} from 'vitest/config'

// Files that replace a module with vi.mock run in a module graph of their own: with isolation off, a mock would
// reach the files after it in the same worker, and a module already loaded there would ignore the mock.
const ISOLATED = ['test/cli.test.ts', 'test/io/corpus-changes.test.ts']

export default defineConfig({
  test: {
    // a loaded 2-core machine (CI, or several runs at once) can be 10x slower than an idle one
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // vitest's default for `vitest run` is one fork fewer than the cores: ONE fork on CI's 2-core machine, so the test
    // files ran one after another while much of their time is spent waiting on the lede, redis-server and Chromium
    // processes they start. One fork per core (docs/architecture.md, "Test suite time")
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ISOLATED],
          // the other files share one module graph per worker: each file re-importing the pipeline (NER model,
          // lexicons, gazetteers) cost more CPU than most files' tests (docs/architecture.md, "Test suite time")
          isolate: false,
        },
      },
      {extends: true, test: {name: 'isolated', include: ISOLATED}},
    ],
  },
})
