import { randomBytes } from 'node:crypto';
import type { EndpointSecretInfo } from '../../../../shared/contract/methods/order-sources';
import type { SecretStore } from '../../secrets/secret-store';

export const ENDPOINT_PATH = '/orders/events' as const;

const generate = () => `rec_${randomBytes(32).toString('base64url')}`;

/**
 * The per-install signing secret of the order endpoint. Generated on first use; the full value is
 * returned only by the call that generated it (the screen shows it once, with a copy button);
 * afterwards only set/last 4. Losing it means regenerating.
 */
export function endpointSecretInfo(secrets: SecretStore): EndpointSecretInfo {
  const existing = secrets.summary('orderEndpointSecret');
  if (existing.set) return { ...existing, secret: null, path: ENDPOINT_PATH };
  return regenerateEndpointSecret(secrets);
}

export function regenerateEndpointSecret(secrets: SecretStore): EndpointSecretInfo {
  const secret = generate();
  secrets.set('orderEndpointSecret', secret);
  return { set: true, last4: secret.slice(-4), secret, path: ENDPOINT_PATH };
}
