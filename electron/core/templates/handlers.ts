import type { GroupHandlers } from '../contract/handlers';
import type { templatesMethods } from '../../../shared/contract/methods/templates';
import type { CoreContext } from '../core-context';
import { dryRunTemplate, listTemplateSummaries, previewTemplate, syncTemplates } from './template-service';

export function templatesHandlers(ctx: CoreContext): GroupHandlers<typeof templatesMethods> {
  return {
    'templates.getSettings': () => ctx.settings.templates.get(),
    'templates.saveSettings': (input) => ctx.settings.templates.set(input),
    'templates.sync': () => syncTemplates(ctx),
    'templates.list': () => listTemplateSummaries(ctx),
    'templates.preview': (input) => previewTemplate(ctx, input),
    'templates.dryRun': (input) => dryRunTemplate(ctx, input),
  };
}
