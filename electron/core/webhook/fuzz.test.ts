import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { makeTempDir } from '../testing/temp-core';
import { fuzzOrderEvents } from './testing/fuzz-order-events';
import { configureFuzzSecrets, fuzzRoute, type FuzzRoute } from './testing/fuzz-routes';
import { httpRequest, startTestWebhook, VERIFY_TOKEN, type TestWebhook } from './testing/webhook-test-kit';

// Property-based fuzzing of the three routes the tunnel exposes: generated bodies (Meta- and
// order-shaped with wrong fields, any JSON, truncated JSON, raw bytes), signed, unsigned, signed
// with another secret or over other bytes, under every content type. `npm run bench` runs
// 10,000 per route (scripts/bench/fuzz.bench.ts); CI runs FUZZ_RUNS (default 1,000).
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);

let temp: ReturnType<typeof makeTempDir>;
let hook: TestWebhook;
beforeAll(async () => {
  temp = makeTempDir();
  hook = await startTestWebhook(temp.dir);
  configureFuzzSecrets(hook);
});
afterAll(async () => {
  await hook?.close();
  temp?.remove();
});

describe('webhook routes under fuzzing', () => {
  it.each(['meta', 'woocommerce', 'orders'] as FuzzRoute[])(`%s: ${RUNS} generated requests, no 5xx, no write from a refused or unsigned body`, async (route) => {
    const outcome = await fuzzRoute(hook, route, RUNS);
    expect(outcome.serverErrors).toBe(0);
    expect(outcome.writesFromRefused).toBe(0);
    expect(outcome.requests).toBe(RUNS);
    // The generator reaches past the signature check, not only the 401s.
    expect(Object.keys(outcome.byStatus).length).toBeGreaterThan(2);
    // And the server still answers normally afterwards.
    const verify = await httpRequest(hook.server.port, { path: `${WEBHOOK_PATH}?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${VERIFY_TOKEN}` });
    expect(verify).toEqual({ status: 200, body: '42' });
  }, 180_000);

  // The route fuzz above rarely signs a body the endpoint accepts; this one always signs right, so
  // the body schema, the order schema and the accept path run on edge values.
  it(`order endpoint: ${RUNS} validly signed order events with edge values, no 5xx, refused ones write nothing, accepted ones exactly their order and events, none lost`, async () => {
    const outcome = await fuzzOrderEvents(hook, RUNS);
    expect(outcome).toMatchObject({ requests: RUNS, serverErrors: 0, writesFromRefused: 0, badAccepts: 0, lost: 0 });
    // All three outcomes are reached: accepted, refused by the body schema, refused by the order schema.
    expect(outcome.byStatus[200]).toBeGreaterThan(RUNS / 10);
    expect(outcome.byStatus[400]).toBeGreaterThan(0);
    expect(outcome.byStatus[422]).toBeGreaterThan(0);
  }, 180_000);
});
