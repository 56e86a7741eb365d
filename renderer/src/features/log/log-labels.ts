import type { NotificationStatus } from '../../../../shared/domain/notification-status';

export const STATUS_COLORS: Record<NotificationStatus, string> = {
  queued: 'gray',
  sending: 'gray',
  sent: 'blue',
  delivered: 'teal',
  read: 'green',
  failed: 'red',
  skipped: 'yellow',
  unconfirmed: 'orange',
};
