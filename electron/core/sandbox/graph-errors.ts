import type { Prng } from './prng';

/**
 * Graph error envelopes as the emulator answers them. Titles follow Meta's error-code page
 * (D:support/error-codes); HTTP statuses follow Meta's Graph error-handling guide (400 for
 * most, 401 for 190, 403 for permission/blocked codes, 5xx for server faults) since Meta no
 * longer documents statuses. Clients must not rely on them; ours does not.
 */
interface ErrorSpec {
  title: string;
  status: number;
  details?: string;
  subcode?: number;
  type?: 'OAuthException' | 'GraphMethodException';
}

const SPECS: Record<number, ErrorSpec> = {
  1: { title: 'An unknown error occurred', status: 500 },
  2: { title: 'Service temporarily unavailable', status: 503 },
  4: { title: 'Application request limit reached', status: 400 },
  10: { title: 'Application does not have permission for this action', status: 403 },
  100: { title: 'Invalid parameter', status: 400 },
  190: { title: 'Invalid OAuth access token - Cannot parse access token', status: 401 },
  200: { title: 'Permissions error', status: 403 },
  368: { title: 'Temporarily blocked for policies violations', status: 403 },
  2500: { title: 'Unknown path components', status: 400 },
  2200: { title: 'Callback verification failed', status: 400 },
  80007: { title: 'Rate limit issues', status: 400, details: 'The WhatsApp Business Account has reached its rate limit.' },
  130429: {
    title: 'Rate limit hit',
    status: 400,
    details: 'Cloud API message throughput has been reached.',
    subcode: 2494055,
  },
  131000: { title: 'Something went wrong', status: 500, details: 'Something went wrong' },
  131008: { title: 'Required parameter is missing', status: 400 },
  131009: { title: 'Parameter value is not valid', status: 400 },
  131016: { title: 'Service unavailable', status: 503, details: 'A service is temporarily unavailable.' },
  131021: { title: 'Recipient cannot be sender', status: 400, details: 'Sender and recipient phone number is the same.' },
  131026: { title: 'Message undeliverable', status: 400, details: 'Message Undeliverable.' },
  131030: {
    title: 'Recipient phone number not in allowed list',
    status: 400,
    details: 'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
  },
  131031: { title: 'Business Account locked', status: 403, details: 'Account has been locked.' },
  131047: {
    title: 'Re-engagement message',
    status: 400,
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    status: 400,
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  // Wording ours: Meta documents the code for BSUID recipients a message type refuses (doc §8).
  131062: {
    title: 'Business-scoped user ID recipients are not supported for this message type',
    status: 400,
    details: 'This message type cannot be sent to a business-scoped user ID. Send it to the phone number (to) instead.',
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    status: 400,
    details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    subcode: 2494055,
  },
  132000: { title: 'Number of parameters does not match the expected number of params', status: 400 },
  132001: { title: 'Template name does not exist in the translation', status: 400 },
  132012: { title: 'Parameter format does not match format in the created template', status: 400 },
  132015: { title: 'Template is Paused', status: 400, details: 'Template is paused due to low quality.' },
  132016: { title: 'Template is Disabled', status: 400, details: 'Template has been paused too many times and is now disabled.' },
  133005: { title: 'Two step verification PIN Mismatch', status: 400, details: 'Two step verification PIN incorrect.' },
  133010: { title: 'Phone number Not Registered', status: 400, details: 'Phone number is not registered on the Business Platform.' },
  133016: {
    title: 'Account register deregister rate limit exceeded',
    status: 400,
    details: 'Too many register or deregister requests for this number: 10 requests in 72 hours.',
  },
};

/** An error the routes throw; the server turns it into Meta's envelope. */
export class SandboxGraphError extends Error {
  constructor(
    readonly code: number,
    readonly options: { details?: string; message?: string; subcode?: number; status?: number; type?: ErrorSpec['type'] } = {},
  ) {
    super(options.message ?? `(#${code}) ${SPECS[code]?.title ?? 'Error'}`);
  }
}

export function titleOf(code: number): string {
  return SPECS[code]?.title ?? 'Error';
}

export function defaultDetails(code: number): string {
  return SPECS[code]?.details ?? titleOf(code);
}

/** `{status, body}` for a sync Graph error, with a seeded fbtrace_id. */
export function graphErrorResponse(error: SandboxGraphError, prng: Prng): { status: number; body: unknown } {
  const spec = SPECS[error.code];
  const subcode = error.options.subcode ?? spec?.subcode;
  const details = error.options.details ?? spec?.details;
  return {
    status: error.options.status ?? spec?.status ?? 400,
    body: {
      error: {
        message: error.message,
        type: error.options.type ?? spec?.type ?? 'OAuthException',
        code: error.code,
        ...(details !== undefined ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
        ...(subcode !== undefined ? { error_subcode: subcode } : {}),
        fbtrace_id: prng.string(23),
      },
    },
  };
}

/** The shape of an error inside a webhook (`statuses[].errors[]`, `value.errors[]`). */
export function webhookError(code: number, details?: string) {
  return {
    code,
    title: titleOf(code),
    message: titleOf(code),
    error_data: { details: details ?? defaultDetails(code) },
    href: '/documentation/business-messaging/whatsapp/support/error-codes',
  };
}

/** Graph's answer to a GET/POST on an id that does not exist or is not reachable (code 100/33). */
export function unsupportedRequest(method: string, id: string): SandboxGraphError {
  return new SandboxGraphError(100, {
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}
