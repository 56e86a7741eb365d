import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPT_OUT_REASON } from '../../../shared/domain/opt-out';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { DEMO } from '../sandbox/demo-world';
import { makeOrder, MINUTE, T0 } from '../dispatcher/testing/dispatcher-harness';
import { dispatcherHarnesses } from '../dispatcher/testing/dispatcher-harnesses';
import { startWebhookServer, type WebhookServer } from './server';
import { FIXTURES_DIR, httpRequest, signedHeaders } from './testing/webhook-test-kit';

/**
 * BSUID-shaped webhooks (testing/fixtures/bsuid/, shapes and sources in its SOURCES.md) posted
 * signed over loopback to the real webhook server of a core whose dispatcher sends to the real
 * Sandbox: what each body changes, and what the next order event for that customer does.
 */
const bsuidFixture = (name: string) => readFileSync(join(FIXTURES_DIR, 'bsuid', name));

const MARIA_PHONE = '+5511987654321';
const MARIA_BSUID = 'BR.13491208655302741918';
const MARIA_NEW_BSUID = 'BR.77410938265512093846';
const DELIVERED_WAMID = 'wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjRBNkE5QzQ3QjE4RjNFRjZCMgA=';
const FAILED_WAMID = 'wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjk5QzNERjFBMEQ2RjQ3MjhFNQA=';

const harnesses = dispatcherHarnesses();
// Registered after the harnesses: vitest runs afterEach hooks last-registered first, so the server closes before its core.
let server: WebhookServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open() {
  const harness = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
  server = await startWebhookServer({ ctx: harness.ctx, port: 0 });
  const port = server.port;
  return {
    h: harness,
    /** Posts a fixture exactly as Meta would: the raw bytes, signed with the app secret. */
    post: async (name: string) => {
      const raw = bsuidFixture(name);
      const answer = await httpRequest(port, { method: 'POST', path: WEBHOOK_PATH, headers: signedHeaders(raw, DEMO.appSecret), body: raw });
      expect(answer.status).toBe(200);
    },
    /** A notification the dispatcher sent to Maria by phone, with Meta's wamid. */
    seedSent: (wamid: string) =>
      harness.db.$client
        .prepare(`INSERT INTO notifications (order_number, phone, type, status, wamid, created_at, updated_at) VALUES ('990', ?, 'order_placed', 'sent', ?, 1, 1)`)
        .run(MARIA_PHONE, wamid),
    identities: () => harness.rows('SELECT user_id, phone, username FROM contact_identities ORDER BY user_id'),
    blacklist: () => harness.rows('SELECT phone, user_id, username, matched_by, reason, source FROM blacklist'),
    /** Maria orders again; the dispatcher turns the event into a notification. */
    nextOrderEvent: async () => {
      harness.addOrder(makeOrder(1, { phone: '(11) 98765-4321', updatedAt: T0 + MINUTE }));
      harness.dispatcher.start();
      await harness.runUntil(() => harness.rows("SELECT id FROM notifications WHERE order_number = '1001'").length > 0 && !harness.dispatcher.state().busy);
      return harness.rows<{ status: string; reason: string | null; error: string | null }>(
        "SELECT status, reason, error FROM notifications WHERE order_number = '1001'",
      );
    },
  };
}

