import { appendFileSync } from 'node:fs';
import { ensurePrivateDir } from './private-files';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Every later line has this value replaced by `[redacted]`. Secret stores call it. */
  redact(secret: string): void;
}

/** Where finished (already redacted) log lines go, with their level. */
export type LogSink = (line: string, level: LogLevel) => void;

/**
 * The secrets to scrub, shared by every log path of a process (the core's logger and, in the
 * desktop app, electron-log's hook), so a secret registered once is hidden everywhere.
 */
export interface Redactor {
  add(secret: string): void;
  /** The text with every registered secret replaced by `[redacted]`. */
  scrub(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      // Very short values would scrub ordinary words out of the log.
      if (secret.length >= 6) secrets.add(secret);
    },
    scrub(text) {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join('[redacted]');
      return out;
    },
  };
}

/**
 * Any value made safe to log: secret-looking fields masked, registered secrets scrubbed from
 * every string, errors reduced to name and message — at any depth.
 */
export function scrubValue(value: unknown, redactor: Redactor, depth = 0): unknown {
  if (typeof value === 'string') return redactor.scrub(value);
  if (value instanceof Error) return { name: value.name, message: redactor.scrub(value.message) };
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, redactor, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) && item !== undefined && item !== null ? '[redacted]' : scrubValue(item, redactor, depth + 1);
  }
  return out;
}

/** Field names whose values are always hidden, whatever they hold. */
const SECRET_FIELD = /token|secret|password|authorization|pin|key$/i;
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * A JSON-lines logger that never writes a secret in clear: values of secret-looking fields are
 * masked, and any string registered with `redact()` is scrubbed from every line.
 */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info', redactor: Redactor = createRedactor()): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[minLevel]) return;
    sink(redactor.scrub(JSON.stringify({ time: new Date().toISOString(), level, message, ...maskFields(fields) })), level);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    redact: (secret) => redactor.add(secret),
  };
}

/** Appends to a file (creating its folder); optionally echoes to stderr. */
export function fileSink(file: string, echo = false): (line: string) => void {
  ensurePrivateDir(dirname(file));
  return (line) => {
    try {
      // Owner-only: lines carry customers' phone numbers.
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full disk must not take the app down with it.
    }
    if (echo) process.stderr.write(`${line}\n`);
  };
}

/** Keeps lines in memory: for tests, and for checking what would have been written. */
export function memorySink(): ((line: string) => void) & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign((line: string) => void lines.push(line), { lines });
}

function maskFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (SECRET_FIELD.test(key) && value !== undefined && value !== null) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message };
    else out[key] = value;
  }
  return out;
}
