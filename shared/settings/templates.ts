import { z } from 'zod';
import { ORDER_EVENTS, type OrderEvent } from '../domain/order-events';

/**
 * "Message Templates": which Meta-approved template each order event sends, and what goes in
 * each of its parameters. The dispatcher renders these (shared/domain/template-render.ts); the
 * Templates screen edits them and checks them with `templates.dryRun`.
 */

/** Order fields a template parameter can show. Values are rendered in the shop's locale. */
export const ORDER_FIELDS = [
  /** "Maria" from "Maria Souza". */
  'customer_first_name',
  'customer_name',
  'order_number',
  /** Total with the currency symbol: `R$ 1.234,56`. */
  'order_total',
  /** Total without the symbol, for templates that write "R$ {{3}}": `1.234,56`. */
  'order_total_number',
  'carrier',
  'tracking_number',
  /** The source's URL, else built from the carrier's pattern (Tracking URL Configuration). */
  'tracking_url',
  /** dd/mm/aaaa in the shop's time zone. */
  'order_date',
  'shipped_date',
  'delivered_date',
  'cancel_reason',
  'refund_amount',
  'refund_amount_number',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const bindingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(ORDER_FIELDS) }),
  z.object({ kind: z.literal('text'), text: z.string().max(1024) }),
]);
export type Binding = z.infer<typeof bindingSchema>;

/** `1`, `2`… (positional templates) or `first_name` (named templates). */
export const PARAM_NAME = /^(?:[1-9]\d?|[a-z_][a-z0-9_]{0,59})$/;

export const templateParamSchema = z.object({
  name: z.string().regex(PARAM_NAME, { error: 'validation.templateParamName' }),
  value: bindingSchema,
});
export type TemplateParam = z.infer<typeof templateParamSchema>;

export const HEADER_MEDIA_FORMATS = ['image', 'video', 'document'] as const;
export type HeaderMediaFormat = (typeof HEADER_MEDIA_FORMATS)[number];

export const templateHeaderSchema = z.discriminatedUnion('kind', [
  /** No header, or a header without parameters. */
  z.object({ kind: z.literal('none') }),
  /** A text header with its (at most one) parameter. */
  z.object({ kind: z.literal('text'), params: z.array(templateParamSchema).max(1) }),
  /** An IMAGE/VIDEO/DOCUMENT header: the media Meta fetches from this link. */
  z.object({
    kind: z.literal('media'),
    format: z.enum(HEADER_MEDIA_FORMATS),
    link: z.url({ protocol: /^https$/, error: 'validation.url' }),
    filename: z.string().trim().max(240).optional(),
  }),
]);
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;

/** The dynamic suffix of a URL button (`https://loja.example/rastreio/{{1}}`), by button position. */
export const templateButtonSchema = z.object({
  index: z.number().int().min(0).max(9),
  param: templateParamSchema,
});
export type TemplateButtonParam = z.infer<typeof templateButtonSchema>;

export const templateMappingSchema = z.object({
  /** Exact name registered at Meta; '' = no template for this event (plain text only). */
  templateName: z.string().trim().max(512).regex(/^[a-z0-9_]*$/, { error: 'validation.templateName' }),
  /** '' = the default language. Must match the template's language exactly (`pt_BR` ≠ `pt`). */
  language: z.string().trim().regex(/^(?:[a-z]{2,3}(?:_[A-Za-z]{2,4})?)?$/, { error: 'validation.templateLanguage' }),
  header: templateHeaderSchema,
  body: z.array(templateParamSchema).max(60),
  buttons: z.array(templateButtonSchema).max(10),
  /**
   * What the customer reads, with the same `{{1}}`/`{{name}}` placeholders: the Templates
   * screen's preview, and the plain text sent instead of the template when templates are off.
   */
  previewText: z.string().max(4096),
});
export type TemplateMapping = z.infer<typeof templateMappingSchema>;

