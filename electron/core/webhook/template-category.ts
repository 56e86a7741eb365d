import { z } from 'zod';
import type { MessageTemplateRepository } from '../templates/message-template-repository';

/**
 * `template_category_update` (Meta's webhook reference, updated 2025-11-11): Meta re-categorised
 * an approved template, or will in 24 hours. Two shapes share the field:
 * - completed: `previous_category` and `new_category` (the category now);
 * - impending: `correct_category` (what it will become), `new_category` (what it still is) and
 *   `category_update_timestamp`. Meta's "Route template messages by category" (2026-09-21) says to
 *   act only on the completed notice, so an impending one changes nothing here.
 */
export const templateCategoryValueSchema = z.looseObject({
  // An integer in Meta's examples; the Graph API writes ids as digit strings.
  message_template_id: z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String),
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  new_category: z.string().min(1),
  previous_category: z.string().min(1).optional(),
  correct_category: z.string().min(1).optional(),
});
export type TemplateCategoryValue = z.infer<typeof templateCategoryValueSchema>;

/** A completed change (it has `previous_category` and no `correct_category`), as opposed to a notice of one. */
export function isCompletedCategoryChange(v: TemplateCategoryValue): v is TemplateCategoryValue & { previous_category: string } {
  return v.previous_category !== undefined && v.correct_category === undefined;
}

/**
 * Stores a completed category change on the template (new category and the previous one).
 * Returns whether anything was stored: an impending notice is only counted.
 */
export function applyTemplateCategory(v: TemplateCategoryValue, wabaId: string | null, templates: MessageTemplateRepository, now: number): boolean {
  if (!isCompletedCategoryChange(v)) return false;
  templates.applyCategoryUpdate(
    {
      wabaId: wabaId ?? '',
      templateId: v.message_template_id,
      name: v.message_template_name,
      language: v.message_template_language,
      previousCategory: v.previous_category,
      newCategory: v.new_category,
    },
    now,
  );
  return true;
}
