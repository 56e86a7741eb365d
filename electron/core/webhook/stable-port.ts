import type { Logger } from '../platform/logger';

/** The saved port was taken at start: the server runs on another until the owner decides. */
export interface PortConflict {
  /** The port in the settings (what an ERP or WooCommerce may be pointed at). */
  wanted: number;
  /** The port the server took instead, for this run only. */
  actual: number;
}

export interface StablePortDeps<S extends { port: number }> {
  /** Starts the server on a port (0 = any free one); rejects with EADDRINUSE when taken. */
  listen(port: number): Promise<S>;
  /** The webhook settings' port (0 = not chosen yet). */
  savedPort(): number;
  /** Saves the port chosen on a first start. */
  savePort(port: number): void;
  logger: Logger;
}

/**
 * Starts the webhook server on the same port at every start, so an ERP or a WooCommerce pointed
 * at `http://127.0.0.1:<port>` keeps working across restarts: the first start picks a free port
 * and saves it; later starts reuse it. If it is taken, the server starts on a free port for this
 * run only and the conflict is reported (Webhook and Status screens); the setting changes only
 * when the owner accepts it (`webhook.keepCurrentPort`).
 */
export async function listenOnStablePort<S extends { port: number }>(deps: StablePortDeps<S>): Promise<{ server: S; conflict: PortConflict | null }> {
  const wanted = deps.savedPort();
  if (wanted === 0) {
    const server = await deps.listen(0);
    deps.savePort(server.port);
    deps.logger.info('webhook port chosen and saved', { port: server.port });
    return { server, conflict: null };
  }
  try {
    return { server: await deps.listen(wanted), conflict: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const server = await deps.listen(0);
    deps.logger.warn('the saved webhook port is taken; using another one for this run', { wanted, actual: server.port });
    return { server, conflict: { wanted, actual: server.port } };
  }
}
