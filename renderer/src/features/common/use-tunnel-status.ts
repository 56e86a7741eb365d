import { useContractEvent, useContractQuery } from '../../transport/api-context';

/** The tunnel's state, loaded once and then kept current by `tunnel.stateChanged` (same shape). */
export function useTunnelStatus() {
  const query = useContractQuery('tunnel.status', {});
  useContractEvent('tunnel.stateChanged', query.setData);
  return query;
}
