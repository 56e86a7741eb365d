import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { acceptMetaCallback, isJsonContentType, MAX_BODY_BYTES, refuseContentType, TOO_LARGE, type CallbackAnswer, type WebhookAppDeps } from './app';

/** True for the one request the fast path serves: `POST /webhook/whatsapp` (any query string). */
export function isMetaCallback(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return req.method === 'POST' && (url === WEBHOOK_PATH || url.startsWith(`${WEBHOOK_PATH}?`));
}

/**
 * Meta's callback straight on node:http: the same checks and answers as the Hono route in app.ts
 * (3 MB → 413, content type → 415, then `acceptMetaCallback`), without turning each Node request
 * into a web `Request` and its body into a stream first. It is the one hot route (every receipt
 * of every message lands here); measured against the Hono adapter in BENCHMARKS.md.
 */
export function serveMetaCallback(deps: Pick<WebhookAppDeps, 'appSecret' | 'commit' | 'stats' | 'logger'>, req: IncomingMessage, res: ServerResponse): void {
  deps.stats.count('received');
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return tooLarge(deps, req, res);
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    return answer(res, refuseContentType(deps));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    // Chunked bodies declare no length: count as they arrive.
    if (size > MAX_BODY_BYTES) {
      refused = true;
      chunks.length = 0;
      return tooLarge(deps, req, res);
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
    const signature = req.headers['x-hub-signature-256'];
    acceptMetaCallback(deps, raw, Array.isArray(signature) ? signature[0] : signature).then(
      (result) => answer(res, result),
      (error: unknown) => {
        deps.logger.error('webhook request failed', { error });
        answer(res, { status: 500, text: 'Internal error' });
      },
    );
  });
  req.on('error', () => res.destroy());
}

function tooLarge(deps: Pick<WebhookAppDeps, 'stats'>, req: IncomingMessage, res: ServerResponse): void {
  deps.stats.count('rejectedInput');
  // The rest of the body is read and dropped, so the client sees the 413 instead of a reset.
  req.resume();
  answer(res, TOO_LARGE, { connection: 'close' });
}

function answer(res: ServerResponse, { status, text }: CallbackAnswer, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=UTF-8', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}
