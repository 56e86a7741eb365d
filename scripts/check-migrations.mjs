// Fails when the drizzle schema has changes that no migration in drizzle/ captures: runs
// `drizzle-kit generate` against a scratch copy of drizzle/ and checks it wrote nothing new.
// (drizzle-kit wants a relative `out`, so the scratch copy lives in the ignored .tmp/ folder.)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const scratchName = `.tmp/migration-check-${process.pid}`;
const scratch = join(root, scratchName);
mkdirSync(scratch, { recursive: true });
cpSync(join(root, 'drizzle'), join(scratch, 'drizzle'), { recursive: true });
const config = join(scratch, 'drizzle.config.ts');
writeFileSync(
  config,
  `export default { dialect: 'sqlite', schema: './electron/core/db/schema/index.ts', out: './${scratchName}/drizzle' };\n`,
);
const list = () => readdirSync(join(scratch, 'drizzle'), { recursive: true }).sort().join('\n');
try {
  const before = list();
  execFileSync(process.execPath, [join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', `--config=${config}`, '--name=pending'], {
    cwd: root,
    stdio: 'pipe',
  });
  if (list() !== before) {
    console.error('FAILED - drizzle/ is out of date: the schema changed without a migration. Run `npm run db:generate -- --name <change>`.');
    process.exit(1);
  }
  console.log('ok - drizzle/ matches the schema');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
