import type { GroupHandlers } from '../contract/handlers';
import type { logMethods } from '../../../shared/contract/methods/log';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import { csvLine, dateFormatter, DEFAULT_CSV_HEADERS, logCsvCells } from './log-csv';
import { createLogQuery } from '../notifications/log-query';
import { createContactIdentitiesRepository } from '../webhook/contact-identities-repository';
import { waIdToE164 } from '../blacklist/phone-variants';
import { createMarketingHolds } from '../templates/marketing-holds';
import type { LogRow } from '../../../shared/contract/methods/log';
import type { OrderEvent } from '../../../shared/domain/order-events';

/** A queued row of a held event says why it waits (the hold is not stored on the row: see `held_marketing`). */
function withHold<R extends Pick<LogRow, 'status' | 'type' | 'reason'>>(row: R, held: ReadonlySet<OrderEvent>): R {
  return row.status === 'queued' && row.reason === null && held.has(row.type) ? { ...row, reason: 'held_marketing' } : row;
}

/**
 * `catchUp`: turns order events recorded since the dispatcher's last run into their (queued or
 * skipped) rows before reading, so the log lists and counts them as Status does.
 */
export function logHandlers(ctx: CoreContext, options: { catchUp?: () => void } = {}): GroupHandlers<typeof logMethods> {
  const query = createLogQuery(ctx.db);
  const identities = createContactIdentitiesRepository(ctx.db);
  const holds = createMarketingHolds(ctx);
  const catchUp = options.catchUp ?? (() => undefined);
  return {
    'log.query': ({ filters, page, pageSize }) => {
      catchUp();
      const found = query.page(filters, page, pageSize);
      const held = holds.heldEvents();
      return { ...found, rows: held.size === 0 ? found.rows : found.rows.map((r) => withHold(r, held)), page, pageSize };
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
      return { ...withHold(detail, holds.heldEvents()), identity: seen ? { userId: seen.userId, username: seen.username } : null };
    },
    'log.exportCsv': ({ filters, after, pageSize, words, timeZone, delimiter }) => {
      const date = dateFormatter(timeZone);
      const held = holds.heldEvents();
      const rows = query.exportPage(filters, after, pageSize).map((r) => withHold(r, held));
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
