import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Templates synced from Meta (`GET /{waba-id}/message_templates`), kept current by
 * `message_template_status_update` and `template_category_update` webhooks. The screens and the dispatcher read them from here.
 */
export const messageTemplates = sqliteTable(
  'message_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wabaId: text('waba_id').notNull(),
    /** Meta's template id (a number in webhooks, a string in the Graph API: stored as text). */
    templateId: text('template_id').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    /** UTILITY, MARKETING, AUTHENTICATION as Meta writes it (the template list, or `template_category_update`). */
    category: text('category'),
    /**
     * The category before Meta re-categorised the template (the list's `previous_category`, or the
     * completed `template_category_update`'s `previous_category`); null when Meta never changed it.
     */
    previousCategory: text('previous_category'),
    /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED, … as Meta writes it. */
    status: text('status').notNull(),
    /** Why Meta set the status (rejection reason, pause title); null when none. */
    statusReason: text('status_reason'),
    /** `positional` or `named`; null until synced from the Graph API. */
    parameterFormat: text('parameter_format'),
    /** The template's `components` array as JSON; null until synced from the Graph API. */
    componentsJson: text('components_json'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('message_templates_template_id_unique').on(table.templateId),
    index('message_templates_name_language_idx').on(table.name, table.language),
  ],
);

export type MessageTemplateRow = typeof messageTemplates.$inferSelect;
