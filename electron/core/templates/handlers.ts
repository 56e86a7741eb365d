import type { GroupHandlers } from '../contract/handlers';
import type { templatesMethods } from '../../../shared/contract/methods/templates';
import type { CoreContext } from '../core-context';
import { refusedEvents } from './refused-events';
import { dryRunTemplate, listTemplates, previewTemplate, syncTemplates } from './template-service';

/**
 * The templates screen's methods. `onTemplatesChanged` runs after a save or a sync: a mapping or a
 * category changed, so an event may be held or released (template re-categorisation).
 */
export function templatesHandlers(ctx: CoreContext, hooks: { onTemplatesChanged?: () => void } = {}): GroupHandlers<typeof templatesMethods> {
  const changed = <T>(value: T): T => {
    hooks.onTemplatesChanged?.();
    return value;
  };
  return {
    'templates.getSettings': () => ctx.settings.templates.get(),
    'templates.saveSettings': (input) => changed(ctx.settings.templates.set(input)),
    'templates.sync': async () => changed(await syncTemplates(ctx)),
    'templates.list': () => listTemplates(ctx),
    'templates.preview': (input) => previewTemplate(ctx, input),
    'templates.dryRun': (input) => dryRunTemplate(ctx, input),
    'templates.refusedEvents': () => refusedEvents(ctx),
  };
}
