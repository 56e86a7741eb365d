import { isLocalHttp, type WooConnectionError } from '../../../../shared/settings/woocommerce';

/** A WooCommerce request that failed, classified for "Test connection" and the poll's log. */
export class WooError extends Error {
  constructor(
    readonly code: WooConnectionError,
    message: string,
    readonly status: number | null = null,
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'WooError';
  }
}

export interface WooClientOptions {
  storeUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** Start with query-string auth (hosts that drop the Authorization header). */
  queryStringAuth: boolean;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface WooResponse {
  data: unknown;
  headers: Headers;
  status: number;
}

export interface WooClient {
  get(path: string, query?: Record<string, string | number | boolean>): Promise<WooResponse>;
  /** Which auth finally worked: 'query' once a 401 with Basic auth was rescued by the fallback. */
  readonly authMode: 'basic' | 'query';
  /** Requests sent so far (tests and the sync summary). */
  readonly requests: number;
}

/** The connection was reset or closed under a reused socket (not a timeout, not a refusal). */
function isStaleConnection(error: unknown): boolean {
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

/**
 * A minimal REST v3 client. HTTPS only (plain HTTP only for a store on this machine): Basic auth
 * over HTTP would send the keys in clear, and WooCommerce then demands OAuth 1.0a anyway (§1.1).
 * A 401 with Basic auth is retried once with the keys in the query string, the fallback for
 * CGI/FastCGI hosts that drop the header; the mode that worked is kept for later requests.
 */
export function createWooClient(options: WooClientOptions): WooClient {
  let base: URL;
  try {
    base = new URL(options.storeUrl.trim().replace(/\/+$/, '') + '/');
  } catch {
    throw new WooError('invalid_url', 'The store URL is not a valid address');
  }
  if (base.protocol !== 'https:' && !isLocalHttp(base.href)) {
    throw new WooError('not_https', 'WooCommerce keys are only sent over HTTPS; use the https:// address of the store');
  }
  const doFetch = options.fetch ?? fetch;
  let mode: 'basic' | 'query' = options.queryStringAuth ? 'query' : 'basic';
  let requests = 0;

  const once = async (path: string, query: Record<string, string | number | boolean>, auth: 'basic' | 'query') => {
    const url = new URL(`wp-json/wc/v3/${path.replace(/^\//, '')}`, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'Recado (WooCommerce order notifications)' };
    if (auth === 'query') {
      url.searchParams.set('consumer_key', options.consumerKey);
      url.searchParams.set('consumer_secret', options.consumerSecret);
    } else {
      headers.Authorization = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`;
    }
    requests++;
    let response: Response;
    let text: string;
    const send = async () => {
      const r = await doFetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
      return { r, body: await r.text() };
    };
    try {
      let answer;
      try {
        answer = await send();
      } catch (error) {
        // A kept-alive connection the host closed while idle: the GET never arrived; ask once more on a new one.
        if (!isStaleConnection(error)) throw error;
        answer = await send();
      }
      response = answer.r;
      text = answer.body;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new WooError('timeout', `The store did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
      }
      throw new WooError('network', 'Could not reach the store', null, error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : null);
    }
    let data: unknown;
    let isJson = true;
    try {
      data = JSON.parse(text);
    } catch {
      isJson = false;
    }
    const code = isJson && data && typeof data === 'object' ? String((data as { code?: unknown }).code ?? '') : '';
    if (response.status === 401 || response.status === 403) {
      throw new WooError('wrong_keys', 'WooCommerce refused the consumer key/secret', response.status, code || null);
    }
    if (response.status === 404 && (code === 'rest_no_route' || !isJson)) {
      throw new WooError('rest_unreachable', 'The store has no WooCommerce REST API at /wp-json/ (permalinks off, or a plugin blocks it)', 404, code || null);
    }
    if (!isJson) {
      throw new WooError('not_json', 'The store answered a web page instead of JSON (a security plugin or cache in front of /wp-json/?)', response.status, text.slice(0, 80));
    }
    if (!response.ok) throw new WooError('http_error', `WooCommerce answered HTTP ${response.status}`, response.status, code || null);
    return { data, headers: response.headers, status: response.status };
  };

  return {
    async get(path, query = {}) {
      try {
        return await once(path, query, mode);
      } catch (error) {
        if (error instanceof WooError && error.code === 'wrong_keys' && mode === 'basic') {
          const retried = await once(path, query, 'query');
          mode = 'query';
          return retried;
        }
        throw error;
      }
    },
    get authMode() {
      return mode;
    },
    get requests() {
      return requests;
    },
  };
}
