import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** `bench-results.json` at the repository root: one section per bench file, merged as each finishes. */
export const RESULTS_FILE = fileURLToPath(new URL('../../bench-results.json', import.meta.url));

export interface Figure {
  name: string;
  value: number | string;
  unit?: string;
  /** What the issue asks for, e.g. "≥ 0.5". */
  target?: string;
  met?: boolean;
}

/** The machine and its load right now: figures on a shared machine mean little without it. */
export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Prints `figures` as a table and merges them into bench-results.json under `section`. */
export function publish(section: string, figures: Figure[], extra: Record<string, unknown> = {}): void {
  const rows = figures.map((f) => [
    f.name,
    `${typeof f.value === 'number' ? round(f.value) : f.value}${f.unit ? ` ${f.unit}` : ''}`,
    f.target ? `${f.target} ${f.met === undefined ? '' : f.met ? '✓' : '✗'}` : '',
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const load = machine().loadAverage.join(' ');
  console.log(`\n## ${section} (load average ${load})\n${line(['figure', 'value', 'target'])}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n`);
  const all = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  all[section] = { at: new Date().toISOString(), machine: machine(), figures, ...extra };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

function round(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** A bench knob from the environment (BENCH_<NAME>), so CI or a quick run can shrink it. */
export function knob(name: string, fallback: number): number {
  const raw = process.env[`BENCH_${name}`];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
