import { z } from 'zod';

/**
 * Graph API response shapes the client relies on (doc §1.2, §1.3, §4). Unknown extra fields are
 * dropped, not refused: Meta adds fields without notice. IDs are strings everywhere.
 */

export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.object({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof graphErrorSchema>;

export const sendResponseSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })).optional(),
  messages: z
    .array(z.object({ id: z.string().min(1), message_status: z.string().optional(), group_id: z.string().optional() }))
    .min(1),
});

export const successSchema = z.object({ success: z.boolean() });

const webhookConfigurationSchema = z.object({
  application: z.string().optional(),
  whatsapp_business_account: z.string().optional(),
  phone_number: z.string().optional(),
});

export const phoneNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  code_verification_status: z.string().optional(),
  platform_type: z.string().optional(),
  throughput: z.object({ level: z.string() }).optional(),
  status: z.string().optional(),
  name_status: z.string().optional(),
  account_mode: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
  is_on_biz_app: z.boolean().optional(),
  webhook_configuration: webhookConfigurationSchema.optional(),
});
export type PhoneNumberInfo = z.infer<typeof phoneNumberSchema>;
export const PHONE_FIELDS = [
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'code_verification_status',
  'platform_type',
  'throughput',
  'status',
  'name_status',
  'account_mode',
  'messaging_limit_tier',
  'whatsapp_business_manager_messaging_limit',
  'is_on_biz_app',
  'webhook_configuration',
] as const;
export type PhoneField = (typeof PHONE_FIELDS)[number];

const pagingSchema = z.object({
  cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), paging: pagingSchema.optional() });
export interface Page<T> {
  data: T[];
  /** Pass back as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const subscribedAppsSchema = z.object({
  data: z.array(
    z.object({
      whatsapp_business_api_data: z.object({ id: z.string(), link: z.string().optional(), name: z.string().optional() }),
      override_callback_uri: z.string().optional(),
    }),
  ),
});
export type SubscribedApps = z.infer<typeof subscribedAppsSchema>['data'];

const templateButtonSchema = z.object({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
  phone_number: z.string().optional(),
  example: z.array(z.string()).optional(),
});

export const templateComponentSchema = z.object({
  type: z.enum(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(templateButtonSchema).optional(),
  example: z.record(z.string(), z.unknown()).optional(),
});
export type TemplateComponentInfo = z.infer<typeof templateComponentSchema>;

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']).optional(),
  sub_category: z.string().optional(),
  previous_category: z.string().optional(),
  components: z.array(templateComponentSchema).optional(),
});
export type TemplateInfo = z.infer<typeof templateSchema>;

export const createTemplateResponseSchema = z.object({ id: z.string(), status: z.string(), category: z.string() });

export const debugTokenSchema = z.object({
  data: z.object({
    app_id: z.string().optional(),
    type: z.string().optional(),
    application: z.string().optional(),
    data_access_expires_at: z.number().optional(),
    /** 0 = never expires (System User token). */
    expires_at: z.number().optional(),
    is_valid: z.boolean(),
    issued_at: z.number().optional(),
    scopes: z.array(z.string()).default([]),
    granular_scopes: z.array(z.object({ scope: z.string(), target_ids: z.array(z.string()).optional() })).optional(),
    user_id: z.string().optional(),
    error: z.object({ code: z.number().optional(), subcode: z.number().optional(), message: z.string().optional() }).optional(),
  }),
});
export type DebugTokenData = z.infer<typeof debugTokenSchema>['data'];
