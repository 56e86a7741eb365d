import { CSW_CHARGED_SINCE } from '../../../shared/domain/pricing';
import type { Engine, SentMessage } from './engine';
import { webhookError } from './graph-errors';
import { bsuidOf, phoneShared } from './identities';
import { findPhone } from './world';

type Status = SentMessage['statuses'][number]['status'];

/**
 * What happens to an accepted message, told by status webhooks (D:webhooks/reference/messages/status):
 * - not on WhatsApp → `failed` 131026; free-form outside the 24 h window → `failed` 131047;
 *   a marketing template to a capped user → `failed` 131049 (all async after a 200);
 * - otherwise `sent` → `delivered` → `read`, `delivered` sometimes skipped, `read` only with
 *   read receipts on, and sometimes `read` before `delivered` (seeded quirks);
 * - `pricing` on `sent` and on one later status; `biz_opaque_callback_data` on every status.
 */
export function scheduleLifecycle(engine: Engine, message: SentMessage, onWhatsApp: boolean, readReceipts: boolean): void {
  const { timing, quirks, prng, world } = engine;
  const failure = (): number | undefined => {
    if (!onWhatsApp) return 131026;
    if (message.type === 'text' && !engine.windowOpen(message.phoneNumberId, message.waId)) return 131047;
    if (message.template?.category === 'MARKETING' && world.marketingCapped.includes(message.waId)) return 131049;
    return undefined;
  };
  const failedWith = failure();
  if (failedWith !== undefined) {
    engine.later(timing.sentAfterMs, () => emit(engine, message, 'failed', false, failedWith));
    return;
  }
  const skipDelivered = readReceipts && prng.chance(quirks.skipDelivered);
  const reorder = !skipDelivered && readReceipts && prng.chance(quirks.reorder);
  const deliveredAt = reorder ? timing.readAfterMs + Math.max(1_000, timing.batchWindowMs * 2) : timing.deliveredAfterMs;
  engine.later(timing.sentAfterMs, () => emit(engine, message, 'sent', true));
  if (!skipDelivered) engine.later(deliveredAt, () => emit(engine, message, 'delivered', true));
  if (readReceipts) engine.later(timing.readAfterMs, () => emit(engine, message, 'read', skipDelivered || reorder));
}

/**
 * Meta's pricing block under per-message pricing (PMP, since 2025-07-01; D:pricing; §8): the
 * category is the template's (`service` for a non-template message). A service message inside
 * the window is `free_customer_service`; a utility template inside it was too until 2026-10-01
 * (by the emulator's clock) and is `regular`, billable, since.
 */
function pricing(engine: Engine, message: SentMessage) {
  const category = message.template ? message.template.category.toLowerCase() : 'service';
  const inWindow = engine.windowOpen(message.phoneNumberId, message.waId);
  const free = !message.template || (message.template.category === 'UTILITY' && inWindow && engine.now() < CSW_CHARGED_SINCE);
  const type = free ? 'free_customer_service' : 'regular';
  return { billable: type === 'regular', pricing_model: 'PMP', type, category };
}

function emit(engine: Engine, message: SentMessage, status: Status, withPricing: boolean, errorCode?: number): void {
  const now = engine.now();
  const seconds = String(Math.floor(now / 1000));
  const version = Number(/^v(\d+)/.exec(engine.world.webhookVersion)?.[1] ?? 23);
  const alreadyPriced = message.statuses.some((s) => s.status === 'delivered' || s.status === 'read');
  const priced = withPricing && status !== 'failed' && (status === 'sent' || !alreadyPriced);
  const category = message.template ? message.template.category.toLowerCase() : 'service';
  const entry: Record<string, unknown> = {
    id: message.id,
    status,
    timestamp: seconds,
    ...recipientFields(engine, message, status),
    ...(message.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: message.bizOpaqueCallbackData } : {}),
    // Legacy `conversation` block: omitted from v24.0 webhooks (doc §3.2).
    ...(priced && version < 24
      ? {
          conversation: {
            id: Buffer.from(message.id).toString('hex').slice(-32),
            ...(status === 'sent' ? { expiration_timestamp: String(Math.floor(now / 1000) + 86_400) } : {}),
            origin: { type: category },
          },
        }
      : {}),
    ...(priced ? { pricing: pricing(engine, message) } : {}),
    ...(errorCode !== undefined ? { errors: [webhookError(errorCode)] } : {}),
  };
  message.statuses.push({ status, at: now, ...(errorCode !== undefined ? { errorCode } : {}) });
  if (!findPhone(engine.world, message.phoneNumberId)) return;
  engine.emitMessages(message.phoneNumberId, {
    messaging_product: 'whatsapp',
    metadata: engine.metadata(message.phoneNumberId),
    ...(status !== 'failed' ? { contacts: [statusContact(engine, message, status)] } : {}),
    statuses: [entry],
  });
}

/**
 * Who a status is about, as Meta writes it since 2026 (doc §8): `recipient_id` is what the
 * business addressed (the phone, or the BSUID); `recipient_user_id` is always there, except on a
 * `failed` status of a message sent by phone.
 */
function recipientFields(engine: Engine, message: SentMessage, status: Status): Record<string, string> {
  const userId = bsuidOf(engine.world, message.wabaId, message.waId);
  const byPhone = message.recipientUserId === undefined;
  return {
    recipient_id: byPhone ? message.waId : userId,
    ...(status !== 'failed' || !byPhone ? { recipient_user_id: userId } : {}),
  };
}

/** `contacts[]` of a non-failed status: the phone when sent to it or shared, the username on delivered/read. */
function statusContact(engine: Engine, message: SentMessage, status: Status): Record<string, unknown> {
  const { world } = engine;
  const username = world.users.find((u) => u.waId === message.waId)?.username;
  const withPhone = message.recipientUserId === undefined || phoneShared(world, message.wabaId, message.waId);
  return {
    ...(username && status !== 'sent' ? { profile: { username } } : {}),
    ...(withPhone ? { wa_id: message.waId } : {}),
    user_id: bsuidOf(world, message.wabaId, message.waId),
  };
}
