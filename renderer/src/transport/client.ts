import type { RecadoBridge } from '../../../shared/contract/bridge';
import { createApiClient, type ApiClient } from '../../../shared/contract/client';
import { createWebBridge, takeTokenFromLocation } from './web-bridge';

declare global {
  interface Window {
    /** Present in the desktop app only: the preload's two functions. */
    recado?: RecadoBridge;
  }
}

/** The client over whichever transport is present: the preload's bridge, else HTTP + SSE. */
export function detectApiClient(): ApiClient {
  if (window.recado) return createApiClient(window.recado, 'desktop');
  return createApiClient(createWebBridge(takeTokenFromLocation()), 'web');
}
