import { describe, expect, it } from 'vitest';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { MAX_BODY_BYTES } from './app';
import { signBody, verifySignature } from './signature';
import {
  APP_SECRET,
  httpRequest,
  inboundBody,
  signedHeaders,
  statusBody,
  VERIFY_TOKEN,
} from './testing/webhook-test-kit';
import { testWebhooks } from './testing/test-webhooks';

const webhooks = testWebhooks();
const start = () => webhooks.start();

const verifyPath = (token: string, mode = 'subscribe') =>
  `${WEBHOOK_PATH}?hub.mode=${mode}&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(token)}`;

describe('webhook verification (GET)', () => {
  it('answers the challenge as plain text for the stored token and records "last verified by Meta"', async () => {
    const h = await start();
    const answer = await httpRequest(h.server.port, { path: verifyPath(VERIFY_TOKEN) });
    expect(answer).toEqual({ status: 200, body: '1158201444' });
    const status = await h.core.invoke('webhook.status', {});
    expect(status).toMatchObject({ ok: true, value: { lastVerifiedAt: expect.any(Number) } });
    expect(h.rows("SELECT key FROM app_state WHERE key = 'webhook.lastVerifiedAt'")).toHaveLength(1);
  });

  it.each([
    ['a wrong verify token', verifyPath('not-the-token')],
    ['a wrong mode', verifyPath(VERIFY_TOKEN, 'unsubscribe')],
    ['no token', `${WEBHOOK_PATH}?hub.mode=subscribe&hub.challenge=1`],
  ])('refuses %s with 403 and records nothing', async (_name, path) => {
    const h = await start();
    const answer = await httpRequest(h.server.port, { path });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('1158201444');
    expect(h.rows("SELECT key FROM app_state WHERE key = 'webhook.lastVerifiedAt'")).toHaveLength(0);
  });
});

