import { z } from 'zod';
import { method } from '../define';
import { dispatchSettingsSchema, type DispatchSettings } from '../../settings/dispatch';
import { generalSettingsSchema, type GeneralSettings } from '../../settings/general';

export const settingsMethods = {
  'settings.getDispatch': method(z.object({}).strict()).returns<DispatchSettings>(),
  /** Whole form at once; ranges and min ≤ max are checked here as in the form. */
  'settings.saveDispatch': method(dispatchSettingsSchema).returns<DispatchSettings>(),
  'settings.getGeneral': method(z.object({}).strict()).returns<GeneralSettings>(),
  'settings.saveGeneral': method(generalSettingsSchema.partial().strict()).returns<GeneralSettings>(),
};
