import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempCore } from './testing/temp-core';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

const waitFor = async <T>(what: string, probe: () => Promise<T | null> | T | null, ms = 15_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('core services', () => {
  it('in Sandbox mode, point the emulator at the local webhook: statuses of a send come back signed and land', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    await core.startServices({ webhookPort: 0 });
    const meta = core.context().meta;
    const client = await meta.client();
    await client.sendText(meta.account().phoneNumberId, { to: '+5511987654321', body: 'Olá' });
    const emulator = await meta.sandbox();
    await emulator!.control.injectInbound({ from: '5511987654321', text: 'oi' });
    const status = await waitFor('a callback accepted', async () => {
      const answer = await core.dispatch('webhook.status', {});
      return answer.ok && (answer.value as { counters: { accepted: number } }).counters.accepted > 0 ? answer : null;
    });
    expect(status).toBeTruthy();
    expect(core.tunnel.state().state).toBe('stopped');
    await core.close();
  });
});