describe('webhook POST refuses bad input and writes nothing', () => {
  const body = statusBody([{ id: 'wamid.bad', status: 'sent', timestamp: '1750030073', recipient_id: '5511955551234' }]);

  it.each([
    ['no signature', { 'content-type': 'application/json' }, 401],
    ['a wrong signature', { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, 'f'.repeat(32)) }, 401],
    ['a signature without the sha256= prefix', { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET).slice(7) }, 401],
    ['the legacy sha1 header only', { 'content-type': 'application/json', 'x-hub-signature': 'sha1=0000' }, 401],
    ['a wrong content type', { ...signedHeaders(body), 'content-type': 'text/plain' }, 415],
  ])('%s → %s', async (_name, headers, status) => {
    const h = await start();
    const before = h.dump();
    const answer = await h.post(body, headers as Record<string, string>);
    expect(answer.status).toBe(status);
    expect(h.dump()).toEqual(before);
  });

  it('a body over 3 MB → 413', async () => {
    const h = await start();
    const huge = `{"object":"whatsapp_business_account","pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`;
    const before = h.dump();
    expect((await h.post(huge)).status).toBe(413);
    expect(h.dump()).toEqual(before);
    expect(h.server.stats.snapshot().counters.rejectedInput).toBe(1);
  });

  it('a body just under 3 MB is fine', async () => {
    const h = await start();
    const prefix = '{"object":"whatsapp_business_account","entry":[],"pad":"';
    const big = `${prefix}${'x'.repeat(MAX_BODY_BYTES - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(big)).toBe(MAX_BODY_BYTES);
    expect((await h.post(big)).status).toBe(200);
  });

  it('malformed JSON with a valid signature → 400', async () => {
    const h = await start();
    const before = h.dump();
    expect((await h.post('{"object":"whatsapp_business_account",')).status).toBe(400);
    expect(h.dump()).toEqual(before);
  });

  it('no app secret stored → 401 for every POST', async () => {
    const h = await start();
    h.secrets.delete('appSecret');
    expect((await h.post(body)).status).toBe(401);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/api/app.info'],
    ['POST', '/api/app.info'],
    ['GET', '/webhook'],
    ['POST', '/webhook/whatsapp/extra'],
    ['PUT', WEBHOOK_PATH],
    ['DELETE', WEBHOOK_PATH],
    ['GET', '/../webhook/whatsapp/..%2f..%2fapi'],
  ])('%s %s → 404', async (method, path) => {
    const h = await start();
    expect((await httpRequest(h.server.port, { method, path, headers: signedHeaders(body), body: method === 'POST' || method === 'PUT' ? body : undefined })).status).toBe(404);
  });
});

describe('webhook POST accepts what it does not use, without a 5xx', () => {
  it.each([
    ['another object', JSON.stringify({ object: 'page', entry: [] })],
    ['an unknown field', JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_alerts', value: { x: 1 } }] }] })],
    ['an unknown message type', inboundBody([{ from: '5511955551234', id: 'wamid.r1', timestamp: '1750000000', type: 'reaction', reaction: { message_id: 'x', emoji: '👍' } }])],
    ['garbage items', JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [7, { field: 'messages', value: { statuses: [null, { id: 3 }], messages: ['x'] } }] }] })],
    ['not an object at all', '[1,2,3]'],
    ['an unknown status value', statusBody([{ id: 'wamid.p', status: 'played', timestamp: '1750000000', recipient_id: '1' }])],
  ])('%s → 200, counted as ignored', async (_name, raw) => {
    const h = await start();
    expect((await h.post(raw)).status).toBe(200);
    expect(h.server.stats.snapshot().counters.ignored).toBeGreaterThan(0);
  });

  it('a status for an unknown wamid is stored as an orphan, not a crash', async () => {
    const h = await start();
    const raw = statusBody([{ id: 'wamid.nobody', status: 'delivered', timestamp: '1750030073', recipient_id: '5511955551234' }]);
    expect((await h.post(raw)).status).toBe(200);
    expect(h.rows('SELECT wamid, status, outcome, notification_id FROM webhook_status_events')).toEqual([
      { wamid: 'wamid.nobody', status: 'delivered', outcome: 'orphan', notification_id: null },
    ]);
    expect(h.rows('SELECT * FROM notifications')).toEqual([]);
  });
});

describe('signature over raw bytes', () => {
  it('verifies a "João" body on the bytes Meta sent, which re-serialising would break', async () => {
    const h = await start();
    // Meta escapes non-ASCII as lowercase \uXXXX and slashes as \/ (Meta's X-Hub-Signature-256 rules: HMAC-SHA256 of the raw body).
    const raw =
      '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"contacts":[{"profile":{"name":"Jo\\u00e3o"},"wa_id":"5511955551234"}],"messages":[{"from":"5511955551234","id":"wamid.jo","timestamp":"1750000000","type":"text","text":{"body":"Ol\\u00e1, meu pedido chegou? https:\\/\\/x.com"}}]}}]}]}';
    const header = signBody(raw, APP_SECRET);
    expect(verifySignature(Buffer.from(raw), header, APP_SECRET)).toBe(true);
    expect(verifySignature(Buffer.from(JSON.stringify(JSON.parse(raw))), header, APP_SECRET)).toBe(false);

    expect((await h.post(raw)).status).toBe(200);
    expect(h.rows('SELECT profile_name FROM inbound_contacts')).toEqual([{ profile_name: 'João' }]);
  });
});

describe('webhook service', () => {
  it('creates a verify token on first start, and keeps it across restarts', async () => {
    const temp = makeTempDir();
    const first = openTempCore(temp.dir, { mode: 'live' });
    expect(first.secrets.get('verifyToken')).toBeNull();
    await first.core.webhook.start(0);
    const token = first.secrets.get('verifyToken');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await first.core.close();
    const second = openTempCore(temp.dir);
    await second.core.webhook.start(0);
    expect(second.secrets.get('verifyToken')).toBe(token);
    await expect(second.core.invoke('webhook.status', {})).resolves.toMatchObject({ ok: true, value: { running: true, verifyTokenSet: true } });
    await second.core.close();
    temp.remove();
  });
});
