import { NEWEST_TESTED_VERSION, isExpired, oldestServedVersion } from '../../../shared/domain/graph-versions';
import type { Engine } from './engine';

/**
 * The version that serves a call, as Meta's `facebook-api-version` answer header says: the one
 * asked for, unless it expired (by the published dates at the emulator's clock, or retired through
 * the control API) — then the oldest one still served, as Graph auto-upgrades such calls.
 */
export function servedVersion(engine: Engine, requested: string | undefined): string {
  if (!requested) return NEWEST_TESTED_VERSION;
  const expired = engine.retiredVersions.has(requested) || isExpired(requested, engine.now());
  return expired ? oldestServedVersion(engine.now(), engine.retiredVersions) : requested;
}
