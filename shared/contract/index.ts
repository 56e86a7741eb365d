import type { z } from 'zod';
import { mergeGroups, type MethodSpec } from './define';
import { appMethods } from './methods/app';
import { credentialsMethods } from './methods/credentials';
import { settingsMethods } from './methods/settings';
import { tunnelMethods } from './methods/tunnel';
import { webhookMethods } from './methods/webhook';

export * from './define';
export * from './envelope';
export * from './events';
export * from './issues';

/** Every method the backend serves, by dotted name. Adding a method: see shared/README.md. */
export const contract = mergeGroups(appMethods, credentialsMethods, settingsMethods, webhookMethods, tunnelMethods);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller sends (before defaults and trimming). */
export type InputOf<N extends MethodName> = z.input<Contract[N]['input']>;
/** What a handler receives (after the schema parsed it). */
export type ParsedInputOf<N extends MethodName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends MethodName> = Contract[N] extends MethodSpec<z.ZodType, infer O> ? O : never;

/** The single IPC channel the desktop transport uses. */
export const IPC_CHANNEL = 'recado:invoke';
/** The channel pushed events travel on in the desktop transport. */
export const IPC_EVENT_CHANNEL = 'recado:event';

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
