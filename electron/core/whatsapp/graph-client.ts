import type { z } from 'zod';
import type { Logger } from '../platform/logger';
import { GraphError, metaErrorFromEnvelope } from './graph-error';
import {
  createTemplateResponseSchema,
  debugTokenSchema,
  graphErrorSchema,
  pageSchema,
  phoneNumberSchema,
  sendResponseSchema,
  subscribedAppsSchema,
  successSchema,
  templateSchema,
  type DebugTokenData,
  type Page,
  type PhoneField,
  type PhoneNumberInfo,
  type SubscribedApps,
  type TemplateInfo,
} from './graph-schemas';

export const META_GRAPH_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface GraphClientOptions {
  /** `https://graph.facebook.com`, or the Sandbox emulator's base URL. */
  baseUrl: string;
  /** `v23.0`. */
  apiVersion: string;
  /** Read on every call (from the SecretStore), so a saved new token is used at once. */
  accessToken: () => string | null;
  timeoutMs?: number;
  logger?: Logger;
}

/** The outcome of an accepted send. `waId` is WhatsApp's id for the recipient: key contacts by it. */
export interface SendResult {
  messageId: string;
  /** Digits only; may differ from what was dialled (Brazil's 9th digit). Null if Meta sent none. */
  waId: string | null;
  input: string;
  /** `accepted`, `held_for_quality_assessment` or `paused` on template sends. */
  messageStatus?: string;
}

export interface TemplateParameter {
  type: 'text' | 'currency' | 'date_time' | 'image' | 'document' | 'video' | 'payload';
  text?: string;
  /** For templates with `parameter_format: NAMED`. */
  parameter_name?: string;
  [key: string]: unknown;
}

export interface TemplateSendComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: 'quick_reply' | 'url';
  index?: string;
  parameters: TemplateParameter[];
}

export interface SendCommon {
  to: string;
  /** Echoed in every status webhook of this message (max 512 chars). */
  bizOpaqueCallbackData?: string;
  /** Makes it a quoted reply. */
  replyTo?: string;
}

export interface CreateTemplateInput {
  name: string;
  language: string;
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  parameterFormat?: 'POSITIONAL' | 'NAMED';
  components: Record<string, unknown>[];
}

