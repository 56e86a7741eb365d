import { z } from 'zod';
import { method } from '../define';
import type { BlacklistMatch, BlacklistSource } from '../../domain/notification-status';
import { normalizeBrazilianPhone } from '../../domain/phone';

export interface BlacklistItem {
  id: number;
  /** E.164; null for a customer known only by BSUID (an opt-out that came without the phone). */
  phone: string | null;
  /** Meta's business-scoped user ID when the entry came with one (e.g. `BR.13491208655302741918`). */
  userId: string | null;
  /** The customer's WhatsApp username when known. */
  username: string | null;
  /** Which identifier the entry was matched by: the phone, or the BSUID. */
  matchedBy: BlacklistMatch;
  reason: string;
  source: BlacklistSource;
  addedAt: number;
}

export interface BlacklistPage {
  rows: BlacklistItem[];
  /** Rows matching the search. */
  total: number;
  /** Every blocked number (the screen's "3 números bloqueados"). */
  count: number;
  page: number;
  pageSize: number;
}

/** A number typed by the owner: any Brazilian mask; must normalize (reasons in `validation.phone.*`). */
export const blacklistPhoneSchema = z
  .string()
  .trim()
  .max(40)
  .superRefine((value, ctx) => {
    const result = normalizeBrazilianPhone(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `validation.phone.${result.reason}` });
  });

export const addBlacklistSchema = z
  .object({
    phone: blacklistPhoneSchema,
    reason: z.string().trim().min(1, { error: 'validation.required' }).max(300),
  })
  .strict();

export const blacklistMethods = {
  /** Newest first; `search` matches part of the number (digits) or of the reason. */
  'blacklist.list': method(
    z
      .object({
        search: z.string().trim().max(100).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      })
      .strict(),
  ).returns<BlacklistPage>(),
  /** Normalizes to E.164 and adds it (source `manual`); `conflict` when it (or its 9th-digit twin) is there. */
  'blacklist.add': method(addBlacklistSchema).returns<BlacklistItem>(),
  /** Removes the exact E.164 number, or the entry of a BSUID; `not_found` when it is not there. */
  'blacklist.remove': method(
    z
      .object({ phone: z.string().trim().min(1).max(40).optional(), userId: z.string().trim().min(1).max(140).optional() })
      .strict()
      .refine((v) => (v.phone === undefined) !== (v.userId === undefined), { error: 'validation.required' }),
  ).returns<{ removed: true }>(),
};
