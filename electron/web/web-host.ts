import { getRequestListener } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { Core } from '../core/create-core';
import { listenOnLoopback } from '../core/platform/loopback-server';
import type { Logger } from '../core/platform/logger';
import { createWebApp } from './web-app';

export interface WebHostOptions {
  core: Core;
  logger: Logger;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface WebHost {
  port: number;
  token: string;
  /** What to open in a browser; the token travels in the fragment, never in a request line. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the web app (web-app.ts: the renderer and the contract) on 127.0.0.1 with a fresh
 * access token, answering only to `127.0.0.1:<port>` and `localhost:<port>` as Host.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts: ReadonlySet<string> = new Set<string>();
  const app = createWebApp({ core: options.core, logger: options.logger, staticDir: options.staticDir, token, allowedHosts: () => allowedHosts });
  const server = await listenOnLoopback(getRequestListener(app.fetch), options.port ?? 0);
  const { port } = server;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { port, token, url: `http://127.0.0.1:${port}/#token=${token}`, close: server.close };
}