/** WhatsApp ids are digits; Meta never sends `+`, but stored inputs might. Only strips: validating is `normalizeWaId` (blacklist). */
export function waIdDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * A typed client for the Cloud API calls Recado makes. Every call throws `GraphError` on
 * failure (classified, with Meta's code/title/details/fbtrace_id). The token never appears in a
 * log line, an error or a URL the client builds (debug_token's `input_token` excepted, which
 * Meta only accepts in the query; that URL is never logged).
 */
export function createGraphClient(options: GraphClientOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const root = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
  // Meta's `facebook-api-version` answer header: the version that really served the last call
  // (an expired one is silently served by the oldest available).
  let servedVersion: string | null = null;

  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    schema: S,
    init: { query?: Record<string, string | undefined>; body?: unknown; token?: string } = {},
  ): Promise<z.output<S>> {
    const request = { method, path };
    const token = init.token ?? options.accessToken();
    if (!token) throw new GraphError({ kind: 'meta', httpStatus: 0, code: 190, title: 'No access token configured', message: 'No access token configured' }, request);
    const url = new URL(`${root}/${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const failure = timedOut
        ? ({ kind: 'timeout', timeoutMs } as const)
        : ({ kind: 'network', message: networkMessage(error) } as const);
      options.logger?.warn('graph call failed', { method, path, kind: failure.kind });
      throw new GraphError(failure, request);
    }
    servedVersion = response.headers.get('facebook-api-version') ?? servedVersion;
    const text = await response.text().catch(() => '');
    const json = safeJson(text);
    const ms = Date.now() - started;
    if (!response.ok) {
      const envelope = graphErrorSchema.safeParse(json);
      const failure = envelope.success
        ? ({ kind: 'meta', httpStatus: response.status, ...metaErrorFromEnvelope(envelope.data) } as const)
        : ({ kind: 'http', httpStatus: response.status } as const);
      const error = new GraphError(failure, request);
      options.logger?.warn('graph call refused', { method, path, ms, ...error.toLog() });
      throw error;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      options.logger?.warn('graph answer has an unexpected shape', { method, path, status: response.status });
      throw new GraphError({ kind: 'invalid_response', httpStatus: response.status, message: parsed.error.issues[0]?.message ?? 'invalid' }, request);
    }
    options.logger?.debug('graph call', { method, path, status: response.status, ms });
    return parsed.data;
  }

  async function send(phoneNumberId: string, common: SendCommon, content: Record<string, unknown>): Promise<SendResult> {
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: common.to,
      ...content,
      ...(common.replyTo ? { context: { message_id: common.replyTo } } : {}),
      ...(common.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: common.bizOpaqueCallbackData } : {}),
    };
    const answer = await call('POST', `${phoneNumberId}/messages`, sendResponseSchema, { body });
    const contact = answer.contacts?.[0];
    const message = answer.messages[0]!;
    return {
      messageId: message.id,
      waId: contact ? waIdDigits(contact.wa_id) : null,
      input: contact?.input ?? common.to,
      ...(message.message_status !== undefined ? { messageStatus: message.message_status } : {}),
    };
  }

  async function pageOf<T extends z.ZodType>(path: string, item: T, query: Record<string, string | undefined>): Promise<Page<z.output<T>>> {
    const answer = await call('GET', path, pageSchema(item), { query });
    return { data: answer.data, nextCursor: answer.paging?.next ? (answer.paging.cursors?.after ?? null) : null };
  }

  const ok = () => undefined;

  return {
    /** The version Meta said served this client's last answered call (null before any). */
    servedVersion: () => servedVersion,

    sendText: (phoneNumberId: string, input: SendCommon & { body: string; previewUrl?: boolean }) =>
      send(phoneNumberId, input, { type: 'text', text: { body: input.body, ...(input.previewUrl ? { preview_url: true } : {}) } }),

    sendTemplate: (
      phoneNumberId: string,
      input: SendCommon & { name: string; language: string; components?: TemplateSendComponent[] },
    ) =>
      send(phoneNumberId, input, {
        type: 'template',
        template: {
          name: input.name,
          language: { policy: 'deterministic', code: input.language },
          ...(input.components?.length ? { components: input.components } : {}),
        },
      }),

    markRead: (phoneNumberId: string, messageId: string) =>
      call('POST', `${phoneNumberId}/messages`, successSchema, {
        body: { messaging_product: 'whatsapp', status: 'read', message_id: messageId },
      }).then(ok),

    getPhoneNumber: (phoneNumberId: string, fields?: readonly PhoneField[]): Promise<PhoneNumberInfo> =>
      call('GET', phoneNumberId, phoneNumberSchema, { query: { fields: fields?.join(',') } }),

    /** Phone-level callback override; Meta verifies the URL with a GET first. `null` removes it. */
    setPhoneWebhookOverride: (phoneNumberId: string, override: { url: string; verifyToken: string } | null) =>
      call('POST', phoneNumberId, successSchema, {
        body: { webhook_configuration: override ? { override_callback_uri: override.url, verify_token: override.verifyToken } : { override_callback_uri: '' } },
      }).then(ok),

    setTwoStepPin: (phoneNumberId: string, pin: string) => call('POST', phoneNumberId, successSchema, { body: { pin } }).then(ok),

    register: (phoneNumberId: string, pin: string) =>
      call('POST', `${phoneNumberId}/register`, successSchema, { body: { messaging_product: 'whatsapp', pin } }).then(ok),

    deregister: (phoneNumberId: string) => call('POST', `${phoneNumberId}/deregister`, successSchema, { body: {} }).then(ok),

    getSubscribedApps: (wabaId: string): Promise<SubscribedApps> =>
      call('GET', `${wabaId}/subscribed_apps`, subscribedAppsSchema).then((a) => a.data),

    /** Subscribes the app to the WABA; with `override`, sets (after verification) the WABA-level callback. */
    subscribeApp: (wabaId: string, override?: { url: string; verifyToken: string }) =>
      call('POST', `${wabaId}/subscribed_apps`, successSchema, {
        body: override ? { override_callback_uri: override.url, verify_token: override.verifyToken } : {},
      }).then(ok),

    unsubscribeApp: (wabaId: string) => call('DELETE', `${wabaId}/subscribed_apps`, successSchema).then(ok),

    listPhoneNumbers: (wabaId: string, query: { limit?: number; after?: string; fields?: readonly PhoneField[] } = {}) =>
      pageOf(`${wabaId}/phone_numbers`, phoneNumberSchema, {
        limit: query.limit?.toString(),
        after: query.after,
        fields: query.fields?.join(','),
      }),

    listTemplates: (wabaId: string, query: { limit?: number; after?: string; status?: string; name?: string } = {}): Promise<Page<TemplateInfo>> =>
      pageOf(`${wabaId}/message_templates`, templateSchema, {
        limit: query.limit?.toString(),
        after: query.after,
        status: query.status,
        name: query.name,
      }),

    createTemplate: (wabaId: string, input: CreateTemplateInput) =>
      call('POST', `${wabaId}/message_templates`, createTemplateResponseSchema, {
        body: {
          name: input.name,
          language: input.language,
          category: input.category,
          ...(input.parameterFormat ? { parameter_format: input.parameterFormat } : {}),
          components: input.components,
        },
      }),

    /** Deletes every language of `name`, or only the one with `hsmId`. */
    deleteTemplate: (wabaId: string, input: { name: string; hsmId?: string }) =>
      call('DELETE', `${wabaId}/message_templates`, successSchema, { query: { name: input.name, hsm_id: input.hsmId } }).then(ok),

    /** Needs an app access token (`app_id|app_secret`). `expires_at === 0` means permanent. */
    debugToken: (inputToken: string, appAccessToken: string): Promise<DebugTokenData> =>
      call('GET', 'debug_token', debugTokenSchema, { query: { input_token: inputToken }, token: appAccessToken }).then((a) => a.data),
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

/** Every page of templates, following cursors (Graph's `next` URLs are not followed: they carry the token). */
export async function listAllTemplates(client: GraphClient, wabaId: string, query: { status?: string; name?: string; limit?: number } = {}) {
  const all: TemplateInfo[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await client.listTemplates(wabaId, { ...query, ...(after ? { after } : {}) });
    all.push(...page.data);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return all;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkMessage(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : 'network error');
}
