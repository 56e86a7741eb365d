import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { messageTemplates, type MessageTemplateRow } from '../db/schema';

/** A template as `GET /{waba-id}/message_templates` returns it (Meta's docs: templates/template-management). */
export interface SyncedTemplate {
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  category: string | null;
  status: string;
  parameterFormat: string | null;
  components: unknown[];
}

/** Stored templates: written by the sync (Graph client) and by status webhooks. */
export function createMessageTemplateRepository(db: AppDatabase) {
  return {
    /** Inserts or replaces one synced template (by Meta's template id). */
    upsertSynced(t: SyncedTemplate, now: number): void {
      const values = {
        wabaId: t.wabaId,
        templateId: t.templateId,
        name: t.name,
        language: t.language,
        category: t.category,
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
  };
}

export type MessageTemplateRepository = ReturnType<typeof createMessageTemplateRepository>;
