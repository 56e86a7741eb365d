import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL, type IpcEventMessage } from '../../shared/contract/channels';
import type { Envelope } from '../../shared/contract/envelope';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/platform/logger';

/**
 * Binds the contract to one IPC channel. Only the top frame of our own window, showing our own
 * page, may call it (VS Code's rule: reject messages from unexpected sender frames); the method
 * name and input are then checked by the core's contract router like any other transport's.
 */
export function bindIpc(core: Core, logger: Logger, isTrustedUrl: (url: string) => boolean): () => void {
  const targets = new Set<WebContents>();

  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      logger.warn('IPC call from an untrusted frame refused', { url: frame?.url ?? 'unknown' });
      return { ok: false, error: { code: 'unauthorized', message: 'Untrusted sender' } };
    }
    targets.add(event.sender);
    event.sender.once('destroyed', () => targets.delete(event.sender));
    if (typeof request !== 'object' || request === null || typeof (request as { method?: unknown }).method !== 'string') {
      return { ok: false, error: { code: 'validation', message: 'Malformed request' } };
    }
    const { method, input } = request as { method: string; input: unknown };
    return core.invoke(method, input);
  });

  const unsubscribe = core.subscribe((name, payload) => {
    const message: IpcEventMessage = { name, payload };
    for (const contents of targets) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, message);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNEL);
  };
}
