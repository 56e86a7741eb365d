import { afterEach, describe, expect, it } from 'vitest';
import { createDrivenClock } from '../dispatcher/testing/driven-clock';
import { DEMO } from './demo-world';
import { createTestSandbox } from './testing/test-world';

type Sandbox = ReturnType<typeof createTestSandbox>;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const T0 = Date.UTC(2026, 4, 28, 12);
const phonePath = `/v23.0/${DEMO.phoneNumberId}?access_token=${DEMO.accessToken}`;
const sendText = async (s: Sandbox) =>
  s.app.request(`/v23.0/${DEMO.phoneNumberId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messaging_product: 'whatsapp', to: '+55 11 98888-7777', type: 'text', text: { body: 'oi' } }),
  });

describe('POST /_sandbox/outage', () => {
  it('503 for the window on the clock: code 2, nothing takes effect; answers again after it', async () => {
    const clock = createDrivenClock(T0);
    sandbox = createTestSandbox({ clock });
    const set = await sandbox.app.request(`/_sandbox/outage`, { method: 'POST', body: JSON.stringify({ forMs: 60_000, status: 503 }) });
    expect(await set.json()).toEqual({ until: T0 + 60_000, kind: 'error', status: 503 });
    const refused = await sendText(sandbox);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: number } }).error.code).toBe(2);
    expect(sandbox.control.sent()).toHaveLength(0);
    expect((await sandbox.app.request(phonePath)).status).toBe(503);
    clock.advanceTo(T0 + 60_000);
    expect((await sendText(sandbox)).status).toBe(200);
    expect(sandbox.control.sent()).toHaveLength(1);
  });

  it('500 by default (code 1); hang reads and never answers; forMs 0 ends it; bad input refused', async () => {
    sandbox = createTestSandbox({ clock: createDrivenClock(T0) });
    sandbox.control.setOutage({ forMs: 1_000 });
    const refused = await sendText(sandbox);
    expect(refused.status).toBe(500);
    expect(((await refused.json()) as { error: { code: number } }).error.code).toBe(1);
    sandbox.control.setOutage({ forMs: 1_000, kind: 'hang' });
    await expect(Promise.race([sendText(sandbox).then(() => 'answered', () => 'closed'), new Promise((r) => setTimeout(() => r('hung'), 300))])).resolves.toBe('hung');
    expect(sandbox.control.sent()).toHaveLength(0);
    sandbox.control.setOutage({ forMs: 0 });
    expect((await sendText(sandbox)).status).toBe(200);
    const bad = await sandbox.app.request(`/_sandbox/outage`, { method: 'POST', body: JSON.stringify({ forMs: 10, status: 404 }) });
    expect(bad.status).toBe(400);
  });
});
