/**
 * Meta failures a shop owner can act on, each with its own sentence in the UI (`meta.problem.<key>`).
 * Decided by Meta's `error.code` (never by the message text), per Meta's docs: support/error-codes.
 */
export const META_PROBLEMS = [
  'not_configured',
  'token_expired',
  'token_invalid',
  'permission',
  'wrong_id',
  'not_in_allowed_list',
  'account_blocked',
  'not_registered',
  'rate_limited',
  'network',
  'timeout',
  'meta_unavailable',
  'other',
] as const;
export type MetaProblem = (typeof META_PROBLEMS)[number];

/** A failed call to Meta as the renderer shows it: our sentence, plus Meta's own words. */
export interface MetaProblemView {
  problem: MetaProblem;
  code: number | null;
  title: string | null;
  details: string | null;
  fbtraceId: string | null;
}

export function metaProblemForCode(code: number, subcode?: number): MetaProblem {
  if (code === 190) return subcode === 463 || subcode === 467 ? 'token_expired' : 'token_invalid';
  if (code === 0) return 'token_invalid';
  if (code === 3 || code === 10 || (code >= 200 && code <= 299) || code === 131005) return 'permission';
  if (code === 100 || code === 33 || code === 131009) return 'wrong_id';
  if (code === 131030) return 'not_in_allowed_list';
  if (code === 368 || code === 131031 || code === 131042) return 'account_blocked';
  if (code === 133010 || code === 131045) return 'not_registered';
  if (code === 4 || code === 80007 || code === 130429 || code === 131056) return 'rate_limited';
  if (code === 1 || code === 2 || code === 131000 || code === 131016 || code === 133004) return 'meta_unavailable';
  return 'other';
}
