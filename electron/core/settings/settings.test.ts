import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES } from '../../../shared/settings/costs';
import { DEFAULT_DISPATCH_SETTINGS } from '../../../shared/settings/dispatch';
import { openConfStore } from '../platform/conf-store';
import { createLogger, memorySink } from '../platform/logger';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { createSettingsService } from './settings-service';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

const valid = { ...DEFAULT_DISPATCH_SETTINGS, pollingIntervalSeconds: 600, minDelaySeconds: 5, maxDelaySeconds: 9 };

describe('dispatch settings', () => {
  it('start with the wireframe defaults (polling every 300 s)', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    await expect(core.invoke('dispatch.getSettings', {})).resolves.toEqual({ ok: true, value: DEFAULT_DISPATCH_SETTINGS });
    expect(DEFAULT_DISPATCH_SETTINGS.pollingIntervalSeconds).toBe(300);
    await core.close();
  });

  it.each([
    ['pollingIntervalSeconds', 59],
    ['pollingIntervalSeconds', 3601],
    ['pollingIntervalSeconds', 120.5],
    ['maxPerBatch', 0],
    ['lookbackDays', 0],
    ['minDelaySeconds', -1],
  ])('refuse %s = %s', async (field, value) => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const answer = await core.invoke('dispatch.saveSettings', { ...valid, [field]: value });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [expect.objectContaining({ path: field })] } } });
    await core.close();
  });

  it('refuse a max delay below the min delay, on the max field', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const answer = await core.invoke('dispatch.saveSettings', { ...valid, minDelaySeconds: 30, maxDelaySeconds: 10 });
    expect(answer).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'maxDelaySeconds', key: 'validation.maxDelayBelowMin' }] } },
    });
    await core.close();
  });

  it('persist across a restart and push a change event', async () => {
    temp = makeTempDir();
    const first = openTempCore(temp.dir);
    const seen: unknown[] = [];
    first.core.subscribe((name, payload) => seen.push({ name, payload }));
    await expect(first.core.invoke('dispatch.saveSettings', valid)).resolves.toEqual({ ok: true, value: valid });
    expect(seen).toEqual([{ name: 'settings.dispatchChanged', payload: valid }]);
    await first.core.close();

    const second = openTempCore(temp.dir);
    await expect(second.core.invoke('dispatch.getSettings', {})).resolves.toEqual({ ok: true, value: valid });
    await second.core.close();
  });

  it('repair a hand-edited settings file field by field instead of failing', () => {
    temp = makeTempDir();
    const store = openConfStore(temp.dir);
    store.set('dispatch', { ...valid, pollingIntervalSeconds: 5, maxPerBatch: 'lots' });
    const sink = memorySink();
    const settings = createSettingsService(store, createLogger(sink));
    expect(settings.dispatch.get()).toEqual({
      ...valid,
      pollingIntervalSeconds: DEFAULT_DISPATCH_SETTINGS.pollingIntervalSeconds,
      maxPerBatch: DEFAULT_DISPATCH_SETTINGS.maxPerBatch,
    });
    expect(sink.lines.join()).toContain('stored settings are invalid');
  });
});

describe('general settings', () => {
  it('default to pt-BR and accept English', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    await expect(core.invoke('app.getSettings', {})).resolves.toMatchObject({ ok: true, value: { language: 'pt-BR' } });
    await expect(core.invoke('app.saveSettings', { language: 'en' })).resolves.toMatchObject({ ok: true, value: { language: 'en' } });
    await expect(core.invoke('app.saveSettings', { language: 'fr' })).resolves.toMatchObject({ ok: false });
    await core.close();
  });
});

