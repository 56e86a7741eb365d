import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { createMessageTemplateRepository } from '../templates/message-template-repository';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { readWebhook } from './payload';
import { applyTemplateCategory } from './template-category';

const temp = makeTempDir();
const db = openDatabase(join(temp.dir, 'recado.sqlite'), { migrationsDir: MIGRATIONS_DIR });
afterAll(() => {
  db.$client.close();
  temp.remove();
});

const nasty = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string({ maxLength: 8 }), fc.constant(''), fc.constant({}), fc.constant([]));
const category = fc.oneof(fc.constantFrom('UTILITY', 'MARKETING', 'AUTHENTICATION'), nasty);
const value = fc.record(
  {
    message_template_id: fc.oneof(fc.integer({ min: 1, max: 1e15 }), fc.stringMatching(/^\d{1,16}$/), fc.string({ minLength: 1, maxLength: 16 }), nasty),
    message_template_name: fc.oneof(fc.constantFrom('pedido_confirmado', 'welcome_template'), nasty),
    message_template_language: fc.oneof(fc.constantFrom('pt_BR', 'en-US'), nasty),
    previous_category: category,
    new_category: category,
    correct_category: category,
    category_update_timestamp: fc.oneof(fc.integer({ min: 0, max: 2e9 }), nasty),
  },
  { requiredKeys: [] },
);

describe('template_category_update from outside (property)', () => {
  it('any value: read without throwing, one item; a completed change stores its new and previous category, anything else writes nothing', () => {
    const templates = createMessageTemplateRepository(db);
    fc.assert(
      fc.property(value, (v) => {
        db.$client.exec('DELETE FROM message_templates');
        const items = readWebhook({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'template_category_update', value: v }] }] });
        expect(items).toHaveLength(1);
        const item = items[0]!;
        if (item.kind !== 'template_category') {
          expect(item.kind).toBe('ignored');
          return;
        }
        const stored = applyTemplateCategory(item.value, '102290129340398', templates, 1);
        const rows = templates.list();
        const text = (x: unknown) => typeof x === 'string' && x !== '';
        const id = v.message_template_id;
        const validId = (typeof id === 'number' && Number.isInteger(id) && id >= 0) || (typeof id === 'string' && /^\d{1,20}$/.test(id));
        const completed =
          validId && text(v.message_template_name) && text(v.message_template_language) && text(v.new_category) && text(v.previous_category) && v.correct_category === undefined;
        expect(stored).toBe(completed);
        if (!completed) expect(rows).toEqual([]);
        else expect(rows).toEqual([expect.objectContaining({ templateId: String(v.message_template_id), category: v.new_category, previousCategory: v.previous_category })]);
      }),
      { numRuns: 300 },
    );
  });
});
