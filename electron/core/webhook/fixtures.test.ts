import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES } from '../../../shared/settings/costs';
import { costThisMonth } from '../status/stats';
import { createMessageTemplateRepository } from '../templates/message-template-repository';
import { openDatabase } from '../db/open-database';
import { MIGRATIONS_DIR } from '../testing/temp-core';
import { join } from 'node:path';
import { DATABASE_FILE } from '../platform/paths';
import { seedNotification, signedHeaders, webhookFixtures, type TestWebhook } from './testing/webhook-test-kit';
import { testWebhooks } from './testing/test-webhooks';

const webhooks = testWebhooks();

type Row = Record<string, unknown>;
interface Case {
  /** Runs before the server starts (the dispatcher's rows, a synced template). */
  seed?: (dir: string) => void;
  check: (h: TestWebhook) => void;
}

/** A template as the sync stores it, before the server starts. */
function seedTemplate(dir: string, t: { templateId: string; name: string; language: string; category: string }) {
  const db = openDatabase(join(dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
  createMessageTemplateRepository(db).upsertSynced(
    { wabaId: '102290129340398', ...t, status: 'APPROVED', parameterFormat: 'positional', components: [{ type: 'BODY', text: 'Hi {{1}}' }] },
    1,
  );
  db.$client.close();
}

const contact = (h: TestWebhook, waId: string) => h.rows<Row>('SELECT * FROM inbound_contacts WHERE wa_id = ?', waId)[0];
const notification = (h: TestWebhook) => h.rows<Row>('SELECT * FROM notifications')[0];
const inbound = (waId: string, seconds: number, name: string | null = 'Sheena Nelson'): Case => ({
  check: (h) => {
    expect(contact(h, waId)).toMatchObject({ last_inbound_at: seconds * 1000, profile_name: name });
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
  },
});

/** What each of Meta's sample bodies must change. Every fixture file must be listed. */
const CASES: Record<string, Case> = {
  'webhook_inbound_image.json': inbound('16505551234', 1744344496),
  'webhook_inbound_interactive_button_reply.json': inbound('16505551234', 1750025136),
  'webhook_inbound_interactive_list_reply.json': inbound('16505551234', 1749854575),
  'webhook_inbound_system_user_changed_number.json': inbound('16505551234', 1750269342, null),
  // Without a payload mapping, "Unsubscribe" is just a reply (the mapping has its own test).
  'webhook_inbound_template_quick_reply_button.json': inbound('16505551234', 1750091045),
  'webhook_inbound_text.json': inbound('16505551234', 1749416383),
  'webhook_inbound_text_ctwa_referral.json': inbound('16505551234', 1750275992),
  'webhook_inbound_text_with_context.json': inbound('16505551234', 1750016800),
  'webhook_inbound_unsupported_131051.json': {
    check: (h) => {
      expect(contact(h, '16505551234')).toMatchObject({ last_inbound_at: 1750090702000 });
      expect(h.server.stats.snapshot().counters.ignored).toBeGreaterThan(0);
    },
  },
  'webhook_status_delivered_cbp_docs.json': {
    seed: (dir) => seedNotification(dir, { phone: '+16505551234', wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA' }),
    check: (h) =>
      expect(notification(h)).toMatchObject({
        status: 'delivered',
        delivered_at: 1750263773000,
        pricing_category: 'service',
        pricing_billable: 1,
        pricing_model: 'CBP',
      }),
  },
  'webhook_status_delivered_cbp_pywa.json': {
    seed: (dir) => seedNotification(dir, { phone: '+972987654321', wamid: 'wamid.xyzxyz' }),
    check: (h) => expect(notification(h)).toMatchObject({ status: 'delivered', delivered_at: 1698266945000, pricing_category: 'service' }),
  },
  'webhook_status_failed_130472_pywa.json': {
    seed: (dir) => seedNotification(dir, { phone: '+972987654321', wamid: 'wamid.xyzxyz' }),
    check: (h) => {
      expect(notification(h)).toMatchObject({
        status: 'failed',
        error_code: 130472,
        error_title: "User's number is part of an experiment",
        error_details: "Failed to send message because this user's phone number is part of an experiment",
        failed_at: 1689380458000,
      });
      // 130472 is temporary for this recipient: not a blacklist.
      expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    },
  },
  'webhook_status_failed_131049.json': {
    seed: (dir) => seedNotification(dir, { phone: '+16505551234', wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA' }),
    check: (h) => {
      expect(notification(h)).toMatchObject({ status: 'failed', error_code: 131049 });
      expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    },
  },
  'webhook_status_read_cbp_pywa.json': {
    seed: (dir) => seedNotification(dir, { phone: '+972987654321', wamid: 'wamid.xyzxyz' }),
    check: (h) => expect(notification(h)).toMatchObject({ status: 'read', read_at: 1689380458000 }),
  },
  'webhook_status_sent_biz_opaque_callback_pywa.json': {
    // Crash recovery left the row `unconfirmed` without a wamid; the opaque id finds it.
    seed: (dir) => seedNotification(dir, { phone: '+972987654321', wamid: null, bizOpaqueId: 'some data', status: 'unconfirmed' }),
    check: (h) =>
      expect(notification(h)).toMatchObject({ status: 'sent', wamid: 'wamid.xyzxyz', wa_id: '972987654321', sent_at: 1698266945000 }),
  },
  'webhook_status_sent_marketing_pmp.json': {
    seed: (dir) => seedNotification(dir, { phone: '+16505551234', wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=', status: 'sending' }),
    check: (h) => {
      expect(notification(h)).toMatchObject({
        status: 'sent',
        pricing_category: 'marketing',
        pricing_model: 'PMP',
        pricing_type: 'regular',
        pricing_billable: 1,
      });
      // The stored receipt is what the cost estimate reads: a +1 number is priced at "other countries".
      expect(costThisMonth(h.core.context().db, 1, DEFAULT_COST_RATES).byCategory).toEqual([
        { region: 'other', category: 'marketing', billable: 1, free: 0, rate: 0.0625, estimate: 0.0625 },
      ]);
    },
  },
  'webhook_status_v24_minimal_no_conversation_no_pricing.json': {
    seed: (dir) => seedNotification(dir, { phone: '+16505551234', wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=', status: 'sending' }),
    check: (h) => expect(notification(h)).toMatchObject({ status: 'sent', sent_at: 1750030073000, pricing_category: null }),
  },
  'webhook_template_status_approved.json': {
    check: (h) =>
      expect(h.rows('SELECT * FROM message_templates')).toEqual([
        expect.objectContaining({
          waba_id: '102290129340398',
          template_id: '1689556908129832',
          name: 'order_confirmation',
          language: 'en-US',
          category: 'UTILITY',
          status: 'APPROVED',
          status_reason: null,
        }),
      ]),
  },
  'webhook_template_category_update_marketing.json': {
    // A template synced as UTILITY; Meta's completed change moves it to MARKETING, keeping what it was.
    seed: (dir) => seedTemplate(dir, { templateId: '278077987957091', name: 'welcome_template', language: 'en-US', category: 'UTILITY' }),
    check: (h) =>
      expect(h.rows('SELECT * FROM message_templates')).toEqual([
        expect.objectContaining({ template_id: '278077987957091', category: 'MARKETING', previous_category: 'UTILITY', status: 'APPROVED', components_json: expect.stringContaining('BODY') }),
      ]),
  },
  'webhook_template_category_update_impending.json': {
    // The 24-hour notice changes nothing: Meta says to route on the completed change only.
    seed: (dir) => seedTemplate(dir, { templateId: '278077987957091', name: 'welcome_template', language: 'en-US', category: 'UTILITY' }),
    check: (h) => {
      expect(h.rows('SELECT * FROM message_templates')).toEqual([expect.objectContaining({ category: 'UTILITY', previous_category: null })]);
      expect(h.server.stats.snapshot().counters.ignored).toBe(1);
    },
  },
  'webhook_template_status_rejected_invalid_format.json': {
    seed: (dir) => {
      const db = openDatabase(join(dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
      createMessageTemplateRepository(db).upsertSynced(
        {
          wabaId: '102290129340398',
          templateId: '1689556908129835',
          name: 'abandoned_cart',
          language: 'en',
          category: 'MARKETING',
          status: 'PENDING',
          parameterFormat: 'positional',
          components: [{ type: 'BODY', text: 'Hi {{1}}{{2}}' }],
        },
        1,
      );
      db.$client.close();
    },
    check: (h) =>
      expect(h.rows('SELECT * FROM message_templates')).toEqual([
        expect.objectContaining({
          template_id: '1689556908129835',
          status: 'REJECTED',
          status_reason: expect.stringContaining('parameters placed next to each other'),
          // The synced parts stay.
          parameter_format: 'positional',
          components_json: expect.stringContaining('BODY'),
        }),
      ]),
  },
  'webhook_value_errors_130429.json': {
    check: (h) => {
      expect(h.rows('SELECT * FROM webhook_account_errors')).toEqual([
        expect.objectContaining({ code: 130429, title: 'Rate limit hit', phone_number_id: '106540352242922', waba_id: '102290129340398' }),
      ]);
    },
  },
};

describe("Meta's sample webhook bodies", () => {
  it('are all covered by a case here', () => {
    expect(webhookFixtures().map(([name]) => name).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(webhookFixtures())('%s: signed → 200 with its effect; one byte changed → 401, nothing written', async (name, raw) => {
    const c = CASES[name] as Case;
    const hook = await webhooks.start(c.seed);

    const tampered = Buffer.from(raw);
    // Change one byte in the middle of the body (keeping it valid-looking JSON is not the point).
    const at = Math.floor(tampered.length / 2);
    tampered[at] = (tampered[at] as number) ^ 0x01;
    const before = hook.dump();
    const refused = await hook.post(tampered, signedHeaders(raw));
    expect(refused.status).toBe(401);
    expect(hook.dump()).toEqual(before);

    const accepted = await hook.post(raw);
    expect(accepted.status).toBe(200);
    c.check(hook);
    const answer = await hook.core.invoke('webhook.status', {});
    expect(answer).toMatchObject({ ok: true, value: { counters: { accepted: 1, rejectedSignature: 1 } } });
  });
});
