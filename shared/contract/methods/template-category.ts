import { z } from 'zod';
import { method } from '../define';
import { ORDER_EVENTS, type OrderEvent } from '../../domain/order-events';

/**
 * An event whose mapped template Meta now counts as MARKETING (`template_category_update`, or the
 * template list's `category`). Unless the owner accepted marketing for it, the dispatcher holds the
 * event: its notifications stay queued, the other events keep sending.
 */
export interface MarketingHold {
  event: OrderEvent;
  templateName: string;
  language: string;
  /** Meta's category now (`MARKETING`). */
  category: string;
  /** What it was before Meta changed it (`UTILITY`), when Meta said so. */
  previousCategory: string | null;
  /** True: not sending. False: the owner accepted marketing for this event and template. */
  held: boolean;
  /** When the owner accepted marketing for this event and template (ms), or null. */
  acceptedAt: number | null;
  /** Notifications of this event waiting in the queue. */
  queued: number;
}

export const templateCategoryMethods = {
  /** Events whose mapped template is MARKETING, held or accepted, with how many notifications wait. */
  'templates.marketingHolds': method(z.object({}).strict()).returns<MarketingHold[]>(),
  /**
   * The owner accepts (or withdraws) sending this event's current template as MARKETING. Stored
   * per event and template: mapping another template that becomes MARKETING asks again.
   */
  'templates.acceptMarketing': method(z.object({ event: z.enum(ORDER_EVENTS, { error: 'validation.required' }), accept: z.boolean() }).strict()).returns<MarketingHold[]>(),
};
