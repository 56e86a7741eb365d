import { requireAccess, type Caller } from './auth';
import type { Engine } from './engine';
import { SandboxGraphError } from './graph-errors';
import { page, pickFields } from './paging';
import { TEMPLATE_STATUSES, type SandboxTemplate, type TemplateCategory, type TemplateComponent, type TemplateStatus } from './world';

export const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

/** A template as `GET /{waba-id}/message_templates` shows it. */
export function templateView(t: SandboxTemplate): Record<string, unknown> {
  return {
    name: t.name,
    parameter_format: t.parameterFormat,
    components: t.components,
    language: t.language,
    status: t.status,
    category: t.category,
    // Meta lists it only for a template whose category it changed.
    ...(t.previousCategory ? { previous_category: t.previousCategory } : {}),
    id: t.id,
  };
}

export function listTemplates(engine: Engine, caller: Caller, wabaId: string, query: URLSearchParams, self: URL) {
  requireAccess(caller, 'whatsapp_business_management', wabaId);
  const status = query.get('status')?.toUpperCase();
  const name = query.get('name');
  const language = query.get('language');
  const matching = engine.world.templates.filter(
    (t) => t.wabaId === wabaId && (!status || t.status === status) && (!name || t.name === name) && (!language || t.language === language),
  );
  const result = page(matching, query, self);
  return { ...result, data: result.data.map((t) => pickFields(templateView(t), query.get('fields'))) };
}

/** `POST /{waba-id}/message_templates`: created PENDING; approved after the review delay unless the control API decided first. */
export function createTemplate(engine: Engine, caller: Caller, wabaId: string, body: Record<string, unknown>) {
  requireAccess(caller, 'whatsapp_business_management', wabaId);
  const { name, category, language } = body;
  if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) {
    throw new SandboxGraphError(100, { details: 'Template name must be lowercase letters, digits and underscores (at most 512).' });
  }
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category.toUpperCase())) {
    throw new SandboxGraphError(100, { details: 'Param category must be one of {AUTHENTICATION, MARKETING, UTILITY}.' });
  }
  if (typeof language !== 'string' || language === '') throw new SandboxGraphError(100, { details: 'The parameter language is required.' });
  const components = normalizeComponents(body.components);
  const bodyText = components.find((c) => c.type === 'BODY')?.text;
  if (!bodyText) throw new SandboxGraphError(100, { details: 'A BODY component with text is required.' });
  if (bodyText.length > 1024) throw new SandboxGraphError(100, { details: 'BODY text must be at most 1024 characters.' });
  const world = engine.world;
  if (world.templates.some((t) => t.wabaId === wabaId && t.name === name && t.language === language)) {
    throw new SandboxGraphError(100, { subcode: 2388024, details: `Content in this language already exists: ${name} (${language})` });
  }
  const format = String(body.parameter_format ?? 'POSITIONAL').toUpperCase() === 'NAMED' ? 'NAMED' : 'POSITIONAL';
  const template: SandboxTemplate = {
    id: String(world.nextTemplateId++),
    wabaId,
    name,
    language,
    category: category.toUpperCase() as SandboxTemplate['category'],
    status: 'PENDING',
    parameterFormat: format,
    components,
  };
  world.templates.push(template);
  const review = engine.timing.templateReviewMs;
  if (review !== null) {
    engine.later(review, () => {
      if (template.status === 'PENDING' && !template.reviewDecided) setTemplateStatus(engine, template, 'APPROVED');
    });
  }
  return { id: template.id, status: template.status, category: template.category };
}

/** `DELETE /{waba-id}/message_templates?name=…[&hsm_id=…]`: all languages, or one by id. */
export function deleteTemplate(engine: Engine, caller: Caller, wabaId: string, query: URLSearchParams) {
  requireAccess(caller, 'whatsapp_business_management', wabaId);
  const name = query.get('name');
  const hsmId = query.get('hsm_id');
  if (!name) throw new SandboxGraphError(100, { details: 'The parameter name is required.' });
  const doomed = engine.world.templates.filter((t) => t.wabaId === wabaId && t.name === name && (!hsmId || t.id === hsmId));
  if (doomed.length === 0) throw new SandboxGraphError(100, { subcode: 2593002, details: `Template ${name} was not found.` });
  engine.world.templates = engine.world.templates.filter((t) => !doomed.includes(t));
  return { success: true };
}

/**
 * Changes a template's status and tells the app callback with a `message_template_status_update`
 * (D:webhooks/reference/message_template_status_update: integer id and time, `reason`).
 */
export function setTemplateStatus(engine: Engine, template: SandboxTemplate, status: TemplateStatus, reason?: string): void {
  if (!TEMPLATE_STATUSES.includes(status)) throw new SandboxGraphError(100, { details: `Unknown status ${status}` });
  template.status = status;
  engine.emitTemplate(template.wabaId, {
    event: status,
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    reason: reason ?? (status === 'REJECTED' ? 'INVALID_FORMAT' : 'NONE'),
    message_template_category: template.category,
    ...(status === 'DISABLED' ? { disable_info: { disable_date: Math.floor(engine.now() / 1000) } } : {}),
    ...(status === 'PAUSED'
      ? { other_info: { title: 'FIRST_PAUSE', description: 'Your template has been paused due to low quality.' } }
      : {}),
  });
}

function normalizeComponents(raw: unknown): TemplateComponent[] {
  const list = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  if (!Array.isArray(list)) throw new SandboxGraphError(100, { details: 'The parameter components is required.' });
  return list.map((c: Record<string, unknown>) => {
    const type = String(c.type ?? '').toUpperCase();
    if (!['HEADER', 'BODY', 'FOOTER', 'BUTTONS'].includes(type)) {
      throw new SandboxGraphError(100, { details: `Invalid component type ${String(c.type)}` });
    }
    return { ...c, type, ...(c.format ? { format: String(c.format).toUpperCase() } : {}) } as TemplateComponent;
  });
}

/**
 * Meta re-categorises an approved template (its review found the content promotional, or a
 * re-submission was accepted as utility): the list shows the new `category` and
 * `previous_category`, and app callbacks get the completed `template_category_update`
 * (Meta's webhook reference: integer id, `previous_category`, `new_category`). With
 * `impending`, only the 24-hour notice is sent (`correct_category`, `new_category` = the category
 * it still has, `category_update_timestamp`) and nothing changes yet.
 */
export function setTemplateCategory(engine: Engine, template: SandboxTemplate, category: TemplateCategory, impending = false): void {
  if (!(CATEGORIES as readonly string[]).includes(category)) {
    throw new SandboxGraphError(100, { details: 'Param category must be one of {AUTHENTICATION, MARKETING, UTILITY}.' });
  }
  const base = { message_template_id: Number(template.id), message_template_name: template.name, message_template_language: template.language };
  if (impending) {
    engine.emitTemplate(
      template.wabaId,
      { ...base, correct_category: category, new_category: template.category, category_update_timestamp: Math.floor(engine.now() / 1000) + 24 * 3600 },
      'template_category_update',
    );
    return;
  }
  const previous = template.category;
  template.previousCategory = previous;
  template.category = category;
  engine.emitTemplate(template.wabaId, { ...base, previous_category: previous, new_category: category }, 'template_category_update');
}
