import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningChild {
  proc: ChildProcess;
  port: number;
  /** What the child wrote to stderr so far. */
  stderr(): string;
}

/**
 * Starts `node <script> ...args` and resolves once it prints `{"port":N}` on stdout (crash
 * tests and benches run servers in their own process so they can be killed, and so the load
 * generator does not share their event loop). better-sqlite3 resolves from the repository.
 */
export function spawnPortChild(script: string, args: string[], timeoutMs = 15_000): Promise<RunningChild> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), timeoutMs);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"port":(\d+)\}/.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve({ proc, port: Number(line[1]), stderr: () => err });
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

/** Kills the child and waits until it is gone. */
export function killChild(child: RunningChild, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    child.proc.once('exit', () => resolve());
    child.proc.kill(signal);
  });
}
