import { resolve } from 'node:path';

/**
 * Real payloads live beside the repository in `../shared/fixtures/` (CI clones the repo with
 * shared/ next to it). `RECADO_FIXTURES` overrides the folder. Resolved from the working
 * directory (npm scripts run at the repository root) rather than `import.meta.url`, so the same
 * file loads under Vitest (ESM) and Playwright's CommonJS transform alike.
 */
export function sharedFixturesDir(kind: 'meta' | 'orders'): string {
  const base = process.env.RECADO_FIXTURES ?? resolve(process.cwd(), '..', 'shared', 'fixtures');
  return `${base}/${kind}`;
}
