// The web host as `npm run web` runs it, for the data-folder lock test (data-folder-lock.test.ts):
// the test bundles this file and starts several on one folder.
// argv: <dataDir> <migrationsDir> <staticDir>.
import { runWebHost } from '../run-web-host';

async function main(): Promise<void> {
  const [dataDir, migrationsDir, staticDir] = process.argv.slice(2);
  if (!dataDir || !migrationsDir || !staticDir) throw new Error('usage: web-host-child <dataDir> <migrationsDir> <staticDir>');
  const code = await runWebHost({ dataDir, migrationsDir, staticDir, version: '0.0.0-test', port: 0, verbose: false });
  if (code !== null) process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
