import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { MarketingHold } from '../../../shared/contract/methods/template-category';
import { ORDER_EVENTS, type OrderEvent } from '../../../shared/domain/order-events';
import type { TemplatesSettings } from '../../../shared/settings/templates';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import { createAppStateRepository } from '../db/app-state-repository';
import { notifications } from '../db/schema';
import { createMessageTemplateRepository } from './message-template-repository';

const ACCEPTED_KEY = 'templates.marketingAccepted';
const ANNOUNCED_KEY = 'templates.marketingAnnounced';
const MARKETING = 'MARKETING';

/** What the owner accepted, per event: that template (name + language) may go as MARKETING. */
const acceptedSchema = z.record(z.string(), z.object({ templateName: z.string(), language: z.string(), at: z.number() }));
/** Holds already announced on the desktop, per event: `name|language`, so each is announced once. */
const announcedSchema = z.record(z.string(), z.string());

const templateKey = (name: string, language: string) => `${name}|${language}`;

/**
 * Which events the dispatcher holds because Meta moved their mapped template to MARKETING, the
 * owner's per-event acceptance of marketing (in `app_state`), and the desktop notice of a new hold.
 * A stored value that does not parse counts as "nothing accepted": holding is the safe side.
 */
export function createMarketingHolds(ctx: CoreContext) {
  const appState = createAppStateRepository(ctx.db);
  const templates = createMessageTemplateRepository(ctx.db);
  const read = <T>(key: string, schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(appState.get<unknown>(key) ?? {});
    return parsed.success ? parsed.data : ({} as T);
  };
  const accepted = () => read(ACCEPTED_KEY, acceptedSchema);

  /** The stored template a mapping points at, preferring the configured WABA's copy (the account is read only when there are several). */
  function mappedTemplate(name: string, language: string) {
    const rows = templates.findByNameLanguage(name, language);
    if (rows.length < 2) return rows[0];
    const waba = ctx.meta.account().businessAccountId;
    return rows.find((r) => r.wabaId === waba) ?? rows[0];
  }

  /** Events whose mapped template is MARKETING now, held or accepted (without the queue counts). */
  function marketingEvents(settings: TemplatesSettings = ctx.settings.templates.get()): Omit<MarketingHold, 'queued'>[] {
    const acceptedNow = accepted();
    const list: Omit<MarketingHold, 'queued'>[] = [];
    for (const event of ORDER_EVENTS) {
      const { templateName } = settings.events[event];
      // An empty language means the default one, as the send resolves it (template-render.ts).
      const language = settings.events[event].language || settings.defaultLanguage;
      if (templateName === '') continue;
      const template = mappedTemplate(templateName, language);
      if (template?.category?.toUpperCase() !== MARKETING) continue;
      const ok = acceptedNow[event];
      const isAccepted = ok !== undefined && ok.templateName === templateName && ok.language === language;
      list.push({
        event,
        templateName,
        language,
        category: template.category,
        previousCategory: template.previousCategory,
        held: !isAccepted,
        acceptedAt: isAccepted ? ok.at : null,
      });
    }
    return list;
  }

  const queuedCount = (event: OrderEvent) =>
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.status, 'queued'), eq(notifications.type, event)))
      .get()?.n ?? 0;

  return {
    /**
     * The events the dispatcher must not send now. At most six indexed look-ups (name, language);
     * the pick calls it with the settings it already read.
     */
    heldEvents(settings?: TemplatesSettings): Set<OrderEvent> {
      return new Set(marketingEvents(settings).filter((h) => h.held).map((h) => h.event));
    },

    /** `templates.marketingHolds` and Status: every MARKETING-mapped event with its queued count. */
    list(): MarketingHold[] {
      return marketingEvents().map((h) => ({ ...h, queued: queuedCount(h.event) }));
    },

    /**
     * The owner accepts (or withdraws) marketing for the event's current template. Refused with
     * `validation` when the event's template is not MARKETING (nothing to accept).
     */
    accept(event: OrderEvent, accept: boolean): void {
      const now = ctx.clock.now();
      const next = { ...accepted() };
      if (accept) {
        const current = marketingEvents().find((h) => h.event === event);
        if (!current) throw new AppError('validation', `The template of ${event} is not MARKETING`, { key: 'templates.marketingHold.notMarketing' });
        next[event] = { templateName: current.templateName, language: current.language, at: now };
      } else delete next[event];
      appState.set(ACCEPTED_KEY, next, now);
    },

    /**
     * After a category change (webhook or sync) or a mapping change: a desktop notice for each event
     * newly held (once per event and template), and `templates.marketingHoldsChanged` for the
     * screens. Returns the held events.
     */
    announce(): OrderEvent[] {
      const now = ctx.clock.now();
      const held = marketingEvents().filter((h) => h.held);
      const before = read(ANNOUNCED_KEY, announcedSchema);
      const after: Record<string, string> = {};
      for (const h of held) {
        const key = templateKey(h.templateName, h.language);
        after[h.event] = key;
        if (before[h.event] === key) continue;
        ctx.logger.warn('event held: its template is now MARKETING', { event: h.event, template: h.templateName, language: h.language });
        ctx.events.emit('notify.desktop', {
          titleKey: 'notify.marketingHold.title',
          bodyKey: `notify.marketingHold.${h.event}`,
          params: { template: h.templateName, event: h.event },
        });
      }
      appState.set(ANNOUNCED_KEY, after, now);
      ctx.events.emit('templates.marketingHoldsChanged', { held: held.length });
      return held.map((h) => h.event);
    },
  };
}

export type MarketingHolds = ReturnType<typeof createMarketingHolds>;
