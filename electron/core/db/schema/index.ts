/** Every table of Recado's database. drizzle-kit reads this file to generate `drizzle/`. */
export * from './notifications';
export * from './blacklist';
