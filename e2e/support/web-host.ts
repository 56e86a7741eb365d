import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WEB_BUNDLE = resolve(__dirname, '../../dist/electron/web.cjs');

export interface RunningHost {
  /** URL with the access token in the fragment, as printed by the host. */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the built web host on a free port with the given data folder; resolves once it prints its
 * URL. `env` adds variables (the wizard's Meta path passes the test-only RECADO_TEST_* ones).
 */
export function startWebHost(dataDir: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [WEB_BUNDLE, '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        url: `${match[1]}/#token=${match[2]}`,
        origin: match[1]!,
        token: match[2]!,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}

export function makeDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'recado-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
