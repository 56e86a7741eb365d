import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';

export function appInfoHandlers({ host, meta }: CoreContext): HandlersFor<'app.info'> {
  return {
    'app.info': () => ({ name: 'Recado', version: host.version, host: host.kind, dataDir: host.dataDir, sandbox: meta.mode === 'sandbox' }),
  };
}
