import { createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempCore } from '../testing/temp-core';

let temp: ReturnType<typeof makeTempDir> | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  temp?.remove();
});

function open(dataDir: string) {
  const opened = openTempCore(dataDir, { mode: 'live' });
  closers.push(() => opened.core.close());
  return opened;
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function status(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the webhook keeps a stable port across restarts', () => {
  it('chooses a free port on the first start, saves it, and reuses it at the next start', async () => {
    temp = makeTempDir();
    const first = open(temp.dir);
    const port = (await first.core.webhook.start()).port;
    expect(port).toBeGreaterThan(0);
    await first.core.close();
    closers.pop();
    const second = open(temp.dir);
    expect(await second.core.invoke('webhook.getSettings', {})).toMatchObject({ ok: true, value: { port } });
    expect((await second.core.webhook.start()).port).toBe(port);
    expect(await second.core.invoke('webhook.status', {})).toMatchObject({ ok: true, value: { port, portConflict: null } });
  });

  it('when the saved port is taken, runs on another for now, says so, and saves it only when the owner keeps it', async () => {
    temp = makeTempDir();
    const first = open(temp.dir);
    const wanted = (await first.core.webhook.start()).port;
    await first.core.close();
    closers.pop();
    const squatter = await occupy(wanted);
    closers.push(() => new Promise((done) => squatter.close(() => done())));

    const second = open(temp.dir);
    const actual = (await second.core.webhook.start()).port;
    expect(actual).not.toBe(wanted);
    expect(await second.core.invoke('webhook.status', {})).toMatchObject({ ok: true, value: { port: actual, portConflict: { wanted, actual } } });
    // Not saved behind the owner's back.
    expect(await second.core.invoke('webhook.getSettings', {})).toMatchObject({ ok: true, value: { port: wanted } });
    expect(await status(actual, '/webhook/whatsapp')).toBe(403);

    expect(await second.core.invoke('webhook.keepCurrentPort', {})).toEqual({ ok: true, value: { port: actual } });
    expect(await second.core.invoke('webhook.getSettings', {})).toMatchObject({ ok: true, value: { port: actual } });
    expect(await second.core.invoke('webhook.status', {})).toMatchObject({ ok: true, value: { portConflict: null } });
  });

  it('an explicit port (tests, --port) overrides the saved one and saves nothing', async () => {
    temp = makeTempDir();
    const { core } = open(temp.dir);
    const server = await core.webhook.start(0);
    expect(server.port).toBeGreaterThan(0);
    expect(await core.invoke('webhook.getSettings', {})).toMatchObject({ ok: true, value: { port: 0 } });
  });
});

describe('malformed percent-encoding on the webhook server', () => {
  it.each([
    ['GET', '/webhook/%ZZ'],
    ['GET', '/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=%ZZ&hub.challenge=%E0%A4%A'],
    ['POST', '/orders/%ZZ'],
    ['POST', '/orders/events?x=%ZZ'],
    ['POST', '/webhook/woocommerce%ZZ'],
    ['POST', '/%E0%A4%A'],
  ])('%s %s is refused, never a 500', async (method, path) => {
    temp = makeTempDir();
    const { core } = open(temp.dir);
    const { port } = await core.webhook.start(0);
    const code = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    // A refusal (400/403/404, or 503 from the order endpoint while it is switched off), never a crash.
    expect(code).toBeGreaterThanOrEqual(400);
    expect(code).not.toBe(500);
  });
});

