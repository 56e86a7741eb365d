import { DEMO } from '../../electron/core/sandbox/demo-world';
import { callContract } from './contract';
import type { RunningHost } from './web-host';

/**
 * What a shop owner does at Meta (create, delete, and Meta's review of templates), done against
 * the web host's in-process Sandbox, which plays Meta in Sandbox mode. Graph calls go with the
 * demo token exactly as to Meta; review outcomes through the Sandbox's control API.
 */
export interface SandboxMeta {
  createTemplate(template: { name: string; category?: string; parameter_format?: 'NAMED' | 'POSITIONAL'; components: unknown[] }): Promise<void>;
  deleteTemplate(name: string): Promise<void>;
  review(name: string, status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED'): Promise<void>;
  /** Meta's category review moves an approved template (UTILITY → MARKETING, or back): `template_category_update`. */
  recategorise(name: string, category: 'UTILITY' | 'MARKETING'): Promise<void>;
}

async function call(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export async function sandboxMeta(host: RunningHost): Promise<SandboxMeta> {
  const status = await callContract(host, 'sandbox.status', {});
  if (!status.baseUrl) throw new Error('the web host is not in Sandbox mode');
  const base = status.baseUrl;
  const graph = `${base}/v23.0/${DEMO.wabaId}/message_templates`;
  const auth = { authorization: `Bearer ${DEMO.accessToken}` };
  return {
    async createTemplate(template) {
      await call(graph, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ language: DEMO.language, category: 'UTILITY', ...template }),
      });
    },
    async deleteTemplate(name) {
      await call(`${graph}?name=${encodeURIComponent(name)}`, { method: 'DELETE', headers: auth });
    },
    async review(name, status) {
      await call(`${base}/_sandbox/templates/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, language: DEMO.language, status }),
      });
    },
    async recategorise(name, category) {
      await call(`${base}/_sandbox/templates/category`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, language: DEMO.language, category }),
      });
    },
  };
}