export const templatesSettingsSchema = z.object({
  /** "Use Template Messages": off = plain text inside the 24-hour window, the template otherwise. */
  useTemplates: z.boolean(),
  /** "Default Language": Meta's code, e.g. `pt_BR`. */
  defaultLanguage: z.string().trim().regex(/^[a-z]{2,3}(?:_[A-Za-z]{2,4})?$/, { error: 'validation.templateLanguage' }),
  /** How money and dates are written (BCP 47, e.g. `pt-BR`). */
  locale: z.string().trim().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'validation.locale' }),
  /** Dates are the shop's calendar days (IANA zone). */
  timeZone: z.string().trim().min(1).max(64),
  events: z.object(Object.fromEntries(ORDER_EVENTS.map((e) => [e, templateMappingSchema])) as Record<OrderEvent, typeof templateMappingSchema>),
});
export type TemplatesSettings = z.infer<typeof templatesSettingsSchema>;

const field = (name: string, f: OrderField): TemplateParam => ({ name, value: { kind: 'field', field: f } });
const fixed = (name: string, text: string): TemplateParam => ({ name, value: { kind: 'text', text } });
const mapping = (templateName: string, body: TemplateParam[], previewText: string): TemplateMapping => ({
  templateName,
  language: '',
  header: { kind: 'none' },
  body,
  buttons: [],
  previewText,
});

/** Estimated shipping for the two templates that ask for it; the owner edits it. */
export const DEFAULT_SHIPPING_ESTIMATE = 'até 2 dias úteis';

/**
 * Maps the six pt_BR demo templates of the Sandbox exactly (electron/core/sandbox/demo-world.ts,
 * from the wireframe's previews), so Sandbox mode sends out of the box. Preview texts are the
 * templates' body and footer.
 */
export const DEFAULT_TEMPLATES_SETTINGS: TemplatesSettings = {
  useTemplates: true,
  defaultLanguage: 'pt_BR',
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  events: {
    order_placed: mapping(
      'pedido_confirmado',
      [field('1', 'customer_first_name'), field('2', 'order_number'), field('3', 'order_total_number'), fixed('4', DEFAULT_SHIPPING_ESTIMATE)],
      '*✅ Pedido Confirmado*\n\nOlá {{1}},\nSeu pedido #{{2}} foi confirmado!\n\n💰 Total: R$ {{3}}\n📅 Previsão de envio: {{4}}\n\nObrigado pela preferência!',
    ),
    order_processing: mapping(
      'pedido_em_processamento',
      [field('1', 'customer_first_name'), field('2', 'order_number'), fixed('3', DEFAULT_SHIPPING_ESTIMATE)],
      '*⚙️ Pedido em Processamento*\n\nOlá {{1}},\nSeu pedido #{{2}} está sendo preparado.\n\n📅 Previsão de envio: {{3}}\n\nObrigado pela preferência!',
    ),
    shipment_created: mapping(
      'pedido_enviado',
      [field('1', 'customer_first_name'), field('2', 'order_number'), field('3', 'carrier'), field('4', 'tracking_number'), field('5', 'tracking_url')],
      '*📦 Atualização do Pedido*\n\nOlá {{1}},\nSeu pedido #{{2}} foi enviado!\n\n🚚 Transportadora: {{3}}\n📋 Código de rastreio: {{4}}\n🔗 Rastreie em: {{5}}\n\nObrigado pela sua compra!',
    ),
    shipment_delivered: mapping(
      'pedido_entregue',
      [field('1', 'customer_first_name'), field('2', 'order_number'), field('3', 'delivered_date')],
      '*📬 Pedido Entregue*\n\nOlá {{1}},\nSeu pedido #{{2}} foi entregue!\n\n📅 Entregue em: {{3}}\n\nEsperamos que goste! Alguma dúvida? Responda esta mensagem.',
    ),
    order_cancelled: mapping(
      'pedido_cancelado',
      [field('1', 'customer_first_name'), field('2', 'order_number'), field('3', 'cancel_reason')],
      '*❌ Pedido Cancelado*\n\nOlá {{1}},\nSeu pedido #{{2}} foi cancelado.\n\n📝 Motivo: {{3}}\n\nEm caso de dúvidas, responda esta mensagem.',
    ),
    refund_issued: mapping(
      'reembolso_emitido',
      [field('1', 'customer_first_name'), field('2', 'order_number'), field('3', 'refund_amount_number')],
      '*💸 Reembolso Emitido*\n\nOlá {{1}},\nO reembolso do seu pedido #{{2}} foi processado.\n\n💰 Valor: R$ {{3}}\n\nO valor pode levar alguns dias para aparecer.',
    ),
  },
};
