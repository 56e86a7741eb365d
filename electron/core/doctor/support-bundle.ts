import { strToU8, zipSync } from 'fflate';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupportBundle } from '../../../shared/contract/methods/doctor';
import { SECRET_NAMES } from '../../../shared/settings/credentials';
import type { CoreContext } from '../core-context';
import { createNotificationQueries } from '../notifications/notification-queries';
import { LOG_FILE } from '../platform/paths';
import { lastDoctorResult } from './run-doctor';

const LOG_TAIL_BYTES = 2 * 1024 * 1024;
const MAX_LOG_LINES = 300;
const LOG_ROWS = 200;
const REMOVED = '[removido]';

/** The last bytes of the log file, whole lines only (the first partial one dropped). */
function logTail(file: string): string[] {
  if (!existsSync(file)) return [];
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift();
    return lines.filter((line) => line.trim() !== '');
  } finally {
    closeSync(fd);
  }
}

/**
 * Every form a secret could take in text: as stored, base64 (standard and URL-safe, with and
 * without padding) and hex of its UTF-8 bytes. The bundle is scrubbed of all of them, on top of
 * never putting a secret into it: a token pasted into a wrong field, or echoed by an error, must not leak.
 */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const b64 = bytes.toString('base64');
  const forms = [secret, b64, b64.replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex'), bytes.toString('hex').toUpperCase(), encodeURIComponent(secret)];
  // Short values would scrub ordinary words; real secrets here are ≥ 8 characters.
  return [...new Set(forms)].filter((form) => form.length >= 8).sort((a, b) => b.length - a.length);
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) for (const form of secretForms(secret)) out = out.split(form).join(REMOVED);
  return out;
}

/** The files of the bundle, as text, before scrubbing (exported for the test's own look). */
export function bundleFiles(ctx: CoreContext): Record<string, string> {
  const { settings } = ctx;
  const settingsView = {
    credentials: settings.credentials.get(),
    dispatch: settings.dispatch.get(),
    general: settings.general.get(),
    events: settings.events.get(),
    templates: settings.templates.get(),
    tracking: settings.tracking.get(),
    sandbox: settings.sandbox.get(),
    woocommerce: settings.woocommerce.get(),
    webhook: settings.webhook.get(),
    tunnel: settings.tunnel.get(),
    costs: settings.costs.get(),
    // Only whether each secret is set: never a character of it.
    secretsSet: Object.fromEntries(SECRET_NAMES.map((name) => [name, ctx.secrets.get(name) !== null])),
  };
  const versions = {
    recado: ctx.host.version,
    host: ctx.host.kind,
    mode: ctx.meta.mode,
    platform: process.platform,
    arch: process.arch,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    generatedAt: new Date(ctx.clock.now()).toISOString(),
  };
  const problems = logTail(join(ctx.host.dataDir, LOG_FILE))
    .filter((line) => /"level":"(warn|error)"/.test(line))
    .slice(-MAX_LOG_LINES);
  // Statuses and Meta's codes only: no customer phone numbers or names leave the PC.
  const rows = createNotificationQueries(ctx.db).recentStatuses(LOG_ROWS);
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const csv = [
    'id;type;status;error_code;error_title;created_at;sent_at;delivered_at;read_at;failed_at',
    ...rows.map((r) =>
      [r.id, r.type, r.status, r.errorCode ?? '', (r.errorTitle ?? '').replace(/[;\n]/g, ' '), iso(r.createdAt), iso(r.sentAt), iso(r.deliveredAt), iso(r.readAt), iso(r.failedAt)].join(';'),
    ),
  ].join('\n');
  return {
    'LEIA-ME.txt': 'Pacote de suporte do Recado: diagnóstico, configurações sem segredos, versões, erros recentes e status das últimas mensagens.\n',
    'doctor.json': JSON.stringify(lastDoctorResult(ctx), null, 2),
    'settings.json': JSON.stringify(settingsView, null, 2),
    'versions.json': JSON.stringify(versions, null, 2),
    'recent-errors.log': problems.join('\n'),
    'message-statuses.csv': csv,
  };
}

/**
 * "Gerar pacote de suporte": a zip in `<data>/support/` with the doctor's last result, settings
 * without secrets, versions, recent warnings/errors and the last 200 messages' statuses — every
 * file scrubbed of every stored secret in every common encoding.
 */
export function writeSupportBundle(ctx: CoreContext): SupportBundle {
  const secrets = SECRET_NAMES.map((name) => ctx.secrets.get(name)).filter((s): s is string => typeof s === 'string' && s !== '');
  const files = Object.fromEntries(Object.entries(bundleFiles(ctx)).map(([name, text]) => [name, strToU8(scrub(text, secrets))]));
  const zip = zipSync(files, { level: 9, mtime: new Date(ctx.clock.now()) });
  const stamp = new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '-');
  const fileName = `recado-suporte-${stamp}.zip`;
  const dir = join(ctx.host.dataDir, 'support');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileSync(path, zip);
  ctx.logger.info('support bundle written', { path, bytes: zip.length });
  return { fileName, path, base64: Buffer.from(zip).toString('base64'), bytes: zip.length };
}
