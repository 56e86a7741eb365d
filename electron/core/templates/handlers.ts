import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';
import { refusedEvents } from './refused-events';
import { dryRunTemplate, listTemplates, previewTemplate, syncTemplates } from './template-service';

type TemplatesMethod =
  | 'templates.getSettings'
  | 'templates.saveSettings'
  | 'templates.sync'
  | 'templates.list'
  | 'templates.preview'
  | 'templates.dryRun'
  | 'templates.refusedEvents';

export function templatesHandlers(ctx: CoreContext): HandlersFor<TemplatesMethod> {
  return {
    'templates.getSettings': () => ctx.settings.templates.get(),
    'templates.saveSettings': (input) => ctx.settings.templates.set(input),
    'templates.sync': () => syncTemplates(ctx),
    'templates.list': () => listTemplates(ctx),
    'templates.preview': (input) => previewTemplate(ctx, input),
    'templates.dryRun': (input) => dryRunTemplate(ctx, input),
    'templates.refusedEvents': () => refusedEvents(ctx),
  };
}
