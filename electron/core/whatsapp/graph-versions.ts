/**
 * Graph API versions Recado knows, with the dates Meta published (from
 * Meta's versions changelog, developers.facebook.com/docs/graph-api/changelog/versions, checked
 * 2026-12-03). `expires` null = Meta has not published the date yet; Meta guarantees each version
 * at least two years. A call to an expired version is served by the oldest available one.
 */
export interface GraphVersionInfo {
  version: string;
  /** ISO date; null when not recorded here. */
  released: string | null;
  /** ISO date the version stops being served; null = not published yet. */
  expires: string | null;
}

export const GRAPH_VERSIONS: readonly GraphVersionInfo[] = [
  { version: 'v20.0', released: null, expires: '2026-09-24' },
  { version: 'v21.0', released: null, expires: '2027-01-21' },
  { version: 'v22.0', released: null, expires: '2027-05-20' },
  { version: 'v23.0', released: null, expires: null },
  { version: 'v24.0', released: null, expires: null },
  { version: 'v25.0', released: null, expires: null },
  { version: 'v26.0', released: '2026-07-29', expires: null },
  { version: 'v27.0', released: '2026-11-04', expires: null },
];

/** The newest version Recado's tests run against (its client and the emulator's shapes). */
export const NEWEST_TESTED_VERSION = 'v23.0';

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

/** The oldest listed version still served at `now` (what Meta answers an expired version with). */
export function oldestServedVersion(now: number, retired: ReadonlySet<string> = new Set()): string {
  const served = GRAPH_VERSIONS.filter((v) => !retired.has(v.version) && (expiresAtMs(v.version) ?? Infinity) > now);
  return served[0]?.version ?? NEWEST_TESTED_VERSION;
}
