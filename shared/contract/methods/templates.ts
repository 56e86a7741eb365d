import { z } from 'zod';
import { method } from '../define';
import { ORDER_EVENTS, type OrderEvent } from '../../domain/order-events';
import type { CurrencyWarning } from '../../domain/currency-check';
import type { KnownComponent, TemplateProblem } from '../../domain/template-check';
import type { RenderedTemplate } from '../../domain/template-render';
import { templateMappingSchema, templatesSettingsSchema, type TemplatesSettings } from '../../settings/templates';

/** A template as synced from Meta (`message_templates` table). */
export interface TemplateSummary {
  templateId: string;
  name: string;
  language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED… as Meta writes it. */
  status: string;
  statusReason: string | null;
  category: string | null;
  /** The category before Meta re-categorised it (`UTILITY` for a template moved to `MARKETING`); null when unchanged. */
  previousCategory: string | null;
  /** `POSITIONAL` / `NAMED`; null until synced from the Graph API. */
  parameterFormat: string | null;
  /** Meta's components (HEADER/BODY/FOOTER/BUTTONS); null until synced. */
  components: KnownComponent[] | null;
  updatedAt: number;
}

/** `templates.list`: the stored templates and whether any sync has filled them in yet. */
export interface TemplateList {
  /**
   * False until a sync brought at least one template's components: before that every template
   * looks missing (rows a template-status webhook wrote carry no components and are not a sync).
   */
  synced: boolean;
  /** By name then language. */
  templates: TemplateSummary[];
}

/** One enabled event whose saved mapping Meta would refuse, with why (the dry run's problems). */
export interface RefusedEvent {
  event: OrderEvent;
  templateName: string;
  language: string;
  problems: TemplateProblem[];
}

/** `renderTemplate`'s answer for one event and order (its `name` as `templateName`), and what it was rendered against. */
export interface TemplatePreview extends Omit<RenderedTemplate, 'name'> {
  event: OrderEvent;
  templateName: string;
  /** The order rendered against; null = the built-in sample order. */
  order: { id: number; number: string; customerName: string } | null;
  /** The order's currency (ISO 4217; `BRL` for the sample): amounts above are written in it. */
  currency: string;
}

export interface TemplateDryRun extends TemplatePreview {
  /** The synced template the (name, language) pair selects, if any. */
  template: TemplateSummary | null;
  /** What Meta would answer (132000 with Meta's details, 132012, 132001…); empty = it would be accepted. */
  problems: TemplateProblem[];
  /** What Meta would accept but the customer would misread (a fixed "R$" on a USD order). */
  warnings: CurrencyWarning[];
  ok: boolean;
}

/**
 * Render a mapping (the saved one, or `mapping` while the screen edits it) against an order:
 * `orderId` from the order book, or `notificationId` from the message log (its order and event),
 * else a sample order.
 */
export const templateRenderInputSchema = z
  .object({
    event: z.enum(ORDER_EVENTS).optional(),
    mapping: templateMappingSchema.optional(),
    orderId: z.number().int().positive().optional(),
    notificationId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((v) => v.event !== undefined || v.notificationId !== undefined, { error: 'validation.required', path: ['event'] });

export const templatesMethods = {
  'templates.getSettings': method(z.object({}).strict()).returns<TemplatesSettings>(),
  /** Whole settings at once (use templates, default language, locale, the six mappings). */
  'templates.saveSettings': method(templatesSettingsSchema).returns<TemplatesSettings>(),
  /** Pulls every template of the WABA from Meta (or the Sandbox) into the local table. */
  'templates.sync': method(z.object({}).strict()).returns<{ synced: number; templates: TemplateSummary[] }>(),
  /** The synced templates, by name then language, and whether anything was synced yet. */
  'templates.list': method(z.object({}).strict()).returns<TemplateList>(),
  'templates.preview': method(templateRenderInputSchema).returns<TemplatePreview>(),
  /** Preview + the check against the synced template, as Meta would refuse the send. */
  'templates.dryRun': method(templateRenderInputSchema).returns<TemplateDryRun>(),
  /**
   * The enabled events whose saved mapping Meta would refuse (the dry run against the sample
   * order). Empty while template messages are off (plain text is a choice, not a mistake) and
   * before the first sync (every template would look missing). A failed check fails the call.
   */
  'templates.refusedEvents': method(z.object({}).strict()).returns<RefusedEvent[]>(),
};
