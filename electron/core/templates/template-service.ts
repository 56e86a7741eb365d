import type { TemplateDryRun, TemplateList, TemplatePreview, TemplateSummary } from '../../../shared/contract/methods/templates';
import type { Order } from '../../../shared/domain/order';
import type { OrderEvent } from '../../../shared/domain/order-events';
import { checkTemplateSend, findTemplate, type KnownComponent } from '../../../shared/domain/template-check';
import { currencySymbolWarnings } from '../../../shared/domain/currency-check';
import { OrderRenderError, renderTemplate, sampleOrder } from '../../../shared/domain/template-render';
import type { TemplateMapping } from '../../../shared/settings/templates';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import type { MessageTemplateRow } from '../db/schema';
import { renderContext } from '../dispatcher/content';
import { createQueueRepository } from '../notifications/queue-repository';
import { loadOrderById } from '../orders/order-book';
import { listAllTemplates } from '../whatsapp/graph-client';
import { GraphError } from '../whatsapp/graph-error';
import { problemView } from '../whatsapp/problem-view';
import { createMessageTemplateRepository } from './message-template-repository';

export function toTemplateSummary(row: MessageTemplateRow): TemplateSummary {
  return {
    templateId: row.templateId,
    name: row.name,
    language: row.language,
    status: row.status,
    statusReason: row.statusReason,
    category: row.category,
    previousCategory: row.previousCategory,
    parameterFormat: row.parameterFormat,
    components: row.componentsJson === null ? null : (JSON.parse(row.componentsJson) as KnownComponent[]),
    updatedAt: row.updatedAt,
  };
}

export function listTemplateSummaries(ctx: CoreContext): TemplateSummary[] {
  return createMessageTemplateRepository(ctx.db).listByName().map(toTemplateSummary);
}

/** `templates.list`: the templates and the one definition of "something was synced". */
export function listTemplates(ctx: CoreContext): TemplateList {
  const templates = listTemplateSummaries(ctx);
  return { synced: templatesSynced(templates), templates };
}

/** True once a sync filled in at least one template (a status webhook's row has no components). */
export function templatesSynced(templates: readonly TemplateSummary[]): boolean {
  return templates.some((template) => template.components !== null);
}

/** `templates.sync`: every template of the WABA (all pages) into `message_templates`. */
export async function syncTemplates(ctx: CoreContext): Promise<{ synced: number; templates: TemplateSummary[] }> {
  const account = ctx.meta.account();
  if (!account.businessAccountId) {
    throw new AppError('unavailable', 'The WhatsApp Business Account id is not configured', { key: 'templates.sync.noBusinessAccount' });
  }
  const client = await ctx.meta.client();
  let all;
  try {
    all = await listAllTemplates(client, account.businessAccountId, { limit: 100 });
  } catch (error) {
    // The key names our sentence for the failure (token expired, no permission…); the rest is Meta's words.
    if (error instanceof GraphError) throw new AppError('meta_error', error.message, { ...error.toLog(), key: `meta.problem.${problemView(error).problem}` });
    throw error;
  }
  const repo = createMessageTemplateRepository(ctx.db);
  const now = ctx.clock.now();
  ctx.db.$client.transaction(() => {
    for (const t of all) {
      repo.upsertSynced(
        {
          wabaId: account.businessAccountId,
          templateId: t.id,
          name: t.name,
          language: t.language,
          category: t.category,
          previousCategory: t.previous_category ?? null,
          status: t.status,
          parameterFormat: t.parameter_format ?? null,
          components: t.components ?? [],
        },
        now,
      );
    }
    repo.removeMissing(account.businessAccountId, all.map((t) => t.id));
  })();
  return { synced: all.length, templates: listTemplateSummaries(ctx) };
}

export interface RenderRequest {
  event?: OrderEvent | undefined;
  mapping?: TemplateMapping | undefined;
  orderId?: number | undefined;
  notificationId?: number | undefined;
}

/** `templates.preview`: the mapping rendered against an order of the book, of the log, or the sample. */
export function previewTemplate(ctx: CoreContext, input: RenderRequest): TemplatePreview {
  let event = input.event;
  let orderId = input.orderId;
  let subId = '';
  if (input.notificationId !== undefined) {
    const row = createQueueRepository(ctx.db).byId(input.notificationId);
    if (!row) throw new AppError('not_found', `No notification ${input.notificationId}`, { key: 'templates.dryRun.notificationMissing' });
    event ??= row.type;
    orderId ??= row.orderId ?? undefined;
    subId = row.subId ?? '';
    if (orderId === undefined) {
      // The log row outlived its order (order_id is set null when the order leaves the book).
      throw new AppError('not_found', 'The notification has no order in the order book', { key: 'templates.dryRun.notInOrderBook' });
    }
  }
  if (!event) throw new AppError('validation', 'event is required', { issues: [{ path: 'event', key: 'validation.required', params: {} }] });
  let order: Order;
  let orderInfo: TemplatePreview['order'] = null;
  if (orderId !== undefined) {
    const stored = loadOrderById(ctx.db, orderId);
    if (!stored) throw new AppError('not_found', `No order ${orderId}`, { key: 'templates.dryRun.orderMissing' });
    order = stored.order;
    orderInfo = { id: stored.id, number: order.number, customerName: order.customerName };
    if (!subId) subId = (event === 'refund_issued' ? order.refunds.at(-1)?.id : order.shipments.at(-1)?.id) ?? '';
  } else {
    order = sampleOrder(ctx.clock.now());
    subId = event === 'refund_issued' ? (order.refunds[0]?.id ?? '') : (order.shipments[0]?.id ?? '');
  }
  const settings = ctx.settings.templates.get();
  const rendered = renderOrExplain(() => renderTemplate(settings, event, renderContext(order, event, subId, settings, ctx.settings.tracking.get()), input.mapping ?? settings.events[event]));
  const { name: templateName, ...shown } = rendered;
  return { event, templateName, ...shown, order: orderInfo, currency: order.currency };
}

/**
 * An order whose own data cannot be written (its currency is not a code Intl knows) is a clear
 * refusal in words (`templates.dryRun.invalidCurrency`), the reason the dispatcher fails its
 * notifications with; never `internal`.
 */
function renderOrExplain<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof OrderRenderError) {
      throw new AppError('validation', error.message, { key: 'templates.dryRun.invalidCurrency', reason: error.reason, currency: error.value });
    }
    throw error;
  }
}

/** `templates.dryRun`: the preview checked against the synced template as Meta would check the send. */
export function dryRunTemplate(ctx: CoreContext, input: RenderRequest): TemplateDryRun {
  const preview = previewTemplate(ctx, input);
  const templates = createMessageTemplateRepository(ctx.db).list().map(toTemplateSummary);
  const template = findTemplate(
    templates.map((t) => ({ ...t, components: t.components ?? [] })),
    preview.templateName,
    preview.language,
  );
  const problems = checkTemplateSend(
    { ...preview, name: preview.templateName },
    template,
  );
  const summary = template ? (templates.find((t) => t.templateId === template.templateId) ?? null) : null;
  const mapping = input.mapping ?? ctx.settings.templates.get().events[preview.event];
  const warnings = currencySymbolWarnings(preview.currency, mapping, template);
  return { ...preview, template: summary, problems, warnings, ok: problems.length === 0 };
}
