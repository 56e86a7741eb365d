import { expect, it } from 'vitest';
import { makeTempDir, openTempCore } from '../../electron/core/testing/temp-core';
import { memoryMb, measure } from './measure';

// What the contract layer itself costs per call (lookup, zod validation, envelope) on a real core.
it('contract router', async () => {
  const temp = makeTempDir('recado-bench-');
  const { core } = openTempCore(temp.dir);
  const read = await measure('invoke dispatch.getSettings', () => core.invoke('dispatch.getSettings', {}), { runs: 2000, targetP95Ms: 1 });
  await measure('invoke with a validation failure', () => core.invoke('dispatch.saveSettings', { pollingIntervalSeconds: 1 }), { runs: 2000, targetP95Ms: 1 });
  console.log(`rss after ${read.runs * 2} calls: ${memoryMb().toFixed(0)} MB`);
  await core.close();
  temp.remove();
  expect(read.runs).toBeGreaterThan(0);
});
