/**
 * Graph API versions Recado knows, with the dates Meta published on its versions changelog
 * (developers.facebook.com/docs/graph-api/changelog/versions, checked 2026-12-03;
 * whatsapp-cloud-api.md §8). `expires` null = Meta has not published the date yet (it sets a
 * version's expiry when a later one ships; each is served at least two years). A call to an
 * expired version is served by the oldest available one. The one table: the core (doctor, Status,
 * the credentials save, the Sandbox) and the Credentials form all read it.
 */
export interface GraphVersionInfo {
  version: string;
  /** ISO date; null when not recorded here. */
  released: string | null;
  /** ISO date the version stops being served; null = not published yet. */
  expires: string | null;
}

export const GRAPH_VERSIONS: readonly GraphVersionInfo[] = [
  { version: 'v18.0', released: '2023-09-12', expires: '2026-01-26' },
  { version: 'v19.0', released: '2024-01-23', expires: '2026-05-21' },
  { version: 'v20.0', released: '2024-05-21', expires: '2026-09-24' },
  { version: 'v21.0', released: '2024-10-02', expires: '2027-01-21' },
  { version: 'v22.0', released: '2025-01-21', expires: '2027-05-20' },
  { version: 'v23.0', released: '2025-05-29', expires: '2027-10-08' },
  { version: 'v24.0', released: '2025-10-08', expires: '2028-02-18' },
  { version: 'v25.0', released: '2026-02-18', expires: '2028-07-29' },
  { version: 'v26.0', released: '2026-07-29', expires: null },
  { version: 'v27.0', released: '2026-11-04', expires: null },
];

/**
 * The newest version Recado's tests run against (its client and the emulator's shapes); new
 * installs start on it. Meta's answers are the same from v23 to v27 for what Recado uses.
 */
export const NEWEST_TESTED_VERSION = 'v27.0';

/** Warn this long before a version's published expiry. */
export const VERSION_WARNING_MS = 90 * 86_400_000;

/** The recorded facts about a version, or null for one the table does not list. */
export function versionInfo(version: string): GraphVersionInfo | null {
  return GRAPH_VERSIONS.find((v) => v.version === version) ?? null;
}

/** Epoch ms the version stops being served (midnight UTC of its date), or null when unknown. */
export function expiresAtMs(version: string): number | null {
  const date = versionInfo(version)?.expires;
  return date ? Date.parse(`${date}T00:00:00Z`) : null;
}

const major = (version: string): number => Number(/^v(\d+)\./.exec(version)?.[1] ?? NaN);

/**
 * Whether Meta no longer serves `version` at `now`: its published expiry has passed, or it is
 * older than every version listed (those expired before this table was written).
 */
export function isExpired(version: string, now: number): boolean {
  const expires = expiresAtMs(version);
  if (expires !== null) return expires <= now;
  const oldest = GRAPH_VERSIONS[0];
  return !versionInfo(version) && oldest !== undefined && major(version) < major(oldest.version);
}

/** Where the configured version stands at `now`: `expired`, `expiring` (within 90 days) or `ok`. */
export function versionLifecycle(version: string, now: number): { state: 'expired' | 'expiring' | 'ok'; expiresAt: number | null } {
  const expiresAt = expiresAtMs(version);
  if (isExpired(version, now)) return { state: 'expired', expiresAt };
  if (expiresAt !== null && expiresAt - now < VERSION_WARNING_MS) return { state: 'expiring', expiresAt };
  return { state: 'ok', expiresAt };
}

/** The oldest listed version still served at `now` (what Meta answers an expired version with). */
export function oldestServedVersion(now: number, retired: ReadonlySet<string> = new Set()): string {
  const served = GRAPH_VERSIONS.filter((v) => !retired.has(v.version) && (expiresAtMs(v.version) ?? Infinity) > now);
  return served[0]?.version ?? NEWEST_TESTED_VERSION;
}
