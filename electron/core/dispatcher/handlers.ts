import { requirePhone } from '../contract/phone-input';
import { renderTemplate, sampleOrder } from '../../../shared/domain/template-render';
import type { QueueItem, dispatchMethods } from '../../../shared/contract/methods/dispatch';
import { AppError } from '../contract/app-error';
import type { GroupHandlers } from '../contract/handlers';
import type { CoreContext } from '../core-context';
import { GraphError } from '../whatsapp/graph-error';
import { renderContext } from './content';
import type { Dispatcher } from './dispatcher';
import { createQueueRepository } from './queue-repository';

export function dispatchHandlers(ctx: CoreContext, dispatcher: Dispatcher): GroupHandlers<typeof dispatchMethods> {
  const queue = createQueueRepository(ctx.db);
  return {
    'dispatch.state': () => {
      dispatcher.catchUp();
      return dispatcher.state();
    },
    'dispatch.pause': () => dispatcher.pause(),
    'dispatch.resume': () => {
      void dispatcher.resume();
      return dispatcher.state();
    },
    'dispatch.sendNow': () => {
      void dispatcher.sendNow();
      return dispatcher.state();
    },
    'dispatch.resend': ({ notificationId }) => {
      const created = ctx.db.$client.transaction(() => {
        const original = queue.byId(notificationId);
        if (!original) throw new AppError('not_found', `No notification ${notificationId}`);
        if (original.status !== 'failed' && original.status !== 'unconfirmed') {
          throw new AppError('conflict', 'Only failed or unconfirmed notifications can be resent', { key: 'log.resend.notResendable', status: original.status });
        }
        if (queue.activeResendOf(notificationId)) throw new AppError('conflict', 'A resend of this notification is already queued', { key: 'log.resend.alreadyQueued', status: 'queued' });
        return queue.insertResend(original, ctx.clock.now());
      })();
      dispatcher.poke();
      return { notificationId: created.id };
    },
    'dispatch.sendTest': async ({ phone, event, text }) => {
      const e164 = requirePhone(phone);
      const account = ctx.meta.account();
      if (!account.phoneNumberId) throw new AppError('unavailable', 'The phone number id is not configured', { key: 'meta.problem.not_configured' });
      const client = await ctx.meta.client();
      try {
        if (text !== undefined) {
          const result = await client.sendText(account.phoneNumberId, { to: e164, body: text });
          return { kind: 'text', to: e164, messageId: result.messageId, waId: result.waId };
        }
        const templates = ctx.settings.templates.get();
        const order = { ...sampleOrder(ctx.clock.now()), phone: e164 };
        const chosen = event ?? 'order_placed';
        const rendered = renderTemplate(templates, chosen, renderContext(order, chosen, order.shipments[0]?.id ?? '', templates, ctx.settings.tracking.get()));
        if (!rendered.name) throw new AppError('validation', 'No template is mapped to this event', { issues: [{ path: 'event', key: 'validation.noTemplate', params: {} }] });
        const result = await client.sendTemplate(account.phoneNumberId, {
          to: e164,
          name: rendered.name,
          language: rendered.language,
          components: rendered.components,
        });
        return { kind: 'template', to: e164, messageId: result.messageId, waId: result.waId };
      } catch (error) {
        // `key`: the screen says the classifier's reason in words (dispatch.reason.<reason>), then Meta's own.
        if (error instanceof GraphError) throw new AppError('meta_error', error.message, { ...error.toLog(), key: `dispatch.reason.${error.classification.reason}` });
        throw error;
      }
    },
    'dispatch.queue': ({ limit }) => {
      dispatcher.catchUp();
      const { total, items } = queue.snapshot(limit);
      return {
        total,
        items: items.map(
          (r): QueueItem => ({
            id: r.id,
            orderNumber: r.orderNumber,
            phone: r.phone,
            type: r.type,
            status: r.status,
            attempts: r.attempts,
            nextAttemptAt: r.nextAttemptAt,
            reason: r.reason,
            createdAt: r.createdAt,
          }),
        ),
      };
    },
  };
}
