import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from './private-files';

export const LOCK_FILE = 'recado.lock';
/** Exit code of a host that found its data folder in use. */
export const EXIT_FOLDER_IN_USE = 3;
/** Held only while a stale lock is being replaced, so two starts cannot both replace it. */
const RECOVERY_FILE = 'recado.lock.recovering';
/** A recovery lock older than this was left by a process that died mid-recovery. */
const RECOVERY_STALE_MS = 10_000;
/** An empty lock file younger than this is being written by its creator, not abandoned. */
const JUST_CREATED_MS = 2_000;

export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ms since epoch). */
  since: number;
  /** Which host holds it: the desktop app or the web host. */
  host: string;
}

/** A second Recado on the same data folder: says which process holds it, in words. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Another Recado (${holder.host}, process ${holder.pid}, running since ${new Date(holder.since).toISOString()}) ` +
        `is already using the data folder ${dataDir}. Close it first, or start with another data folder.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; idempotent. Also runs on process exit. */
  release(): void;
}

export interface LockOptions {
  host: string;
  pid?: number;
  now?: () => number;
  /** Whether a process id is alive; defaults to signal 0 (works on Windows too). */
  isAlive?: (pid: number) => boolean;
}

/**
 * Takes the data folder for this process's life: one running Recado per folder, so two
 * dispatchers never send the same notifications and two starts never race the migrations.
 * Creates the folder (0700 on POSIX). Throws `DataFolderLockedError` naming the live holder; a
 * lock whose pid is gone is stale and replaced. The lock is released on exit.
 */
export function acquireDataFolderLock(dataDir: string, options: LockOptions): DataFolderLock {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: options.pid ?? process.pid, since: (options.now ?? Date.now)(), host: options.host };
  const isAlive = options.isAlive ?? processIsAlive;

  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreate(file, me)) return holdLock(file, me);
    const holder = readHolder(file);
    if (holder === null && Date.now() - mtimeOr(file, 0) < JUST_CREATED_MS) {
      // Created an instant ago and not written yet: its creator is alive; read it again.
      sleepSync(20);
      continue;
    }
    if (holder && holder.pid !== me.pid && isAlive(holder.pid)) throw new DataFolderLockedError(dataDir, holder);
    // Stale (or unreadable, or our own pid recorded by a previous life): replace it, one process at a time.
    replaceStale(dataDir, file, holder);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing. Is another Recado starting?`);
}

function holdLock(file: string, me: LockHolder): DataFolderLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    const holder = readHolder(file);
    if (holder && holder.pid === me.pid && holder.since === me.since) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  process.on('exit', release);
  return { file, release };
}

/** `wx` fails when the file exists, so exactly one of several simultaneous starts creates it. */
function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

function replaceStale(dataDir: string, file: string, seen: LockHolder | null): void {
  const recovery = join(dataDir, RECOVERY_FILE);
  let fd: number;
  try {
    fd = openSync(recovery, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is replacing it; a recovery lock left by a crash is cleared after a while.
    if (Date.now() - mtimeOr(recovery, Date.now()) > RECOVERY_STALE_MS) unlinkQuietly(recovery);
    sleepSync(20);
    return;
  }
  closeSync(fd);
  try {
    // Only remove the lock we judged stale: another start may have replaced it meanwhile.
    const now = readHolder(file);
    if (sameHolder(now, seen)) {
      const aside = `${file}.stale-${process.pid}`;
      renameSync(file, aside);
      unlinkQuietly(aside);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    unlinkQuietly(recovery);
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, since, host } = parsed as Record<string, unknown>;
    if (!Number.isInteger(pid) || typeof since !== 'number' || typeof host !== 'string') return null;
    return { pid: pid as number, since, host };
  } catch {
    return null;
  }
}

function sameHolder(a: LockHolder | null, b: LockHolder | null): boolean {
  return a === null ? b === null : b !== null && a.pid === b.pid && a.since === b.since;
}

/** Signal 0 checks existence only; EPERM means it exists but belongs to another user. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function mtimeOr(file: string, fallback: number): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return fallback;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
