import { events, type EventName, type EventPayload } from '../../../shared/contract';
import type { Logger } from '../platform/logger';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Fan-out of pushed events to every transport. Payloads are checked against the contract before
 * leaving, so a bug here shows up in the log instead of as a broken screen.
 */
export interface EventBus {
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) {
        logger.error('event payload does not match the contract; not sent', { event: name });
        return;
      }
      for (const listener of listeners) {
        try {
          listener(name, parsed.data);
        } catch (error) {
          logger.warn('event listener failed', { event: name, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
