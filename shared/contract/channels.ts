/**
 * IPC channel names, in a file with no imports so the preload bundle stays tiny (it must not
 * pull zod or the schemas in).
 */
export const IPC_CHANNEL = 'recado:invoke';
export const IPC_EVENT_CHANNEL = 'recado:event';

/** What a desktop renderer sends on IPC_CHANNEL. */
export interface IpcRequest {
  method: string;
  input: unknown;
}

/** What the main process pushes on IPC_EVENT_CHANNEL. */
export interface IpcEventMessage {
  name: string;
  payload: unknown;
}
