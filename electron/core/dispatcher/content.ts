import type { Order } from '../../../shared/domain/order';
import type { DispatchReason } from '../../../shared/domain/dispatch-reasons';
import type { OrderEvent } from '../../../shared/domain/order-events';
import { renderTemplate, type RenderContext } from '../../../shared/domain/template-render';
import type { TemplatesSettings } from '../../../shared/settings/templates';
import type { TrackingSettings } from '../../../shared/settings/tracking';
import type { SendContent } from './queue-repository';

export type ContentChoice = { kind: 'send'; content: SendContent } | { kind: 'skip'; reason: Extract<DispatchReason, 'no_template' | 'window_closed_no_template'> };

export function renderContext(order: Order, event: OrderEvent, subId: string, templates: TemplatesSettings, tracking: TrackingSettings): RenderContext {
  return { order, event, subId, tracking, locale: templates.locale, timeZone: templates.timeZone };
}

/**
 * Template or plain text, by the 24-hour rule (whatsapp-cloud-api.md §5): with templates on,
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
  const rendered = renderTemplate(templates, event, renderContext(input.order, event, input.subId, templates, input.tracking));
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
