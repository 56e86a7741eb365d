import { fileURLToPath } from 'node:url';

/**
 * Real payloads live beside the repository in `../shared/fixtures/` (CI clones the repo with
 * shared/ next to it). `RECADO_FIXTURES` overrides the folder.
 */
export function sharedFixturesDir(kind: 'meta' | 'orders'): string {
  const base = process.env.RECADO_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));
  return `${base}/${kind}`;
}
