import type { NodeLogger } from 'electron-log';
import { join } from 'node:path';
import type { LogLevel, LogSink, Redactor } from '../core/platform/logger';
import { scrubValue } from '../core/platform/logger';

/** Past this size the log file is renamed `recado.old.log` (one kept) and a new one starts. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DESKTOP_LOG_FILE = 'recado.log';

/**
 * Points electron-log (the desktop app's logger) at the OS log folder (`app.getPath('logs')`:
 * %APPDATA%\Recado\logs, ~/Library/Logs/Recado, ~/.config/Recado/logs) with size-based rotation
 * and the owner's level, and scrubs every message — the core's lines and anything else logged
 * through electron-log (uncaught errors included) — with the same redactor the core logger uses.
 * Returns the sink the core logger writes to.
 */
export function configureDesktopLog(log: NodeLogger, options: { dir: string; level: LogLevel; redactor: Redactor; console: boolean }): LogSink {
  const file = log.transports.file;
  file.resolvePathFn = () => join(options.dir, DESKTOP_LOG_FILE);
  file.maxSize = LOG_MAX_BYTES;
  file.level = options.level;
  // The core's lines are JSON already; anything else gets electron-log's usual prefix.
  file.format = '{text}';
  log.transports.console.level = options.console ? options.level : false;
  log.hooks.push((message) => ({ ...message, data: message.data.map((item: unknown) => scrubValue(item, options.redactor)) }));
  return (line, level) => log[level](line);
}

/** Changes the file level at run time (the setting applies without a restart). */
export function setDesktopLogLevel(log: NodeLogger, level: LogLevel): void {
  log.transports.file.level = level;
}
