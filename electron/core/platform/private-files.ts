import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

const POSIX = process.platform !== 'win32';

/**
 * Creates `dir` (and parents) readable by its owner only (0700 on POSIX) and tightens it if it
 * already exists looser. Windows: the per-user profile folder already keeps other users out.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/**
 * Makes sure `file` exists with mode 0600 (POSIX) before a library opens it, so it is never
 * world-readable even for an instant; an existing file is tightened. Never truncates.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  tighten(file, 0o600);
}

/** Tightens an existing file or folder to `mode`; a missing one is left alone. */
export function tighten(path: string, mode: number): void {
  if (!POSIX) return;
  try {
    if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
