/**
 * A tiny benchmark harness for `npm run bench`: runs a function repeatedly, prints percentiles
 * and whether it met its target. Targets are reported, never asserted in the test suite (timing
 * on shared 2-core machines is too noisy for pass/fail tests).
 */
export interface Measurement {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  targetP95Ms?: number;
}

export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  options: { runs?: number; warmup?: number; targetP95Ms?: number } = {},
): Promise<Measurement> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const result: Measurement = { name, runs, p50: pick(0.5), p95: pick(0.95), max: samples[samples.length - 1]!, ...(options.targetP95Ms ? { targetP95Ms: options.targetP95Ms } : {}) };
  const verdict = result.targetP95Ms === undefined ? '' : result.p95 <= result.targetP95Ms ? `  ✓ target p95 ≤ ${result.targetP95Ms} ms` : `  ✗ OVER target p95 ≤ ${result.targetP95Ms} ms`;
  console.log(`${name.padEnd(48)} p50 ${result.p50.toFixed(3)} ms  p95 ${result.p95.toFixed(3)} ms  max ${result.max.toFixed(3)} ms${verdict}`);
  return result;
}

export function memoryMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
