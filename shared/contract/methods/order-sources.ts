import { z } from 'zod';
import { method } from '../define';
import { saveWooSettingsSchema, type WooConnectionError, type WooSettingsView } from '../../settings/woocommerce';
import type { RefusalIssue } from '../../domain/refused-order';

export interface EndpointSecretInfo {
  set: boolean;
  last4: string | null;
  /** The full secret, only in the answer that generated it (first use or regenerate). */
  secret: string | null;
  path: '/orders/events';
}

export type WooTestResult =
  | { ok: true; ordersVisible: number; authMode: 'basic' | 'query' }
  | { ok: false; code: WooConnectionError; status: number | null; detail: string | null };

export interface WooSyncSummary {
  /** Orders read and kept (they passed the order schema). */
  seen: number;
  changed: number;
  events: number;
  requests: number;
  /** Orders read but refused, each alone, with why (also listed under "Pedidos recusados"). */
  refused: { externalId: string; number: string | null; issues: RefusalIssue[] }[];
}

export const orderSourcesMethods = {
  /** Masked view of the endpoint's signing secret; generated (and shown once) on first use. */
  'endpoint.info': method(z.object({}).strict()).returns<EndpointSecretInfo>(),
  /** New secret, shown once; the old one stops working at once. */
  'endpoint.regenerateSecret': method(z.object({}).strict()).returns<EndpointSecretInfo>(),
  'woocommerce.getSettings': method(z.object({}).strict()).returns<WooSettingsView>(),
  'woocommerce.saveSettings': method(saveWooSettingsSchema.strict()).returns<WooSettingsView>(),
  /** Never throws for connection problems: answers with a code the UI explains. */
  'woocommerce.testConnection': method(z.object({}).strict()).returns<WooTestResult>(),
  /** One poll now (the dispatcher polls on its own schedule). */
  'woocommerce.syncNow': method(z.object({}).strict()).returns<WooSyncSummary>(),
};
