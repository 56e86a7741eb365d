import type { BlacklistRepository } from '../blacklist/blacklist-repository';
import { normalizeWaId } from '../blacklist/phone-variants';
import type { ContactIdentitiesRepository } from './contact-identities-repository';
import type { SenderIdentity } from './identity-fields';
import type { StatusUpdate } from './payload';

interface IdentityDeps {
  identities: ContactIdentitiesRepository;
  blacklist: BlacklistRepository;
  now: number;
}

/**
 * A status of a message sent by phone carries the phone (`recipient_id`) and the customer's BSUID
 * (`recipient_user_id`): the one place Recado learns which BSUID is which customer. A BSUID-only
 * blacklist entry gets its phone here.
 */
export function linkStatusIdentity(status: StatusUpdate, username: string | undefined, deps: IdentityDeps): void {
  const userId = status.recipient_user_id;
  if (!userId) return;
  const waId = status.recipient_id === undefined ? null : normalizeWaId(status.recipient_id);
  const phone = waId === null ? null : `+${waId}`;
  const { linked } = deps.identities.see({ userId, phone, parentUserId: status.recipient_parent_user_id, username }, deps.now);
  if (linked && phone) deps.blacklist.completePhone(userId, phone);
}

/**
 * Records who wrote (BSUID with the phone when Meta gave it, username, time) and answers the
 * customer's wa_id: the one in the message, else the one an earlier status linked to the BSUID,
 * else null (a BSUID Recado never saw with a phone).
 */
export function recordSender(sender: SenderIdentity, at: number, deps: IdentityDeps): string | null {
  if (!sender.userId) return sender.waId;
  const phone = sender.waId === null ? null : `+${sender.waId}`;
  const { linked } = deps.identities.see(
    { userId: sender.userId, phone, parentUserId: sender.parentUserId, username: sender.username, inboundAt: at },
    deps.now,
  );
  if (linked && phone) deps.blacklist.completePhone(sender.userId, phone);
  if (sender.waId !== null) return sender.waId;
  return deps.identities.get(sender.userId)?.phone?.slice(1) ?? null;
}

/**
 * An opt-out: blacklists the customer by phone when the message or an earlier link gives one,
 * else by BSUID (effective as soon as a status links that BSUID to a phone). Returns whether a
 * row was added.
 */
export function blacklistSender(
  sender: SenderIdentity,
  waId: string | null,
  entry: { reason: string; addedAt: number },
  blacklist: BlacklistRepository,
): boolean {
  if (waId !== null) {
    const matchedBy = sender.waId === null ? 'bsuid' : 'phone';
    return blacklist.add({ phone: `+${waId}`, userId: sender.userId, username: sender.username, matchedBy, source: 'auto', ...entry }).added;
  }
  if (!sender.userId) return false;
  return blacklist.addUserId({ userId: sender.userId, username: sender.username, source: 'auto', ...entry }).added;
}

/** `user_changed_user_id`: the link (phone, username) and any blacklist entry follow the new BSUID. */
export function applyUserIdChange(
  change: { oldUserId: string | null; newUserId: string; parentUserId: string | null },
  deps: IdentityDeps,
): void {
  if (change.oldUserId === null) {
    deps.identities.see({ userId: change.newUserId, parentUserId: change.parentUserId }, deps.now);
    return;
  }
  const { phone } = deps.identities.replaceUserId(change.oldUserId, change.newUserId, change.parentUserId, deps.now);
  deps.blacklist.moveUserId(change.oldUserId, change.newUserId);
  if (phone) deps.blacklist.completePhone(change.newUserId, phone);
}
