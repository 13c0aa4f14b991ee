import {configDefaults, defineConfig} from 'vitest/config'

// Files that replace a module with vi.mock run in a module graph of their own: with isolation off, a mock would
// reach the files after it in the same worker, and a module already loaded there would ignore the mock.
const ISOLATED = ['test/cli.test.ts']

export default defineConfig({
  test: {
    // a loaded 2-core machine (CI, or several runs at once) can be 10x slower than an idle one
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
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
