import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { WEBHOOK_PATH } from '../../shared/settings/webhook';
import { DATABASE_FILE } from '../../electron/core/platform/paths';
import { bundleChild } from '../../electron/core/testing/bundle-child';
import { killChild, spawnPortChild, type RunningChild } from '../../electron/core/testing/spawn-child';
import { makeTempDir, MIGRATIONS_DIR, openTempCore } from '../../electron/core/testing/temp-core';
import { APP_SECRET, signedHeaders, statusBody } from '../../electron/core/webhook/testing/webhook-test-kit';
import { processCpuMs } from './cpu';
import { knob, publish, type Figure } from './results';

// Webhook ingest: signed status callbacks, each a new wamid (so every 200 must be a new row),
// over loopback from autocannon with 20 connections, against the real webhook server in its own
// process and, in the same run, against a bare node:http server that reads the body and answers
// 200. The ratio is what the machine allows us; absolute req/s depend on the machine and its load.
const CONNECTIONS = 20;
const SECONDS = knob('INGEST_SECONDS', 10);
const OFFERED = 2_000;
const BARE = fileURLToPath(new URL('./webhook/bare-child.mjs', import.meta.url));

const temps: { remove(): void }[] = [];
const children: RunningChild[] = [];
afterAll(async () => {
  for (const c of children) await killChild(c);
  for (const t of temps) t.remove();
});

let sequence = 0;
// The body around its wamid, built once: the generator's own cost per request must stay far
// below the bare server's, or the ratio would measure the generator.
const [BODY_HEAD, BODY_TAIL] = statusBody([{ id: 'WAMID', status: 'delivered', timestamp: '1750000000', recipient_id: '5511987654321' }]).split('WAMID') as [string, string];

/** A distinct signed status body per request, as Meta's receipts are. */
function load(port: number, options: { duration: number; overallRate?: number }): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: options.duration,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: WEBHOOK_PATH,
        setupRequest: (req) => {
          const body = `${BODY_HEAD}wamid.bench.${process.pid}.${sequence++}${BODY_TAIL}`;
          return { ...req, body, headers: signedHeaders(body) };
        },
      },
    ],
  });
}

interface Run {
  result: autocannon.Result;
  /** Server CPU (ms) per 1,000 requests answered, or null where /proc is missing. */
  cpuPerThousand: number | null;
}

/** One measured run, with the server's CPU time over it. */
async function measured(child: RunningChild, options: { duration: number; overallRate?: number }): Promise<Run> {
  const before = processCpuMs(child.proc.pid);
  const result = await load(child.port, options);
  const after = processCpuMs(child.proc.pid);
  const answered = result['2xx'] + result.non2xx;
  return { result, cpuPerThousand: before === null || after === null || answered === 0 ? null : ((after - before) / answered) * 1000 };
}

async function start(script: string, args: string[]): Promise<RunningChild> {
  const child = await spawnPortChild(script, args);
  children.push(child);
  return child;
}

it('webhook ingest against a bare node:http server', async () => {
  const bundle = makeTempDir('recado-bench-');
  const data = makeTempDir('recado-bench-');
  temps.push(bundle, data);
  const setup = openTempCore(data.dir, { mode: 'live' });
  setup.secrets.set('appSecret', APP_SECRET);
  await setup.core.close();
  const recadoScript = await bundleChild('scripts/bench/webhook/recado-child.ts', bundle.dir);

  const bare = await start(BARE, []);
  await load(bare.port, { duration: 2 });
  const bareMax = await measured(bare, { duration: SECONDS });
  await killChild(bare);

  let answered = 0;
  const runs: Record<'node' | 'hono', Run> = {} as Record<'node' | 'hono', Run>;
  let fixed: Run | undefined;
  for (const route of ['hono', 'node'] as const) {
    const recado = await start(recadoScript, [data.dir, MIGRATIONS_DIR, route]);
    answered += (await load(recado.port, { duration: 2 }))['2xx'];
    runs[route] = await measured(recado, { duration: SECONDS });
    answered += runs[route].result['2xx'];
    if (route === 'node') {
      fixed = await measured(recado, { duration: SECONDS, overallRate: OFFERED });
      answered += fixed.result['2xx'];
    }
    await killChild(recado, 'SIGTERM');
  }
  const ours = runs.node.result;
  const f = fixed!.result;

  const db = new Database(join(data.dir, DATABASE_FILE), { readonly: true });
  const rows = (db.prepare(`SELECT count(*) AS n FROM webhook_status_events WHERE wamid LIKE 'wamid.bench.%'`).get() as { n: number }).n;
  db.close();
  // Each 2xx was answered after COMMIT, so rows ≥ 2xx (a request cut at the end of a run may be
  // stored without its answer being counted).
  const ratio = ours.requests.average / bareMax.result.requests.average;
  const cpu = (run: Run) => run.cpuPerThousand ?? 'n/a';
  const figures: Figure[] = [
    { name: 'bare node:http req/s', value: bareMax.result.requests.average, unit: 'req/s' },
    { name: 'Recado (node:http route) req/s', value: ours.requests.average, unit: 'req/s' },
    { name: 'Recado (Hono route) req/s', value: runs.hono.result.requests.average, unit: 'req/s' },
    { name: 'throughput ratio to bare', value: ratio, unit: '×', target: '≥ 0.5', met: ratio >= 0.5 },
    { name: 'Hono route ratio to bare', value: runs.hono.result.requests.average / bareMax.result.requests.average, unit: '×' },
    { name: 'server CPU per 1k req: bare', value: cpu(bareMax), unit: 'ms' },
    { name: 'server CPU per 1k req: Recado node:http', value: cpu(runs.node), unit: 'ms' },
    { name: 'server CPU per 1k req: Recado Hono', value: cpu(runs.hono), unit: 'ms' },
    { name: 'Recado p50 / p99 at max throughput', value: `${ours.latency.p50} / ${ours.latency.p99}`, unit: 'ms' },
    { name: `achieved at offered ${OFFERED} req/s`, value: f.requests.average, unit: 'req/s' },
    { name: `p50 at offered ${OFFERED} req/s`, value: f.latency.p50, unit: 'ms' },
    { name: `p99 at offered ${OFFERED} req/s`, value: f.latency.p99, unit: 'ms', target: '≤ 10', met: f.latency.p99 <= 10 },
    { name: 'non-2xx answers and errors', value: ours.non2xx + f.non2xx + ours.errors + f.errors + runs.hono.result.non2xx + runs.hono.result.errors },
    { name: '2xx answered', value: answered },
    { name: 'rows stored', value: rows },
    { name: 'lost (2xx without a row)', value: Math.max(0, answered - rows), target: '= 0', met: answered <= rows },
  ];
  publish('webhook ingest', figures, { connections: CONNECTIONS, seconds: SECONDS, offered: OFFERED });
  expect(answered).toBeLessThanOrEqual(rows);
}, 300_000);
