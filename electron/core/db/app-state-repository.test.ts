import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DispatchState } from '../../../shared/contract/methods/dispatch';
import type { DoctorResult } from '../../../shared/contract/methods/doctor';
import type { WebhookStatus } from '../../../shared/contract/methods/webhook';
import { createQueueRepository } from '../notifications/queue-repository';
import { lastPolls } from '../doctor/last-poll';
import { createLogger, memorySink } from '../platform/logger';
import { DATABASE_FILE } from '../platform/paths';
import { createMarketingHolds } from '../templates/marketing-holds';
import { MIGRATIONS_DIR, makeTempDir, openTempCore } from '../testing/temp-core';
import { ensureInstallId } from '../tunnel/subdomain';
import { createAppStateRepository } from './app-state-repository';
import { openDatabase, type AppDatabase } from './open-database';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

/** Writes `text` as the stored value of `key`, as a damaged file would hold it (not necessarily JSON). */
const damage = (db: AppDatabase, key: string, text: string) =>
  db.$client.prepare('INSERT OR REPLACE INTO app_state (key, value, updated_at) VALUES (?, ?, 0)').run(key, text);

const value = <T>(answer: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
};

describe('app_state repository', () => {
  it('returns what its schema parses, and nothing (with a warning, no throw) for a damaged value', () => {
    temp = makeTempDir();
    const db = openDatabase(join(temp.dir, 'state.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    const sink = memorySink();
    const repo = createAppStateRepository(db, createLogger(sink, 'debug'));
    const point = z.object({ x: z.number() });
    expect(repo.get('missing', point)).toBeUndefined();
    repo.set('good', { x: 1 }, 1);
    expect(repo.get('good', point)).toEqual({ x: 1 });
    repo.set('good', { x: 2 }, 2);
    expect(repo.get('good', point)).toEqual({ x: 2 });
    damage(db, 'truncated', '{"x": 1');
    expect(repo.get('truncated', point)).toBeUndefined();
    repo.set('wrong', { x: 'one' }, 3);
    expect(repo.get('wrong', point)).toBeUndefined();
    const warnings = sink.lines.map((l) => JSON.parse(l) as { level: string; name: string; problem: string });
    expect(warnings).toMatchObject([
      { level: 'warn', name: 'truncated', problem: 'not JSON' },
      { level: 'warn', name: 'wrong', problem: 'x: invalid_type' },
    ]);
    db.$client.close();
  });

  it('every kind of stored fact falls back to its default when its value is damaged', async () => {
    temp = makeTempDir();
    const seed = openDatabase(join(temp.dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
    // Each value is valid JSON of the wrong shape, which the old unchecked `JSON.parse as T` let through.
    damage(seed, 'dispatcher.pause', '{"reason":"user","kind":"user"}');
    damage(seed, 'dispatcher.ledgerCursor', '"12"');
    damage(seed, 'templates.marketingAccepted', '{"order_placed":true}');
    damage(seed, 'webhook.lastCallbackAt', '"yesterday"');
    damage(seed, 'webhook.lastVerifiedAt', '{"at":1}');
    damage(seed, 'doctor.lastResult', '{"at":"today","checks":[]}');
    damage(seed, 'orders.lastPoll', '{"woocommerce":"failed"}');
    damage(seed, 'install.id', '42');
    seed.$client.close();

    const { core, logLines } = openTempCore(temp.dir, { mode: 'live' });
    const ctx = core.context();
    expect(value<DispatchState>(await core.invoke('dispatch.state', {})).pause).toBeNull();
    expect(createQueueRepository(ctx.db).ledgerCursor()).toBe(0);
    expect(createMarketingHolds(ctx).list()).toEqual([]);
    expect(value<WebhookStatus>(await core.invoke('webhook.status', {}))).toMatchObject({ lastCallbackAt: null, lastVerifiedAt: null });
    expect(value<DoctorResult | null>(await core.invoke('doctor.last', {}))).toBeNull();
    expect(lastPolls(ctx.db)).toEqual({});
    // The install id the session started with replaced the damaged one (a number) with a fresh id.
    const installId = ensureInstallId(createAppStateRepository(ctx.db), 1);
    expect(installId).toMatch(/^[0-9a-f]{32}$/);

    const warned = logLines.map((l) => JSON.parse(l) as { level: string; name?: string }).filter((l) => l.level === 'warn').map((l) => l.name);
    for (const key of ['dispatcher.pause', 'templates.marketingAccepted', 'webhook.lastCallbackAt', 'webhook.lastVerifiedAt', 'doctor.lastResult', 'install.id']) {
      expect(warned).toContain(key);
    }
    await core.close();
  });
});
