import type { SameShape } from './same-shape';
import type { trackingPtBR } from './tracking.pt-BR';

/**
 * The tracking URLs screen (features/tracking). (English: same keys as the pt-BR file, checked by
 * the compiler).
 */
export const trackingEn: SameShape<typeof trackingPtBR> = {
  title: 'Tracking URLs',
  subtitle: 'Configure tracking URLs sent to customers for each carrier',
  defaultUrl: {
    label: 'Default tracking URL',
    help: 'Fallback when carrier is not mapped',
  },
  placeholderHint: 'Use {tracking} as placeholder for the tracking number',
  carriersTitle: 'Carrier-specific URLs',
  carrier: 'Carrier',
  pattern: 'Tracking URL pattern',
  actions: 'Actions',
  add: 'Add carrier',
  remove: 'Remove {{name}}',
  moveUp: 'Move {{name}} up',
  moveDown: 'Move {{name}} down',
  test: 'Test',
  testHint: 'Opens the link with the sample code {{code}}',
  newCarrier: 'New carrier',
  empty: 'No carriers. Every code will use the default URL.',
};
