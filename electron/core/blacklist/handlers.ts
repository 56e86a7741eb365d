import { desc, like, or, sql } from 'drizzle-orm';
import { requirePhone } from '../contract/phone-input';
import type { GroupHandlers } from '../contract/handlers';
import type { blacklistMethods } from '../../../shared/contract/methods/blacklist';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import { blacklist } from '../db/schema';
import { createBlacklistRepository } from './blacklist-repository';

/** `%`, `_` and `\` typed by the owner are literal characters, not LIKE wildcards. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function blacklistHandlers(ctx: CoreContext): GroupHandlers<typeof blacklistMethods> {
  const repo = createBlacklistRepository(ctx.db);
  return {
    'blacklist.list': ({ search, page, pageSize }) => {
      // The blacklist stays small (thousands at most): LIKE over it is instant.
      const text = (search ?? '').trim();
      const digits = text.replace(/\D/g, '');
      const where = text
        ? or(
            sql`${blacklist.reason} LIKE ${likeLiteral(text)} ESCAPE '\\'`,
            sql`${blacklist.userId} LIKE ${likeLiteral(text)} ESCAPE '\\'`,
            sql`${blacklist.username} LIKE ${likeLiteral(text)} ESCAPE '\\'`,
            digits.length >= 2 ? like(blacklist.phone, `%${digits}%`) : undefined,
          )
        : undefined;
      const rows = ctx.db
        .select()
        .from(blacklist)
        .where(where)
        .orderBy(desc(blacklist.addedAt), desc(blacklist.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .all();
      const total = ctx.db.select({ n: sql<number>`count(*)` }).from(blacklist).where(where).get()?.n ?? 0;
      const count = text ? (ctx.db.select({ n: sql<number>`count(*)` }).from(blacklist).get()?.n ?? 0) : total;
      return { rows, total, count, page, pageSize };
    },
    'blacklist.add': ({ phone, reason }) => {
      const e164 = requirePhone(phone);
      const result = repo.add({ phone: e164, reason, source: 'manual', addedAt: ctx.clock.now() });
      if (!result.added) {
        throw new AppError('conflict', 'already blacklisted', { key: 'blacklist.alreadyBlocked', phone: result.row.phone, reason: result.row.reason });
      }
      ctx.logger.info('number blacklisted by hand', { phone: e164 });
      return result.row;
    },
    'blacklist.remove': ({ phone, userId }) => {
      const removed = phone !== undefined ? repo.remove(phone) : userId !== undefined && repo.removeUserId(userId);
      if (!removed) throw new AppError('not_found', 'not blacklisted', { key: 'blacklist.notFound' });
      ctx.logger.info('customer removed from the blacklist', { phone, userId });
      return { removed: true };
    },
  };
}
