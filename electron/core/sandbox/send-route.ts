import { requireAccess, type Caller } from './auth';
import type { Engine, SentMessage } from './engine';
import { SandboxGraphError, unsupportedRequest } from './graph-errors';
import { scheduleLifecycle } from './message-lifecycle';
import { resolveRecipient, type ResolvedRecipient } from './recipients';
import { isBsuidShaped, waIdOfBsuid } from './identities';
import { validateTemplateSend, type TemplateSend } from './template-validation';
import { digitsOf, findPhone, type SandboxPhone } from './world';

type Body = Record<string, unknown>;

const required = (name: string) => new SandboxGraphError(100, { details: `The parameter ${name} is required.` });

/**
 * `POST /{phone-number-id}/messages`: text and template sends and mark-as-read, validated in the
 * order Meta reports problems (doc §1 and §7). Accepted sends answer at once; what happens next
 * arrives by webhook.
 */
export function postMessages(engine: Engine, caller: Caller, phoneId: string, body: Body): unknown {
  const { world } = engine;
  const phone = findPhone(world, phoneId);
  if (!phone) throw unsupportedRequest('post', phoneId);
  requireAccess(caller, 'whatsapp_business_messaging', phone.wabaId);
  if (body.messaging_product !== 'whatsapp') throw required('messaging_product');
  if (phone.blockedWith) throw new SandboxGraphError(phone.blockedWith);
  if (body.status === 'read') return markRead(engine, phoneId, body);
  if (!phone.registered) throw new SandboxGraphError(133010);
  const type = body.type ?? 'text';
  if (type !== 'text' && type !== 'template') {
    throw new SandboxGraphError(131051, { details: `Message type ${String(type)} is not supported by this emulator.` });
  }
  const { recipient, input, recipientUserId } = addressee(engine, phone, body);
  if (recipient.waId === digitsOf(phone.displayPhoneNumber)) throw new SandboxGraphError(131021);
  if (phone.allowedRecipients && !phone.allowedRecipients.includes(recipient.waId)) throw new SandboxGraphError(131030);
  const opaque = body.biz_opaque_callback_data;
  if (opaque !== undefined && (typeof opaque !== 'string' || opaque.length > 512)) {
    throw new SandboxGraphError(100, { details: 'Param biz_opaque_callback_data must be a string of at most 512 characters.' });
  }

  let rendered: string;
  let template: SentMessage['template'];
  if (type === 'text') {
    const text = (body.text as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string' || text === '') throw new SandboxGraphError(100, { details: "Param text['body'] is required." });
    if (text.length > 4096) throw new SandboxGraphError(100, { details: "Param text['body'] must be at most 4096 characters long." });
    rendered = text;
  } else {
    if (typeof body.template !== 'object' || body.template === null) throw required('template');
    const checked = validateTemplateSend(world, phone.wabaId, body.template as TemplateSend);
    rendered = checked.rendered;
    template = { name: checked.template.name, language: checked.template.language, category: checked.template.category };
    // Authentication templates need the phone: a BSUID recipient is refused (doc §8).
    if (recipientUserId && template.category === 'AUTHENTICATION') throw new SandboxGraphError(131062);
  }

  // Limits after validation: a refused request does not spend throughput.
  const now = engine.now();
  if (!engine.limits.throughput(phone.id, phone.messagesPerSecond, now)) throw new SandboxGraphError(130429);
  if (!engine.limits.pair(phone.id, recipient.waId, now)) throw new SandboxGraphError(131056);

  const message: SentMessage = {
    id: engine.newWamid(recipient.waId),
    phoneNumberId: phone.id,
    wabaId: phone.wabaId,
    input,
    waId: recipient.waId,
    ...(recipientUserId ? { recipientUserId } : {}),
    type,
    rendered,
    ...(template ? { template } : {}),
    ...(typeof opaque === 'string' ? { bizOpaqueCallbackData: opaque } : {}),
    acceptedAt: now,
    statuses: [],
    request: structuredClone(body),
  };
  engine.sent.push(message);
  // Meta's contact book: once messaged by phone, the customer's phone is shared in webhooks.
  if (!recipientUserId) world.messagedByPhone.add(`${phone.wabaId}:${recipient.waId}`);
  scheduleLifecycle(engine, message, recipient.onWhatsApp, recipient.user?.readReceipts ?? true);
  return {
    messaging_product: 'whatsapp',
    contacts: [recipientUserId ? { input, user_id: recipientUserId } : { input, wa_id: recipient.waId }],
    // `message_status` only on template sends (doc §1.2). Sent to a BSUID: the BSUID is echoed.
    messages: [{ id: message.id, ...(template ? { message_status: 'accepted' } : {}) }],
  };
}

/**
 * `to` (a phone) or, since 2026, `recipient` (a BSUID of this business); with both, `to` wins
 * (doc §8; YCloud and Gupshup's BSUID pages).
 */
function addressee(engine: Engine, phone: SandboxPhone, body: Body): { recipient: ResolvedRecipient; input: string; recipientUserId?: string } {
  const wabaId = phone.wabaId;
  if (typeof body.to === 'string' && body.to.trim() !== '') {
    return { recipient: resolveRecipient(engine.world, body.to, phone), input: body.to };
  }
  const userId = body.recipient;
  if (typeof userId !== 'string' || userId.trim() === '') throw required('to');
  if (!isBsuidShaped(userId)) throw new SandboxGraphError(100, { details: 'Param recipient must be a business-scoped user ID.' });
  const known = [...engine.sent.map((m) => m.waId), ...engine.inbound.map((m) => m.from)];
  const waId = waIdOfBsuid(engine.world, wabaId, userId, known);
  if (!waId) throw new SandboxGraphError(100, { details: `Param recipient ${userId} is not a user of this business.` });
  const user = engine.world.users.find((u) => u.waId === waId);
  return { recipient: { input: userId, waId, ...(user ? { user } : {}), onWhatsApp: true }, input: userId, recipientUserId: userId };
}

function markRead(engine: Engine, phoneId: string, body: Body): unknown {
  const id = body.message_id;
  if (typeof id !== 'string' || id === '') throw required('message_id');
  const inbound = engine.inbound.find((m) => m.id === id && m.phoneNumberId === phoneId);
  if (!inbound) throw new SandboxGraphError(100, { details: `Invalid message_id: ${id}` });
  inbound.markedRead = true;
  return { success: true };
}
