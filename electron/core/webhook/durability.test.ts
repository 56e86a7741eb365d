import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../platform/paths';
import { bundleChild } from '../testing/bundle-child';
import { makeTempDir, MIGRATIONS_DIR, openTempCore } from '../testing/temp-core';
import { APP_SECRET, inboundBody, signedHeaders } from './testing/webhook-test-kit';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { request } from 'node:http';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let bundleDir: ReturnType<typeof makeTempDir>;
let data: ReturnType<typeof makeTempDir>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  // The child runs the real core from a bundle, as the packaged app does (toolchain.md: SSR build).
  bundleDir = makeTempDir('recado-child-');
  await bundleChild('electron/core/webhook/testing/webhook-child.ts', bundleDir.dir);
}, 60_000);

afterAll(() => {
  child?.kill('SIGKILL');
  bundleDir?.remove();
  data?.remove();
});

function startChild(dataDir: string): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(bundleDir.dir, 'webhook-child.cjs'), dataDir, MIGRATIONS_DIR], {
      // better-sqlite3 resolves from the repository's node_modules.
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), 15_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"port":(\d+)\}/.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve({ proc, port: Number(line[1]) });
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

function post(port: number, raw: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: WEBHOOK_PATH, headers: signedHeaders(raw), agent: false, timeout: 5_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end(raw);
  });
}

describe('durability', () => {
  it('every callback answered 200 is in the database after the process is killed mid-burst', async () => {
    data = makeTempDir();
    // Live mode, so the child verifies with the app secret stored here (the child keeps the mode).
    const setup = openTempCore(data.dir, { mode: 'live' });
    setup.secrets.set('appSecret', APP_SECRET);
    await setup.core.close();

    const { proc, port } = await startChild(data.dir);
    child = proc;
    const total = 600;
    const concurrency = 40;
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        const waId = `55119${String(10_000_000 + i)}`;
        const raw = inboundBody([{ from: waId, id: `wamid.burst.${i}`, timestamp: '1750000000', type: 'text', text: { body: `msg ${i}` } }]);
        const status = await post(port, raw);
        if (status === 200) acknowledged.push(waId);
        if (!killed && acknowledged.length >= 150) {
          killed = true;
          proc.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(acknowledged.length).toBeLessThan(total);

    // "After restart": open the file as the app would (WAL recovery included) and look.
    const db = new Database(join(data.dir, DATABASE_FILE));
    const stored = new Set((db.prepare('SELECT wa_id FROM inbound_contacts').all() as { wa_id: string }[]).map((r) => r.wa_id));
    db.close();
    const missing = acknowledged.filter((waId) => !stored.has(waId));
    expect(missing).toEqual([]);
  }, 60_000);
});
