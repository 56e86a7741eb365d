import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SETTINGS } from '../../../shared/settings/webhook';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { openDatabase, type AppDatabase } from '../db/open-database';
import { createAccountErrorsRepository } from './account-errors-repository';
import { createQueueRepository } from '../notifications/queue-repository';
import { createNotificationStatusRepository } from '../notifications/notification-status-repository';
import { createMessageTemplateRepository } from '../templates/message-template-repository';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { createContactIdentitiesRepository } from './contact-identities-repository';
import { createInboundContactsRepository } from './inbound-contacts-repository';
import { BSUID_PATTERN } from './identity-fields';
import { readWebhook } from './payload';
import { processCallback } from './process-callback';

/**
 * The BSUID fields of Meta's webhooks come from outside: whatever shape they take (numbers,
 * objects, near-miss strings, any Unicode), reading a body never throws, the status or message
 * around them is still used, and nothing but a well-formed BSUID / a plain username / a phone
 * number is ever written.
 */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  // Near misses and real ones.
  fc.constantFrom('BR.', 'br.123', 'BR.ENT.', 'BR.12 34', 'BRA.123', 'BR.123\n', 'US.ENT.11815799212886844830', 'BR.13491208655302741918', `BR.${'9'.repeat(129)}`),
  fc.stringMatching(/^[A-Z]{2}\.[A-Za-z0-9]{1,20}$/),
);
// The phone fields keep their own (older) checks: strings here, any content.
const anyWaId = fc.oneof(fc.constant(undefined), fc.constant('5511987654321'), fc.string(), fc.stringMatching(/^\d{5,16}$/));

const body = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, ...value } }] }],
});

const bodies = fc.record({
  userId: anyValue,
  parent: anyValue,
  username: anyValue,
  waId: anyWaId,
  newUserId: anyValue,
  previous: anyValue,
  systemBody: anyValue,
}).map((v) =>
  body({
    contacts: [{ profile: { name: 'X', username: v.username }, wa_id: v.waId, user_id: v.userId, parent_user_id: v.parent }],
    statuses: [{ id: 'wamid.A', status: 'delivered', timestamp: '1780311600', recipient_id: v.waId, recipient_user_id: v.userId, recipient_parent_user_id: v.parent }],
    messages: [
      { from: v.waId, from_user_id: v.userId, id: 'wamid.B', timestamp: '1780311601', type: 'text', text: { body: 'PARAR' } },
      { from_user_id: v.previous, id: 'wamid.C', timestamp: '1780311602', type: 'system', system: { type: 'user_changed_user_id', user_id: v.newUserId, previous_user_id: v.previous, body: v.systemBody } },
    ],
  }),
);

let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;
beforeAll(() => {
  temp = makeTempDir();
  db = openDatabase(join(temp.dir, 'p.sqlite'), { migrationsDir: MIGRATIONS_DIR });
});
afterAll(() => {
  db.$client.close();
  temp.remove();
});

describe('BSUID fields of any shape', () => {
  it('never crash the reader, never lose the status, and only well-formed values come out', () => {
    fc.assert(
      fc.property(bodies, (raw) => {
        const items = readWebhook(raw);
        const status = items.find((i) => i.kind === 'status');
        expect(status).toBeDefined();
        for (const item of items) {
          if (item.kind === 'status') {
            for (const v of [item.status.recipient_user_id, item.status.recipient_parent_user_id]) if (v !== undefined) expect(v).toMatch(BSUID_PATTERN);
          }
          if (item.kind === 'inbound') {
            for (const v of [item.sender.userId, item.sender.parentUserId]) if (v !== null) expect(v).toMatch(BSUID_PATTERN);
            if (item.sender.waId !== null) expect(item.sender.waId).toMatch(/^\d{7,15}$/);
            if (item.sender.username !== null) expect(item.sender.username.length).toBeLessThanOrEqual(64);
          }
          if (item.kind === 'user_id_change') {
            expect(item.newUserId).toMatch(BSUID_PATTERN);
            if (item.oldUserId !== null) expect(item.oldUserId).toMatch(BSUID_PATTERN);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('write nothing but well-formed identities and blacklist rows', () => {
    const deps = {
      db,
      statuses: createNotificationStatusRepository(db),
      blacklist: createBlacklistRepository(db),
      contacts: createInboundContactsRepository(db),
      identities: createContactIdentitiesRepository(db),
      templates: createMessageTemplateRepository(db),
      queue: createQueueRepository(db),
      accountErrors: createAccountErrorsRepository(db),
      settings: DEFAULT_WEBHOOK_SETTINGS,
      now: 1,
    };
    fc.assert(
      fc.property(bodies, (raw) => {
        db.$client.transaction(() => processCallback(raw, deps))();
      }),
      { numRuns: 300 },
    );
    const identities = db.$client.prepare('SELECT user_id, phone, parent_user_id, username FROM contact_identities').all() as Record<string, string | null>[];
    expect(identities.length).toBeGreaterThan(0);
    for (const row of identities) {
      expect(row.user_id).toMatch(BSUID_PATTERN);
      if (row.parent_user_id !== null) expect(row.parent_user_id).toMatch(BSUID_PATTERN);
      if (row.phone !== null) expect(row.phone).toMatch(/^\+\d{7,15}$/);
      // eslint-disable-next-line no-control-regex -- control characters are what must never be stored
      if (row.username !== null) expect(row.username).not.toMatch(/[\u0000-\u001f]/);
    }
    const listed = db.$client.prepare('SELECT phone, user_id FROM blacklist').all() as { phone: string | null; user_id: string | null }[];
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) {
      expect(row.phone !== null || row.user_id !== null).toBe(true);
      if (row.phone !== null) expect(row.phone).toMatch(/^\+\d{7,15}$/);
      if (row.user_id !== null) expect(row.user_id).toMatch(BSUID_PATTERN);
    }
  });
});
