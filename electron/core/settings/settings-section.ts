import type { z } from 'zod';
import type { KeyValueStore } from '../platform/key-value-store';
import type { Logger } from '../platform/logger';

/** One group of settings stored under one key, always read back valid. */
export interface SettingsSection<T> {
  get(): T;
  /** Validates, stores and returns what was stored. Throws a ZodError on invalid input. */
  set(value: T): T;
}

/**
 * Reads fill in defaults for fields a newer version added; a stored value that no longer passes
 * the schema (hand-edited file, older build) falls back to the defaults, field by field where it
 * can, and says so in the log instead of crashing the app. `upgrade` turns a shape an older
 * version stored into today's before that (it returns anything else unchanged).
 */
export function defineSection<S extends z.ZodType<object>>(
  kv: KeyValueStore,
  key: string,
  schema: S,
  defaults: z.output<S>,
  logger: Logger,
  upgrade?: (stored: unknown) => unknown,
): SettingsSection<z.output<S>> {
  // The last value read or saved: settings are read per webhook callback and per dispatch, and
  // validating them each time cost more than the work they configure. `set` refreshes it.
  let current: z.output<S> | undefined;
  const read = (): z.output<S> => {
    const saved = kv.get(key);
    if (saved === undefined) return structuredClone(defaults);
    const stored = upgrade ? upgrade(saved) : saved;
    if (stored !== saved) logger.info('stored settings upgraded to the current shape', { section: key });
    const merged = { ...defaults, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
    const parsed = schema.safeParse(merged);
    if (parsed.success) return parsed.data;
    logger.warn('stored settings are invalid; using defaults for the bad fields', {
      section: key,
      fields: parsed.error.issues.map((issue) => issue.path.join('.')),
    });
    const repaired: Record<string, unknown> = { ...(merged as Record<string, unknown>) };
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string') repaired[field] = (defaults as Record<string, unknown>)[field];
    }
    const second = schema.safeParse(repaired);
    return second.success ? second.data : structuredClone(defaults);
  };
  return {
    get() {
      current ??= read();
      return structuredClone(current);
    },
    set(value) {
      const parsed = schema.parse(value);
      kv.set(key, parsed);
      current = structuredClone(parsed);
      return parsed;
    },
  };
}
