import { requirePhone } from '../contract/phone-input';
import type { GroupHandlers } from '../contract/handlers';
import type { blacklistMethods } from '../../../shared/contract/methods/blacklist';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import { createBlacklistRepository } from './blacklist-repository';

export function blacklistHandlers(ctx: CoreContext): GroupHandlers<typeof blacklistMethods> {
  const repo = createBlacklistRepository(ctx.db);
  return {
    'blacklist.list': ({ search, page, pageSize }) => ({ ...repo.list(search ?? '', page, pageSize), page, pageSize }),
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
