import type { NotificationRow } from '../db/schema';
import type { QueueRepository } from '../notifications/queue-repository';

/**
 * Meta answers a free-form text with 200 and only later, by webhook, fails it with 131047 when
 * the customer's 24-hour window was in fact closed (our record of their last message can be
 * wrong: a message received on the phone app, a clock off by minutes). The customer still has to
 * hear about the order: queue the same event again, marked `outside_window`, so the dispatcher
 * sends the event's template instead (send-one `forceTemplate`), or skips it with that reason
 * when no template is mapped. Once per failed text; never for a template.
 */
export function queueTemplateFallback(queue: QueueRepository, original: NotificationRow, now: number): NotificationRow | null {
  if (original.status !== 'failed' || original.contentKind !== 'text') return null;
  if (queue.hasResend(original.id)) return null;
  return queue.insertResend(original, now, 'outside_window');
}
