import type { GroupHandlers } from '../../contract/handlers';
import type { csvMethods } from '../../../../shared/contract/methods/csv';
import { AppError } from '../../contract/app-error';
import type { CoreContext } from '../../core-context';
import { checkCsv, importCsv, previewCsv } from './csv-import';

/** Progress events at most this often: enough for a moving bar, never a flood of events. */
const PROGRESS_EVERY_MS = 250;

export function csvHandlers(ctx: CoreContext): GroupHandlers<typeof csvMethods> {
  let importing = false;
  return {
    'csv.preview': (input) => previewCsv(input),
    'csv.import': async ({ dryRun, ...options }) => {
      if (dryRun) return checkCsv(ctx.db, options, ctx.clock.now());
      // Two imports interleaving their chunks would each count the other's rows as updates.
      if (importing) throw new AppError('conflict', 'Another CSV import is running', { key: 'csv.file.importRunning' });
      importing = true;
      let lastProgress = 0;
      try {
        const result = await importCsv(ctx.db, options, ctx.clock.now(), {
          onProgress: (done, total) => {
            const at = Date.now();
            if (done < total && at - lastProgress < PROGRESS_EVERY_MS) return;
            lastProgress = at;
            ctx.events.emit('csv.importProgress', { done, total });
          },
          onSaveError: (line, error) => ctx.logger.error('csv import: row not saved', { line, error: String(error) }),
        });
        ctx.logger.info('csv import', { ...result.counts, events: result.events });
        return result;
      } finally {
        importing = false;
      }
    },
  };
}
