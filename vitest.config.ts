import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a loaded 2-core machine (CI, or several runs at once) can be 10x slower than an idle one
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
})