describe('notification events and tracking URLs', () => {
  it('start with all six events on, toggle one at a time, and persist', async () => {
    temp = makeTempDir();
    const first = openTempCore(temp.dir);
    const initial = await first.core.invoke('events.getSettings', {});
    expect(initial).toMatchObject({ ok: true, value: { order_placed: true, refund_issued: true } });
    await expect(first.core.invoke('events.saveSettings', { refund_issued: false })).resolves.toMatchObject({
      ok: true,
      value: { refund_issued: false, order_placed: true },
    });
    await expect(first.core.invoke('events.saveSettings', { not_an_event: true })).resolves.toMatchObject({ ok: false });
    await first.core.close();
    const second = openTempCore(temp.dir);
    await expect(second.core.invoke('events.getSettings', {})).resolves.toMatchObject({ ok: true, value: { refund_issued: false } });
    await second.core.close();
  });

  it('keep the carrier table in the owner’s order and refuse a pattern without {tracking}', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const answer = await core.invoke('tracking.getSettings', {});
    if (!answer.ok) throw new Error('getTracking failed');
    const tracking = answer.value as { defaultUrl: string; carriers: { id: string; name: string; pattern: string }[] };
    expect(tracking.carriers[0]?.name).toBe('Correios');
    const reordered = { ...tracking, carriers: [...tracking.carriers].reverse() };
    await expect(core.invoke('tracking.saveSettings', reordered)).resolves.toEqual({ ok: true, value: reordered });
    await expect(core.invoke('tracking.saveSettings', { ...tracking, defaultUrl: 'https://x.com/track' })).resolves.toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'defaultUrl', key: 'validation.trackingPattern' }] } },
    });
    await core.close();
  });
});

describe('a damaged settings file', () => {
  it('is kept aside and the app starts on defaults instead of crashing', async () => {
    temp = makeTempDir();
    const first = openTempCore(temp.dir);
    await first.core.invoke('dispatch.saveSettings', valid);
    await first.core.close();
    writeFileSync(join(temp.dir, 'settings.json'), '{"dispatch": {"pollingIntervalSeconds": 12');
    const damaged: string[] = [];
    const store = openConfStore(temp.dir, (keptAs) => damaged.push(keptAs));
    const settings = createSettingsService(store, createLogger(memorySink()));
    expect(settings.dispatch.get()).toEqual(DEFAULT_DISPATCH_SETTINGS);
    expect(damaged).toHaveLength(1);
    expect(readFileSync(damaged[0]!, 'utf8')).toContain('pollingIntervalSeconds": 12');
    // And it saves again: the new file is valid.
    settings.dispatch.set(valid);
    expect(JSON.parse(readFileSync(join(temp.dir, 'settings.json'), 'utf8'))).toMatchObject({ dispatch: valid });
  });
});

describe('cost rates', () => {
  it('a shape saved before rates were in USD per country (reais per category) loads as Meta’s USD rates, not a crash', async () => {
    temp = makeTempDir();
    const store = openConfStore(temp.dir);
    store.set('costs', { currency: 'BRL', marketing: 0.5, utility: 0.05, authentication: 0.05, 'authentication-international': 0.2, service: 0 });
    const sink = memorySink();
    const settings = createSettingsService(store, createLogger(sink, 'debug'));
    expect(settings.costs.get()).toEqual(DEFAULT_COST_RATES);
    expect(settings.costs.get()).toMatchObject({ currency: 'USD', rates: { BR: { marketing: 0.0625, utility: 0.0068, authentication: 0.0068 } }, brlPerUsd: null });
    expect(sink.lines.join('\n')).toContain('upgraded');
    // Through the contract too, and a save stores the new shape.
    const { core } = openTempCore(temp.dir);
    await expect(core.invoke('status.getCostRates', {})).resolves.toEqual({ ok: true, value: DEFAULT_COST_RATES });
    await expect(core.invoke('status.saveCostRates', { ...DEFAULT_COST_RATES, brlPerUsd: 5.4 })).resolves.toMatchObject({ ok: true });
    await core.close();
    expect(openConfStore(temp.dir).get('costs')).toMatchObject({ currency: 'USD', brlPerUsd: 5.4 });
  });
});
