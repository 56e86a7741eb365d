import { z } from 'zod';
import { method } from '../define';
import { dispatchSettingsSchema, type DispatchSettings } from '../../settings/dispatch';
import { notificationEventsSchema, type NotificationEventToggles } from '../../settings/events';
import { generalSettingsSchema, type GeneralSettings } from '../../settings/general';
import { trackingSettingsSchema, type TrackingSettings } from '../../settings/tracking';

/**
 * The settings sections one settings handler serves, named per feature like every other settings
 * method (`webhook.getSettings`, `tunnel.getSettings`…): `<feature>.getSettings` / `<feature>.saveSettings`.
 */
export const settingsMethods = {
  'dispatch.getSettings': method(z.object({}).strict()).returns<DispatchSettings>(),
  /** Whole form at once; ranges and min ≤ max are checked here as in the form. */
  'dispatch.saveSettings': method(dispatchSettingsSchema).returns<DispatchSettings>(),
  'app.getSettings': method(z.object({}).strict()).returns<GeneralSettings>(),
  'app.saveSettings': method(generalSettingsSchema.partial().strict()).returns<GeneralSettings>(),
  /** "Notification Events": the six toggles. */
  'events.getSettings': method(z.object({}).strict()).returns<NotificationEventToggles>(),
  'events.saveSettings': method(notificationEventsSchema.partial().strict()).returns<NotificationEventToggles>(),
  /** "Tracking URL Configuration": default URL and the ordered carrier table. */
  'tracking.getSettings': method(z.object({}).strict()).returns<TrackingSettings>(),
  'tracking.saveSettings': method(trackingSettingsSchema).returns<TrackingSettings>(),
};
