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

const served = async (s: Sandbox, version: string) => {
  const answer = await s.app.request(`/${version}/${DEMO.phoneNumberId}?access_token=${DEMO.accessToken}`);
  return { status: answer.status, version: answer.headers.get('facebook-api-version') };
};

describe('Sandbox Graph versions', () => {
  it('serves v24.0–v27.0 as asked, like Meta (the same answers for what Recado uses)', async () => {
    sandbox = createTestSandbox({ clock: createDrivenClock(Date.UTC(2026, 11, 3, 12)) });
    for (const version of ['v24.0', 'v25.0', 'v26.0', 'v27.0']) expect(await served(sandbox, version)).toEqual({ status: 200, version });
  });

  it('answers an expired version (by its published date, or older than the table) with the oldest one served', async () => {
    sandbox = createTestSandbox({ clock: createDrivenClock(Date.UTC(2026, 11, 3, 12)) });
    // v20.0 expired on 2026-09-24; v17.0 long before; v21.0 is the oldest still served in Dec 2026.
    expect(await served(sandbox, 'v20.0')).toEqual({ status: 200, version: 'v21.0' });
    expect(await served(sandbox, 'v17.0')).toEqual({ status: 200, version: 'v21.0' });
  });
});
