import { z } from 'zod';
import { wholeNumberIn } from './whole-number';

/** Wireframe: "Default: 300s (5 minutes). Range: 60s – 3600s". */
export const POLLING_INTERVAL = { min: 60, max: 3600, default: 300 } as const;
/** Random delay between two sends, in seconds. */
export const SEND_DELAY = { min: 0, max: 600, defaultMin: 8, defaultMax: 25 } as const;
/** Messages sent per scheduled run. */
export const BATCH_SIZE = { min: 1, max: 500, default: 25 } as const;
/** How far back the dispatcher looks for orders with unsent notifications. */
export const LOOKBACK_DAYS = { min: 1, max: 90, default: 7 } as const;

/** The "Dispatch Settings & Anti-Ban" screen. Both the form and the contract use this schema. */
export const dispatchSettingsSchema = z
  .object({
    pollingIntervalSeconds: wholeNumberIn(POLLING_INTERVAL),
    minDelaySeconds: wholeNumberIn(SEND_DELAY),
    maxDelaySeconds: wholeNumberIn(SEND_DELAY),
    maxPerBatch: wholeNumberIn(BATCH_SIZE),
    lookbackDays: wholeNumberIn(LOOKBACK_DAYS),
    /** The wireframe's "Enable Plugin" master switch. */
    enabled: z.boolean(),
  })
  .refine((s) => s.minDelaySeconds <= s.maxDelaySeconds, {
    path: ['maxDelaySeconds'],
    error: 'validation.maxDelayBelowMin',
  });

export type DispatchSettings = z.infer<typeof dispatchSettingsSchema>;

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  pollingIntervalSeconds: POLLING_INTERVAL.default,
  minDelaySeconds: SEND_DELAY.defaultMin,
  maxDelaySeconds: SEND_DELAY.defaultMax,
  maxPerBatch: BATCH_SIZE.default,
  lookbackDays: LOOKBACK_DAYS.default,
  enabled: true,
};
