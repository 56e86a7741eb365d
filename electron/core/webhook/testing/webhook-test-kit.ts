import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEBHOOK_PATH } from '../../../../shared/settings/webhook';
import { DATABASE_FILE } from '../../platform/paths';
import { openDatabase } from '../../db/open-database';
import { MIGRATIONS_DIR, openTempCore } from '../../testing/temp-core';
import { signBody } from '../signature';

export const APP_SECRET = '0123456789abcdef0123456789abcdef';
export const VERIFY_TOKEN = 'verify-token-for-tests-1234';
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures', import.meta.url));

/** Every webhook body fixture: file name → raw bytes. */
export function webhookFixtures(): [string, Buffer][] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, readFileSync(join(FIXTURES_DIR, f))]);
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** A plain HTTP request to 127.0.0.1 (no fetch: we control every header and byte). */
export function httpRequest(
  port: number,
  init: { method?: string; path: string; headers?: Record<string, string>; body?: Uint8Array | string },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: init.method ?? 'GET', path: init.path, headers: init.headers, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Headers Meta sends with a signed POST. */
export function signedHeaders(raw: Uint8Array | string, secret = APP_SECRET): Record<string, string> {
  return { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, secret) };
}

/**
 * A real core on a temp folder with its webhook server on a free port, the app secret and verify
 * token stored, and a second read-only connection to the same SQLite file for assertions.
 */
export async function startTestWebhook(dir: string, options: Parameters<typeof openTempCore>[1] = {}) {
  // Live mode: these tests play Meta themselves, signing with the app secret stored below.
  const temp = openTempCore(dir, { mode: 'live', ...options });
  temp.secrets.set('appSecret', APP_SECRET);
  temp.secrets.set('verifyToken', VERIFY_TOKEN);
  const server = await temp.core.webhook.start(0);
  const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
  return {
    ...temp,
    /** The data folder: for a second connection opened by the test itself. */
    dir,
    server,
    reader,
    post: (raw: Uint8Array | string, headers = signedHeaders(raw)) =>
      httpRequest(server.port, { method: 'POST', path: WEBHOOK_PATH, headers, body: raw }),
    rows: <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => reader.prepare(sql).all(...params) as T[],
    /** Every row of every table Recado writes: to prove a refused request changed nothing. */
    dump: () => {
      const tables = ['notifications', 'blacklist', 'inbound_contacts', 'message_templates', 'webhook_account_errors', 'webhook_status_events', 'app_state'];
      return Object.fromEntries(tables.map((t) => [t, reader.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
    },
    async close() {
      reader.close();
      await temp.core.close();
    },
  };
}

export type TestWebhook = Awaited<ReturnType<typeof startTestWebhook>>;

/** Inserts a notification as the dispatcher would have, returning its id. */
export function seedNotification(
  dir: string,
  row: { phone: string; wamid?: string | null; status?: string; bizOpaqueId?: string | null; orderNumber?: string },
): number {
  // Through openDatabase so the schema exists before the core first opens the file.
  const db = openDatabase(join(dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR }).$client;
  try {
    const info = db
      .prepare(
        `INSERT INTO notifications (order_number, phone, type, status, wamid, biz_opaque_id, created_at, updated_at)
         VALUES (?, ?, 'shipment_created', ?, ?, ?, 1, 1)`,
      )
      .run(row.orderNumber ?? '10247', row.phone, row.status ?? 'sent', row.wamid ?? null, row.bizOpaqueId ?? null);
    return Number(info.lastInsertRowid);
  } finally {
    db.close();
  }
}

/** A `messages` change from the demo number, `value` after Meta's own first fields (ASCII-escaped JSON). */
function messagesChangeBody(value: Record<string, unknown>): string {
  return metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** A `messages` webhook body carrying statuses, as Meta would send it. */
export function statusBody(statuses: Record<string, unknown>[]): string {
  return messagesChangeBody({ statuses });
}

/** A `messages` webhook body carrying inbound messages (and their contacts), as Meta would send it. */
export function inboundBody(messages: Record<string, unknown>[], contacts: Record<string, unknown>[] = []): string {
  return messagesChangeBody({ contacts, messages });
}

/** JSON the way Meta writes it: non-ASCII as lowercase `\uXXXX`, slashes as `\/`. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}
