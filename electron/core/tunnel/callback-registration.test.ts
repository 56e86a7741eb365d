import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../platform/logger';
import { createCallbackRegistrar, type MetaCallbackApi } from './callback-registration';
import { createManualClock } from './testing/manual-clock';

/** Meta's side as §4.4 describes it: an override needs a subscribed app; subscribing clears it. */
function fakeMeta(options: { refuse?: string[] } = {}) {
  const refusals = [...(options.refuse ?? [])];
  const calls: string[] = [];
  const state = { subscribed: false, override: null as string | null };
  const api: MetaCallbackApi = {
    async getSubscription() {
      calls.push('get');
      return { subscribed: state.subscribed, overrideCallbackUri: state.override };
    },
    async subscribeApp() {
      calls.push('subscribe');
      state.subscribed = true;
      state.override = null;
    },
    async setCallbackOverride(uri, token) {
      calls.push(`override ${uri} ${token}`);
      const refusal = refusals.shift();
      if (refusal) throw new Error(refusal);
      if (!state.subscribed) throw new Error('(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account');
      state.override = uri;
    },
  };
  return { api, calls, state };
}

const logger = createLogger(memorySink());

describe('callback registration', () => {
  it('subscribes the app first, then sets the WABA override with the verify token', async () => {
    const meta = fakeMeta();
    const clock = createManualClock();
    const registrar = createCallbackRegistrar({ api: () => meta.api, verifyToken: () => 'vt', clock, random: () => 0, logger });
    await expect(registrar.register('https://a.loca.lt/webhook/whatsapp')).resolves.toMatchObject({ state: 'registered', reason: null });
    expect(meta.calls).toEqual(['get', 'subscribe', 'override https://a.loca.lt/webhook/whatsapp vt']);
    // Same URL again: nothing to change.
    await registrar.register('https://a.loca.lt/webhook/whatsapp');
    expect(meta.calls.slice(3)).toEqual(['get']);
  });

  it('reports not_configured without credentials or verify token', async () => {
    const clock = createManualClock();
    const none = createCallbackRegistrar({ api: () => null, verifyToken: () => 'vt', clock, random: () => 0, logger });
    await expect(none.register('https://x/webhook/whatsapp')).resolves.toMatchObject({ state: 'not_configured', reason: 'credentials_missing' });
    const noToken = createCallbackRegistrar({ api: () => fakeMeta().api, verifyToken: () => null, clock, random: () => 0, logger });
    await expect(noToken.register('https://x/webhook/whatsapp')).resolves.toMatchObject({ state: 'not_configured', reason: 'verify_token_missing' });
  });

  it("shows Meta's refusal and retries later with backoff", async () => {
    const meta = fakeMeta({ refuse: ['(#2200) Callback verification failed with the following errors: HTTP Status Code = 502'] });
    const clock = createManualClock(1_000_000);
    const states: string[] = [];
    const registrar = createCallbackRegistrar({
      api: () => meta.api,
      verifyToken: () => 'vt',
      clock,
      random: () => 0,
      logger,
      onChange: (s) => states.push(s.state),
    });
    const first = await registrar.register('https://b.loca.lt/webhook/whatsapp');
    expect(first).toMatchObject({ state: 'failed', reason: expect.stringContaining('Callback verification failed'), nextRetryAt: 1_000_000 + 30_000 });
    await clock.advance(29_999);
    expect(registrar.state().state).toBe('failed');
    await clock.advance(1);
    expect(registrar.state()).toMatchObject({ state: 'registered', callbackUrl: 'https://b.loca.lt/webhook/whatsapp' });
    expect(states).toEqual(['registering', 'failed', 'registering', 'registered']);
  });

  it('a newer URL replaces a pending retry for an older one', async () => {
    const meta = fakeMeta({ refuse: ['down'] });
    const clock = createManualClock();
    const registrar = createCallbackRegistrar({ api: () => meta.api, verifyToken: () => 'vt', clock, random: () => 0, logger });
    await registrar.register('https://old/webhook/whatsapp');
    await registrar.register('https://new/webhook/whatsapp');
    await clock.advance(10 * 60_000);
    expect(meta.state.override).toBe('https://new/webhook/whatsapp');
    expect(meta.calls.filter((c) => c.includes('https://old')).length).toBe(1);
  });
});
