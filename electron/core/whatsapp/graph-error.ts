import { classifyMetaCode, type ClassifiedCode } from './error-classes';
import type { GraphErrorBody } from './graph-schemas';

/** A Meta error, sync (Graph envelope) or async (webhook `errors[]`), with what the log keeps. */
export interface MetaErrorInfo {
  code: number;
  subcode?: number;
  /** "Rate limit hit": the message without its "(#130429) " prefix, or the webhook's `title`. */
  title: string;
  message: string;
  details?: string;
  fbtraceId?: string;
  type?: string;
  isTransient?: boolean;
}

/** Why a Graph call failed. */
export type GraphFailure =
  | ({ kind: 'meta'; httpStatus: number } & MetaErrorInfo)
  /** An HTTP error without a Graph error body (a proxy's 502 page, a wrong base URL). */
  | { kind: 'http'; httpStatus: number }
  /** Could not connect, connection reset, DNS. The request did not get an answer. */
  | { kind: 'network'; message: string }
  /** No answer in time; the request may still have been accepted by Meta. */
  | { kind: 'timeout'; timeoutMs: number }
  /** A 2xx whose body is not what Graph sends for that call. */
  | { kind: 'invalid_response'; httpStatus: number; message: string };

export interface Classification extends ClassifiedCode {
  /** True when the request may have been accepted although no answer came (timeouts): resending may duplicate. */
  maybeAccepted: boolean;
}

export function metaErrorFromEnvelope(body: GraphErrorBody): MetaErrorInfo {
  const e = body.error;
  return {
    code: e.code,
    ...(e.error_subcode !== undefined ? { subcode: e.error_subcode } : {}),
    title: e.error_user_title ?? e.message.replace(/^\(#\d+\)\s*/, ''),
    message: e.message,
    ...(e.error_data?.details !== undefined ? { details: e.error_data.details } : {}),
    ...(e.fbtrace_id !== undefined ? { fbtraceId: e.fbtrace_id } : {}),
    ...(e.type !== undefined ? { type: e.type } : {}),
    ...(e.is_transient !== undefined ? { isTransient: e.is_transient } : {}),
  };
}

/**
 * The classification of any failure: Meta errors by code (error-classes.ts); no answer, 5xx
 * and 429 without a Graph body → retry; other HTTP errors without a body and unexpected 2xx
 * bodies → config (something between us and Meta is wrong; resending blindly could duplicate).
 */
export function classifyFailure(failure: GraphFailure): Classification {
  switch (failure.kind) {
    case 'meta':
      return { ...classifyMetaCode(failure.code, failure.isTransient), maybeAccepted: false };
    case 'network':
      return { class: 'retry', reason: 'server', maybeAccepted: false };
    case 'timeout':
      return { class: 'retry', reason: 'server', maybeAccepted: true };
    case 'http':
      return failure.httpStatus >= 500 || failure.httpStatus === 429
        ? { class: 'retry', reason: failure.httpStatus === 429 ? 'rate_limit' : 'server', maybeAccepted: false }
        : { class: 'config', reason: 'invalid_request', maybeAccepted: false };
    case 'invalid_response':
      return { class: 'config', reason: 'unknown', maybeAccepted: true };
  }
}

/** What every Graph client call throws. Safe to log: it holds no token. */
export class GraphError extends Error {
  readonly classification: Classification;
  constructor(
    readonly failure: GraphFailure,
    readonly request: { method: string; path: string },
  ) {
    super(describe(failure));
    this.name = 'GraphError';
    this.classification = classifyFailure(failure);
  }

  /** Meta's error, when Meta answered with one. */
  get meta(): MetaErrorInfo | undefined {
    return this.failure.kind === 'meta' ? this.failure : undefined;
  }

  /** The fields the message log keeps. */
  toLog() {
    return {
      kind: this.failure.kind,
      class: this.classification.class,
      reason: this.classification.reason,
      ...(this.meta
        ? { code: this.meta.code, subcode: this.meta.subcode, title: this.meta.title, details: this.meta.details, fbtraceId: this.meta.fbtraceId }
        : {}),
      ...('httpStatus' in this.failure ? { httpStatus: this.failure.httpStatus } : {}),
    };
  }
}

function describe(failure: GraphFailure): string {
  switch (failure.kind) {
    case 'meta':
      return `Meta error ${failure.code}: ${failure.title}${failure.details ? ` (${failure.details})` : ''}`;
    case 'http':
      return `HTTP ${failure.httpStatus} without a Graph error body`;
    case 'network':
      return `Network error: ${failure.message}`;
    case 'timeout':
      return `No answer within ${failure.timeoutMs} ms`;
    case 'invalid_response':
      return `Unexpected response (HTTP ${failure.httpStatus}): ${failure.message}`;
  }
}
