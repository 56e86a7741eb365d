import { z } from 'zod';
import { method } from '../define';
import { dispatchSettingsSchema, type DispatchSettings } from '../../settings/dispatch';
import { notificationEventsSchema, type NotificationEventToggles } from '../../settings/events';
import { generalSettingsSchema, type GeneralSettings } from '../../settings/general';
import { trackingSettingsSchema, type TrackingSettings } from '../../settings/tracking';

export const settingsMethods = {
  'settings.getDispatch': method(z.object({}).strict()).returns<DispatchSettings>(),
  /** Whole form at once; ranges and min ≤ max are checked here as in the form. */
  'settings.saveDispatch': method(dispatchSettingsSchema).returns<DispatchSettings>(),
  'settings.getGeneral': method(z.object({}).strict()).returns<GeneralSettings>(),
  'settings.saveGeneral': method(generalSettingsSchema.partial().strict()).returns<GeneralSettings>(),
  /** "Notification Events": the six toggles. */
  'settings.getEvents': method(z.object({}).strict()).returns<NotificationEventToggles>(),
  'settings.saveEvents': method(notificationEventsSchema.partial().strict()).returns<NotificationEventToggles>(),
  /** "Tracking URL Configuration": default URL and the ordered carrier table. */
  'settings.getTracking': method(z.object({}).strict()).returns<TrackingSettings>(),
  'settings.saveTracking': method(trackingSettingsSchema).returns<TrackingSettings>(),
};
