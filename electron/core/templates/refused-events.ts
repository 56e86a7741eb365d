import type { RefusedEvent } from '../../../shared/contract/methods/templates';
import type { TemplateProblem } from '../../../shared/domain/template-check';
import { ORDER_EVENTS, type OrderEvent } from '../../../shared/domain/order-events';
import type { CoreContext } from '../core-context';
import { dryRunTemplate, listTemplateSummaries, templatesSynced } from './template-service';

export interface EventTemplateCheck {
  event: OrderEvent;
  templateName: string;
  language: string;
  /** What Meta would refuse, as the dry run says; empty = it would be sent. */
  problems: TemplateProblem[];
  /** The synced template's category (`UTILITY`, `MARKETING`…), null when none matched. */
  category: string | null;
}

/**
 * The dry run of every enabled event at once, against the sample order and the synced
 * templates: one core call for the doctor (and any screen) instead of one per event.
 */
export function checkEnabledEvents(ctx: CoreContext): EventTemplateCheck[] {
  const toggles = ctx.settings.events.get();
  return ORDER_EVENTS.filter((event) => toggles[event]).map((event) => {
    const run = dryRunTemplate(ctx, { event });
    return { event, templateName: run.templateName, language: run.language, problems: run.problems, category: run.template?.category ?? null };
  });
}

/**
 * `templates.refusedEvents`: the enabled events Meta would refuse, with why. Nothing while
 * template messages are off or before the first sync (everything would look missing then).
 */
export function refusedEvents(ctx: CoreContext): RefusedEvent[] {
  if (!ctx.settings.templates.get().useTemplates || !templatesSynced(listTemplateSummaries(ctx))) return [];
  return checkEnabledEvents(ctx)
    .filter((check) => check.problems.length > 0)
    .map(({ event, templateName, language, problems }) => ({ event, templateName, language, problems }));
}
