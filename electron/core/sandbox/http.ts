import type { Context } from 'hono';
import type { Caller } from './auth';

/** What the Sandbox app's middleware hands its routes. */
export interface SandboxEnv {
  Variables: {
    /** `x-fb-trace-id` / `x-fb-request-id`, drawn from the seed before anything else. */
    trace: Record<string, string>;
    /** The `vNN.N` the caller asked for, if any. */
    version: string | undefined;
    /** The request address as Graph paging links are built from (`http://127.0.0.1/<path>?<query>`). */
    url: URL;
    /** The parsed body: JSON or form fields (values that look like JSON parsed), `{}` when empty. */
    body: Record<string, unknown>;
    /** Set by the Graph middleware after authentication. */
    caller: Caller;
  };
}

export type SandboxContext = Context<SandboxEnv>;

const VERSION = /^v\d{1,3}\.\d$/;

/** The path's segments, empty ones dropped, and the leading `vNN.N` taken off as Graph does. */
export function graphSegments(pathname: string): { version: string | undefined; segments: string[] } {
  const segments = pathname.split('/').filter(Boolean);
  const version = segments[0] && VERSION.test(segments[0]) ? segments.shift() : undefined;
  return { version, segments };
}

/** Meta's JSON answer: `application/json; charset=UTF-8`, and nothing at all for `undefined`. */
export function graphJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text: string | undefined = JSON.stringify(body);
  return new Response(text ?? null, { status, headers: { 'content-type': 'application/json; charset=UTF-8', ...headers } });
}
