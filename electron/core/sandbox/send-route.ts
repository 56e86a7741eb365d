import { requireAccess, type Caller } from './auth';
import type { Engine, SentMessage } from './engine';
import { SandboxGraphError, unsupportedRequest } from './graph-errors';
import { scheduleLifecycle } from './message-lifecycle';
import { resolveRecipient } from './recipients';
import { validateTemplateSend, type TemplateSend } from './template-validation';
import { digitsOf, findPhone } from './world';

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
  if (typeof body.to !== 'string' || body.to.trim() === '') throw required('to');
  const type = body.type ?? 'text';
  if (type !== 'text' && type !== 'template') {
    throw new SandboxGraphError(131051, { details: `Message type ${String(type)} is not supported by this emulator.` });
  }
  const recipient = resolveRecipient(world, body.to, phone);
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
  }

  // Limits after validation: a refused request does not spend throughput.
  const now = engine.now();
  if (!engine.limits.throughput(phone.id, phone.messagesPerSecond, now)) throw new SandboxGraphError(130429);
  if (!engine.limits.pair(phone.id, recipient.waId, now)) throw new SandboxGraphError(131056);

  const message: SentMessage = {
    id: engine.newWamid(recipient.waId),
    phoneNumberId: phone.id,
    wabaId: phone.wabaId,
    input: body.to,
    waId: recipient.waId,
    type,
    rendered,
    ...(template ? { template } : {}),
    ...(typeof opaque === 'string' ? { bizOpaqueCallbackData: opaque } : {}),
    acceptedAt: now,
    statuses: [],
    request: structuredClone(body),
  };
  engine.sent.push(message);
  scheduleLifecycle(engine, message, recipient.onWhatsApp, recipient.user?.readReceipts ?? true);
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: body.to, wa_id: recipient.waId }],
    // `message_status` only on template sends (doc §1.2).
    messages: [{ id: message.id, ...(template ? { message_status: 'accepted' } : {}) }],
  };
}

function markRead(engine: Engine, phoneId: string, body: Body): unknown {
  const id = body.message_id;
  if (typeof id !== 'string' || id === '') throw required('message_id');
  const inbound = engine.inbound.find((m) => m.id === id && m.phoneNumberId === phoneId);
  if (!inbound) throw new SandboxGraphError(100, { details: `Invalid message_id: ${id}` });
  inbound.markedRead = true;
  return { success: true };
}
