import { acquireDataFolderLock, DataFolderLockedError, EXIT_FOLDER_IN_USE } from '../core/platform/data-folder-lock';
import { closeWithin, QUIT_TIMEOUT_MS } from '../core/platform/graceful-close';
import { openWebCore, type WebCoreOptions } from './open-web-core';
import { startWebHost } from './web-host';

export interface RunWebHostOptions {
  dataDir: string;
  migrationsDir: string;
  staticDir: string;
  version: string;
  port: number;
  verbose: boolean;
  /** Where the owner reads what happens (stdout / stderr). */
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Test-only hooks passed to the core (see open-web-core.ts). */
  test?: WebCoreOptions['test'];
}


/**
 * `npm run web` after argument parsing: takes the data folder's lock before anything touches the
 * database (so two starts never race the migrations), opens the core, serves it, starts the
 * background services, and on Ctrl+C / SIGTERM closes safely and says it stopped.
 * Resolves with the exit code when start-up fails; otherwise runs until a signal.
 */
export async function runWebHost(options: RunWebHostOptions): Promise<number | null> {
  const out = options.out ?? ((line) => console.log(line));
  const err = options.err ?? ((line) => console.error(line));
  let lock;
  try {
    lock = acquireDataFolderLock(options.dataDir, { host: 'web host' });
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) throw error;
    err(error.message);
    return EXIT_FOLDER_IN_USE;
  }
  const { core, logger } = openWebCore(options);
  const host = await startWebHost({ core, logger, staticDir: options.staticDir, port: options.port });
  // The same background services as the desktop app: webhook server, and the tunnel in live mode.
  await core.startServices();
  out(`Recado is running. Data folder: ${options.dataDir}`);
  out(`Open: ${host.url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    out(`Stopping Recado (${signal})…`);
    await host.close();
    const outcome = await closeWithin(() => core.close(), QUIT_TIMEOUT_MS);
    if (outcome === 'timed_out') out('A message was still being sent; it will show as unconfirmed and be checked at the next start.');
    lock.release();
    out('Recado stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('Ctrl+C'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return null;
}
