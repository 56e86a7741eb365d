import type { Context } from 'hono';

/** What an order source's HTTP door (the signed endpoint, the WooCommerce webhook) answers: a status and a JSON body. */
export interface SourceAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The request as a door reads it: headers (for the signature) and the raw bytes (what was signed). */
export interface SourceRequest {
  headers: Headers;
  body: Uint8Array;
}

/**
 * The Hono handler for an order source's door: a body declared larger than `maxBytes` is refused
 * with 413 and `tooLarge` before it is read; otherwise `handle` gets the raw request and its answer
 * is written as JSON.
 */
export function sourceRoute(maxBytes: number, tooLarge: Record<string, unknown>, handle: (request: SourceRequest) => SourceAnswer) {
  return async (c: Context): Promise<Response> => {
    if (Number(c.req.header('content-length') ?? '0') > maxBytes) return c.json(tooLarge, 413);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const answer = handle({ headers: c.req.raw.headers, body });
    return c.json(answer.body, answer.status as 200);
  };
}
