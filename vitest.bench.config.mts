import { defineConfig } from 'vitest/config';

/** `npm run bench`: speed and memory targets, printed per measurement, never part of `npm test`. */
export default defineConfig({
  test: {
    include: ['scripts/bench/**/*.bench.ts', 'electron/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    reporters: ['default'],
  },
});
