import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { SandboxUser, WorldState } from './world';

/**
 * Business-scoped user IDs (BSUID) as Meta hands them out since April 2026 (doc §8): one per
 * customer per business portfolio, stable, `<ISO country>.<digits>` (`BR.13491208655302741918`).
 * The emulator derives them from the WABA, the wa_id and how many times the customer's BSUID
 * changed, so the same customer always gets the same one and `changeUserId` gives a new one.
 */
export function bsuidOf(world: WorldState, wabaId: string, waId: string): string {
  const generation = world.bsuidGenerations.get(waId) ?? 0;
  const hash = createHash('sha256').update(`${wabaId}|${waId}|${generation}`).digest();
  const digits = (hash.readBigUInt64BE(0) % 10n ** 19n).toString().padStart(19, '0');
  return `${countryOf(waId)}.1${digits}`;
}

function countryOf(waId: string): string {
  if (waId.startsWith('55')) return 'BR';
  return parsePhoneNumberFromString(`+${waId}`)?.country ?? 'US';
}

/** The wa_id behind a BSUID of this business, among the customers the emulator knows of. */
export function waIdOfBsuid(world: WorldState, wabaId: string, userId: string, known: Iterable<string>): string | undefined {
  for (const waId of new Set([...world.users.map((u) => u.waId), ...known])) {
    if (bsuidOf(world, wabaId, waId) === userId) return waId;
  }
  return undefined;
}

/** A demo customer by their username, with or without the leading `@`, any case. */
export function userByUsername(world: WorldState, username: string): SandboxUser | undefined {
  const wanted = username.trim().replace(/^@/, '').toLowerCase();
  return world.users.find((u) => u.username !== undefined && u.username.replace(/^@/, '').toLowerCase() === wanted);
}

/**
 * Whether Meta shares this customer's phone with the business: always for a customer without a
 * username; for one with a username only after the business messaged them by phone (Meta's
 * contact book records that pair).
 */
export function phoneShared(world: WorldState, wabaId: string, waId: string): boolean {
  const user = world.users.find((u) => u.waId === waId);
  return !user?.username || world.messagedByPhone.has(`${wabaId}:${waId}`);
}

/** `BR.123…` / `US.ENT.123…`: the shape Meta's BSUIDs have. */
export function isBsuidShaped(value: string): boolean {
  return /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/.test(value);
}
