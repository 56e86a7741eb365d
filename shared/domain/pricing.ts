/**
 * How Meta charges one message, from the `pricing` object of its status webhooks
 * (whatsapp-cloud-api.md §3.2, §5 and §8): per delivered message (PMP, since 2025-07-01), by
 * category and the recipient's country; `type` says when a message was free.
 */

/** Since this day (00:00 UTC) utility templates inside the 24 h customer-service window and service messages are charged (§8). */
export const CSW_CHARGED_SINCE = Date.parse('2026-10-01T00:00:00Z');

/** Meta's free types (`type` of the pricing object); `regular` is the charged one. */
export const FREE_PRICING_TYPES = ['free_customer_service', 'free_entry_point'] as const;

/**
 * What a receipt says about the charge, in one word the screens translate:
 * `charged` (billable or `regular`), `charged_in_window` (a utility or service message inside the
 * window sent since 2026-10-01, whose receipt did not say `billable`), `free_customer_service`,
 * `free_entry_point`, `free` (Meta said not billable, or a service message before 2026-10-01).
 */
export type ChargeVerdict = 'charged' | 'charged_in_window' | 'free_customer_service' | 'free_entry_point' | 'free';

export interface ReceiptPricing {
  category: string | null;
  /** Meta's `billable`; null when the receipt did not carry it (Meta is deprecating it). */
  billable: boolean | null;
  type: string | null;
  /** When the message was sent (epoch ms): decides the dated rule for receipts without `billable`. */
  sentAt: number;
}

const WINDOW_CHARGED_CATEGORIES = new Set(['utility', 'service']);

/**
 * Whether Meta charges the message, by its own receipt first (`billable: false` or a free `type`
 * is free), then by the dated rule of 2026-10-01 for a receipt that lacks `billable`. Null when
 * no receipt told the pricing yet.
 */
export function chargeVerdict({ category, billable, type, sentAt }: ReceiptPricing): ChargeVerdict | null {
  if (category === null && billable === null && type === null) return null;
  if (type === 'free_entry_point') return 'free_entry_point';
  if (type === 'free_customer_service') {
    const newRule = billable === null && sentAt >= CSW_CHARGED_SINCE && category !== null && WINDOW_CHARGED_CATEGORIES.has(category);
    return newRule ? 'charged_in_window' : 'free_customer_service';
  }
  if (billable === false) return 'free';
  if (billable === true || type === 'regular') return 'charged';
  // Neither `billable` nor `type`: service messages were free until 2026-10-01; the rest is charged.
  return category === 'service' && sentAt < CSW_CHARGED_SINCE ? 'free' : 'charged';
}

/** Whether a verdict costs money. */
export const isCharged = (verdict: ChargeVerdict | null): boolean => verdict === 'charged' || verdict === 'charged_in_window';
