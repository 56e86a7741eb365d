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

/** Where finished log lines go. */
export type LogSink = (line: string) => void;

/** Field names whose values are always hidden, whatever they hold. */
const SECRET_FIELD = /token|secret|password|authorization|pin|key$/i;
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * A JSON-lines logger that never writes a secret in clear: values of secret-looking fields are
 * masked, and any string registered with `redact()` is scrubbed from every line.
 */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info'): Logger {
  const secrets = new Set<string>();
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[minLevel]) return;
    let line = JSON.stringify({ time: new Date().toISOString(), level, message, ...maskFields(fields) });
    for (const secret of secrets) line = line.split(secret).join('[redacted]');
    sink(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    redact(secret) {
      // Very short values would scrub ordinary words out of the log.
      if (secret.length >= 6) secrets.add(secret);
    },
  };
}

/** Appends to a file (creating its folder); optionally echoes to stderr. */
export function fileSink(file: string, echo = false): LogSink {
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
export function memorySink(): LogSink & { lines: string[] } {
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
