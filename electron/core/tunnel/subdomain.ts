import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppStateRepository } from '../db/app-state-repository';

const INSTALL_ID_KEY = 'install.id';

/** localtunnel's rule for requested ids (server `/:id` route): lowercase, 4–63 characters. */
export const SUBDOMAIN_PATTERN = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

/**
 * The subdomain this install asks for: stable across restarts (so Meta's registered URL keeps
 * working when the server gives it back), derived from a random install id rather than the user
 * or machine name, which would collide between shops and leak who runs it.
 */
export function stableSubdomain(installId: string): string {
  const digest = createHash('sha256').update(`recado-tunnel:${installId}`).digest('hex');
  return `recado-${BigInt(`0x${digest.slice(0, 16)}`).toString(36)}`;
}

/** This install's id, created on first use and kept in `app_state`. */
export function ensureInstallId(appState: AppStateRepository, now: number): string {
  const existing = appState.get(INSTALL_ID_KEY, z.string().min(1));
  if (existing) return existing;
  const id = randomBytes(16).toString('hex');
  appState.set(INSTALL_ID_KEY, id, now);
  return id;
}
