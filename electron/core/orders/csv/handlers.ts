import type { HandlersFor } from '../../contract/handlers';
import type { CoreContext } from '../../core-context';
import { importCsv, previewCsv } from './csv-import';

export function csvHandlers(ctx: CoreContext): HandlersFor<'csv.preview' | 'csv.import'> {
  return {
    'csv.preview': (input) => previewCsv(input),
    'csv.import': (input) => {
      const result = importCsv(ctx.db, input, ctx.clock.now());
      if (!result.dryRun) {
        ctx.logger.info('csv import', { rows: result.totalRows, created: result.created, updated: result.updated, errors: result.errors.length });
      }
      return result;
    },
  };
}
