import {
  credentialFieldsSchema,
  DEFAULT_CREDENTIAL_FIELDS,
} from '../../../shared/settings/credentials';
import { costRatesSchema, DEFAULT_COST_RATES, upgradeCostRates } from '../../../shared/settings/costs';
import { DEFAULT_DISPATCH_SETTINGS, dispatchSettingsSchema } from '../../../shared/settings/dispatch';
import { DEFAULT_NOTIFICATION_EVENTS, notificationEventsSchema } from '../../../shared/settings/events';
import { DEFAULT_GENERAL_SETTINGS, generalSettingsSchema } from '../../../shared/settings/general';
import { DEFAULT_TEMPLATES_SETTINGS, templatesSettingsSchema } from '../../../shared/settings/templates';
import { DEFAULT_TRACKING_SETTINGS, trackingSettingsSchema } from '../../../shared/settings/tracking';
import { DEFAULT_SANDBOX_SETTINGS, sandboxSettingsSchema } from '../../../shared/settings/sandbox';
import { DEFAULT_WIZARD_SETTINGS, wizardSettingsSchema } from '../../../shared/settings/wizard';
import { DEFAULT_WOO_SETTINGS, wooSettingsSchema } from '../../../shared/settings/woocommerce';
import { DEFAULT_TUNNEL_SETTINGS, tunnelSettingsSchema } from '../../../shared/settings/tunnel';
import { DEFAULT_WEBHOOK_SETTINGS, webhookSettingsSchema } from '../../../shared/settings/webhook';
import type { KeyValueStore } from '../platform/key-value-store';
import type { Logger } from '../platform/logger';
import { defineSection } from './settings-section';

/**
 * All non-secret settings, one section per screen. Adding a section: a schema + defaults in
 * `shared/settings/`, one line here.
 */
export function createSettingsService(kv: KeyValueStore, logger: Logger) {
  return {
    dispatch: defineSection(kv, 'dispatch', dispatchSettingsSchema, DEFAULT_DISPATCH_SETTINGS, logger),
    general: defineSection(kv, 'general', generalSettingsSchema, DEFAULT_GENERAL_SETTINGS, logger),
    credentials: defineSection(kv, 'credentials', credentialFieldsSchema, DEFAULT_CREDENTIAL_FIELDS, logger),
    events: defineSection(kv, 'events', notificationEventsSchema, DEFAULT_NOTIFICATION_EVENTS, logger),
    tracking: defineSection(kv, 'tracking', trackingSettingsSchema, DEFAULT_TRACKING_SETTINGS, logger),
    sandbox: defineSection(kv, 'sandbox', sandboxSettingsSchema, DEFAULT_SANDBOX_SETTINGS, logger),
    woocommerce: defineSection(kv, 'woocommerce', wooSettingsSchema, DEFAULT_WOO_SETTINGS, logger),
    webhook: defineSection(kv, 'webhook', webhookSettingsSchema, DEFAULT_WEBHOOK_SETTINGS, logger),
    tunnel: defineSection(kv, 'tunnel', tunnelSettingsSchema, DEFAULT_TUNNEL_SETTINGS, logger),
    costs: defineSection(kv, 'costs', costRatesSchema, DEFAULT_COST_RATES, logger, upgradeCostRates),
    templates: defineSection(kv, 'templates', templatesSettingsSchema, DEFAULT_TEMPLATES_SETTINGS, logger),
    wizard: defineSection(kv, 'wizard', wizardSettingsSchema, DEFAULT_WIZARD_SETTINGS, logger),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
