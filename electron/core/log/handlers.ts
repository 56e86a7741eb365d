import type { GroupHandlers } from '../contract/handlers';
import type { logMethods } from '../../../shared/contract/methods/log';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import { csvLine, dateFormatter, DEFAULT_CSV_HEADERS, logCsvCells } from './log-csv';
import { createLogQuery } from '../notifications/log-query';
import { createContactIdentitiesRepository } from '../webhook/contact-identities-repository';
import { waIdToE164 } from '../blacklist/phone-variants';

/**
 * `catchUp`: turns order events recorded since the dispatcher's last run into their (queued or
 * skipped) rows before reading, so the log lists and counts them as Status does.
 */
export function logHandlers(ctx: CoreContext, options: { catchUp?: () => void } = {}): GroupHandlers<typeof logMethods> {
  const query = createLogQuery(ctx.db);
  const identities = createContactIdentitiesRepository(ctx.db);
  const catchUp = options.catchUp ?? (() => undefined);
  return {
    'log.query': ({ filters, page, pageSize }) => {
      catchUp();
      return { ...query.page(filters, page, pageSize), page, pageSize };
    },
    'log.counters': ({ filters }) => {
      catchUp();
      return query.counters(filters);
    },
    'log.get': ({ id }) => {
      const detail = query.get(id);
      if (!detail) throw new AppError('not_found', `notification ${id} not found`);
      // The BSUID Meta reported with the number it delivered to (else the number the shop typed).
      const phone = (detail.waId !== null ? waIdToE164(detail.waId) : null) ?? detail.phone;
      const seen = identities.forPhone(phone)[0];
      return { ...detail, identity: seen ? { userId: seen.userId, username: seen.username } : null };
    },
    'log.exportCsv': ({ filters, after, pageSize, words, timeZone, delimiter }) => {
      const date = dateFormatter(timeZone);
      const rows = query.exportPage(filters, after, pageSize);
      let csv = after === null ? csvLine([...(words?.headers ?? DEFAULT_CSV_HEADERS)], delimiter) : '';
      for (const r of rows) {
        csv += csvLine(logCsvCells(r, words, date), delimiter);
      }
      const last = rows[rows.length - 1];
      return {
        csv,
        rows: rows.length,
        nextCursor: rows.length === pageSize && last ? { createdAt: last.createdAt, id: last.id } : null,
        total: after === null ? query.count(filters) : null,
      };
    },
  };
}
