/** Every table of Recado's database. drizzle-kit reads this file to generate `drizzle/`. */
export * from './notifications';
export * from './blacklist';
export * from './orders';
export * from './order-events';
export * from './order-sync';
export * from './inbound-contacts';
export * from './message-templates';
export * from './webhook-account-errors';
export * from './webhook-status-events';
export * from './app-state';
export * from './notification-daily-counts';
export * from './notification-totals';
export * from './refused-orders';
