import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/platform/paths';
import { runWebHost } from './run-web-host';

declare const __RECADO_VERSION__: string;

const USAGE = 'Usage: npm run web -- [--port N] [--data DIR] [--verbose]';

/** `npm run web`: the whole app in a browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535. ${USAGE}`);
  // The bundle lives in dist/electron/; the renderer and the migrations sit beside it.
  const code = await runWebHost({
    dataDir: resolve(values.data ?? defaultDataDir()),
    migrationsDir: resolve(__dirname, '../../drizzle'),
    staticDir: resolve(__dirname, '../renderer'),
    version: __RECADO_VERSION__,
    port,
    verbose: values.verbose,
    test: { metaBaseUrl: process.env.RECADO_TEST_META_BASE_URL, resolveLocalhost: process.env.RECADO_TEST_RESOLVE_LOCALHOST === '1' },
  });
  if (code !== null) process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
