/** Every table of Recado's database. drizzle-kit reads this file to generate `drizzle/`. */
export * from './notifications';
export * from './blacklist';
export * from './orders';
export * from './order-events';
export * from './order-sync';
