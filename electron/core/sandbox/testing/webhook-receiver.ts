import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw bytes as they arrived: what a signature must be checked against. */
  raw: Buffer;
}

/**
 * A stand-in for the app's webhook endpoint in emulator tests: answers Meta's GET handshake for
 * `verifyToken`, records every POST with its raw body and answers with the next status from
 * `statuses` (then 200).
 */
export async function startWebhookReceiver(options: { verifyToken?: string; statuses?: number[] } = {}) {
  const posts: ReceivedPost[] = [];
  const statuses = [...(options.statuses ?? [])];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === (options.verifyToken ?? 'verify-me');
      res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
      res.end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'forbidden');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path: url.pathname, headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 200);
      res.end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path = '/webhook') => `${base}${path}`,
    posts,
    /** Parsed bodies of every POST so far. */
    bodies: () => posts.map((p) => JSON.parse(p.raw.toString('utf8')) as Record<string, unknown>),
    /** Resolves once `predicate` holds; rejects after `timeoutMs`. */
    async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`webhook receiver: condition not met in ${timeoutMs} ms (${posts.length} posts)`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
