import { defineConfig } from 'vitest/config';

/** Smoke tests of the built bundles (`npm run build` first); run by `npm test`. */
export default defineConfig({
  test: {
    include: ['scripts/smoke/**/*.smoke.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
