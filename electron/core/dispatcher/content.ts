import type { Order } from '../../../shared/domain/order';
import type { DispatchReason } from '../../../shared/domain/dispatch-reasons';
import type { OrderEvent } from '../../../shared/domain/order-events';
import { OrderRenderError, renderTemplate, sampleOrder, type RenderContext, type RenderedTemplate } from '../../../shared/domain/template-render';
import type { TemplatesSettings } from '../../../shared/settings/templates';
import type { TrackingSettings } from '../../../shared/settings/tracking';
import type { SendContent } from '../notifications/queue-repository';

export type ContentChoice =
  | { kind: 'send'; content: SendContent }
  | { kind: 'skip'; reason: Extract<DispatchReason, 'no_template' | 'window_closed_no_template'> }
  /** This order's own data cannot be written into a message; `detail` goes to the log's error column. */
  | { kind: 'fail'; reason: Extract<DispatchReason, 'invalid_currency' | 'render_failed'>; detail: string };

export function renderContext(order: Order, event: OrderEvent, subId: string, templates: TemplatesSettings, tracking: TrackingSettings): RenderContext {
  return { order, event, subId, tracking, locale: templates.locale, timeZone: templates.timeZone };
}

/**
 * Template or plain text, by the 24-hour rule (Meta's docs: the 24-hour customer service window): with templates on,
 * the event's template. With templates off (or no template mapped), plain text while the
 * customer's service window is open; otherwise the mapped template; otherwise skipped.
 * `forceTemplate`: Meta said the window is closed (131047) although our records said open.
 */
export function chooseContent(input: {
  event: OrderEvent;
  subId: string;
  order: Order;
  templates: TemplatesSettings;
  tracking: TrackingSettings;
  inServiceWindow: boolean;
  forceTemplate: boolean;
}): ContentChoice {
  const { templates, event } = input;
  const mapping = templates.events[event];
  let rendered: RenderedTemplate;
  try {
    rendered = renderTemplate(templates, event, renderContext(input.order, event, input.subId, templates, input.tracking));
  } catch (error) {
    return orderFault(error, input);
  }
  const template: ContentChoice = {
    kind: 'send',
    content: { kind: 'template', name: rendered.name, language: rendered.language, components: rendered.components },
  };
  const hasTemplate = mapping.templateName !== '';
  const wantsText = !templates.useTemplates || !hasTemplate;
  if (wantsText && !input.forceTemplate && input.inServiceWindow && rendered.text !== '') {
    return { kind: 'send', content: { kind: 'text', body: rendered.text } };
  }
  if (hasTemplate) return template;
  return { kind: 'skip', reason: input.inServiceWindow ? 'no_template' : 'window_closed_no_template' };
}

/**
 * Whose fault a rendering error is. The order's (`OrderRenderError`, or the same settings render
 * the sample order fine): that notification fails alone with the reason. Otherwise the settings
 * are at fault for every notification, so the error is thrown again: the run fails and the
 * dispatcher pauses with it (dispatcher.ts) instead of failing the whole queue one by one.
 */
function orderFault(error: unknown, input: { event: OrderEvent; templates: TemplatesSettings; tracking: TrackingSettings }): ContentChoice {
  if (error instanceof OrderRenderError) return { kind: 'fail', reason: error.reason, detail: error.value };
  // Any fixed time will do: only whether it renders matters.
  const sample = sampleOrder(Date.UTC(2026, 0, 1));
  try {
    renderTemplate(input.templates, input.event, renderContext(sample, input.event, sample.shipments[0]?.id ?? '', input.templates, input.tracking));
  } catch {
    throw error;
  }
  return { kind: 'fail', reason: 'render_failed', detail: error instanceof Error ? error.message : String(error) };
}