describe('BSUID webhooks (2026)', () => {
  it('a status with recipient_user_id applies to its notification and links the BSUID to the phone', async () => {
    const t = await open();
    t.seedSent(DELIVERED_WAMID);
    await t.post('status_delivered_recipient_user_id.json');
    expect(t.h.rows('SELECT status, delivered_at, wa_id FROM notifications')).toEqual([
      { status: 'delivered', delivered_at: 1780311600000, wa_id: '5511987654321' },
    ]);
    expect(t.identities()).toEqual([{ user_id: MARIA_BSUID, phone: MARIA_PHONE, username: '@mariasouza' }]);
  });

  it('a BSUID-only "PARAR" blacklists the customer whose phone a status linked, and her next order event is skipped', async () => {
    const t = await open();
    t.seedSent(DELIVERED_WAMID);
    await t.post('status_delivered_recipient_user_id.json');
    await t.post('inbound_text_bsuid_only_parar.json');
    expect(t.blacklist()).toEqual([
      { phone: MARIA_PHONE, user_id: MARIA_BSUID, username: '@mariasouza', matched_by: 'bsuid', reason: OPT_OUT_REASON, source: 'auto' },
    ]);
    expect(await t.nextOrderEvent()).toEqual([{ status: 'skipped', reason: 'blacklisted', error: OPT_OUT_REASON }]);
    expect(t.h.sent()).toHaveLength(0);
  });

  it('a "PARAR" from a BSUID never seen with a phone is kept by BSUID and takes effect when a status links it', async () => {
    const t = await open();
    await t.post('inbound_text_bsuid_only_parar.json');
    expect(t.blacklist()).toEqual([
      { phone: null, user_id: MARIA_BSUID, username: '@mariasouza', matched_by: 'bsuid', reason: OPT_OUT_REASON, source: 'auto' },
    ]);
    // Not linked yet: nothing can match her phone.
    expect(t.h.rows('SELECT * FROM inbound_contacts')).toEqual([]);
    t.seedSent(DELIVERED_WAMID);
    await t.post('status_delivered_recipient_user_id.json');
    expect(t.blacklist()).toMatchObject([{ phone: MARIA_PHONE, user_id: MARIA_BSUID, matched_by: 'bsuid' }]);
    expect(await t.nextOrderEvent()).toEqual([{ status: 'skipped', reason: 'blacklisted', error: OPT_OUT_REASON }]);
  });

  it('an inbound message from an unknown BSUID is recorded, not dropped, and blacklists no one', async () => {
    const t = await open();
    await t.post('inbound_text_bsuid_only_unknown.json');
    expect(t.h.rows('SELECT user_id, phone, username, last_inbound_at FROM contact_identities')).toEqual([
      { user_id: 'BR.58203417769120483371', phone: null, username: '@joaosilva', last_inbound_at: 1780318800000 },
    ]);
    expect(t.blacklist()).toEqual([]);
    expect(server?.stats.snapshot().counters).toMatchObject({ inboundMessages: 1 });
  });

  it('user_changed_user_id moves the link: a "PARAR" from the new BSUID blacklists the same phone', async () => {
    const t = await open();
    t.seedSent(DELIVERED_WAMID);
    await t.post('status_delivered_recipient_user_id.json');
    await t.post('system_user_changed_user_id.json');
    expect(t.identities()).toEqual([{ user_id: MARIA_NEW_BSUID, phone: MARIA_PHONE, username: '@mariasouza' }]);
    // The same customer, now known by her new BSUID, says stop.
    const raw = bsuidFixture('inbound_text_bsuid_only_parar.json').toString('utf8').replaceAll(MARIA_BSUID, MARIA_NEW_BSUID);
    const answer = await httpRequest(server!.port, { method: 'POST', path: WEBHOOK_PATH, headers: signedHeaders(raw, DEMO.appSecret), body: raw });
    expect(answer.status).toBe(200);
    expect(t.blacklist()).toMatchObject([{ phone: MARIA_PHONE, user_id: MARIA_NEW_BSUID, matched_by: 'bsuid' }]);
    expect(await t.nextOrderEvent()).toMatchObject([{ status: 'skipped', reason: 'blacklisted' }]);
  });

  it('user_changed_user_id carries a BSUID-only blacklist entry over to the new BSUID', async () => {
    const t = await open();
    await t.post('inbound_text_bsuid_only_parar.json');
    await t.post('system_user_changed_user_id.json');
    expect(t.blacklist()).toMatchObject([{ phone: null, user_id: MARIA_NEW_BSUID }]);
  });

  it('a failed status without contacts applies to its notification, links nothing and blacklists no one', async () => {
    const t = await open();
    t.seedSent(FAILED_WAMID);
    await t.post('status_failed_no_contacts.json');
    expect(t.h.rows('SELECT status, error_code FROM notifications')).toEqual([{ status: 'failed', error_code: 131049 }]);
    expect(t.identities()).toEqual([]);
    expect(t.blacklist()).toEqual([]);
  });
});
