import type { HandlersFor } from '../contract/handlers';
import type { MarketingHolds } from './marketing-holds';

/**
 * `templates.marketingHolds` and `templates.acceptMarketing`. `onChanged` runs after an acceptance
 * (the session announces the holds and wakes the dispatcher, so released notifications go at once).
 */
export function templateCategoryHandlers(holds: MarketingHolds, onChanged: () => void): HandlersFor<'templates.marketingHolds' | 'templates.acceptMarketing'> {
  return {
    'templates.marketingHolds': () => holds.list(),
    'templates.acceptMarketing': ({ event, accept }) => {
      holds.accept(event, accept);
      onChanged();
      return holds.list();
    },
  };
}
