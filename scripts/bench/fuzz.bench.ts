import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../../electron/core/testing/temp-core';
import { configureFuzzSecrets, fuzzRoute, type FuzzOutcome, type FuzzRoute } from '../../electron/core/webhook/testing/fuzz-routes';
import { startTestWebhook, type TestWebhook } from '../../electron/core/webhook/testing/webhook-test-kit';
import { knob, publish, type Figure } from './results';

// The fuzz suite of electron/core/webhook/fuzz.test.ts at bench size: 10,000 generated requests
// per route (CI runs 1,000).
const RUNS = knob('FUZZ_RUNS', 10_000);

let temp: ReturnType<typeof makeTempDir>;
let hook: TestWebhook;
beforeAll(async () => {
  temp = makeTempDir('recado-bench-');
  hook = await startTestWebhook(temp.dir);
  configureFuzzSecrets(hook);
});
afterAll(async () => {
  await hook?.close();
  temp?.remove();
});

it(`fuzzing the three webhook routes, ${RUNS} requests each`, async () => {
  const outcomes: Record<string, FuzzOutcome> = {};
  const failures: string[] = [];
  for (const route of ['meta', 'woocommerce', 'orders'] as FuzzRoute[]) {
    const started = performance.now();
    try {
      outcomes[route] = await fuzzRoute(hook, route, RUNS);
    } catch (error) {
      failures.push(`${route}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`);
    }
    console.log(`${route}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  publish(
    'fuzzing (webhook routes)',
    (['meta', 'woocommerce', 'orders'] as const).flatMap((route): Figure[] => {
      const o = outcomes[route];
      if (!o) return [{ name: `${route}: failed`, value: failures.find((f) => f.startsWith(route)) ?? 'failed', target: '0 failures', met: false }];
      return [
        { name: `${route}: requests`, value: o.requests },
        { name: `${route}: answers`, value: Object.entries(o.byStatus).map(([s, n]) => `${s}×${n}`).join(' ') },
        { name: `${route}: 5xx or dropped`, value: o.serverErrors, target: '= 0', met: o.serverErrors === 0 },
        { name: `${route}: writes from a refused/unsigned body`, value: o.writesFromRefused, target: '= 0', met: o.writesFromRefused === 0 },
      ];
    }),
    { runsPerRoute: RUNS },
  );
  expect(failures).toEqual([]);
}, 900_000);
