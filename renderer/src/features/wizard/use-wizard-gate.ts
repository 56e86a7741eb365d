import { useCallback } from 'react';
import { useApi, useContractEvent, useContractQuery } from '../../transport/api-context';

/**
 * Whether the first-run wizard covers the app: asked once at start (`wizard.status`), and again
 * when it is finished, skipped or reopened (`wizard.changed`). `null` while unknown.
 */
export function useWizardGate(): { show: boolean | null; finish(outcome: 'completed' | 'skipped'): Promise<void> } {
  const api = useApi();
  const status = useContractQuery('wizard.status', {});
  useContractEvent('wizard.changed', status.reload);
  const finish = useCallback(
    async (outcome: 'completed' | 'skipped') => {
      status.setData(await api.call('wizard.finish', { outcome }));
    },
    [api, status],
  );
  // A backend that cannot answer must not lock the owner out: the app shows its own errors.
  const show = status.state.status === 'ready' ? status.state.data.show : status.state.status === 'error' ? false : null;
  return { show, finish };
}
