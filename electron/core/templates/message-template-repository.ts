import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { messageTemplates, type MessageTemplateRow } from '../db/schema';

/** A template as `GET /{waba-id}/message_templates` returns it (Meta's docs: templates/template-management). */
export interface SyncedTemplate {
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  category: string | null;
  /** The list's `previous_category`: set when Meta re-categorised the template, else null. */
  previousCategory?: string | null;
  status: string;
  parameterFormat: string | null;
  components: unknown[];
}

/** Stored templates: written by the sync (Graph client) and by status webhooks. */
export function createMessageTemplateRepository(db: AppDatabase) {
  // Prepared once: the dispatcher asks it for each event's template before every pick.
  const byNameLanguage = db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.name, sql.placeholder('name')), eq(messageTemplates.language, sql.placeholder('language'))))
    .prepare();
  return {
    /** Inserts or replaces one synced template (by Meta's template id). */
    upsertSynced(t: SyncedTemplate, now: number): void {
      const values = {
        wabaId: t.wabaId,
        templateId: t.templateId,
        name: t.name,
        language: t.language,
        category: t.category,
        previousCategory: t.previousCategory ?? null,
        status: t.status,
        parameterFormat: t.parameterFormat,
        componentsJson: JSON.stringify(t.components),
        updatedAt: now,
      };
      db.insert(messageTemplates)
        .values(values)
        // Meta's list has no reason; the one a status webhook brought stays while the status does.
        .onConflictDoUpdate({
          target: messageTemplates.templateId,
          set: { ...values, statusReason: sql`CASE WHEN ${messageTemplates.status} = excluded.status THEN ${messageTemplates.statusReason} END` },
        })
        .run();
    },

    /**
     * `message_template_status_update`: refreshes the status of a stored template, or stores what
     * the webhook tells about one not synced yet (components stay null until the next sync).
     */
    applyStatusUpdate(
      u: { wabaId: string; templateId: string; name: string; language: string; category: string | null; status: string; reason: string | null },
      now: number,
    ): 'updated' | 'inserted' {
      const existing = db.select().from(messageTemplates).where(eq(messageTemplates.templateId, u.templateId)).get();
      if (existing) {
        db.update(messageTemplates)
          .set({ status: u.status, statusReason: u.reason, category: u.category ?? existing.category, updatedAt: now })
          .where(eq(messageTemplates.id, existing.id))
          .run();
        return 'updated';
      }
      db.insert(messageTemplates)
        .values({ ...u, statusReason: u.reason, parameterFormat: null, componentsJson: null, updatedAt: now })
        .run();
      return 'inserted';
    },

    /**
     * A completed `template_category_update`: the template's category is now `newCategory`, and
     * `previousCategory` what it was. A template not synced yet is stored with what the webhook
     * tells (status unknown until the next sync: `APPROVED` is the only status Meta re-categorises).
     * Returns the category the template had here before, or null when it was not stored.
     */
    applyCategoryUpdate(
      u: { wabaId: string; templateId: string; name: string; language: string; previousCategory: string | null; newCategory: string },
      now: number,
    ): { before: string | null } {
      const existing = db.select().from(messageTemplates).where(eq(messageTemplates.templateId, u.templateId)).get();
      if (existing) {
        db.update(messageTemplates)
          .set({ category: u.newCategory, previousCategory: u.previousCategory ?? existing.category, updatedAt: now })
          .where(eq(messageTemplates.id, existing.id))
          .run();
        return { before: existing.category };
      }
      db.insert(messageTemplates)
        .values({
          wabaId: u.wabaId,
          templateId: u.templateId,
          name: u.name,
          language: u.language,
          category: u.newCategory,
          previousCategory: u.previousCategory,
          status: 'APPROVED',
          statusReason: null,
          parameterFormat: null,
          componentsJson: null,
          updatedAt: now,
        })
        .run();
      return { before: null };
    },

    /** The stored templates with this name and language (one per WABA), through the name/language index. */
    findByNameLanguage(name: string, language: string): MessageTemplateRow[] {
      return byNameLanguage.all({ name, language });
    },

    /**
     * After a full sync of one WABA: forgets its templates Meta no longer lists (deleted there),
     * so the screens stop offering them and a dry run answers 132001 as the send would.
     * Returns how many were removed.
     */
    removeMissing(wabaId: string, keepTemplateIds: readonly string[]): number {
      const keep = [...keepTemplateIds];
      const where = keep.length > 0 ? and(eq(messageTemplates.wabaId, wabaId), notInArray(messageTemplates.templateId, keep)) : eq(messageTemplates.wabaId, wabaId);
      return db.delete(messageTemplates).where(where).run().changes;
    },

    findById(templateId: string): MessageTemplateRow | undefined {
      return db.select().from(messageTemplates).where(eq(messageTemplates.templateId, templateId)).get();
    },

    list(): MessageTemplateRow[] {
      return db.select().from(messageTemplates).all();
    },

    /** Every stored template by name, then language (the Templates screen's order). */
    listByName(): MessageTemplateRow[] {
      return db.select().from(messageTemplates).orderBy(asc(messageTemplates.name), asc(messageTemplates.language)).all();
    },
  };
}

export type MessageTemplateRepository = ReturnType<typeof createMessageTemplateRepository>;
