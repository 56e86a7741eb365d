import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { classifyFailure, metaErrorFromEnvelope } from './graph-error';
import { debugTokenSchema, graphErrorSchema, pageSchema, phoneNumberSchema, sendResponseSchema, subscribedAppsSchema, templateSchema } from './graph-schemas';
import { readWebhook } from '../webhook/payload';
import { sharedFixturesDir } from '../testing/shared-fixtures';

/** Meta's real payloads (see SOURCES.md there). The folder is shared, read-only, outside the repo. */
const FIXTURES = sharedFixturesDir('meta');

/** Which of the app's own schemas reads each file. A new fixture must be added here or to IGNORED. */
const PARSERS: Record<string, z.ZodType> = {
  'graph_error_100_33_unsupported_get_mock.json': graphErrorSchema,
  'graph_error_190_463_session_expired_issue.json': graphErrorSchema,
  'send_error_100_mm_api_non_template.json': graphErrorSchema,
  'send_error_130429_docs_example.json': graphErrorSchema,
  'send_error_131030_not_in_allowed_list_issue.json': graphErrorSchema,
  'send_error_132001_template_not_in_language_issue.json': graphErrorSchema,
  'send_success_response.json': sendResponseSchema,
  'mgmt_debug_token_system_user_never_expires.json': debugTokenSchema,
  'mgmt_get_message_templates.json': pageSchema(templateSchema),
  'mgmt_get_phone_number.json': phoneNumberSchema,
  'mgmt_get_subscribed_apps_with_override.json': subscribedAppsSchema,
  'mgmt_get_webhook_configuration_overrides.json': phoneNumberSchema,
};

/** Shapes the app deliberately does not read, with why. Empty today: every sample is read. */
const IGNORED: Record<string, string> = {};

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

describe('Meta fixtures parse with the app’s own types', () => {
  it('the folder has samples and each is either parsed or listed as ignored', () => {
    expect(files.length).toBeGreaterThanOrEqual(32);
    const unaccounted = files.filter((f) => !f.startsWith('webhook_') && !PARSERS[f] && !IGNORED[f]);
    expect(unaccounted).toEqual([]);
  });

  it.each(files.filter((f) => !IGNORED[f]))('%s', (file) => {
    const data: unknown = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
    if (file.startsWith('webhook_')) {
      // Read by the same reader the webhook server uses; its effects are checked in
      // electron/core/webhook/fixtures.test.ts, which posts each one signed.
      const items = readWebhook(data);
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((i) => i.kind === 'ignored')).toEqual([]);
      return;
    }
    const schema = PARSERS[file]!;
    const parsed = schema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    if (schema === graphErrorSchema && parsed.success) {
      // Meta's code, title, details and fbtrace_id survive into what the log keeps.
      const meta = metaErrorFromEnvelope(parsed.data as z.infer<typeof graphErrorSchema>);
      const raw = (data as { error: { code: number; fbtrace_id: string } }).error;
      expect(meta).toMatchObject({ code: raw.code, fbtraceId: raw.fbtrace_id });
      expect(meta.title).not.toMatch(/^\(#/);
      expect(classifyFailure({ kind: 'meta', httpStatus: 400, ...meta }).class).toBeTruthy();
    }
  });

  it('keep the webhook shapes the app relies on', () => {
    const read = (f: string) => readWebhook(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')));
    const [template] = read('webhook_template_status_approved.json');
    expect(template).toMatchObject({ kind: 'template_status', value: { event: 'APPROVED', message_template_id: '1689556908129832' } });
    const [failed] = read('webhook_status_failed_131049.json');
    expect(failed?.kind === 'status' && failed.status.errors?.[0]?.code).toBe(131049);
  });
});
