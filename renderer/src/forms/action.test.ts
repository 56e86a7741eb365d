import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecadoBridge } from '../../../shared/contract/bridge';
import type { Envelope } from '../../../shared/contract/envelope';
import { en } from '../i18n/locales/en';
import { ptBR } from '../i18n/locales/pt-BR';
import { CallError, createApiClient } from '../../../shared/contract/client';
import { runAction, type ActionOptions, type Notice } from './action';

beforeAll(async () => {
  await i18next.init({ resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } }, lng: 'pt-BR', interpolation: { escapeValue: false } });
});

/** A transport that answers each method from a table, as the preload or the web host would carry the core's envelope. */
function fakeTransport(answers: Record<string, (input: unknown) => Envelope<unknown>>) {
  const calls: { method: string; input: unknown }[] = [];
  const bridge: RecadoBridge = {
    invoke: (method, input) => {
      calls.push({ method, input });
      const answer = answers[method];
      // What the web bridge answers when the host cannot be reached.
      if (!answer) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'network' } });
      return Promise.resolve(answer(input));
    },
    on: () => () => undefined,
  };
  return { api: createApiClient(bridge, 'web'), calls };
}

function harness() {
  const notices: Notice[] = [];
  return { notices, deps: { t: i18next.t, notify: (n: Notice) => notices.push(n) } };
}

const blacklisted = { phone: '+5511987654321', reason: 'manual', addedAt: 1 };

describe('runAction: one busy / try / notify for every screen', () => {
  it('calls the method once with the input, hands the result on and says the success in words', async () => {
    const { api, calls } = fakeTransport({ 'blacklist.add': () => ({ ok: true, value: blacklisted }) });
    const { notices, deps } = harness();
    const seen: unknown[] = [];
    const input = { phone: '(11) 98765-4321', reason: '' };
    const result = await runAction((i: typeof input) => api.call('blacklist.add', i), [input], { onSuccess: (row) => seen.push(row), success: (row) => `added ${row.phone}` }, deps);
    expect(result).toEqual(blacklisted);
    expect(calls).toEqual([{ method: 'blacklist.add', input }]);
    expect(seen).toEqual([blacklisted]);
    expect(notices).toEqual([{ color: 'green', message: 'added +5511987654321' }]);
  });

  it('a whole notice keeps its colour and title; null says nothing', async () => {
    const { api } = fakeTransport({ 'dispatch.pause': () => ({ ok: true, value: { state: 'paused' } }) });
    const { notices, deps } = harness();
    await runAction(() => api.call('dispatch.pause', {}), [], { success: { color: 'yellow', title: 'T', message: 'paused', autoClose: false } }, deps);
    await runAction(() => api.call('dispatch.pause', {}), [], { success: () => null }, deps);
    expect(notices).toEqual([{ color: 'yellow', title: 'T', message: 'paused', autoClose: false }]);
  });

  it('a refusal becomes the sentence for its code, with the default title, and resolves to undefined', async () => {
    const { api } = fakeTransport({ 'blacklist.remove': () => ({ ok: false, error: { code: 'not_found', message: 'No such number' } }) });
    const { notices, deps } = harness();
    const failures: string[] = [];
    const result = await runAction(() => api.call('blacklist.remove', { phone: '+5511987654321' }), [], { success: 'removed', onError: (_e, message) => failures.push(message) }, deps);
    expect(result).toBeUndefined();
    expect(failures).toEqual([ptBR.errors.not_found]);
    expect(notices).toEqual([{ color: 'red', title: ptBR.errors.title, message: ptBR.errors.not_found }]);
  });

  it('a precise sentence the backend names (details.key) wins over the code', async () => {
    const { api } = fakeTransport({
      'orders.refund': () => ({ ok: false, error: { code: 'conflict', message: 'Refund exceeds what is left', details: { key: 'orders.refundTooLarge', left: 100 } } }),
    });
    const { notices, deps } = harness();
    await runAction(() => api.call('orders.refund', { id: 1, amountMinor: 500 }), [], { failureTitle: null }, deps);
    expect(notices).toHaveLength(1);
    expect(notices[0]).not.toHaveProperty('title');
    expect(notices[0]?.message).toBe(i18next.t('orders.refundTooLarge', { left: 100 }));
    expect(notices[0]?.message).not.toBe(ptBR.errors.conflict);
  });

  it('validation issues land at the form fields, naming a list item; the notification still says it', async () => {
    const issues = [{ path: 'optOutKeywords.1', key: 'validation.tooLong', params: { maximum: 60 } }];
    const { api } = fakeTransport({ 'webhook.saveSettings': () => ({ ok: false, error: { code: 'validation', message: 'invalid', details: { issues } } }) });
    const { notices, deps } = harness();
    const form = { errors: { port: 'kept' } as Record<string, unknown>, setErrors(errors: Record<string, unknown>) { form.errors = errors; } };
    const values = { port: 0, optOutKeywords: ['parar', 'x'.repeat(61)], optOutButtonPayloads: [] };
    await runAction((v: typeof values) => api.call('webhook.saveSettings', v), [values], { form }, deps);
    expect(Object.keys(form.errors).sort()).toEqual(['optOutKeywords', 'port']);
    expect(form.errors.optOutKeywords).toContain('“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”');
    expect(notices).toEqual([{ color: 'red', title: ptBR.errors.title, message: ptBR.errors.validation }]);
  });

  it('a lost connection reads as such; quietFailure leaves the words to the screen', async () => {
    const { api } = fakeTransport({});
    const { notices, deps } = harness();
    const inline: string[] = [];
    const options: ActionOptions<[], unknown> = { quietFailure: true, onError: (_e, message) => inline.push(message) };
    expect(await runAction(() => api.call('doctor.run', {}), [], options, deps)).toBeUndefined();
    expect(notices).toEqual([]);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toBe(ptBR.errors.network);
  });

  it('a quietFailure function keeps one kind of failure off the notifications and lets the others through', async () => {
    const { api } = fakeTransport({
      'app.saveSettings': (input) =>
        (input as { updateFeedUrl?: string }).updateFeedUrl !== undefined
          ? { ok: false, error: { code: 'validation', message: 'invalid', details: { issues: [{ path: 'updateFeedUrl', key: 'validation.url' }] } } }
          : { ok: false, error: { code: 'conflict', message: 'busy' } },
    });
    const { notices, deps } = harness();
    const options: ActionOptions<[Record<string, unknown>], unknown> = { quietFailure: (error) => error instanceof CallError && error.error.code === 'validation' };
    await runAction((patch: Record<string, unknown>) => api.call('app.saveSettings', patch), [{ updateFeedUrl: 'ftp://x' }], options, deps);
    expect(notices).toEqual([]);
    await runAction((patch: Record<string, unknown>) => api.call('app.saveSettings', patch), [{ logLevel: 'debug' }], options, deps);
    expect(notices).toEqual([{ color: 'red', title: ptBR.errors.title, message: ptBR.errors.conflict }]);
  });

  it('a throw while handing the result on is a failure said in words, not a success', async () => {
    const { api } = fakeTransport({ 'doctor.supportBundle': () => ({ ok: true, value: { base64: '', fileName: 'x.zip', path: '/x.zip' } }) });
    const { notices, deps } = harness();
    const result = await runAction(() => api.call('doctor.supportBundle', {}), [], { success: 'done', failureTitle: 'bundle failed', onSuccess: () => { throw new Error('no download'); } }, deps);
    expect(result).toBeUndefined();
    expect(notices).toEqual([{ color: 'red', title: 'bundle failed', message: ptBR.errors.internal }]);
  });
});
