import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempCore } from '../core/testing/temp-core';
import { createLogger, memorySink } from '../core/platform/logger';
import { createWebApp } from './web-app';
import { startWebHost, type WebHost } from './web-host';

// Routes are tested through `app.request()` (no port); one test serves the same app over real
// HTTP on 127.0.0.1.

const TOKEN = 'test-token-123456';
/** The Host the app is told it listens on (`startWebHost` sets the real port's). */
const HOST = '127.0.0.1:4123';

let temp: ReturnType<typeof makeTempDir>;
let host: WebHost | undefined;
let closeCore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await host?.close();
  await closeCore?.();
  temp?.remove();
  host = undefined;
});

function openCore() {
  temp = makeTempDir();
  const staticDir = join(temp.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Recado</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const { core } = openTempCore(join(temp.dir, 'data'));
  closeCore = () => core.close();
  return { core, staticDir };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
interface SendOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}
/** A request answered as status, headers and text; `raw` hands the Response itself (streams). */
type Send = ((options: SendOptions) => Promise<Answer>) & { raw(options: SendOptions): Promise<Response> };

/** The app without a port; `send` sets every header (Host included) as a client would. */
function start(): Send {
  const { core, staticDir } = openCore();
  const app = createWebApp({
    core,
    logger: createLogger(memorySink()),
    staticDir,
    token: TOKEN,
    allowedHosts: () => new Set([HOST, 'localhost:4123']),
  });
  const raw = async (options: SendOptions) =>
    app.request(options.path, {
      method: options.method ?? 'GET',
      headers: { host: HOST, ...options.headers },
      ...(options.body === undefined ? {} : { body: options.body }),
    });
  const send = async (options: SendOptions): Promise<Answer> => {
    const answer = await raw(options);
    return { status: answer.status, headers: Object.fromEntries(answer.headers), body: await answer.text() };
  };
  return Object.assign(send, { raw });
}

/** A raw loopback request, so the test controls every header (Host included). */
function sendOverHttp(port: number, options: SendOptions): Promise<Answer> {
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

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('web host', () => {
  it('is served over real HTTP on 127.0.0.1 only: envelopes, the renderer, 421 to other hosts, 413 by declared length, then the next call', async () => {
    const { core, staticDir } = openCore();
    host = await startWebHost({ core, logger: createLogger(memorySink()), staticDir, token: TOKEN });
    const { port, url } = host;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const answer = await sendOverHttp(port, { method: 'POST', path: '/api/app.info', headers: auth, body: '{}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Recado', host: 'web' } });
    const page = await sendOverHttp(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await sendOverHttp(port, { path: '/', headers: { host: `evil.example:${port}` } })).status).toBe(421);
    // Declared too large: answered before the body is read, and the connection still gets the 413.
    const huge = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect((await sendOverHttp(port, { method: 'POST', path: '/api/app.info', headers: auth, body: huge })).status).toBe(413);
    // …and the next call is answered (the refused one's socket is not reused half-read).
    expect((await sendOverHttp(port, { method: 'POST', path: '/api/app.info', headers: auth, body: '{}' })).status).toBe(200);
  });

  it('serves the contract as envelopes to callers with the token', async () => {
    const send = start();
    const answer = await send({ method: 'POST', path: '/api/app.info', headers: auth, body: '{}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Recado', host: 'web' } });
    const unknown = await send({ method: 'POST', path: '/api/nope.nothing', headers: auth, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it.each([
    ['no token', { 'content-type': 'application/json' }],
    ['a wrong token', { authorization: 'Bearer test-token-654321', 'content-type': 'application/json' }],
    ['a token of another length', { authorization: 'Bearer x', 'content-type': 'application/json' }],
  ])('answers 401 to a call with %s', async (_name, headers) => {
    const send = start();
    expect((await send({ method: 'POST', path: '/api/credentials.get', headers, body: '{}' })).status).toBe(401);
  });

  it('refuses requests naming another host (DNS rebinding) and other origins', async () => {
    const send = start();
    const rebinding = await send({ path: '/', headers: { host: 'evil.example:4123' } });
    expect(rebinding.status).toBe(421);
    const crossOrigin = await send({
      method: 'POST',
      path: '/api/app.info',
      headers: { ...auth, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('answers malformed JSON with 400, other content types with 415, huge bodies with 413', async () => {
    const send = start();
    expect((await send({ method: 'POST', path: '/api/app.info', headers: auth, body: '{nope' })).status).toBe(400);
    expect((await send({ method: 'POST', path: '/api/app.info', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    // No declared length here: counted as it arrives.
    const huge = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect((await send({ method: 'POST', path: '/api/app.info', headers: auth, body: huge })).status).toBe(413);
  });

  it('takes a CSV file of a few MB (the contract limit, not the default body limit) and answers in words', async () => {
    const send = start();
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i};Cliente ${i};(11) 98765-4321;10,00`);
    const content = Buffer.from(['Pedido;Cliente;Telefone;Total', ...rows].join('\n')).toString('base64');
    expect(content.length).toBeGreaterThan(2 * 1024 * 1024);
    const answer = await send({ method: 'POST', path: '/api/csv.preview', headers: auth, body: JSON.stringify({ content, contentEncoding: 'base64' }) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { totalRows: 40_000, missingRequired: [] } });
    const empty = await send({ method: 'POST', path: '/api/csv.preview', headers: auth, body: JSON.stringify({ content: '' }) });
    expect(JSON.parse(empty.body)).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ key: 'csv.file.empty' }] } } });
  });

  it('answers malformed percent-encoding with 400 on every route, never 500', async () => {
    const send = start();
    const api = await send({ method: 'POST', path: '/api/%ZZ', headers: auth, body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await send({ method: 'POST', path: '/api/app.%E0%A4%A', headers: auth, body: '{}' })).status).toBe(400);
    expect((await send({ path: '/%ZZ' })).status).toBe(400);
    expect((await send({ path: '/assets/%ZZ.js' })).status).toBe(400);
    expect((await send({ path: '/api/events?token=%ZZ' })).status).toBe(401);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const send = start();
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toContain('javascript');
    const escape = await send({ path: '/..%2F..%2Fdata%2Fsettings.json' });
    expect(escape.body).not.toContain('secrets');
  });

  it('pushes contract events over Server-Sent Events', async () => {
    const send = start();
    const stream = await send.raw({ path: '/api/events?token=test-token-123456' });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let saved = false;
    while (!buffer.includes('event: settings.generalChanged')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      if (buffer.includes('connected') && !saved) {
        saved = true;
        void send({ method: 'POST', path: '/api/app.saveSettings', headers: auth, body: '{"language":"en"}' });
      }
    }
    await reader.cancel();
    expect(buffer).toMatch(/event: settings.generalChanged\ndata: \{"language":"en"/);
    const refused = await send({ path: '/api/events?token=wrong' });
    expect(refused.status).toBe(401);
  });
});
