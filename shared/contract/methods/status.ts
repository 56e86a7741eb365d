import { z } from 'zod';
import type { MarketingHold } from './template-category';
import { method } from '../define';
import type { MetaProblemView } from '../../domain/meta-problems';
import type { MessageCounts } from '../../domain/message-counts';
import type { CostEstimate } from '../../domain/cost-estimate';
import { costRatesSchema, type CostRates } from '../../settings/costs';

export type { CostEstimate } from '../../domain/cost-estimate';
import type { TunnelState } from './tunnel';

/** The result of asking Meta for the connected phone number. */
export interface ApiCheck {
  state: 'connected' | 'error' | 'not_configured';
  checkedAt: number;
  apiVersion: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  problem: MetaProblemView | null;
}

export interface DailyCount {
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** Messages created that day, by the one definition of each number (the log's counters for that day). */
  counts: MessageCounts;
}


/**
 * The configured Graph version against Meta's dated table at the core's clock: `expiring` within
 * 90 days, `expired` once Meta stopped serving it (shared/domain/graph-versions.ts).
 */
export interface ApiVersionNotice {
  version: string;
  state: 'expired' | 'expiring' | 'ok';
  /** Epoch ms (midnight UTC of Meta's published date); null when Meta has not published it. */
  expiresAt: number | null;
  /** The version to switch to: the newest Recado is tested against. */
  newest: string;
}

/** Everything the "Connection Status" screen shows, in one call. */
export interface StatusOverview {
  mode: 'sandbox' | 'live';
  api: ApiCheck | null;
  apiVersion: ApiVersionNotice;
  /** Messages created today (local day), counted like the Message Log counts them. */
  today: MessageCounts;
  /** `pending`: what still has to go out (shared/domain/message-counts.ts), as `dispatch.state.queueSize`. */
  queue: { pending: number };
  daily: DailyCount[];
  cost: CostEstimate;
  tunnel: TunnelState;
  webhook: { lastCallbackAt: number | null; lastVerifiedAt: number | null };
  /** Events whose template Meta moved to MARKETING (held, or accepted by the owner). */
  marketingHolds: MarketingHold[];
}

export const statusMethods = {
  /** Status screen data; `api` is the last check (null until one ran). */
  'status.overview': method(z.object({}).strict()).returns<StatusOverview>(),
  /** Asks Meta now (GET /{phone-number-id}) and remembers the answer. */
  'status.checkApi': method(z.object({}).strict()).returns<ApiCheck>(),
  'status.getCostRates': method(z.object({}).strict()).returns<CostRates>(),
  'status.saveCostRates': method(costRatesSchema).returns<CostRates>(),
};
