// The preload exposes exactly two functions and never hands out ipcRenderer
// (README.md, "Architecture": invoke and on, nothing else). It imports only the channel names, so the bundle stays tiny.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RecadoBridge } from '../shared/contract/bridge';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL, type IpcEventMessage, type IpcRequest } from '../shared/contract/channels';

const bridge: RecadoBridge = {
  invoke(method, input) {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    const request: IpcRequest = { method, input };
    return ipcRenderer.invoke(IPC_CHANNEL, request);
  },
  on(event, callback) {
    const listener = (_event: IpcRendererEvent, message: IpcEventMessage) => {
      if (message?.name === event) callback(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
  },
};

contextBridge.exposeInMainWorld('recado', bridge);
