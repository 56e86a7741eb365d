import type { z } from 'zod';
import { mergeGroups, type MethodSpec } from './define';
import { appMethods } from './methods/app';
import { backupMethods } from './methods/backup';
import { blacklistMethods } from './methods/blacklist';
import { logMethods } from './methods/log';
import { toolsMethods } from './methods/tools';
import { credentialsMethods } from './methods/credentials';
import { csvMethods } from './methods/csv';
import { dispatchMethods } from './methods/dispatch';
import { doctorMethods } from './methods/doctor';
import { wizardMethods } from './methods/wizard';
import { sandboxMethods } from './methods/sandbox';
import { orderSourcesMethods } from './methods/order-sources';
import { ordersMethods } from './methods/orders';
import { settingsMethods } from './methods/settings';
import { statusMethods } from './methods/status';
import { templatesMethods } from './methods/templates';
import { templateCategoryMethods } from './methods/template-category';
import { tunnelMethods } from './methods/tunnel';
import { webhookMethods } from './methods/webhook';

export * from './bridge';
export * from './channels';
export * from './define';
export * from './envelope';
export * from './events';
export * from './issues';

/** Every method the backend serves, by dotted name. Adding a method: see shared/README.md. */
export const contract = mergeGroups(
  appMethods,
  credentialsMethods,
  settingsMethods,
  sandboxMethods,
  ordersMethods,
  orderSourcesMethods,
  csvMethods,
  webhookMethods,
  tunnelMethods,
  statusMethods,
  logMethods,
  blacklistMethods,
  toolsMethods,
  templatesMethods,
  templateCategoryMethods,
  dispatchMethods,
  backupMethods,
  doctorMethods,
  wizardMethods,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller sends (before defaults and trimming). */
export type InputOf<N extends MethodName> = z.input<Contract[N]['input']>;
/** What a handler receives (after the schema parsed it). */
export type ParsedInputOf<N extends MethodName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends MethodName> = Contract[N] extends MethodSpec<z.ZodType, infer O> ? O : never;


export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
