import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempCore } from '../core/testing/temp-core';
import { createLogger, memorySink } from '../core/platform/logger';
import { startWebHost, type WebHost } from './web-host';

let temp: ReturnType<typeof makeTempDir>;
let host: WebHost | undefined;
let closeCore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await host?.close();
  await closeCore?.();
  temp?.remove();
  host = undefined;
});

async function start(): Promise<WebHost> {
  temp = makeTempDir();
  const staticDir = join(temp.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Recado</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const { core } = openTempCore(join(temp.dir, 'data'));
  closeCore = () => core.close();
  host = await startWebHost({ core, logger: createLogger(memorySink()), staticDir, token: 'test-token-123456' });
  return host;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw loopback request, so tests control every header (Host included). */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { authorization: 'Bearer test-token-123456', 'content-type': 'application/json' };

describe('web host', () => {
  it('serves the contract as envelopes to callers with the token', async () => {
    const { port } = await start();
    const answer = await send(port, { method: 'POST', path: '/api/app.info', headers: auth, body: '{}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Recado', host: 'web' } });
    const unknown = await send(port, { method: 'POST', path: '/api/nope.nothing', headers: auth, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('binds 127.0.0.1 only', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it.each([
    ['no token', { 'content-type': 'application/json' }],
    ['a wrong token', { authorization: 'Bearer test-token-654321', 'content-type': 'application/json' }],
    ['a token of another length', { authorization: 'Bearer x', 'content-type': 'application/json' }],
  ])('answers 401 to a call with %s', async (_name, headers) => {
    const { port } = await start();
    expect((await send(port, { method: 'POST', path: '/api/credentials.get', headers, body: '{}' })).status).toBe(401);
  });

  it('refuses requests naming another host (DNS rebinding) and other origins', async () => {
    const { port } = await start();
    const rebinding = await send(port, { path: '/', headers: { host: `evil.example:${port}` } });
    expect(rebinding.status).toBe(421);
    const crossOrigin = await send(port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { ...auth, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('answers malformed JSON with 400, other content types with 415, huge bodies with 413', async () => {
    const { port } = await start();
    expect((await send(port, { method: 'POST', path: '/api/app.info', headers: auth, body: '{nope' })).status).toBe(400);
    expect(
      (await send(port, { method: 'POST', path: '/api/app.info', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })).status,
    ).toBe(415);
    const huge = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect((await send(port, { method: 'POST', path: '/api/app.info', headers: auth, body: huge })).status).toBe(413);
  });

  it('takes a CSV file of a few MB (the contract limit, not the default body limit) and answers in words', async () => {
    const { port } = await start();
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i};Cliente ${i};(11) 98765-4321;10,00`);
    const content = Buffer.from(['Pedido;Cliente;Telefone;Total', ...rows].join('\n')).toString('base64');
    expect(content.length).toBeGreaterThan(2 * 1024 * 1024);
    const answer = await send(port, { method: 'POST', path: '/api/csv.preview', headers: auth, body: JSON.stringify({ content, contentEncoding: 'base64' }) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { totalRows: 40_000, missingRequired: [] } });
    const empty = await send(port, { method: 'POST', path: '/api/csv.preview', headers: auth, body: JSON.stringify({ content: '' }) });
    expect(JSON.parse(empty.body)).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ key: 'csv.file.empty' }] } } });
  });

  it('answers malformed percent-encoding with 400 on every route, never 500', async () => {
    const { port } = await start();
    const api = await send(port, { method: 'POST', path: '/api/%ZZ', headers: auth, body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await send(port, { method: 'POST', path: '/api/app.%E0%A4%A', headers: auth, body: '{}' })).status).toBe(400);
    expect((await send(port, { path: '/%ZZ' })).status).toBe(400);
    expect((await send(port, { path: '/assets/%ZZ.js' })).status).toBe(400);
    expect((await send(port, { path: '/api/events?token=%ZZ' })).status).toBe(401);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const { port } = await start();
    const page = await send(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await send(port, { path: '/assets/app.js' })).headers['content-type']).toContain('javascript');
    const escape = await send(port, { path: '/..%2F..%2Fdata%2Fsettings.json' });
    expect(escape.body).not.toContain('secrets');
  });

  it('pushes contract events over Server-Sent Events', async () => {
    const { port } = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/events?token=test-token-123456', headers: { host: `127.0.0.1:${port}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes('connected')) {
            void send(port, { method: 'POST', path: '/api/app.saveSettings', headers: auth, body: '{"language":"en"}' });
          }
          if (buffer.includes('event: settings.generalChanged')) {
            req.destroy();
            resolve(buffer);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(await received).toMatch(/event: settings.generalChanged\ndata: \{"language":"en"/);
    const refused = await send(port, { path: '/api/events?token=wrong' });
    expect(refused.status).toBe(401);
  });
});
